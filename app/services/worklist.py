"""“My work today” (今日待办): what needs doing within a working day, for one user, and the
bureau's notices (督办, 分送 work orders, revocations) that came down with a sync."""

import logging
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select

from app.domain import clock
from app.domain.deadlines import DeadlineState
from app.domain.errors import DeskError, IllegalTransition
from app.domain.vocabulary import CaseState
from app.models.case import Case
from app.models.store import Store
from app.models.sync_state import BureauNotice
from app.services.actor import Actor
from app.services.case_rows import CaseRow, rows_by_id
from app.services.proposals import PendingProposal, pending_proposals
from app.services.queries import CaseFilter, list_cases

log = logging.getLogger(__name__)

URGENT = (DeadlineState.DUE_SOON, DeadlineState.OVERDUE)
# Finished mediation that still waits for its 回访.
FOLLOW_UP_STATES = [CaseState.AGREED.value, CaseState.TERMINATED.value, CaseState.WITHDRAWN.value]


@dataclass(frozen=True)
class NoticeRow:
    """A bureau notice not marked done yet.

    Attributes:
        kind: ``work_order``, ``supervision`` or ``revocation``.
        case_id, case_number: the case it is about, when this station has it (None otherwise:
            a work order that could not be registered, a revoked case never received).
    """

    id: int
    kind: str
    text: str
    respond_by: date | None
    received_at: datetime
    case_id: int | None
    case_number: str | None


@dataclass(frozen=True)
class WorkToday:
    deadlines: list[CaseRow]  # a live deadline due within 1 working day, or already overdue
    follow_ups: list[CaseRow]  # mediation finished, no follow-up yet
    confirmations: list[PendingProposal]  # waiting for the station head
    notices: list[NoticeRow] = field(default_factory=list)  # from the bureau, not done yet


def work_today(store: Store, actor: Actor, *, today: date | None = None) -> WorkToday:
    """The signed-in user's cases (all cases for the station head) that need attention now."""
    today = today or clock.today()
    mine = [] if actor.is_head else [Case.mediator_id == actor.user_id]
    with store.reading() as session:
        follow_up_ids = session.scalars(
            select(Case.id).where(Case.state.in_(FOLLOW_UP_STATES), *mine).order_by(Case.id)
        ).all()
    # The list's deadline filter: deadlines computed from the clock columns of the open cases,
    # rows built only for the urgent ones, nearest first.
    urgent_first = CaseFilter(
        mediator_id=None if actor.is_head else actor.user_id, due=URGENT, order="next_deadline", descending=False
    )
    urgent = list_cases(store, urgent_first, limit=None, today=today, viewer=actor)
    return WorkToday(
        deadlines=urgent,
        follow_ups=rows_by_id(store, follow_up_ids, today, actor),
        confirmations=pending_proposals(store) if actor.is_head else [],
        notices=bureau_notices(store, actor),
    )


def bureau_notices(store: Store, actor: Actor) -> list[NoticeRow]:
    """Notices not done yet, those with a reply date first (earliest first), then the newest.

    The head sees every notice; a mediator those about the cases they handle (a work order is
    registered without a mediator, so it goes to the head, who assigns it).
    """
    with store.reading() as session:
        rows = session.execute(
            select(BureauNotice, Case.id, Case.number, Case.mediator_id)
            .outerjoin(Case, Case.uid == BureauNotice.case_uid)
            .where(BureauNotice.done_at.is_(None))
        ).all()
    notices = [
        NoticeRow(notice.id, notice.kind, notice.text, notice.respond_by, notice.received_at, case_id, number)
        for notice, case_id, number, mediator_id in rows
        if actor.is_head or (mediator_id is not None and mediator_id == actor.user_id)
    ]
    notices.sort(key=lambda n: n.received_at, reverse=True)
    notices.sort(key=lambda n: (n.respond_by is None, n.respond_by or date.min))
    return notices


def mark_notice_done(store: Store, actor: Actor, notice_id: int) -> None:
    """Mark a bureau notice done (标记已办): it leaves today's work; the notice itself is kept."""
    with store.session() as session:
        notice = session.get(BureauNotice, notice_id)
        if notice is None:
            raise DeskError(f"没有这条市局通知（{notice_id}）。")
        if not actor.is_head:
            mediator_id = session.scalar(select(Case.mediator_id).where(Case.uid == notice.case_uid))
            if mediator_id is None or mediator_id != actor.user_id:
                raise IllegalTransition("只有站长或本案的承办调解员可以把这条市局通知标记为已办。")
        if notice.done_at is None:
            notice.done_at = clock.now()
        kind = notice.kind
    log.info("%s marked bureau notice %s (%s) done", actor.username, notice_id, kind)
