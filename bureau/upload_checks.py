"""What the wire models cannot say about a case upload but the hub relies on: a number and
versions its columns can hold, and a snapshot the merge and the attachment check can read.
A case that fails is refused on its own, with the reason, and the rest of its batch goes on."""

import re
from typing import Any

from app.sync import protocol
from bureau.models import Case

_NUMBER_LENGTH = Case.number.type.length
_LARGEST_VERSION = 2**31 - 1  # the hub's version columns are INTEGER
_SHA256 = re.compile(r"[0-9a-f]{64}")


def problem_with(upload: protocol.CaseUpload) -> str | None:
    """Why the hub cannot take this case, or None."""
    if len(upload.number) > _NUMBER_LENGTH:
        return f"案件编号“{upload.number[:20]}…”超过 {_NUMBER_LENGTH} 个字，中心无法保存。"
    versions = [upload.version, upload.synced_version, *(change.base_version for change in upload.changes)]
    if max(versions) > _LARGEST_VERSION:
        return f"案件版本号超过 {_LARGEST_VERSION}，中心无法保存。"
    return _snapshot_problem(upload.snapshot)


def _snapshot_problem(snapshot: dict) -> str | None:
    bad_key = _key_with_slash(snapshot)
    if bad_key is not None:
        return f"案件内容的字段名“{bad_key[:40]}”含有“/”，无法按字段合并。"
    attachments = snapshot.get("attachments", {})
    if not isinstance(attachments, dict) or not all(isinstance(part, dict) for part in attachments.values()):
        return "案件内容中的附件（attachments）应为按编号排列的附件记录。"
    for uid, part in attachments.items():
        sha256 = part.get("sha256")
        if sha256 is not None and not (isinstance(sha256, str) and _SHA256.fullmatch(sha256)):
            return f"案件内容中附件 {uid[:36]} 的 sha256 应为 64 位十六进制。"
    return None


def _key_with_slash(content: Any) -> str | None:
    """A key the merge would misread: it joins keys into paths with "/"."""
    if not isinstance(content, dict):
        return None
    for key, value in content.items():
        if "/" in key:
            return key
        found = _key_with_slash(value)
        if found is not None:
            return found
    return None
