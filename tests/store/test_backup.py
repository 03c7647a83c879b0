"""Backups: daily with rotation, manual, and a restore that never loses the current store."""

from datetime import datetime, timedelta, timezone

import pytest

from app.domain import clock
from app.domain.errors import StoreError
from app.models import backup
from app.models.migrate import head_revision
from app.models.store import create_store, open_store, restore_store
from app.paths import StationPaths
from app.services import queries
from tests.services.factories import register_complaint


def _dailies(paths):
    return sorted(p.name for p in paths.backups.glob("daily-*.db"))


def test_opening_makes_one_daily_backup_per_day(store, station_paths):
    store.close()
    open_store(station_paths).close()
    open_store(station_paths).close()
    assert len(_dailies(station_paths)) == 1


def test_daily_backups_keep_the_newest_fourteen(store, station_paths, monkeypatch):
    store.close()
    start = datetime(2026, 11, 1, 12, tzinfo=timezone.utc)
    for day in range(20):
        monkeypatch.setattr(clock, "now", lambda d=day: start + timedelta(days=d))
        open_store(station_paths).close()
    names = _dailies(station_paths)
    assert len(names) == backup.KEEP_DAILY
    assert names[0].startswith("daily-20261107") and names[-1].startswith("daily-20261120")


def test_restore_brings_back_the_backup_and_keeps_the_current_store(store, station_paths, head):
    register_complaint(store, head)
    saved = store.backup()
    register_complaint(store, head)
    assert queries.count_cases(store) == 2
    store.close()

    kept = restore_store(station_paths, saved)

    restored = open_store(station_paths)
    assert queries.count_cases(restored) == 1
    restored.close()
    # The replaced store is kept whole and can itself be restored.
    restore_store(station_paths, kept)
    again = open_store(station_paths)
    assert queries.count_cases(again) == 2
    again.close()


def test_a_backup_of_another_station_is_refused_and_nothing_changes(store, station_paths, head, tmp_path):
    register_complaint(store, head)
    other, _code = create_store(StationPaths(tmp_path / "other"))
    other_backup = other.backup()
    other.close()
    store.close()
    before = station_paths.store.read_bytes()
    with pytest.raises(StoreError, match="不是本站的备份"):
        restore_store(station_paths, other_backup)
    assert station_paths.store.read_bytes() == before
    assert not list(station_paths.backups.glob("replaced-*"))


def test_missing_backup_file_is_named(store, station_paths, tmp_path):
    store.close()
    with pytest.raises(StoreError, match="找不到备份文件"):
        restore_store(station_paths, tmp_path / "nope.db")


def test_backup_never_leaves_a_half_file_under_the_real_name(store, station_paths, monkeypatch):
    def broken_backup(*args, **kwargs):
        raise OSError("disk full")

    made_before = set(station_paths.backups.glob("*.db")) if station_paths.backups.exists() else set()
    monkeypatch.setattr(backup, "_connect", lambda path, key: _Failing(path))
    with pytest.raises(OSError):
        store.backup()
    assert set(station_paths.backups.glob("*.db")) == made_before


class _Failing:
    def __init__(self, path):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"partial")

    def backup(self, target):
        raise OSError("disk full")

    def close(self):
        pass


def test_backup_to_a_folder_makes_a_new_file_and_never_overwrites(store, station_paths, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    made = store.backup_to(folder)
    assert made.parent == folder and made.name.startswith("manual-")
    precious = tmp_path / "notes.txt"
    precious.write_text("keep me")
    with pytest.raises(StoreError, match="不会覆盖"):
        store.backup_to(precious)
    with pytest.raises(StoreError, match="不会覆盖"):
        store.backup_to(station_paths.store)
    assert precious.read_text() == "keep me"
    assert not list(tmp_path.rglob("*.partial"))


def test_restore_is_refused_while_the_store_is_open(store, station_paths):
    saved = store.backup()
    with pytest.raises(StoreError, match="正在使用"):
        restore_store(station_paths, saved)
    assert queries.count_cases(store) == 0  # the open store is untouched and still works


def test_a_backup_from_a_newer_program_is_refused_before_anything_is_replaced(store, station_paths):
    from sqlalchemy import text

    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    newer = store.backup()
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :head"), {"head": head_revision()})
    store.close()
    before = station_paths.store.read_bytes()
    with pytest.raises(StoreError, match="更新版本"):
        restore_store(station_paths, newer)
    assert station_paths.store.read_bytes() == before
