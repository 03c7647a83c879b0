"""What a bureau administrator does from the command line: look at stations and their cases, and
send work down to a station (work orders, supervision notices, revocations, reference data, a
full re-sync)."""

import json
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.sync import protocol
from bureau import feed
from bureau.errors import Refused
from bureau.models import Case, Station, WorkOrder


def station_named(session: Session, name: str) -> Station:
    station = session.scalars(select(Station).where(Station.name == name.strip())).first()
    if station is None:
        raise Refused(404, f"没有名为“{name}”的站点（mediation-bureau stations 列出全部站点）。")
    return station


def _enrolled(session: Session, name: str) -> Station:
    station = station_named(session, name)
    if station.uid is None:
        raise Refused(409, f"站点“{station.name}”尚未用登记码完成登记，无法下发。")
    return station


def stations(session: Session) -> list[dict]:
    case_counts = dict(session.execute(select(Case.station_id, func.count()).group_by(Case.station_id)).all())
    return [
        {
            "name": s.name,
            "uid": s.uid,
            "enrolled_at": s.enrolled_at.isoformat() if s.enrolled_at else None,
            "last_verified_sync": s.last_verified_at.isoformat() if s.last_verified_at else None,
            "cases": case_counts.get(s.id, 0),
            "resync_requested": s.resync_requested,
        }
        for s in session.scalars(select(Station).order_by(Station.name))
    ]


def station_cases(session: Session, name: str) -> list[dict]:
    station = station_named(session, name)
    rows = session.execute(
        select(Case.uid, Case.number, Case.version, Case.content_sha256)
        .where(Case.station_id == station.id)
        .order_by(Case.number)
    )
    return [{"case_uid": u, "number": n, "version": v, "content_sha256": h} for u, n, v, h in rows]


def dispatch(session: Session, name: str, order: protocol.WorkOrder, now: datetime) -> int:
    """Send a work order to the station; returns its feed number."""
    station = _enrolled(session, name)
    if session.get(WorkOrder, order.case_uid) is not None or session.scalars(
        select(Case).where(Case.uid == order.case_uid)
    ).first():
        raise Refused(409, f"案件编号 {order.case_uid} 已被使用，请为新的分送另取编号。")
    session.add(WorkOrder(case_uid=order.case_uid, station_id=station.id, platform_ref=order.platform_ref,
                          dispatched_at=now))
    return feed.append(session, station.id, "work_order", order.model_dump(mode="json"), now).seq


def supervise(session: Session, notice: protocol.Supervision, now: datetime) -> int:
    """A supervision notice goes to the station that holds the case."""
    case = session.scalars(select(Case).where(Case.uid == notice.case_uid)).first()
    order = session.get(WorkOrder, notice.case_uid)
    station_id = case.station_id if case is not None else order.station_id if order is not None else None
    if station_id is None:
        raise Refused(404, f"中心没有编号为 {notice.case_uid} 的案件或分送。")
    return feed.append(session, station_id, "supervision", notice.model_dump(mode="json"), now).seq


def revoke(session: Session, revocation: protocol.Revocation, now: datetime) -> int:
    order = session.get(WorkOrder, revocation.case_uid, with_for_update=True)
    if order is None:
        raise Refused(404, f"没有编号为 {revocation.case_uid} 的分送。")
    if order.revoked_at is not None:
        raise Refused(409, "该分送已经撤回。")
    order.revoked_at = now
    order.revoke_reason = revocation.reason
    return feed.append(session, order.station_id, "revocation", revocation.model_dump(mode="json"), now).seq


def publish_reference(session: Session, data: protocol.ReferenceData, now: datetime, station: str | None = None) -> int:
    """Reference data to one station or, without a name, to every enrolled station; returns how many."""
    targets = [_enrolled(session, station)] if station else session.scalars(
        select(Station).where(Station.uid.is_not(None))
    ).all()
    for target in targets:
        feed.append(session, target.id, "reference", json.loads(data.model_dump_json()), now)
    return len(targets)


def order_resync(session: Session, name: str, now: datetime) -> int:
    """Ask the station to send everything again; what the hub already has answers 'duplicate'."""
    station = _enrolled(session, name)
    station.resync_requested = True
    return feed.append(session, station.id, "resync", {}, now).seq
