"""Attachments (附件): named by hash, encrypted at rest, checked when read, removed only while
the case is open, recorded in the history, and withheld from staff not handling a report."""

import hashlib

import pytest

from app.domain.errors import DeskError, IllegalTransition, ValidationError
from app.domain.vocabulary import UserRole
from app.services import accounts, attachments, closing, details
from app.models.attachment_backup import mirror_attachments, restore_attachments
from app.models.backup import run_to_end
from app.models.station_key import recovery_code
from app.models.store import recover_store
from app.paths import StationPaths
from app.services.attachment_files import attachment_path
from app.services.attachments import (
    MAX_ATTACHMENT_BYTES,
    AlreadyAttached,
    AttachmentDamaged,
    AttachmentsWithheld,
    add_attachment,
    export_attachment,
    list_attachments,
    read_attachment,
    remove_attachment,
)
from tests.services.factories import register_complaint

RECEIPT = b"\x89PNG\r\n\x1a\n" + "湖滨玉器行 收据 金额 1200.50 元".encode() * 20


@pytest.fixture
def case_id(store, head):
    return register_complaint(store, head)


def a_file(tmp_path, name: str, content: bytes = RECEIPT):
    path = tmp_path / "from-user" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    return path


def history(store, case_id):
    return details.case_detail(store, case_id, role=UserRole.HEAD).history


def version(store, case_id):
    return details.case_detail(store, case_id, role=UserRole.HEAD).version


def test_an_attachment_is_named_by_the_hash_of_its_bytes_and_kept_encrypted(store, head, case_id, tmp_path):
    added = add_attachment(store, head, case_id, a_file(tmp_path, "收据.png"))
    digest = hashlib.sha256(RECEIPT).hexdigest()
    assert (added.sha256, added.file_name, added.size) == (digest, "收据.png", len(RECEIPT))
    assert added.media_type == "image/png"
    assert added.is_image and added.added_by == "王建国"
    on_disk = store.paths.attachments / digest[:2] / digest
    assert attachment_path(store.paths, digest) == on_disk
    sealed = on_disk.read_bytes()
    assert RECEIPT not in sealed and RECEIPT[:16] not in sealed
    assert len(sealed) == len(RECEIPT) + 12 + 16  # nonce in front, GCM tag at the end
    assert list_attachments(store, head, case_id) == [added]
    assert read_attachment(store, head, added.id) == RECEIPT


def test_the_same_bytes_twice_are_encrypted_with_different_nonces(store, head, tmp_path):
    first, second = register_complaint(store, head), register_complaint(store, head)
    one = add_attachment(store, head, first, a_file(tmp_path, "收据.png"))
    path = attachment_path(store.paths, one.sha256)
    sealed = path.read_bytes()
    remove_attachment(store, head, one.id)
    assert not path.exists()
    add_attachment(store, head, second, a_file(tmp_path, "收据.png"))
    assert path.read_bytes()[12:] != sealed[12:]


def test_export_writes_the_plain_bytes_where_the_user_chose(store, head, case_id, tmp_path):
    added = add_attachment(store, head, case_id, a_file(tmp_path, "调解书.pdf", b"%PDF-1.7 signed"))
    dest = tmp_path / "saved" / "调解书.pdf"
    dest.parent.mkdir()
    dest.write_bytes(b"an older copy")
    assert export_attachment(store, head, added.id, dest) == dest
    assert dest.read_bytes() == b"%PDF-1.7 signed"
    assert [p.name for p in dest.parent.iterdir()] == ["调解书.pdf"]  # no partial file left


def test_a_changed_file_is_detected_when_read(store, head, case_id, tmp_path):
    added = add_attachment(store, head, case_id, a_file(tmp_path, "收据.png"))
    path = attachment_path(store.paths, added.sha256)
    sealed = bytearray(path.read_bytes())
    sealed[40] ^= 0x01
    path.write_bytes(bytes(sealed))
    with pytest.raises(AttachmentDamaged, match="附件“收据.png”的文件已损坏或被改动"):
        read_attachment(store, head, added.id)
    with pytest.raises(AttachmentDamaged):
        export_attachment(store, head, added.id, tmp_path / "out.png")
    assert not (tmp_path / "out.png").exists()


def test_a_file_swapped_for_another_attachments_file_is_detected(store, head, case_id, tmp_path):
    receipt = add_attachment(store, head, case_id, a_file(tmp_path, "收据.png"))
    photo = add_attachment(store, head, case_id, a_file(tmp_path, "照片.jpg", b"\xff\xd8 another photo"))
    # Both are sound files made with the station's key; only the associated data tells them apart.
    attachment_path(store.paths, receipt.sha256).write_bytes(attachment_path(store.paths, photo.sha256).read_bytes())
    with pytest.raises(AttachmentDamaged, match="收据.png"):
        read_attachment(store, head, receipt.id)
    assert read_attachment(store, head, photo.id) == b"\xff\xd8 another photo"


def test_the_sync_reads_a_stored_file_by_its_hash(store, head, case_id, tmp_path):
    added = add_attachment(store, head, case_id, a_file(tmp_path, "收据.png"))
    assert attachments.read_stored_file(store, added.sha256) == RECEIPT
    attachment_path(store.paths, added.sha256).write_bytes(b"damaged")
    with pytest.raises(AttachmentDamaged, match=added.sha256[:12]):
        attachments.read_stored_file(store, added.sha256)


def test_a_missing_file_is_reported_by_name(store, head, case_id, tmp_path):
    added = add_attachment(store, head, case_id, a_file(tmp_path, "收据.png"))
    attachment_path(store.paths, added.sha256).unlink()
    with pytest.raises(AttachmentDamaged, match="附件“收据.png”的文件不见了"):
        read_attachment(store, head, added.id)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("空白.jpg", b"", "附件“空白.jpg”：文件是空的"),
        ("程序.exe", b"MZ", "附件“程序.exe”：不支持的文件类型“.exe”"),
        ("没有扩展名", b"data", "不支持的文件类型（没有扩展名）"),
    ],
)
def test_empty_files_and_other_types_are_refused_by_name(store, head, case_id, tmp_path, name, content, message):
    before = version(store, case_id)
    with pytest.raises(ValidationError, match=message):
        add_attachment(store, head, case_id, a_file(tmp_path, name, content))
    assert list_attachments(store, head, case_id) == []
    assert version(store, case_id) == before
    assert not store.paths.attachments.exists()


def test_a_file_over_the_limit_is_refused_without_reading_it(store, head, case_id, tmp_path):
    big = tmp_path / "录像.wav"
    with open(big, "wb") as file:
        file.truncate(MAX_ATTACHMENT_BYTES + 1)  # sparse: nothing is written
    with pytest.raises(ValidationError, match="附件“录像.wav”：文件有 20.0 MB，超过了每个附件 20 MB 的上限"):
        add_attachment(store, head, case_id, big)
    assert list_attachments(store, head, case_id) == []


def test_a_file_that_is_not_there_is_refused(store, head, case_id, tmp_path):
    with pytest.raises(ValidationError, match="附件“不在.pdf”：找不到这个文件"):
        add_attachment(store, head, case_id, tmp_path / "不在.pdf")


def test_the_allowed_types_and_their_media_types(store, head, case_id, tmp_path):
    for number, name in enumerate(["照片.JPG", "录音.amr", "清单.xlsx", "说明.txt", "通话.m4a"]):
        add_attachment(store, head, case_id, a_file(tmp_path, name, f"content {number}".encode()))
    kinds = {a.file_name: a.media_type for a in list_attachments(store, head, case_id)}
    assert kinds == {
        "照片.JPG": "image/jpeg",
        "录音.amr": "audio/amr",
        "清单.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "说明.txt": "text/plain",
        "通话.m4a": "audio/mp4",
    }


def test_a_long_name_is_trimmed_to_two_hundred_characters_keeping_its_extension(store, head, case_id, tmp_path):
    name = "scan-of-the-signed-agreement-" + "x" * 211 + ".pdf"  # 244 characters, under a file system's 255
    added = add_attachment(store, head, case_id, a_file(tmp_path, name, b"%PDF"))
    assert len(added.file_name) == 200
    assert added.file_name == name[:196] + ".pdf"
    assert list_attachments(store, head, case_id)[0].file_name == added.file_name


def test_the_same_bytes_twice_on_one_case_change_nothing(store, head, case_id, tmp_path):
    add_attachment(store, head, case_id, a_file(tmp_path, "收据.png"))
    before = version(store, case_id), len(history(store, case_id))
    with pytest.raises(AlreadyAttached, match="附件“收据副本.png”：本案已附加内容相同的文件“收据.png”"):
        add_attachment(store, head, case_id, a_file(tmp_path, "收据副本.png"))
    assert [a.file_name for a in list_attachments(store, head, case_id)] == ["收据.png"]
    assert (version(store, case_id), len(history(store, case_id))) == before


def test_the_same_bytes_on_two_cases_are_one_file(store, head, tmp_path):
    first, second = register_complaint(store, head), register_complaint(store, head)
    one = add_attachment(store, head, first, a_file(tmp_path, "收据.png"))
    two = add_attachment(store, head, second, a_file(tmp_path, "另一份收据.png"))
    assert one.sha256 == two.sha256 and one.uid != two.uid
    assert [p.name for p in store.paths.attachments.rglob("*") if p.is_file()] == [one.sha256]
    assert read_attachment(store, head, two.id) == RECEIPT


def test_adding_and_removing_are_history_rows(store, head, case_id, tmp_path):
    start = version(store, case_id)
    added = add_attachment(store, head, case_id, a_file(tmp_path, "收据.png"))
    remove_attachment(store, head, added.id)
    attach, detach = history(store, case_id)[-2:]
    fact = {"file_name": "收据.png", "sha256": added.sha256}
    assert (attach.action, attach.username, attach.changes) == ("attach", "head", {"attachment": [None, fact]})
    assert (detach.action, detach.changes) == ("detach", {"attachment": [fact, None]})
    assert version(store, case_id) == start + 2
    assert list_attachments(store, head, case_id) == []
    assert not attachment_path(store.paths, added.sha256).exists()


def test_removing_keeps_the_file_while_another_case_uses_it(store, head, tmp_path):
    first, second = register_complaint(store, head), register_complaint(store, head)
    one = add_attachment(store, head, first, a_file(tmp_path, "收据.png"))
    two = add_attachment(store, head, second, a_file(tmp_path, "收据.png"))
    remove_attachment(store, head, one.id)
    assert read_attachment(store, head, two.id) == RECEIPT
    remove_attachment(store, head, two.id)
    assert not attachment_path(store.paths, two.sha256).exists()


def test_attachments_of_a_closed_or_voided_case_stay(store, head, mediator, tmp_path):
    inquiry = register_complaint(store, mediator, kind="inquiry")
    kept = add_attachment(store, mediator, inquiry, a_file(tmp_path, "咨询材料.pdf", b"%PDF inquiry"))
    closing.answer_inquiry(store, mediator, inquiry, answer="七日无理由退货适用于网购。")
    closing.close(store, mediator, inquiry)
    with pytest.raises(IllegalTransition, match="案件已办结，附件“咨询材料.pdf”不能移除。"):
        remove_attachment(store, head, kept.id)
    voided = register_complaint(store, head)
    receipt = add_attachment(store, head, voided, a_file(tmp_path, "收据.png"))
    closing.void(store, head, voided, reason="重复登记")
    with pytest.raises(IllegalTransition, match="案件已作废"):
        remove_attachment(store, head, receipt.id)
    assert [a.file_name for a in list_attachments(store, head, inquiry)] == ["咨询材料.pdf"]
    assert read_attachment(store, head, receipt.id) == RECEIPT


def test_a_reports_attachments_are_for_the_head_and_the_reports_mediator(store, head, mediator, tmp_path):
    other = accounts.add_user(store, "chenjing", "陈静", "mediator", "another-pass-1")
    report = register_complaint(store, mediator, kind="report", mediator_id=mediator.user_id)
    added = add_attachment(store, mediator, report, a_file(tmp_path, "举报人身份证.jpg"))
    assert list_attachments(store, head, report) == [added]
    assert read_attachment(store, head, added.id) == RECEIPT
    with pytest.raises(AttachmentsWithheld, match="为举报人保密"):
        list_attachments(store, other, report)
    with pytest.raises(AttachmentsWithheld):
        read_attachment(store, other, added.id)
    with pytest.raises(AttachmentsWithheld):
        export_attachment(store, other, added.id, tmp_path / "out.jpg")
    with pytest.raises(AttachmentsWithheld):
        add_attachment(store, other, report, a_file(tmp_path, "另一张.png", b"another"))
    with pytest.raises(AttachmentsWithheld):
        remove_attachment(store, other, added.id)
    assert not (tmp_path / "out.jpg").exists()
    # A complaint's attachments are for every user of the station.
    complaint = register_complaint(store, head)
    add_attachment(store, head, complaint, a_file(tmp_path, "收据.png"))
    assert len(list_attachments(store, other, complaint)) == 1


def test_a_failed_write_leaves_no_row(store, head, case_id, tmp_path, monkeypatch):
    def disk_full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(attachments.os, "replace", disk_full)
    with pytest.raises(DeskError, match="附件“收据.png”：文件无法保存到数据目录（No space left on device），未添加。"):
        add_attachment(store, head, case_id, a_file(tmp_path, "收据.png"))
    monkeypatch.undo()
    assert list_attachments(store, head, case_id) == []
    assert [p for p in store.paths.attachments.rglob("*") if p.is_file()] == []  # no partial file


def test_a_row_that_fails_to_commit_leaves_a_file_that_the_next_add_reuses(store, head, case_id, tmp_path, monkeypatch):
    def crash(*_args):
        raise RuntimeError("power cut before the commit")

    monkeypatch.setattr(attachments, "record", crash)
    with pytest.raises(RuntimeError):
        add_attachment(store, head, case_id, a_file(tmp_path, "收据.png"))
    monkeypatch.undo()
    digest = hashlib.sha256(RECEIPT).hexdigest()
    orphan = attachment_path(store.paths, digest)
    assert orphan.exists() and list_attachments(store, head, case_id) == []  # the file came first
    sealed = orphan.read_bytes()
    added = add_attachment(store, head, case_id, a_file(tmp_path, "收据.png"))
    assert orphan.read_bytes() == sealed  # reused, not written again
    assert read_attachment(store, head, added.id) == RECEIPT


def test_a_damaged_file_left_under_the_name_is_written_again(store, head, case_id, tmp_path):
    digest = hashlib.sha256(RECEIPT).hexdigest()
    path = attachment_path(store.paths, digest)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"left by a demo station with another key")
    added = add_attachment(store, head, case_id, a_file(tmp_path, "收据.png"))
    assert read_attachment(store, head, added.id) == RECEIPT


def test_mirroring_copies_only_the_files_not_yet_in_the_backup(store, head, case_id, tmp_path):
    one = add_attachment(store, head, case_id, a_file(tmp_path, "收据.png"))
    backup_dir = tmp_path / "backup"
    assert mirror_attachments(store.paths.attachments, backup_dir) == 1
    copy = backup_dir / "attachments" / one.sha256[:2] / one.sha256
    assert copy.read_bytes() == attachment_path(store.paths, one.sha256).read_bytes()  # still encrypted
    two = add_attachment(store, head, case_id, a_file(tmp_path, "照片.jpg", b"\xff\xd8 photo"))
    (store.paths.attachments / two.sha256[:2] / f"{two.sha256}.0a1b2c3d.partial").write_bytes(b"half")
    assert mirror_attachments(store.paths.attachments, backup_dir) == 1
    assert mirror_attachments(store.paths.attachments, backup_dir) == 0
    mirrored = sorted(p.name for p in (backup_dir / "attachments").rglob("*") if p.is_file())
    assert mirrored == sorted([one.sha256, two.sha256])


def test_mirroring_a_station_without_attachments_copies_nothing(station_paths, tmp_path):
    assert mirror_attachments(station_paths.attachments, tmp_path / "backup") == 0


def test_every_backup_carries_the_attachment_files_and_a_restore_brings_them_back(store, head, case_id, tmp_path):
    added = add_attachment(store, head, case_id, a_file(tmp_path, "收据.png"))
    made = run_to_end(store.backup_steps())
    beside = made.path.parent / "attachments" / added.sha256[:2] / added.sha256
    assert beside.read_bytes() == attachment_path(store.paths, added.sha256).read_bytes()
    daily = run_to_end(store.daily_backup_steps())
    assert (daily.path.parent / "attachments" / added.sha256[:2] / added.sha256).exists()
    elsewhere = store.backup_to(tmp_path / "usb" / "station.db")
    assert (elsewhere.parent / "attachments" / added.sha256[:2] / added.sha256).exists()

    # A new PC: the store comes back from the backup, and the file with it.
    attachment_path(store.paths, added.sha256).unlink()
    assert restore_attachments(elsewhere, store.paths.attachments) == 1
    assert read_attachment(store, head, added.id) == RECEIPT


def test_recovering_on_a_new_pc_from_a_backup_brings_the_attachment_files(store, head, case_id, tmp_path):
    added = add_attachment(store, head, case_id, a_file(tmp_path, "收据.png"))
    made = run_to_end(store.backup_steps())
    recovered = recover_store(StationPaths(tmp_path / "new-pc"), recovery_code(store._key), from_file=made.path)
    try:
        assert read_attachment(recovered, head, added.id) == RECEIPT
    finally:
        recovered.close()
