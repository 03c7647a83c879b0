"""Receiving a station's batch: every change kept exactly once, every case moved on or merged,
and an answer per change. The whole batch is one transaction, under a lock on the station's row,
so a station's batches never interleave and a batch is either all in or not at all.

What the hub already holds of a batch is read in three queries for the whole batch, and the
cases, versions and changes it adds are written at the end, one statement per table: a batch
holds about a hundred changes, and on PostgreSQL a round trip per case costs far more than the
work. There the rows go in by COPY, which costs the hub and the database about a third of
what an ``executemany`` of the same rows does (the hub is bound by CPU when many stations sync).
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, Row, Table, insert, select, text
from sqlalchemy.orm import Session

from app.sync import protocol
from app.sync.canonical import canonical_json, content_sha256
from bureau import feed, upload_checks
from bureau.errors import Refused
from bureau.merge import merge
from bureau.models import Attachment, Batch, Case, CaseVersion, Change, Conflict, WorkOrder


def receive_batch(session: Session, station_id: int, batch: protocol.Batch, body_sha256: str, now: datetime) -> str:
    """Apply ``batch`` for the station; its ``BatchAnswer`` as JSON, the text sent to the station.
    The same batch again returns the very text it got the first time."""
    feed.lock_station(session, station_id)
    seen = session.get(Batch, batch.uid)
    if seen is not None:
        if seen.station_id != station_id or seen.body_sha256 != body_sha256:
            raise Refused(409, "批次编号已用于另一批内容，未作任何更改。")
        return seen.answer
    held = _held(session, batch)
    case_answers, change_answers = [], []
    for upload in batch.cases:
        case_answer, answers = _receive_case(session, held, station_id, batch.uid, upload, now)
        case_answers.append(case_answer)
        change_answers.extend(answers)
    _write(session, held)
    answer = protocol.BatchAnswer(batch_uid=batch.uid, cases=case_answers, changes=change_answers).model_dump_json()
    session.add(Batch(uid=batch.uid, station_id=station_id, body_sha256=body_sha256, answer=answer, received_at=now))
    return answer


@dataclass
class _NewCase:
    """A case this batch brings to the hub: a plain record, not an ORM object (building and
    flushing one per case cost more than the rest of its work); written with the batch's rows."""

    uid: str
    station_id: int
    number: str
    version: int = 0
    content: str = ""
    content_sha256: str = ""
    updated_at: datetime | None = None
    id: int | None = None  # given when the batch is written


@dataclass
class _Held:
    """What the hub holds of one batch's cases, changes (uid, case_id, body_sha256) and work
    orders, by UID, and the cases, versions and changes the batch adds, each with its case, which
    may not have its id yet."""

    cases: dict[str, Case]
    changes: dict[str, Row]
    orders: dict[str, WorkOrder]
    new_cases: list[_NewCase] = field(default_factory=list)
    new_versions: list[tuple[Case | _NewCase, dict]] = field(default_factory=list)
    new_changes: dict[str, tuple[Case | _NewCase, dict]] = field(default_factory=dict)  # by change UID


def _held(session: Session, batch: protocol.Batch) -> _Held:
    case_uids = [upload.case_uid for upload in batch.cases]
    change_uids = [change.uid for upload in batch.cases for change in upload.changes]
    # Of a known change only what tells a resend from other content: not its body.
    changes = select(Change.uid, Change.case_id, Change.body_sha256).where(Change.uid.in_(change_uids))
    return _Held(
        cases={row.uid: row for row in session.scalars(select(Case).where(Case.uid.in_(case_uids)))},
        changes={row.uid: row for row in session.execute(changes)},
        orders={row.case_uid: row for row in session.scalars(select(WorkOrder).where(WorkOrder.case_uid.in_(case_uids)))},
    )


# On PostgreSQL the new cases' ids are taken from their sequence in one query, so the cases can go
# in by COPY, which answers nothing back.
_NEXT_CASE_IDS = text("SELECT nextval(pg_get_serial_sequence('cases', 'id')) FROM generate_series(1, :count)")


def _write(session: Session, held: _Held) -> None:
    """The batch's new cases, versions and changes, one statement per table, in that order (the
    versions and changes need their cases' ids). Cases already held move on through the ORM."""
    session.flush()
    connection = session.connection()
    on_postgresql = connection.dialect.name == "postgresql"
    if held.new_cases:
        cases = [_case_row(case) for case in held.new_cases]
        if on_postgresql:
            ids = session.scalars(_NEXT_CASE_IDS, {"count": len(cases)}).all()
            _copy(connection, Case.__table__, [row | {"id": case_id} for row, case_id in zip(cases, ids, strict=True)])
        else:
            returning_ids = insert(Case.__table__).returning(Case.id, sort_by_parameter_order=True)
            ids = connection.execute(returning_ids, cases).scalars().all()
        for case, case_id in zip(held.new_cases, ids, strict=True):
            case.id = case_id
    write = _copy if on_postgresql else _insert
    if held.new_versions:
        write(connection, CaseVersion.__table__, [row | {"case_id": case.id} for case, row in held.new_versions])
    if held.new_changes:
        write(connection, Change.__table__, [row | {"case_id": case.id} for case, row in held.new_changes.values()])


def _case_row(case: _NewCase) -> dict:
    return dict(uid=case.uid, station_id=case.station_id, number=case.number, version=case.version,
                content=case.content, content_sha256=case.content_sha256, updated_at=case.updated_at)


def _insert(connection: Connection, table: Table, rows: list[dict]) -> None:
    connection.execute(insert(table), rows)


def _copy(connection: Connection, table: Table, rows: list[dict]) -> None:
    """``rows`` into ``table`` by PostgreSQL's COPY, in the session's transaction. The values go
    as they are: every time here is already aware (the protocol's AwareDatetime, the hub's clock)."""
    columns = list(rows[0])
    with connection.connection.driver_connection.cursor() as cursor:
        with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row[column] for column in columns])


def _body(change: protocol.Change) -> tuple[str, str]:
    """The change as stored (canonical JSON) and its hash, which tells a resend from other content."""
    body = canonical_json(change.model_dump(mode="json"))
    return body.decode(), hashlib.sha256(body).hexdigest()


def _refuse_case(upload: protocol.CaseUpload, case: Case | None, reason: str):
    answers = [protocol.ChangeAnswer(uid=c.uid, status="rejected", reason=reason) for c in upload.changes]
    version = case.version if case is not None else 0
    return protocol.CaseAnswer(case_uid=upload.case_uid, status="rejected", version=version, reason=reason), answers


def _receive_case(session: Session, held: _Held, station_id: int, batch_uid: str, upload: protocol.CaseUpload,
                  now: datetime):
    case = held.cases.get(upload.case_uid)
    if case is not None and case.station_id != station_id:
        return _refuse_case(upload, None, "该案件属于另一站点。")
    problem = upload_checks.problem_with(upload)
    if problem is not None:
        return _refuse_case(upload, case, problem)

    known = {c.uid: held.changes[c.uid] for c in upload.changes if c.uid in held.changes}
    new = []
    for change in upload.changes:
        row = known.get(change.uid)
        if row is None and change.uid in held.new_changes:  # already in this batch, under another case
            return _refuse_case(upload, case, f"变更 {change.uid} 与中心已有的同一编号变更内容不同。")
        if row is None:
            new.append(change)
        elif row.body_sha256 != _body(change)[1] or case is None or row.case_id != case.id:
            return _refuse_case(upload, case, f"变更 {change.uid} 与中心已有的同一编号变更内容不同。")
    if not new:
        answers = [protocol.ChangeAnswer(uid=c.uid, status="duplicate") for c in upload.changes]
        return _answer(upload, case, "duplicate", []), answers
    missing = _missing_attachments(session, station_id, upload.snapshot)
    if missing:
        return _refuse_case(upload, case, f"案件引用的附件尚未完整上传：{', '.join(sorted(missing)[:3])}")

    if case is None:
        order = held.orders.get(upload.case_uid)
        if order is not None and order.station_id != station_id:
            return _refuse_case(upload, None, "该案件是分送给另一站点的工单。")
        if upload.synced_version != 0:
            return _refuse_case(upload, None, "中心没有这件案件，请由中心安排整站重新同步。")
        case = _NewCase(uid=upload.case_uid, station_id=station_id, number=upload.number)
        held.new_cases.append(case)
        _new_version(held, case, upload.snapshot, upload.version, now)
        clashes = []
    elif case.version == upload.synced_version:
        # Nothing happened at the hub since the station's base: its version replaces ours.
        _new_version(held, case, upload.snapshot, upload.version, now)
        clashes = []
    else:
        base = _agreed_content(session, case, upload.synced_version)
        if base is None:
            return _refuse_case(upload, case, "站点所记的已同步版本在中心不存在，请由中心安排整站重新同步。")
        clashes = _merge_into(session, held, case, base, upload, now)

    for change in new:
        body, body_sha256 = _body(change)
        held.new_changes[change.uid] = (case, dict(
            uid=change.uid, station_id=station_id, batch_uid=batch_uid, base_version=change.base_version,
            station_at=change.at, received_at=now, username=change.username, action=change.action, body=body,
            body_sha256=body_sha256,
        ))
    status = "conflict" if clashes else "accepted"
    answers = [
        protocol.ChangeAnswer(uid=c.uid, status="duplicate" if c.uid in known else status) for c in upload.changes
    ]
    return _answer(upload, case, status, clashes), answers


def _missing_attachments(session: Session, station_id: int, snapshot: dict) -> set[str]:
    """Attachments the case names that the hub does not hold whole: they go up before the changes."""
    named = {part.get("sha256") for part in snapshot.get("attachments", {}).values() if isinstance(part, dict)}
    named.discard(None)
    if not named:
        return set()
    held = set(session.scalars(
        select(Attachment.sha256).where(Attachment.station_id == station_id, Attachment.sha256.in_(named),
                                        Attachment.complete.is_(True))
    ))
    return named - held


def _agreed_content(session: Session, case: Case, version: int) -> dict | None:
    """The case as of the last version station and hub agreed on; before the first, it was empty
    (the station never heard back about the case, though the hub has it)."""
    if version == 0:
        return {}
    row = session.scalars(
        select(CaseVersion).where(CaseVersion.case_id == case.id, CaseVersion.version == version)
    ).one_or_none()
    return None if row is None else json.loads(row.content)


def _answer(upload: protocol.CaseUpload, case: Case | _NewCase, status: str, clashes) -> protocol.CaseAnswer:
    return protocol.CaseAnswer(
        case_uid=upload.case_uid,
        status=status,
        version=case.version,
        content_sha256=case.content_sha256,
        conflicts=[protocol.FieldConflict(field=c.path, station_value=c.station_value, hub_value=c.hub_value) for c in clashes],
    )


def _merge_into(session: Session, held: _Held, case: Case, base: dict, upload: protocol.CaseUpload,
                now: datetime) -> list:
    """The hub moved on since the station's base: merge field by field; the result goes down the feed
    unless it is exactly what the station holds."""
    merged, clashes = merge(base, upload.snapshot, json.loads(case.content), _settled(upload))
    first_change = upload.changes[0].uid
    # A case merged again from the same base finds the same clashes: each is kept once.
    kept = {tuple(row) for row in session.execute(
        select(Conflict.field, Conflict.station_value, Conflict.hub_value).where(Conflict.case_id == case.id)
    )}
    for clash in clashes:
        values = (clash.path, canonical_json(clash.station_value).decode(), canonical_json(clash.hub_value).decode())
        if values not in kept:
            session.add(Conflict(case_id=case.id, field=values[0], change_uid=first_change, at=now,
                                 station_value=values[1], hub_value=values[2]))
    if content_sha256(merged) == upload.content_sha256 and upload.version > case.version:
        _new_version(held, case, merged, upload.version, now)
    else:
        _new_version(held, case, merged, max(case.version, upload.version) + 1, now)
        feed.append(
            session, case.station_id, "case_update",
            {"case_uid": case.uid, "version": case.version, "content": merged, "content_sha256": case.content_sha256},
            now,
        )
    return clashes


def _settled(upload: protocol.CaseUpload) -> dict:
    """What the station's conflict resolutions settled: ``{path: the hub value the person saw}``
    (``resolve_conflict`` records ``{field: [old, new]}``, a case field under its own name)."""
    settled = {}
    for change in upload.changes:
        if change.action == "resolve_conflict":
            for key, value in change.changes.items():
                if isinstance(value, list) and len(value) == 2:
                    settled[key if "/" in key else f"case/{key}"] = value[0]
    return settled


def _new_version(held: _Held, case: Case | _NewCase, content: dict, version: int, now: datetime) -> None:
    stored = canonical_json(content)  # once: the text kept and the bytes hashed
    case.version = version
    case.content = stored.decode()
    case.content_sha256 = hashlib.sha256(stored).hexdigest()
    case.updated_at = now
    held.new_versions.append((case, dict(version=version, content=case.content, content_sha256=case.content_sha256, at=now)))
