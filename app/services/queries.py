"""Which cases the list shows and in what order: filters, search, sorting, pages.

The list is filtered and ordered in SQL, with two exceptions that need the deadlines, which are
computed in Python from each case's dates and the work calendar (they are not stored):

- the "overdue or due soon" filter (``CaseFilter.due``);
- ordering by the nearest deadline (``order="next_deadline"``).

Both read the few columns the deadlines depend on for every case that matches the rest of the
filter and is in a state that can have a live deadline (``LIVE_DEADLINE_STATES``), plus their clock
pauses, and compute each case's nearest deadline. Cases that share their dates and state share
the computation. Measured here on a 20,000-case station with 2,000 open complaints (received over
60 days): counting the due cases took about 20 ms, a 200-row page ordered by deadline about 40 ms
(a plain newest-first page: about 25 ms). Without any sharing (every case paused, or all on
different dates) a case costs about 30–40 µs, so about 0.1 s for 3,000. This is done again for the
count and for every page the list asks for (nothing is cached, so a page is never stale). Closed,
answered, refused, filed and agreed cases are never read. Ordering by deadline is therefore
refused (``SortUnavailable``) when more than ``DEADLINE_SORT_LIMIT`` cases would have to be
computed; the due filter has no limit, since a filter must be correct: its cost grows with the
number of open cases matching the other criteria, not with the size of the station.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, false, func, select, text, true
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session, aliased

from app.domain import clock
from app.domain.case_deadlines import live_deadlines, nearest
from app.domain.deadlines import Deadline, DeadlineState
from app.domain.vocabulary import CaseKind, CaseState, Channel, PartyRole
from app.models.case import Case, Party
from app.models.station import User
from app.models.store import Store
from app.models.workflow import ClockPause
from app.services.actor import Actor
from app.services.case_rows import (
    REPORTER_WITHHELD,
    CaseRow,
    case_clock,
    read_rows,
)
from app.services.search import match_expression, search_index

# What the list can be ordered by. "id" is the order of entry, newest first by default: the fast
# path, which FTS5 and the id index can answer a page at a time without sorting all matches.
SORT_KEYS = (
    "id",
    "number",
    "kind",
    "channel",
    "state",
    "received_at",
    "mediator",
    "complainant",
    "respondent",
    "next_deadline",
)

# A case has a live deadline only in these states (see app.domain.case_deadlines.live_deadlines).
LIVE_DEADLINE_STATES = (
    CaseState.REGISTERED,
    CaseState.ACCEPTED,
    CaseState.MEDIATING,
    CaseState.TERMINATED,
    CaseState.WITHDRAWN,
    CaseState.FOLLOWED_UP,
    CaseState.CHECKING,
)
# Ordering by deadline computes the deadline of every matching case in those states; above this
# many it is refused, and the user is asked to narrow the list first (about 0.1 s at the limit).
# Not applied with the due filter, which computes them anyway.
DEADLINE_SORT_LIMIT = 3000


@dataclass(frozen=True)
class CaseFilter:
    """Which cases the list shows, and in what order.

    ``due`` keeps the cases whose nearest live deadline is in one of the given states (the same
    deadline the list shows); ``order`` is one of ``SORT_KEYS``. Ties, and cases without a
    value (no mediator, no respondent, no running deadline), keep the newest-first order, and
    cases without a value come last in either direction.
    """

    text: str = ""
    states: tuple[CaseState, ...] = ()
    kinds: tuple[CaseKind, ...] = ()
    channels: tuple[Channel, ...] = ()
    mediator_id: int | None = None
    received_from: date | None = None
    received_to: date | None = None
    due: tuple[DeadlineState, ...] = ()
    order: str = "id"
    descending: bool = True

    def __post_init__(self) -> None:
        if self.order not in SORT_KEYS:
            raise ValueError(f"cannot order cases by {self.order!r}; use one of {SORT_KEYS}")


class SortUnavailable(Exception):
    """Ordering by deadline would compute too many deadlines; narrow the filter first."""

    def __init__(self, found: int, limit: int = DEADLINE_SORT_LIMIT):
        super().__init__(f"按最近期限排序需要计算 {found} 件案件的期限，超过 {limit} 件；请先筛选。")
        self.found = found
        self.limit = limit


def _matching(session: Session, criteria: CaseFilter, viewer: Actor | None = None) -> Select:
    """The ids of the cases the filter selects, in its order (see ``_order_by``).

    The deadline filter and the deadline order are not applied here: they are computed in Python.
    """
    words = criteria.text.strip()
    match = match_expression(session, words) if words else None
    if match is not None:
        query = (
            select(Case.id)
            .select_from(search_index)
            .join(Case, Case.id == search_index.c.rowid)
            .where(text("case_search MATCH :match").bindparams(match=match))
        )
    else:
        query = select(Case.id)
        if words:
            query = query.where(func.instr(func.lower(Case.search_text), words.lower()) > 0)
    if criteria.states:
        query = query.where(Case.state.in_([s.value for s in criteria.states]))
    if criteria.kinds:
        query = query.where(Case.kind.in_([k.value for k in criteria.kinds]))
    if criteria.channels:
        query = query.where(Case.channel.in_([c.value for c in criteria.channels]))
    if criteria.mediator_id is not None:
        query = query.where(Case.mediator_id == criteria.mediator_id)
    if criteria.received_from:
        query = query.where(Case.received_at >= _day_start(criteria.received_from))
    if criteria.received_to:
        query = query.where(Case.received_at < _day_start(criteria.received_to + timedelta(days=1)))
    return query.order_by(*_order_by(criteria, viewer, rowid=search_index.c.rowid if match else Case.id))


def _order_by(criteria: CaseFilter, viewer: Actor | None, rowid) -> list:
    """SQL ordering for ``criteria.order``; newest first breaks ties.

    By id (the default) a page is read straight off the id index, or off the full-text index in
    descending rowid order, so the query stops once the page is full. Any other key sorts every
    match before the first page is returned, and again for each later page: with a search text,
    that is every case the text matches. Measured on 20,000 cases, a 200-row page took about
    25 ms newest first, 25–35 ms by number, kind, channel, state, date or mediator, and about
    70 ms by complainant or respondent (a correlated look-up of the first party per case), so
    roughly 0.5 s on 200,000 unfiltered cases; a two-character search matching all 20,000
    took 0.13 s newest first and 0.6–0.8 s by complainant. Names sort by Unicode code point (so
    cases of one person or business stay together), not by pinyin; kinds, channels and states
    in the order of the domain's vocabulary. "next_deadline" is ordered in Python; here it keeps
    the newest-first order it starts from.
    """
    newest_first = rowid.desc()
    if criteria.order in ("id", "next_deadline"):
        if criteria.order == "id" and not criteria.descending:
            return [rowid.asc()]
        return [newest_first]
    key: ColumnElement = {
        "number": lambda: Case.number,
        "kind": lambda: _rank(Case.kind, CaseKind),
        "channel": lambda: _rank(Case.channel, Channel),
        "state": lambda: _rank(Case.state, CaseState),
        "received_at": lambda: Case.received_at,
        "mediator": lambda: select(User.display_name).where(User.id == Case.mediator_id).scalar_subquery(),
        "complainant": lambda: _submitter_shown(viewer),
        "respondent": _respondent_name,
    }[criteria.order]()
    ordered = key.desc() if criteria.descending else key.asc()
    return [ordered.nulls_last(), newest_first]


def _rank(column, vocabulary) -> ColumnElement:
    return sql_case({member.value: rank for rank, member in enumerate(vocabulary)}, value=column, else_=len(vocabulary))


_SUBMITTER_ROLES = (PartyRole.COMPLAINANT.value, PartyRole.REPORTER.value, PartyRole.INQUIRER.value)


def _submitter_shown(viewer: Actor | None) -> ColumnElement:
    """The name the list shows in the complainant column, so a withheld reporter sorts as withheld
    and the order tells nothing about the name (Art. 37)."""
    party = aliased(Party)
    if viewer is not None and viewer.is_head:
        withheld = false()
    elif viewer is not None:
        withheld = Case.mediator_id.is_(None) | (Case.mediator_id != viewer.user_id)
    else:
        withheld = true()
    name = sql_case((and_(party.role == PartyRole.REPORTER.value, withheld), REPORTER_WITHHELD), else_=party.name)
    return (
        select(name)
        .where(party.case_id == Case.id, party.role.in_(_SUBMITTER_ROLES))
        .order_by(_rank(party.role, PartyRole), party.id)
        .limit(1)
        .scalar_subquery()
    )


def _respondent_name() -> ColumnElement:
    party = aliased(Party)
    return (
        select(party.name)
        .where(party.case_id == Case.id, party.role == PartyRole.RESPONDENT.value)
        .order_by(party.id)
        .limit(1)
        .scalar_subquery()
    )


def _day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=clock.CHINA)


def count_cases(store: Store, criteria: CaseFilter = CaseFilter(), *, today: date | None = None) -> int:
    """How many cases match. With ``criteria.due`` the deadlines are computed (see the module)."""
    with store.reading() as session:
        if criteria.due:
            plain = replace(criteria, order="id", descending=True)
            return len(_computed_ids(session, plain, today or clock.today(), None))
        ids = _matching(session, criteria).order_by(None).subquery()
        return session.scalar(select(func.count()).select_from(ids))


def list_cases(
    store: Store,
    criteria: CaseFilter = CaseFilter(),
    *,
    offset: int = 0,
    limit: int = 100,
    today: date | None = None,
    viewer: Actor | None = None,
) -> list[CaseRow]:
    """One page of cases, by default newest first (by entry, which is the order of receipt but
    for minutes).

    Reporters are shown only to the station head and the report's own mediator (Art. 37).
    Raises ``SortUnavailable`` when ordering by deadline would compute more than
    ``DEADLINE_SORT_LIMIT`` deadlines.
    """
    today = today or clock.today()
    with store.reading() as session:
        ids = _page_ids(session, criteria, offset, limit, today, viewer)
        return read_rows(session, ids, today, viewer)


def _page_ids(
    session: Session, criteria: CaseFilter, offset: int, limit: int, today: date, viewer: Actor | None
) -> list[int]:
    if not criteria.due and criteria.order != "next_deadline":
        return list(session.scalars(_matching(session, criteria, viewer).offset(offset).limit(limit)))
    if criteria.due:
        return _computed_ids(session, criteria, today, viewer)[offset : offset + limit]
    found = session.scalar(
        select(func.count()).select_from(_with_live_state(_matching(session, criteria)).order_by(None).subquery())
    )
    if found > DEADLINE_SORT_LIMIT:
        raise SortUnavailable(found, DEADLINE_SORT_LIMIT)
    # Cases that can have a deadline first, by it; then every other case, newest first, in SQL.
    computed = _computed_ids(session, criteria, today, viewer)
    page = computed[offset : offset + limit]
    if len(page) < limit:
        rest = _matching(session, replace(criteria, order="id", descending=True)).where(
            Case.state.not_in([s.value for s in LIVE_DEADLINE_STATES])
        )
        page += session.scalars(rest.offset(max(0, offset - len(computed))).limit(limit - len(page)))
    return page


def _with_live_state(query: Select) -> Select:
    return query.where(Case.state.in_([s.value for s in LIVE_DEADLINE_STATES]))


_CLOCK_COLUMNS = (
    Case.kind,
    Case.state,
    Case.rule,
    Case.received_at,
    Case.decided_on,
    Case.refusal_ground,
    Case.outcome_on,
    Case.termination_ground,
    Case.termination_notified_on,
    Case.check_extended,
)


# Where received_at sits in a row of (Case.id, *_CLOCK_COLUMNS).
_RECEIVED = 1 + [column.key for column in _CLOCK_COLUMNS].index("received_at")


def _computed_ids(session: Session, criteria: CaseFilter, today: date, viewer: Actor | None) -> list[int]:
    """The ids of the matching cases in a live-deadline state, filtered by ``criteria.due`` and,
    for ``order="next_deadline"``, ordered by their nearest deadline, cases without one last.

    Costs one read of the clock columns and pauses of every such case, and one deadline
    computation each (see the module docstring).
    """
    live = _with_live_state(_matching(session, criteria, viewer))
    rows = session.execute(live.add_columns(*_CLOCK_COLUMNS)).all()
    pauses: dict[int, list[tuple[date, date | None]]] = {}
    paused = select(ClockPause.case_id, ClockPause.started_on, ClockPause.ended_on).where(
        ClockPause.case_id.in_(live.order_by(None))
    )
    for case_id, started_on, ended_on in session.execute(paused):
        pauses.setdefault(case_id, []).append((started_on, ended_on))
    # A deadline depends only on the clock's facts and today, and cases received (or accepted) on
    # the same day in the same state share them, so it is counted once for each such group: the
    # key is every column case_clock reads, the moment of receipt reduced to its date (all that
    # case_clock takes from it). Cases with clock pauses are counted one by one.
    shared: dict[tuple, Deadline | None] = {}
    nearest_of = []
    for row in rows:
        case_pauses = pauses.get(row.id)
        if case_pauses:
            nearest_of.append((row.id, nearest(live_deadlines(case_clock(row, case_pauses), today))))
            continue
        key = (*row[1:_RECEIVED], clock.local_date(row.received_at), *row[_RECEIVED + 1 :])
        if key not in shared:
            shared[key] = nearest(live_deadlines(case_clock(row, []), today))
        nearest_of.append((row.id, shared[key]))
    if criteria.due:
        nearest_of = [(i, d) for i, d in nearest_of if d is not None and d.state(today) in criteria.due]
    if criteria.order != "next_deadline":
        return [i for i, _ in nearest_of]
    # sorted() is stable, also in reverse, so equal dates keep the newest-first order.
    timed = sorted(((i, d) for i, d in nearest_of if d), key=lambda pair: pair[1].due, reverse=criteria.descending)
    return [i for i, _ in timed] + [i for i, d in nearest_of if d is None]
