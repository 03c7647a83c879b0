"""The proposal on a case that waits for the station head's decision (a refusal or termination a
mediator proposed), with the head's 确认 and 驳回."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain import clock
from app.domain.errors import DeskError
from app.domain.grounds import refusal_grounds, termination_grounds
from app.services.actor import Actor
from app.services.details import CaseDetail
from app.services.proposals import PendingProposal
from app.views.case_words import CaseWords
from app.views.step_dialogs import RejectProposalDialog
from app.views.step_dialogs_base import ConfirmationBox


class ProposalBox(QGroupBox):
    """Hidden while the case has no pending proposal. Only the head sees the two buttons.

    ``decided(notice)`` follows a confirmation or a rejection that succeeded, ``confirmed(action)``
    follows a confirmation (the step it applied may have a document to offer), ``failed(message)``
    a confirmation the core refused.
    """

    dialog_opened = Signal(QDialog)
    decided = Signal(str)
    confirmed = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        actor: Actor,
        confirm: Callable[[int], None],
        reject: Callable[..., None],  # (proposal_id, remark="")
        parent: QWidget | None = None,
    ):
        super().__init__(self.tr("待站长确认的提议"), parent)
        self._actor = actor
        self._confirm_service = confirm
        self._reject_service = reject
        self._detail: CaseDetail | None = None
        self._proposal: PendingProposal | None = None

        self.label = QLabel()
        self.label.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("确认"))
        self.reject_button = QPushButton(self.tr("驳回"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch()
        layout.addLayout(buttons)

        self.confirm_button.clicked.connect(self.confirm)
        self.reject_button.clicked.connect(self.reject)

    def show_proposal(self, detail: CaseDetail, proposal: PendingProposal | None) -> None:
        self._detail = detail
        self._proposal = proposal
        self.setVisible(proposal is not None)
        if proposal is None:
            return
        grounds = (refusal_grounds if proposal.action == "refuse" else termination_grounds)(detail.rule)
        ground = grounds.grounds[proposal.ground - 1]
        self.label.setText(
            self.tr("{who} 于 {when} 提议{action}，决定日期 {day}。\n理由：{article}{item}{text}\n具体理由：{reason}").format(
                who=proposal.proposed_by,
                when=clock.format_local(proposal.proposed_at),
                action=CaseWords.action(proposal.action),
                day=proposal.decided_on.isoformat(),
                article=grounds.article,
                item=ground.item,
                text=ground.text,
                reason=proposal.reason or self.tr("（无）"),
            )
        )
        self.confirm_button.setVisible(self._actor.is_head)
        self.reject_button.setVisible(self._actor.is_head)

    def confirm(self) -> ConfirmationBox | None:
        """Ask the head to confirm the pending proposal; on 确定办理 the step is applied."""
        proposal = self._proposal
        if proposal is None:
            return None
        box = ConfirmationBox(
            self.tr("确认提议"),
            self.tr("确认 {who} 提议的“{action}”？").format(
                who=proposal.proposed_by, action=CaseWords.action(proposal.action)
            ),
            self,
        )
        box.confirmed.connect(lambda: self._apply(proposal))
        box.finished.connect(box.deleteLater)
        box.open()
        self.dialog_opened.emit(box)
        return box

    def reject(self) -> RejectProposalDialog | None:
        """Open the dialog for the head's rejection of the pending proposal."""
        proposal = self._proposal
        if proposal is None:
            return None
        reject = self._reject_service
        dialog = RejectProposalDialog(
            self._detail,
            proposal,
            lambda remark="": reject(proposal.id, remark=remark),
            self,
            actor=self._actor,
        )
        dialog.accepted.connect(lambda: self.decided.emit(self.tr("已驳回提议，案件状态不变。")))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _apply(self, proposal: PendingProposal) -> None:
        try:
            self._confirm_service(proposal.id)
        except DeskError as error:
            self.failed.emit(str(error))
            return
        self.decided.emit(self.tr("已确认：{action}").format(action=CaseWords.action(proposal.action)))
        self.confirmed.emit(proposal.action)
