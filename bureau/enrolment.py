"""Station enrolment: the administrator registers a station and hands over a one-time code; the
station trades the code for its secret. A retry after a lost answer gets the same secret, but only
for a day and only until the station has signed a request with it: the station UID is no secret,
so a used code must not hand the secret out to whoever finds the slip later."""

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.sync.protocol import Enrolment, EnrolmentAnswer
from bureau.errors import Refused
from bureau.models import EnrolmentCode, Station

CODE_VALID_FOR = timedelta(days=7)
# How long the same station may ask again with a used code, when the first answer was lost.
ANSWER_REPEATED_FOR = timedelta(hours=24)
# No 0/O or 1/I: the code is read aloud over the phone and typed by hand.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _digest(code: str) -> str:
    return hashlib.sha256(code.strip().upper().encode()).hexdigest()


def new_code() -> str:
    groups = ["".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(4)]
    return "-".join(groups)


def add_station(session: Session, name: str, now: datetime) -> str:
    """Register a station by name; returns its enrolment code (shown once, kept only as a hash)."""
    name = name.strip()
    if not name or len(name) > 100:
        raise Refused(400, "站点名称不能为空，且不超过 100 个字。")
    if session.scalars(select(Station).where(Station.name == name)).first() is not None:
        raise Refused(409, f"已有名为“{name}”的站点；如需为它换一台电脑登记，请用 station code。")
    station = Station(name=name, created_at=now, feed_seq=0, resync_requested=False)
    session.add(station)
    session.flush()
    return _issue_code(session, station, now)


def reissue_code(session: Session, name: str, now: datetime) -> str:
    """A new code for a registered station (a new PC); the station's old secret stops working
    once the new code is used."""
    station = session.scalars(select(Station).where(Station.name == name.strip())).first()
    if station is None:
        raise Refused(404, f"没有名为“{name}”的站点。")
    return _issue_code(session, station, now)


def _issue_code(session: Session, station: Station, now: datetime) -> str:
    """A new code retires the station's unused ones: a lost slip stops working once replaced."""
    session.execute(
        delete(EnrolmentCode).where(EnrolmentCode.station_id == station.id, EnrolmentCode.used_at.is_(None))
    )
    code = new_code()
    session.add(EnrolmentCode(code_sha256=_digest(code), station_id=station.id, expires_at=now + CODE_VALID_FOR))
    return code


def enrol(session: Session, request: Enrolment, now: datetime) -> EnrolmentAnswer:
    code = session.get(EnrolmentCode, _digest(request.code), with_for_update=True)
    if code is None:
        raise Refused(401, "登记码无效，请核对后重新输入，或向市局管理员索取新的登记码。")
    station = session.get(Station, code.station_id, with_for_update=True)
    if code.used_at is not None:
        if _may_repeat(code, station, request.station_uid, now):
            return _answer(station)  # the first answer was lost on the way: the same again
        raise Refused(409, "该登记码已被使用。如果这是本站的新电脑，请向市局管理员索取新的登记码。")
    if code.expires_at <= now:
        raise Refused(410, "登记码已过期，请向市局管理员索取新的登记码。")
    other = session.scalars(select(Station).where(Station.uid == request.station_uid)).first()
    if other is not None and other.id != station.id:
        raise Refused(409, f"本站数据库已登记为另一站点（{other.name}）。")
    station.uid = request.station_uid
    station.secret = secrets.token_hex(32)
    station.enrolled_at = now
    station.first_signed_at = None
    code.used_at = now
    code.used_by_uid = request.station_uid
    try:
        session.flush()
    except IntegrityError:
        raise Refused(409, "登记冲突，请重试。") from None
    # Only the code just used stays, for a repeat of this answer; any other is retired.
    session.execute(delete(EnrolmentCode).where(
        EnrolmentCode.station_id == station.id, EnrolmentCode.code_sha256 != code.code_sha256
    ))
    return _answer(station)


def _may_repeat(code: EnrolmentCode, station: Station, station_uid: str, now: datetime) -> bool:
    """The same station asking again soon after, before it ever used the secret: its answer was lost."""
    return (
        code.used_by_uid == station_uid
        and station.uid == station_uid
        and station.first_signed_at is None
        and now - code.used_at <= ANSWER_REPEATED_FOR
    )


def _answer(station: Station) -> EnrolmentAnswer:
    return EnrolmentAnswer(station_uid=station.uid, station_name=station.name, secret=station.secret)
