"""“My work today” (今日待办): what needs doing within a working day, for one user."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.domain import clock
from app.domain.deadlines import DeadlineState
from app.domain.vocabulary import CaseState
from app.models.case import Case
from app.models.store import Store
from app.services.actor import Actor
from app.services.case_rows import CaseRow, rows_by_id
from app.services.proposals import PendingProposal, pending_proposals

# A case with a live deadline is in one of these states; closed and voided cases have none.
OPEN_STATES = [s.value for s in CaseState if s not in (CaseState.CLOSED, CaseState.VOIDED)]
# Finished mediation that still waits for its 回访.
FOLLOW_UP_STATES = [CaseState.AGREED.value, CaseState.TERMINATED.value, CaseState.WITHDRAWN.value]


@dataclass(frozen=True)
class WorkToday:
    deadlines: list[CaseRow]  # a live deadline due within 1 working day, or already overdue
    follow_ups: list[CaseRow]  # mediation finished, no follow-up yet
    confirmations: list[PendingProposal]  # waiting for the station head


def work_today(store: Store, actor: Actor, *, today: date | None = None) -> WorkToday:
    """The signed-in user's cases (all cases for the station head) that need attention now."""
    today = today or clock.today()
    mine = [] if actor.is_head else [Case.mediator_id == actor.user_id]
    with store.reading() as session:
        open_ids = session.scalars(select(Case.id).where(Case.state.in_(OPEN_STATES), *mine).order_by(Case.id)).all()
        follow_up_ids = session.scalars(
            select(Case.id).where(Case.state.in_(FOLLOW_UP_STATES), *mine).order_by(Case.id)
        ).all()
    urgent = [
        row
        for row in rows_by_id(store, open_ids, today, actor)
        if row.next_deadline
        and row.next_deadline.state(today) in (DeadlineState.DUE_SOON, DeadlineState.OVERDUE)
    ]
    urgent.sort(key=lambda row: row.next_deadline.due)
    return WorkToday(
        deadlines=urgent,
        follow_ups=rows_by_id(store, follow_up_ids, today, actor),
        confirmations=pending_proposals(store) if actor.is_head else [],
    )
