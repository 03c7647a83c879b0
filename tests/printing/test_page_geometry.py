"""The GB/T 9704 page, read back from the PDFs: A4, text inside the block, the grid, embedded fonts.

Outside the text block by design: the page number (under the block), the running header of a
multi-page 调解书 (above it) and the QR code (under it, no text). The 样稿 mark of a draft is
drawn across the page; drafts are checked for it separately.
"""

import re

import pytest
from reportlab.lib.pagesizes import A4

from app.printing.fonts import load_fonts
from app.printing.forms import build
from app.printing.layout import TextItem, measure
from app.printing.page import (
    BLOCK_BOTTOM,
    BLOCK_HEIGHT,
    BLOCK_LEFT,
    BLOCK_RIGHT,
    BLOCK_TOP,
    BLOCK_WIDTH,
    BODY_TEXT,
    CHARS_PER_LINE,
    LINE_PITCH,
    LINES_PER_PAGE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RUNNING_HEADER_GAP,
)
from app.printing.render import render
from app.printing.samples import long_agreement, order_20_documents, sample_documents
from tests.printing.pdf_reading import compact, page_fonts, placed_text, reader

MM = 72 / 25.4
DOCUMENTS = {
    **sample_documents(),
    "agreement-40-terms": long_agreement(40),
    **{f"{name}-order20": content for name, content in order_20_documents().items()},
}
NOTICES = ["forward", "identity", "acceptance", "refusal", "mediation-notice", "termination", "report-result"]
PAGE_NUMBER = re.compile(r"— \d+ —")
HEADER_BASELINE = BLOCK_TOP + RUNNING_HEADER_GAP


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    return {name: render(content) for name, content in DOCUMENTS.items()}


def test_the_page_is_the_standard_one():
    assert (PAGE_WIDTH / MM, PAGE_HEIGHT / MM) == pytest.approx((210, 297), abs=0.1)
    assert (PAGE_HEIGHT - BLOCK_TOP) / MM == pytest.approx(37)
    assert BLOCK_LEFT / MM == pytest.approx(28)
    assert (BLOCK_WIDTH / MM, BLOCK_HEIGHT / MM) == pytest.approx((156, 225))
    assert LINES_PER_PAGE * LINE_PITCH == pytest.approx(BLOCK_HEIGHT)
    assert CHARS_PER_LINE * (BODY_TEXT.size + BODY_TEXT.tracking) == pytest.approx(BLOCK_WIDTH)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_page_is_a4(pdfs, name):
    for page in reader(pdfs[name]).pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_all_text_starts_inside_the_text_block(pdfs, name):
    for placed in placed_text(pdfs[name]):
        if PAGE_NUMBER.fullmatch(placed.text):
            assert 0 < placed.y < BLOCK_BOTTOM - 7 * MM, placed
        elif placed.y == pytest.approx(HEADER_BASELINE):
            assert name.startswith("agreement"), "only a 调解书 has a running header"
        else:
            assert BLOCK_LEFT - 0.01 <= placed.x <= BLOCK_RIGHT, placed
            # The glyphs' em box (0.88 em above the baseline, 0.12 em below) stays inside.
            assert placed.y + 0.88 * placed.size <= BLOCK_TOP + 0.01, placed
            assert placed.y - 0.12 * placed.size >= BLOCK_BOTTOM - 0.01, placed


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_no_line_runs_past_the_right_edge_of_the_block(name):
    fonts = load_fonts()
    for page in build(DOCUMENTS[name], fonts).pages:
        for item in page:
            if isinstance(item, TextItem):
                # The last character's cell ends the line; justification spreads the gaps between.
                end = item.x + measure(fonts, item.style)(item.text) + item.spacing * (len(item.text) - 1)
                assert end <= BLOCK_RIGHT + 0.01, item


@pytest.mark.parametrize("name", NOTICES)
def test_the_body_of_a_notice_sits_on_the_22_line_grid(pdfs, name):
    first_baseline = BODY_TEXT.baseline(BLOCK_TOP)
    body = [placed for placed in placed_text(pdfs[name]) if placed.size == BODY_TEXT.size]
    assert body
    for placed in body:
        line = (first_baseline - placed.y) / LINE_PITCH
        assert line == pytest.approx(round(line), abs=1e-3), placed
        assert 0 <= round(line) < LINES_PER_PAGE


def test_a_full_line_holds_28_characters(pdfs):
    full_width = [
        placed.text
        for placed in placed_text(pdfs["refusal"])
        if placed.size == BODY_TEXT.size and all(ord(char) > 0x2E80 for char in placed.text)
    ]
    assert max(len(text) for text in full_width) == CHARS_PER_LINE


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_font_is_embedded_as_a_subset(pdfs, name):
    fonts = page_fonts(pdfs[name])
    names = {str(font["/BaseFont"]) for font in fonts}
    for font in fonts:
        assert re.fullmatch(r"/[A-Z]{6}\+[A-Za-z0-9-]+", str(font["/BaseFont"])), font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert any(name.endswith("+FandolFangTT-Regular") for name in names)
    assert any(name.endswith("+MediationSerifSCTitle-Bold") for name in names)


def test_the_page_number_alternates_sides_and_the_header_is_on_every_page(pdfs):
    placed = placed_text(pdfs["agreement-40-terms"])
    numbers = [each for each in placed if PAGE_NUMBER.fullmatch(each.text)]
    page_count = len(reader(pdfs["agreement-40-terms"]).pages)
    assert [each.page for each in numbers] == list(range(1, page_count + 1))
    for page in range(1, page_count + 1):
        header = "".join(each.text for each in placed if each.page == page and each.y == pytest.approx(HEADER_BASELINE))
        assert compact(header) == f"案件编号：西湖站投〔2026〕0312号共{page_count}页"
    for each in numbers:
        if each.page % 2:
            assert each.x > BLOCK_LEFT + BLOCK_WIDTH / 2, "odd pages: at the right"
        else:
            assert each.x < BLOCK_LEFT + BLOCK_WIDTH / 2, "even pages: at the left"
