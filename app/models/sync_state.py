"""What the station knows about its sync with the bureau hub. Bookkeeping only: the legal record
is the history; these say which of it the hub has confirmed, and what came down for the user."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.types import UtcDateTime


class SyncedCase(Base):
    """The last version of a case the hub confirmed holding exactly as the station does."""

    __tablename__ = "sync_cases"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    synced_version: Mapped[int]
    content_sha256: Mapped[str] = mapped_column(String(64))


class SyncReceipt(Base):
    """The hub's answer for one change (history row). Without a receipt a change is pending.

    A case the station cannot put into a batch at all gets ``rejected`` receipts of its own
    making, with the reason: it is quarantined like a case the hub refused."""

    __tablename__ = "sync_receipts"

    change_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    # accepted, duplicate, conflict, rejected, from_hub; indexed for counting the rejected ones
    status: Mapped[str] = mapped_column(String(20), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class OutgoingBatch(Base):
    """A batch sent to the hub whose answer has not been recorded yet, kept byte for byte.

    Written before the batch is sent and deleted with the answer's receipts; one still here was
    sent (or perhaps sent) and never answered, so it goes again first at the next sync, the same
    bytes under the same UID, and the hub answers it as it did the first time. A new batch
    instead would carry the old synced version, and the hub would take the station's own earlier
    change for one of its own."""

    __tablename__ = "sync_outgoing_batches"

    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    body: Mapped[bytes] = mapped_column(LargeBinary)  # the batch's JSON as sent, before compression
    made_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SyncConflict(Base):
    """A field the hub and the station hold different values for; a person decides."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    field: Mapped[str] = mapped_column(String(200))
    station_value: Mapped[str] = mapped_column(Text)  # JSON
    hub_value: Mapped[str] = mapped_column(Text)  # JSON
    hub_version: Mapped[int]
    found_at: Mapped[datetime] = mapped_column(UtcDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class BureauNotice(Base):
    """A supervision notice (督办) or a revocation from the bureau, shown in 今日待办."""

    __tablename__ = "bureau_notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_seq: Mapped[int] = mapped_column(unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    case_uid: Mapped[str] = mapped_column(String(36), index=True)
    text: Mapped[str] = mapped_column(Text)
    respond_by: Mapped[date | None]
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
