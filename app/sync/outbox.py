"""The outbox: the history rows the hub has not confirmed yet, grouped by case into batches, and
the hub's answers written back as receipts.

A change without a receipt is pending, however many times it was sent. A case with a rejected
change is quarantined: it is left out of later batches (its changes build on each other) until
someone looks at it, and the other cases go on.
"""

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.case import Case
from app.models.history import HistoryEntry
from app.models.sync_state import SyncConflict, SyncedCase, SyncReceipt
from app.sync import protocol
from app.sync.canonical import canonical_json, content_sha256
from app.sync.snapshot import case_snapshot

CONFIRMED = ("accepted", "duplicate", "conflict", "from_hub")


@dataclass(frozen=True)
class PendingCase:
    case_id: int
    upload: protocol.CaseUpload
    size: int  # bytes of JSON, to fill batches by size


def quarantined_case_ids(session: Session) -> set[int]:
    return set(session.scalars(select(SyncReceipt.case_id).where(SyncReceipt.status == "rejected")))


def pending_entries(session: Session) -> dict[int, list[HistoryEntry]]:
    """Unconfirmed history rows per case, oldest first, quarantined cases left out."""
    rows = session.scalars(
        select(HistoryEntry)
        .outerjoin(SyncReceipt, SyncReceipt.change_uid == HistoryEntry.uid)
        .where(HistoryEntry.case_id.is_not(None), SyncReceipt.change_uid.is_(None))
        .order_by(HistoryEntry.case_id, HistoryEntry.id)
    )
    quarantined = quarantined_case_ids(session)
    pending: dict[int, list[HistoryEntry]] = {}
    for entry in rows:
        if entry.case_id not in quarantined:
            pending.setdefault(entry.case_id, []).append(entry)
    return pending


def pending_count(session: Session) -> int:
    return sum(len(entries) for entries in pending_entries(session).values())


def _change(entry: HistoryEntry) -> protocol.Change:
    return protocol.Change(
        uid=entry.uid, base_version=entry.base_version, at=entry.at, username=entry.username,
        action=entry.action, changes=json.loads(entry.changes),
    )


def pending_cases(session: Session) -> list[PendingCase]:
    pending = []
    for case_id, entries in pending_entries(session).items():
        case = session.get(Case, case_id)
        synced = session.get(SyncedCase, case_id)
        snapshot = case_snapshot(session, case)
        upload = protocol.CaseUpload(
            case_uid=case.uid, number=case.number, synced_version=synced.synced_version if synced else 0,
            changes=[_change(entry) for entry in entries], snapshot=snapshot, version=case.version,
            content_sha256=content_sha256(snapshot),
        )
        pending.append(PendingCase(case_id, upload, len(upload.model_dump_json())))
    return pending


def batches(pending: list[PendingCase]) -> Iterator[tuple[protocol.Batch, list[PendingCase]]]:
    """About 100 changes or 1 MB per batch; a case's changes are never split across batches."""
    group: list[PendingCase] = []
    changes = size = 0
    for case in pending:
        n = len(case.upload.changes)
        if group and (changes + n > protocol.BATCH_TARGET_CHANGES or size + case.size > protocol.BATCH_TARGET_BYTES):
            yield protocol.Batch(uid=str(uuid.uuid4()), cases=[c.upload for c in group]), group
            group, changes, size = [], 0, 0
        group.append(case)
        changes += n
        size += case.size
    if group:
        yield protocol.Batch(uid=str(uuid.uuid4()), cases=[c.upload for c in group]), group


def record_answer(session: Session, sent: list[PendingCase], answer: protocol.BatchAnswer, now: datetime) -> None:
    """Receipts for every change, and the confirmed version where the hub holds exactly ours."""
    by_uid = {case.upload.case_uid: case for case in sent}
    case_of_change = {change.uid: case.case_id for case in sent for change in case.upload.changes}
    for change in answer.changes:
        if session.get(SyncReceipt, change.uid) is None:
            session.add(SyncReceipt(change_uid=change.uid, case_id=case_of_change[change.uid], status=change.status,
                                    reason=change.reason, at=now))
    for case_answer in answer.cases:
        pending = by_uid[case_answer.case_uid]
        if case_answer.status in ("accepted", "duplicate") and case_answer.content_sha256 == pending.upload.content_sha256:
            _confirm(session, pending.case_id, case_answer.version, case_answer.content_sha256)
        for conflict in case_answer.conflicts:
            session.add(SyncConflict(
                case_id=pending.case_id, field=conflict.field, hub_version=case_answer.version, found_at=now,
                station_value=canonical_json(conflict.station_value).decode(),
                hub_value=canonical_json(conflict.hub_value).decode(),
            ))


def _confirm(session: Session, case_id: int, version: int, content_sha256: str) -> None:
    synced = session.get(SyncedCase, case_id)
    if synced is None:
        session.add(SyncedCase(case_id=case_id, synced_version=version, content_sha256=content_sha256))
    else:
        synced.synced_version = version
        synced.content_sha256 = content_sha256
