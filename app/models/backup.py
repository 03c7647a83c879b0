"""Backups through SQLite's online backup API, the daily rotation, and restore.

A backup is encrypted with the station key like the store itself, so it is only of use on a PC
that has the key (or with the recovery code).
"""

import logging
import os
import shutil
from datetime import datetime
from pathlib import Path

import sqlcipher3

from app.domain import clock
from app.domain.errors import StoreError
from app.models import migrate
from app.models.engine import raw_key_pragma

log = logging.getLogger(__name__)

DAILY_PREFIX = "daily-"
KEEP_DAILY = 14


def _connect(path: Path, key: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path))
    conn.execute(f'PRAGMA key = "{raw_key_pragma(key)}"')
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def _stamp(moment: datetime) -> str:
    return moment.astimezone(clock.CHINA).strftime("%Y%m%d-%H%M%S")


def _new_name(folder: Path, label: str) -> Path:
    """``label-YYYYMMDD-HHMMSS.db``, with a counter when one is already there: never overwrite."""
    stem = f"{label}-{_stamp(clock.now())}"
    path = folder / f"{stem}.db"
    count = 1
    while path.exists():
        count += 1
        path = folder / f"{stem}-{count}.db"
    return path


def backup_file(store: Path, key: bytes, dest: Path) -> Path:
    """Copy the live store to ``dest`` while others may be writing (SQLite online backup).

    ``dest`` may be a folder (a new name is made in it); an existing file is never overwritten.
    """
    if dest.is_dir():
        dest = _new_name(dest, "manual")
    if dest.exists() or dest.resolve() == store.resolve():
        raise StoreError(f"{dest} 已存在，备份不会覆盖它；请换一个文件名或文件夹。")
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    try:
        source = _connect(store, key)
        try:
            target = _connect(partial, key)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        # Only a finished copy gets the real name, so a crash never leaves a half backup behind.
        os.replace(partial, dest)
    finally:
        partial.unlink(missing_ok=True)
    log.info("backup written to %s", dest)
    return dest


def make_backup(store: Path, key: bytes, folder: Path, label: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return backup_file(store, key, _new_name(folder, label))


def daily_backup_due(folder: Path, now: datetime) -> bool:
    today = now.astimezone(clock.CHINA).strftime("%Y%m%d")
    return not any(folder.glob(f"{DAILY_PREFIX}{today}-*.db"))


def daily_backup(store: Path, key: bytes, folder: Path) -> Path | None:
    """Make today's backup if there is none yet, then keep only the newest 14 daily ones."""
    if not daily_backup_due(folder, clock.now()):
        return None
    made = make_backup(store, key, folder, DAILY_PREFIX.rstrip("-"))
    dailies = sorted(folder.glob(f"{DAILY_PREFIX}*.db"))
    for old in dailies[:-KEEP_DAILY]:
        old.unlink()
        log.info("dropped old daily backup %s", old.name)
    return made


def verify_backup(path: Path, key: bytes) -> None:
    """Raise StoreError unless ``path`` is a sound store readable with this station's key."""
    if not path.is_file():
        raise StoreError(f"找不到备份文件：{path}")
    conn = _connect(path, key)
    try:
        result = conn.execute("PRAGMA quick_check").fetchall()
        conn.execute("SELECT count(*) FROM cases").fetchone()
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlcipher3.DatabaseError:
        raise StoreError(f"{path.name} 不是本站的备份（无法用本站密钥读取，或文件已损坏）。") from None
    finally:
        conn.close()
    if result != [("ok",)]:
        raise StoreError(f"{path.name} 已损坏，不能用于恢复：{result[0][0]}")
    if not migrate.is_known_revision(revision):
        raise StoreError(f"{path.name} 来自更新版本的程序（数据结构版本 {revision}），请先升级调解台再恢复。")


def restore_file(store: Path, key: bytes, source: Path, folder: Path) -> Path | None:
    """Replace the store with a verified backup; the current store is first kept aside.

    Returns the path where the replaced store was kept (None if there was none). The caller must
    have closed every connection to ``store``.
    """
    verify_backup(source, key)
    folder.mkdir(parents=True, exist_ok=True)
    kept = None
    if store.exists():
        kept = _new_name(folder, "replaced")
        # Fold the WAL into the main file so the kept copy is complete on its own.
        conn = _connect(store, key)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlcipher3.DatabaseError:
            log.warning("current store unreadable; keeping it aside as it is")
        finally:
            conn.close()
        shutil.copy2(store, kept)
        for suffix in ("-wal", "-shm"):
            side = store.with_name(store.name + suffix)
            if side.exists():
                shutil.copy2(side, kept.with_name(kept.name + suffix))
                side.unlink()
    incoming = store.with_name(store.name + ".restoring")
    shutil.copy2(source, incoming)
    os.replace(incoming, store)
    log.info("store restored from %s; previous store kept at %s", source, kept)
    return kept
