"""Correcting what was entered: case fields and a party's details, each change in the history.

Legal steps are never edited: a wrong decision is corrected by a new recorded step. An edit is
undone the same way: ``undo_edit`` records a new edit back to the old values, since the history
is append-only.

Two limits keep a report's reporter from staff not handling it (Art. 37): only the station head
may change who handles a case (whoever handles a report sees its reporter), and a reporter this
user may not see cannot be edited either.
"""

from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from app.domain import clock, validators
from app.domain.errors import DeskError, IllegalTransition, ValidationError
from app.domain.vocabulary import PartyRole
from app.models.case import Case, Party
from app.models.store import Store
from app.services.actor import Actor
from app.services.case_access import begin_step
from app.services.case_rows import may_see_reporter
from app.services.changes import change, plain
from app.services.details import PartyView
from app.services.drafts import PartyDraft, clean_party
from app.services.intake import check_references, find_or_add_business
from app.services.search import refresh_search_text

_TEXT_FIELDS = {
    "request": ("投诉请求", 2000, True),
    "facts": ("事实和理由", 10000, False),
    "platform_ref": ("平台工单号", 40, False),
}
_FLAGS = ("consent_publish", "consent_entrusted_mediation")
_PARTY_DATES = ("poa_valid_from", "poa_valid_to")
_PARTY_FIELDS = {f.name for f in fields(PartyDraft)}

REPORTER_NOT_EDITABLE = "举报人信息依法保密：只有站长和承办该举报的调解员可以查看或修改。"


class EditOutdated(DeskError):
    """The case changed after the version an edit, or the undo of one, was based on."""


@dataclass(frozen=True)
class EditResult:
    """What a saved edit changed, and the case version it produced (what an undo is based on).

    Attributes:
        changes: ``{field: [old, new]}``; empty when nothing differed (nothing was recorded).
        version: the case's version after the edit (unchanged when nothing was recorded).
    """

    changes: dict[str, list]
    version: int


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


def inverse(changes: dict[str, list]) -> dict:
    """The values that put back what ``changes`` (``{field: [old, new]}``) replaced."""
    return {name: old for name, (old, _new) in changes.items()}


def edit_case(
    store: Store,
    actor: Actor,
    case_id: int,
    fields: dict[str, str | Decimal | bool | int | None],
    *,
    based_on: int | None = None,
) -> EditResult:
    """Change some of the editable case fields; returns what changed and the new version.

    ``based_on`` is the case version the user was looking at: if the case has changed since, the
    edit is refused (``EditOutdated``) rather than overwrite what someone else did. A saved edit
    moves the version on by exactly one; an edit that changes nothing records nothing. Only the
    station head may change the mediator (承办调解员).
    """
    with store.session() as session:
        case = _begin_edit(session, case_id, actor, based_on)
        return EditResult(_edit_case_in(session, case, actor, fields), case.version)


def edit_party(
    store: Store, actor: Actor, case_id: int, party_id: int, details: PartyDraft, *, based_on: int | None = None
) -> EditResult:
    """Replace a party's details with validated ones; the history keeps the old values.

    ``based_on`` works as for ``edit_case``.
    """
    with store.session() as session:
        case = _begin_edit(session, case_id, actor, based_on)
        changes = _edit_party_in(session, case, actor, _party_of(session, case, party_id), details)
        return EditResult(changes, case.version)


def undo_edit(
    store: Store, actor: Actor, case_id: int, changes: dict[str, list], *, version: int, party_id: int | None = None
) -> EditResult:
    """Put back what a saved edit (``changes``, of the party ``party_id`` if given) replaced.

    It is a new recorded edit to the old values. ``version`` is the case version the edit
    produced: once the case has changed again, putting the old values back would silently undo
    that later change too, so the undo is refused (``EditOutdated``).
    """
    with store.session() as session:
        case = _begin_edit(session, case_id, actor, version)
        if party_id is None:
            return EditResult(_edit_case_in(session, case, actor, inverse(changes)), case.version)
        party = _party_of(session, case, party_id)
        # The business the respondent is filed under follows from its name and credit code.
        old = {name: value for name, value in inverse(changes).items() if name in _PARTY_FIELDS}
        for name in _PARTY_DATES:
            if isinstance(old.get(name), str):
                old[name] = date.fromisoformat(old[name])
        undone = _edit_party_in(session, case, actor, party, replace(party_draft_of(party), **_blank_as_empty(old)))
        return EditResult(undone, case.version)


def _begin_edit(session: Session, case_id: int, actor: Actor, version: int | None) -> Case:
    case, _ = begin_step(session, case_id, "edit", actor)
    if version is not None and case.version != version:
        raise EditOutdated(f"案件 {case.number} 在此之后已有其他变动，请看过最新内容后再办理。")
    return case


def _edit_case_in(session: Session, case: Case, actor: Actor, fields: dict) -> dict:
    cleaned = _clean_fields(session, fields)
    wanted = {name: value for name, value in cleaned.items() if getattr(case, name) != value}
    if "mediator_id" in wanted and not actor.is_head:
        # Whoever handles a report sees its reporter (Art. 37): a mediator assigning a report to
        # themselves would see who reported it.
        raise ValidationError("mediator_id", "承办调解员", "只有站长可以指定或更换")
    if not wanted:
        return {}
    changes = change(session, case, actor, "edit", wanted)
    refresh_search_text(case)
    return changes


def _party_of(session: Session, case: Case, party_id: int) -> Party:
    party = session.get(Party, party_id)
    if party is None or party.case_id != case.id:
        raise ValidationError("party_id", "当事人", "不是本案的当事人")
    return party


def party_draft_of(party: Party | PartyView) -> PartyDraft:
    """The party's details as they are now, in the form ``edit_party`` takes; ``party`` may be
    the stored party or the case detail's view of it (same attribute names)."""
    return PartyDraft(**_blank_as_empty({name: getattr(party, name) for name in _PARTY_FIELDS}))


def _blank_as_empty(values: dict) -> dict:
    # A draft holds a missing text as "", the store as None.
    return {name: "" if value is None and name not in _PARTY_DATES else value for name, value in values.items()}


def _edit_party_in(session: Session, case: Case, actor: Actor, party: Party, details: PartyDraft) -> dict:
    if party.role == PartyRole.REPORTER.value and not may_see_reporter(case, actor.role, actor.user_id):
        raise IllegalTransition(REPORTER_NOT_EDITABLE)
    who = "被投诉人" if party.role == PartyRole.RESPONDENT.value else "当事人"
    person = party.role in (PartyRole.COMPLAINANT.value, PartyRole.AGENT.value)
    cleaned = clean_party(details, f"parties.{party.id}", who, clock.today(), person=person)
    if not cleaned.name:
        raise ValidationError(f"parties.{party.id}.name", f"{who}名称", "不能为空")
    if not cleaned.id_number:
        cleaned.id_type = ""  # as at intake: a type without a number says nothing
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
    if not changed:
        return {}
    change(session, case, actor, "edit_party", {}, party={"id": party.id, "changes": changed})
    refresh_search_text(case)
    return changed
