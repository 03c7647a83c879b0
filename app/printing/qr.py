"""The QR code of an issued document, and the digest of its content that the code carries.

The code holds ``<form>|<number>|<content sha256>``: the form's short name (``refusal``), the
document's number (the case number for forms without one), and a SHA-256 over the document's
data and the template version. Whoever holds a paper copy can scan it and compare the digest
with the one archived when the document was issued (``IssuedDocument.content_sha256``): the
PDF's own hash cannot be printed inside that PDF, the digest of what it prints can.

The digest is taken over a canonical JSON of the data: keys sorted, dates and times in ISO 8601
(times in Beijing time, as printed), amounts as their decimal text, no insignificant spaces.
"""

import hashlib
import json
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from itertools import groupby

from reportlab.pdfgen.canvas import Canvas

from app.domain.clock import CHINA
from app.printing.document_data import FORM_NAMES, DocumentContent
from app.printing.forms import TEMPLATE_VERSION
from app.printing.page import QR_SIZE
from app.printing.qr_matrix import qr_modules

_FORM_OF_TYPE = {kind: name for name, kind in FORM_NAMES.items()}


def form_name(content: DocumentContent) -> str:
    """The form's short name, as on the command line and in the archive (``agreement``)."""
    return _FORM_OF_TYPE[type(content)]


def _plain(value: object) -> object:
    if is_dataclass(value) and not isinstance(value, type):
        return {field.name: _plain(getattr(value, field.name)) for field in fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, datetime):
        return value.astimezone(CHINA).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


def canonical_json(content: DocumentContent) -> bytes:
    """The document's data with its form and template version, as canonical UTF-8 JSON."""
    document = {"form": form_name(content), "template": TEMPLATE_VERSION, "content": _plain(content)}
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def content_digest(content: DocumentContent) -> str:
    """SHA-256 (hex) of ``canonical_json(content)``."""
    return hashlib.sha256(canonical_json(content)).hexdigest()


def qr_payload(content: DocumentContent) -> str:
    """``<form>|<number or case number>|<content sha256>``."""
    heading = content.heading
    return f"{form_name(content)}|{heading.number or heading.case_number}|{content_digest(content)}"


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float = QR_SIZE) -> None:
    """The code for ``payload`` as a ``size`` square with its lower-left corner at (x, y).

    It is drawn without a quiet zone of its own: it sits in the blank page margin, which gives it
    far more than the four modules of white the standard asks for. Each row's dark runs are
    rectangles of one path, filled once (reportlab's QR widget would also set a font the PDF then
    lists without embedding). The path is written in module units, the origin at the code's top
    left corner and rows going down, so its numbers are small integers written as they are,
    rather than some 550 rectangles' coordinates each formatted by reportlab's canvas.
    """
    modules = qr_modules(payload)
    box = size / len(modules)
    rectangles = []
    for row_number, row in enumerate(modules):
        column = 0
        for dark, run in groupby(row):
            length = len(list(run))
            if dark:
                rectangles.append(f"{column} {row_number} {length} 1 re")
            column += length
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.transform(box, 0, 0, -box, x, y + size)
    canvas.addLiteral("\n".join(rectangles) + "\nf")
    canvas.restoreState()
