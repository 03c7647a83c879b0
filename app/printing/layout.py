"""Laying text out on GB/T 9704 pages: paragraphs into lines, lines into pages.

The forms describe a document as a sequence of paragraphs, single lines and tables; ``Flow``
places them from the top of the text block down and starts a new page when one is full. The
result is plain data (``TextItem``, ``LineItem``, ``RectItem`` per page) that ``draw`` puts on a
reportlab canvas, so a layout can be inspected, and its page count is known before anything is
drawn (page numbers need it).
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

from app.printing.fonts import FontSet
from app.printing.linebreak import break_lines
from app.printing.page import BLOCK_BOTTOM, BLOCK_LEFT, BLOCK_TOP, BLOCK_WIDTH, BODY_TEXT, Style

JUSTIFY = "justify"
LEFT = "left"
CENTER = "center"
RIGHT = "right"

# A line is justified only when it is short by at most this many character cells: the usual gap
# left by a character pulled down with its punctuation. A line broken before a long number or
# word would be stretched into gaps, so it stays ragged instead.
JUSTIFY_AT_MOST = 2.5

# Heights are compared with this tolerance: a line that fits by the arithmetic must not be
# pushed to the next page by a rounding error.
_EPSILON = 0.01


@dataclass(frozen=True)
class Para:
    """A paragraph: its text (no newlines), first-line indent in character cells, alignment."""

    text: str
    indent: float = 0
    align: str = JUSTIFY


@dataclass(frozen=True)
class LaidLine:
    """One line of a paragraph: its text, where it starts in its area, and its justification."""

    text: str
    x: float
    spacing: float = 0.0  # extra space after each character, to fill a justified line


@dataclass(frozen=True)
class TextItem:
    x: float
    baseline: float
    text: str
    style: Style
    spacing: float = 0.0


@dataclass(frozen=True)
class LineItem:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.75


@dataclass(frozen=True)
class RectItem:
    x: float
    y: float
    width: float
    height: float
    line_width: float = 0.75


Item = TextItem | LineItem | RectItem


@dataclass(frozen=True)
class Layout:
    """A document laid out: its pages of items, ready to draw."""

    title: str  # the form's title, also the PDF's title
    pages: list[list[Item]]
    running_header: str = ""  # printed above the block on every page when there is more than one


def cell_width(style: Style) -> float:
    """The advance of one full-width character: the unit of indents."""
    return style.size + style.tracking


def measure(fonts: FontSet, style: Style) -> Callable[[str], float]:
    """The printed width of a text in ``style``, letter spacing included (every cell's advance)."""
    return lambda text: fonts.width(text, style.family, style.size) + len(text) * style.tracking


def lay_out(paras: tuple[Para, ...] | list[Para], width: float, style: Style, fonts: FontSet) -> list[LaidLine]:
    """Paragraphs broken into lines of at most ``width`` points, aligned within that width.

    A line break typed into a text (a multi-line request) starts a new paragraph of the same kind.
    """
    width_of = measure(fonts, style)
    laid: list[LaidLine] = []
    typed = [replace(para, text=part) for para in paras for part in para.text.replace("\r", "").split("\n")]
    for para in typed:
        indent = para.indent * cell_width(style)
        lines = break_lines(para.text, width, width_of, first_width=width - indent)
        for number, text in enumerate(lines):
            start = indent if number == 0 else 0.0
            room = width - start - width_of(text)
            last = number == len(lines) - 1
            if para.align == CENTER:
                laid.append(LaidLine(text, start + room / 2))
            elif para.align == RIGHT:
                laid.append(LaidLine(text, start + room))
            elif para.align == JUSTIFY and not last and len(text) > 1 and room <= JUSTIFY_AT_MOST * cell_width(style):
                laid.append(LaidLine(text, start, room / (len(text) - 1)))
            else:
                laid.append(LaidLine(text, start))
    return laid


def shifted(item: Item, rise: float) -> Item:
    """``item`` moved up by ``rise`` points (down when negative)."""
    if isinstance(item, TextItem):
        return replace(item, baseline=item.baseline + rise)
    if isinstance(item, LineItem):
        return replace(item, y1=item.y1 + rise, y2=item.y2 + rise)
    return replace(item, y=item.y + rise)


@dataclass(frozen=True)
class Mark:
    """Where a paragraph began: its page, how many items that page had, the cursor."""

    page: int
    items: int
    top: float


class Flow:
    """Places content from the top of the text block down, page after page."""

    def __init__(self, fonts: FontSet):
        self.fonts = fonts
        self.pages: list[list[Item]] = [[]]
        self.top = BLOCK_TOP
        self.marks: list[Mark] = []  # the start of every paragraph placed, for keep_with_following

    @property
    def remaining(self) -> float:
        return self.top - BLOCK_BOTTOM

    def new_page(self) -> None:
        self.pages.append([])
        self.top = BLOCK_TOP

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` more points fit on this one."""
        if height > self.remaining + _EPSILON and self.top < BLOCK_TOP:
            self.new_page()

    def add(self, item: Item) -> None:
        self.pages[-1].append(item)

    def skip(self, height: float) -> None:
        """Vertical space; at the end of a page it is dropped rather than carried over."""
        self.top = max(self.top - height, BLOCK_BOTTOM)

    def blank_lines(self, count: float = 1, style: Style = BODY_TEXT) -> None:
        self.skip(count * style.leading)

    def place_line(self, line: LaidLine, style: Style, left: float = 0.0) -> None:
        """One laid-out line at the cursor, on a new page if this one is full."""
        self.ensure(style.leading)
        self.add(TextItem(BLOCK_LEFT + left + line.x, style.baseline(self.top), line.text, style, line.spacing))
        self.top -= style.leading

    def paragraph(self, para: Para, style: Style = BODY_TEXT, *, left: float = 0.0, right: float = 0.0) -> None:
        lines = lay_out([para], BLOCK_WIDTH - left - right, style, self.fonts)
        page_break = self._page_break(len(lines), style)
        if page_break == 0:
            self.new_page()
        self.marks.append(Mark(len(self.pages) - 1, len(self.pages[-1]), self.top))
        for number, line in enumerate(lines):
            if number == page_break and number > 0:
                self.new_page()
            self.place_line(line, style, left)

    def _page_break(self, count: int, style: Style) -> int | None:
        """Before which line of a paragraph of ``count`` lines to turn the page, if at all.

        A paragraph never leaves its first line alone at the foot of a page nor its last line
        alone at the top of the next (no orphans, no widows): "形。" on a page of its own
        looks like a mistake.
        """
        room = int((self.remaining + _EPSILON) // style.leading)
        if count <= room or self.top >= BLOCK_TOP:
            return None
        if count - room == 1:
            room -= 1  # a widow: one more line goes over with it
        return room if room >= 2 or count == 1 else 0

    def keep_with_following(self, mark: Mark, height: float) -> None:
        """Move what was placed since ``mark`` to a new page unless ``height`` more fits after it.

        So the office, the date and the notes never stand on a page without a line of the text
        they sign (GB/T 9704 7.3.5 wants the seal within a line of the text). Content that
        already runs over a page break stays; only the following block moves then.
        """
        if height <= self.remaining + _EPSILON:
            return
        if mark.page != len(self.pages) - 1 or mark.top >= BLOCK_TOP:
            self.new_page()
            return
        moved = self.pages[-1][mark.items :]
        del self.pages[-1][mark.items :]
        used = mark.top - self.top
        self.new_page()
        rise = BLOCK_TOP - mark.top
        self.pages[-1].extend(shifted(item, rise) for item in moved)
        self.top = BLOCK_TOP - used

    def keep_together(self, height: float) -> None:
        """Make sure a block of ``height`` points starts on a page where it fits whole."""
        self.ensure(height)

    def at_bottom(self, height: float) -> float:
        """The top of a block of ``height`` points set at the foot of the text block.

        It goes on this page if it fits under what is already there, else on a new page.
        """
        self.ensure(height)
        self.top = BLOCK_BOTTOM + height
        return self.top
