"""A document's data to PDF bytes: the one entry point of the printing package.

The same data gives the same bytes in any process and on any day: reportlab's invariant mode
fixes the document ID, and the creation date written is the document's own issuing date (not
the clock), so a reprint of an archived document is byte-identical to the original. A draft
(no number yet) carries a large light 样稿 mark on every page and no QR code; an issued
document carries its QR code on the first page.
"""

import io
import logging
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from app.printing.document_data import DocumentContent
from app.printing.draw import draw_draft_mark, draw_item, draw_page_number, draw_running_header
from app.printing.fonts import MissingGlyphError, load_fonts, missing_characters
from app.printing.forms import TEMPLATE_VERSION, build
from app.printing.page import QR_X, QR_Y
from app.printing.qr import draw_qr, qr_payload

log = logging.getLogger(__name__)

__all__ = ["TEMPLATE_VERSION", "render"]

CREATOR = f"Mediation Desk (消费维权调解台), templates {TEMPLATE_VERSION}"


def render(content: DocumentContent, *, body_font: Path | None = None) -> bytes:
    """The PDF of ``content``; ``body_font`` is the station's chosen TTF/TTC for the body, if any.

    Raises ``MissingGlyphError`` naming every character no face can print (nothing is drawn),
    and ``FontError`` when no face can be loaded.
    """
    fonts = load_fonts(body_font)
    missing = missing_characters(content, body_font=body_font)
    if missing:
        raise MissingGlyphError(missing)
    layout = build(content, fonts)
    heading = content.heading
    issued = heading.number is not None

    buffer = io.BytesIO()
    # The initial font is one of ours: reportlab would otherwise list Helvetica, not embedded.
    canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1, initialFontName=fonts.body[0].name)
    stamp = f"D:{heading.issued_on:%Y%m%d}000000+08'00'"
    canvas.setDateFormatter(lambda *_: stamp)
    canvas.setTitle(f"{layout.title} {heading.number}" if issued else f"{layout.title}（样稿）")
    canvas.setAuthor(heading.office.name)
    canvas.setSubject(heading.case_number)
    canvas.setCreator(CREATOR)

    page_count = len(layout.pages)
    for index, items in enumerate(layout.pages):
        if not issued:
            draw_draft_mark(canvas, fonts)
        for item in items:
            draw_item(canvas, fonts, item)
        if page_count > 1:
            draw_page_number(canvas, fonts, index + 1)
            if layout.running_header:
                draw_running_header(canvas, fonts, layout.running_header, page_count)
        if issued and index == 0:
            draw_qr(canvas, qr_payload(content), QR_X, QR_Y)
        canvas.showPage()
    canvas.save()
    log.info("Rendered %s for case %s: %d page(s)", layout.title, heading.case_number, page_count)
    return buffer.getvalue()
