"""The sync panel's "结果" part: how the last sync ended (a headline), a warning about the
station's clock, and the report's lines."""

# Its words keep the panel's translation context: they were the panel's, and are translated there.

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout

from app.views.field_errors import message_label
from app.views.sync_words import ResultWords


class SyncResultBox(QGroupBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(QCoreApplication.translate("SyncPanel", "结果"))
        box_layout = QVBoxLayout(self)
        self.result_label = QLabel(QCoreApplication.translate("SyncPanel", "本次尚未同步。"))
        self.result_label.setWordWrap(True)
        font = self.result_label.font()
        font.setBold(True)
        self.result_label.setFont(font)
        self.clock_label = message_label()
        self.details_edit = QPlainTextEdit()
        self.details_edit.setReadOnly(True)
        self.details_edit.setAccessibleName(QCoreApplication.translate("SyncPanel", "同步报告"))
        self.details_edit.hide()
        box_layout.addWidget(self.result_label)
        box_layout.addWidget(self.clock_label)
        box_layout.addWidget(self.details_edit, stretch=1)

    def show_running(self) -> None:
        self.result_label.setText(QCoreApplication.translate("SyncPanel", "正在同步…"))
        self.clock_label.hide()
        self.details_edit.hide()

    def show_words(self, words: ResultWords) -> None:
        self.result_label.setText(words.headline)
        self.clock_label.setText(words.clock_warning)
        self.clock_label.setVisible(bool(words.clock_warning))
        self.details_edit.setPlainText("\n".join(words.lines))
        self.details_edit.setVisible(bool(words.lines))

    def text(self) -> str:
        """Everything the part says now (headline, clock warning, report), for a reader."""
        parts = [self.result_label.text()]
        if not self.clock_label.isHidden():
            parts.append(self.clock_label.text())
        if not self.details_edit.isHidden():
            parts.append(self.details_edit.toPlainText())
        return "\n".join(parts)
