"""Reading a rendered document back: its text, where each piece of text sits, its fonts."""

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader


@dataclass(frozen=True)
class Placed:
    """A piece of text as the PDF draws it: its page (1-based), origin and font size."""

    page: int
    text: str
    x: float
    y: float
    size: float


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in reader(pdf).pages]


def compact(text: str) -> str:
    """Text without line breaks and spaces, so a phrase is found wherever a line broke it."""
    return re.sub(r"\s+", "", text)


def all_text(pdf: bytes) -> str:
    return compact("".join(page_texts(pdf)))


def placed_text(pdf: bytes) -> list[Placed]:
    """Every text show with its origin on the page (text matrix times the current transform)."""
    found: list[Placed] = []
    for number, page in enumerate(reader(pdf).pages, start=1):

        def visit(text, cm, tm, _font, size, number=number):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append(Placed(number, text, x, y, size * (tm[0] ** 2 + tm[1] ** 2) ** 0.5))

        page.extract_text(visitor_text=visit)
    return found


def page_fonts(pdf: bytes) -> list[dict]:
    """Each font resource of each page, resolved."""
    fonts = []
    for page in reader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.append(font.get_object())
    return fonts
