"""The attachments tab over a real store: adding through the file dialog and by dropping files,
thumbnails, opening, saving a copy, removing after a question, and what a report withholds."""

from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from app.domain.vocabulary import UserRole
from app.services import accounts, attachments, closing, details
from app.views.attachment_list import THUMBNAIL_PX, thumbnail_cache
from app.views.attachments_tab import AttachmentServices, AttachmentsTab, RemoveAttachmentBox
from tests.services.factories import register_complaint


@pytest.fixture(autouse=True)
def no_thumbnails_yet():
    """Thumbnails are kept for the session; each test starts without any."""
    thumbnail_cache().clear()
    yield
    thumbnail_cache().clear()


@pytest.fixture
def open_tab(qtbot, store):
    def open_tab(actor, case_id) -> AttachmentsTab:
        tab = AttachmentsTab(AttachmentServices.for_store(store, actor))
        QAbstractItemModelTester(tab.model, QAbstractItemModelTester.FailureReportingMode.Fatal, tab)
        qtbot.addWidget(tab)
        tab.show_case(case_id)
        tab.show()
        qtbot.waitExposed(tab)
        return tab

    return open_tab


def png(path: Path, width: int, height: int, colour: str) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(buffer.data()))
    return path


def names(tab: AttachmentsTab) -> list[str]:
    return [a.file_name for a in tab.model.attachments()]


def decoration(tab: AttachmentsTab, row: int):
    return tab.model.data(tab.model.index(row), Qt.ItemDataRole.DecorationRole)


def has_thumbnail(tab: AttachmentsTab, row: int, ratio: float = 1.0) -> bool:
    """A picture of THUMBNAIL_PX logical pixels on the long side, made at the screen's pixels."""
    shown = decoration(tab, row)
    if not isinstance(shown, QPixmap):
        return False
    logical = shown.deviceIndependentSize()
    return (
        shown.devicePixelRatio() == ratio
        and max(logical.width(), logical.height()) == THUMBNAIL_PX
        and max(shown.width(), shown.height()) == round(THUMBNAIL_PX * ratio)
    )


def click_row(qtbot, tab: AttachmentsTab, row: int) -> None:
    rect = tab.list_view.visualRect(tab.model.index(row))
    qtbot.mouseClick(tab.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.selected() == tab.model.attachment(row)


def test_files_chosen_in_the_dialog_are_added_and_a_bad_one_is_reported_by_name(
    qtbot, store, head, case_id, open_tab, tmp_path, monkeypatch
):
    tab = open_tab(head, case_id)
    assert names(tab) == [] and tab.add_button.isEnabled() and not tab.open_button.isEnabled()
    chosen = [
        png(tmp_path / "收据.png", 400, 200, "red"),
        tmp_path / "程序.exe",
        png(tmp_path / "照片.png", 120, 300, "blue"),
    ]
    chosen[1].write_bytes(b"MZ")
    asked = {}

    def get_open_file_names(parent, caption, folder, filters):
        asked.update(parent=parent, filters=filters)
        return [str(path) for path in chosen], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(get_open_file_names))
    with qtbot.waitSignal(tab.changed, timeout=5000):
        tab.add_button.click()
    assert asked["parent"] is tab and "*.png" in asked["filters"] and "*.amr" in asked["filters"]
    assert names(tab) == ["收据.png", "照片.png"]  # the bad file did not stop the one after it
    notice = tab.notice_label.text()
    assert "已添加 2 个附件。" in notice
    assert "以下文件未添加：\n附件“程序.exe”：不支持的文件类型“.exe”" in notice
    # Two images: thumbnails made at once, at 96 px on the long side.
    assert has_thumbnail(tab, 0) and has_thumbnail(tab, 1)
    assert (decoration(tab, 0).width(), decoration(tab, 0).height()) == (96, 48)
    assert "收据.png\n" in tab.model.data(tab.model.index(0))
    assert [a.file_name for a in attachments.list_attachments(store, head, case_id)] == names(tab)


def test_files_dropped_from_the_file_manager_are_added(qtbot, head, case_id, open_tab, tmp_path):
    tab = open_tab(head, case_id)
    receipt = png(tmp_path / "拖入的收据.png", 50, 50, "green")
    (recording := tmp_path / "通话录音.amr").write_bytes(b"#!AMR\n recorded call")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(receipt)), QUrl.fromLocalFile(str(recording))])
    # Dropped on the list, as a user does: the list passes the drop on to the tab.
    viewport = tab.list_view.viewport()
    where = QPointF(viewport.rect().center())
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(where, Qt.DropAction.CopyAction, mime, buttons, modifiers)
    with qtbot.waitSignal(tab.changed, timeout=5000):
        QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()
    assert names(tab) == ["拖入的收据.png", "通话录音.amr"]
    assert has_thumbnail(tab, 0)
    assert isinstance(decoration(tab, 1), QIcon)  # a recording has an icon, not a picture


def test_a_drag_of_web_links_is_not_accepted(head, case_id, open_tab):
    tab = open_tab(head, case_id)
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/receipt.png")])
    viewport = tab.list_view.viewport()
    enter = QDragEnterEvent(
        QPointF(viewport.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, enter)
    assert not enter.isAccepted()


def test_many_images_get_their_thumbnails_in_the_background(qtbot, store, head, case_id, open_tab, tmp_path):
    colours = ["red", "green", "blue", "yellow", "cyan", "magenta"]
    for number, colour in enumerate(colours):
        attachments.add_attachment(store, head, case_id, png(tmp_path / f"照片{'甲乙丙丁戊己'[number]}.png", 200, 100, colour))
    tab = open_tab(head, case_id)
    assert tab.model.rowCount() == len(colours)
    qtbot.waitUntil(lambda: all(has_thumbnail(tab, row) for row in range(len(colours))), timeout=5000)
    # Kept per hash: the same photos on another case are shown without being decoded again.
    other = register_complaint(store, head)
    attachments.add_attachment(store, head, other, tmp_path / "照片甲.png")
    tab.show_case(other)
    assert has_thumbnail(tab, 0)


def test_on_a_2x_screen_a_thumbnail_is_decoded_at_twice_the_pixels_not_stretched(
    qtbot, store, head, case_id, tmp_path, monkeypatch
):
    attachments.add_attachment(store, head, case_id, png(tmp_path / "收据.png", 800, 400, "red"))
    attachments.add_attachment(store, head, case_id, png(tmp_path / "小图.png", 40, 20, "blue"))
    tab = AttachmentsTab(AttachmentServices.for_store(store, head))
    qtbot.addWidget(tab)
    monkeypatch.setattr(tab, "devicePixelRatioF", lambda: 2.0)  # the offscreen screen is 1x
    tab.show_case(case_id)
    for row in range(2):
        # 192 x 96 device pixels in the 96 x 48 cell; a 96-pixel picture would be stretched.
        assert has_thumbnail(tab, row, ratio=2.0)
        assert (decoration(tab, row).width(), decoration(tab, row).height()) == (192, 96)
    # Back on a 1x screen the cached 2x pictures are made again at 96 pixels.
    monkeypatch.setattr(tab, "devicePixelRatioF", lambda: 1.0)
    tab.show_case(case_id)
    assert has_thumbnail(tab, 0) and has_thumbnail(tab, 1)


def test_enter_opens_a_plain_copy_in_the_systems_viewer(qtbot, store, head, case_id, open_tab, tmp_path, monkeypatch):
    attachments.add_attachment(store, head, case_id, png(tmp_path / "收据.png", 30, 30, "red"))
    tab = open_tab(head, case_id)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    click_row(qtbot, tab, 0)
    QTest.keyClick(tab.list_view, Qt.Key.Key_Return)
    (url,) = opened
    copy = Path(url.toLocalFile())
    assert copy.name == "收据.png"
    assert copy.read_bytes() == (tmp_path / "收据.png").read_bytes()
    assert store.paths.data_dir not in copy.parents


def test_a_copy_is_saved_where_the_user_chose(qtbot, store, head, case_id, open_tab, tmp_path, monkeypatch):
    (agreement := tmp_path / "调解书.pdf").write_bytes(b"%PDF-1.7 signed agreement")
    attachments.add_attachment(store, head, case_id, agreement)
    tab = open_tab(head, case_id)
    dest = tmp_path / "exported" / "调解书-副本.pdf"
    dest.parent.mkdir()
    suggested = []

    def get_save_file_name(parent, caption, name):
        suggested.append(Path(name).name)
        return str(dest), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    click_row(qtbot, tab, 0)
    tab.save_button.click()
    assert suggested == ["调解书.pdf"]
    assert dest.read_bytes() == b"%PDF-1.7 signed agreement"
    assert str(dest) in tab.notice_label.text()


def test_delete_asks_first_and_removes_only_on_remove(qtbot, store, head, case_id, open_tab, tmp_path):
    attachments.add_attachment(store, head, case_id, png(tmp_path / "收据.png", 30, 30, "red"))
    tab = open_tab(head, case_id)
    click_row(qtbot, tab, 0)
    with qtbot.waitSignal(tab.dialog_opened, timeout=1000) as asked:
        QTest.keyClick(tab.list_view, Qt.Key.Key_Delete)
    box = asked.args[0]
    assert isinstance(box, RemoveAttachmentBox) and "收据.png" in box.text()
    assert box.defaultButton() is box.cancel_button
    box.cancel_button.click()
    assert names(tab) == ["收据.png"]
    click_row(qtbot, tab, 0)
    with qtbot.waitSignal(tab.dialog_opened, timeout=1000) as asked:
        tab.remove_button.click()
    with qtbot.waitSignal(tab.changed, timeout=1000):
        asked.args[0].remove_button.click()
    assert names(tab) == []
    assert tab.notice_label.text() == "已移除附件“收据.png”。"
    assert details.case_detail(store, case_id, role=UserRole.HEAD).history[-1].action == "detach"


def test_removing_from_a_voided_case_is_refused_with_the_reason(qtbot, store, head, case_id, open_tab, tmp_path):
    attachments.add_attachment(store, head, case_id, png(tmp_path / "收据.png", 30, 30, "red"))
    closing.void(store, head, case_id, reason="重复登记")
    tab = open_tab(head, case_id)
    click_row(qtbot, tab, 0)
    with qtbot.waitSignal(tab.dialog_opened, timeout=1000) as asked:
        tab.remove_button.click()
    asked.args[0].remove_button.click()
    assert names(tab) == ["收据.png"]
    assert tab.notice_label.text() == "案件已作废，附件“收据.png”不能移除。"


def test_a_report_shows_nothing_to_staff_not_handling_it(store, head, mediator, open_tab, tmp_path):
    other = accounts.add_user(store, "chenjing", "陈静", "mediator", "another-pass-1")
    report = register_complaint(store, mediator, kind="report", mediator_id=mediator.user_id)
    attachments.add_attachment(store, mediator, report, png(tmp_path / "举报人身份证.png", 30, 30, "red"))
    assert names(open_tab(mediator, report)) == ["举报人身份证.png"]
    tab = open_tab(other, report)
    assert names(tab) == []
    assert "为举报人保密" in tab.notice_label.text()
    assert not tab.add_button.isEnabled()
    assert tab.add_files([tmp_path / "举报人身份证.png"]) is None


def test_the_case_detail_has_the_tab_with_its_count_and_history(qtbot, store, head, case_id, open_view, tmp_path):
    view = open_view(head, case_id)
    index = view.tabs.indexOf(view.attachments)
    assert view.tabs.tabText(index) == "附件 (0)"
    entries = view.timeline.entry_count()
    with qtbot.waitSignal(view.changed, timeout=5000):
        view.attachments.add_files([png(tmp_path / "收据.png", 30, 30, "red")])
    assert view.tabs.tabText(index) == "附件 (1)"
    assert view.timeline.entry_count() == entries + 1
    other = register_complaint(store, head)
    view.set_case(other)
    assert view.tabs.tabText(index) == "附件 (0)" and names(view.attachments) == []
