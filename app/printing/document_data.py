"""What each document prints, as plain data: the contract between the case services and the forms.

The services fill these from a case (masking what the addressee may not see); the forms only lay
them out. Nothing here reads the store, so a form can be rendered, tested and reprinted from data
alone. Texts are final: masked numbers arrive masked, dates arrive as dates.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from app.domain.grounds import GroundList


@dataclass(frozen=True)
class Office:
    """The issuing office (发文机关) and how the parties reach it."""

    name: str  # printed above the seal, e.g. 某某市市场监督管理局
    doc_prefix: str  # 文号 prefix, e.g. 景市监投
    station_name: str  # 登记单位 on the registration forms
    contact_phone: str = ""
    address: str = ""  # 通信地址 (form 4)


@dataclass(frozen=True)
class PartyBlock:
    """A party as one document shows it; numbers are already masked where the reader may not see them."""

    name: str
    phone: str = ""
    id_type: str = ""
    id_number: str = ""
    address: str = ""
    contact: str = ""  # 联系人 of a business
    legal_representative: str = ""
    agent_name: str = ""  # 委托代理人
    agent_phone: str = ""


@dataclass(frozen=True)
class Heading:
    """What every numbered notice carries: its number, the case, the addressee and the dates."""

    case_number: str
    rule: str  # "order121" or "order20": decides the articles cited (see app.domain.rules.Rule)
    office: Office
    issued_on: date
    number: str | None = None  # 文号, allocated when the document is issued; None in a draft preview
    addressee: str = ""  # printed as "<addressee>：" ; "" for forms without an addressee line


@dataclass(frozen=True)
class ComplaintRegistration:
    """1 投诉登记表."""

    heading: Heading
    received_on: date
    complainant: PartyBlock
    respondent: PartyBlock
    facts: str  # 消费者权益争议事实依据
    request: str  # 投诉请求
    consent_publish: bool | None
    consent_entrusted_mediation: bool | None
    registered_by: str  # 经办人


@dataclass(frozen=True)
class ReportRegistration:
    """2 举报登记表. ``reporter`` is None for an anonymous report."""

    heading: Heading
    received_on: date
    reporter: PartyBlock | None
    reported: PartyBlock
    clues: str  # 具体线索和相应的事实依据
    registered_by: str


@dataclass(frozen=True)
class ForwardNotice:
    """3 投诉/举报分送通知书: a case sent on to the office that handles it."""

    heading: Heading  # addressee: the receiving office
    kind: str  # "投诉" or "举报"
    source: str  # who complained or reported (a reporter's name is never given to the reported business)
    received_on: date
    subject: str  # the "关于____" blank
    report_by: date  # 处理结果于…前报告
    enclosures: int = 0  # 附：相关材料 N 份
    enclosure_pages: int = 0


@dataclass(frozen=True)
class IdentityNotice:
    """4 限期提供身份证明材料通知书 (Art. 10 para. 3)."""

    heading: Heading
    provide_by: date
    materials: tuple[str, ...] = ("居民身份证或者其他有效身份证件",)


@dataclass(frozen=True)
class AcceptanceDecision:
    """5 投诉受理决定书."""

    heading: Heading
    received_on: date
    subject: str
    contact_person: str
    contact_phone: str


@dataclass(frozen=True)
class RefusalDecision:
    """6 投诉不予受理决定书: every ground of the article, the applicable one marked."""

    heading: Heading
    received_on: date
    subject: str
    grounds: GroundList
    applied_ground: int  # 1-based number in ``grounds``


@dataclass(frozen=True)
class MediationNotice:
    """7 投诉调解通知书."""

    heading: Heading
    subject: str
    starts_at: datetime  # aware; printed in Asia/Shanghai
    place: str
    materials: tuple[str, ...]  # after "1. 身份证明材料"
    recusal_days: int  # days to ask for a mediator's recusal (回避)
    mediators: str
    contact_phone: str


@dataclass(frozen=True)
class TerminationDecision:
    """8 投诉终止调解决定书: every ground of the article, the applicable one marked."""

    heading: Heading
    subject: str
    grounds: GroundList
    applied_ground: int


@dataclass(frozen=True)
class MediationAgreement:
    """9 投诉调解书: full identities of both parties, the terms as numbered clauses, signatures."""

    heading: Heading  # no addressee line
    complainant: PartyBlock
    respondent: PartyBlock
    complaint: str  # 投诉内容及投诉请求
    terms: tuple[str, ...]  # one clause each, numbered when printed
    amount: Decimal | None  # the agreed amount, also in the terms' own words
    mediators: str


@dataclass(frozen=True)
class ReportResultNotice:
    """10 举报处理结果告知书."""

    heading: Heading
    subject: str
    law: str  # the law or rule the result rests on, without 《》
    article: str  # e.g. 第三十一条
    result: str


@dataclass(frozen=True)
class MediationRecord:
    """调解记录: kept when no 调解书 is made (Art. 24)."""

    heading: Heading
    starts_at: datetime
    place: str
    mode: str  # 现场 / 电话 / 网络 …
    mediators: str
    participants: str
    record: str  # what each side said, as recorded
    outcome: str


@dataclass(frozen=True)
class FollowUpRecord:
    """回访记录."""

    heading: Heading
    on: date
    method: str
    person_reached: str
    satisfaction: str
    remarks: str
    staff: str


DocumentContent = (
    ComplaintRegistration
    | ReportRegistration
    | ForwardNotice
    | IdentityNotice
    | AcceptanceDecision
    | RefusalDecision
    | MediationNotice
    | TerminationDecision
    | MediationAgreement
    | ReportResultNotice
    | MediationRecord
    | FollowUpRecord
)

# The short names used on the command line (``--form``) and stored with each issued document.
FORM_NAMES: dict[str, type] = {
    "complaint-register": ComplaintRegistration,
    "report-register": ReportRegistration,
    "forward": ForwardNotice,
    "identity": IdentityNotice,
    "acceptance": AcceptanceDecision,
    "refusal": RefusalDecision,
    "mediation-notice": MediationNotice,
    "termination": TerminationDecision,
    "agreement": MediationAgreement,
    "report-result": ReportResultNotice,
    "mediation-record": MediationRecord,
    "follow-up": FollowUpRecord,
}
