"""The station itself, its accounts and the reference data it keeps."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.types import UtcDateTime


class Station(Base):
    """The one row that says which station this store belongs to."""

    __tablename__ = "station"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    office_name: Mapped[str] = mapped_column(String(100))  # 发文机关, printed above the seal
    doc_prefix: Mapped[str] = mapped_column(String(20))  # 文号 prefix such as 景市监投
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class User(Base):
    """A local account. Passwords are Argon2id hashes; the plain text is never stored."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Category(Base):
    """A two-level consumption category (商品类/服务类 and their kinds); data the bureau updates."""

    __tablename__ = "categories"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("categories.code"))
    name: Mapped[str] = mapped_column(String(50))
    sort: Mapped[int] = mapped_column(Integer, default=0)


class ProblemKind(Base):
    """A kind of problem complained about (质量, 售后服务, 价格 …); data the bureau updates."""

    __tablename__ = "problem_kinds"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    sort: Mapped[int] = mapped_column(Integer, default=0)


class CalendarYear(Base):
    """An officially announced year of the work calendar, imported or pushed by the bureau.

    ``content`` is the calendar file as imported, so the year can be shown and exported as it came.
    """

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime)


class NumberSequence(Base):
    """The last case number issued per kind and year; bumped in the same transaction as the case."""

    __tablename__ = "number_sequences"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(default=0)


class Setting(Base):
    """Small station settings kept with the data (last backup, idle lock …)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class FormDraft(Base):
    """A form's unsaved content, kept inside the encrypted store while the user types."""

    __tablename__ = "form_drafts"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    form: Mapped[str] = mapped_column(String(40))  # which form: "intake", "agreement" …
    content: Mapped[str] = mapped_column(Text)  # the fields as JSON
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime)
