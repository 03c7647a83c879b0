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
    A file that cannot be read here is named in ``problems`` and left out."""
    files = _files_of(store, case_ids)
    total = sum(files.values())
    done = sent = 0
    held = client.attachments_received(sorted(files)) if files else {}
    for sha256, size in sorted(files.items()):
        received = held[sha256]
        if received >= size:
            done += size
            continue
        try:
            data = read_stored_file(store, sha256)
        except AttachmentDamaged as exc:
            # Not sent: the hub then refuses the case that names it, and the rest goes on.
            problems.append(str(exc))
            done += size
            continue
        while received < size:
            client.policy.check()
            try:
                received = client.put_attachment_chunk(
                    sha256, received, data[received:received + ATTACHMENT_CHUNK_BYTES], size
                )
            except HubError as exc:
                if exc.status != 409:
                    raise
                # The hub holds more (or less) than we thought: an answer was lost. Ask it.
                received = client.attachment_received(sha256)
            yield progress("上传附件", done + received, total)
        done += size
        sent += 1
    return sent
