"""Taking the hub's version of a case (after the hub merged edits from two copies of the store).

Only a case without unsent local changes is changed, and only the fields that differ; the change
is recorded in the history like any other (by "bureau"), and receipted at once, since it came from
the hub. What cannot be applied field by field (a part only one side has) becomes a conflict for
the user, as does every difference on a case with unsent changes.

How a field path maps to a row and column here (``flat_content``, ``field_target``, ``set_field``,
``local_value``) is shared with the user's conflict resolution (``app.sync.conflicts``).
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, Date, Integer, select
from sqlalchemy.orm import Session

from app.models.base import Base
from app.models.case import Case
from app.models.station import User
from app.models.sync_state import SyncConflict, SyncedCase, SyncReceipt
from app.models.types import Money, UtcDateTime
from app.services.actor import Actor
from app.services.changes import record
from app.sync.canonical import canonical_json, content_sha256
from app.sync.outbox import confirm, has_unsent_changes
from app.sync.snapshot import PARTS, case_snapshot

# A path one side does not have; also what local_value() answers for a value that cannot be set.
ABSENT = object()


def flat_content(content: dict) -> dict[str, Any]:
    """``{"case/state": …, "parties/<uid>/phone": …}``: one entry per field."""
    flat = {}
    for section, values in content.items():
        if section == "case":
            flat.update({f"case/{name}": value for name, value in values.items()})
        else:
            for uid, fields in values.items():
                flat.update({f"{section}/{uid}/{name}": value for name, value in fields.items()})
    return flat


def apply_hub_version(session: Session, case: Case, update: dict, now: datetime, actor: Actor) -> int:
    """Apply the hub's ``content`` at ``version`` to ``case``; returns the number of conflicts."""
    hub_content, version, hub_sha = update["content"], update["version"], update["content_sha256"]
    synced = session.get(SyncedCase, case.id)
    if synced is not None and version <= synced.synced_version:
        # The hub has confirmed this version or a later one since it queued this update (the
        # station uploaded in between): applying it would put older content back.
        return 0
    local = flat_content(case_snapshot(session, case))
    hub = flat_content(hub_content)
    differing = sorted(path for path in local.keys() | hub.keys() if local.get(path, ABSENT) != hub.get(path, ABSENT))
    if not differing:
        confirm(session, case, version, hub_sha)
        return 0
    if has_unsent_changes(session, case.id):
        return _conflicts(session, case, differing, local, hub, version, now)
    leftovers, changes = [], {}
    for path in differing:
        if set_field(session, case, path, hub.get(path)):
            changes[path] = [local.get(path), hub.get(path)]
        else:
            leftovers.append(path)
    if changes:
        entry = record(session, case, actor, "hub_update", changes)
        session.add(SyncReceipt(change_uid=entry.uid, case_id=case.id, status="from_hub", reason="", at=now))
    session.flush()
    if not leftovers and content_sha256(case_snapshot(session, case)) == hub_sha:
        confirm(session, case, version, hub_sha)  # the hub's numbering from here on
        return 0
    return _conflicts(session, case, leftovers, local, hub, version, now)


def _conflicts(session, case, paths, local, hub, version, now) -> int:
    for path in paths:
        session.add(SyncConflict(
            case_id=case.id, field=path, hub_version=version, found_at=now,
            station_value=canonical_json(local.get(path)).decode(), hub_value=canonical_json(hub.get(path)).decode(),
        ))
    return len(paths)


def field_target(session: Session, case: Case, path: str) -> tuple[Base, Column] | None:
    """The row and column a field path (``case/request``, ``parties/<uid>/phone``) names here;
    None for a part only the hub has, or for a column that is bookkeeping, not case content."""
    parts = path.split("/")
    if parts[0] == "case" and len(parts) == 2:
        row, name = case, parts[1]
    elif parts[0] in PARTS and len(parts) == 3:
        model = PARTS[parts[0]]
        row = session.scalars(select(model).where(model.uid == parts[1], model.case_id == case.id)).first()
        name = parts[2]
        if row is None:
            return None  # a part only the hub has
    else:
        return None
    column = row.__table__.columns.get(name)
    if column is None or name in ("id", "uid", "case_id", "version"):
        return None
    return row, column


def set_field(session: Session, case: Case, path: str, value: Any) -> bool:
    """Set one field of the case or of one of its parts; False when that cannot be done here."""
    target = field_target(session, case, path)
    if target is None:
        return False
    row, column = target
    stored = local_value(session, column, value)
    if stored is ABSENT:
        return False
    setattr(row, column.key, stored)
    return True


def local_value(session: Session, column, value: Any) -> Any:
    """The wire value as the column stores it (usernames back to user IDs, ISO text to dates)."""
    if value is None:
        return None
    for key in column.foreign_keys:
        if key.column.table.name == "users":
            user_id = session.scalars(select(User.id).where(User.username == value)).first()
            return ABSENT if user_id is None else user_id
        return ABSENT  # other references are not changed from the hub
    kind = column.type
    if isinstance(kind, Money):
        return Decimal(value)
    if isinstance(kind, UtcDateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if isinstance(kind, Integer) and isinstance(value, bool):
        return ABSENT
    return value
