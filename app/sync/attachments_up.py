"""Attachments go up before the changes that name them: by SHA-256, in chunks the hub confirms
one by one, so after a drop the upload goes on from the last byte the hub has."""

from collections.abc import Generator

from sqlalchemy import select

from app.models.archive import Attachment
from app.models.store import Store
from app.services.attachments import AttachmentDamaged, read_stored_file
from app.sync.client import HubClient, HubError
from app.sync.protocol import ATTACHMENT_CHUNK_BYTES

# SQLite limits the parameters of one statement; case IDs are asked for in slices.
_SLICE = 500


def _files_of(store: Store, case_ids: list[int]) -> dict[str, int]:
    files: dict[str, int] = {}
    with store.reading() as session:
        for start in range(0, len(case_ids), _SLICE):
            rows = session.execute(
                select(Attachment.sha256, Attachment.size).where(Attachment.case_id.in_(case_ids[start:start + _SLICE]))
            )
            files.update(dict(rows.all()))
    return files


def upload(
    store: Store, client: HubClient, case_ids: list[int], progress, problems: list[str]
) -> Generator[object, None, int]:
    """Send the files of these cases the hub does not have whole; returns how many were sent.
    A file that cannot be read here, or that the hub will not take, is named in ``problems`` and
    left out: the hub then refuses the case that names it, and the rest goes on."""
    files = _files_of(store, case_ids)
    total = sum(files.values())
    done = sent = 0
    held = client.attachments_received(sorted(files)) if files else {}
    for sha256, size in sorted(files.items()):
        received = held[sha256]
        if received < size:
            try:
                data = read_stored_file(store, sha256)
            except AttachmentDamaged as exc:
                problems.append(str(exc))
            else:
                whole = yield from _send(client, sha256, data, received, lambda n: progress("上传附件", done + n, total))
                if whole:
                    sent += 1
                else:
                    problems.append(f"附件 {sha256[:12]} 两次上传后中心核对仍不符，本次未能送达。")
        done += size
    return sent


def _send(client: HubClient, sha256: str, data: bytes, received: int, progress) -> Generator[object, None, bool]:
    """The file's chunks from ``received`` on; False when the hub twice found the whole file
    did not match its hash (it then throws the file away and starts again from byte 0)."""
    mismatches = 0
    while received < len(data):
        client.policy.check()
        try:
            received = client.put_attachment_chunk(
                sha256, received, data[received:received + ATTACHMENT_CHUNK_BYTES], len(data)
            )
        except HubError as exc:
            if exc.status == 422:
                mismatches += 1
                if mismatches == 2:
                    return False
            elif exc.status != 409:
                raise
            # 409: the hub holds more (or less) than we thought, an answer was lost; 422: it
            # threw the file away. Either way, ask it where to go on from.
            received = client.attachment_received(sha256)
        yield progress(received)
    return True
