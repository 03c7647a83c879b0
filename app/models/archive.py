"""What is kept with a case besides its fields: attached files and the documents issued for it.

Both are write-once. An attachment's bytes live in a file named by their SHA-256 under the data
folder; an issued document keeps its PDF bytes here, in the encrypted store. Triggers in the
schema refuse to change or remove an issued document, so a correction is always a new document
that refers to the old one.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.types import UtcDateTime


class Attachment(Base):
    """A file kept with a case: a receipt, a photo, a signed agreement (附件)."""

    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("case_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)  # made here; the ID the hub knows
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)  # names the file under attachments/
    file_name: Mapped[str] = mapped_column(String(200))  # as the user's file was called
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)
    added_by: Mapped[int] = mapped_column(ForeignKey("users.id"))


class IssuedDocument(Base):
    """A document issued for a case (文书): the exact PDF given to the parties, never changed."""

    __tablename__ = "issued_documents"
    __table_args__ = (Index("ix_issued_documents_case_id_form", "case_id", "form"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    form: Mapped[str] = mapped_column(String(30))  # the form's short name, e.g. "acceptance"
    number: Mapped[str | None] = mapped_column(String(60), unique=True)  # 文号; None for forms without
    template_version: Mapped[str] = mapped_column(String(20))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    issued_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("issued_documents.id"))
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))  # of the PDF bytes
    # Of the printed content; the document's QR code carries it, so a paper copy can be checked
    # against the archive (the PDF's own hash cannot be printed inside the PDF).
    content_sha256: Mapped[str] = mapped_column(String(64))
