"""A case as it travels to the hub: every field and every part, keyed by IDs that mean the same
on both sides (UIDs for rows, usernames for people), in a form whose hash both sides agree on.

Collections are dicts keyed by UID, so each field has a stable path for the hub's field-level
merge (``parties/<uid>/phone``). Empty values are left out: a cleared field and a never-set one
are the same thing to the hub.
"""

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.archive import Attachment, IssuedDocument
from app.models.base import Base
from app.models.case import Case, Party
from app.models.station import User
from app.models.workflow import ClockPause, FollowUp, MediationSession, Proposal
from app.services.changes import plain
from app.sync.canonical import content_sha256

# Columns that say nothing about the case itself, or that are derived from it here.
_BOOKKEEPING = {"id", "uid", "case_id", "version", "search_text", "created_at", "updated_at", "business_id", "pdf"}

# The parts of a case, under the name each travels by.
PARTS: dict[str, type[Base]] = {
    "parties": Party,
    "sessions": MediationSession,
    "pauses": ClockPause,
    "follow_ups": FollowUp,
    "proposals": Proposal,
    "attachments": Attachment,
    "documents": IssuedDocument,
}


class _References:
    """Local row IDs in foreign keys, turned into what the hub knows them by."""

    def __init__(self, session: Session, case: Case):
        self.usernames = dict(session.execute(select(User.id, User.username)).all())
        self.case_uids = {case.id: case.uid}
        if case.linked_case_id is not None:
            self.case_uids[case.linked_case_id] = session.get(Case, case.linked_case_id).uid
        self.part_uids: dict[str, dict[int, str]] = {}

    def value(self, table: str, column, raw: Any) -> Any:
        if raw is None:
            return None
        for key in column.foreign_keys:
            target = key.column.table.name
            if target == "users":
                return self.usernames.get(raw)
            if target == "cases":
                return self.case_uids.get(raw)
            return self.part_uids.get(target, {}).get(raw)
        return plain(raw)


def _values(row: Base, references: _References) -> dict:
    values = {}
    for column in row.__table__.columns:
        if column.key in _BOOKKEEPING:
            continue
        value = references.value(row.__table__.name, column, getattr(row, column.key))
        if value is not None:
            values[column.key] = value
    return values


def case_snapshot(session: Session, case: Case) -> dict:
    references = _References(session, case)
    rows = {name: session.scalars(select(model).where(model.case_id == case.id).order_by(model.id)).all()
            for name, model in PARTS.items()}
    for name, model in PARTS.items():
        references.part_uids[model.__tablename__] = {row.id: row.uid for row in rows[name]}
    snapshot: dict[str, Any] = {"case": _values(case, references)}
    for name, part_rows in rows.items():
        if part_rows:
            snapshot[name] = {row.uid: _values(row, references) for row in part_rows}
    return snapshot


def case_content_sha256(session: Session, case: Case) -> str:
    return content_sha256(case_snapshot(session, case))
