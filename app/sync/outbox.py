"""The outbox: the history rows the hub has not confirmed yet, grouped by case into batches, and
the hub's answers written back as receipts.

A change without a receipt is pending, however many times it was sent. A case with a rejected
change is quarantined: it is left out of later batches (its changes build on each other) until
the station head releases it (``app.sync.release``) or the bureau orders a full re-sync, and the
other cases go on. The same holds for a case the station cannot put
into a batch at all, and for one whose batch the hub refused whole: it gets rejected receipts of
its own, with the reason.

A batch is kept here from before it is sent until its answer is recorded (``OutgoingBatch``), so
one whose answer was lost goes again, unchanged, before anything newer.
"""

import json
import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from pydantic import ValidationError
from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.models.case import Case
from app.models.history import HistoryEntry
from app.models.sync_state import OutgoingBatch, SyncConflict, SyncedCase, SyncReceipt
from app.sync import protocol
from app.sync.canonical import canonical_json, content_sha256
from app.sync.snapshot import case_snapshot

log = logging.getLogger(__name__)

# A case with more changes pending than this (after a full re-sync, say) goes up this many at a
# time, each part with the case as it stands now, the next part once the hub has answered.
CASE_PART_CHANGES = protocol.BATCH_TARGET_CHANGES


@dataclass(frozen=True)
class PendingCase:
    case_id: int
    upload: protocol.CaseUpload
    size: int  # bytes of JSON, to fill batches by size
    partial: bool = False  # more of the case's changes wait for the next part


@dataclass(frozen=True)
class HeldBack:
    """A case to quarantine at the station with ``reason``, as the user will read it: one that
    cannot go into a batch, or one the hub refused whole."""

    case_id: int
    number: str
    change_uids: list[str]
    reason: str


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


def has_unsent_changes(session: Session, case_id: int) -> bool:
    """True while the hub has not taken every change of the case: one is pending, or refused
    (a quarantined case keeps its local work until someone settles it)."""
    receipt = select(SyncReceipt.change_uid).where(
        SyncReceipt.change_uid == HistoryEntry.uid, SyncReceipt.status != "rejected"
    )
    return session.scalar(select(exists().where(HistoryEntry.case_id == case_id, ~exists(receipt))))


def _change(entry: HistoryEntry) -> protocol.Change:
    return protocol.Change(
        uid=entry.uid, base_version=entry.base_version, at=entry.at, username=entry.username,
        action=entry.action, changes=json.loads(entry.changes),
    )


def _problem(exc: Exception) -> str:
    """The first problem in words: the field it is in, and the validator's own message."""
    if isinstance(exc, ValidationError):
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        return f"{where}：{message}" if where else message
    return str(exc)


def pending_cases(session: Session) -> list[PendingCase]:
    """Every case with pending changes that can go up, as an upload."""
    return package(session)[0]


def package(session: Session) -> tuple[list[PendingCase], list[HeldBack]]:
    """Every case with pending changes as an upload, and the cases that cannot be one."""
    pending, unpackable = [], []
    for case_id, entries in pending_entries(session).items():
        case = session.get(Case, case_id)
        part = entries[:CASE_PART_CHANGES]
        try:
            pending.append(_package(session, case, part, partial=len(part) < len(entries)))
        except (ValueError, TypeError) as exc:  # pydantic's ValidationError is a ValueError
            log.exception("case %s cannot be packaged for the hub", case.uid)
            unpackable.append(HeldBack(case_id, case.number, [entry.uid for entry in entries],
                                       f"本站无法将该案件打包上传（{_problem(exc)}）"))
    return pending, unpackable


def _package(session: Session, case: Case, entries: list[HistoryEntry], *, partial: bool) -> PendingCase:
    synced = session.get(SyncedCase, case.id)
    snapshot = case_snapshot(session, case)
    upload = protocol.CaseUpload(
        case_uid=case.uid, number=case.number, synced_version=synced.synced_version if synced else 0,
        changes=[_change(entry) for entry in entries], snapshot=snapshot, version=case.version,
        content_sha256=content_sha256(snapshot),
    )
    return PendingCase(case.id, upload, len(upload.model_dump_json()), partial)


def refused_by_hub(case: PendingCase, reason: str) -> HeldBack:
    """A case whose batch (of it alone) the hub refused whole, for ``reason`` (the hub's words):
    its changes as sent, held back."""
    return HeldBack(case.case_id, case.upload.number, [change.uid for change in case.upload.changes], reason)


def quarantine(session: Session, case: HeldBack, now: datetime) -> None:
    """Hold the case back with its reason, as a refusal of one of its changes by the hub would."""
    for uid in case.change_uids:
        if session.get(SyncReceipt, uid) is None:
            session.add(SyncReceipt(change_uid=uid, case_id=case.case_id, status="rejected", reason=case.reason,
                                    at=now))


def batch_of(group: list[PendingCase]) -> protocol.Batch:
    """A new batch (a UID of its own) of these cases."""
    return protocol.Batch(uid=str(uuid.uuid4()), cases=[case.upload for case in group])


def batches(pending: list[PendingCase]) -> Iterator[tuple[protocol.Batch, list[PendingCase]]]:
    """About 100 changes or 1 MB per batch; a case appears in one batch only."""
    group: list[PendingCase] = []
    changes = size = 0
    for case in pending:
        n = len(case.upload.changes)
        if group and (changes + n > protocol.BATCH_TARGET_CHANGES or size + case.size > protocol.BATCH_TARGET_BYTES):
            yield batch_of(group), group
            group, changes, size = [], 0, 0
        group.append(case)
        changes += n
        size += case.size
    if group:
        yield batch_of(group), group


# -- batches kept until answered ---------------------------------------------------------------


def keep_outgoing(session: Session, batch: protocol.Batch, now: datetime) -> bytes:
    """Keep the batch's bytes before they go out; returns them, to be sent exactly so."""
    body = batch.model_dump_json().encode()
    session.add(OutgoingBatch(uid=batch.uid, body=body, made_at=now))
    return body


def unanswered(session: Session) -> list[tuple[str, bytes, list[PendingCase]]]:
    """Batches sent before and never answered, oldest first: UID, bytes, and the cases as sent."""
    kept = []
    for row in session.scalars(select(OutgoingBatch).order_by(OutgoingBatch.made_at, OutgoingBatch.uid)).all():
        try:
            batch = protocol.Batch.model_validate_json(row.body)
        except ValidationError:
            # Kept by a program that packaged differently: its changes have no receipts, so they
            # go up again in a new batch; only the chance of the hub's stored answer is lost.
            log.warning("unanswered batch %s cannot be read again; its changes go in a new batch", row.uid)
            session.delete(row)
            continue
        case_ids = dict(session.execute(
            select(Case.uid, Case.id).where(Case.uid.in_([upload.case_uid for upload in batch.cases]))
        ).all())
        group = [PendingCase(case_ids[upload.case_uid], upload, 0) for upload in batch.cases]
        kept.append((row.uid, row.body, group))
    return kept


def forget_outgoing(session: Session, batch_uid: str) -> None:
    row = session.get(OutgoingBatch, batch_uid)
    if row is not None:
        session.delete(row)


# -- answers -------------------------------------------------------------------------------------


def record_answer(session: Session, sent: list[PendingCase], answer: protocol.BatchAnswer, now: datetime) -> None:
    """Receipts for every change, and the confirmed version where the hub holds exactly ours;
    the batch is no longer kept for a resend."""
    by_uid = {case.upload.case_uid: case for case in sent}
    case_of_change = {change.uid: case.case_id for case in sent for change in case.upload.changes}
    for change in answer.changes:
        if session.get(SyncReceipt, change.uid) is None:
            session.add(SyncReceipt(change_uid=change.uid, case_id=case_of_change[change.uid], status=change.status,
                                    reason=change.reason, at=now))
    session.flush()
    for case_answer in answer.cases:
        pending = by_uid[case_answer.case_uid]
        if case_answer.status in ("accepted", "duplicate") and case_answer.content_sha256 == pending.upload.content_sha256:
            confirm(session, session.get(Case, pending.case_id), case_answer.version, case_answer.content_sha256)
        for conflict in case_answer.conflicts:
            session.add(SyncConflict(
                case_id=pending.case_id, field=conflict.field, hub_version=case_answer.version, found_at=now,
                station_value=canonical_json(conflict.station_value).decode(),
                hub_value=canonical_json(conflict.hub_value).decode(),
            ))
    forget_outgoing(session, answer.batch_uid)


def confirm(session: Session, case: Case, version: int, content_sha: str) -> None:
    """The hub holds the case at ``version`` exactly as the station held it (when it was packaged,
    or now): later uploads merge from there.

    The case takes the hub's number when nothing was done here since; otherwise its number moves
    above the hub's, so the changes made since go up as a version the hub does not hold yet.
    """
    synced = session.get(SyncedCase, case.id)
    if synced is not None and synced.synced_version > version:
        return  # an older answer than one already recorded
    if synced is None:
        session.add(SyncedCase(case_id=case.id, synced_version=version, content_sha256=content_sha))
    else:
        synced.synced_version, synced.content_sha256 = version, content_sha
    case.version = max(case.version, version + 1) if has_unsent_changes(session, case.id) else version
