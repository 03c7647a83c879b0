"""What the desk tells about backups: when the newest one was made."""

from datetime import datetime
from pathlib import Path

from app.domain import clock
from app.paths import StationPaths

# Kept aside by a restore ("replaced-…"): a copy of the store as it was, not a backup anyone made.
_NOT_BACKUPS = ("replaced-",)


def last_backup_time(paths: StationPaths) -> datetime | None:
    """When the newest finished backup in the station's backup folder was written (its file's
    modification time, in Beijing time), or None if there is none.

    Daily and manual backups count (``*.db``); an unfinished copy (``.partial``) and a store kept
    aside by a restore do not. Backups written elsewhere (``backup --to``) are not seen. One
    directory listing and one ``stat`` per file: cheap enough to call at each refresh.
    """
    return _newest(paths.backups)


def _newest(folder: Path) -> datetime | None:
    newest: float | None = None
    try:
        candidates = list(folder.glob("*.db"))
    except OSError:
        return None
    for path in candidates:
        if path.name.startswith(_NOT_BACKUPS):
            continue
        try:
            stat = path.stat()
        except OSError:  # removed by the rotation while we looked
            continue
        if newest is None or stat.st_mtime > newest:
            newest = stat.st_mtime
    return None if newest is None else datetime.fromtimestamp(newest, tz=clock.CHINA)
