"""The append-only history of every change; the sync outbox reads it too.

Rows are never updated or deleted: triggers in the schema refuse it.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.types import UtcDateTime


class HistoryEntry(Base):
    __tablename__ = "history"
    __table_args__ = (Index("ix_history_case_id_at", "case_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)  # made here; the change's sync ID
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    base_version: Mapped[int]  # the case version this change was made on
    changes: Mapped[str] = mapped_column(Text)  # JSON: {field: [old, new]}
