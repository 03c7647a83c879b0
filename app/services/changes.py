"""Every change to a case goes through here: it sets the fields, bumps the case version and
appends one history row saying who, when, what, and the old and new values."""

import json
import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import clock
from app.models.case import Case
from app.models.history import HistoryEntry
from app.models.workflow import Proposal
from app.services.actor import Actor


def plain(value: Any) -> Any:
    """A value as JSON can hold it, the same way every time (history and sync compare these)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def set_fields(case: Case, fields: dict[str, Any]) -> dict[str, list]:
    """Assign the fields that differ; return ``{field: [old, new]}`` for those."""
    changed = {}
    for name, new in fields.items():
        new = new.value if isinstance(new, Enum) else new
        old = getattr(case, name)
        if old != new:
            setattr(case, name, new)
            changed[name] = [plain(old), plain(new)]
    return changed


def record(session: Session, case: Case, actor: Actor, action: str, changes: dict[str, Any]) -> HistoryEntry:
    """Append the history row for ``changes`` made to ``case`` and move its version on."""
    now = clock.now()
    entry = HistoryEntry(
        uid=str(uuid.uuid4()),
        case_id=case.id,
        at=now,
        user_id=actor.user_id,
        username=actor.username,
        action=action,
        base_version=case.version,
        changes=json.dumps(plain(changes), ensure_ascii=False, sort_keys=True),
    )
    case.version += 1
    case.updated_at = now
    session.add(entry)
    return entry


def change(session: Session, case: Case, actor: Actor, action: str, fields: dict[str, Any], /, **extra: Any) -> dict:
    """Set ``fields`` on the case and record them, with any ``extra`` facts of the step.

    A step that moves the case to another state settles any proposal still waiting for the
    head: it was made for a state the case has left.
    """
    changes = set_fields(case, fields)
    changes.update(extra)
    if "state" in changes:
        superseded = _supersede_open_proposals(session, case, actor)
        if superseded:
            changes["proposals_superseded"] = superseded
    record(session, case, actor, action, changes)
    return changes


def _supersede_open_proposals(session: Session, case: Case, actor: Actor) -> list[int]:
    open_ones = session.scalars(select(Proposal).where(Proposal.case_id == case.id, Proposal.decision.is_(None)))
    superseded = []
    for proposal in open_ones:
        proposal.decision = "superseded"
        proposal.decided_by = actor.user_id
        proposal.decided_at = clock.now()
        superseded.append(proposal.id)
    return superseded
