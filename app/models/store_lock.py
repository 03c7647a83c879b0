"""Who has the store open: a shared lock while a store is open, an exclusive one to replace it.

A restore that swapped the file under a running desk would lose everything the desk wrote
afterwards (it would go on writing into the file that was replaced). On Linux the lock is
``flock`` on ``station.lock``; on Windows no shared lock exists, but there the file system
itself refuses to replace a file another process has open, which protects the same moment.
"""

import os
from pathlib import Path

from app.domain.errors import StoreError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

IN_USE = "调解台或另一个命令正在使用本站数据库，请先关闭后再试。"


class StoreLock:
    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None

    def acquire(self, *, exclusive: bool) -> None:
        """Take the lock without waiting; StoreError if another process holds a conflicting one."""
        if fcntl is None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise StoreError(IN_USE) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the lock
            self._fd = None
