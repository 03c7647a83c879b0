"""9 投诉调解书: the parties, the complaint, the terms as numbered clauses, the signatures.

The parties and the two boxes (complaint, agreement) are one ruled table; a long agreement
continues on the next page. Every page of a 调解书 of more than one page carries the case number
and the page count above the block and its page number below it, so no page can be swapped in
from another agreement or lost unnoticed. The agreed amount is printed in figures and in capitals.
"""

from reportlab.lib.units import mm

from app.printing.amounts import capitals, figures
from app.printing.document_data import MediationAgreement
from app.printing.fonts import FontSet
from app.printing.forms.common import (
    CONSUMER_LAW,
    MEASURES,
    body,
    cn_date,
    filled,
    footnote,
    footnote_height,
    heading_block,
)
from app.printing.layout import Flow, Layout, Para, TextItem, measure
from app.printing.page import BLOCK_LEFT, BLOCK_WIDTH, BODY_TEXT
from app.printing.tables import Cell, Group, Row, Table, label, place_table, value

# Label, value, label, value: 30 + 48 + 30 + 48 = 156 mm; a label column holds 委托代理人.
COLUMNS = (30 * mm, 48 * mm, 30 * mm, 48 * mm)
AGREEMENT_INTRO = f"根据{MEASURES}有关规定，本局组织双方当事人进行调解，双方自愿达成如下协议："
NOTES = (
    "本调解书适用于市场监督管理部门组织投诉人和被投诉人现场调解并达成调解协议。调解协议已经即时履行或者双方"
    "同意不制作调解书的，可以不制作调解书，市场监督管理部门应当做好调解记录备查。",
    "本调解书由投诉人和被投诉人双方签字或者盖章，并加盖市场监督管理部门印章，交投诉人和被投诉人各执一份，"
    "市场监督管理部门留存一份归档。",
    "投诉人和被投诉人委托他人参加调解的，被委托人应当出具授权委托书和身份证明。",
)
# Blank, the parties' line, two blank lines to sign in, the mediators' line, names and date.
SIGNATURE_LINES = 6
EFFECT = (
    f"本调解书经双方当事人签字后生效。调解书生效后，一方当事人未履行的，另一方当事人可以依据{CONSUMER_LAW}"
    "第三十九条规定，通过民事诉讼、仲裁等其他途径解决消费者权益争议。"
)


def terms_paras(content: MediationAgreement) -> tuple[Para, ...]:
    """The intro sentence, ``1. …`` per term, and the amount in figures and capitals."""
    paras = [Para(AGREEMENT_INTRO)]
    paras += [Para(f"{number}. {term}", indent=2) for number, term in enumerate(content.terms, start=1)]
    if content.amount is not None:
        paras.append(
            Para(f"协议金额：人民币{figures(content.amount)}元（大写：{capitals(content.amount)}）。", indent=2)
        )
    return tuple(paras)


def mediation_agreement(content: MediationAgreement, fonts: FontSet) -> Layout:
    heading = content.heading
    complainant = content.complainant
    respondent = content.respondent
    flow = Flow(fonts)
    heading_block(flow, 9, "投诉调解书", heading)
    table = Table(
        COLUMNS,
        (
            Group(
                (
                    Row((label("投诉人"), value(complainant.name), label("联系电话"), value(complainant.phone))),
                    Row((label("联系地址"), value(complainant.address, span=3))),
                    Row((label("委托代理人"), value(complainant.agent_name), label("联系电话"), value(complainant.agent_phone))),
                    Row(
                        (
                            label("被投诉人"),
                            value(respondent.name),
                            label("法定代表人"),
                            value(respondent.legal_representative),
                        )
                    ),
                    Row((label("经营场所"), value(respondent.address, span=3))),
                    Row((label("委托代理人"), value(respondent.agent_name), label("联系电话"), value(respondent.agent_phone))),
                )
            ),
            Group(
                (
                    Row(
                        (Cell((Para("投诉内容及投诉请求："), *value(content.complaint).paras), span=4, min_lines=3),),
                        splittable=True,
                    ),
                )
            ),
            Group((Row((Cell(terms_paras(content), span=4, min_lines=4),), splittable=True),)),
        ),
    )
    place_table(flow, table)
    flow.blank_lines(0.5)
    body(flow, EFFECT)
    flow.keep_with_following(flow.marks[-1], SIGNATURE_LINES * BODY_TEXT.leading + footnote_height(flow, NOTES))
    _signatures(flow, content)
    footnote(flow, NOTES)
    return Layout("投诉调解书", flow.pages, running_header=f"案件编号：{heading.case_number}")


def _signatures(flow: Flow, content: MediationAgreement) -> None:
    """The parties side by side, room to sign, then the mediators beside the office and the date.

    The mediators' names are printed under their signature line, so a signature can be matched
    to a name; the office is centred over the date at the right, where the seal goes.
    """
    style = BODY_TEXT
    half = BLOCK_WIDTH / 2
    width_of = measure(flow.fonts, style)
    office = content.heading.office.name
    day = cn_date(content.heading.issued_on)
    centre = half + half / 2
    flow.keep_together(SIGNATURE_LINES * style.leading)
    flow.blank_lines(1)
    _row(flow, (0.0, "投诉人（签名）："), (half, "被投诉人（签名）："))
    flow.blank_lines(2)
    office_x = min(max(centre - width_of(office) / 2, half), BLOCK_WIDTH - width_of(office))
    _row(flow, (0.0, "调解人员（签名）："), (office_x, office))
    _row(flow, (0.0, f"（{filled(content.mediators)}）"), (centre - width_of(day) / 2, day))


def _row(flow: Flow, *texts: tuple[float, str]) -> None:
    """Texts on one line, each at its offset from the left of the block."""
    style = BODY_TEXT
    flow.ensure(style.leading)
    for x, text in texts:
        flow.add(TextItem(BLOCK_LEFT + x, style.baseline(flow.top), text, style))
    flow.top -= style.leading
