"""The GB/T 9704-2012 page: A4, its text block, the 22 x 28 character grid, and the text styles.

All lengths are in PDF points (1/72 inch) with the origin at the bottom-left of the page, as
reportlab draws. The standard fixes the text block (版心) at 156 x 225 mm, 37 mm from the top
edge and 28 mm from the binding (left) edge; the body is 3号 (16 pt) FangSong on 22 lines of 28
characters, so each character takes one grid cell of 156 / 28 mm and each line 225 / 22 mm.
"""

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from app.printing.fonts import BODY, TITLE

PAGE_WIDTH, PAGE_HEIGHT = A4

TOP_MARGIN = 37 * mm  # 天头
BINDING_MARGIN = 28 * mm  # 订口
BLOCK_WIDTH = 156 * mm
BLOCK_HEIGHT = 225 * mm
BLOCK_LEFT = BINDING_MARGIN
BLOCK_RIGHT = BLOCK_LEFT + BLOCK_WIDTH
BLOCK_TOP = PAGE_HEIGHT - TOP_MARGIN
BLOCK_BOTTOM = BLOCK_TOP - BLOCK_HEIGHT

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH = BLOCK_HEIGHT / LINES_PER_PAGE  # 10.23 mm
CHAR_PITCH = BLOCK_WIDTH / CHARS_PER_LINE  # 5.57 mm, a little under 16 pt

# Sizes by their Chinese names (号): 2号 22 pt, 3号 16 pt, 4号 14 pt, 小4号 12 pt, 5号 10.5 pt.
SIZE_2 = 22
SIZE_3 = 16
SIZE_4 = 14
SIZE_SMALL_4 = 12
SIZE_5 = 10.5

# Where a full-width glyph's em box sits: from 0.88 em above to 0.12 em below the baseline, the
# proportions of the CJK faces used here. A line's glyphs are centred in its line box with it.
_EM_CENTRE_ABOVE_BASELINE = 0.38

# The page number (页码): 4号 Song-style digits between two dashes, the dashes 7 mm under the
# block; on odd pages at the right, on even pages at the left, one character in from the edge.
PAGE_NUMBER_GAP = 7 * mm
# The running header of a multi-page 调解书 (case number, page count): above the block.
RUNNING_HEADER_GAP = 6 * mm

# The QR code (issued documents) and the 样稿 mark area (drafts): under the block at the left,
# outside the text block so it never collides with the text, inside the page's printable area.
QR_SIZE = 18 * mm
QR_X = BLOCK_LEFT
QR_Y = BLOCK_BOTTOM - 5 * mm - QR_SIZE


@dataclass(frozen=True)
class Style:
    """How a kind of text prints: family, size, letter spacing and the height of its line box."""

    family: str
    size: float
    leading: float
    tracking: float = 0.0  # added after every character (PDF Tc), in points

    def baseline(self, top: float) -> float:
        """The baseline of a line whose line box starts at ``top``."""
        return self.centred_baseline(top - self.leading / 2)

    def centred_baseline(self, centre: float) -> float:
        """The baseline that puts the glyphs' em box centre at height ``centre``."""
        return centre - _EM_CENTRE_ABOVE_BASELINE * self.size


# The body sits on the grid: 16 pt glyphs advanced by the character pitch, one line per pitch.
BODY_TEXT = Style(BODY, SIZE_3, LINE_PITCH, tracking=CHAR_PITCH - SIZE_3)
# The title takes two grid lines: a blank half line above and below keeps the body on the grid.
TITLE_TEXT = Style(TITLE, SIZE_2, LINE_PITCH * 2)
# The table forms are not on the grid; their title is tighter, so that a form fills one page.
FORM_TITLE_TEXT = Style(TITLE, SIZE_2, LINE_PITCH * 1.5)
# Labels such as 文书式样六, running headers.
LABEL_TEXT = Style(BODY, SIZE_4, LINE_PITCH)
# The 调解书's table of parties and its boxes: 4号.
TABLE_TEXT = Style(BODY, SIZE_4, SIZE_4 * 1.6)
# The registration forms and the records: 小4号, so that a form fills one page, as its 式样 does.
FORM_TABLE_TEXT = Style(BODY, SIZE_SMALL_4, SIZE_SMALL_4 * 1.5)
# The ruled footnote (注): 5号, under the text like the notes of the 式样.
NOTE_TEXT = Style(BODY, SIZE_5, SIZE_5 * 1.5)
PAGE_NUMBER_TEXT = Style(TITLE, SIZE_4, SIZE_4)
RUNNING_HEADER_TEXT = Style(BODY, SIZE_SMALL_4, SIZE_SMALL_4)
