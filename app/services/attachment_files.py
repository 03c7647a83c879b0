"""The attachment files on disk: named by content, encrypted, written durably, checked when read.

A file lives at ``attachments/<first 2 hex>/<sha256>``, named by the SHA-256 of its plain bytes,
so the same file on two cases is kept once. It holds personal data (ID photos, receipts), so it
is encrypted as the store is: AES-256-GCM under a key derived from the store's key, a random
nonce in front of the ciphertext, and the hash as the associated data, so a file cannot be
swapped for another under its name. Which case holds which file, and who may see it, is
``attachments``' job.
"""

import hashlib
import logging
import os
import re
import uuid
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.domain.errors import DeskError
from app.models.store import Store
from app.paths import StationPaths

log = logging.getLogger(__name__)

KEY_PURPOSE = b"attachments"
NONCE_BYTES = 12  # AES-GCM's standard nonce; random per file, so one key never repeats a nonce in practice
TAG_BYTES = 16
_FILE_NAME = re.compile(r"[0-9a-f]{64}")


class AttachmentDamaged(DeskError):
    """An attachment's file is missing, unreadable, or not what its row says."""


def attachment_path(paths: StationPaths, sha256: str) -> Path:
    """Where the file with this hash lives; the first two hex digits keep folders small."""
    return paths.attachments / sha256[:2] / sha256


def write_file(store: Store, digest: str, data: bytes, label: str) -> None:
    """Keep ``data`` (whose SHA-256 is ``digest``) encrypted under its name, durably; a sound file
    already there is kept. ``label`` names the attachment in an error."""
    path = attachment_path(store.paths, digest)
    if path.exists() and _is_sound(store, path, digest):
        return  # the same bytes on another case, or left by an add that never committed
    # A damaged file under this name is written again: the content is the same, named by its hash.
    key = store.derived_key(KEY_PURPOSE)
    nonce = os.urandom(NONCE_BYTES)
    sealed = nonce + AESGCM(key).encrypt(nonce, data, digest.encode("ascii"))
    partial = path.with_name(f"{digest}.{uuid.uuid4().hex[:8]}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_durably(partial, sealed)
        os.replace(partial, path)
        _sync_folder(path.parent)
    except OSError as exc:
        raise DeskError(f"{label}：文件无法保存到数据目录（{exc.strerror or exc}），未添加。") from None
    finally:
        partial.unlink(missing_ok=True)


def write_durably(path: Path, data: bytes) -> None:
    """Write ``data`` and flush it to the disk before returning."""
    with open(path, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable before the row commits. POSIX only: Windows cannot open
    a folder for fsync, and NTFS journals the rename."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _decrypt(store: Store, sealed: bytes, digest: str) -> bytes:
    """The plain bytes; InvalidTag if the file was changed, cut short, swapped or made with
    another key."""
    if len(sealed) < NONCE_BYTES + TAG_BYTES:
        raise InvalidTag  # too short to hold even a nonce and a tag: cut off
    nonce, ciphertext = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    return AESGCM(store.derived_key(KEY_PURPOSE)).decrypt(nonce, ciphertext, digest.encode("ascii"))


def _is_sound(store: Store, path: Path, digest: str) -> bool:
    try:
        return hashlib.sha256(_decrypt(store, path.read_bytes(), digest)).hexdigest() == digest
    except (OSError, InvalidTag):
        return False


def read_file(store: Store, digest: str, name: str) -> bytes:
    """The plain bytes of the file with this hash, checked against it; ``name`` names it in an error."""
    path = attachment_path(store.paths, digest)
    try:
        sealed = path.read_bytes()
    except FileNotFoundError:
        raise AttachmentDamaged(
            f"附件“{name}”的文件不见了（{path}）。请从备份的 attachments 文件夹把它复制回来。"
        ) from None
    except OSError as exc:
        raise AttachmentDamaged(f"附件“{name}”的文件无法读取（{exc.strerror or exc}）。") from None
    try:
        data = _decrypt(store, sealed, digest)
    except InvalidTag:
        data = None
    if data is None or hashlib.sha256(data).hexdigest() != digest:
        log.error("attachment file %s failed its check", path)
        raise AttachmentDamaged(
            f"附件“{name}”的文件已损坏或被改动，内容与登记时不符。请从备份的 attachments 文件夹恢复。"
        )
    return data


def discard_file(paths: StationPaths, digest: str) -> None:
    """Remove the file with this hash, if it can be (the caller knows no case uses it)."""
    try:
        attachment_path(paths, digest).unlink(missing_ok=True)
    except OSError as exc:
        # Open in a viewer on Windows, say: a file without a row is harmless and reused.
        log.warning("attachment file %s not removed: %s", digest[:12], exc)
