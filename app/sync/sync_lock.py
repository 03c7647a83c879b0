"""One sync at a time per station: the desk's sync panel and a scheduled ``mediation-desk sync``
must never run together, or both would resend the same kept batches and could both take in the
same notice from the feed.

The store's own lock (``app/models/store_lock.py``) is shared by everyone who has the store open,
so it cannot say this. A sync holds an exclusive OS lock on ``sync.lock`` in the station's data
folder instead: ``flock`` on POSIX, ``msvcrt.locking`` on Windows. The operating system drops
either when the holder's file is closed or its process ends, so a crashed sync leaves nothing
stuck. Both conflict between two threads of one process as well (each opens the file anew).
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.domain.errors import DeskError
from app.paths import StationPaths

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt

ANOTHER_SYNC = "本站已有另一个同步正在进行（调解台的同步面板或定时运行的 mediation-desk sync），本次同步未做任何操作。请等它结束后再同步。"


class SyncAlreadyRunning(DeskError):
    """Another sync of this station holds the sync lock; this one did nothing."""


def lock_file(paths: StationPaths) -> Path:
    return paths.data_dir / "sync.lock"


def _try_lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # the file's first byte, from position 0
    except BlockingIOError:
        return False
    except OSError:
        if fcntl is not None:
            raise
        return False  # Windows reports a region locked elsewhere as EACCES or EDEADLOCK
    return True


def _unlock(fd: int) -> None:
    if fcntl is None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    # On POSIX closing the descriptor drops the lock.


@contextmanager
def one_sync_at_a_time(paths: StationPaths) -> Iterator[None]:
    """Hold the station's sync lock for the block; SyncAlreadyRunning at once if another sync
    (another process, or another thread of this one) holds it."""
    fd = os.open(lock_file(paths), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if not _try_lock(fd):
            raise SyncAlreadyRunning(ANOTHER_SYNC)
    except BaseException:
        os.close(fd)
        raise
    try:
        yield
    finally:
        try:
            _unlock(fd)
        finally:
            os.close(fd)
