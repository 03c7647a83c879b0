"""Attachments arrive in chunks that each commit, so an upload cut off resumes from the last byte
the hub confirmed; the finished file is kept only if its bytes hash to the name it was sent under."""

import hashlib
import os
import re
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.sync.protocol import ATTACHMENT_CHUNK_BYTES, MAX_ATTACHMENT_BYTES
from bureau.errors import Refused
from bureau.models import Attachment

_SHA256 = re.compile(r"[0-9a-f]{64}")  # fullmatch: "$" would let a trailing newline through
_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")


class AttachmentStore:
    def __init__(self, folder: Path, sessions: sessionmaker[Session]):
        self.folder = Path(folder)
        self._sessions = sessions

    def path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / sha256

    def _partial(self, station_id: int, sha256: str) -> Path:
        return self.folder / "partial" / f"{station_id}-{sha256}"

    def received(self, station_id: int, sha256: str) -> int:
        """How many bytes of the file the hub has confirmed for this station."""
        _check_name(sha256)
        with self._sessions() as session:
            row = session.get(Attachment, (station_id, sha256))
            return 0 if row is None else row.received

    def received_of(self, station_id: int, hashes: list[str]) -> dict[str, int]:
        """``received`` for many files, in one query."""
        with self._sessions() as session:
            rows = session.execute(
                select(Attachment.sha256, Attachment.received)
                .where(Attachment.station_id == station_id, Attachment.sha256.in_(hashes))
            )
            held = dict(rows.all())
        return {sha256: held.get(sha256, 0) for sha256 in hashes}

    def put_chunk(self, station_id: int, sha256: str, content_range: str, data: bytes, now: datetime) -> int:
        """Add the chunk at its offset; returns the bytes now confirmed."""
        _check_name(sha256)
        start, _end, total = _parse_range(content_range, len(data))
        with self._sessions.begin() as session:
            row = session.get(Attachment, (station_id, sha256), with_for_update=True)
            if row is None:
                row = Attachment(station_id=station_id, sha256=sha256, size=total, received=0, complete=False, created_at=now)
                session.add(row)
            if row.complete:
                return row.received  # already whole: a resend after a lost answer
            if row.size != total:
                raise Refused(409, f"附件大小与先前所报不同（先前 {row.size} 字节）。")
            if start != row.received:
                raise Refused(409, f"应从第 {row.received} 字节续传。")
            refusal = self._add(row, start, data)
        if refusal is not None:
            raise refusal  # after the commit, so the restart from byte 0 is what the hub remembers
        return row.received

    def _add(self, row: Attachment, start: int, data: bytes) -> Refused | None:
        """Write the chunk into the row's partial file and, after the last one, keep the file if
        it hashes right; returns the refusal to answer once the row's new state has committed."""
        partial = self._partial(row.station_id, row.sha256)
        if start > 0 and not partial.exists():
            # The bytes before this chunk are gone: the finished file was moved into place but the
            # commit saying so was lost (the hub died in between), or the partial file was lost.
            if self._holds_whole(row.sha256):
                row.received, row.complete = row.size, True
                return None
            row.received = 0
            return Refused(409, "中心未能保留先前收到的部分，请从第 0 字节重新上传。")
        _write_at(partial, start, data)
        row.received = start + len(data)
        if row.received < row.size:
            return None
        if _file_sha256(partial) != row.sha256:
            partial.unlink()
            row.received = 0
            return Refused(422, "附件内容与其 SHA-256 不符，已丢弃，请重新上传。")
        final = self.path(row.sha256)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(partial, final)
        row.complete = True
        return None

    def _holds_whole(self, sha256: str) -> bool:
        final = self.path(sha256)
        return final.exists() and _file_sha256(final) == sha256


def _check_name(sha256: str) -> None:
    if not _SHA256.fullmatch(sha256):
        raise Refused(400, "附件名应为 64 位十六进制的 SHA-256。")


def _parse_range(header: str, length: int) -> tuple[int, int, int]:
    match = _RANGE.match(header.strip())
    if not match:
        raise Refused(400, "缺少或无法识别 Content-Range（应为 bytes 起-止/总长）。")
    start, end, total = (int(g) for g in match.groups())
    if total > MAX_ATTACHMENT_BYTES:
        raise Refused(413, f"附件过大（上限 {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB）。")
    if not (start <= end < total) or end - start + 1 != length or length > ATTACHMENT_CHUNK_BYTES * 4:
        raise Refused(400, "Content-Range 与所附数据长度不符。")
    return start, end, total


def _write_at(path: Path, offset: int, data: bytes) -> None:
    """Write at ``offset`` and cut anything after: bytes from a chunk whose commit failed go."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "r+b" if path.exists() else "w+b") as file:
        file.seek(offset)
        file.write(data)
        file.truncate()
        file.flush()
        os.fsync(file.fileno())


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
