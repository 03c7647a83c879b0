"""Sample data for each of the twelve documents: one demo-like case at a scenic-area station.

Used to review the layout (``installer/render_forms.py``) and by the tests. The people and
businesses are invented; the phone numbers are masked as the services mask them.
"""

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

from app.domain.clock import CHINA
from app.domain.grounds import refusal_grounds, termination_grounds
from app.domain.rules import Rule
from app.printing.document_data import (
    AcceptanceDecision,
    ComplaintRegistration,
    DocumentContent,
    FollowUpRecord,
    ForwardNotice,
    Heading,
    IdentityNotice,
    MediationAgreement,
    MediationNotice,
    MediationRecord,
    Office,
    PartyBlock,
    RefusalDecision,
    ReportRegistration,
    ReportResultNotice,
    TerminationDecision,
)

OFFICE = Office(
    name="杭州市西湖区市场监督管理局",
    doc_prefix="西市监投",
    station_name="西湖景区消费维权服务站",
    contact_phone="0571-87654321",
    address="浙江省杭州市西湖区北山街18号",
)
CASE_NUMBER = "西湖站投〔2026〕0312号"
RECEIVED = date(2026, 11, 2)
ISSUED = date(2026, 11, 8)

COMPLAINANT = PartyBlock(
    name="林晓燕",
    phone="138****8000",
    id_type="居民身份证",
    id_number="3**************02X",
    address="浙江省杭州市西湖区文三路90号东部软件园3幢502室",
)
RESPONDENT = PartyBlock(
    name="杭州湖滨玉器行有限公司",
    phone="0571-8702****",
    address="浙江省杭州市西湖区南山路135号",
    contact="赵国强",
    legal_representative="赵国强",
)
SUBJECT = "在杭州湖滨玉器行有限公司购买的和田玉手镯经检测为染色石英岩"
FACTS = (
    "2026年10月30日，投诉人在被投诉人位于南山路135号的门店购买“新疆和田玉手镯”一只，价款12,800.00元，"
    "有发票（号码04400123）和商品标签为证。11月1日经浙江省珠宝玉石质量检验中心检测，结论为“染色石英岩”"
    "（证书编号ZJ-2026-110105）。投诉人要求退货，被投诉人以“已过七天无理由退货期”为由拒绝。"
)
REQUEST = "退货退款12,800.00元，并按《中华人民共和国消费者权益保护法》第五十五条的规定按价款三倍赔偿。"


def heading(number: str | None, *, addressee: str = "林晓燕", rule: Rule = Rule.ORDER_121) -> Heading:
    return Heading(CASE_NUMBER, rule.value, OFFICE, ISSUED, number=number, addressee=addressee)


def sample_documents(*, issued: bool = True) -> dict[str, DocumentContent]:
    """Every form's sample data, by the form's short name (see ``FORM_NAMES``).

    ``issued=False`` gives drafts: no numbers yet, as a preview before issuing shows them.
    """

    def number(serial: int, prefix: str = OFFICE.doc_prefix) -> str | None:
        return f"{prefix}〔2026〕第{serial}号" if issued else None

    mediation_at = datetime(2026, 11, 12, 14, 30, tzinfo=CHINA)
    return {
        "complaint-register": ComplaintRegistration(
            heading(number(312, "西湖站登"), addressee=""),
            RECEIVED,
            COMPLAINANT,
            RESPONDENT,
            FACTS,
            REQUEST,
            consent_publish=True,
            consent_entrusted_mediation=False,
            registered_by="李明",
        ),
        "report-register": ReportRegistration(
            heading(number(45, "西湖站举"), addressee=""),
            RECEIVED,
            None,
            PartyBlock(name="断桥旅游纪念品店", address="浙江省杭州市西湖区北山街断桥东侧12号"),
            "该店销售的“手工刺绣丝巾”实为机器印花，标签未标明产地和纤维成分，价格标签与结算价格不一致"
            "（标价88元，结算128元）。举报人保留了购物小票和照片。",
            registered_by="陈静",
        ),
        "forward": ForwardNotice(
            heading(number(27, "西市监分"), addressee="杭州市西湖区市场监督管理局北山市场监督管理所"),
            "投诉",
            "林晓燕",
            RECEIVED,
            SUBJECT,
            date(2026, 11, 20),
            enclosures=2,
            enclosure_pages=5,
        ),
        "identity": IdentityNotice(heading(number(51)), date(2026, 11, 15)),
        "acceptance": AcceptanceDecision(heading(number(52)), RECEIVED, SUBJECT, "李明", "0571-87654321"),
        "refusal": RefusalDecision(heading(number(53)), RECEIVED, SUBJECT, refusal_grounds(Rule.ORDER_121), 4),
        "mediation-notice": MediationNotice(
            heading(number(54)),
            SUBJECT,
            mediation_at,
            "西湖景区消费维权服务站调解室（北山街18号二楼）",
            ("购物发票及商品标签", "检测证书原件"),
            3,
            "李明、陈静",
            "0571-87654321",
        ),
        "termination": TerminationDecision(heading(number(55)), SUBJECT, termination_grounds(Rule.ORDER_121), 3),
        "agreement": MediationAgreement(
            heading(number(56, "西市监调"), addressee=""),
            replace(COMPLAINANT, phone="13800138000", id_number=""),
            replace(RESPONDENT, phone="0571-87021234", agent_name="孙丽华", agent_phone="13900139000"),
            f"{FACTS}投诉请求：{REQUEST}",
            (
                "被投诉人于2026年11月15日前退还投诉人货款人民币12,800.00元，投诉人同时退还所购手镯及发票。",
                "被投诉人另行赔偿投诉人检测费人民币300.00元及交通误工费人民币200.00元，共计500.00元，与货款一并支付。",
                "双方就本次消费者权益争议再无其他争议。",
            ),
            Decimal("13300.00"),
            "李明、陈静",
        ),
        "report-result": ReportResultNotice(
            heading(number(57, "西市监举"), addressee="举报人"),
            "断桥旅游纪念品店销售标识不符的丝巾",
            "中华人民共和国产品质量法",
            "第二十七条",
            "经现场检查，该店销售的丝巾未标明产地和纤维成分，价格标签与结算价格不一致。我局已责令其改正，"
            "并依法立案调查（立案编号西市监立〔2026〕118号）。调查结果将依法公示。",
        ),
        "mediation-record": MediationRecord(
            heading(number(58, "西湖站记"), addressee=""),
            mediation_at,
            "西湖景区消费维权服务站调解室",
            "现场",
            "李明、陈静",
            "投诉人林晓燕；被投诉人委托代理人孙丽华",
            "投诉人：手镯经检测为染色石英岩，要求退货退款并三倍赔偿。\n"
            "被投诉人：同意退货退款，承担检测费，不同意三倍赔偿。\n"
            "调解人员释明《中华人民共和国消费者权益保护法》第五十五条的规定，双方经协商后同意以下方案。",
            "双方同意即时履行：被投诉人当场退还货款12,800.00元及检测费300.00元，投诉人退还手镯。双方同意不制作调解书。",
        ),
        "follow-up": FollowUpRecord(
            heading(number(59, "西湖站访"), addressee=""),
            date(2026, 11, 20),
            "电话",
            "林晓燕",
            "满意",
            "投诉人确认已于11月15日收到退款及赔偿共13,300.00元，对处理结果满意。",
            "陈静",
        ),
    }


def order_20_documents() -> dict[str, DocumentContent]:
    """The notices whose citations depend on the rule, for a case received before 2026-04-15."""
    old = heading("西市监投〔2026〕第9号", rule=Rule.ORDER_20)
    received = date(2026, 4, 10)
    return {
        "identity": IdentityNotice(old, date(2026, 4, 20)),
        "refusal": RefusalDecision(old, received, SUBJECT, refusal_grounds(Rule.ORDER_20), 5),
        "termination": TerminationDecision(old, SUBJECT, termination_grounds(Rule.ORDER_20), 5),
    }


def long_agreement(terms: int = 40) -> MediationAgreement:
    """A 调解书 with ``terms`` clauses: several pages, for the page furniture."""
    agreement = sample_documents()["agreement"]
    clauses = tuple(
        f"被投诉人于2026年12月{day % 28 + 1}日前向投诉人支付第{day}期款项人民币{100 + day}.00元，"
        "逾期未付的，投诉人可以就未付部分依法另行主张权利。"
        for day in range(1, terms + 1)
    )
    return replace(agreement, terms=clauses)
