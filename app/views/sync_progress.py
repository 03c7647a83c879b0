"""The sync panel's "进度" part: the step a running sync is at, a bar, and the bytes and items so far."""

# Its words keep the panel's translation context: they were the panel's, and are translated there.

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QLabel, QProgressBar, QVBoxLayout

from app.sync.engine import SyncProgress
from app.views.sync_words import bytes_text, percent_done, phase_text


class SyncProgressBox(QGroupBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(QCoreApplication.translate("SyncPanel", "进度"))
        box_layout = QVBoxLayout(self)
        self.phase_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.bytes_label = QLabel()
        box_layout.addWidget(self.phase_label)
        box_layout.addWidget(self.progress_bar)
        box_layout.addWidget(self.bytes_label)

    def show_preparing(self) -> None:
        """A sync has started; its first step (the backup) reports no count."""
        self.phase_label.setText(QCoreApplication.translate("SyncPanel", "正在准备（备份本站数据）…"))
        self.progress_bar.setRange(0, 0)
        self.bytes_label.setText("")

    def show_step(self, step: SyncProgress) -> None:
        self.phase_label.setText(phase_text(step))
        percent = percent_done(step)
        if percent is None:
            self.progress_bar.setRange(0, 0)  # Qt's busy indicator: no count to show
        else:
            self.progress_bar.setRange(0, 100)
            self.progress_bar.setValue(percent)
        self.bytes_label.setText(bytes_text(step))

    def show_cancelling(self) -> None:
        self.phase_label.setText(QCoreApplication.translate("SyncPanel", "正在取消：等待当前请求结束…"))

    def show_idle(self) -> None:
        """No sync runs. The bytes of the last one stay to be read."""
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.phase_label.setText("")
