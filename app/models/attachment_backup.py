"""The station's attachment files beside its backups, and back again on a restore.

A backup of the store holds the attachments' rows, not their files (``DIR/attachments``). So each
backup also copies the files into ``attachments/`` of the folder it was written to, and a restore
copies back those the data folder lacks. Files are named by their content and never change: one
already there is complete, and each backup copies only the new ones. They stay encrypted; the
store's key opens them.
"""

import logging
import os
import re
import shutil
from pathlib import Path

from app.models.backup import BackupFailed

log = logging.getLogger(__name__)

# ``<first 2 hex>/<sha256>``; anything else there is a write that never finished.
_FILE_NAME = re.compile(r"[0-9a-f]{64}")
FOLDER = "attachments"


def copy_missing(source: Path, target: Path) -> int:
    """Copy every attachment file in ``source`` that ``target`` lacks; returns how many."""
    copied = 0
    for path in sorted(source.glob("??/*")):
        if not _FILE_NAME.fullmatch(path.name):
            continue
        copy = target / path.parent.name / path.name
        if copy.exists():
            continue
        copy.parent.mkdir(parents=True, exist_ok=True)
        partial = copy.with_name(copy.name + ".partial")
        try:
            try:
                # On the same disk (the default backup folder is in the data folder) a second name
                # for the file costs no space; a file is never written again once it exists.
                os.link(path, partial)
            except OSError:
                shutil.copyfile(path, partial)
            os.replace(partial, copy)
        finally:
            partial.unlink(missing_ok=True)
        copied += 1
    return copied


def mirror_attachments(attachments: Path, backup_folder: Path) -> int:
    """The station's attachment files into ``backup_folder/attachments``; returns how many were new."""
    try:
        copied = copy_missing(attachments, backup_folder / FOLDER)
    except OSError as exc:
        raise BackupFailed(
            f"数据库已备份，但附件文件未能全部复制到 {backup_folder / FOLDER}：{exc.strerror or exc}。"
            "请检查磁盘空间和文件夹的写入权限后再备份一次。"
        ) from exc
    if copied:
        log.info("%d attachment files mirrored to %s", copied, backup_folder / FOLDER)
    return copied


def restore_attachments(backup_file: Path, attachments: Path) -> int:
    """The attachment files kept beside ``backup_file`` that the data folder lacks; returns how many."""
    copied = copy_missing(backup_file.parent / FOLDER, attachments)
    if copied:
        log.info("%d attachment files restored from %s", copied, backup_file.parent / FOLDER)
    return copied
