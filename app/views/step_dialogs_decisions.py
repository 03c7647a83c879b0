"""Dialogs for the decisions on a complaint and the steps every case has: 受理, 不予受理,
终止调解 and its notice, 撤回, 办结, 作废, and the head's rejection of a mediator's proposal."""

from typing import Any

from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget

from app.domain import clock
from app.domain.errors import ValidationError
from app.domain.grounds import GroundList, refusal_grounds, termination_grounds
from app.services.proposals import PendingProposal
from app.views.case_words import CaseWords
from app.views.step_dialogs_base import StepDialog


class AcceptDialog(StepDialog):
    """受理 (Art. 15): the decision date; the service checks the Art. 10 facts are complete."""

    step = "accept"

    def _build(self) -> None:
        self._note(self.tr("受理前须有投诉人姓名、电话、通讯地址，被投诉人名称、地址，投诉请求和事实依据。"))
        self.decided_on_edit = self._date_edit(latest=clock.today())
        self._row(self.tr("受理日期"), "decided_on", self.decided_on_edit)

    def values(self) -> dict[str, Any]:
        return {"decided_on": self.decided_on_edit.date().toPython()}


class GroundDialog(StepDialog):
    """A head's decision on one of the rule's grounds (不予受理, 终止调解), a reason and a date.

    Every ground of the case's rule is listed with its item mark; the choice is a radio list, so
    arrow keys move through it. A mediator's decision becomes a proposal for the station head.
    """

    needs_confirmation = True

    def grounds(self) -> GroundList:
        raise NotImplementedError

    def ground_label(self) -> str:
        raise NotImplementedError

    def _build(self) -> None:
        grounds = self.grounds()
        self._note(
            self.tr("依据{rule}{article}，选择一项：").format(rule=self.detail.rule.title, article=grounds.article)
        )
        self.ground_group = QButtonGroup(self)
        self.ground_buttons: list[QRadioButton] = []
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        for ground in grounds.grounds:
            button = QRadioButton(f"{ground.item}{ground.text}")
            self.ground_group.addButton(button, ground.number)
            self.ground_buttons.append(button)
            column.addWidget(button)
        self.ground_box = self._row(self.ground_label(), "ground", box, focus=self.ground_buttons[0])
        self.reason_edit = self._text_edit()
        self._row(self.tr("具体理由"), "reason", self.reason_edit)
        self.decided_on_edit = self._date_edit(latest=clock.today())
        self._row(self.tr("决定日期"), "decided_on", self.decided_on_edit)
        if not self.is_head:
            self._note(self.tr("此项须由站长决定：提交后等待站长确认，确认前案件状态不变。"))

    def choose(self, number: int) -> None:
        """Select the ground with this item number (1-based)."""
        self.ground_group.button(number).setChecked(True)

    def ok_text(self) -> str:
        return self.step_label() if self.is_head else self.tr("提交站长确认")

    def values(self) -> dict[str, Any]:
        ground = self.ground_group.checkedId()
        if ground < 1:
            raise ValidationError("ground", self.ground_label(), self.tr("请选择一项"))
        return {
            "ground": ground,
            "reason": self.reason_edit.toPlainText(),
            "decided_on": self.decided_on_edit.date().toPython(),
        }

    def confirmation_detail(self) -> str:
        grounds = self.grounds()
        number = self.ground_group.checkedId()
        ground = grounds.grounds[number - 1]
        return self.tr("案件 {number}：{step}，理由为{article}{item}{text}").format(
            number=self.detail.number, step=self.step_label(), article=grounds.article, item=ground.item, text=ground.text
        )


class RefuseDialog(GroundDialog):
    """不予受理 (Art. 16)."""

    step = "refuse"

    def grounds(self) -> GroundList:
        return refusal_grounds(self.detail.rule)

    def ground_label(self) -> str:
        return self.tr("不予受理理由")


class TerminateDialog(GroundDialog):
    """终止调解 (Art. 23)."""

    step = "terminate"

    def grounds(self) -> GroundList:
        return termination_grounds(self.detail.rule)

    def ground_label(self) -> str:
        return self.tr("终止调解理由")


class NotifyTerminationDialog(StepDialog):
    """Both parties told of the termination (Art. 23: within 7 working days)."""

    step = "notify_termination"

    def _build(self) -> None:
        if self.detail.outcome_on:
            self._note(
                self.tr("终止调解决定日期：{day}。应自决定之日起七个工作日内告知双方当事人。").format(
                    day=self.detail.outcome_on.isoformat()
                )
            )
        self.notified_on_edit = self._date_edit(latest=clock.today())
        self._row(self.tr("告知日期"), "notified_on", self.notified_on_edit)

    def values(self) -> dict[str, Any]:
        return {"notified_on": self.notified_on_edit.date().toPython()}


class WithdrawDialog(StepDialog):
    """The complainant withdraws the complaint (撤回)."""

    step = "withdraw"

    def _build(self) -> None:
        self.reason_edit = self._text_edit()
        self._row(self.tr("撤回说明"), "withdrawal_reason", self.reason_edit)
        self.withdrawn_on_edit = self._date_edit(latest=clock.today())
        self._row(self.tr("撤回日期"), "withdrawn_on", self.withdrawn_on_edit)

    def values(self) -> dict[str, Any]:
        return {"reason": self.reason_edit.toPlainText(), "withdrawn_on": self.withdrawn_on_edit.date().toPython()}


class CloseDialog(StepDialog):
    """办结: nothing to fill in; the case takes no further step afterwards."""

    step = "close"
    needs_confirmation = True

    def _build(self) -> None:
        self._note(self.tr("办结后，本案不能再办理其他步骤。办结日期为今天。"))


class VoidDialog(StepDialog):
    """作废: the case stays on file, marked void with the reason."""

    step = "void"
    needs_confirmation = True

    def _build(self) -> None:
        self._note(self.tr("作废的案件仍保留在册，并注明作废原因。"))
        self.reason_edit = self._text_edit()
        self._row(self.tr("作废原因"), "void_reason", self.reason_edit)

    def values(self) -> dict[str, Any]:
        return {"reason": self.reason_edit.toPlainText()}


class RejectProposalDialog(StepDialog):
    """The head rejects a mediator's proposal: the case stays where it is; the remark is recorded."""

    def __init__(self, detail, proposal: PendingProposal, submit, parent=None, *, actor=None):
        self.proposal = proposal
        super().__init__(detail, submit, parent, actor=actor)

    def step_label(self) -> str:
        return self.tr("驳回提议")

    def _build(self) -> None:
        self._note(
            self.tr("{who} 提议{action}。驳回后案件状态不变，驳回意见记录在案。").format(
                who=self.proposal.proposed_by, action=CaseWords.action(self.proposal.action)
            )
        )
        self.remark_edit = self._text_edit()
        self._row(self.tr("驳回意见"), "remark", self.remark_edit)

    def values(self) -> dict[str, Any]:
        return {"remark": self.remark_edit.toPlainText().strip()}

