"""The rows of the case list: who and what each case is, and its nearest live deadline.

Deadlines are not stored; they are computed from each case's dates, its clock pauses and the
work calendar whenever a row is read, so a row is never stale.

A row is read from the columns it shows and the ones its deadline needs, never as a whole case:
a case's long texts (request, facts, the search text) would make a page of the list several times
slower to read, and every page read from the encrypted file is decrypted.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import clock
from app.domain.case_deadlines import CaseClock, live_deadlines, nearest
from app.domain.deadlines import Deadline
from app.domain.privacy import mask_phone
from app.domain.rules import Rule
from app.domain.vocabulary import CaseKind, CaseState, Channel, PartyRole, UserRole
from app.models.case import Case, Party
from app.models.station import User
from app.models.store import Store
from app.models.workflow import ClockPause
from app.services.actor import Actor


@dataclass(frozen=True)
class CaseRow:
    id: int
    number: str
    kind: CaseKind
    channel: Channel
    state: CaseState
    received_at: datetime
    complainant: str
    complainant_phone_masked: str
    respondent: str
    mediator: str
    next_deadline: Deadline | None
    # Where the row stands in the order of the list that read it, as that list compares rows:
    # set by app.services.queries.list_cases, whose next page starts after it. Empty otherwise.
    list_key: tuple = field(default=(), compare=False, repr=False)


def rows_by_id(store: Store, ids: list[int], today: date, viewer: Actor | None = None) -> list[CaseRow]:
    """List rows for the given cases, in the order given (read in chunks: SQLite caps parameters)."""
    rows = []
    with store.reading() as session:
        for start in range(0, len(ids), 500):
            rows += read_rows(session, ids[start : start + 500], today, viewer)
    return rows


REPORTER_WITHHELD = "（举报人信息保密）"


def may_see_reporter(case: Case, role: UserRole, viewer_id: int | None) -> bool:
    """Art. 37: a reporter's identity is for the head and the mediator handling the report."""
    return role is UserRole.HEAD or (viewer_id is not None and viewer_id == case.mediator_id)


# What a row shows, and every column case_clock reads.
_ROW_COLUMNS = (
    Case.id,
    Case.number,
    Case.kind,
    Case.channel,
    Case.state,
    Case.received_at,
    Case.mediator_id,
    Case.rule,
    Case.decided_on,
    Case.refusal_ground,
    Case.outcome_on,
    Case.termination_ground,
    Case.termination_notified_on,
    Case.check_extended,
)
_SUBMITTER_ROLES = (PartyRole.COMPLAINANT.value, PartyRole.REPORTER.value, PartyRole.INQUIRER.value)


def read_rows(session: Session, ids: list[int], today: date, viewer: Actor | None) -> list[CaseRow]:
    if not ids:
        return []
    cases = {case.id: case for case in session.execute(select(*_ROW_COLUMNS).where(Case.id.in_(ids)))}
    first_party = {}
    shown_roles = (*_SUBMITTER_ROLES, PartyRole.RESPONDENT.value)
    parties = select(Party.case_id, Party.role, Party.name, Party.phone).where(
        Party.case_id.in_(ids), Party.role.in_(shown_roles)
    )
    for party in session.execute(parties.order_by(Party.id)):
        first_party.setdefault((party.case_id, party.role), party)
    pauses = pauses_by_case(session, ids)
    mediators = dict(session.execute(select(User.id, User.display_name)).all())
    rows = []
    for case_id in ids:
        case = cases[case_id]
        submitter = next(
            (first_party[case_id, role] for role in _SUBMITTER_ROLES if (case_id, role) in first_party), None
        )
        respondent = first_party.get((case_id, PartyRole.RESPONDENT.value))
        shown = submitter
        if submitter and submitter.role == PartyRole.REPORTER.value:
            if viewer is None or not may_see_reporter(case, viewer.role, viewer.user_id):
                shown = None
        rows.append(
            CaseRow(
                id=case.id,
                number=case.number,
                kind=CaseKind(case.kind),
                channel=Channel(case.channel),
                state=CaseState(case.state),
                received_at=case.received_at,
                complainant=shown.name if shown else (REPORTER_WITHHELD if submitter else ""),
                complainant_phone_masked=mask_phone(shown.phone if shown else None),
                respondent=respondent.name if respondent else "",
                mediator=mediators.get(case.mediator_id, ""),
                next_deadline=nearest(live_deadlines(case_clock(case, pauses.get(case_id, [])), today)),
            )
        )
    return rows


def pauses_by_case(session: Session, ids: list[int]) -> dict[int, list[tuple[date, date | None]]]:
    pauses: dict[int, list[tuple[date, date | None]]] = {}
    paused = select(ClockPause.case_id, ClockPause.started_on, ClockPause.ended_on).where(ClockPause.case_id.in_(ids))
    for case_id, started_on, ended_on in session.execute(paused):
        pauses.setdefault(case_id, []).append((started_on, ended_on))
    return pauses


def deadlines_of(session: Session, case: Case, today: date) -> list[Deadline]:
    """The case's live deadlines as they stand in this unit of work."""
    return live_deadlines(case_clock(case, pauses_by_case(session, [case.id]).get(case.id, [])), today)


def case_clock(case: Case, pauses: list[tuple[date, date | None]]) -> CaseClock:
    """The case's clock; ``case`` may also be a row of selected columns with the same names."""
    return CaseClock(
        kind=CaseKind(case.kind),
        state=CaseState(case.state),
        rule=Rule(case.rule),
        received_on=clock.local_date(case.received_at),
        decided_on=case.decided_on if case.refusal_ground is None else None,
        outcome_on=case.outcome_on,
        terminated=case.termination_ground is not None,
        termination_notified_on=case.termination_notified_on,
        check_extended=case.check_extended,
        pauses=pauses,
    )
