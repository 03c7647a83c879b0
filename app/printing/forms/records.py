"""The records a station keeps on file: 调解记录 (when no 调解书 is made) and 回访记录.

Neither is one of the ten 式样, so they carry no form label; they are ruled tables in the style
of the registration forms, signed by those present.
"""

from reportlab.lib.units import mm

from app.printing.document_data import FollowUpRecord, MediationRecord
from app.printing.fonts import FontSet
from app.printing.forms.common import BLANK, cn_date, cn_time, heading_block, two_sided
from app.printing.layout import RIGHT, Flow, Layout, Para
from app.printing.page import FORM_TABLE_TEXT, FORM_TITLE_TEXT
from app.printing.tables import Cell, Group, Row, Table, label, place_table, value

# Label, value, label, value: 26 + 52 + 26 + 52 = 156 mm.
COLUMNS = (26 * mm, 52 * mm, 26 * mm, 52 * mm)
UNDATED = f"{BLANK}年\u3000\u3000月\u3000\u3000日"


def _signature(title: str) -> Cell:
    return Cell((Para(f"{title}："), Para(""), Para(UNDATED, align=RIGHT)), span=2)


def _one_table(flow: Flow, rows: tuple[Row, ...]) -> None:
    place_table(flow, Table(COLUMNS, tuple(Group((row,)) for row in rows), style=FORM_TABLE_TEXT))


def mediation_record(content: MediationRecord, fonts: FontSet) -> Layout:
    heading = content.heading
    flow = Flow(fonts)
    heading_block(flow, None, "调解记录", None, FORM_TITLE_TEXT)
    two_sided(flow, f"调解单位：{heading.office.station_name}", f"编号：{heading.number or heading.case_number}")
    _one_table(
        flow,
        (
            Row((label("案件编号"), value(heading.case_number, span=3))),
            Row((label("调解时间"), value(cn_time(content.starts_at)), label("调解方式"), value(content.mode))),
            Row((label("调解地点"), value(content.place, span=3))),
            Row((label("调解人员"), value(content.mediators, span=3))),
            Row((label("参加人员"), value(content.participants, span=3))),
            Row((label("调解情况"), value(content.record, span=3, min_lines=8)), splittable=True),
            Row((label("调解结果"), value(content.outcome, span=3, min_lines=3)), splittable=True),
            Row((_signature("参加人员（签名）"), _signature("调解人员（签名）"))),
        ),
    )
    return Layout("调解记录", flow.pages)


def follow_up_record(content: FollowUpRecord, fonts: FontSet) -> Layout:
    heading = content.heading
    flow = Flow(fonts)
    heading_block(flow, None, "回访记录", None, FORM_TITLE_TEXT)
    two_sided(flow, f"回访单位：{heading.office.station_name}", f"编号：{heading.number or heading.case_number}")
    _one_table(
        flow,
        (
            Row((label("案件编号"), value(heading.case_number, span=3))),
            Row((label("回访日期"), value(cn_date(content.on)), label("回访方式"), value(content.method))),
            Row((label("回访对象"), value(content.person_reached), label("满意程度"), value(content.satisfaction))),
            Row((label("回访情况"), value(content.remarks, span=3, min_lines=6)), splittable=True),
            Row((label("回访人"), value(content.staff), label("记录日期"), value(cn_date(heading.issued_on)))),
        ),
    )
    return Layout("回访记录", flow.pages)
