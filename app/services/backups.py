"""Backups as the desk offers them: a backup now, a restore, when the last one was made, and
whether the station's backup folder can be used."""

import logging
from collections.abc import Generator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.domain import clock
from app.domain.errors import IllegalTransition
from app.models import backup
from app.models.backup import BackupMade, Step
from app.models.store import Store, restore_store
from app.paths import StationPaths
from app.services.actor import Actor

log = logging.getLogger(__name__)

# Kept aside by a restore ("replaced-…"): a copy of the store as it was, not a backup anyone made.
_NOT_BACKUPS = ("replaced-",)

HEAD_ONLY_MESSAGE = "只有站长可以从备份恢复。"


def back_up(store: Store, actor: Actor) -> Generator[Step, None, BackupMade]:
    """A backup now (立即备份) into the station's backup folder, yielding the pages copied.

    Anyone signed in may make one. When the folder cannot be used the backup goes into the
    data folder's ``backups`` and the result says why.
    """
    log.info("backup requested by %s (user %s)", actor.username, actor.user_id)
    return store.backup_steps()


def restore(paths: StationPaths, actor: Actor, source: Path, *, key: tuple[str, bytes] | None = None) -> Path | None:
    """Replace the store with the backup ``source`` (从备份恢复); only the station head may.

    The store must be closed (the restore needs it to itself). Returns where the replaced
    store was kept aside, in the data folder's ``backups``.
    """
    if not actor.is_head:
        raise IllegalTransition(HEAD_ONLY_MESSAGE)
    kept = restore_store(paths, source, key=key)
    log.info("store restored from %s by %s (user %s); previous kept at %s", source, actor.username, actor.user_id, kept)
    return kept


@dataclass(frozen=True)
class FolderState:
    """The station's backup folder as set, and why it cannot be used now ("" when it can;
    backups then go into the data folder's ``backups``)."""

    folder: Path
    problem: str


def backup_folder(store: Store) -> Path:
    """The station's backup folder as set (the data folder's ``backups`` unless the head set one)."""
    return store.backup_policy().folder


def folder_state(store: Store) -> FolderState:
    """The backup folder and whether it can be used, from one reading of the settings."""
    folder = backup_folder(store)
    return FolderState(folder, backup.folder_problem(folder))


def last_backup_time(store: Store) -> datetime | None:
    """When the station's newest finished backup was written (its file's modification time, in
    Beijing time), or None if there is none.

    The data folder's ``backups`` is the station's own: every backup in it counts (a backup goes
    there before a migration, and when the configured folder could not be used). The configured
    folder may be shared with other stations (a NAS): there only the backups named with this
    station's ID count. An unfinished copy (``.partial``) and a store kept aside by a restore do
    not count, nor backups written elsewhere (``backup --to``). A listing and one ``stat`` per
    file: cheap enough to call at each refresh.
    """
    policy = store.backup_policy()
    candidates = [path for path in _listing(policy.fallback) if not path.name.startswith(_NOT_BACKUPS)]
    if policy.folder != policy.fallback:
        candidates += backup.station_backups(policy.folder, store.station_uid)
    times = []
    for path in candidates:
        try:
            times.append(path.stat().st_mtime)
        except OSError:  # removed by the rotation while we looked
            continue
    return datetime.fromtimestamp(max(times), tz=clock.CHINA) if times else None


def _listing(folder: Path) -> list[Path]:
    try:
        return list(folder.glob("*.db"))
    except OSError:
        return []
