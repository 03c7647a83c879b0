"""What happens to a case after intake: mediation sessions, clock pauses, follow-ups, proposals."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, new_uid
from app.models.types import UtcDateTime


class MediationSession(Base):
    """A mediation session, scheduled and later recorded (Art. 19: on site or remote)."""

    __tablename__ = "mediation_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)  # the ID the hub knows
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    place: Mapped[str] = mapped_column(String(200))
    mode: Mapped[str] = mapped_column(String(20))
    mediators: Mapped[str] = mapped_column(String(200))  # names, "、"-separated as printed
    participants: Mapped[str | None] = mapped_column(Text)
    record: Mapped[str | None] = mapped_column(Text)  # filled in when the session was held
    held: Mapped[bool] = mapped_column(default=False)


class ClockPause(Base):
    """An interval that stops the mediation clock: testing (Art. 22) or a 回避 request (Art. 20).

    ``ended_on`` stays empty while the pause lasts; the day it ends counts again.
    """

    __tablename__ = "clock_pauses"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)  # the ID the hub knows
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    started_on: Mapped[date]
    ended_on: Mapped[date | None]
    detail: Mapped[str] = mapped_column(Text, default="")  # the lab, or who asked 回避 of whom and why
    outcome: Mapped[str | None] = mapped_column(Text)  # test result, or the 回避 decision


class FollowUp(Base):
    """A follow-up visit (回访, Art. 26)."""

    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)  # the ID the hub knows
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    visited_on: Mapped[date]
    method: Mapped[str] = mapped_column(String(20))
    reached: Mapped[bool]
    satisfaction: Mapped[str | None] = mapped_column(String(20))
    remarks: Mapped[str | None] = mapped_column(Text)


class Proposal(Base):
    """A mediator's proposal that only the station head may confirm (不予受理, 终止调解)."""

    __tablename__ = "proposals"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)  # the ID the hub knows
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    ground: Mapped[int]
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_on_date: Mapped[date]  # the date the mediator proposed; the head's decision is dated when made
    proposed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    proposed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decision: Mapped[str | None] = mapped_column(String(20))  # confirmed / rejected / superseded
