"""One small dialog per lifecycle step, asking for exactly what the step's service needs.

``step_dialog(name, detail, submit, parent, actor=...)`` makes the dialog for a step; ``submit``
is the service bound to the case (``submit(**values)``). The dialogs live in
``step_dialogs_decisions`` (受理, 不予受理, 终止调解, 撤回, 办结, 作废), ``step_dialogs_mediation``
(sessions, pauses, agreement, follow-up) and ``step_dialogs_reports`` (举报, 咨询); what they share
is in ``step_dialogs_base``.
"""

from PySide6.QtWidgets import QWidget

from app.services.actor import Actor
from app.services.details import CaseDetail
from app.views.step_dialogs_base import ConfirmationBox, StepDialog, Submit
from app.views.step_dialogs_decisions import (
    AcceptDialog,
    CloseDialog,
    NotifyTerminationDialog,
    RefuseDialog,
    RejectProposalDialog,
    TerminateDialog,
    VoidDialog,
    WithdrawDialog,
)
from app.views.step_dialogs_mediation import (
    RECORD_OUTLINE,
    AgreementDialog,
    FollowUpDialog,
    PauseClockDialog,
    RecordSessionDialog,
    ResumeClockDialog,
    ScheduleSessionDialog,
)
from app.views.step_dialogs_reports import (
    AnswerDialog,
    DecideFilingDialog,
    ExtendCheckDialog,
    StartCheckDialog,
)

STEP_DIALOGS: dict[str, type[StepDialog]] = {
    dialog.step: dialog
    for dialog in (
        AcceptDialog,
        RefuseDialog,
        ScheduleSessionDialog,
        RecordSessionDialog,
        PauseClockDialog,
        ResumeClockDialog,
        AgreementDialog,
        TerminateDialog,
        NotifyTerminationDialog,
        WithdrawDialog,
        FollowUpDialog,
        StartCheckDialog,
        ExtendCheckDialog,
        DecideFilingDialog,
        AnswerDialog,
        CloseDialog,
        VoidDialog,
    )
}


def step_dialog(
    name: str, detail: CaseDetail, submit: Submit, parent: QWidget | None = None, *, actor: Actor | None = None
) -> StepDialog:
    """The dialog for lifecycle step ``name``; ``KeyError`` for a step without one (``edit``)."""
    return STEP_DIALOGS[name](detail, submit, parent, actor=actor)


__all__ = [
    "RECORD_OUTLINE",
    "STEP_DIALOGS",
    "AcceptDialog",
    "AgreementDialog",
    "AnswerDialog",
    "CloseDialog",
    "ConfirmationBox",
    "DecideFilingDialog",
    "ExtendCheckDialog",
    "FollowUpDialog",
    "NotifyTerminationDialog",
    "PauseClockDialog",
    "RecordSessionDialog",
    "RefuseDialog",
    "RejectProposalDialog",
    "ResumeClockDialog",
    "ScheduleSessionDialog",
    "StartCheckDialog",
    "StepDialog",
    "TerminateDialog",
    "VoidDialog",
    "WithdrawDialog",
    "step_dialog",
]
