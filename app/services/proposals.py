"""The station head's confirmation of a mediator's 不予受理 or 终止调解 proposal."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.domain import clock
from app.domain.errors import IllegalTransition
from app.domain.lifecycle import check_step
from app.domain.vocabulary import CaseKind, CaseState
from app.models.case import Case
from app.models.station import User
from app.models.store import Store
from app.models.workflow import Proposal
from app.services.acceptance import apply_refusal
from app.services.actor import Actor
from app.services.case_access import load_case
from app.services.changes import change
from app.services.mediation import apply_termination

_APPLY = {"refuse": apply_refusal, "terminate": apply_termination}
ACTION_LABELS = {"refuse": "不予受理", "terminate": "终止调解"}


@dataclass(frozen=True)
class PendingProposal:
    id: int
    case_id: int
    case_number: str
    action: str
    ground: int
    reason: str
    decided_on: date
    proposed_by: str
    proposed_at: datetime

    @property
    def action_label(self) -> str:
        return ACTION_LABELS[self.action]


def pending_proposals(store: Store) -> list[PendingProposal]:
    """Proposals waiting for the head, oldest first."""
    with store.reading() as session:
        rows = session.execute(
            select(Proposal, Case.number, User.display_name)
            .join(Case, Case.id == Proposal.case_id)
            .join(User, User.id == Proposal.proposed_by)
            .where(Proposal.decision.is_(None))
            .order_by(Proposal.proposed_at)
        ).all()
        return [
            PendingProposal(p.id, p.case_id, number, p.action, p.ground, p.reason, p.decided_on_date, name, p.proposed_at)
            for p, number, name in rows
        ]


def _open(session, proposal_id: int, actor: Actor) -> Proposal:
    if not actor.is_head:
        raise IllegalTransition("只有站长可以确认或驳回此项提议。")
    proposal = session.get(Proposal, proposal_id)
    if proposal is None or proposal.decision is not None:
        raise IllegalTransition("该提议不存在或已处理。")
    return proposal


def confirm(store: Store, actor: Actor, proposal_id: int) -> None:
    """The head confirms: the step is applied as proposed, in the head's name."""
    with store.session() as session:
        proposal = _open(session, proposal_id, actor)
        case = load_case(session, proposal.case_id)
        # The case may have moved on since the proposal (e.g. withdrawn); check again.
        check_step(proposal.action, CaseKind(case.kind), CaseState(case.state), actor.role)
        proposal.decision = "confirmed"
        proposal.decided_by = actor.user_id
        proposal.decided_at = clock.now()
        # The decision is the head's, taken today; the date the mediator proposed stays on the proposal.
        _APPLY[proposal.action](session, case, actor, proposal.ground, proposal.reason, clock.today())


def reject(store: Store, actor: Actor, proposal_id: int, *, remark: str = "") -> None:
    """The head rejects: the case stays where it was; the rejection is recorded."""
    with store.session() as session:
        proposal = _open(session, proposal_id, actor)
        case = load_case(session, proposal.case_id)
        proposal.decision = "rejected"
        proposal.decided_by = actor.user_id
        proposal.decided_at = clock.now()
        change(session, case, actor, f"reject_{proposal.action}", {}, proposal={"id": proposal.id, "remark": remark})
