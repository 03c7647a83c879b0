"""The encrypted store: keys, the keyring rule, recovery, migrations, integrity."""

import sqlite3

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import text

from app import keystore
from app.domain.errors import StoreError, ValidationError
from app.models import migrate
from app.models.store import create_store, open_store, recover_store
from app.models.station_key import key_from_recovery_code, new_station_key, recovery_code
from app.paths import StationPaths
from app.services import queries


def test_store_file_is_encrypted_and_key_is_only_in_keyring(store, station_paths, memory_keyring):
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(station_paths.store).execute("SELECT * FROM sqlite_master").fetchall()
    (entry,) = memory_keyring.secrets
    key_hex = memory_keyring.secrets[entry]
    for path in station_paths.data_dir.rglob("*"):
        if path.is_file():
            assert key_hex.encode() not in path.read_bytes(), path
    assert not station_paths.demo_key.exists()


def test_store_runs_in_wal_mode_with_foreign_keys(store):
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_reopening_uses_the_key_from_the_keyring(store, station_paths):
    store.close()
    reopened = open_store(station_paths)
    assert queries.count_cases(reopened) == 0
    reopened.close()


def test_missing_keyring_backend_stops_with_a_clear_message(station_paths):
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(keystore.KeyringUnavailable, match="gnome-keyring"):
        create_store(station_paths)
    assert not station_paths.store.exists(), "nothing may be written without a safe place for the key"


def test_plain_text_keyring_is_refused(station_paths):
    class PlaintextKeyring(keyring.backend.KeyringBackend):
        priority = 1

        def get_password(self, service, username):
            return None

        def set_password(self, service, username, password):
            raise AssertionError("must never be called")

        def delete_password(self, service, username):
            pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    keyring.set_keyring(PlaintextKeyring())
    with pytest.raises(keystore.KeyringUnavailable):
        create_store(station_paths)


def test_demo_store_keeps_its_key_in_a_named_file_without_keyring(station_paths):
    keyring.set_keyring(fail.Keyring())
    store, _code = create_store(station_paths, demo=True)
    store.close()
    assert "NOT-SECRET" in station_paths.demo_key.name
    open_store(station_paths).close()


def test_wrong_key_is_reported_plainly(store, station_paths, memory_keyring):
    store.close()
    (entry,) = memory_keyring.secrets
    memory_keyring.secrets[entry] = new_station_key().hex()
    with pytest.raises(StoreError, match="密钥不对"):
        open_store(station_paths)


def test_lost_keyring_entry_points_to_recover(store, station_paths, memory_keyring):
    store.close()
    memory_keyring.secrets.clear()
    with pytest.raises(StoreError, match="recover"):
        open_store(station_paths)


def test_recovery_code_round_trip_and_typo_detection():
    key = new_station_key()
    code = recovery_code(key)
    assert len(code.split("-")) == 11
    assert key_from_recovery_code(code.lower().replace("-", " ")) == key
    typo = ("B" if code[0] != "B" else "C") + code[1:]
    with pytest.raises(ValidationError, match="恢复密钥"):
        key_from_recovery_code(typo)


def test_recover_on_a_new_pc_from_a_copied_store(tmp_path, memory_keyring):
    old = StationPaths(tmp_path / "old")
    store, code = create_store(old)
    store.close()
    memory_keyring.secrets.clear()  # the new PC's keyring knows nothing
    new = StationPaths(tmp_path / "new")
    recovered = recover_store(new, code, from_file=old.store)
    recovered.close()
    assert len(memory_keyring.secrets) == 1
    open_store(new).close()


def test_recover_with_a_wrong_code_changes_nothing(tmp_path, memory_keyring):
    old = StationPaths(tmp_path / "old")
    store, _code = create_store(old)
    store.close()
    other_code = recovery_code(new_station_key())
    new = StationPaths(tmp_path / "new")
    with pytest.raises(StoreError, match="不是本站的备份"):
        recover_store(new, other_code, from_file=old.store)
    assert not new.store.exists()


def test_database_from_a_newer_program_is_refused(store, station_paths):
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    with pytest.raises(StoreError, match="更新版本"):
        open_store(station_paths)


def test_store_is_at_the_newest_schema(store):
    assert migrate.current_revision(store.engine) == migrate.head_revision()


def test_damaged_file_is_refused_at_start(store, station_paths):
    store.close()
    data = bytearray(station_paths.store.read_bytes())
    for offset in range(4096 + 100, min(len(data), 4096 * 6), 997):
        data[offset] ^= 0xFF
    station_paths.store.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        open_store(station_paths)


def test_the_whole_file_is_checked_once_a_day_not_at_every_start(store, station_paths, monkeypatch):
    from app.models import store as store_module

    checks = []
    real_check = store_module.check_integrity
    monkeypatch.setattr(store_module, "check_integrity", lambda s: checks.append(1) or real_check(s))
    store.close()
    open_store(station_paths).close()
    open_store(station_paths).close()
    assert checks == [1]


def test_a_failed_unit_of_work_leaves_no_schema_change(store):
    from app.models.engine import writer

    with pytest.raises(RuntimeError):
        with writer(store.engine).begin() as conn:
            conn.execute(text("CREATE TABLE half_done (x INTEGER)"))
            raise RuntimeError("killed halfway")
    with store.engine.connect() as conn:
        tables = conn.execute(text("SELECT name FROM sqlite_master WHERE name = 'half_done'")).all()
    assert tables == []


def test_concurrent_registrations_never_share_a_number(store, head):
    from concurrent.futures import ThreadPoolExecutor

    from tests.services.factories import register_complaint

    with ThreadPoolExecutor(max_workers=4) as pool:
        ids = list(pool.map(lambda _: register_complaint(store, head), range(24)))
    numbers = [row.number for row in queries.list_cases(store, limit=100)]
    assert len(ids) == 24 and len(set(numbers)) == 24
