"""The hub's attachment store on SQLite and PostgreSQL: an upload whose bookkeeping was lost part
way resumes instead of being thrown away."""

import hashlib
import os
import uuid
from datetime import datetime, timezone

import pytest

from app.sync.protocol import ATTACHMENT_CHUNK_BYTES
from bureau import attachments
from bureau.attachments import AttachmentStore
from bureau.db import session_factory
from bureau.errors import Refused
from bureau.models import Station

NOW = datetime(2026, 11, 28, 19, 0, tzinfo=timezone.utc)
DATA = bytes(range(256)) * (ATTACHMENT_CHUNK_BYTES // 256) + b"the rest"  # two chunks
SHA = hashlib.sha256(DATA).hexdigest()
FIRST = f"bytes 0-{ATTACHMENT_CHUNK_BYTES - 1}/{len(DATA)}"
LAST = f"bytes {ATTACHMENT_CHUNK_BYTES}-{len(DATA) - 1}/{len(DATA)}"


@pytest.fixture
def store(hub_engine, tmp_path):
    sessions = session_factory(hub_engine)
    with sessions.begin() as session:
        station = Station(name="西湖服务站", uid=str(uuid.uuid4()), secret="0" * 64, created_at=NOW, feed_seq=0)
        session.add(station)
    return AttachmentStore(tmp_path / "files", sessions), station.id


def test_a_commit_lost_after_the_last_chunk_is_completed_by_the_resent_chunk(store, monkeypatch):
    files, station_id = store
    assert files.put_chunk(station_id, SHA, FIRST, DATA[:ATTACHMENT_CHUNK_BYTES], NOW) == ATTACHMENT_CHUNK_BYTES
    real_replace = os.replace

    def replace_then_die(source, target):
        real_replace(source, target)
        raise OSError("the hub process died before its commit")

    monkeypatch.setattr(attachments.os, "replace", replace_then_die)
    with pytest.raises(OSError):
        files.put_chunk(station_id, SHA, LAST, DATA[ATTACHMENT_CHUNK_BYTES:], NOW)
    monkeypatch.setattr(attachments.os, "replace", real_replace)
    assert files.received(station_id, SHA) == ATTACHMENT_CHUNK_BYTES  # what the hub last committed
    # The station sends the last chunk again: the file already in place is checked and kept.
    assert files.put_chunk(station_id, SHA, LAST, DATA[ATTACHMENT_CHUNK_BYTES:], NOW) == len(DATA)
    assert files.received(station_id, SHA) == len(DATA)
    assert files.path(SHA).read_bytes() == DATA
    assert not any((files.folder / "partial").iterdir())


def test_a_partial_file_lost_between_chunks_restarts_the_upload_from_the_start(store):
    files, station_id = store
    files.put_chunk(station_id, SHA, FIRST, DATA[:ATTACHMENT_CHUNK_BYTES], NOW)
    for partial in (files.folder / "partial").iterdir():
        partial.unlink()  # a restored backup of the folder, a disk replaced ...
    with pytest.raises(Refused, match="第 0 字节") as refused:
        files.put_chunk(station_id, SHA, LAST, DATA[ATTACHMENT_CHUNK_BYTES:], NOW)
    assert refused.value.status == 409  # the station asks where to go on from, and starts again
    assert files.received(station_id, SHA) == 0
    files.put_chunk(station_id, SHA, FIRST, DATA[:ATTACHMENT_CHUNK_BYTES], NOW)
    assert files.put_chunk(station_id, SHA, LAST, DATA[ATTACHMENT_CHUNK_BYTES:], NOW) == len(DATA)
    assert files.path(SHA).read_bytes() == DATA
