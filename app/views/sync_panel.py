"""The end-of-day sync on the desk: the sync panel (counts, progress, result, cancel). The main
window opens it from its 同步 menu or with Ctrl+Shift+Y (``app.views.sync_desk``).

The sync runs through ``run_in_background``, in the desk's one task lane. The panel is not modal
and may be closed while a sync runs: the sync goes on (the status bar says so) until it ends or
the user presses 取消同步 in the panel. Cancelling stops between requests; whatever the hub
confirmed stays confirmed, and the rest is sent at the next sync.

The panel runs the sync and lays out its parts: the counts and the cases that need a person
(``sync_counts``), the progress (``sync_progress``) and the result (``sync_result``). What it
calls is bound in ``sync_services`` (``SyncServices``, importable from here too).

From the list of cases that need a person, the station head may release a quarantined case
(重新上传…, ``app.sync.release``) after a confirmation; not while a sync runs.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import DeskError
from app.services.sync_status import SyncOverview
from app.sync.engine import SyncProgress, SyncReport
from app.sync.retry import SyncCancelled
from app.tasks import Cancelled, Task, run_in_background
from app.views.conflict_dialog import ConflictDialog
from app.views.error_dialog import show_error
from app.views.icons import icon
from app.views.sync_counts import SyncCounts
from app.views.sync_progress import SyncProgressBox
from app.views.sync_result import SyncResultBox
from app.views.sync_services import SyncServices, SyncSteps
from app.views.sync_words import cancelled_words, failure_words, report_words

__all__ = ["SyncPanel", "SyncServices", "SyncSteps"]

log = logging.getLogger(__name__)


class SyncPanel(QDialog):
    """The sync with the bureau hub: what waits, a sync's progress and its result.

    Closing the panel (Esc, 关闭) only hides it; a running sync goes on.

    Signals:
        sync_started(): a sync began.
        sync_finished(): a sync ended (verified, not verified, failed or cancelled); the list and
            the status bar should be read again.
        dialog_opened(QDialog): a conflict dialog or the release question was opened from the
            panel (not blocking).
        cases_changed(): conflicts were settled or a case released, so cases may have changed.
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
        self.counts = SyncCounts()
        self.counts.conflicts_requested.connect(self._open_conflict_dialog)
        self.counts.release_requested.connect(self._ask_release)
        self.progress_box = SyncProgressBox()
        self.result_box = SyncResultBox()
        # The parts' widgets, by the names the panel always had (tests and readers use them).
        self.pending_label, self.rejected_label = self.counts.pending_label, self.counts.rejected_label
        self.conflict_label, self.quarantined_label = self.counts.conflict_label, self.counts.quarantined_label
        self.verified_label, self.conflict_button = self.counts.verified_label, self.counts.conflict_button
        self.release_button = self.counts.release_button
        self.attention_list = self.counts.attention_list
        self.phase_label, self.progress_bar = self.progress_box.phase_label, self.progress_box.progress_bar
        self.bytes_label = self.progress_box.bytes_label
        self.result_label, self.clock_label = self.result_box.result_label, self.result_box.clock_label
        self.details_edit = self.result_box.details_edit
        layout = QVBoxLayout(self)
        layout.addWidget(self.hub_label)
        layout.addWidget(self.counts)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.result_box, stretch=1)
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
        self.counts.show_overview(overview)
        self.counts.allow_release(self._services.may_release, busy=self.running)
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
        chosen = self.counts.chosen_conflict()
        return None if chosen is None else self._open_conflict_dialog(*chosen)

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

    # --- releasing a quarantined case -------------------------------------------------------

    def _ask_release(self, case_id: int, number: str, reason: str) -> ReleaseCaseBox:
        box = ReleaseCaseBox(number, reason, self)
        box.buttonClicked.connect(lambda button: button is box.release_button and self._release(case_id))
        box.finished.connect(box.deleteLater)
        box.open()
        self.dialog_opened.emit(box)
        return box

    def _release(self, case_id: int) -> None:
        try:
            self._services.release(case_id)  # the core logs who released it
        except DeskError as error:  # released meanwhile (another window), say: say so, show what is
            show_error(error, self)
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
        self.result_box.show_running()
        self.progress_box.show_preparing()
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
        self.progress_box.show_cancelling()

    def _show_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running and self._overview is not None and self._overview.hub_url is not None)
        self.counts.allow_release(self._services.may_release, busy=running)
        self.cancel_button.setEnabled(running)
        self.cancel_button.setVisible(running)

    def _on_progress(self, step: SyncProgress) -> None:
        self.progress_box.show_step(step)

    def _on_done(self, report: SyncReport) -> None:
        self.result_box.show_words(report_words(report))

    def _on_failed(self, error: Exception) -> None:
        log.warning("sync from the desk failed: %s", error)
        self.result_box.show_words(failure_words(error))
        if not isinstance(error, DeskError):
            show_error(error, self)  # a bug: the error dialog, with the traceback in the log

    def _on_cancelled(self) -> None:
        self.result_box.show_words(cancelled_words())

    def _on_finished(self) -> None:
        self._task = None
        self._canceller.event = None
        self.progress_box.show_idle()
        self._show_running(False)
        self.refresh()
        self.sync_finished.emit()

    def result_text(self) -> str:
        """Everything the result part says now (headline, clock warning, report), for a reader."""
        return self.result_box.text()


class ReleaseCaseBox(QMessageBox):
    """The question before releasing a quarantined case: 取消 is the default, so Enter or Escape
    leave it quarantined. Its words keep the panel's translation context."""

    def __init__(self, number: str, reason: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(QCoreApplication.translate("SyncPanel", "重新上传"))
        self.setText(QCoreApplication.translate("SyncPanel", "让被隔离的案件 {number} 重新上传？").format(number=number))
        self.setInformativeText(QCoreApplication.translate(
            "SyncPanel",
            "此案暂不上传的办理记录将在下次同步时发送到市局中心。中心仍可能再次拒收，"
            "那时此案会重新隔离，并显示中心新的原因。\n\n中心上次拒收的原因：{reason}",
        ).format(reason=reason))
        self.release_button = self.addButton(
            QCoreApplication.translate("SyncPanel", "重新上传"), QMessageBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.addButton(
            QCoreApplication.translate("SyncPanel", "取消"), QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)


class _Canceller:
    """Connected to the panel's ``destroyed``: sets the running sync's cancel event. A plain
    object, not the panel, since by the time ``destroyed`` fires the panel is half gone."""

    def __init__(self) -> None:
        self.event: threading.Event | None = None

    def __call__(self, *_args) -> None:
        if self.event is not None:
            self.event.set()
