"""The desk's own icons, drawn as SVG in ``resources/icons``: sharp at any size and screen scale.

``icon(name)`` loads ``resources/icons/<name>.svg`` once and keeps it. The deadline states have
their own helper, since the list, the case view and today's work all mark deadlines alike; so do
the cases' sync states (the list and the sync panel).
"""

import logging
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

from app.domain.deadlines import DeadlineState
from app.paths import resources_dir
from app.services.sync_status import SyncState

log = logging.getLogger(__name__)

# Each state has its own shape too (tick, clock, exclamation mark, bars), not only its colour.
DEADLINE_ICONS = {
    DeadlineState.ON_TIME: "deadline-ok",
    DeadlineState.DUE_SOON: "deadline-soon",
    DeadlineState.OVERDUE: "deadline-overdue",
    DeadlineState.PAUSED: "deadline-paused",
}

# A cloud for each, with its own mark (tick, arrow up, arrows meeting, cross), not only its colour.
SYNC_ICONS = {
    SyncState.SYNCED: "synced",
    SyncState.PENDING: "pending",
    SyncState.CONFLICT: "conflict",
    SyncState.REJECTED: "rejected",
}


def icons_dir() -> Path:
    return resources_dir() / "icons"


@cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (a file name without ``.svg``); an empty icon if the file is missing,
    so a packaging mistake costs a picture, not the desk."""
    path = icons_dir() / f"{name}.svg"
    if not path.is_file():
        log.warning("icon %r not found at %s", name, path)
        return QIcon()
    return QIcon(str(path))


def deadline_icon(state: DeadlineState) -> QIcon:
    return icon(DEADLINE_ICONS[state])


def sync_icon(state: SyncState) -> QIcon:
    return icon(SYNC_ICONS[state])
