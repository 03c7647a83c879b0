"""What the desk tells about backups: the last one's time, the folder's state; and who may restore."""

import os
from dataclasses import replace
from datetime import datetime

import pytest

from app.domain import clock
from app.domain.errors import IllegalTransition
from app.models.backup import run_to_end
from app.models.store import open_store
from app.services import queries
from app.services.backups import back_up, folder_state, last_backup_time, restore
from app.services.settings import StationSettings, save_settings
from tests.services.factories import register_complaint


def stamp(path, moment: datetime) -> None:
    os.utime(path, (moment.timestamp(), moment.timestamp()))


def use_folder(store, head, folder) -> None:
    save_settings(store, head, replace(StationSettings(), backup_folder=str(folder)))


def test_no_backup_yet_means_no_time(store):
    assert last_backup_time(store) is None


def test_the_newest_finished_backup_counts(store, station_paths):
    daily = store.backup("daily")
    manual = store.backup()
    stamp(daily, datetime(2026, 3, 2, 9, 30, tzinfo=clock.CHINA))
    stamp(manual, datetime(2026, 3, 1, 18, 5, tzinfo=clock.CHINA))
    when = last_backup_time(store)
    assert clock.format_local(when) == "2026-03-02 09:30"
    assert when.tzinfo is not None

    # Neither a half-written copy nor a store kept aside by a restore is a backup.
    for name in ("manual-20260305-100000.db.partial", "replaced-20260306-100000.db"):
        kept = station_paths.backups / name
        kept.write_bytes(b"")
        stamp(kept, datetime(2026, 3, 6, 10, 0, tzinfo=clock.CHINA))
    assert clock.format_local(last_backup_time(store)) == "2026-03-02 09:30"


def test_backups_in_the_configured_folder_count(store, head, tmp_path):
    folder = tmp_path / "备份盘"
    use_folder(store, head, folder)
    made = run_to_end(back_up(store, head))
    assert made.path.parent == folder and made.folder_problem == ""
    stamp(made.path, datetime(2026, 3, 3, 8, 0, tzinfo=clock.CHINA))
    before_migration = store.backup("before-migration-0003")  # always beside the store
    stamp(before_migration, datetime(2026, 3, 1, 8, 0, tzinfo=clock.CHINA))
    assert clock.format_local(last_backup_time(store)) == "2026-03-03 08:00"
    stamp(before_migration, datetime(2026, 3, 4, 8, 0, tzinfo=clock.CHINA))
    assert clock.format_local(last_backup_time(store)) == "2026-03-04 08:00"


def test_in_a_folder_shared_with_other_stations_only_this_stations_backups_count(store, head, tmp_path):
    nas = tmp_path / "nas"
    use_folder(store, head, nas)
    made = run_to_end(back_up(store, head))
    assert store.station_uid in made.path.name
    stamp(made.path, datetime(2026, 3, 3, 8, 0, tzinfo=clock.CHINA))
    other = "0b7e4a52-93c1-4d2e-8f0a-6c5d4e3b2a19"
    for name in (f"daily-{other}-20260305-200000.db", f"manual-{other}-20260305-210000.db", "daily-20260305-200000.db"):
        (nas / name).write_bytes(b"another station's backup")
        stamp(nas / name, datetime(2026, 3, 5, 20, 0, tzinfo=clock.CHINA))
    assert clock.format_local(last_backup_time(store)) == "2026-03-03 08:00"


def test_the_folder_problem_names_what_is_wrong(store, head, tmp_path):
    assert folder_state(store).problem == ""
    missing = tmp_path / "未插入的移动硬盘" / "备份"
    use_folder(store, head, missing)
    state = folder_state(store)
    assert "不存在" in state.problem and state.folder == missing


def test_only_the_head_may_restore_and_a_refusal_changes_nothing(store, station_paths, head, mediator):
    register_complaint(store, head)
    saved = store.backup()
    register_complaint(store, head)
    store.close()
    with pytest.raises(IllegalTransition, match="只有站长"):
        restore(station_paths, mediator, saved)
    assert not list(station_paths.backups.glob("replaced-*"))
    kept = restore(station_paths, head, saved)
    assert kept.name.startswith("replaced-") and kept.parent == station_paths.backups
    reopened = open_store(station_paths, daily_check=False)
    try:
        assert queries.count_cases(reopened) == 1
    finally:
        reopened.close()
