"""Field-level three-way merge of a case: what the station changed, what the hub changed, since
the last version both agreed on. A field changed on both sides to different values is a conflict.

Cases travel as nested dicts (collections keyed by their UIDs), so a field's path, such as
``parties/<uid>/phone``, names it exactly. Lists are single values (the agreement's clauses).
"""

from dataclasses import dataclass
from typing import Any


class _Absent:
    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()  # a path one side does not have (a removed attachment, say)


@dataclass(frozen=True)
class FieldClash:
    path: str
    station_value: Any
    hub_value: Any


def flatten(content: dict, prefix: str = "") -> dict[str, Any]:
    flat = {}
    for key, value in content.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            flat.update(flatten(value, path + "/"))
        else:
            flat[path] = value
    return flat


def unflatten(flat: dict[str, Any]) -> dict:
    content: dict = {}
    for path, value in flat.items():
        *parents, leaf = path.split("/")
        node = content
        for key in parents:
            node = node.setdefault(key, {})
        node[leaf] = value
    return content


def merge(base: dict, station: dict, hub: dict, resolutions: dict[str, Any] | None = None) -> tuple[dict, list[FieldClash]]:
    """The hub's case with the station's changes since ``base``; clashing fields keep the hub's value.

    ``resolutions``: fields a person at the station settled in a conflict, with the hub's value they
    saw (``{path: value}``). Where the hub still holds that value, it stands as the base for the
    field, so the person's choice counts as the station's change even where it equals ``base``."""
    base_flat, station_flat, hub_flat = flatten(base), flatten(station), flatten(hub)
    for path, seen in (resolutions or {}).items():
        if hub_flat.get(path, ABSENT) == seen:
            base_flat[path] = seen
    merged = dict(hub_flat)
    clashes = _removed_and_changed(base_flat, station_flat, hub_flat)
    settled = {_part_of(clash.path) for clash in clashes}
    for path in sorted(set(station_flat) | set(base_flat)):
        if _part_of(path) in settled:
            continue  # the hub's part stays as it is, whole
        theirs = station_flat.get(path, ABSENT)
        before = base_flat.get(path, ABSENT)
        if theirs == before:
            continue  # the station did not touch it
        ours = hub_flat.get(path, ABSENT)
        if ours in (before, theirs):
            if theirs is ABSENT:
                merged.pop(path, None)
            else:
                merged[path] = theirs
        else:
            clashes.append(FieldClash(path, None if theirs is ABSENT else theirs, None if ours is ABSENT else ours))
    return unflatten(merged), sorted(clashes, key=lambda clash: clash.path)


def _part_of(path: str) -> str:
    """The part a field belongs to (``parties/<uid>`` for ``parties/<uid>/phone``)."""
    return path.rpartition("/")[0]


def _parts(flat: dict[str, Any]) -> dict[str, dict[str, Any]]:
    parts: dict[str, dict[str, Any]] = {}
    for path, value in flat.items():
        parts.setdefault(_part_of(path), {})[path] = value
    return parts


def _removed_and_changed(base_flat: dict, station_flat: dict, hub_flat: dict) -> list[FieldClash]:
    """Parts (a party, an attachment) one side removed while the other changed them. Merged field
    by field, the unchanged fields would go and the changed ones stay: half a part. Instead the
    part is settled as a whole, the hub's way, and each field the other side changed is a clash."""
    station_parts, hub_parts = _parts(station_flat), _parts(hub_flat)
    clashes = []
    for part, before in _parts(base_flat).items():
        theirs, ours = station_parts.get(part), hub_parts.get(part)
        if not part or (theirs is None) == (ours is None):
            continue  # top-level fields, or kept (or removed) on both sides
        kept = theirs if ours is None else ours
        if kept == before:
            continue  # removed on one side, untouched on the other: an ordinary removal
        for path in sorted(set(before) | set(kept)):
            if kept.get(path, ABSENT) != before.get(path, ABSENT):
                value = kept.get(path)
                clashes.append(FieldClash(path, value if ours is None else None, value if theirs is None else None))
    return clashes
