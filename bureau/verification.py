"""Does the hub hold exactly what the station holds? Digests first, case lists only where they differ."""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.sync import protocol
from bureau.models import Attachment, Case, Change, Station


def _held(session: Session, station_id: int, bucket: str | None = None) -> list[protocol.HeldCase]:
    query = select(Case.uid, Case.version, Case.content_sha256).where(Case.station_id == station_id)
    if bucket is not None:
        query = query.where(Case.uid.startswith(bucket))
    return [protocol.HeldCase(case_uid=u, version=v, content_sha256=h) for u, v, h in session.execute(query)]


def _count(session: Session, model, station_id: int, *extra) -> int:
    return session.scalar(select(func.count()).select_from(model).where(model.station_id == station_id, *extra))


def compare(session: Session, station_id: int, claim: protocol.Verification, now: datetime) -> protocol.VerificationAnswer:
    held = _held(session, station_id)
    ours = protocol.bucket_digests(held)
    differing = sorted(b for b in ours.keys() | claim.buckets.keys() if ours.get(b) != claim.buckets.get(b))
    changes = _count(session, Change, station_id)
    attachments = _count(session, Attachment, station_id, Attachment.complete.is_(True))
    matches = (
        not differing
        and len(held) == claim.case_count
        and changes == claim.change_count
        and attachments == claim.attachment_count
    )
    if matches:
        station = session.get(Station, station_id)
        station.last_verified_at = now
        station.resync_requested = False
    return protocol.VerificationAnswer(
        matches=matches, differing_buckets=differing, hub_case_count=len(held),
        hub_change_count=changes, hub_attachment_count=attachments,
    )


def compare_bucket(session: Session, station_id: int, check: protocol.BucketCheck) -> protocol.BucketAnswer:
    ours = {c.case_uid: c for c in _held(session, station_id, check.bucket)}
    theirs = {c.case_uid: c for c in check.cases}
    return protocol.BucketAnswer(
        differing=sorted(uid for uid in ours.keys() & theirs.keys() if ours[uid] != theirs[uid]),
        missing_at_hub=sorted(theirs.keys() - ours.keys()),
        unknown_at_station=sorted(ours.keys() - theirs.keys()),
    )
