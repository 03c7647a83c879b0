"""One case in full, for the case detail: fields, parties, sessions, pauses, follow-ups,
history, live deadlines and the steps the user may take, with the names of the codes and
accounts it mentions, so the view shows 商品类 › 家用电器 and 王建国 rather than codes and ids.

A reporter is shown only to the station head and the mediator handling the report (Art. 37):
to anyone else the reporter's party and every history entry that holds their details read
"（举报人信息保密）", while the entries themselves stay, so the history still shows that
something was changed, when and by whom.
"""

import json
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import clock
from app.domain.case_deadlines import live_deadlines
from app.domain.deadlines import Deadline
from app.domain.lifecycle import Step, allowed_steps
from app.domain.rules import Rule
from app.domain.vocabulary import CaseKind, CaseState, Channel, PartyRole, UserRole
from app.models.case import Party
from app.models.history import HistoryEntry
from app.models.station import Category, ProblemKind, User
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
    withheld: bool = False  # a reporter this user may not see (Art. 37): nothing to show or edit


@dataclass(frozen=True)
class HistoryView:
    at: datetime
    username: str
    action: str
    changes: dict
    who: str  # the user's display name, or the username of an account no longer on file


@dataclass(frozen=True)
class ReferenceNames:
    """The names of the station's codes and accounts, for the values a case and its history hold."""

    categories: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code → (parent name, name)
    problem_kinds: dict[str, str] = field(default_factory=dict)
    users: dict[int, str] = field(default_factory=dict)  # id → display name

    def category(self, code: str | None) -> tuple[str, ...]:
        """The category's names, parent first; the code itself when the table no longer has it."""
        if not code:
            return ()
        return self.categories.get(code, (code,))

    def problem_kind(self, code: str | None) -> str:
        return self.problem_kinds.get(code, code) if code else ""

    def user(self, user_id: int | None) -> str:
        return self.users.get(user_id, str(user_id)) if user_id is not None else ""


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
    mediator_id: int | None
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
    names: ReferenceNames = field(default_factory=ReferenceNames)

    @property
    def category_names(self) -> tuple[str, ...]:
        return self.names.category(self.category_code)

    @property
    def problem_name(self) -> str:
        return self.names.problem_kind(self.problem_code)

    @property
    def mediator_name(self) -> str:
        return self.names.user(self.mediator_id)

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
        names = reference_names(session)
        # Art. 37: the reporters this user may not see; the view gets none of their details.
        sees_reporter = may_see_reporter(case, role, viewer_id)
        withheld = [p for p in case.parties if p.role == PartyRole.REPORTER.value and not sees_reporter]
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
            mediator_id=case.mediator_id,
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
            parties=[_withheld(p) if p in withheld else _party_view(p) for p in case.parties],
            sessions=[
                SessionView(s.id, s.starts_at, s.place, s.mode, s.mediators, s.participants, s.record, s.held)
                for s in sessions
            ],
            pauses=[PauseView(p.id, p.kind, p.started_on, p.ended_on, p.detail, p.outcome) for p in pauses],
            follow_ups=[
                FollowUpView(f.id, f.visited_on, f.method, f.reached, f.satisfaction, f.remarks) for f in follow_ups
            ],
            history=[
                HistoryView(
                    h.at,
                    h.username,
                    h.action,
                    _without_reporters(json.loads(h.changes), withheld),
                    who=names.users.get(h.user_id, h.username),
                )
                for h in history
            ],
            deadlines=live_deadlines(case_clock(case, [(p.started_on, p.ended_on) for p in pauses]), today),
            steps=allowed_steps(kind, state, role),
            names=names,
        )


def reference_names(session: Session) -> ReferenceNames:
    """Every category, problem kind and account, inactive ones too: old history rows name them.

    A station keeps a few dozen codes and a handful of accounts, so reading all is one small query
    each, and the history's old values are named as well as the case's current ones.
    """
    categories = {c.code: c for c in session.scalars(select(Category))}
    return ReferenceNames(
        categories={
            code: (categories[c.parent_code].name, c.name) if c.parent_code in categories else (c.name,)
            for code, c in categories.items()
        },
        problem_kinds=dict(session.execute(select(ProblemKind.code, ProblemKind.name)).all()),
        users=dict(session.execute(select(User.id, User.display_name)).all()),
    )


def _without_reporters(changes: dict, reporters: list[Party]) -> dict:
    """A history entry's changes with the details of ``reporters`` replaced by the withheld mark.

    They are in the registration's ``parties``, in an ``edit_party`` entry's ``party``, and under
    ``parties/<uid>/…`` in what the bureau hub sent or a resolved conflict chose.
    """
    if not reporters:
        return changes
    ids = {p.id for p in reporters}
    paths = tuple(f"parties/{p.uid}/" for p in reporters)
    shown = {}
    for name, value in changes.items():
        if name == "parties" and isinstance(value, list):
            value = [
                [party for party in side if not (isinstance(party, dict) and party.get("id") in ids)]
                if isinstance(side, list)
                else side
                for side in value
            ]
        elif name == "party" and isinstance(value, dict) and value.get("id") in ids:
            value = REPORTER_WITHHELD
        elif name.startswith(paths):
            value = REPORTER_WITHHELD
        shown[name] = value
    return shown


def _withheld(p: Party) -> PartyView:
    """A reporter as staff not handling the report see them: nothing that identifies them."""
    return replace(
        _party_view(p), name=REPORTER_WITHHELD, phone=None, address=None, id_type=None, id_number=None, withheld=True
    )


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
