"""Correcting what was entered: case fields and a party's details, each change in the history.

Legal steps are never edited: a wrong decision is corrected by a new recorded step.
"""

from dataclasses import asdict
from decimal import Decimal

from app.domain import clock, validators
from app.domain.errors import ValidationError
from app.domain.vocabulary import PartyRole
from app.models.case import Party
from app.models.store import Store
from app.services.actor import Actor
from app.services.case_access import begin_step
from app.services.changes import change, plain
from app.services.drafts import PartyDraft, clean_party
from app.services.intake import check_references, find_or_add_business
from app.services.search import refresh_search_text

_TEXT_FIELDS = {
    "request": ("投诉请求", 2000, True),
    "facts": ("事实和理由", 10000, False),
    "platform_ref": ("平台工单号", 40, False),
}
_FLAGS = ("consent_publish", "consent_entrusted_mediation")


def _clean_fields(session, fields: dict) -> dict:
    cleaned = {}
    for name, value in fields.items():
        if name in _TEXT_FIELDS:
            label, limit, required = _TEXT_FIELDS[name]
            cleaned[name] = validators.text(
                value or "", field=name, label=label, max_length=limit, required=required, multiline=True
            ) or (None if name == "platform_ref" else "")
        elif name == "amount_involved":
            cleaned[name] = None if value in (None, "") else validators.amount(value, field=name, label="涉及金额")
        elif name in _FLAGS:
            cleaned[name] = None if value is None else bool(value)
        elif name in ("category_code", "problem_code"):
            cleaned[name] = value or None
        elif name == "mediator_id":
            cleaned[name] = value
        else:
            raise ValidationError(name, name, "这一项不能直接修改")
    check_references(
        session,
        category_code=cleaned.get("category_code"),
        problem_code=cleaned.get("problem_code"),
        mediator_id=cleaned.get("mediator_id"),
    )
    return cleaned


def edit_case(store: Store, actor: Actor, case_id: int, fields: dict[str, str | Decimal | bool | int | None]) -> dict:
    """Change some of the editable case fields; returns ``{field: [old, new]}`` of what changed."""
    with store.session() as session:
        case, _ = begin_step(session, case_id, "edit", actor)
        changes = change(session, case, actor, "edit", _clean_fields(session, fields))
        refresh_search_text(case)
        return changes


def edit_party(store: Store, actor: Actor, case_id: int, party_id: int, details: PartyDraft) -> dict:
    """Replace a party's details with validated ones; the history keeps the old values."""
    with store.session() as session:
        case, _ = begin_step(session, case_id, "edit", actor)
        party = session.get(Party, party_id)
        if party is None or party.case_id != case.id:
            raise ValidationError("party_id", "当事人", "不是本案的当事人")
        who = "被投诉人" if party.role == PartyRole.RESPONDENT.value else "当事人"
        person = party.role in (PartyRole.COMPLAINANT.value, PartyRole.AGENT.value)
        cleaned = clean_party(details, f"parties.{party_id}", who, clock.today(), person=person)
        if not cleaned.name:
            raise ValidationError(f"parties.{party_id}.name", f"{who}名称", "不能为空")
        changed = {}
        if party.role == PartyRole.RESPONDENT.value and (
            cleaned.name != party.name or (cleaned.credit_code or None) != party.credit_code
        ):
            # A corrected name or credit code may be another business: file the case under it.
            business_id = find_or_add_business(session, cleaned).id
            if business_id != party.business_id:
                changed["business_id"] = [party.business_id, business_id]
                party.business_id = business_id
        for name, new in asdict(cleaned).items():
            new = new or None
            if name == "name":
                new = cleaned.name
            old = getattr(party, name)
            if old != new:
                setattr(party, name, new)
                changed[name] = [plain(old), plain(new)]
        change(session, case, actor, "edit_party", {}, party={"id": party_id, "changes": changed})
        refresh_search_text(case)
        return changed
