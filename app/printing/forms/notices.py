"""The numbered notices (文书式样三至八、十): one builder, the wording of each form.

The fixed wording is that of the 2026 set (shared reference forms-2026.md), with its blanks
filled. What depends on the rule a case is handled under is the article cited: a case received
before 2026-04-15 follows order 20, whose articles are numbered differently (refusal Art. 15,
termination Art. 21 para. 1) and which has no identity-verification clause (Art. 10 para. 3 of
order 121); form 4 then rests on the materials clause, Art. 9 para. 1 of order 20.
"""

from collections.abc import Callable

from app.domain.grounds import GroundList
from app.domain.rules import Rule
from app.printing.document_data import (
    AcceptanceDecision,
    ForwardNotice,
    Heading,
    IdentityNotice,
    MediationNotice,
    RefusalDecision,
    ReportResultNotice,
    TerminationDecision,
)
from app.printing.fonts import FontSet
from app.printing.forms.common import (
    CONSUMER_LAW,
    MEASURES,
    OFFICE_AND_DATE_LINES,
    TICKED,
    UNTICKED,
    addressee,
    body,
    cn_date,
    cn_time,
    filled,
    footnote,
    footnote_height,
    heading_block,
    office_and_date,
)
from app.printing.layout import Flow, Layout
from app.printing.page import BLOCK_WIDTH, BODY_TEXT
from app.printing.tables import Group, Row, Table, place_table, value

DELIVERY_NOTE = "可以通过互联网、电话、短信、电子邮件、信函等方式告知。"
ROUTES_ON_REFUSAL = f"你还可以按照{CONSUMER_LAW}第三十九条规定的其他途径解决消费者权益争议。"
ROUTES_ON_TERMINATION = (
    f"投诉人、被投诉人对市场监督管理部门作出的终止调解决定、调解结果不服的，可以按照{CONSUMER_LAW}"
    "第三十九条规定，通过民事诉讼、仲裁等其他途径解决消费者权益争议。"
)

# Form 4: the article that lets the office ask for identity papers, and those it refuses under.
_IDENTITY_BASIS = {Rule.ORDER_121: "第十条第三款", Rule.ORDER_20: "第九条第一款"}
_IDENTITY_REFUSAL = {Rule.ORDER_121: "第十条、第十六条", Rule.ORDER_20: "第九条、第十五条"}


def _notice(title: str, form_number: int, heading: Heading, write_body: Callable[[Flow], None],
            notes: tuple[str, ...], fonts: FontSet, closing: str = "") -> Layout:
    """Heading, addressee, the form's own body, the closing phrase, office and date, footnote."""
    flow = Flow(fonts)
    heading_block(flow, form_number, title, heading)
    addressee(flow, heading)
    write_body(flow)
    if closing:
        body(flow, closing)
    # The last paragraph (and the closing phrase) go over with the office, date and notes.
    tail = OFFICE_AND_DATE_LINES * BODY_TEXT.leading + footnote_height(flow, notes)
    flow.keep_with_following(flow.marks[-2 if closing else -1], tail)
    office_and_date(flow, heading.office.name, heading.issued_on)
    footnote(flow, notes)
    return Layout(title, flow.pages)


def forward_notice(content: ForwardNotice, fonts: FontSet) -> Layout:
    """3 投诉/举报分送通知书."""

    def write(flow: Flow) -> None:
        body(
            flow,
            f"现转去{filled(content.source)}于{cn_date(content.received_on)}关于{filled(content.subject)}的"
            f"{content.kind}。请你局按照{MEASURES}的规定依法予以处理，并将处理结果于"
            f"{cn_date(content.report_by)}前报告我局。",
        )
        if content.enclosures:
            body(flow, f"附：相关材料{content.enclosures}份，共{content.enclosure_pages}页。")

    notes = ("本通知书适用于省级或者地市级市场监督管理部门或者其设立的12315工作机构将收到的投诉/举报分送下级市场监督管理部门处理。",)
    return _notice(f"{content.kind}分送通知书", 3, content.heading, write, notes, fonts)


def identity_notice(content: IdentityNotice, fonts: FontSet) -> Layout:
    """4 限期提供身份证明材料通知书."""
    rule = Rule(content.heading.rule)
    office = content.heading.office

    def write(flow: Flow) -> None:
        body(
            flow,
            "根据《中华人民共和国消费者权益保护法实施条例》第四十六条第一款的规定，消费者和经营者发生消费争议"
            "向市场监督管理部门或者其他有关行政部门投诉的，应当提供真实身份信息等材料。",
            f"根据{MEASURES}{_IDENTITY_BASIS[rule]}的规定，请你在{cn_date(content.provide_by)}前向我局提供以下"
            "身份证明材料：",
        )
        materials = content.materials or ("居民身份证或者其他有效身份证件",)
        for number, material in enumerate(materials, start=1):
            body(flow, f"{number}. {material}" + ("。" if number == len(materials) else "；"))
        body(
            flow,
            f"逾期未提供或提供虚假材料的，我局将根据{MEASURES}{_IDENTITY_REFUSAL[rule]}的规定，对投诉依法不予受理。",
            f"联系电话：{filled(office.contact_phone)}；通信地址：{filled(office.address)}。",
        )

    notes = (
        "本通知书适用于投诉人未提供真实身份信息，市场监督管理部门通知投诉人限期提供身份证明材料。",
        "本通知书中“联系电话”“通信地址”指接收限期提供身份证明材料的市场监督管理部门地址及联系电话。",
    )
    return _notice("限期提供身份证明材料通知书", 4, content.heading, write, notes, fonts)


def acceptance_decision(content: AcceptanceDecision, fonts: FontSet) -> Layout:
    """5 投诉受理决定书."""

    def write(flow: Flow) -> None:
        body(
            flow,
            f"我局于{cn_date(content.received_on)}收到你关于{filled(content.subject)}的投诉。经审查，符合"
            f"{MEASURES}规定的受理条件，我局决定受理。",
            f"联系人：{filled(content.contact_person)}；联系电话：{filled(content.contact_phone)}。",
        )

    notes = (
        "本决定书适用于市场监督管理部门对投诉作出受理决定，并告知投诉人受理情况。",
        "“联系人”“联系电话”指市场监督管理部门负责处理投诉的工作人员及其联系电话。",
        "本决定书" + DELIVERY_NOTE,
    )
    return _notice("投诉受理决定书", 5, content.heading, write, notes, fonts, "特此告知。")


def grounds_list(flow: Flow, grounds: GroundList, applied: int) -> None:
    """Every ground of the article, the applied one ticked: ``■（二）…；``."""
    for ground in grounds.grounds:
        mark = TICKED if ground.number == applied else UNTICKED
        end = "。" if ground.number == len(grounds.grounds) else "；"
        body(flow, f"{mark}{ground.item}{ground.text}{end}")


def refusal_decision(content: RefusalDecision, fonts: FontSet) -> Layout:
    """6 投诉不予受理决定书."""
    applied = content.grounds.get(content.applied_ground, field="applied_ground", label="不予受理情形")

    def write(flow: Flow) -> None:
        body(
            flow,
            f"我局于{cn_date(content.received_on)}收到你关于{filled(content.subject)}的投诉。经审查，属以下第"
            f"〔{applied.item[1:-1]}〕项情形，依据{MEASURES}{content.grounds.article}的规定，我局决定不予受理。",
        )
        grounds_list(flow, content.grounds, applied.number)
        body(flow, ROUTES_ON_REFUSAL)

    notes = ("本决定书适用于市场监督管理部门对投诉作出不予受理决定，并告知投诉人不予受理情况。", "本决定书" + DELIVERY_NOTE)
    return _notice("投诉不予受理决定书", 6, content.heading, write, notes, fonts, "特此告知。")


def mediation_notice(content: MediationNotice, fonts: FontSet) -> Layout:
    """7 投诉调解通知书."""

    def write(flow: Flow) -> None:
        materials = ["身份证明材料", *content.materials]
        listed = "；".join(f"{number}. {item}" for number, item in enumerate(materials, start=1))
        body(
            flow,
            f"关于{filled(content.subject)}的投诉，我局已经受理，根据{MEASURES}的规定，现组织双方当事人进行现场调解。"
            f"请于{cn_time(content.starts_at)}到{filled(content.place)}参加调解。无正当理由不参加调解的，"
            "我局将依法终止调解。",
            f"请携带以下材料：{listed}。",
            "如果您认为调解人员是投诉人或者被投诉人的近亲属或者有其他利害关系，可能影响公正处理投诉的，"
            f"可以自收到本通知书之日起{content.recusal_days}日内对调解人员提出回避申请。",
            f"调解人员：{filled(content.mediators)}；联系电话：{filled(content.contact_phone)}。",
        )

    notes = (
        "本通知书适用于市场监督管理部门通知投诉人和被投诉人参加现场调解。",
        "“调解人员”“联系电话”指主持调解的工作人员及其联系电话。",
        "本通知书" + DELIVERY_NOTE,
    )
    return _notice("投诉调解通知书", 7, content.heading, write, notes, fonts, "特此通知。")


def termination_decision(content: TerminationDecision, fonts: FontSet) -> Layout:
    """8 投诉终止调解决定书."""
    applied = content.grounds.get(content.applied_ground, field="applied_ground", label="终止调解情形")

    def write(flow: Flow) -> None:
        body(
            flow,
            f"经审查，关于{filled(content.subject)}投诉的调解过程中出现以下第〔{applied.item[1:-1]}〕项情形，依据"
            f"{MEASURES}{content.grounds.article}第一款的规定，我局决定终止调解。",
        )
        grounds_list(flow, content.grounds, applied.number)
        body(flow, ROUTES_ON_TERMINATION)

    notes = (
        "本决定书适用于市场监督管理部门对投诉作出终止调解决定，并告知投诉人和被投诉人终止调解情况。",
        "本决定书" + DELIVERY_NOTE,
    )
    return _notice("投诉终止调解决定书", 8, content.heading, write, notes, fonts, "特此告知。")


def report_result_notice(content: ReportResultNotice, fonts: FontSet) -> Layout:
    """10 举报处理结果告知书: the result in a ruled box, as the 式样 has it."""

    def write(flow: Flow) -> None:
        body(
            flow,
            f"关于{filled(content.subject)}的举报，我局已依法处理。根据《{filled(content.law)}》"
            f"{filled(content.article)}规定，现将处理结果告知如下：",
        )
        box = Table((BLOCK_WIDTH,), (Group((Row((value(content.result, min_lines=3),), splittable=True),)),),
                    style=BODY_TEXT, padding_y=0.0)
        place_table(flow, box)

    notes = ("本告知书适用于市场监督管理部门依据法律、法规、规章的明确规定，将举报处理结果告知举报人。", "本告知书" + DELIVERY_NOTE)
    return _notice("举报处理结果告知书", 10, content.heading, write, notes, fonts, "特此告知。")

