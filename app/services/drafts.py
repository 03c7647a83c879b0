"""What a mediator fills in at intake, and its validation into clean values.

Registration accepts an incomplete record (a phone call may give only a name and a request);
``missing_for_acceptance`` lists what Art. 10 still needs before the complaint can be accepted.
Validation checks everything first, so a rejected draft leaves nothing saved.
"""

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal

from app.domain import clock, validators
from app.domain.errors import ValidationError
from app.domain.vocabulary import Channel

BOTH = "complaint_and_report"
EARLIEST_RECEIPT = date(2004, 1, 1)  # the first year of the shipped work calendar  # a submission that is both: split into two linked cases (Art. 9)


@dataclass
class PartyDraft:
    name: str = ""
    phone: str = ""
    address: str = ""
    id_type: str = ""
    id_number: str = ""
    # A respondent business
    credit_code: str = ""
    legal_representative: str = ""
    contact: str = ""
    # An agent's power of attorney (授权委托书, Art. 11)
    poa_matters: str = ""
    poa_powers: str = ""
    poa_valid_from: date | None = None
    poa_valid_to: date | None = None


@dataclass
class CaseDraft:
    kind: str  # a CaseKind value, or BOTH
    channel: Channel
    received_at: datetime
    entered_at: datetime | None = None  # now, if not given
    platform_ref: str = ""
    complainants: list[PartyDraft] = field(default_factory=list)  # or reporter / inquirer
    is_group: bool = False
    agent: PartyDraft | None = None
    respondent: PartyDraft = field(default_factory=PartyDraft)
    request: str = ""
    facts: str = ""
    amount_involved: str | Decimal | None = None
    category_code: str | None = None
    problem_code: str | None = None
    consent_publish: bool | None = None
    consent_entrusted_mediation: bool | None = None
    mediator_id: int | None = None


def clean_party(party: PartyDraft, prefix: str, who: str, today: date, *, person: bool = False) -> PartyDraft:
    """The party with every given value checked and normalised; blanks stay blank."""
    def label(name: str) -> str:
        return f"{who}{name}"

    cleaned = replace(party)
    if person and party.name.strip():
        # A consumer or an agent is a natural person: letters and the middle dot, nothing else.
        cleaned.name = validators.person_name(party.name, field=f"{prefix}.name", label=label("姓名"))
    else:
        cleaned.name = validators.text(party.name, field=f"{prefix}.name", label=label("名称"), max_length=100)
    if party.phone.strip():
        cleaned.phone = validators.phone(party.phone, field=f"{prefix}.phone", label=label("电话"))
    cleaned.address = validators.text(party.address, field=f"{prefix}.address", label=label("地址"), max_length=200)
    if party.id_number.strip():
        if not party.id_type:
            raise ValidationError(f"{prefix}.id_type", label("证件类型"), "填写证件号码时须选择证件类型")
        cleaned.id_number = validators.id_number(
            party.id_type, party.id_number, field=f"{prefix}.id_number", label=label("证件号码"), today=today
        )
    if party.credit_code.strip():
        cleaned.credit_code = validators.credit_code(
            party.credit_code, field=f"{prefix}.credit_code", label=label("统一社会信用代码")
        )
    cleaned.legal_representative = validators.text(
        party.legal_representative, field=f"{prefix}.legal_representative", label=label("法定代表人"), max_length=50
    )
    if party.contact.strip():
        cleaned.contact = validators.phone(party.contact, field=f"{prefix}.contact", label=label("联系电话"))
    cleaned.poa_matters = validators.text(
        party.poa_matters, field=f"{prefix}.poa_matters", label="委托事项", max_length=500, multiline=True
    )
    cleaned.poa_powers = validators.text(
        party.poa_powers, field=f"{prefix}.poa_powers", label="委托权限", max_length=500, multiline=True
    )
    if party.poa_valid_from and party.poa_valid_to and party.poa_valid_to < party.poa_valid_from:
        raise ValidationError(f"{prefix}.poa_valid_to", "委托期限", "截止日期早于起始日期")
    return cleaned


def clean_draft(draft: CaseDraft, now: datetime) -> CaseDraft:
    """A copy of the draft with every value validated; raises on the first bad field."""
    today = clock.local_date(now)
    kinds = {"complaint", "report", "inquiry", BOTH}
    if draft.kind not in kinds:
        raise ValidationError("kind", "类别", "应为投诉、举报、咨询或投诉并举报")
    cleaned = replace(draft)
    cleaned.channel = Channel(draft.channel)
    cleaned.received_at = validators.not_in_future(draft.received_at, field="received_at", label="收到时间", now=now)
    if clock.local_date(cleaned.received_at) < EARLIEST_RECEIPT:
        raise ValidationError("received_at", "收到时间", "不能早于 2004 年 1 月 1 日：更早的日期没有工作日历，无法计算期限")
    cleaned.entered_at = draft.entered_at or now
    validators.not_in_future(cleaned.entered_at, field="entered_at", label="录入时间", now=now)
    validators.received_before_entered(cleaned.received_at, cleaned.entered_at, field="received_at", label="收到时间")
    cleaned.platform_ref = validators.text(draft.platform_ref, field="platform_ref", label="平台工单号", max_length=40)
    if not draft.complainants:
        raise ValidationError("complainants", "投诉人", "至少登记一位投诉人（举报人、咨询人）")
    limit = 2 if draft.is_group else 1
    if len(draft.complainants) > limit:
        reason = "群体投诉最多登记两名代表人" if draft.is_group else "非群体投诉只登记一位投诉人"
        raise ValidationError("complainants", "投诉人", reason)
    cleaned.complainants = [
        clean_party(p, f"complainants.{i}", "投诉人", today, person=True) for i, p in enumerate(draft.complainants)
    ]
    if draft.kind in ("complaint", BOTH) and not cleaned.complainants[0].name:
        raise ValidationError("complainants.0.name", "投诉人名称", "不能为空")
    if draft.agent is not None:
        cleaned.agent = clean_party(draft.agent, "agent", "代理人", today, person=True)
        if not cleaned.agent.name:
            raise ValidationError("agent.name", "代理人名称", "登记代理人时不能为空")
    cleaned.respondent = clean_party(draft.respondent, "respondent", "被投诉人", today)
    cleaned.request = validators.text(
        draft.request, field="request", label="投诉请求", max_length=2000, required=True, multiline=True
    )
    cleaned.facts = validators.text(draft.facts, field="facts", label="事实和理由", max_length=10000, multiline=True)
    if draft.amount_involved not in (None, ""):
        cleaned.amount_involved = validators.amount(draft.amount_involved, field="amount_involved", label="涉及金额")
    else:
        cleaned.amount_involved = None
    return cleaned


def missing_for_acceptance(values: dict[str, str | None]) -> list[str]:
    """Labels of the Art. 10 facts still missing, given ``{label: value}``; empty when complete."""
    return [label for label, value in values.items() if not (value or "").strip()]
