"""Dialogs for reports (举报, Art. 35) and inquiries (咨询)."""

from typing import Any

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QWidget

from app.domain.errors import ValidationError
from app.views.step_dialogs_base import StepDialog


class StartCheckDialog(StepDialog):
    """开始核查: nothing to fill in."""

    step = "start_check"

    def _build(self) -> None:
        self._note(self.tr("开始核查本举报。核查期限自收到举报之日起十五个工作日（第三十五条）。"))


class ExtendCheckDialog(StepDialog):
    """延长核查期限 once by 15 working days, with the head's reason (Art. 35)."""

    step = "extend_check"

    def _build(self) -> None:
        self._note(self.tr("核查期限只能延长一次，延长十五个工作日。"))
        self.reason_edit = self._text_edit()
        self._row(self.tr("延长理由"), "reason", self.reason_edit)

    def values(self) -> dict[str, Any]:
        return {"reason": self.reason_edit.toPlainText()}


class DecideFilingDialog(StepDialog):
    """立案决定: 立案 or 不予立案, with the reason."""

    step = "decide_filing"

    def _build(self) -> None:
        self.file_button = QRadioButton(self.tr("立案"))
        self.not_file_button = QRadioButton(self.tr("不予立案"))
        self.decision_group = QButtonGroup(self)
        self.decision_group.addButton(self.file_button)
        self.decision_group.addButton(self.not_file_button)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file_button)
        row.addWidget(self.not_file_button)
        row.addStretch()
        self._row(self.tr("决定"), "file_case", box, focus=self.file_button)
        self.reason_edit = self._text_edit()
        self._row(self.tr("决定理由"), "reason", self.reason_edit)

    def values(self) -> dict[str, Any]:
        if self.decision_group.checkedButton() is None:
            raise ValidationError("file_case", self.tr("决定"), self.tr("请选择立案或不予立案"))
        return {"file_case": self.file_button.isChecked(), "reason": self.reason_edit.toPlainText()}


class AnswerDialog(StepDialog):
    """答复咨询: the answer given."""

    step = "answer"

    def _build(self) -> None:
        self.answer_edit = self._text_edit(lines=8)
        self._row(self.tr("答复内容"), "answer", self.answer_edit)

    def values(self) -> dict[str, Any]:
        return {"answer": self.answer_edit.toPlainText()}
