"""Files kept with a case (附件): receipts, photos, signed agreements, phone recordings.

The bytes live beside the store, not in it, encrypted and named by their hash
(``attachment_files``); the same file on two cases is kept once. A file is written in full
(temporary name, fsync, rename) before its row commits: a crash leaves at worst a file without
a row, which is harmless and reused when the same bytes come again. A reporter's case (举报)
shows its attachments only to the head and the report's mediator, as it shows the reporter
(Art. 37).
"""

import hashlib
import logging
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import exists, select

from app.domain import clock
from app.domain.errors import DeskError, IllegalTransition, ValidationError
from app.domain.vocabulary import CaseKind, CaseState
from app.models.archive import Attachment
from app.models.case import Case
from app.models.station import User
from app.models.store import Store
from app.services.actor import Actor
# AttachmentDamaged is what reading an attachment raises, so its callers find it here too.
from app.services.attachment_files import AttachmentDamaged, discard_file, read_file, write_durably, write_file
from app.services.case_access import load_case
from app.services.case_rows import may_see_reporter
from app.services.changes import record

log = logging.getLogger(__name__)

# A phone photo is 2-8 MB, a scanned agreement a few MB, ten minutes of an AMR phone recording
# about 1 MB. Anything larger is usually a video, which the case file does not need, and each
# attachment is sent whole in the end-of-day sync over a scenic area's weak connection.
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

NAME_LENGTH = 200  # the column's width

# A fixed table, not the mimetypes module: mimetypes reads the system's own tables (the Windows
# registry, /etc/mime.types), which differ between PCs, and the type is synced to the bureau.
MEDIA_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".bmp": "image/bmp",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".txt": "text/plain",
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".amr": "audio/amr",
    ".wav": "audio/wav",
}

class AlreadyAttached(DeskError):
    """The same bytes are already attached to this case; nothing was changed."""


class AttachmentsWithheld(DeskError):
    """A report's attachments, asked for by staff not handling the report (Art. 37)."""


class AttachmentNotFound(DeskError):
    pass


@dataclass(frozen=True)
class AttachmentView:
    id: int
    uid: str
    case_id: int
    sha256: str
    file_name: str
    media_type: str
    size: int
    added_at: datetime
    added_by: str  # the user's display name

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


def add_attachment(store: Store, actor: Actor, case_id: int, source_path: Path | str) -> AttachmentView:
    """Attach the file at ``source_path`` to the case, under its own name."""
    source = Path(source_path)
    name = _kept_name(source.name)
    label = f"附件“{name}”"
    media_type = _media_type(source, label)
    data = _read_source(source, label)
    digest = hashlib.sha256(data).hexdigest()
    with store.session() as session:
        case = load_case(session, case_id)
        _check_may_see(case, actor)
        same = session.scalars(
            select(Attachment).where(Attachment.case_id == case_id, Attachment.sha256 == digest)
        ).first()
        if same is not None:
            raise AlreadyAttached(f"{label}：本案已附加内容相同的文件“{same.file_name}”，未重复添加。")
        # Before the row: a crash between the two leaves a file without a row, never the reverse.
        write_file(store, digest, data, label)
        attachment = Attachment(
            uid=str(uuid.uuid4()),
            case_id=case_id,
            sha256=digest,
            file_name=name,
            media_type=media_type,
            size=len(data),
            added_at=clock.now(),
            added_by=actor.user_id,
        )
        session.add(attachment)
        session.flush()
        record(session, case, actor, "attach", {"attachment": [None, _fact(attachment)]})
        view = _view(attachment, actor.display_name)
    log.info("attachment %s (%d bytes) added to case %s", digest[:12], len(data), case_id)
    return view


def list_attachments(store: Store, actor: Actor, case_id: int) -> list[AttachmentView]:
    """The case's attachments in the order they were added."""
    with store.reading() as session:
        _check_may_see(load_case(session, case_id), actor)
        rows = session.execute(
            select(Attachment, User.display_name)
            .join(User, User.id == Attachment.added_by)
            .where(Attachment.case_id == case_id)
            .order_by(Attachment.id)
        )
        return [_view(attachment, added_by) for attachment, added_by in rows]


def read_attachment(store: Store, actor: Actor, attachment_id: int) -> bytes:
    """The attachment's plain bytes, decrypted and checked against its hash."""
    with store.reading() as session:
        attachment = _load(session, attachment_id)
        _check_may_see(load_case(session, attachment.case_id), actor)
        digest, name = attachment.sha256, attachment.file_name
    return read_file(store, digest, name)


def read_stored_file(store: Store, sha256: str) -> bytes:
    """The plain bytes of the file with this hash, decrypted and checked. For the sync, which
    sends the station's files to the hub and shows them to no user."""
    return read_file(store, sha256, sha256[:12])


def export_attachment(store: Store, actor: Actor, attachment_id: int, dest_path: Path | str) -> Path:
    """Write the attachment's plain bytes to ``dest_path`` (replacing a file the user chose)."""
    data = read_attachment(store, actor, attachment_id)
    dest = Path(dest_path)
    partial = dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        write_durably(partial, data)
        os.replace(partial, dest)
    except OSError as exc:
        raise DeskError(f"附件无法保存到 {dest}：{exc.strerror or exc}") from None
    finally:
        partial.unlink(missing_ok=True)
    return dest


def remove_attachment(store: Store, actor: Actor, attachment_id: int) -> None:
    """Take the attachment off its case while the case is open; the removal is in its history.

    The file goes too once no case uses its bytes any more.
    """
    with store.session() as session:
        attachment = _load(session, attachment_id)
        case = load_case(session, attachment.case_id)
        _check_may_see(case, actor)
        state = CaseState(case.state)
        if state in (CaseState.CLOSED, CaseState.VOIDED):
            raise IllegalTransition(f"案件{state.label}，附件“{attachment.file_name}”不能移除。")
        digest, case_id = attachment.sha256, case.id
        fact = _fact(attachment)
        session.delete(attachment)
        record(session, case, actor, "detach", {"attachment": [fact, None]})
    # A second unit of work holds the write lock while it looks, so an add of the same bytes
    # cannot slip in between the look and the unlink; after the commit above, so a failed
    # removal never loses the file.
    with store.session() as session:
        if not session.scalar(select(exists().where(Attachment.sha256 == digest))):
            discard_file(store.paths, digest)
    log.info("attachment %s removed from case %s", digest[:12], case_id)


# --- checks ----------------------------------------------------------------------------------


def _check_may_see(case: Case, actor: Actor) -> None:
    if case.kind == CaseKind.REPORT.value and not may_see_reporter(case, actor.role, actor.user_id):
        raise AttachmentsWithheld("为举报人保密，举报案件的附件只有站长和承办本案的调解员可以查看和办理。")


def _kept_name(name: str) -> str:
    """The name as given; a long one loses the end of its stem, never its extension."""
    if len(name) <= NAME_LENGTH:
        return name
    suffix = Path(name).suffix
    return name[: NAME_LENGTH - len(suffix)] + suffix


def _media_type(source: Path, label: str) -> str:
    suffix = source.suffix.lower()
    media_type = MEDIA_TYPES.get(suffix)
    if media_type is None:
        kind = f"“{suffix}”" if suffix else "（没有扩展名）"
        raise ValidationError(
            "attachment",
            label,
            f"不支持的文件类型{kind}；可以附加图片（jpg、png、gif、bmp、webp）、PDF、Word、Excel、"
            "文本文件和录音（mp3、m4a、amr、wav）",
        )
    return media_type


def _read_source(source: Path, label: str) -> bytes:
    try:
        if not source.is_file():
            raise ValidationError("attachment", label, "找不到这个文件，或它不是一个文件")
        # Looked at before reading, so a huge file is refused without loading it.
        _check_size(source.stat().st_size, label)
        data = source.read_bytes()
    except OSError as exc:
        raise ValidationError("attachment", label, f"无法读取（{exc.strerror or exc}）") from None
    _check_size(len(data), label)
    return data


def _check_size(size: int, label: str) -> None:
    if size == 0:
        raise ValidationError("attachment", label, "文件是空的")
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            "attachment",
            label,
            f"文件有 {size / 1024 / 1024:.1f} MB，超过了每个附件 {MAX_ATTACHMENT_BYTES // 1024 // 1024} MB 的上限",
        )


def _load(session, attachment_id: int) -> Attachment:
    attachment = session.get(Attachment, attachment_id)
    if attachment is None:
        raise AttachmentNotFound(f"没有编号为 {attachment_id} 的附件，可能已被移除。")
    return attachment


def _fact(attachment: Attachment) -> dict:
    return {"file_name": attachment.file_name, "sha256": attachment.sha256}


def _view(attachment: Attachment, added_by: str) -> AttachmentView:
    return AttachmentView(
        id=attachment.id,
        uid=attachment.uid,
        case_id=attachment.case_id,
        sha256=attachment.sha256,
        file_name=attachment.file_name,
        media_type=attachment.media_type,
        size=attachment.size,
        added_at=attachment.added_at,
        added_by=added_by,
    )
