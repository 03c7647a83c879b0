"""Backups through SQLite's online backup API, the daily rotation, and restore.

A backup is encrypted with the station key like the store itself, so it is only of use on a PC
that has the key (or with the recovery code).

Where backups go is the station's setting (站点设置：备份文件夹、备份保留份数). A configured
folder that cannot be used (a removable disk not plugged in, a network share not connected, no
right to write) never costs the backup: it is written into the data folder's ``backups``
instead, and the caller is told why, to tell the user.

Several stations may share one backup folder (a NAS): what a station writes there is named
``<label>-<station uid>-YYYYMMDD-HHMMSS.db``, and it counts and rotates only its own. The data
folder's ``backups`` is the station's alone; the daily backups named before names carried the
station's ID (``daily-YYYYMMDD-HHMMSS.db``) are still counted and rotated there.
"""

import logging
import os
import queue
import re
import shutil
import tempfile
import threading
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TypeVar

import sqlcipher3

from app.domain import clock, validators
from app.domain.errors import StoreError, ValidationError
from app.models import migrate
from app.models.engine import raw_key_pragma

log = logging.getLogger(__name__)

DAILY_LABEL = "daily"
DEFAULT_KEEP = 14
# What the settings dialog accepts (站点设置); a stored value outside it reads as the default.
KEEP_RANGE = (1, 365)
FOLDER_MAX_LENGTH = 1000

# The end of a backup's name: when it was made (``_new_name``), and a counter for a second one
# in the same second.
_STAMPED = r"(\d{8})-(\d{6})(?:-(\d+))?\.db"

# The station's backup settings, as keys of the ``settings`` table (edited in 站点设置).
FOLDER_SETTING = "desk.backup_folder"
KEEP_SETTING = "desk.backup_keep"

# Pages copied between two progress reports: 16 MiB of 4 KiB pages, about 90 reports for a
# 200,000-case store (1.43 GB).
PAGES_PER_STEP = 4096

T = TypeVar("T")


class BackupFailed(StoreError):
    """A backup could not be written (a full disk, a folder gone or read-only); the store is untouched."""


class Stage(Enum):
    CHECK = "check"
    COPY = "copy"


@dataclass(frozen=True)
class Step:
    """How far a check or a backup has got, for a progress bar.

    Attributes:
        stage: checking the whole file, or copying it.
        done: pages copied so far (0 while checking).
        total: pages in all, or None while checking: SQLite's check cannot tell how far it is.
    """

    stage: Stage
    done: int
    total: int | None


@dataclass(frozen=True)
class BackupPolicy:
    """Where backups go and how many daily ones are kept.

    Attributes:
        folder: the configured folder (the data folder's ``backups`` unless the head set one).
        fallback: the data folder's ``backups``, used when ``folder`` cannot be.
        keep: how many daily backups are kept in the folder they are written to.
    """

    folder: Path
    fallback: Path
    keep: int = DEFAULT_KEEP


@dataclass(frozen=True)
class BackupMade:
    """A finished backup.

    Attributes:
        path: the backup file.
        folder: the station's backup folder as set, read once for this backup.
        folder_problem: "" when it went into ``folder``; otherwise why that folder could not be
            used (the backup then went into the data folder's ``backups``).
    """

    path: Path
    folder: Path
    folder_problem: str = ""


def read_policy(folder_text: str | None, keep_text: str | None, fallback: Path) -> BackupPolicy:
    """The policy from the two settings as stored; a value that cannot be used reads as its
    default (the settings dialog refuses such values, so only a hand-edited row gets here).
    This is the one reading of the two settings: everything that backs up, rotates or shows
    the backup folder asks the store for its policy."""
    return BackupPolicy(_read_folder(folder_text, fallback), fallback, _read_keep(keep_text))


def _read_folder(text: str | None, fallback: Path) -> Path:
    if not text:
        return fallback
    try:
        text = validators.text(text, field=FOLDER_SETTING, label="备份文件夹", max_length=FOLDER_MAX_LENGTH)
    except ValidationError as error:
        log.warning("backup folder %r cannot be used (%s); backups go to %s", text, error, fallback)
        return fallback
    if not Path(text).is_absolute():
        log.warning("backup folder %r is not a full path; backups go to %s", text, fallback)
        return fallback
    return Path(text)


def _read_keep(text: str | None) -> int:
    if text is None:
        return DEFAULT_KEEP
    low, high = KEEP_RANGE
    try:
        keep = int(text)
    except ValueError:
        keep = 0
    if not low <= keep <= high:
        log.warning("backup_keep %r cannot be used; keeping %d", text, DEFAULT_KEEP)
        return DEFAULT_KEEP
    return keep


def folder_problem(folder: Path) -> str:
    """Why backups cannot be written into ``folder`` now; "" when they can.

    A missing folder is made, but not its parents: a missing parent usually means a removable
    disk or network share that is not there, and backups written onto the local disk under its
    name would look, wrongly, as if they were safe on it.
    """
    try:
        folder.mkdir(exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except FileNotFoundError:
        return "文件夹不存在（移动硬盘未插入，或网络位置未连接？）"
    except (FileExistsError, NotADirectoryError):
        return "这是一个文件，不是文件夹"
    except OSError as exc:
        return f"无法写入（{exc.strerror or exc}）"
    return ""


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


def run_to_end(steps: Generator[Step, None, T]) -> T:
    """Drive a generator of steps to its end without showing them; its result."""
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value


class _CopyStopped(Exception):
    """Raised in the backup's progress callback to stop the copy."""


def _copy_pages(store: Path, key: bytes, target: Path) -> Iterator[Step]:
    """SQLite's online backup of ``store`` into ``target``, yielding after every step.

    The driver's ``backup()`` runs all the steps in one call and reports through a callback,
    so the copy runs on a thread of its own and hands each report over to this generator, one
    at a time (it waits until the last one was taken); the copy can then be driven, and
    stopped, like any other long piece of work. The source holds one read transaction for the
    whole copy, so the copy is one snapshot even while the desk writes: without it, SQLite
    starts a stepped backup over after every write by another connection, and a busy desk
    could keep it from ever finishing.
    """
    reports: queue.Queue[Step | None] = queue.Queue(maxsize=1)
    stop = threading.Event()
    failure: list[BaseException] = []

    def report(_status: int, remaining: int, total: int) -> None:
        if stop.is_set():
            raise _CopyStopped
        reports.put(Step(Stage.COPY, total - remaining, total))

    def copy() -> None:
        try:
            source = _connect(store, key)
            try:
                source.execute("BEGIN")
                source.execute("SELECT count(*) FROM sqlite_master").fetchone()
                copy_to = _connect(target, key)
                try:
                    source.backup(copy_to, pages=PAGES_PER_STEP, progress=report)
                finally:
                    copy_to.close()
            finally:
                source.close()
        except _CopyStopped:
            pass
        except BaseException as exc:  # noqa: BLE001 - handed over to the generator, which raises it
            failure.append(exc)
        finally:
            reports.put(None)

    thread = threading.Thread(target=copy, name="store-backup")
    thread.start()
    step = reports.get()
    try:
        while step is not None:
            yield step
            step = reports.get()
    finally:
        # Also when the caller stops listening: the copy stops at its next step. What it still
        # hands over is taken, so it is never left waiting, until it has ended.
        stop.set()
        while step is not None:
            step = reports.get()
        thread.join()
    if failure:
        raise failure[0]


def backup_steps(store: Path, key: bytes, dest: Path) -> Generator[Step, None, Path]:
    """Copy the live store to ``dest`` while others may be writing, yielding the pages copied.

    ``dest`` may be a folder (a new name is made in it); an existing file is never overwritten.
    Only a finished copy gets the real name: a crash, an error or a caller that stops the
    generator early leaves no file behind.
    """
    if dest.is_dir():
        dest = _new_name(dest, "manual")
    if dest.exists() or dest.resolve() == store.resolve():
        raise StoreError(f"{dest} 已存在，备份不会覆盖它；请换一个文件名或文件夹。")
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    try:
        yield from _copy_pages(store, key, partial)
        os.replace(partial, dest)
    except (OSError, sqlcipher3.OperationalError) as exc:
        # SQLite reports a full disk or an unwritable file as an OperationalError.
        reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
        raise BackupFailed(f"无法写入备份文件 {dest}：{reason}。请检查磁盘空间和文件夹的写入权限。") from exc
    finally:
        partial.unlink(missing_ok=True)
    log.info("backup written to %s", dest)
    return dest


def backup_file(store: Path, key: bytes, dest: Path) -> Path:
    """``backup_steps`` without progress."""
    return run_to_end(backup_steps(store, key, dest))


def make_backup(store: Path, key: bytes, folder: Path, label: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return backup_file(store, key, _new_name(folder, label))


def backup_into(
    store: Path, key: bytes, policy: BackupPolicy, label: str, station_uid: str
) -> Generator[Step, None, BackupMade]:
    """A new backup ``label-<station uid>-….db`` in the policy's folder, or in its fallback when
    the folder cannot be used (logged, and told in the result)."""
    folder = policy.folder
    problem = folder_problem(folder)
    if problem and folder == policy.fallback:
        raise StoreError(f"无法写入备份文件夹 {folder}：{problem}")
    if problem:
        log.warning("backup folder %s cannot be used (%s); backing up to %s", folder, problem, policy.fallback)
        folder = policy.fallback
        folder.mkdir(parents=True, exist_ok=True)
    path = yield from backup_steps(store, key, _new_name(folder, f"{label}-{station_uid}"))
    return BackupMade(path, policy.folder, problem)


def daily_backup_due(policy: BackupPolicy, station_uid: str, now: datetime) -> bool:
    """True until this station's backup of today exists, in the configured folder or (when that
    could not be used) in the fallback."""
    today = now.astimezone(clock.CHINA).strftime("%Y%m%d")
    return not any(
        day == today
        for folder in {policy.folder, policy.fallback}
        for day, _path in _dailies(folder, station_uid, old_names=folder == policy.fallback)
    )


def daily_backup_steps(
    store: Path, key: bytes, policy: BackupPolicy, station_uid: str
) -> Generator[Step, None, BackupMade]:
    """Today's backup, then only the station's newest ``policy.keep`` daily ones are kept in its folder."""
    made = yield from backup_into(store, key, policy, DAILY_LABEL, station_uid)
    folder = made.path.parent
    prune_dailies(folder, policy.keep, station_uid, old_names=folder == policy.fallback)
    return made


def prune_dailies(folder: Path, keep: int, station_uid: str, *, old_names: bool) -> None:
    """Delete all but the newest ``keep`` of the station's daily backups in ``folder``; no other
    file is touched, another station's backups least of all."""
    for _day, old in _dailies(folder, station_uid, old_names=old_names)[:-keep]:
        old.unlink()
        log.info("dropped old daily backup %s", old.name)


def station_backups(folder: Path, station_uid: str) -> list[Path]:
    """Every backup the station wrote into ``folder`` (daily, manual …), by its ID in the names."""
    pattern = re.compile(r"[a-z-]+-" + re.escape(station_uid) + "-" + _STAMPED)
    return [path for path in _listing(folder, "*.db") if pattern.fullmatch(path.name)]


def _dailies(folder: Path, station_uid: str, *, old_names: bool) -> list[tuple[str, Path]]:
    """The station's daily backups in ``folder``, oldest first, each with its day (YYYYMMDD).

    ``old_names``: also those named before names carried the station's ID, which only the data
    folder's own ``backups`` holds. (Another station's name never reads as one of those: the
    second group of a station ID has four characters, not the six of a time.)
    """
    own = re.compile(re.escape(f"{DAILY_LABEL}-{station_uid}-") + _STAMPED)
    old = re.compile(re.escape(f"{DAILY_LABEL}-") + _STAMPED)
    found = []
    for path in _listing(folder, f"{DAILY_LABEL}-*.db"):
        match = own.fullmatch(path.name) or (old.fullmatch(path.name) if old_names else None)
        if match:
            day, time, count = match.groups()
            found.append(((day, time, int(count or 1)), path))
    return [(when[0], path) for when, path in sorted(found)]


def _listing(folder: Path, pattern: str) -> list[Path]:
    """The files in ``folder`` matching ``pattern``; none when the folder cannot be read (a
    network share that is not connected)."""
    try:
        return list(folder.glob(pattern))
    except OSError:
        return []


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
