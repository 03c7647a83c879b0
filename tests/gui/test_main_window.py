"""The main window over a real store: the count in the status bar, searching the list."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QToolBar, QToolButton

from app.domain.vocabulary import CaseState
from app.services import queries
from app.services.intake import register_case
from app.views.bindings import intake_services
from app.views.case_detail import CaseDetailView, CaseServices
from app.views.case_table_model import CaseRowRole, CaseTableModel
from app.views.form_window import CaseWindow
from app.views.icons import icon
from app.views.intake_form import IntakeForm
from app.views.main_window import MainWindow
from tests.services.factories import complaint_draft

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot, store, head, register_complaint):
    register_complaint("张三", "13800138000", "西湖游船公司")
    for i in range(4):
        register_complaint(f"游客{chr(0x4E00 + i)}", f"1390000000{i}", "灵隐茶社")
    model = CaseTableModel(
        fetch=lambda criteria, after, limit: queries.list_cases(store, criteria, after=after, limit=limit),
        count=lambda criteria, limit: queries.count_cases(store, criteria, limit=limit),
    )
    window = MainWindow(
        model,
        "西湖景区消费维权服务站",
        head,
        new_intake=lambda: IntakeForm(intake_services(store, head), "intake:test", head),
        case_view=lambda case_id: CaseDetailView(CaseServices.for_store(store, head), case_id),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def status_texts(window: MainWindow) -> list[str]:
    return [label.text() for label in window.statusBar().findChildren(QLabel)]


def test_title_and_status_bar(window):
    assert window.windowTitle() == "消费维权调解台 — 西湖景区消费维权服务站"
    assert "西湖景区消费维权服务站" in status_texts(window)
    assert "王建国（站长）" in status_texts(window)
    assert "共 5 件" in status_texts(window)
    assert window.case_table.model().rowCount() == 5


def type_with_input_method(qapp, edit: QLineEdit, text: str) -> None:
    """Chinese arrives as an input method's committed text, not as key presses."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    qapp.sendEvent(edit, event)


def test_the_toolbar_shows_our_icons_beside_the_words_and_the_search_box_its_glass(qtbot, window):
    toolbar = window.findChild(QToolBar, "cases")
    assert toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    for action, name in [
        (window.new_intake_action, "new-case"),
        (window.refresh_action, "refresh"),
        (window.settings_action, "settings"),
        (window.lock_action, "lock"),
    ]:
        assert action.icon().cacheKey() == icon(name).cacheKey(), name
    shown = [toolbar.widgetForAction(action) for action in toolbar.actions() if action.isVisible()]
    assert [button.text() for button in shown if isinstance(button, QToolButton)][:2] == ["新登记", "刷新"]
    (glass,) = window.search_edit.actions()[:1]
    assert glass.icon().cacheKey() == icon("search").cacheKey()


def test_the_lock_action_appears_once_the_desk_offers_a_lock(qtbot, window):
    assert not window.lock_action.isVisible()
    locked = []
    window.offer_lock(lambda: locked.append(True))
    assert window.lock_action.isVisible() and window.lock_action.shortcut().toString() == "Ctrl+L"
    window.lock_action.trigger()
    assert locked == [True]


def test_search_narrows_the_table_after_a_pause(qtbot, window):
    qtbot.keyClicks(window.search_edit, "138001")
    # Typing does not search at once: the list changes only after the pause.
    assert window.case_table.model().rowCount() == 5
    qtbot.waitUntil(lambda: window.case_table.model().rowCount() == 1, timeout=2000)
    assert window.case_table.model().index(0, CaseTableModel.COMPLAINANT).data() == "张三 138****8000"
    assert "共 1 件" in status_texts(window)


def test_search_by_a_two_character_chinese_name(qapp, qtbot, window):
    type_with_input_method(qapp, window.search_edit, "游客")
    qtbot.waitUntil(lambda: window.case_table.model().rowCount() == 4, timeout=2000)
    assert "共 4 件" in status_texts(window)


def test_columns_are_sized_once_and_keep_the_users_widths(qtbot, window):
    table = window.case_table
    # Sized to their content at first...
    assert table.columnWidth(CaseTableModel.COMPLAINANT) >= table.sizeHintForColumn(CaseTableModel.COMPLAINANT)
    # ...then left as the user sets them, whatever the list shows next.
    table.horizontalHeader().resizeSection(CaseTableModel.COMPLAINANT, 40)
    with qtbot.waitSignal(table.model().modelReset):
        qtbot.keyClick(table, Qt.Key.Key_F5)
    type_with_input_method(QApplication.instance(), window.search_edit, "游客")
    qtbot.waitUntil(lambda: table.model().rowCount() == 4, timeout=2000)
    assert table.columnWidth(CaseTableModel.COMPLAINANT) == 40


def test_above_the_count_limit_the_status_bar_says_so_and_counts_on_demand(
    qtbot, monkeypatch, store, head, register_complaint
):
    for i in range(30):
        register_complaint(f"游客{chr(0x4E00 + i)}", f"1390000{i:04d}", "灵隐茶社")
    monkeypatch.setattr(CaseTableModel, "PAGE_SIZE", 10)
    monkeypatch.setattr(CaseTableModel, "COUNT_LIMIT", 15)
    model = CaseTableModel(
        fetch=lambda criteria, after, limit: queries.list_cases(store, criteria, after=after, limit=limit),
        count=lambda criteria, limit: queries.count_cases(store, criteria, limit=limit),
    )
    window = MainWindow(model, "西湖景区消费维权服务站", head)
    qtbot.addWidget(window)
    window.resize(900, 300)  # a few rows in view: the first page fills it
    window.show()
    qtbot.waitExposed(window)
    assert "超过 15 件" in status_texts(window)
    assert window.count_all_button.isVisible()

    qtbot.mouseClick(window.count_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "共 30 件" in status_texts(window))
    assert window.count_all_button.isHidden()
    assert model.rowCount() < 30  # counted, not read to the end


def test_a_refresh_is_announced_and_a_change_of_filter_is_not(qtbot, window):
    # What shows the station's state beside the list (the sync status line) follows refreshes,
    # not each change of filter.
    with qtbot.assertNotEmitted(window.refreshed):
        with qtbot.waitSignal(window.case_table.model().modelReset):
            window.filter_bar.state_actions[CaseState.REGISTERED].trigger()
    with qtbot.waitSignal(window.refreshed):
        qtbot.keyClick(window.case_table, Qt.Key.Key_F5)


def test_the_desk_starts_without_importing_the_case_view():
    # The case view brings the documents and their printing: imported when a case is opened.
    probe = "import sys, app.desk, app.cli; print('app.views.case_detail' in sys.modules, 'reportlab' in sys.modules)"
    started = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert started.stdout.split() == ["False", "False"]


def test_activating_a_row_opens_the_case_and_its_steps_refresh_the_list(qtbot, window):
    table = window.case_table
    index = table.model().index(0, 0)
    row = index.data(CaseRowRole)
    table.activated.emit(index)
    (opened,) = window.findChildren(CaseWindow)
    assert opened.windowTitle() == f"案件 {row.number}"
    with qtbot.waitSignal(table.model().modelReset):
        opened.view.changed.emit(row.id)
    opened.close()


def test_a_registration_refreshes_the_list_and_opens_the_new_case(qtbot, window, store, head):
    dialog = window.open_intake()
    assert isinstance(dialog.form, IntakeForm) and dialog.isVisible()
    registered = register_case(store, head, complaint_draft())
    with qtbot.waitSignal(window.case_table.model().modelReset):
        dialog.form.registered.emit(registered)
    assert "共 6 件" in status_texts(window)
    assert [w.windowTitle() for w in window.findChildren(CaseWindow)] == [f"案件 {registered[0].number}"]
    for opened in window.findChildren(CaseWindow):
        opened.close()


def test_closing_the_intake_window_asks_only_when_something_was_typed(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args[2]) or answer)
    empty = window.open_intake()
    empty.reject()
    assert not empty.isVisible() and asked == []

    typed = window.open_intake()
    typed.form.widget_for("request").setPlainText("退货退款")
    typed.reject()
    assert typed.isVisible() and asked == ["放弃未保存的内容？"]
    answer = QMessageBox.StandardButton.Yes
    typed.reject()
    assert not typed.isVisible()


def test_the_desk_window_offers_settings_and_saves_open_drafts(qtbot, store, head):
    from app.desk import build_main_window
    from app.services.drafts_store import load_draft
    from app.views.settings_dialog import SettingsDialog

    window = build_main_window(store, head)
    qtbot.addWidget(window)
    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    dialog.close()
    intake = window.open_intake()
    intake.form.widget_for("request").setPlainText("退货退款")
    window.save_open_drafts()
    assert load_draft(store, f"intake:{head.user_id}").content


def test_the_signed_in_desk_locks_from_its_toolbar(qtbot, store, station_paths):
    from app.desk import Desk
    from app.views.lock_screen import LockDialog
    from tests.conftest import HEAD_PASSWORD

    desk = Desk(station_paths, store)
    try:
        desk.start()  # the day's check first, then sign-in
        qtbot.waitUntil(lambda: desk.sign_in is not None and desk.sign_in.isVisible(), timeout=10_000)
        dialog = desk.sign_in
        qtbot.keyClicks(dialog.username_edit, "head")
        qtbot.keyClicks(dialog.password_edit, HEAD_PASSWORD)
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: desk.window is not None and desk.window.isVisible())
        assert desk.window.lock_action.isVisible()
        desk.window.lock_action.trigger()
        qtbot.waitUntil(
            lambda: any(isinstance(w, LockDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
        )
    finally:
        desk.close()
