"""The registration forms (文书式样一、二): ruled tables of the parties, the facts, the signatures.

They have no number line: the registering unit at the left and the number at the right of one
line. The number is the document's own once issued, the case number before. Yes/no answers are
two boxes, the given one ticked (■是　□否).
"""

from datetime import date

from reportlab.lib.units import mm

from app.printing.document_data import ComplaintRegistration, PartyBlock, ReportRegistration
from app.printing.fonts import FontSet
from app.printing.forms.common import BLANK, cn_date, footnote, heading_block, tick_boxes, two_sided
from app.printing.layout import RIGHT, Flow, Layout, Para
from app.printing.page import FORM_TABLE_TEXT, FORM_TITLE_TEXT
from app.printing.tables import Cell, Group, Row, Table, label, place_table, value

# Group column, then two label/value pairs: 12 + 29 + 37 + 24 + 54 = 156 mm. The last is the
# widest: it holds an 18-character ID number on one line.
COLUMNS = (12 * mm, 29 * mm, 37 * mm, 24 * mm, 54 * mm)
UNDATED = f"{BLANK}年\u3000\u3000月\u3000\u3000日"


def _signature(title: str, name: str, dated: str, span: int) -> Cell:
    return Cell((Para(f"{title}：{name}"), Para(""), Para(dated, align=RIGHT)), span)


def _signatures(signer: str, registered_by: str, received_on: date) -> Group:
    """The last row: the complainant or reporter signs undated, the officer who registered it dated."""
    return Group(
        (
            Row(
                (
                    _signature(f"{signer}（签字）", "", UNDATED, 3),
                    _signature("经办人（签字）", registered_by, cn_date(received_on), 2),
                )
            ),
        )
    )


def _top_line(flow: Flow, station: str, number: str) -> None:
    two_sided(flow, f"登记单位：{station}", f"编号：{number}")


def complaint_registration(content: ComplaintRegistration, fonts: FontSet) -> Layout:
    """1 投诉登记表."""
    heading = content.heading
    complainant: PartyBlock = content.complainant
    respondent: PartyBlock = content.respondent
    flow = Flow(fonts)
    heading_block(flow, 1, "投诉登记表", None, FORM_TITLE_TEXT)
    _top_line(flow, heading.office.station_name, heading.number or heading.case_number)
    table = Table(
        COLUMNS,
        (
            Group(
                (
                    Row((label("姓名"), value(complainant.name), label("联系电话"), value(complainant.phone))),
                    Row((label("证件类型"), value(complainant.id_type), label("证件号码"), value(complainant.id_number))),
                    Row((label("联系地址"), value(complainant.address, span=3))),
                    Row((label("是否同意公示投诉信息", span=2), value(tick_boxes(content.consent_publish), span=2))),
                    Row((label("是否同意委托调解", span=2), value(tick_boxes(content.consent_entrusted_mediation), span=2))),
                ),
                "投诉人",
            ),
            Group(
                (
                    Row((label("名称（姓名）"), value(respondent.name, span=3))),
                    Row((label("联系人"), value(respondent.contact), label("联系电话"), value(respondent.phone))),
                    Row((label("地址"), value(respondent.address, span=3))),
                ),
                "被投诉人",
            ),
            Group((Row((label("消费者权益争议事实依据", span=2), value(content.facts, span=3, min_lines=5)), splittable=True),)),
            Group((Row((label("投诉请求", span=2), value(content.request, span=3, min_lines=3)), splittable=True),)),
            _signatures("投诉人", content.registered_by, content.received_on),
        ),
        group_column=True,
        style=FORM_TABLE_TEXT,
    )
    place_table(flow, table)
    footnote(
        flow,
        (
            "本表格适用于市场监督管理部门对消费者通过电话、信函、上门等方式提起投诉的登记。",
            "消费者通过非现场方式提起投诉的，无须在投诉人一栏签字。",
            "消费者权益争议事实依据应当包括：消费者购买、使用商品或者接受服务的时间、地点、内容、涉及金额、"
            "消费者权益争议情况等具体事实及相应证明材料。",
            "投诉请求应当包括：消费者主张修理、重作、更换、退货、补足商品数量、退还货款和服务费用、赔偿损失等具体请求。",
        ),
    )
    return Layout("投诉登记表", flow.pages)


def report_registration(content: ReportRegistration, fonts: FontSet) -> Layout:
    """2 举报登记表. An anonymous report leaves the reporter's fields empty."""
    heading = content.heading
    reporter = content.reporter or PartyBlock(name="（匿名举报）")
    reported = content.reported
    flow = Flow(fonts)
    heading_block(flow, 2, "举报登记表", None, FORM_TITLE_TEXT)
    _top_line(flow, heading.office.station_name, heading.number or heading.case_number)
    table = Table(
        COLUMNS,
        (
            Group(
                (
                    Row((label("姓名"), value(reporter.name), label("联系电话"), value(reporter.phone))),
                    Row((label("联系地址"), value(reporter.address, span=3))),
                    Row((label("身份证件号码"), value(reporter.id_number, span=3))),
                ),
                "举报人",
            ),
            Group(
                (
                    Row((label("名称（姓名）"), value(reported.name, span=3))),
                    Row((label("地址"), value(reported.address, span=3))),
                ),
                "被举报人",
            ),
            Group(
                (
                    Row(
                        (
                            label("涉嫌违反市场监督管理法律、法规、规章的具体线索和相应的事实依据", span=2),
                            value(content.clues, span=3, min_lines=8),
                        ),
                        splittable=True,
                    ),
                )
            ),
            _signatures("举报人", content.registered_by, content.received_on),
        ),
        group_column=True,
        style=FORM_TABLE_TEXT,
    )
    place_table(flow, table)
    footnote(
        flow,
        (
            "本表格适用于市场监督管理部门对举报人通过电话、信函、上门等方式提起举报的登记。",
            "举报人可以匿名举报，但应当提供具体涉嫌违法线索和相应的事实依据，并对举报内容的真实性负责。"
            "举报人实名举报的，还应当提供真实的身份信息。",
            "通过非现场方式提出举报的，无须在举报人一栏签字。",
        ),
    )
    return Layout("举报登记表", flow.pages)
