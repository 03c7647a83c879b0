"""The time of the last backup, as the status bar shows it."""

import os
from datetime import datetime

from app.domain import clock
from app.services.backups import last_backup_time


def stamp(path, moment: datetime) -> None:
    os.utime(path, (moment.timestamp(), moment.timestamp()))


def test_no_backup_folder_means_no_backup(station_paths):
    assert last_backup_time(station_paths) is None


def test_the_newest_finished_backup_counts(store, station_paths):
    daily = store.backup("daily")
    manual = store.backup()
    stamp(daily, datetime(2026, 3, 2, 9, 30, tzinfo=clock.CHINA))
    stamp(manual, datetime(2026, 3, 1, 18, 5, tzinfo=clock.CHINA))
    when = last_backup_time(station_paths)
    assert clock.format_local(when) == "2026-03-02 09:30"
    assert when.tzinfo is not None

    # Neither a half-written copy nor a store kept aside by a restore is a backup.
    for name in ("manual-20260305-100000.db.partial", "replaced-20260306-100000.db"):
        kept = station_paths.backups / name
        kept.write_bytes(b"")
        stamp(kept, datetime(2026, 3, 6, 10, 0, tzinfo=clock.CHINA))
    assert clock.format_local(last_backup_time(station_paths)) == "2026-03-02 09:30"
