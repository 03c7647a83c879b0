"""A progress dialog for background work, shown only when the work is not quick."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressBar, QProgressDialog

if TYPE_CHECKING:
    from app.tasks import Progress, Task


class ProgressWatcher(QObject):
    """Shows a progress dialog for a task still running after ``delay_ms``; closes it at the end.

    Quick work never flashes a dialog. The bar is determinate while the work tells its total,
    and a busy indicator otherwise; the label follows the latest ``Progress.text``. A
    cancellable task gets a Cancel button that asks it to stop. The watcher is the task's
    child, so it goes when the task goes; the dialog's parent is the task's window, looked up
    when the dialog is made (holding it would risk deleting the window twice, see app.tasks).

    Signals: none of its own.
    """

    def __init__(self, task: Task, label: str, *, delay_ms: int = 600):
        super().__init__(task)
        self._task = task
        self._label = label
        self._latest: Progress | None = None
        self._dialog: QProgressDialog | None = None
        self._bar: QProgressBar | None = None
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self._on_delay_passed)
        task.progressed.connect(self._on_progressed)
        task.finished.connect(self._on_finished)
        self._delay.start(delay_ms)

    def _on_delay_passed(self) -> None:
        dialog = QProgressDialog(self._task.window())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setLabelText(self._label)
        # Our own bar, set directly: QProgressDialog.setValue pumps the event loop when the
        # dialog is modal, which would deliver the next progress re-entrantly.
        self._bar = QProgressBar(dialog)
        dialog.setBar(self._bar)
        self._bar.setRange(0, 0)
        if self._task.cancellable:
            dialog.setCancelButtonText(self.tr("取消"))
            dialog.canceled.connect(self._task.cancel)
        else:
            dialog.setCancelButton(None)
        self._dialog = dialog
        if self._latest is not None:
            self._show_progress(self._latest)
        dialog.show()

    def _on_progressed(self, progress: Progress) -> None:
        self._latest = progress
        if self._dialog is not None:
            self._show_progress(progress)

    def _show_progress(self, progress: Progress) -> None:
        # A range of 0..0 is Qt's busy indicator.
        self._bar.setRange(0, progress.total or 0)
        self._bar.setValue(progress.done)
        if progress.text:
            self._dialog.setLabelText(progress.text)

    def _on_finished(self) -> None:
        self._delay.stop()
        if self._dialog is not None:
            # hide(), not close(): closing a QProgressDialog emits canceled.
            self._dialog.hide()
            self._dialog.deleteLater()
