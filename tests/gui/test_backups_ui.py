"""Backups on the desk: the daily check before sign-in, the 数据 menu's backup and restore."""

import os
import threading
from dataclasses import replace
from datetime import datetime

import pytest
import shiboken6
import sqlcipher3
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QProgressDialog

from app import desk as desk_module
from app import keystore
from app.desk import Desk
from app.domain import clock
from app.models import backup
from app.models import store as store_module
from app.models.store import create_store, exclusive_use, open_store
from app.paths import StationPaths
from app.services import queries
from app.services.settings import StationSettings, save_settings
from tests.conftest import HEAD_PASSWORD, MEDIATOR_PASSWORD
from tests.services.factories import register_complaint

DAILY_CHECK = "正在进行每日完整性检查和备份…"


@pytest.fixture
def desk(qtbot, store, station_paths):
    desk = Desk(station_paths, store)
    yield desk
    desk.close()


def use_folder(store, head, folder) -> None:
    save_settings(store, head, replace(StationSettings(), backup_folder=str(folder)))


def visible(kind):
    return [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, kind) and widget.isVisible()]


def status_texts(window) -> list[str]:
    return [label.text() for label in window.statusBar().findChildren(QLabel) if label.isVisible()]


def wait_for_sign_in(qtbot, desk):
    qtbot.waitUntil(lambda: desk.sign_in is not None and desk.sign_in.isVisible())
    return desk.sign_in


def sign_in(qtbot, desk, username: str, password: str):
    dialog = wait_for_sign_in(qtbot, desk)
    qtbot.keyClicks(dialog.username_edit, username)
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.window is not None and desk.window.isVisible())
    return desk.window


def button(box: QMessageBox, text: str):
    (found,) = [b for b in box.buttons() if b.text() == text]
    return found


# --- the daily check at start -----------------------------------------------------------------------


def test_the_daily_check_runs_in_the_background_with_progress_and_sign_in_comes_after(
    qtbot, desk, store, head, tmp_path, monkeypatch
):
    folder = tmp_path / "备份盘"
    use_folder(store, head, folder)
    release = threading.Event()
    checked_on = []
    real_check = store_module.check_integrity

    def slow_check(checked_store):
        checked_on.append(threading.current_thread())
        release.wait(timeout=30)  # held until the test has seen the progress dialog
        real_check(checked_store)

    monkeypatch.setattr(store_module, "check_integrity", slow_check)
    try:
        desk.start()
        qtbot.waitUntil(lambda: any(DAILY_CHECK in d.labelText() for d in visible(QProgressDialog)))
        assert desk.sign_in is None
        assert checked_on and checked_on[0] is not threading.main_thread()
    finally:
        release.set()
    wait_for_sign_in(qtbot, desk)
    qtbot.waitUntil(lambda: visible(QProgressDialog) == [])  # it closes when the task has finished
    assert [p.name[:6] for p in folder.glob("*.db")] == ["daily-"]


def test_on_a_day_already_checked_sign_in_comes_at_once(qtbot, store, station_paths):
    store.close()
    open_store(station_paths).close()  # today's check and backup, as the first start made them
    desk = Desk(station_paths, open_store(station_paths, daily_check=False))
    try:
        desk.start()
        assert desk.sign_in is not None and desk.sign_in.isVisible()
    finally:
        desk.close()


def test_a_damaged_store_is_refused_before_sign_in_and_before_its_backup(qtbot, store, station_paths, head):
    for _ in range(30):
        register_complaint(store, head)
    store.close()
    data = bytearray(station_paths.store.read_bytes())
    for offset in range(len(data) - 4096 * 3 + 100, len(data) - 100, 997):  # the cases' pages
        data[offset] ^= 0xFF
    station_paths.store.write_bytes(bytes(data))
    desk = Desk(station_paths, open_store(station_paths, daily_check=False))
    try:
        desk.start()
        qtbot.waitUntil(lambda: len(visible(QMessageBox)) == 1)
        (message,) = visible(QMessageBox)
        assert "完整性检查未通过" in message.text() and "mediation-desk restore" in message.text()
        assert desk.sign_in is None
        assert not list(station_paths.backups.glob("daily-*"))
        with qtbot.waitSignal(desk.ended) as ended:
            message.accept()
        assert ended.args == [2]
    finally:
        desk.close()


def test_a_backup_that_cannot_be_written_is_told_and_sign_in_follows(qtbot, desk, station_paths, monkeypatch):
    real_connect = backup._connect

    def full_disk(path, key):
        if path.name.endswith(".partial"):  # the backup being written, not the store
            raise sqlcipher3.OperationalError("database or disk is full")
        return real_connect(path, key)

    monkeypatch.setattr(backup, "_connect", full_disk)
    desk.start()
    qtbot.waitUntil(lambda: desk.message_box is not None and desk.message_box.isVisible())
    box = desk.message_box
    assert box.windowTitle() == "今天的备份没有做成"
    assert "database or disk is full" in box.text() and str(station_paths.backups) in box.text()
    assert "完整性检查已通过，可以照常登录" in box.informativeText()
    assert desk.sign_in is None

    box.accept()
    wait_for_sign_in(qtbot, desk)
    assert not list(station_paths.backups.glob("daily-*"))


# --- 立即备份 -----------------------------------------------------------------------------------------


def test_back_up_now_writes_into_the_configured_folder_and_the_status_bar_follows(
    qtbot, desk, store, mediator, head, tmp_path
):
    folder = tmp_path / "备份盘"
    use_folder(store, head, folder)
    desk.start()
    wait_for_sign_in(qtbot, desk)
    (daily,) = folder.glob("daily-*.db")
    moment = datetime(2026, 3, 1, 9, 30, tzinfo=clock.CHINA).timestamp()
    os.utime(daily, (moment, moment))
    window = sign_in(qtbot, desk, "liming", MEDIATOR_PASSWORD)
    qtbot.waitUntil(lambda: "上次备份：2026-03-01 09:30" in status_texts(window))
    (data_menu,) = [action.menu() for action in window.menuBar().actions() if action.text() == "数据"]
    assert [action.text() for action in data_menu.actions() if action.isVisible()] == ["立即备份…"]

    desk.data_menu.back_up_action.trigger()
    qtbot.waitUntil(lambda: desk.data_menu.message_box is not None and desk.data_menu.message_box.isVisible())

    (made,) = folder.glob("manual-*.db")
    assert desk.data_menu.message_box.text() == f"已备份到：{made}"
    qtbot.waitUntil(lambda: f"上次备份：{clock.format_local(clock.now())}" in status_texts(window))
    assert not desk.data_menu.folder_warning.isVisible()


def test_an_unusable_folder_is_shown_and_the_backup_goes_to_the_data_folder(
    qtbot, desk, store, head, station_paths, tmp_path
):
    missing = tmp_path / "移动硬盘" / "备份"
    use_folder(store, head, missing)
    desk.start()
    window = sign_in(qtbot, desk, "head", HEAD_PASSWORD)
    warning = desk.data_menu.folder_warning
    assert warning.isVisible() and str(missing) in warning.text() and "不存在" in warning.text()
    assert str(station_paths.backups) in warning.text()

    desk.data_menu.back_up_action.trigger()
    qtbot.waitUntil(lambda: desk.data_menu.message_box is not None and desk.data_menu.message_box.isVisible())

    box = desk.data_menu.message_box
    (made,) = station_paths.backups.glob("manual-*.db")
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text() == f"已备份到：{made}"
    assert str(missing) in box.informativeText() and "不存在" in box.informativeText()
    assert warning.isVisible() and window.isVisible()


# --- 从备份恢复 ---------------------------------------------------------------------------------------


def choose_and_confirm(qtbot, desk, backup_file):
    desk.data_menu.restore_action.trigger()
    picker = desk.data_menu.file_dialog
    assert isinstance(picker, QFileDialog) and picker.isVisible()
    picker.setDirectory(str(backup_file.parent))
    picker.selectFile(str(backup_file))
    picker.accept()
    confirmation = desk.data_menu.confirmation
    assert confirmation is not None and confirmation.isVisible()
    return confirmation


def test_restore_asks_first_then_brings_the_old_data_back_and_asks_to_sign_in_again(
    qtbot, desk, store, head, station_paths
):
    register_complaint(store, head)
    saved = store.backup()
    register_complaint(store, head)
    desk.start()
    window = sign_in(qtbot, desk, "head", HEAD_PASSWORD)
    assert "共 2 件" in status_texts(window)

    confirmation = choose_and_confirm(qtbot, desk, saved)
    assert saved.name in confirmation.text()
    assert str(station_paths.backups) in confirmation.informativeText()
    assert "replaced-" in confirmation.informativeText()
    qtbot.mouseClick(button(confirmation, "恢复"), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: desk.message_box is not None and desk.message_box.isVisible())
    (kept,) = station_paths.backups.glob("replaced-*.db")
    assert desk.message_box.informativeText() == f"原来的数据已另存为 {kept}。"
    assert not shiboken6.isValid(window)  # closed and deleted before the store was replaced
    desk.message_box.accept()

    new_window = sign_in(qtbot, desk, "head", HEAD_PASSWORD)
    assert "共 1 件" in status_texts(new_window)
    assert queries.count_cases(desk.store) == 1


def test_a_restore_reads_the_keyring_on_the_ui_thread(qtbot, desk, store, head, monkeypatch):
    # Keyring backends such as the Secret Service (over D-Bus) are not all safe to use from the
    # task's thread: the desk reads the key before the restore starts and hands it over.
    saved = store.backup()
    desk.start()
    sign_in(qtbot, desk, "head", HEAD_PASSWORD)
    read_on = []
    load = keystore.load_station_key

    def recording_load(station_uid):
        read_on.append(threading.current_thread())
        return load(station_uid)

    monkeypatch.setattr(keystore, "load_station_key", recording_load)
    confirmation = choose_and_confirm(qtbot, desk, saved)
    qtbot.mouseClick(button(confirmation, "恢复"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.message_box is not None and desk.message_box.isVisible())
    assert read_on and all(thread is threading.main_thread() for thread in read_on)
    desk.message_box.accept()
    sign_in(qtbot, desk, "head", HEAD_PASSWORD)


def test_cancelling_the_confirmation_changes_nothing(qtbot, desk, store, head, station_paths):
    register_complaint(store, head)
    saved = store.backup()
    register_complaint(store, head)
    desk.start()
    window = sign_in(qtbot, desk, "head", HEAD_PASSWORD)

    confirmation = choose_and_confirm(qtbot, desk, saved)
    qtbot.mouseClick(button(confirmation, "取消"), Qt.MouseButton.LeftButton)

    QApplication.processEvents()  # where a restore, had it been requested, would start
    assert desk.window is window and window.isVisible()
    assert queries.count_cases(desk.store) == 2
    assert not list(station_paths.backups.glob("replaced-*"))


def test_a_backup_of_another_station_is_refused_and_the_desk_goes_on_with_its_own_data(
    qtbot, desk, store, head, station_paths, tmp_path
):
    register_complaint(store, head)
    other, _code = create_store(StationPaths(tmp_path / "other"))
    foreign = other.backup()
    other.close()
    desk.start()
    sign_in(qtbot, desk, "head", HEAD_PASSWORD)

    confirmation = choose_and_confirm(qtbot, desk, foreign)
    qtbot.mouseClick(button(confirmation, "恢复"), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: any("不是本站的备份" in box.text() for box in visible(QMessageBox)))
    (refusal,) = visible(QMessageBox)
    refusal.accept()
    window = sign_in(qtbot, desk, "head", HEAD_PASSWORD)
    assert "共 1 件" in status_texts(window)
    assert not list(station_paths.backups.glob("replaced-*"))


# --- ending ---------------------------------------------------------------------------------------


def test_closing_the_main_window_ends_the_desk(qtbot, desk):
    desk.start()
    window = sign_in(qtbot, desk, "head", HEAD_PASSWORD)
    with qtbot.waitSignal(desk.ended) as ended:
        window.close()
    assert ended.args == [0]


def test_cancelling_sign_in_ends_the_desk(qtbot, desk):
    desk.start()
    dialog = wait_for_sign_in(qtbot, desk)
    with qtbot.waitSignal(desk.ended) as ended:
        dialog.reject()
    assert ended.args == [0]


def test_the_store_is_closed_when_the_desk_fails_to_start(qtbot, store, station_paths, monkeypatch):
    store.close()

    def broken_start(desk):
        raise RuntimeError("the desk could not start")

    # The application as the tests run it: the real one would take over Qt's message handler.
    monkeypatch.setattr(desk_module, "prepare_application", lambda language: QApplication.instance())
    monkeypatch.setattr(Desk, "start", broken_start)
    try:
        with pytest.raises(RuntimeError, match="could not start"):
            desk_module.run_desk(station_paths)
    finally:
        QApplication.instance().setQuitOnLastWindowClosed(True)
    # Closed, so a restore could have the store to itself.
    with exclusive_use(station_paths):
        pass
