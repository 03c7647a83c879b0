"""What the forms share: dates as printed, the heading, the signature block, the ruled footnote.

The heading of a numbered notice (forms-2026): the form label (文书式样N) at the top right, the
title centred, the number line ``<prefix>〔<year>〕第N号`` at the right exactly as the services
formatted it, then the addressee followed by "：". The foot: the office and the date at the
right, where the seal goes (GB/T 9704 7.3.5: the date four characters in from the right, the
office centred over it), and the ruled "注：" with the form's notes at the foot of the last page.
"""

from datetime import date, datetime

from app.domain.clock import CHINA
from app.domain.grounds import CHINESE_NUMERALS
from app.printing.document_data import Heading
from app.printing.layout import (
    CENTER,
    LEFT,
    RIGHT,
    Flow,
    LaidLine,
    LineItem,
    Para,
    TextItem,
    cell_width,
    lay_out,
    measure,
)
from app.printing.page import (
    BLOCK_LEFT,
    BLOCK_RIGHT,
    BLOCK_WIDTH,
    BODY_TEXT,
    LABEL_TEXT,
    NOTE_TEXT,
    TITLE_TEXT,
    Style,
)

# A blank left for a hand to fill in: four full-width spaces.
BLANK = "\u3000" * 4
TICKED = "■"
UNTICKED = "□"
# The law every notice cites, and the consumer-protection article on the other routes (Art. 39).
MEASURES = "《市场监督管理投诉举报处理办法》"
CONSUMER_LAW = "《中华人民共和国消费者权益保护法》"


def cn_date(day: date) -> str:
    """``2026年11月8日``: Arabic numerals without leading zeros (GB/T 9704 7.3.5)."""
    return f"{day.year}年{day.month}月{day.day}日"


def cn_time(moment: datetime) -> str:
    """``2026年11月8日14时30分`` in Beijing time; ``14时`` on the hour."""
    local = moment.astimezone(CHINA)
    minutes = f"{local.minute}分" if local.minute else ""
    return f"{cn_date(local.date())}{local.hour}时{minutes}"


def form_label(number: int) -> str:
    """``文书式样六``."""
    return "文书式样" + CHINESE_NUMERALS[number - 1]


def filled(text: str) -> str:
    """The text of a blank, or the blank itself when there is nothing to put in."""
    return text.strip() or BLANK


def tick_boxes(answer: bool | None) -> str:
    """``■是　□否``; both boxes empty when the answer was not given."""
    yes = TICKED if answer is True else UNTICKED
    no = TICKED if answer is False else UNTICKED
    return f"{yes}是\u3000\u3000{no}否"


def number_line(heading: Heading) -> str:
    """The document number, or in a draft the prefix and year with the number left blank."""
    if heading.number:
        return heading.number
    return f"{heading.office.doc_prefix}〔{heading.issued_on.year}〕第\u3000\u3000号"


def single_line(flow: Flow, text: str, style: Style, align: str, inset: float = 0.0) -> None:
    """One line aligned left, centred or right (``inset`` points in from that side)."""
    flow.paragraph(Para(text, align=align), style, left=inset if align == LEFT else 0.0,
                   right=inset if align == RIGHT else 0.0)


def two_sided(flow: Flow, left: str, right: str, style: Style = LABEL_TEXT) -> None:
    """``left`` at the left edge and ``right`` at the right edge of one line, or of two if too long."""
    width_of = measure(flow.fonts, style)
    if width_of(left) + cell_width(style) + width_of(right) > BLOCK_WIDTH:
        single_line(flow, left, style, LEFT)
        single_line(flow, right, style, RIGHT)
        return
    flow.ensure(style.leading)
    baseline = style.baseline(flow.top)
    flow.add(TextItem(BLOCK_LEFT, baseline, left, style))
    flow.add(TextItem(BLOCK_RIGHT - width_of(right), baseline, right, style))
    flow.top -= style.leading


def heading_block(flow: Flow, form_number: int | None, title: str, heading: Heading | None,
                  title_style: Style = TITLE_TEXT) -> None:
    """Label, title, and the number line (when ``heading`` is given) of the first page."""
    if form_number is not None:
        single_line(flow, form_label(form_number), LABEL_TEXT, RIGHT)
    single_line(flow, title, title_style, CENTER)
    if heading is not None:
        single_line(flow, number_line(heading), BODY_TEXT, RIGHT)


def addressee(flow: Flow, heading: Heading) -> None:
    flow.paragraph(Para(f"{filled(heading.addressee)}：", align=LEFT))


def body(flow: Flow, *texts: str) -> None:
    """Body paragraphs: 3号, first line indented two characters, justified."""
    for text in texts:
        flow.paragraph(Para(text, indent=2))


def office_and_date(flow: Flow, office_name: str, day: date) -> None:
    """Two blank lines for the seal's upper part, the office, and the date four characters in."""
    style = BODY_TEXT
    flow.keep_together(OFFICE_AND_DATE_LINES * style.leading)
    flow.blank_lines(OFFICE_AND_DATE_LINES - 2)
    width_of = measure(flow.fonts, style)
    date_text = cn_date(day)
    date_x = BLOCK_WIDTH - 4 * cell_width(style) - width_of(date_text)
    centre = date_x + width_of(date_text) / 2
    office_x = min(max(centre - width_of(office_name) / 2, 0.0), BLOCK_WIDTH - width_of(office_name))
    flow.place_line(LaidLine(office_name, max(office_x, 0.0)), style)
    flow.place_line(LaidLine(date_text, date_x), style)


# Office and date: two blank lines for the upper half of the seal, then one line each.
OFFICE_AND_DATE_LINES = 4
_NOTE_LEAD = "注："


def _note_lines(flow: Flow, notes: tuple[str, ...]) -> tuple[float, list[list[LaidLine]]]:
    style = NOTE_TEXT
    hang = measure(flow.fonts, style)(_NOTE_LEAD)
    texts = [f"{number}. {note}" for number, note in enumerate(notes, start=1)] if len(notes) > 1 else list(notes)
    return hang, [lay_out([Para(text)], BLOCK_WIDTH - hang, style, flow.fonts) for text in texts]


def footnote_height(flow: Flow, notes: tuple[str, ...]) -> float:
    _hang, lines = _note_lines(flow, notes)
    return NOTE_TEXT.leading / 2 + sum(len(each) for each in lines) * NOTE_TEXT.leading


def footnote(flow: Flow, notes: tuple[str, ...]) -> None:
    """The ruled "注：" at the foot of the last page; numbered when there is more than one note."""
    style = NOTE_TEXT
    hang, lines = _note_lines(flow, notes)
    gap = style.leading / 2
    top = flow.at_bottom(footnote_height(flow, notes))
    flow.add(LineItem(BLOCK_LEFT, top, BLOCK_RIGHT, top, width=0.5))
    flow.top = top - gap
    flow.add(TextItem(BLOCK_LEFT, style.baseline(flow.top), _NOTE_LEAD, style))
    for note in lines:
        for line in note:
            flow.place_line(line, style, left=hang)
