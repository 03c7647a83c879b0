"""One case in full, for the case detail: fields, parties, sessions, pauses, follow-ups,
history, live deadlines and the steps the user may take."""

import json
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from app.domain import clock
from app.domain.case_deadlines import live_deadlines
from app.domain.deadlines import Deadline
from app.domain.lifecycle import Step, allowed_steps
from app.domain.rules import Rule
from app.domain.vocabulary import CaseKind, CaseState, Channel, PartyRole, UserRole
from app.models.case import Party
from app.models.history import HistoryEntry
from app.models.store import Store
from app.models.workflow import ClockPause, FollowUp, MediationSession
from app.services.case_access import load_case
from app.services.case_rows import REPORTER_WITHHELD, case_clock, may_see_reporter


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
