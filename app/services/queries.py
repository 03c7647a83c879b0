"""Reading cases for lists and for the case detail, as plain data objects."""

import json
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import Select, func, select, text
from sqlalchemy.orm import Session

from app.domain import clock
from app.domain.case_deadlines import CaseClock, live_deadlines, nearest
from app.domain.deadlines import Deadline
from app.domain.lifecycle import Step, allowed_steps
from app.domain.privacy import mask_phone
from app.domain.rules import Rule
from app.domain.vocabulary import CaseKind, CaseState, Channel, PartyRole, UserRole
from app.models.case import Case, Party
from app.models.history import HistoryEntry
from app.models.station import User
from app.models.store import Store
from app.models.workflow import ClockPause, FollowUp, MediationSession
from app.services.actor import Actor
from app.services.case_access import load_case
from app.services.search import match_expression, search_index


@dataclass(frozen=True)
class CaseFilter:
    text: str = ""
    states: tuple[CaseState, ...] = ()
    kinds: tuple[CaseKind, ...] = ()
    channels: tuple[Channel, ...] = ()
    mediator_id: int | None = None
    received_from: date | None = None
    received_to: date | None = None


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


def _matching(session: Session, criteria: CaseFilter) -> Select:
    """The ids of the cases the filter selects, newest first."""
    words = criteria.text.strip()
    match = match_expression(session, words) if words else None
    if match is not None:
        # Reading the index in descending rowid order lets a page stop early.
        query = (
            select(Case.id)
            .select_from(search_index)
            .join(Case, Case.id == search_index.c.rowid)
            .where(text("case_search MATCH :match").bindparams(match=match))
            .order_by(search_index.c.rowid.desc())
        )
    else:
        query = select(Case.id).order_by(Case.id.desc())
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
    return query


def _day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=clock.CHINA)


def count_cases(store: Store, criteria: CaseFilter = CaseFilter()) -> int:
    with store.reading() as session:
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
    """One page of cases, newest first (by entry, which is the order of receipt but for minutes).

    Reporters are shown only to the station head and the report's own mediator (Art. 37).
    """
    today = today or clock.today()
    with store.reading() as session:
        ids = session.scalars(_matching(session, criteria).offset(offset).limit(limit)).all()
        return _rows(session, ids, today, viewer)


def rows_by_id(store: Store, ids: list[int], today: date, viewer: Actor | None = None) -> list[CaseRow]:
    """List rows for the given cases, in the order given (read in chunks: SQLite caps parameters)."""
    rows = []
    with store.reading() as session:
        for start in range(0, len(ids), 500):
            rows += _rows(session, ids[start : start + 500], today, viewer)
    return rows


REPORTER_WITHHELD = "（举报人信息保密）"


def may_see_reporter(case: Case, role: UserRole, viewer_id: int | None) -> bool:
    """Art. 37: a reporter's identity is for the head and the mediator handling the report."""
    return role is UserRole.HEAD or (viewer_id is not None and viewer_id == case.mediator_id)


def _rows(session: Session, ids: list[int], today: date, viewer: Actor | None) -> list[CaseRow]:
    if not ids:
        return []
    cases = {c.id: c for c in session.scalars(select(Case).where(Case.id.in_(ids)))}
    first_party: dict[tuple[int, str], Party] = {}
    for party in session.scalars(select(Party).where(Party.case_id.in_(ids)).order_by(Party.id)):
        first_party.setdefault((party.case_id, party.role), party)
    pauses = _pauses_by_case(session, ids)
    mediators = dict(session.execute(select(User.id, User.display_name)).all())
    rows = []
    for case_id in ids:
        case = cases[case_id]
        submitter = (
            first_party.get((case_id, PartyRole.COMPLAINANT.value))
            or first_party.get((case_id, PartyRole.REPORTER.value))
            or first_party.get((case_id, PartyRole.INQUIRER.value))
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


def _pauses_by_case(session: Session, ids: list[int]) -> dict[int, list[tuple[date, date | None]]]:
    pauses: dict[int, list[tuple[date, date | None]]] = {}
    for pause in session.scalars(select(ClockPause).where(ClockPause.case_id.in_(ids))):
        pauses.setdefault(pause.case_id, []).append((pause.started_on, pause.ended_on))
    return pauses


def deadlines_of(session: Session, case: Case, today: date) -> list[Deadline]:
    """The case's live deadlines as they stand in this unit of work."""
    return live_deadlines(case_clock(case, _pauses_by_case(session, [case.id]).get(case.id, [])), today)


def case_clock(case: Case, pauses: list[tuple[date, date | None]]) -> CaseClock:
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


# --- the case detail ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PartyView:
    id: int
    role: PartyRole
    name: str
    phone: str | None
    address: str | None
    id_type: str | None
    id_number: str | None
    credit_code: str | None
    legal_representative: str | None
    contact: str | None
    is_representative: bool
    represents_id: int | None
    poa_matters: str | None
    poa_powers: str | None
    poa_valid_from: date | None
    poa_valid_to: date | None


@dataclass(frozen=True)
class HistoryView:
    at: datetime
    username: str
    action: str
    changes: dict


@dataclass(frozen=True)
class SessionView:
    id: int
    starts_at: datetime
    place: str
    mode: str
    mediators: str
    participants: str | None
    record: str | None
    held: bool


@dataclass(frozen=True)
class PauseView:
    id: int
    kind: str
    started_on: date
    ended_on: date | None
    detail: str
    outcome: str | None


@dataclass(frozen=True)
class FollowUpView:
    id: int
    visited_on: date
    method: str
    reached: bool
    satisfaction: str | None
    remarks: str | None


@dataclass(frozen=True)
class CaseDetail:
    id: int
    uid: str
    number: str
    kind: CaseKind
    channel: Channel
    state: CaseState
    rule: Rule
    received_at: datetime
    entered_at: datetime
    platform_ref: str | None
    request: str
    facts: str
    amount_involved: Decimal | None
    amount_recovered: Decimal | None
    category_code: str | None
    problem_code: str | None
    consent_publish: bool | None
    consent_entrusted_mediation: bool | None
    is_group: bool
    linked_case_id: int | None
    decided_on: date | None
    refusal_ground: int | None
    refusal_reason: str | None
    outcome_on: date | None
    agreement_terms: list[str]
    agreement_document: bool | None
    termination_ground: int | None
    termination_reason: str | None
    termination_notified_on: date | None
    check_extended: bool
    closed_on: date | None
    void_reason: str | None
    version: int
    parties: list[PartyView]
    sessions: list[SessionView]
    pauses: list[PauseView]
    follow_ups: list[FollowUpView]
    history: list[HistoryView]
    deadlines: list[Deadline]
    steps: list[Step] = field(default_factory=list)

    @property
    def entry_delay_minutes(self) -> float:
        """Minutes from receipt to entry; the bureau's rule is within 60 for dispatched cases."""
        return (self.entered_at - self.received_at).total_seconds() / 60

    @property
    def entered_within_hour(self) -> bool:
        return self.entry_delay_minutes <= 60


def case_detail(
    store: Store, case_id: int, *, role: UserRole, viewer_id: int | None = None, today: date | None = None
) -> CaseDetail:
    today = today or clock.today()
    with store.reading() as session:
        case = load_case(session, case_id)
        pauses = list(session.scalars(select(ClockPause).where(ClockPause.case_id == case_id).order_by(ClockPause.id)))
        sessions = session.scalars(
            select(MediationSession).where(MediationSession.case_id == case_id).order_by(MediationSession.starts_at)
        )
        follow_ups = session.scalars(select(FollowUp).where(FollowUp.case_id == case_id).order_by(FollowUp.visited_on))
        history = session.scalars(
            select(HistoryEntry).where(HistoryEntry.case_id == case_id).order_by(HistoryEntry.id)
        )
        kind, state = CaseKind(case.kind), CaseState(case.state)
        return CaseDetail(
            id=case.id,
            uid=case.uid,
            number=case.number,
            kind=kind,
            channel=Channel(case.channel),
            state=state,
            rule=Rule(case.rule),
            received_at=case.received_at,
            entered_at=case.entered_at,
            platform_ref=case.platform_ref,
            request=case.request,
            facts=case.facts,
            amount_involved=case.amount_involved,
            amount_recovered=case.amount_recovered,
            category_code=case.category_code,
            problem_code=case.problem_code,
            consent_publish=case.consent_publish,
            consent_entrusted_mediation=case.consent_entrusted_mediation,
            is_group=case.is_group,
            linked_case_id=case.linked_case_id,
            decided_on=case.decided_on,
            refusal_ground=case.refusal_ground,
            refusal_reason=case.refusal_reason,
            outcome_on=case.outcome_on,
            agreement_terms=case.agreement_terms.split("\n") if case.agreement_terms else [],
            agreement_document=case.agreement_document,
            termination_ground=case.termination_ground,
            termination_reason=case.termination_reason,
            termination_notified_on=case.termination_notified_on,
            check_extended=case.check_extended,
            closed_on=case.closed_on,
            void_reason=case.void_reason,
            version=case.version,
            parties=[
                _party_view(p)
                if p.role != PartyRole.REPORTER.value or may_see_reporter(case, role, viewer_id)
                else _withheld(p)
                for p in case.parties
            ],
            sessions=[
                SessionView(s.id, s.starts_at, s.place, s.mode, s.mediators, s.participants, s.record, s.held)
                for s in sessions
            ],
            pauses=[PauseView(p.id, p.kind, p.started_on, p.ended_on, p.detail, p.outcome) for p in pauses],
            follow_ups=[
                FollowUpView(f.id, f.visited_on, f.method, f.reached, f.satisfaction, f.remarks) for f in follow_ups
            ],
            history=[HistoryView(h.at, h.username, h.action, json.loads(h.changes)) for h in history],
            deadlines=live_deadlines(case_clock(case, [(p.started_on, p.ended_on) for p in pauses]), today),
            steps=allowed_steps(kind, state, role),
        )


def _withheld(p: Party) -> PartyView:
    """A reporter as staff not handling the report see them: nothing that identifies them."""
    return replace(_party_view(p), name=REPORTER_WITHHELD, phone=None, address=None, id_type=None, id_number=None)


def _party_view(p: Party) -> PartyView:
    return PartyView(
        p.id,
        PartyRole(p.role),
        p.name,
        p.phone,
        p.address,
        p.id_type,
        p.id_number,
        p.credit_code,
        p.legal_representative,
        p.contact,
        p.is_representative,
        p.represents_id,
        p.poa_matters,
        p.poa_powers,
        p.poa_valid_from,
        p.poa_valid_to,
    )
