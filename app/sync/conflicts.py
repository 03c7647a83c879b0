"""A person settles a sync conflict (同步冲突): for each field the hub and the station hold
different values for, keep the station's or take the hub's.

The chosen value is written like any other change of the case: through ``app.services.changes``,
as one history row (action ``resolve_conflict``) when it differs from what the case holds now,
so it goes up at the next sync as a new change. A field whose chosen value is already the
case's (the hub's value that came down since, say) needs no change; its conflict is only marked
resolved.

One exception: keeping the station's value against a hub version the station never took in (a
conflict found on download, while the case had unsent changes). The case already holds that
value, but the hub holds its own: so the choice is recorded all the same, as a change from the
hub's value to the station's, and goes up with the case. Without it nothing would say that a
person chose, and the hub's value would come down unnoticed at the next sync.

Field paths (``case/request``, ``parties/<uid>/phone``) map to rows and columns the way the hub's
updates do (``app.sync.hub_versions``).
"""

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import clock
from app.domain.errors import DeskError, IllegalTransition
from app.models.case import Case, Party
from app.models.store import Store
from app.models.sync_state import SyncConflict, SyncedCase
from app.services.actor import Actor
from app.services.case_access import load_case
from app.services.changes import record
from app.services.search import refresh_search_text
from app.sync.hub_versions import ABSENT, field_target, flat_content, local_value, set_field
from app.sync.snapshot import case_snapshot

log = logging.getLogger(__name__)

KEEP_STATION = "station"
TAKE_HUB = "hub"
CHOICES = (KEEP_STATION, TAKE_HUB)


@dataclass(frozen=True)
class ConflictField:
    """One field in conflict, with both values as the wire carries them (JSON values).

    Attributes:
        path: the field's path, ``case/<field>`` or ``<part>/<uid>/<field>``.
        section: ``case`` or the part's name (``parties``, ``sessions`` …).
        name: the field's own name (``request``, ``phone``).
        party_role, party_name: for a party's field, whose it is (from the station's row; empty
            when only the hub has that party).
        station_value, hub_value: the two values when the conflict was found (None: not set).
        current_value: what the case holds now (it may have taken the hub's value since).
        hub_value_applicable: whether the hub's value can be set here at all (not for a part only
            the hub has, nor for a reference the station does not know).
        found_at: when the conflict was found (the latest time, if found more than once).
    """

    path: str
    section: str
    name: str
    party_role: str
    party_name: str
    station_value: Any
    hub_value: Any
    current_value: Any
    hub_value_applicable: bool
    found_at: datetime


def _open_rows(session: Session, case_id: int) -> dict[str, SyncConflict]:
    """The latest unresolved conflict row of each field (a field can be found in conflict twice)."""
    rows = session.scalars(
        select(SyncConflict)
        .where(SyncConflict.case_id == case_id, SyncConflict.resolved_at.is_(None))
        .order_by(SyncConflict.id)
    )
    return {row.field: row for row in rows}


def _applicable(session: Session, case: Case, path: str, value: Any) -> bool:
    """Whether ``value`` could be set at ``path`` (a username unknown here, say, cannot be)."""
    target = field_target(session, case, path)
    if target is None:
        return False
    return value is None or local_value(session, target[1], value) is not ABSENT


def open_conflicts(store: Store, case_id: int) -> list[ConflictField]:
    """The case's unresolved conflicts, one per field, in path order (the case's own fields first)."""
    with store.reading() as session:
        case = load_case(session, case_id)
        rows = _open_rows(session, case_id)
        if not rows:
            return []
        current = flat_content(case_snapshot(session, case))
        parties = {p.uid: p for p in session.scalars(select(Party).where(Party.case_id == case_id))}
        fields = []
        for path, row in rows.items():
            section, *rest = path.split("/")
            party = parties.get(rest[0]) if section == "parties" and len(rest) == 2 else None
            hub_value = json.loads(row.hub_value)
            fields.append(
                ConflictField(
                    path=path,
                    section=section,
                    name=rest[-1] if rest else path,
                    party_role=party.role if party else "",
                    party_name=party.name if party else "",
                    station_value=json.loads(row.station_value),
                    hub_value=hub_value,
                    current_value=current.get(path),
                    hub_value_applicable=_applicable(session, case, path, hub_value),
                    found_at=row.found_at,
                )
            )
    return sorted(fields, key=lambda f: (f.section != "case", f.path))


def open_conflict_count(store: Store, case_id: int) -> int:
    """How many fields of the case are in unresolved conflict."""
    with store.reading() as session:
        return session.scalar(
            select(func.count(func.distinct(SyncConflict.field))).where(
                SyncConflict.case_id == case_id, SyncConflict.resolved_at.is_(None)
            )
        )


def _may_resolve(actor: Actor, case: Case) -> None:
    if not actor.is_head and case.mediator_id != actor.user_id:
        raise IllegalTransition("只有站长或本案的承办调解员可以处理此案的同步冲突。")


def resolve(store: Store, actor: Actor, case_id: int, choices: dict[str, str]) -> dict[str, list]:
    """Settle the named fields: ``{path: "station" | "hub"}``. Returns the changes recorded
    (``{field: [old, new]}``; empty when every chosen value was the case's already and the hub
    had seen it).

    All or nothing: a choice that cannot be applied leaves the case and every conflict as they were.
    """
    if not choices:
        raise DeskError("请为每个冲突字段选择“保留本站”或“采用中心”。")
    with store.session() as session:
        case = load_case(session, case_id)
        _may_resolve(actor, case)
        rows = _open_rows(session, case_id)
        synced = session.get(SyncedCase, case_id)
        synced_version = synced.synced_version if synced is not None else 0
        current = flat_content(case_snapshot(session, case))
        changes: dict[str, list] = {}
        for path, choice in sorted(choices.items()):
            row = rows.get(path)
            if row is None:
                raise DeskError(f"字段 {path} 没有待处理的同步冲突（可能已被处理），请重新打开。")
            if choice not in CHOICES:
                raise DeskError(f"字段 {path} 的处理方式无效：{choice}")
            chosen = json.loads(row.station_value if choice == KEEP_STATION else row.hub_value)
            before = current.get(path, ABSENT)
            # A case field is recorded under its own name, as an edit is; a part's field by its path.
            key = path.removeprefix("case/") if path.startswith("case/") else path
            if before == chosen or (before is ABSENT and chosen is None):
                if choice == KEEP_STATION and row.hub_version > synced_version:
                    # Found on download: the hub holds its value in a version this case never took in.
                    changes[key] = [json.loads(row.hub_value), chosen]
                continue
            if not set_field(session, case, path, chosen):
                raise DeskError(f"字段 {path} 不能在本站改为所选的值（本站没有这一部分或所指的人员），未作任何更改。")
            changes[key] = [None if before is ABSENT else before, chosen]
        if changes:
            refresh_search_text(case)
            record(session, case, actor, "resolve_conflict", changes)
        now = clock.now()
        for row in session.scalars(
            select(SyncConflict).where(
                SyncConflict.case_id == case_id,
                SyncConflict.field.in_(list(choices)),
                SyncConflict.resolved_at.is_(None),
            )
        ):
            row.resolved_at = now
    log.info("%s resolved sync conflicts of case %s: %s", actor.username, case_id, sorted(choices.items()))
    return changes
