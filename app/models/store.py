"""Creating, opening and recovering a station's encrypted store.

The key lives in the OS keyring under the station's ID, which ``station.json`` beside the store
records (it holds no secret). A demo station, which holds no real data, keeps its key in a
clearly named file instead, so the desk can be tried on a machine without a keyring.
"""

import json
import logging
import shutil
import uuid
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session

from app import keystore
from app.domain import clock
from app.domain.errors import StoreError
from app.models import backup, migrate
from app.models.attachment_backup import mirror_attachments, restore_attachments
from app.models.backup import BackupMade, BackupPolicy, Step
from app.models.engine import (
    check_key,
    integrity_problems,
    make_engine,
    session_factory,
    writer,
)
from app.models.station import Setting
from app.models.station_key import (
    key_from_recovery_code,
    new_station_key,
    recovery_code,
)
from app.models.store_lock import StoreLock
from app.paths import StationPaths

log = logging.getLogger(__name__)

IDENTITY_FORMAT = "mediation-desk-station/1"
STATION_UID_SETTING = "station_uid"


class Store:
    """An open station store. Use ``session()`` for one short unit of work."""

    def __init__(self, paths: StationPaths, key: bytes, station_uid: str):
        self.paths = paths
        self.station_uid = station_uid
        self._key = key
        self._lock = StoreLock(paths.lock)
        self._lock.acquire(exclusive=False)
        self.engine = make_engine(paths.store, key)
        self._writing = session_factory(writer(self.engine))
        self._reading = session_factory(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work that writes: it holds the write lock from the start, commits when
        the block ends and rolls back on any error."""
        with self._writing.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A unit of work that only reads: one consistent snapshot, no lock held."""
        with self._reading.begin() as session:
            yield session

    def derived_key(self, purpose: bytes) -> bytes:
        """A 256-bit key for ``purpose`` (HKDF-SHA256 of the store key, ``purpose`` as info), so
        files kept beside the store are encrypted without the store's own key leaving it."""
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(self._key)

    def backup(self, label: str = "manual") -> Path:
        """A backup in the data folder's ``backups``, whatever the settings say: the store's own
        safety copy (before a migration), kept beside it."""
        return backup.make_backup(self.paths.store, self._key, self.paths.backups, label)

    def backup_to(self, dest: Path) -> Path:
        made = backup.backup_file(self.paths.store, self._key, dest)
        mirror_attachments(self.paths.attachments, made.parent)
        return made

    def backup_policy(self) -> BackupPolicy:
        """Where backups go and how many daily ones are kept, as the station's settings say."""
        with self.reading() as session:
            rows = dict(
                session.execute(
                    select(Setting.key, Setting.value).where(
                        Setting.key.in_((backup.FOLDER_SETTING, backup.KEEP_SETTING))
                    )
                ).all()
            )
        return backup.read_policy(
            rows.get(backup.FOLDER_SETTING), rows.get(backup.KEEP_SETTING), fallback=self.paths.backups
        )

    def backup_steps(self, label: str = "manual") -> Generator[Step, None, BackupMade]:
        """A backup into the station's backup folder (or the fallback), yielding its progress;
        its name carries the station's ID, since the folder may be shared with other stations."""
        made = yield from backup.backup_into(self.paths.store, self._key, self.backup_policy(), label, self.station_uid)
        mirror_attachments(self.paths.attachments, made.path.parent)
        return made

    def daily_backup_steps(self) -> Generator[Step, None, BackupMade]:
        """Today's backup into the station's backup folder, then the rotation of its own."""
        made = yield from backup.daily_backup_steps(self.paths.store, self._key, self.backup_policy(), self.station_uid)
        mirror_attachments(self.paths.attachments, made.path.parent)
        return made

    def close(self) -> None:
        self.engine.dispose()
        self._lock.release()


@contextmanager
def exclusive_use(paths: StationPaths) -> Iterator[None]:
    """Hold the store for replacing it: refused while anyone has it open."""
    lock = StoreLock(paths.lock)
    lock.acquire(exclusive=True)
    try:
        yield
    finally:
        lock.release()


def _write_identity(paths: StationPaths, station_uid: str, demo: bool) -> None:
    paths.identity.write_text(
        json.dumps({"format": IDENTITY_FORMAT, "uid": station_uid, "demo": demo}, indent=2),
        encoding="utf-8",
    )


def _read_identity(paths: StationPaths) -> dict:
    try:
        identity = json.loads(paths.identity.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(
            f"{paths.data_dir} 下没有本站标识文件 station.json。"
            "如在新电脑上恢复，请使用 mediation-desk recover。"
        ) from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"本站标识文件 station.json 无法读取：{exc}") from None
    if identity.get("format") != IDENTITY_FORMAT or not identity.get("uid"):
        raise StoreError("本站标识文件 station.json 格式不对。")
    return identity


def create_store(paths: StationPaths, *, demo: bool = False) -> tuple[Store, str]:
    """Make a new, empty, migrated store. Returns it with the recovery code to show once.

    A real station's key goes to the keyring, checked before anything is written.
    """
    if paths.store.exists():
        raise StoreError(f"{paths.store} 已存在，不会覆盖。")
    if not demo:
        keystore.require_keyring()
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    station_uid = str(uuid.uuid4())
    key = new_station_key()
    if demo:
        paths.demo_key.write_text(
            "演示站点的数据库密钥。演示站点不含真实数据，所以密钥放在这里；真实站点的密钥只保存在系统密钥环中。\n"
            "Demo station key. A demo holds no real data; a real station keeps its key only in the OS keyring.\n"
            f"{key.hex()}\n",
            encoding="utf-8",
        )
    else:
        keystore.save_station_key(station_uid, key)
    _write_identity(paths, station_uid, demo)
    store = Store(paths, key, station_uid)
    migrate.upgrade(store.engine, store.backup)
    with store.session() as session:
        # Kept inside the store too, so a recovery on a new PC can rebuild station.json.
        session.add(Setting(key=STATION_UID_SETTING, value=station_uid))
    log.info("created station store %s (demo=%s)", paths.store, demo)
    return store, recovery_code(key)


def discard_unfinished_store(store: Store) -> None:
    """Remove a store that ``create_store`` just made, when setting it up failed: it holds
    nothing yet, and leaving it would block the next attempt."""
    store.close()
    _delete_station_files(store.paths)
    keystore.forget_station_key(store.station_uid)


def remove_demo_store(paths: StationPaths) -> None:
    """Delete a demo station's files, refusing anything that is not clearly a demo."""
    identity = _read_identity(paths)
    if not identity.get("demo") or not paths.demo_key.exists():
        raise StoreError(f"{paths.data_dir} 是真实站点，不能按演示站点删除。")
    with exclusive_use(paths):
        _delete_station_files(paths)


def _delete_station_files(paths: StationPaths) -> None:
    """The store, its WAL files, identity, demo key, backups and attachments; never the folder or its logs."""
    for suffix in ("", "-wal", "-shm"):
        paths.store.with_name(paths.store.name + suffix).unlink(missing_ok=True)
    paths.identity.unlink(missing_ok=True)
    paths.demo_key.unlink(missing_ok=True)
    if paths.backups.exists():
        shutil.rmtree(paths.backups)
    if paths.attachments.exists():
        shutil.rmtree(paths.attachments)


def _demo_key(paths: StationPaths) -> bytes:
    try:
        return bytes.fromhex(paths.demo_key.read_text(encoding="utf-8").splitlines()[-1].strip())
    except (OSError, ValueError, IndexError):
        raise StoreError(f"演示站点的密钥文件 {paths.demo_key.name} 缺失或已损坏。") from None


def read_station_key(paths: StationPaths) -> tuple[str, bytes]:
    """The station's UID and store key, from this PC's keyring (the demo key for a demo station)."""
    identity = _read_identity(paths)
    if identity.get("demo"):
        return identity["uid"], _demo_key(paths)
    key = keystore.load_station_key(identity["uid"])
    if key is None:
        raise StoreError(
            "本机的系统密钥环中没有本站数据库的密钥。如果这是新电脑，"
            "请由站长使用恢复密钥运行 mediation-desk recover。"
        )
    return identity["uid"], key


def open_store(paths: StationPaths, *, daily_check: bool = True) -> Store:
    """Open an existing store: the key and the schema, and with ``daily_check`` the day's check
    and backup too, here and now, when they are due (the commands do this).

    The desk opens with ``daily_check=False`` and runs ``daily_check_steps`` as a background task
    before anyone signs in: the check and the backup each read the whole file (the check took
    23–36 s on a 200,000-case station, see docs/benchmarks.md).
    """
    if not paths.store.exists():
        raise StoreError(f"{paths.data_dir} 下没有站点数据库。")
    uid, key = read_station_key(paths)
    store = _open_checked(paths, key, uid, full_check=False)
    if daily_check:
        try:
            if daily_check_due(store):
                backup.run_to_end(daily_check_steps(store))
        except BaseException:
            store.close()
            raise
    return store


def daily_check_due(store: Store) -> bool:
    """True at the first start of each day: no daily backup has been made today."""
    return backup.daily_backup_due(store.backup_policy(), store.station_uid, clock.now())


def daily_check_steps(store: Store) -> Generator[Step, None, BackupMade]:
    """The daily check (每日检查): SQLite's quick check over the whole file, then today's backup.

    A damaged store raises StoreDamaged before its backup is made, so a damaged copy can never
    push a good one out of the rotation; a backup that cannot be written raises another
    StoreError (``backup.BackupFailed``, say), and the store itself is sound. The check cannot
    tell how far it is; the backup yields the pages it has copied.
    """
    yield Step(backup.Stage.CHECK, 0, None)
    check_integrity(store)
    return (yield from store.daily_backup_steps())


DAMAGED = "本站数据库完整性检查未通过，为免扩大损坏，已停止打开。请用 mediation-desk restore 从备份恢复。"


class StoreDamaged(StoreError):
    """The store failed its integrity check: it must not be used, or backed up, until restored."""


def check_integrity(store: Store) -> None:
    """SQLite's quick check over the whole file; StoreDamaged if anything is wrong."""
    problems = integrity_problems(store.engine)
    if problems:
        raise StoreDamaged(f"{DAMAGED}问题：{'; '.join(problems[:3])}")


def _open_checked(paths: StationPaths, key: bytes, station_uid: str, *, full_check: bool) -> Store:
    """Open the store, checking the whole file first when ``full_check`` or when a migration is
    pending: a migration writes to the file, and must never write to a damaged one."""
    store = Store(paths, key, station_uid)
    try:
        check_key(store.engine)
        if full_check or _migration_pending(store):
            check_integrity(store)
        migrate.upgrade(store.engine, store.backup)
    except Exception as exc:
        store.close()
        # Without the full check, a damaged page may first show up here, reading the schema's
        # version; a locked or unreadable file (OperationalError) is not damage.
        if isinstance(exc, DatabaseError) and not isinstance(exc, OperationalError):
            raise StoreDamaged(f"{DAMAGED}问题：{exc.orig}") from None
        raise
    return store


def _migration_pending(store: Store) -> bool:
    """True when ``migrate.upgrade`` would change the file (a newer schema it refuses is not)."""
    current = migrate.current_revision(store.engine)
    return current != migrate.head_revision() and (current is None or migrate.is_known_revision(current))


def recover_store(paths: StationPaths, code: str, *, from_file: Path | None = None) -> Store:
    """Open a store on a new PC with the recovery code and put its key into this PC's keyring.

    ``from_file`` is a store or backup file to bring in first (refused if a store is already there),
    with the attachment files kept beside it.
    """
    key = key_from_recovery_code(code)
    keystore.require_keyring()
    if from_file is not None:
        if paths.store.exists():
            raise StoreError(f"{paths.store} 已存在；请换一个空的数据目录进行恢复。")
        backup.verify_backup(from_file, key)
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        backup.backup_file(from_file, key, paths.store)
        restore_attachments(from_file, paths.attachments)
    if not paths.store.exists():
        raise StoreError(f"{paths.data_dir} 下没有站点数据库；请用 --from 指定要恢复的数据库或备份文件。")
    store = _open_checked(paths, key, station_uid="", full_check=True)
    with store.session() as session:
        setting = session.get(Setting, STATION_UID_SETTING)
    if setting is None:
        store.close()
        raise StoreError("数据库中没有站点标识，无法恢复。")
    store.station_uid = setting.value
    keystore.save_station_key(store.station_uid, key)
    _write_identity(paths, store.station_uid, demo=False)
    log.info("station %s recovered on this PC", store.station_uid)
    return store


def restore_store(paths: StationPaths, source: Path, *, key: tuple[str, bytes] | None = None) -> Path | None:
    """Replace the store with a backup, and bring back the attachment files kept beside it that
    the data folder lacks. The current store is kept aside; returns where.

    ``key``: what ``read_station_key`` gives, when the caller read it already (the desk reads the
    keyring on its UI thread: not every keyring backend may be used from another thread)."""
    uid, key = key or read_station_key(paths)
    with exclusive_use(paths):
        kept = backup.restore_file(paths.store, key, source, paths.backups)
    restore_attachments(source, paths.attachments)
    _open_checked(paths, key, uid, full_check=True).close()
    return kept
