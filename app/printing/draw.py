"""Putting a laid-out page on a reportlab canvas: text in runs by face, rules, page furniture.

Each run of a line starts with its own text origin (computed from the widths the layout used),
so the position of every run is exact in the PDF and can be checked by reading it back.
"""

from reportlab.pdfgen.canvas import Canvas

from app.printing.fonts import TITLE, FontSet
from app.printing.layout import Item, LineItem, RectItem, TextItem
from app.printing.page import (
    BLOCK_BOTTOM,
    BLOCK_LEFT,
    BLOCK_RIGHT,
    BLOCK_TOP,
    CHAR_PITCH,
    PAGE_HEIGHT,
    PAGE_NUMBER_GAP,
    PAGE_NUMBER_TEXT,
    PAGE_WIDTH,
    RUNNING_HEADER_GAP,
    RUNNING_HEADER_TEXT,
    Style,
)

# The 样稿 mark of a draft: large, light and diagonal, so no preview passes for an issued paper.
DRAFT_MARK = "样稿"
DRAFT_STYLE = Style(TITLE, 150, 150)
DRAFT_GREY = 0.88
DRAFT_ANGLE = 35


def draw_item(canvas: Canvas, fonts: FontSet, item: Item) -> None:
    if isinstance(item, TextItem):
        draw_text(canvas, fonts, item)
    elif isinstance(item, LineItem):
        canvas.setLineWidth(item.width)
        canvas.line(item.x1, item.y1, item.x2, item.y2)
    elif isinstance(item, RectItem):
        canvas.setLineWidth(item.line_width)
        canvas.rect(item.x, item.y, item.width, item.height, stroke=1, fill=0)


def draw_text(canvas: Canvas, fonts: FontSet, item: TextItem) -> None:
    """One line of text, each run in the face that has its characters."""
    style = item.style
    spacing = style.tracking + item.spacing
    text = canvas.beginText()
    x = item.x
    for face, run in fonts.runs(item.text, style.family):
        text.setTextOrigin(x, item.baseline)
        text.setFont(face.name, style.size)
        # Tc stays set for the rest of the page, so it is set for every run, zero included.
        text.setCharSpace(spacing)
        text.textOut(run)
        x += fonts.width(run, style.family, style.size) + len(run) * spacing
    canvas.drawText(text)


def draw_page_number(canvas: Canvas, fonts: FontSet, number: int) -> None:
    """``— 7 —`` under the block: right on odd pages, left on even ones (GB/T 9704 7.5)."""
    style = PAGE_NUMBER_TEXT
    label = f"— {number} —"
    width = fonts.width(label, style.family, style.size)
    x = BLOCK_RIGHT - CHAR_PITCH - width if number % 2 else BLOCK_LEFT + CHAR_PITCH
    # The dashes sit at about a third of the em above the baseline; they are 7 mm under the block.
    baseline = BLOCK_BOTTOM - PAGE_NUMBER_GAP - 0.3 * style.size
    draw_text(canvas, fonts, TextItem(x, baseline, label, style))


def draw_running_header(canvas: Canvas, fonts: FontSet, header: str, page_count: int) -> None:
    """The case number and the page count above the block, so pages cannot be swapped or lost."""
    style = RUNNING_HEADER_TEXT
    label = f"{header}　共{page_count}页"
    width = fonts.width(label, style.family, style.size)
    draw_text(canvas, fonts, TextItem(BLOCK_RIGHT - width, BLOCK_TOP + RUNNING_HEADER_GAP, label, style))


def draw_draft_mark(canvas: Canvas, fonts: FontSet) -> None:
    style = DRAFT_STYLE
    width = fonts.width(DRAFT_MARK, style.family, style.size)
    canvas.saveState()
    canvas.setFillGray(DRAFT_GREY)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(DRAFT_ANGLE)
    draw_text(canvas, fonts, TextItem(-width / 2, style.centred_baseline(0), DRAFT_MARK, style))
    canvas.restoreState()

