"""The hub's tables. Nothing a station sent is ever updated in place or deleted: cases move by
new versions, and every change, conflict and feed item stays as history.

The same tables run on PostgreSQL (production) and SQLite (a trial on one machine).
"""

from datetime import datetime, timezone

from sqlalchemy import (
    BigInteger,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Moment(TypeDecorator):
    """An aware UTC time; SQLite hands times back without their zone, so it is put back here."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime: a stored time needs its time zone")
        return None if value is None else value.astimezone(timezone.utc)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


class Station(Base):
    """An enrolled station (or one waiting for its enrolment code to be used)."""

    __tablename__ = "stations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    uid: Mapped[str | None] = mapped_column(String(36), unique=True)  # the station's own store ID, set at enrolment
    secret: Mapped[str | None] = mapped_column(String(64))  # hex; verifies the station's signatures
    created_at: Mapped[datetime] = mapped_column(Moment)
    enrolled_at: Mapped[datetime | None] = mapped_column(Moment)
    # The first request signed with the current secret: from then on its code no longer repeats it.
    first_signed_at: Mapped[datetime | None] = mapped_column(Moment)
    last_verified_at: Mapped[datetime | None] = mapped_column(Moment)
    feed_seq: Mapped[int] = mapped_column(BigInteger, default=0)  # the last feed number issued to it
    resync_requested: Mapped[bool] = mapped_column(default=False)


class EnrolmentCode(Base):
    """A one-time code; the one last used is kept so a retry by the same station after a lost
    answer gets the same answer (for a short while, see ``bureau.enrolment``)."""

    __tablename__ = "enrolment_codes"

    code_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    expires_at: Mapped[datetime] = mapped_column(Moment)
    used_at: Mapped[datetime | None] = mapped_column(Moment)
    used_by_uid: Mapped[str | None] = mapped_column(String(36))


class SeenNonce(Base):
    """Nonces of signed requests, kept while their timestamp is acceptable: a replay is refused."""

    __tablename__ = "seen_nonces"

    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(32), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(Moment, index=True)


class Case(Base):
    """A station's case as the hub holds it now; every earlier version is in ``case_versions``."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    number: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)  # canonical JSON
    content_sha256: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(Moment)


class CaseVersion(Base):
    __tablename__ = "case_versions"
    __table_args__ = (UniqueConstraint("case_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    version: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    content_sha256: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(Moment)


class Change(Base):
    """One change a station made, exactly as it sent it; the UID is unique across the city."""

    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_case_id_base_version", "case_id", "base_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    batch_uid: Mapped[str] = mapped_column(String(36))
    base_version: Mapped[int] = mapped_column(Integer)
    station_at: Mapped[datetime] = mapped_column(Moment)  # the station's clock, as recorded
    received_at: Mapped[datetime] = mapped_column(Moment)  # the hub's clock
    username: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text)  # the change as sent, canonical JSON
    body_sha256: Mapped[str] = mapped_column(String(64))  # tells a resend from other content under the same UID


class Conflict(Base):
    """A field both sides changed to different values; both are kept until a person decides."""

    __tablename__ = "conflicts"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    field: Mapped[str] = mapped_column(String(200))
    station_value: Mapped[str] = mapped_column(Text)  # JSON
    hub_value: Mapped[str] = mapped_column(Text)  # JSON
    change_uid: Mapped[str] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column(Moment)


class Batch(Base):
    """A batch already answered: the same batch again gets the same answer (its answer was lost)."""

    __tablename__ = "batches"

    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    body_sha256: Mapped[str] = mapped_column(String(64))
    answer: Mapped[str] = mapped_column(Text)  # JSON
    received_at: Mapped[datetime] = mapped_column(Moment)


class FeedEntry(Base):
    """Something sent down to one station; ``seq`` counts per station and is the station's cursor."""

    __tablename__ = "feed"

    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(20))
    payload: Mapped[str] = mapped_column(Text)  # JSON
    issued_at: Mapped[datetime] = mapped_column(Moment)


class WorkOrder(Base):
    """A case the bureau dispatched to a station; its UID is the case's, reserved for that station."""

    __tablename__ = "work_orders"

    case_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    platform_ref: Mapped[str] = mapped_column(String(40), index=True)
    dispatched_at: Mapped[datetime] = mapped_column(Moment)
    revoked_at: Mapped[datetime | None] = mapped_column(Moment)
    revoke_reason: Mapped[str | None] = mapped_column(Text)


class Attachment(Base):
    """An attachment a station uploaded, by the SHA-256 of its bytes. The bytes are one file in the
    hub's file folder, shared when two stations send the same file."""

    __tablename__ = "attachments"

    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)  # bytes confirmed so far
    complete: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(Moment)
