"""Registering a case (登记): numbering, parties, the business on file, the first history row."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import clock
from app.domain.errors import ValidationError
from app.domain.rules import rule_for
from app.domain.vocabulary import CaseKind, CaseState, PartyRole
from app.models.case import Business, Case, Party
from app.models.station import Category, NumberSequence, ProblemKind, User
from app.models.store import Store
from app.services.actor import Actor
from app.services.changes import plain, record
from app.services.drafts import BOTH, CaseDraft, PartyDraft, clean_draft
from app.services.search import refresh_search_text

_SUBMITTER_ROLE = {
    CaseKind.COMPLAINT: PartyRole.COMPLAINANT,
    CaseKind.REPORT: PartyRole.REPORTER,
    CaseKind.INQUIRY: PartyRole.INQUIRER,
}


@dataclass(frozen=True)
class Registered:
    case_id: int
    number: str
    kind: CaseKind


def next_number(session: Session, kind: CaseKind, year: int) -> str:
    """``T2026-00017``: per kind and year, allocated inside the caller's transaction."""
    sequence = session.get(NumberSequence, (kind.value, year))
    if sequence is None:
        sequence = NumberSequence(kind=kind.value, year=year, last=0)
        session.add(sequence)
    sequence.last += 1
    return f"{kind.number_letter}{year}-{sequence.last:05d}"


def check_references(
    session: Session, *, category_code: str | None, problem_code: str | None, mediator_id: int | None
) -> None:
    """Codes and the mediator must exist in the station's tables; say which one does not."""
    if category_code and session.get(Category, category_code) is None:
        raise ValidationError("category_code", "消费类别", f"代码 {category_code} 不在类别表中")
    if problem_code and session.get(ProblemKind, problem_code) is None:
        raise ValidationError("problem_code", "问题类别", f"代码 {problem_code} 不在问题类别表中")
    if mediator_id is not None and session.get(User, mediator_id) is None:
        raise ValidationError("mediator_id", "承办调解员", "没有这个账户")


def find_or_add_business(session: Session, respondent: PartyDraft) -> Business | None:
    """The business on file with this credit code (or, lacking one, this exact name)."""
    if not respondent.name:
        return None
    if respondent.credit_code:
        business = session.scalars(select(Business).where(Business.credit_code == respondent.credit_code)).first()
    else:
        business = session.scalars(
            select(Business).where(Business.name == respondent.name, Business.credit_code.is_(None))
        ).first()
    if business is None:
        business = Business(
            name=respondent.name,
            credit_code=respondent.credit_code or None,
            address=respondent.address or None,
            legal_representative=respondent.legal_representative or None,
            contact=respondent.contact or None,
        )
        session.add(business)
        session.flush()
    return business


def _party(role: PartyRole, draft: PartyDraft, **extra) -> Party:
    return Party(
        role=role.value,
        name=draft.name,
        phone=draft.phone or None,
        address=draft.address or None,
        id_type=draft.id_type or None if draft.id_number else None,
        id_number=draft.id_number or None,
        credit_code=draft.credit_code or None,
        legal_representative=draft.legal_representative or None,
        contact=draft.contact or None,
        poa_matters=draft.poa_matters or None,
        poa_powers=draft.poa_powers or None,
        poa_valid_from=draft.poa_valid_from,
        poa_valid_to=draft.poa_valid_to,
        **extra,
    )


def _add_case(session: Session, actor: Actor, draft: CaseDraft, kind: CaseKind, now: datetime) -> Case:
    received_on = clock.local_date(draft.received_at)
    case = Case(
        uid=str(uuid.uuid4()),
        number=next_number(session, kind, clock.local_date(now).year),
        kind=kind.value,
        channel=draft.channel.value,
        state=CaseState.REGISTERED.value,
        rule=rule_for(received_on).value,
        received_at=draft.received_at,
        entered_at=draft.entered_at,
        platform_ref=draft.platform_ref or None,
        mediator_id=draft.mediator_id,
        request=draft.request,
        facts=draft.facts,
        amount_involved=draft.amount_involved,
        category_code=draft.category_code,
        problem_code=draft.problem_code,
        consent_publish=draft.consent_publish,
        consent_entrusted_mediation=draft.consent_entrusted_mediation,
        is_group=draft.is_group,
        version=1,
        created_at=now,
        updated_at=now,
    )
    session.add(case)
    session.flush()
    submitters = []
    for draft_party in draft.complainants:
        party = _party(_SUBMITTER_ROLE[kind], draft_party, is_representative=draft.is_group)
        party.case_id = case.id
        session.add(party)
        submitters.append(party)
    session.flush()
    if draft.agent is not None:
        session.add(_party(PartyRole.AGENT, draft.agent, case_id=case.id, represents_id=submitters[0].id))
    if kind is not CaseKind.INQUIRY and draft.respondent.name:
        business = find_or_add_business(session, draft.respondent)
        session.add(_party(PartyRole.RESPONDENT, draft.respondent, case_id=case.id, business_id=business.id))
    session.flush()
    session.refresh(case)
    refresh_search_text(case)
    return case


# Bookkeeping columns that say nothing about the case itself.
_NOT_RECORDED = {"id", "version", "search_text", "created_at", "updated_at"}


def _record_registration(session: Session, case: Case, actor: Actor) -> None:
    """The first history row holds every value entered, so the history alone tells the case."""
    values = {
        column.key: [None, plain(getattr(case, column.key))]
        for column in Case.__table__.columns
        if column.key not in _NOT_RECORDED and getattr(case, column.key) is not None
    }
    parties = [
        {column.key: plain(getattr(party, column.key)) for column in Party.__table__.columns if column.key != "case_id"}
        for party in case.parties
    ]
    record(session, case, actor, "register", values | {"parties": [None, parties]})


def register_work_order(session: Session, actor: Actor, draft: CaseDraft, case_uid: str) -> Registered:
    """A case the bureau dispatched (分送), registered under the hub's ID inside the caller's
    transaction; ``ValidationError`` if its content breaks a rule, and then nothing is added."""
    now = clock.now()
    draft = clean_draft(draft, now)
    case = _add_case(session, actor, draft, CaseKind(draft.kind), now)
    case.uid = case_uid
    _record_registration(session, case, actor)
    return Registered(case.id, case.number, CaseKind(case.kind))


def register_case(store: Store, actor: Actor, draft: CaseDraft) -> list[Registered]:
    """Register a submission; one that is both complaint and report becomes two linked cases."""
    now = clock.now()
    draft = clean_draft(draft, now)
    kinds = [CaseKind.COMPLAINT, CaseKind.REPORT] if draft.kind == BOTH else [CaseKind(draft.kind)]
    with store.session() as session:
        check_references(
            session, category_code=draft.category_code, problem_code=draft.problem_code, mediator_id=draft.mediator_id
        )
        cases = [_add_case(session, actor, draft, kind, now) for kind in kinds]
        if len(cases) == 2:
            complaint, report = cases
            complaint.linked_case_id = report.id
            report.linked_case_id = complaint.id
        for case in cases:
            _record_registration(session, case, actor)
        return [Registered(c.id, c.number, CaseKind(c.kind)) for c in cases]
