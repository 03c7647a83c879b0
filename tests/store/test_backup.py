"""Backups: daily with rotation, manual, and a restore that never loses the current store."""

import errno
import logging
import threading
import uuid
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from app.domain import clock
from app.domain.errors import StoreError
from app.models import backup
from app.models import store as store_module
from app.models.migrate import head_revision
from app.models.store import create_store, daily_check_due, daily_check_steps, open_store, restore_store
from app.paths import StationPaths
from app.services import queries
from app.services.settings import StationSettings, save_settings
from tests.services.factories import register_complaint


def _dailies(paths):
    return sorted(p.name for p in paths.backups.glob("daily-*.db"))


def _days(folder, station_uid):
    """The days (YYYYMMDD) of the station's daily backups in ``folder``, oldest first."""
    prefix = f"daily-{station_uid}-"
    return sorted(p.name.removeprefix(prefix)[:8] for p in folder.glob(f"{prefix}*.db"))


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
    days = _days(station_paths.backups, store.station_uid)
    assert len(days) == len(_dailies(station_paths)) == backup.DEFAULT_KEEP == 14
    assert days[0] == "20261107" and days[-1] == "20261120"


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
    made_before = set(station_paths.backups.glob("*.db")) if station_paths.backups.exists() else set()
    real_connect = backup._connect
    monkeypatch.setattr(backup, "_connect", lambda path, key: _FailingCopy(real_connect(path, key), path))
    with pytest.raises(backup.BackupFailed, match="No space left on device") as failed:
        store.backup()
    (written,) = _FailingCopy.written
    assert written.name.endswith(".db.partial") and written.parent == station_paths.backups
    assert written.name.removesuffix(".partial") in str(failed.value)  # the message names the file
    assert set(station_paths.backups.glob("*.db")) == made_before
    assert not list(station_paths.backups.glob("*.partial"))


class _FailingCopy:
    """A connection whose copy writes part of the backup, then fails as a full disk would."""

    written: list = []

    def __init__(self, conn, path):
        self._conn = conn
        self._path = path

    def execute(self, *args):
        return self._conn.execute(*args)

    def backup(self, target, **kwargs):
        # ``target`` is the backup's connection: its file is the one the copy writes.
        target._path.write_bytes(b"partial")
        _FailingCopy.written = [target._path]
        raise OSError(errno.ENOSPC, "No space left on device")

    def close(self):
        self._conn.close()


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


# --- the station's settings: where backups go, how many daily ones are kept ----------------------


def _set_backups(store, head, folder="", keep=14):
    save_settings(store, head, replace(StationSettings(), backup_folder=str(folder), backup_keep=keep))


def _open_on_day(station_paths, monkeypatch, day: int):
    start = datetime(2026, 11, 1, 12, tzinfo=timezone.utc)
    monkeypatch.setattr(clock, "now", lambda: start + timedelta(days=day))
    open_store(station_paths).close()


def test_the_daily_backup_goes_to_the_configured_folder_and_keeps_the_configured_number(
    store, station_paths, head, tmp_path, monkeypatch
):
    folder = tmp_path / "备份盘"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a backup")
    (folder / "manual-20261101-090000.db").write_bytes(b"made by hand")
    _set_backups(store, head, folder, keep=3)
    store.close()
    for day in range(6):
        _open_on_day(station_paths, monkeypatch, day)
    assert _days(folder, store.station_uid) == ["20261104", "20261105", "20261106"]
    # The rotation drops old daily backups and nothing else; the data folder gets none.
    assert (folder / "notes.txt").exists() and (folder / "manual-20261101-090000.db").exists()
    assert _dailies(station_paths) == []


def test_a_changed_retention_applies_at_the_next_daily_backup(store, station_paths, head, monkeypatch):
    store.close()
    for day in range(5):
        _open_on_day(station_paths, monkeypatch, day)
    assert len(_dailies(station_paths)) == 5
    reopened = open_store(station_paths, daily_check=False)
    _set_backups(reopened, head, keep=2)
    reopened.close()
    _open_on_day(station_paths, monkeypatch, 5)
    assert _days(station_paths.backups, store.station_uid) == ["20261105", "20261106"]


def test_an_unusable_folder_never_costs_the_backup(store, station_paths, head, tmp_path, caplog):
    # A removable disk that is not plugged in: the folder's parent is missing too.
    missing = tmp_path / "移动硬盘" / "备份"
    _set_backups(store, head, missing)
    caplog.set_level(logging.WARNING, logger="app.models.backup")

    made = backup.run_to_end(daily_check_steps(store))

    assert made.path.parent == station_paths.backups
    assert made.path.exists() and made.path.name.startswith("daily-")
    assert "不存在" in made.folder_problem and made.folder == missing
    assert str(missing) in caplog.text
    # Not made on the local disk under the missing disk's name.
    assert not missing.parent.exists()
    # Today's backup exists, in the fallback, so the next start does not make another one.
    assert not daily_check_due(store)


def test_stations_sharing_a_backup_folder_keep_and_count_only_their_own(
    store, station_paths, head, tmp_path, monkeypatch
):
    nas = tmp_path / "nas"
    nas.mkdir()
    other = str(uuid.uuid4())
    # Another station's backups, of every day this one opens on: daily and manual ones, and
    # daily ones named as before names carried the station's ID.
    theirs = [nas / f"daily-{other}-202611{day:02d}-200000.db" for day in range(1, 9)]
    theirs += [nas / f"daily-202611{day:02d}-193000.db" for day in range(1, 9)]
    theirs += [nas / f"manual-{other}-20261101-090000.db"]
    for path in theirs:
        path.write_bytes(b"another station's backup")
    _set_backups(store, head, nas, keep=3)
    store.close()

    for day in range(6):
        _open_on_day(station_paths, monkeypatch, day)

    # Its own daily backup was made every day, though another station's of that day was there,
    # and the rotation kept its newest three and deleted nothing of the other station's.
    assert _days(nas, store.station_uid) == ["20261104", "20261105", "20261106"]
    assert all(path.exists() for path in theirs)
    assert len(list(nas.glob("*.db"))) == len(theirs) + 3


def test_daily_backups_named_before_the_station_id_still_count_and_rotate_in_the_data_folder(
    store, station_paths, head, monkeypatch
):
    _set_backups(store, head, keep=2)
    store.close()
    station_paths.backups.mkdir(exist_ok=True)
    old = [station_paths.backups / f"daily-202611{day:02d}-200000.db" for day in (1, 2, 3)]
    for path in old:
        path.write_bytes(b"a daily backup named as before")

    _open_on_day(station_paths, monkeypatch, 2)  # 2026-11-03: the old-style one is today's
    assert _days(station_paths.backups, store.station_uid) == []

    _open_on_day(station_paths, monkeypatch, 3)
    assert _days(station_paths.backups, store.station_uid) == ["20261104"]
    assert [path.exists() for path in old] == [False, False, True]


def test_a_file_in_place_of_the_folder_is_named_as_such(store, head, tmp_path):
    _set_backups(store, head, tmp_path / "备份盘")
    # Settings refuse a file; this one took the folder's place after it was set.
    (tmp_path / "备份盘").write_text("a file")
    made = backup.run_to_end(store.backup_steps())
    assert made.folder_problem == "这是一个文件，不是文件夹"
    assert made.path.parent == store.paths.backups


def test_a_missing_folder_whose_parent_exists_is_made(store, head, tmp_path):
    folder = tmp_path / "新建的备份文件夹"
    _set_backups(store, head, folder)
    made = backup.run_to_end(store.backup_steps())
    assert made.path.parent == folder and made.folder_problem == ""


def test_settings_rows_that_cannot_be_used_read_as_the_defaults(tmp_path):
    fallback = tmp_path / "backups"
    assert backup.read_policy(None, None, fallback) == backup.BackupPolicy(fallback, fallback, 14)
    assert backup.read_policy("relative/folder", "zero", fallback) == backup.BackupPolicy(fallback, fallback, 14)
    assert backup.read_policy(str(tmp_path / "usb"), "-3", fallback).keep == 14
    assert backup.read_policy(str(tmp_path / "usb"), "30", fallback) == backup.BackupPolicy(
        tmp_path / "usb", fallback, 30
    )


def test_the_policy_reads_the_settings_as_the_settings_dialog_accepts_them(tmp_path):
    fallback = tmp_path / "backups"
    # A number the dialog refuses (1–365) is not kept either, nor a folder with a control character.
    assert backup.read_policy(None, "9999", fallback).keep == 14
    assert backup.read_policy(None, "365", fallback).keep == 365
    assert backup.read_policy(f"{tmp_path}/\x07bell", None, fallback).folder == fallback
    # Stored text is read as the dialog saves it: without the spaces around it.
    assert backup.read_policy(f"  {tmp_path / 'usb'}  ", None, fallback).folder == tmp_path / "usb"


# --- the daily check ------------------------------------------------------------------------------


def _damage(paths):
    """Flip bytes in the last pages, where the cases are; the first pages (schema) stay whole."""
    data = bytearray(paths.store.read_bytes())
    for offset in range(len(data) - 4096 * 3 + 100, len(data) - 100, 997):
        data[offset] ^= 0xFF
    paths.store.write_bytes(bytes(data))


def test_a_damaged_store_is_refused_before_its_backup_could_push_a_good_one_out(
    store, station_paths, head, monkeypatch
):
    for _ in range(30):
        register_complaint(store, head)
    _set_backups(store, head, keep=2)
    store.close()
    for day in range(2):
        _open_on_day(station_paths, monkeypatch, day)
    good = _dailies(station_paths)
    _damage(station_paths)

    damaged = open_store(station_paths, daily_check=False)  # the key and the schema still read
    try:
        monkeypatch.setattr(clock, "now", lambda: datetime(2026, 11, 5, 12, tzinfo=timezone.utc))
        steps = daily_check_steps(damaged)
        assert next(steps) == backup.Step(backup.Stage.CHECK, 0, None)
        with pytest.raises(StoreError, match="完整性检查未通过.*restore"):
            next(steps)
    finally:
        damaged.close()
    assert _dailies(station_paths) == good


def test_the_daily_check_runs_the_check_then_reports_the_copy_page_by_page(store, monkeypatch):
    monkeypatch.setattr(backup, "PAGES_PER_STEP", 5)
    order = []
    real_check = store_module.check_integrity
    monkeypatch.setattr(store_module, "check_integrity", lambda s: order.append("checked") or real_check(s))
    steps = []
    made = None
    gen = daily_check_steps(store)
    while made is None:
        try:
            steps.append(next(gen))
            order.append(steps[-1].stage.value)
        except StopIteration as stop:
            made = stop.value
    # Told first that the check runs (it cannot say how far it is), then checked, then copied.
    assert order[:3] == ["check", "checked", "copy"]
    copies = [step for step in steps if step.stage is backup.Stage.COPY]
    assert len(copies) > 2
    assert [step.done for step in copies] == sorted(step.done for step in copies)
    assert copies[-1].done == copies[-1].total
    assert made.path.name.startswith("daily-")


# --- copying page by page -------------------------------------------------------------------------


def test_a_backup_stopped_halfway_leaves_no_file(store, station_paths, tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "PAGES_PER_STEP", 2)
    dest = tmp_path / "copy.db"
    steps = backup.backup_steps(station_paths.store, store._key, dest)
    first = next(steps)
    assert 0 < first.done < first.total
    steps.close()
    assert not dest.exists() and not list(tmp_path.glob("*.partial"))
    assert not [thread for thread in threading.enumerate() if thread.name == "store-backup"]


def test_a_backup_is_one_snapshot_while_the_desk_writes(store, station_paths, head, tmp_path, monkeypatch):
    register_complaint(store, head)
    monkeypatch.setattr(backup, "PAGES_PER_STEP", 2)
    dest = tmp_path / "copy.db"
    steps = backup.backup_steps(station_paths.store, store._key, dest)
    done = [next(steps).done]
    register_complaint(store, head)  # written between two steps of the copy
    while True:
        try:
            done.append(next(steps).done)
        except StopIteration:
            break
    # Without a snapshot, SQLite would start the copy over after the write.
    assert done == sorted(done)
    assert queries.count_cases(store) == 2
    store.close()
    restore_store(station_paths, dest)
    restored = open_store(station_paths, daily_check=False)
    try:
        assert queries.count_cases(restored) == 1
    finally:
        restored.close()
