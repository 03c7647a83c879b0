"""The end-of-day sync on the desk: the sync panel (counts, progress, result, cancel). The main
window opens it from its 同步 menu or with Ctrl+Shift+Y (``app.views.sync_desk``).

The sync runs through ``run_in_background``, in the desk's one task lane. The panel is not modal
and may be closed while a sync runs: the sync goes on (the status bar says so) until it ends or
the user presses 取消同步 in the panel. Cancelling stops between requests; whatever the hub
confirmed stays confirmed, and the rest is sent at the next sync.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DeskError
from app.services.sync_status import SyncOverview, sync_overview
from app.sync import enrolment
from app.sync.engine import SyncProgress, SyncReport, run_sync
from app.sync.retry import RetryPolicy, SyncCancelled
from app.tasks import Cancelled, Task, run_in_background
from app.views.conflict_dialog import ConflictDialog, ConflictServices
from app.views.error_dialog import show_error
from app.views.field_errors import message_label
from app.views.icons import icon
from app.views.sync_words import (
    ResultWords,
    bytes_text,
    cancelled_words,
    failure_words,
    last_verified_text,
    percent_done,
    phase_text,
    report_words,
)

if TYPE_CHECKING:
    from app.models.store import Store
    from app.services.actor import Actor

log = logging.getLogger(__name__)

# A sync's steps, and the report it returns.
SyncSteps = Generator[SyncProgress, None, SyncReport]


@dataclass(frozen=True)
class SyncServices:
    """What the sync panel needs, as plain callables; ``for_store`` binds the real ones.

    Attributes:
        overview: the counts and the last verified sync now.
        sync: one sync with the hub; stops (SyncCancelled) soon after the event is set.
        conflicts: for the conflict dialog opened from the panel.
    """

    overview: Callable[[], SyncOverview]
    sync: Callable[[threading.Event], SyncSteps]
    conflicts: ConflictServices

    @classmethod
    def for_store(cls, store: Store, actor: Actor, *, policy: Callable[..., RetryPolicy] = RetryPolicy) -> SyncServices:
        def sync(cancel: threading.Event) -> SyncSteps:
            with enrolment.connect(store, policy=policy(cancel=cancel)) as client:
                return (yield from run_sync(store, client))

        return cls(
            overview=lambda: sync_overview(store),
            sync=sync,
            conflicts=ConflictServices.for_store(store, actor),
        )


class SyncPanel(QDialog):
    """The sync with the bureau hub: what waits, a sync's progress and its result.

    Closing the panel (Esc, 关闭) only hides it; a running sync goes on.

    Signals:
        sync_started(): a sync began.
        sync_finished(): a sync ended (verified, not verified, failed or cancelled); the list and
            the status bar should be read again.
        dialog_opened(QDialog): a conflict dialog was opened from the panel (not blocking).
        cases_changed(): conflicts were settled, so cases may have changed.
    """

    sync_started = Signal()
    sync_finished = Signal()
    dialog_opened = Signal(QDialog)
    cases_changed = Signal()

    def __init__(self, services: SyncServices, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._task: Task | None = None
        self._overview: SyncOverview | None = None
        self.setWindowTitle(self.tr("与市局中心同步"))
        self.setModal(False)

        self.hub_label = QLabel()
        self.hub_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hub_label)
        layout.addWidget(self._build_counts())
        layout.addWidget(self._build_progress())
        layout.addWidget(self._build_result(), stretch=1)
        self.note_label = QLabel(self.tr("同步在后台进行：关闭本窗口不会中断同步；要停止，请点“取消同步”。"))
        self.note_label.setWordWrap(True)
        layout.addWidget(self.note_label)

        self.button_box = QDialogButtonBox()
        self.start_button = self.button_box.addButton(self.tr("开始同步"), QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.setIcon(icon("sync"))
        self.cancel_button = self.button_box.addButton(self.tr("取消同步"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.button_box.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)
        # If the panel goes (the window closes), the sync's waits for the hub end at once.
        self._canceller = _Canceller()
        self.destroyed.connect(self._canceller)
        self.refresh()
        self._show_running(False)
        self.resize(560, 560)

    # --- building ---------------------------------------------------------------------------

    def _build_counts(self) -> QGroupBox:
        box = QGroupBox(self.tr("待处理"))
        form = QFormLayout(box)
        self.pending_label = QLabel()
        self.rejected_label = QLabel()
        self.conflict_label = QLabel()
        self.quarantined_label = QLabel()
        self.verified_label = QLabel()
        self.conflict_button = QPushButton(self.tr("处理冲突…"))
        self.conflict_button.clicked.connect(self.open_conflicts)
        conflict_row = QHBoxLayout()
        conflict_row.addWidget(self.conflict_label, stretch=1)
        conflict_row.addWidget(self.conflict_button)
        form.addRow(self.tr("待上传"), self.pending_label)
        form.addRow(self.tr("被拒收"), self.rejected_label)
        form.addRow(self.tr("有冲突"), conflict_row)
        form.addRow(self.tr("已隔离"), self.quarantined_label)
        form.addRow(self.tr("核验"), self.verified_label)
        self.attention_list = QListWidget()
        self.attention_list.setAccessibleName(self.tr("需要处理的案件"))
        self.attention_list.setMaximumHeight(self.attention_list.fontMetrics().lineSpacing() * 6)
        self.attention_list.itemActivated.connect(self._on_attention_activated)
        form.addRow(self.attention_list)
        return box

    def _build_progress(self) -> QGroupBox:
        box = QGroupBox(self.tr("进度"))
        box_layout = QVBoxLayout(box)
        self.phase_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.bytes_label = QLabel()
        box_layout.addWidget(self.phase_label)
        box_layout.addWidget(self.progress_bar)
        box_layout.addWidget(self.bytes_label)
        return box

    def _build_result(self) -> QGroupBox:
        box = QGroupBox(self.tr("结果"))
        box_layout = QVBoxLayout(box)
        self.result_label = QLabel(self.tr("本次尚未同步。"))
        self.result_label.setWordWrap(True)
        font = self.result_label.font()
        font.setBold(True)
        self.result_label.setFont(font)
        self.clock_label = message_label()
        self.details_edit = QPlainTextEdit()
        self.details_edit.setReadOnly(True)
        self.details_edit.setAccessibleName(self.tr("同步报告"))
        self.details_edit.hide()
        box_layout.addWidget(self.result_label)
        box_layout.addWidget(self.clock_label)
        box_layout.addWidget(self.details_edit, stretch=1)
        return box

    # --- what waits -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._task is not None

    def refresh(self) -> None:
        """Read the counts again."""
        overview = self._services.overview()
        self._overview = overview
        if overview.hub_url is None:
            self.hub_label.setText(self.tr("本站尚未登记到市局中心：请站长在“设置”的“市局中心”中登记。"))
        else:
            self.hub_label.setText(self.tr("市局中心：{url}").format(url=overview.hub_url))
        self.pending_label.setText(self.tr("%n 条办理记录", "", overview.pending))
        self.rejected_label.setText(self.tr("%n 条", "", overview.rejected))
        self.conflict_label.setText(self.tr("%n 件案件", "", len(overview.conflict_cases)))
        self.quarantined_label.setText(
            self.tr("%n 件案件", "", len(overview.quarantined_cases))
            + (self.tr("（其后的 {held} 条记录暂不上传）").format(held=overview.held) if overview.held else "")
        )
        self.verified_label.setText(last_verified_text(overview))
        self.conflict_button.setEnabled(bool(overview.conflict_cases))
        self.attention_list.clear()
        for case in overview.conflict_cases:
            item = QListWidgetItem(icon("conflict"), self.tr("{number} · 有冲突（%n 个字段）", "", case.conflicts).format(number=case.number))
            item.setData(Qt.ItemDataRole.UserRole, (case.case_id, case.number))
            self.attention_list.addItem(item)
        for case in overview.quarantined_cases:
            text = self.tr("{number} · 被拒收：{reason}").format(number=case.number, reason=case.reason)
            item = QListWidgetItem(icon("rejected"), text)
            item.setToolTip(self.tr("中心拒收了此案的记录，此案暂停上传，请联系市局核对。"))
            self.attention_list.addItem(item)
        self.attention_list.setVisible(self.attention_list.count() > 0)
        self.start_button.setEnabled(overview.hub_url is not None and not self.running)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.running:
            self.refresh()
        # No default button: Enter in the list opens a case, it never starts a sync.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def open_conflicts(self) -> ConflictDialog | None:
        """The conflict dialog of the case chosen in the list (the first with conflicts if none is)."""
        item = self.attention_list.currentItem()
        chosen = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if chosen is None:
            if not self._overview or not self._overview.conflict_cases:
                return None
            first = self._overview.conflict_cases[0]
            chosen = (first.case_id, first.number)
        return self._open_conflict_dialog(*chosen)

    def _on_attention_activated(self, item: QListWidgetItem) -> None:
        chosen = item.data(Qt.ItemDataRole.UserRole)
        if chosen is not None:
            self._open_conflict_dialog(*chosen)

    def _open_conflict_dialog(self, case_id: int, number: str) -> ConflictDialog:
        dialog = ConflictDialog(self._services.conflicts, case_id, number, self)
        dialog.resolved.connect(self._after_resolved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _after_resolved(self) -> None:
        self.refresh()
        self.cases_changed.emit()

    # --- a sync -----------------------------------------------------------------------------

    def start(self) -> Task | None:
        """Start a sync in the background (nothing if one is running)."""
        if self.running:
            return None
        cancel = threading.Event()
        self._canceller.event = cancel
        services = self._services

        def work() -> SyncSteps:
            try:
                return (yield from services.sync(cancel))
            except SyncCancelled:
                raise Cancelled from None

        self._show_running(True)
        self.result_label.setText(self.tr("正在同步…"))
        self.clock_label.hide()
        self.details_edit.hide()
        self.phase_label.setText(self.tr("正在准备（备份本站数据）…"))
        self.progress_bar.setRange(0, 0)
        self.bytes_label.setText("")
        task = run_in_background(
            work, on_success=self._on_done, on_failure=self._on_failed, on_progress=self._on_progress, parent=self
        )
        task.cancelled.connect(self._on_cancelled)
        task.finished.connect(self._on_finished)
        self._task = task
        log.info("sync started from the desk")
        self.sync_started.emit()
        return task

    def cancel(self) -> None:
        """Ask the running sync to stop at its next request."""
        if not self.running:
            return
        self._canceller.event.set()  # ends a wait between retries at once
        self._task.cancel()
        self.cancel_button.setEnabled(False)
        self.phase_label.setText(self.tr("正在取消：等待当前请求结束…"))

    def _show_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running and self._overview is not None and self._overview.hub_url is not None)
        self.cancel_button.setEnabled(running)
        self.cancel_button.setVisible(running)

    def _on_progress(self, step: SyncProgress) -> None:
        self.phase_label.setText(phase_text(step))
        percent = percent_done(step)
        if percent is None:
            self.progress_bar.setRange(0, 0)  # Qt's busy indicator: no count to show
        else:
            self.progress_bar.setRange(0, 100)
            self.progress_bar.setValue(percent)
        self.bytes_label.setText(bytes_text(step))

    def _on_done(self, report: SyncReport) -> None:
        self._show_result(report_words(report))

    def _on_failed(self, error: Exception) -> None:
        log.warning("sync from the desk failed: %s", error)
        self._show_result(failure_words(error))
        if not isinstance(error, DeskError):
            show_error(error, self)  # a bug: the error dialog, with the traceback in the log

    def _on_cancelled(self) -> None:
        self._show_result(cancelled_words())

    def _on_finished(self) -> None:
        self._task = None
        self._canceller.event = None
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.phase_label.setText("")
        self._show_running(False)
        self.refresh()
        self.sync_finished.emit()

    def _show_result(self, words: ResultWords) -> None:
        self.result_label.setText(words.headline)
        self.clock_label.setText(words.clock_warning)
        self.clock_label.setVisible(bool(words.clock_warning))
        self.details_edit.setPlainText("\n".join(words.lines))
        self.details_edit.setVisible(bool(words.lines))

    def result_text(self) -> str:
        """Everything the result part says now (headline, clock warning, report), for a reader."""
        parts = [self.result_label.text()]
        if not self.clock_label.isHidden():
            parts.append(self.clock_label.text())
        if not self.details_edit.isHidden():
            parts.append(self.details_edit.toPlainText())
        return "\n".join(parts)


class _Canceller:
    """Connected to the panel's ``destroyed``: sets the running sync's cancel event. A plain
    object, not the panel, since by the time ``destroyed`` fires the panel is half gone."""

    def __init__(self) -> None:
        self.event: threading.Event | None = None

    def __call__(self, *_args) -> None:
        if self.event is not None:
            self.event.set()
