"""The case detail's attachments tab (附件): thumbnails of the case's files; add them with the
button or by dropping files from the file manager, open, save a copy, remove.

The view never sees a file's bytes on disk: it asks the attachment services, which decrypt and
check them. Adding runs in the background (a progress dialog appears only if it takes a while),
and one bad file is reported by name without stopping the others.
"""

from __future__ import annotations

import logging
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DeskError
from app.services import attachments
from app.services.attachments import MAX_ATTACHMENT_BYTES, MEDIA_TYPES, AttachmentsWithheld, AttachmentView
from app.tasks import Progress, Task, run_in_background
from app.views.attachment_list import THUMBNAIL_PX, AttachmentListModel, thumbnail_cache, thumbnail_image
from app.views.icons import icon

if TYPE_CHECKING:
    from app.models.store import Store
    from app.services.actor import Actor

log = logging.getLogger(__name__)

# Up to this many thumbnails are made at once when the tab is shown; more go to the background,
# so opening a case with many photos never freezes the window.
QUICK_THUMBNAILS = 3


@dataclass(frozen=True)
class AttachmentServices:
    """What the tab needs from the core, bound to the store and the signed-in user."""

    of_case: Callable[[int], list[AttachmentView]]  # (case_id)
    add: Callable[[int, Path], AttachmentView]  # (case_id, file)
    read: Callable[[int], bytes]  # (attachment_id)
    export: Callable[[int, Path], Path]  # (attachment_id, destination)
    remove: Callable[[int], None]  # (attachment_id)

    @classmethod
    def for_store(cls, store: Store, actor: Actor) -> AttachmentServices:
        return cls(
            of_case=lambda case_id: attachments.list_attachments(store, actor, case_id),
            add=lambda case_id, path: attachments.add_attachment(store, actor, case_id, path),
            read=lambda attachment_id: attachments.read_attachment(store, actor, attachment_id),
            export=lambda attachment_id, dest: attachments.export_attachment(store, actor, attachment_id, dest),
            remove=lambda attachment_id: attachments.remove_attachment(store, actor, attachment_id),
        )


_viewing: tempfile.TemporaryDirectory | None = None


def viewing_folder() -> Path:
    """Where "打开" puts the plain copy a viewer program opens. The folder is removed when the
    desk exits, so decrypted personal data does not outlive the session."""
    global _viewing
    if _viewing is None:
        _viewing = tempfile.TemporaryDirectory(prefix="mediation-desk-", ignore_cleanup_errors=True)
    return Path(_viewing.name)


class RemoveAttachmentBox(QMessageBox):
    """The question before removing: 取消 is the default, so Enter or Escape keep the file."""

    def __init__(self, attachment: AttachmentView, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("移除附件"))
        self.setText(self.tr("从本案移除附件“{name}”？").format(name=attachment.file_name))
        self.setInformativeText(self.tr("移除会记入办理记录；案件办结或作废后，附件不能再移除。"))
        self.remove_button = self.addButton(self.tr("移除"), QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)


class AttachmentsTab(QWidget):
    """The attachments of one case.

    Signals:
        count_changed(int): the number of attachments shown, after every load.
        changed(): an attachment was added or removed (the case's history grew).
        dialog_opened(QWidget): the removal question was opened (without blocking).
    """

    count_changed = Signal(int)
    changed = Signal()
    dialog_opened = Signal(QWidget)

    def __init__(self, services: AttachmentServices, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._case_id: int | None = None
        self._withheld = False
        self._thumbnail_task: Task | None = None
        self._thumbnails = thumbnail_cache()
        self.model = AttachmentListModel(self._thumbnails, self)

        self.list_view = QListView()
        self.list_view.setViewMode(QListView.ViewMode.IconMode)
        # Static after IconMode: the items stay in order, and files dropped on the list pass it
        # by (it takes no drops) and reach this widget, which adds them.
        self.list_view.setMovement(QListView.Movement.Static)
        self.list_view.setAcceptDrops(False)
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.list_view.setIconSize(QSize(THUMBNAIL_PX, THUMBNAIL_PX))
        self.list_view.setGridSize(QSize(150, 150))
        self.list_view.setWordWrap(True)
        self.list_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list_view.setModel(self.model)
        self.list_view.setAccessibleName(self.tr("附件"))
        self.list_view.installEventFilter(self)

        self.add_button = QPushButton(icon("attach"), self.tr("添加附件…"))
        self.open_button = QPushButton(self.tr("打开"))
        self.save_button = QPushButton(self.tr("另存为…"))
        self.remove_button = QPushButton(self.tr("移除"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()

        self.hint_label = QLabel(
            self.tr("可以把文件从文件管理器拖到这里添加。每个附件不超过 {limit} MB。").format(
                limit=MAX_ATTACHMENT_BYTES // 1024 // 1024
            )
        )
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_label.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.list_view, stretch=1)
        layout.addWidget(self.hint_label)
        self.setAcceptDrops(True)

        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.save_selected_as)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list_view.doubleClicked.connect(lambda _index: self.open_selected())
        self.list_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def show_case(self, case_id: int) -> None:
        """Show the attachments of ``case_id``; a notice about another case is dropped."""
        if case_id != self._case_id:
            self._case_id = case_id
            self.notice_label.hide()
        self.reload()

    def reload(self) -> None:
        """Read the case's attachments again."""
        if self._case_id is None:
            return
        self._withheld = False
        try:
            found = self._services.of_case(self._case_id)
        except AttachmentsWithheld as error:
            self._withheld = True
            self._notify(str(error))
            found = []
        self.model.set_attachments(found)
        self.count_changed.emit(len(found))
        self._update_buttons()
        self._make_thumbnails(found)

    def selected(self) -> AttachmentView | None:
        rows = self.list_view.selectionModel().selectedIndexes()
        return self.model.attachment(rows[0].row()) if rows else None

    # --- adding ------------------------------------------------------------------------------

    def choose_files(self) -> Task | None:
        """Ask for one or more files and add them."""
        patterns = " ".join(f"*{suffix}" for suffix in MEDIA_TYPES)
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("添加附件"),
            "",
            self.tr("图片、PDF、Word、Excel、文本和录音 ({patterns})").format(patterns=patterns),
        )
        return self.add_files([Path(name) for name in names])

    def add_files(self, paths: list[Path]) -> Task | None:
        """Add the files in the background; returns the task, or None if there was nothing to add."""
        if not paths or self._withheld or self._case_id is None:
            return None
        add, case_id = self._services.add, self._case_id
        adding = self.tr("正在添加：{name}")

        def work():
            added, refused = [], []
            for done, path in enumerate(paths):
                yield Progress(done, len(paths), adding.format(name=path.name))
                try:
                    added.append(add(case_id, path))
                except DeskError as error:
                    refused.append(str(error))
            return added, refused

        task = run_in_background(work, on_success=self._after_adding, parent=self, label=self.tr("正在添加附件…"))
        # Files added before a cancel stay added; show them.
        task.cancelled.connect(self._after_cancel)
        return task

    def _after_adding(self, result: tuple[list[AttachmentView], list[str]]) -> None:
        added, refused = result
        lines = []
        if added:
            lines.append(self.tr("已添加 {count} 个附件。").format(count=len(added)))
        if refused:
            lines.append(self.tr("以下文件未添加："))
            lines += refused
        self._notify("\n".join(lines))
        self.reload()
        if added:
            self.changed.emit()

    def _after_cancel(self) -> None:
        self._notify(self.tr("已停止添加；停止前已添加的附件保留在本案。"))
        self.reload()
        self.changed.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self._withheld and self._local_files(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if not self._withheld and self._local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._local_files(event.mimeData())
        if paths and not self._withheld:
            event.acceptProposedAction()
            self.add_files(paths)

    @staticmethod
    def _local_files(mime: QMimeData) -> list[Path]:
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []

    # --- open, save, remove ------------------------------------------------------------------

    def open_selected(self) -> Path | None:
        """Write a plain copy to the viewing folder and hand it to the system's viewer."""
        attachment = self.selected()
        if attachment is None:
            return None
        folder = viewing_folder() / uuid.uuid4().hex[:8]
        try:
            folder.mkdir()
            path = self._services.export(attachment.id, folder / Path(attachment.file_name).name)
        except (DeskError, OSError) as error:
            self._notify(str(error))
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._notify(
                self.tr("本机没有能打开“{name}”的程序；可以用“另存为…”保存后再打开。").format(name=attachment.file_name)
            )
        return path

    def save_selected_as(self) -> Path | None:
        attachment = self.selected()
        if attachment is None:
            return None
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("另存附件"), str(Path.home() / Path(attachment.file_name).name)
        )
        if not name:
            return None
        try:
            path = self._services.export(attachment.id, Path(name))
        except DeskError as error:
            self._notify(str(error))
            return None
        self._notify(self.tr("已将“{name}”保存到 {path}").format(name=attachment.file_name, path=path))
        return path

    def remove_selected(self) -> RemoveAttachmentBox | None:
        """Ask first (without blocking); the attachment goes only on 移除."""
        attachment = self.selected()
        if attachment is None:
            return None
        box = RemoveAttachmentBox(attachment, self)
        box.buttonClicked.connect(lambda button: button is box.remove_button and self._remove(attachment))
        box.finished.connect(box.deleteLater)
        box.open()
        self.dialog_opened.emit(box)
        return box

    def _remove(self, attachment: AttachmentView) -> None:
        try:
            self._services.remove(attachment.id)
        except DeskError as error:
            self._notify(str(error))
            return
        self._notify(self.tr("已移除附件“{name}”。").format(name=attachment.file_name))
        self.reload()
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the list: Enter opens the selected attachment, Delete asks to remove it."""
        if watched is self.list_view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_selected()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    # --- showing -----------------------------------------------------------------------------

    def _make_thumbnails(self, shown: list[AttachmentView]) -> None:
        ratio = self.devicePixelRatioF()  # the screen's pixels, so a 2x screen gets a sharp picture
        wanted = [a for a in shown if a.is_image and not self._thumbnails.has(a.sha256, ratio)]
        if self._thumbnail_task is not None:
            self._thumbnail_task.cancel()
            self._thumbnail_task = None
        if not wanted:
            return
        read = self._services.read
        if len(wanted) <= QUICK_THUMBNAILS:
            self._keep_thumbnails({a.sha256: thumbnail_image(read, a, ratio) for a in wanted})
            return

        def work():
            made = {}
            for done, attachment in enumerate(wanted):
                yield Progress(done, len(wanted))
                made[attachment.sha256] = thumbnail_image(read, attachment, ratio)
            return made

        task = run_in_background(work, on_success=self._keep_thumbnails, parent=self)
        task.finished.connect(lambda: self._forget_task(task))
        self._thumbnail_task = task

    def _forget_task(self, task: Task) -> None:
        if self._thumbnail_task is task:
            self._thumbnail_task = None

    def _keep_thumbnails(self, made: dict) -> None:
        for sha256, image in made.items():
            self._thumbnails.put(sha256, image)
        self.model.thumbnails_changed()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.add_button.setEnabled(self._case_id is not None and not self._withheld)
        self.hint_label.setVisible(not self._withheld)
        for button in (self.open_button, self.save_button, self.remove_button):
            button.setEnabled(chosen)

    def _notify(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.show()
