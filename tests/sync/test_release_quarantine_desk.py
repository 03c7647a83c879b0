"""重新上传… in the sync panel, through the real widgets against a real hub: the head chooses a
quarantined case, is asked (the question names the case and warns it may be refused again),
and after the release the counts, the list and the sync column show it pending; the next sync
sends it. A mediator sees the button disabled and why. Also the panel's headline when another
sync of the station runs."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.desk import build_main_window
from app.services.sync_status import sync_overview
from app.sync.release import release
from app.sync.sync_lock import ANOTHER_SYNC, SyncAlreadyRunning
from app.views.sync_panel import ReleaseCaseBox
from app.views.sync_words import failure_words
from bureau import api
from tests.services.factories import register_complaint
from tests.sync.conftest import quick_policy, run
from tests.sync.test_refused_batch import HUB_LIMIT, case_number, incompressible_facts, quarantined
from tests.sync.test_station_sync import hub_holds, local_case_uid
from tests.sync.test_sync_desk import (  # noqa: F401 - fixtures
    click,
    enrolled,
    finish,
    hub_db_url,
    open_panel,
    sync_column,
    window,
)


@pytest.fixture
def refused(enrolled, head, monkeypatch):
    """A case the hub refused for its size (quarantined), and one it took."""
    monkeypatch.setattr(api, "MAX_WIRE_BYTES", HUB_LIMIT)
    small = register_complaint(enrolled, head)
    large = register_complaint(enrolled, head, facts=incompressible_facts(11))
    assert run(enrolled).rejected == 1
    return small, large


def choose_with_keyboard(qtbot, panel) -> None:
    """Tab into the list and move onto its (only) case, as a keyboard user does."""
    panel.attention_list.setFocus()
    qtbot.keyClick(panel.attention_list, Qt.Key.Key_Down)
    assert panel.attention_list.currentRow() == 0


def test_the_head_releases_a_quarantined_case_from_the_panel(qtbot, enrolled, head, hub, window, refused,
                                                             monkeypatch):
    small, large = refused
    number = case_number(enrolled, large)
    window = window()
    panel = open_panel(qtbot, window)
    assert panel.quarantined_label.text() == "1 件案件"
    assert not panel.release_button.isEnabled()  # nothing chosen yet
    choose_with_keyboard(qtbot, panel)
    assert panel.release_button.isEnabled()

    # Asked first; 取消 (the default: Enter, Escape) leaves the case quarantined.
    with qtbot.waitSignal(panel.dialog_opened) as opened:
        panel.release_button.setFocus()
        qtbot.keyClick(panel.release_button, Qt.Key.Key_Space)
    box = opened.args[0]
    assert isinstance(box, ReleaseCaseBox)
    assert number in box.text()
    assert "下次同步" in box.informativeText() and "再次拒收" in box.informativeText()
    assert "413" in box.informativeText()  # the hub's last reason
    assert box.defaultButton() is box.cancel_button
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert quarantined(enrolled).keys() == {number}

    # Enter on the chosen case asks too; 重新上传 releases it, and everything is read again.
    monkeypatch.setattr(api, "MAX_WIRE_BYTES", 8_000_000)  # the bureau has fixed its side
    with qtbot.waitSignal(panel.dialog_opened) as opened:
        qtbot.keyClick(panel.attention_list, Qt.Key.Key_Return)
    box = opened.args[0]
    with qtbot.waitSignal(panel.cases_changed):
        click(qtbot, box.release_button)
    assert quarantined(enrolled) == {}
    assert panel.quarantined_label.text() == "0 件案件"
    assert panel.pending_label.text() == "1 条办理记录"
    assert panel.attention_list.isHidden() and not panel.release_button.isEnabled()
    qtbot.waitUntil(lambda: sorted(sync_column(window)) == ["已同步", "待上传"])

    click(qtbot, panel.start_button)
    assert finish(qtbot, panel).startswith("✔ 同步完成")
    assert set(hub_holds(hub)) == {local_case_uid(enrolled, small), local_case_uid(enrolled, large)}
    assert sync_overview(enrolled).pending == 0


def test_a_case_released_meanwhile_is_said_and_the_panel_shows_it(qtbot, enrolled, head, window, refused):
    _small, large = refused
    window = window()
    panel = open_panel(qtbot, window)
    choose_with_keyboard(qtbot, panel)
    with qtbot.waitSignal(panel.dialog_opened) as opened:
        click(qtbot, panel.release_button)
    release(enrolled, head, large)  # from another window of the desk, while the question is open
    click(qtbot, opened.args[0].release_button)

    def told() -> list[str]:
        return [w.text() for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and not isinstance(w, ReleaseCaseBox) and w.isVisible()]

    qtbot.waitUntil(lambda: any("没有被隔离" in text for text in told()))
    assert panel.quarantined_label.text() == "0 件案件" and panel.attention_list.isHidden()
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.isVisible():
            box.close()


@pytest.fixture
def mediator_window(qtbot, store, mediator):
    window = build_main_window(store, mediator, sync_policy=quick_policy)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_mediator_sees_the_button_disabled_and_why(qtbot, enrolled, refused, mediator_window):
    panel = open_panel(qtbot, mediator_window)
    choose_with_keyboard(qtbot, panel)
    assert not panel.release_button.isEnabled()
    assert "只有站长" in panel.release_button.toolTip()
    with qtbot.assertNotEmitted(panel.dialog_opened):
        qtbot.keyClick(panel.attention_list, Qt.Key.Key_Return)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ReleaseCaseBox) and w.isVisible()]
    assert len(quarantined(enrolled)) == 1


def test_another_sync_running_has_a_headline_of_its_own():
    words = failure_words(SyncAlreadyRunning(ANOTHER_SYNC))
    assert words.headline.startswith("⚠ 另一个同步正在进行")
    assert words.lines[0] == ANOTHER_SYNC
