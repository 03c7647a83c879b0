"""Checking a signed request: a known station, a fresh timestamp, a new nonce, a right signature."""

import re
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.sync import signing
from bureau.errors import Refused
from bureau.models import SeenNonce, Station

_NONCE_KEPT = timedelta(seconds=2 * signing.MAX_SKEW_SECONDS)
# ASCII digits only: str.isdigit() also takes "²", which int() then refuses.
_TIMESTAMP = re.compile(r"[0-9]{1,12}")


def verify(sessions: sessionmaker[Session], headers, method: str, target: str, body: bytes, now: datetime) -> int:
    """The station ID the request comes from; Refused(401) for anything wrong, naming what."""
    station_uid = headers.get(signing.STATION_HEADER)
    timestamp = headers.get(signing.TIMESTAMP_HEADER, "")
    nonce = headers.get(signing.NONCE_HEADER, "")
    given = headers.get(signing.SIGNATURE_HEADER, "")
    if not (station_uid and _TIMESTAMP.fullmatch(timestamp) and len(nonce) == 32 and given):
        raise Refused(401, "请求未签名或签名信息不全。")
    if abs(now.timestamp() - int(timestamp)) > signing.MAX_SKEW_SECONDS:
        raise Refused(401, "请求的时间戳与中心时间相差过大（超过 5 分钟），请检查本机时间后重试。")
    # One transaction for the station, the signature and the nonce: a request costs the database a
    # single commit. A bad signature raises before the nonce is added, so nothing of it is kept.
    # Plain statements, no ORM objects: every request of every station comes through here.
    try:
        with sessions.begin() as session:
            station = session.execute(
                select(Station.id, Station.secret, Station.first_signed_at).where(Station.uid == station_uid)
            ).first()
            if station is None or station.secret is None:
                raise Refused(401, "未登记的站点。")
            expected = signing.signature(
                bytes.fromhex(station.secret), method, target, station_uid, int(timestamp), nonce, body
            )
            if not signing.signature_matches(expected, given):
                raise Refused(401, "签名不正确：密钥不对，或请求在途中被改动。")
            if station.first_signed_at is None:  # the secret arrived: its enrolment code stops repeating it
                session.execute(
                    update(Station).where(Station.id == station.id).values(first_signed_at=now),
                    execution_options={"synchronize_session": False},
                )
            # The nonce commits with the check, before the request is handled: a request that fails
            # later still cannot be replayed.
            session.execute(delete(SeenNonce).where(SeenNonce.seen_at < now - _NONCE_KEPT))
            session.execute(insert(SeenNonce).values(station_id=station.id, nonce=nonce, seen_at=now))
    except IntegrityError:
        raise Refused(401, "重复的请求（重放），已拒绝。") from None
    return station.id
