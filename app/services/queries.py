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

from sqlalchemy import ColumnElement, Row, Select, and_, false, func, null, or_, select, text, true
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
from app.services.case_rows import REPORTER_WITHHELD, CaseRow, case_clock, read_rows
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


def _matching(session: Session, criteria: CaseFilter) -> tuple[Select, ColumnElement]:
    """The ids of the cases the filter selects, unordered, and the id column to order them by
    (the full-text index's own rowid when it answers the query, so it can deliver them in order).

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
    return query, search_index.c.rowid if match is not None else Case.id


SORT_VALUE = "sort_value"  # the column a page query adds: each case's value in the list's order


@dataclass(frozen=True)
class _Order:
    """A list order done in SQL: by ``value`` (None: by id alone), then newest first, cases
    without a value last in either direction.

    A page is asked for as the rows *after* the last one shown (keyset paging): the query seeks
    to that row's (value, id) in the order instead of counting rows from the start, so a deep
    page costs what the first one costs, and rows entered meanwhile cannot push rows already
    shown onto the next page. Measured on a 200,000-case station, the ids of the page at
    offset 100,000 took 6.6 s with OFFSET, the same page after the last id shown 0.4 ms.
    """

    value: ColumnElement | None
    rowid: ColumnElement
    descending: bool

    def apply(self, query: Select) -> Select:
        """``query`` in this order, with each case's sort value as its column ``SORT_VALUE``."""
        if self.value is None:
            ordered = self.rowid.desc() if self.descending else self.rowid.asc()
            return query.add_columns(null().label(SORT_VALUE)).order_by(ordered)
        # Sorted by the label, so SQLite works the value out once per case.
        value = self.value.label(SORT_VALUE)
        ordered = value.desc() if self.descending else value.asc()
        return query.add_columns(value).order_by(ordered.nulls_last(), self.rowid.desc())

    def after(self, key: tuple) -> ColumnElement:
        """The cases after the one whose (sort value, id) is ``key``, in this order."""
        value, last_id = key
        if self.value is None:
            return self.rowid < last_id if self.descending else self.rowid > last_id
        if value is None:
            return and_(self.value.is_(None), self.rowid < last_id)
        beyond = self.value < value if self.descending else self.value > value
        return or_(beyond, and_(self.value == value, self.rowid < last_id), self.value.is_(None))


def _order(criteria: CaseFilter, viewer: Actor | None, rowid: ColumnElement) -> _Order:
    """The SQL order for ``criteria.order``; newest first breaks ties.

    By id (the default) a page is read straight off the id index, or off the full-text index in
    descending rowid order, so the query stops once the page is full. Any other key sorts every
    match after the last row shown before a page is returned: with a search text, every case the
    text matches. Measured on 20,000 cases, a 200-row page took about 25 ms newest first, 25–35 ms
    by number, kind, channel, state, date or mediator, and about 70 ms by complainant or
    respondent (a correlated look-up of the first party per case), so roughly 0.5 s on 200,000
    unfiltered cases; a two-character search matching all 20,000 took 0.13 s newest first and
    0.6–0.8 s by complainant. Names sort by Unicode code point (so cases of one person or
    business stay together), not by pinyin; kinds, channels and states in the order of the
    domain's vocabulary. "next_deadline" is ordered in Python; here it keeps the newest-first
    order it starts from.
    """
    if criteria.order in ("id", "next_deadline"):
        return _Order(None, rowid, criteria.order == "next_deadline" or criteria.descending)
    value: ColumnElement = {
        "number": lambda: Case.number,
        "kind": lambda: _rank(Case.kind, CaseKind),
        "channel": lambda: _rank(Case.channel, Channel),
        "state": lambda: _rank(Case.state, CaseState),
        "received_at": lambda: Case.received_at,
        "mediator": lambda: select(User.display_name).where(User.id == Case.mediator_id).scalar_subquery(),
        "complainant": lambda: _submitter_shown(viewer),
        "respondent": _respondent_name,
    }[criteria.order]()
    return _Order(value, rowid, criteria.descending)


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


def count_cases(
    store: Store, criteria: CaseFilter = CaseFilter(), *, limit: int | None = None, today: date | None = None
) -> int:
    """How many cases match. With ``limit``, counting stops there: a result equal to ``limit``
    means that many or more. A search matching most of a 200,000-case station took seconds to
    count in full, and a thousand of its matches 20 ms. With ``criteria.due`` the deadlines are
    computed (see the module), so the limit saves nothing there."""
    with store.reading() as session:
        query, rowid = _matching(session, criteria)
        if criteria.due:
            today = today or clock.today()
            computed = _with_deadlines(session, _Order(None, rowid, True).apply(query), today)
            found = sum(1 for _row, deadline in computed if _is_due(deadline, criteria, today))
            return found if limit is None else min(found, limit)
        return session.scalar(select(func.count()).select_from(query.limit(limit).subquery()))


def list_cases(
    store: Store,
    criteria: CaseFilter = CaseFilter(),
    *,
    after: CaseRow | None = None,
    limit: int | None = 100,
    today: date | None = None,
    viewer: Actor | None = None,
) -> list[CaseRow]:
    """One page of cases, by default newest first (by entry, which is the order of receipt but
    for minutes); ``limit=None`` for every match.

    ``after`` is the last row of the page before, as this function returned it for the same
    criteria: the page starts after it in the order (its ``list_key``), wherever that row is now.
    Reporters are shown only to the station head and the report's own mediator (Art. 37).
    Raises ``SortUnavailable`` when ordering by deadline would compute more than
    ``DEADLINE_SORT_LIMIT`` deadlines.
    """
    if after is not None and not after.list_key:
        raise ValueError("a page starts after a row read by list_cases")
    today = today or clock.today()
    with store.reading() as session:
        keyed = _page(session, criteria, after.list_key if after else None, limit, today, viewer)
        rows = read_rows(session, [case_id for case_id, _key in keyed], today, viewer)
    return [replace(row, list_key=key) for row, (_id, key) in zip(rows, keyed, strict=True)]


# A page: each case's id and its list key, (sort value, id).
Keyed = list[tuple[int, tuple]]


def _page(
    session: Session, criteria: CaseFilter, after: tuple | None, limit: int | None, today: date, viewer: Actor | None
) -> Keyed:
    if criteria.order == "next_deadline":
        return _deadline_page(session, criteria, after, limit, today, viewer)
    query, rowid = _matching(session, criteria)
    order = _order(criteria, viewer, rowid)
    if after is not None:
        query = query.where(order.after(after))
    query = order.apply(query)
    if criteria.due:
        due = [row for row, deadline in _with_deadlines(session, query, today) if _is_due(deadline, criteria, today)]
        return [(row.id, (row.sort_value, row.id)) for row in due[:limit]]
    return [(case_id, (value, case_id)) for case_id, value in session.execute(query.limit(limit))]


def _is_due(deadline: Deadline | None, criteria: CaseFilter, today: date) -> bool:
    return deadline is not None and deadline.state(today) in criteria.due


def _deadline_page(
    session: Session, criteria: CaseFilter, after: tuple | None, limit: int | None, today: date, viewer: Actor | None
) -> Keyed:
    """A page in the order of the nearest deadline.

    The order has three groups: cases with a running deadline, by it; then cases in a live
    state without one; then every other case, from SQL; the last two newest first, as are equal
    deadlines. The list key's sort value is (group, due date)."""
    query, rowid = _matching(session, criteria)
    newest_first = _order(replace(criteria, order="id", descending=True), viewer, rowid)
    if not criteria.due:
        found = session.scalar(select(func.count()).select_from(_with_live_state(query).subquery()))
        if found > DEADLINE_SORT_LIMIT:
            raise SortUnavailable(found, DEADLINE_SORT_LIMIT)
    computed = _with_deadlines(session, newest_first.apply(query), today)
    if criteria.due:
        computed = [(row, deadline) for row, deadline in computed if _is_due(deadline, criteria, today)]
    # sorted() is stable, also in reverse, so equal dates keep the newest-first order.
    timed = sorted(
        ((row, d) for row, d in computed if d), key=lambda pair: pair[1].due, reverse=criteria.descending
    )
    keyed = [(row.id, ((0, d.due), row.id)) for row, d in timed]
    keyed += [(row.id, ((1, None), row.id)) for row, d in computed if d is None]
    if after is not None:
        keyed = [entry for entry in keyed if _deadline_place(entry[1], criteria) > _deadline_place(after, criteria)]
    page = keyed[:limit]
    if criteria.due or (limit is not None and len(page) == limit):
        return page
    rest = query.where(Case.state.not_in([s.value for s in LIVE_DEADLINE_STATES]))
    (group, _due), last_id = after or ((0, None), None)
    if group == 2:
        rest = rest.where(newest_first.after((None, last_id)))
    more = session.scalars(newest_first.apply(rest).limit(None if limit is None else limit - len(page)))
    return page + [(case_id, ((2, None), case_id)) for case_id in more]


def _deadline_place(key: tuple, criteria: CaseFilter) -> tuple:
    """Where a list key stands in the deadline order, as a tuple that sorts in that order."""
    (group, due), case_id = key
    days = 0 if due is None else (-due.toordinal() if criteria.descending else due.toordinal())
    return (group, days, -case_id)


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


# Where the clock columns sit in a row of (id, sort value, *_CLOCK_COLUMNS), received_at among them.
_CLOCK = 2
_RECEIVED = _CLOCK + [column.key for column in _CLOCK_COLUMNS].index("received_at")


def _clock_facts(row: Row) -> tuple:
    """Every column case_clock reads; of the moment of receipt, only its date (all it takes)."""
    return (*row[_CLOCK:_RECEIVED], clock.local_date(row.received_at), *row[_RECEIVED + 1 :])


def _with_deadlines(session: Session, query: Select, today: date) -> list[tuple[Row, Deadline | None]]:
    """Each case of ``query`` (ordered, selecting the id and the sort value) that is in a
    live-deadline state, in the query's order, with its nearest live deadline.

    Costs one read of the clock columns and pauses of every such case, and one deadline
    computation each (see the module docstring).
    """
    live = _with_live_state(query)
    rows = session.execute(live.add_columns(*_CLOCK_COLUMNS)).all()
    pauses: dict[int, list[tuple[date, date | None]]] = {}
    paused = select(ClockPause.case_id, ClockPause.started_on, ClockPause.ended_on).where(
        ClockPause.case_id.in_(live.with_only_columns(Case.id).order_by(None))
    )
    for case_id, started_on, ended_on in session.execute(paused):
        pauses.setdefault(case_id, []).append((started_on, ended_on))
    # A deadline depends only on the clock's facts and today, and cases received (or accepted) on
    # the same day in the same state share them, so it is counted once for each such group.
    # Cases with clock pauses are counted one by one.
    shared: dict[tuple, Deadline | None] = {}
    computed = []
    for row in rows:
        case_pauses = pauses.get(row.id)
        if case_pauses:
            computed.append((row, nearest(live_deadlines(case_clock(row, case_pauses), today))))
            continue
        facts = _clock_facts(row)
        if facts not in shared:
            shared[facts] = nearest(live_deadlines(case_clock(row, []), today))
        computed.append((row, shared[facts]))
    return computed
