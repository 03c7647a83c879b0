"""The main window's 数据 menu: a backup now (立即备份…) and, for the station head, a restore
(从备份恢复…); and a warning in the status bar while the backup folder cannot be used."""

from __future__ import annotations

from collections.abc import Callable, Generator
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from app.models.backup import BackupMade, Stage, Step
from app.services import backups
from app.services.backups import FolderState
from app.tasks import Progress, Task, run_in_background

if TYPE_CHECKING:
    from app.models.store import Store
    from app.services.actor import Actor
    from app.views.main_window import MainWindow


def progress_of(start: Callable[[], Generator[Step, None, Any]], texts: dict[Stage, str]) -> Generator[Progress, None, Any]:
    """Run the steps ``start()`` makes, each reported as a Progress with its stage's text;
    returns their result. Stopped early (cancelled), it stops the steps too, so a backup
    leaves no half file behind."""
    with closing(start()) as steps:
        try:
            step = next(steps)
            while True:
                yield Progress(step.done, step.total, texts.get(step.stage, ""))
                step = next(steps)
        except StopIteration as stop:
            return stop.value


@dataclass(frozen=True)
class BackupServices:
    """What the 数据 menu may do, as plain callables; ``for_store`` binds the real services.

    Attributes:
        back_up: starts a backup into the station's backup folder; its steps, then what was made.
        folder_state: the station's backup folder now, and why it cannot be used ("" when it can).
        backup_folder: the station's backup folder now, where the restore's file chooser opens.
        data_backups: the data folder's ``backups``: where backups go when the folder cannot
            be used, and where a restore keeps the replaced data.
        can_restore: whether the signed-in user may restore (the station head).
    """

    back_up: Callable[[], Generator[Step, None, BackupMade]]
    folder_state: Callable[[], FolderState]
    backup_folder: Callable[[], Path]
    data_backups: Path
    can_restore: bool

    @classmethod
    def for_store(cls, store: Store, actor: Actor) -> BackupServices:
        return cls(
            back_up=lambda: backups.back_up(store, actor),
            folder_state=lambda: backups.folder_state(store),
            backup_folder=lambda: backups.backup_folder(store),
            data_backups=store.paths.backups,
            can_restore=actor.is_head,
        )


class DataMenu(QObject):
    """The 数据 menu of one main window, and its status-bar warning about the backup folder.

    A backup runs in the background with progress and ends with a message saying where it
    went. A restore is chosen and confirmed here, but done by the desk, which must first close
    every window and the store: ``restore_requested`` hands it over.

    Signals:
        restore_requested(Path): the head chose this backup and confirmed replacing the data.
            It is emitted from the confirmation's own click; connect it queued, since the desk
            then deletes the window the confirmation belongs to.
    """

    restore_requested = Signal(object)

    def __init__(self, window: MainWindow, services: BackupServices):
        super().__init__(window)
        self._window = window
        self._services = services
        self.file_dialog: QFileDialog | None = None
        self.confirmation: QMessageBox | None = None
        self.message_box: QMessageBox | None = None

        menu = window.menuBar().addMenu(self.tr("数据"))
        self.back_up_action = menu.addAction(self.tr("立即备份…"))
        self.back_up_action.triggered.connect(self.back_up)
        self.restore_action = menu.addAction(self.tr("从备份恢复…"))
        self.restore_action.setVisible(services.can_restore)
        self.restore_action.triggered.connect(self.choose_backup)

        self.folder_warning = QLabel()
        self.folder_warning.setWordWrap(True)
        window.statusBar().addWidget(self.folder_warning)
        state = services.folder_state()
        self._show_folder_problem(state.folder, state.problem)

    # --- backing up ---------------------------------------------------------------------------

    def back_up(self) -> Task:
        """Back up now, in the background; a message says where when it is done."""
        self.back_up_action.setEnabled(False)
        label = self.tr("正在备份…")
        task = run_in_background(
            # The generator function itself (through partial), so the backup can be cancelled.
            partial(progress_of, self._services.back_up, {Stage.COPY: label}),
            on_success=self._on_backed_up,
            parent=self._window,
            label=label,
        )
        task.cancelled.connect(lambda: self._window.statusBar().showMessage(self.tr("备份已取消。"), 10_000))
        task.finished.connect(lambda: self.back_up_action.setEnabled(True))
        return task

    def _on_backed_up(self, made: BackupMade) -> None:
        self._window.show_last_backup()
        self._show_folder_problem(made.folder, made.folder_problem)
        box = QMessageBox(self._window)
        box.setWindowTitle(self.tr("备份完成"))
        box.setText(self.tr("已备份到：{path}").format(path=made.path))
        box.setIcon(QMessageBox.Icon.Information)
        if made.folder_problem:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setInformativeText(
                self.tr("备份文件夹 {folder} 无法使用：{problem}。这次备份已改存到数据目录。").format(
                    folder=made.folder, problem=made.folder_problem
                )
            )
        self.message_box = box
        box.open()

    def _show_folder_problem(self, folder: Path, problem: str) -> None:
        self.folder_warning.setVisible(bool(problem))
        if problem:
            self.folder_warning.setText(
                self.tr("⚠ 备份文件夹 {folder} 无法使用：{problem}。备份改存到 {fallback}。").format(
                    folder=folder, problem=problem, fallback=self._services.data_backups
                )
            )

    # --- restoring ----------------------------------------------------------------------------

    def choose_backup(self) -> QFileDialog:
        dialog = QFileDialog(self._window, self.tr("选择要恢复的备份文件"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("调解台备份 (*.db)"), self.tr("所有文件 (*)")])
        start = self._services.backup_folder()
        if start.is_dir():
            dialog.setDirectory(str(start))
        dialog.fileSelected.connect(lambda chosen: self._confirm_restore(Path(chosen)) if chosen else None)
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def _confirm_restore(self, source: Path) -> None:
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("从备份恢复"))
        box.setText(self.tr("用备份 {name} 替换本站现在的全部数据？").format(name=source.name))
        box.setInformativeText(
            self.tr(
                "现在的数据不会丢失：恢复前先另存到 {folder}（文件名以 replaced- 开头），需要时可再从它恢复。"
                "恢复时调解台会关闭所有窗口，恢复后请重新登录。"
            ).format(folder=self._services.data_backups)
        )
        box.addButton(self.tr("恢复"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        # Enter or Escape leave the data as it is.
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.buttonClicked.connect(
            lambda button: self.restore_requested.emit(source)
            if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole
            else None
        )
        self.confirmation = box
        box.open()
