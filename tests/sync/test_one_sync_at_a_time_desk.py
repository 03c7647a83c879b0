"""The desk's sync panel while a scheduled `mediation-desk sync` of the same station runs: the
panel's sync ends at once with a readable message, and the next one, after it, goes through."""

from PySide6.QtWidgets import QApplication

from app.cli_sync import connect
from app.sync import enrolment
from app.sync.engine import run_sync
from app.views.error_dialog import ErrorDialog
from tests.services.factories import register_complaint
from tests.sync.conftest import quick_policy, station_code
from tests.sync.test_one_sync_at_a_time import drive
from tests.sync.test_station_sync import STATION, hub_holds
from tests.sync.test_sync_desk import click, finish, hub_db_url, open_panel, window  # noqa: F401 - fixtures


def test_the_panel_says_another_sync_is_running_and_changes_nothing(qtbot, store, head, hub, window):
    enrolment.enrol(store, hub.url, station_code(hub, STATION))
    register_complaint(store, head)
    window = window()
    panel = open_panel(qtbot, window)
    with connect(store) as client:
        client.policy = quick_policy()
        scheduled = run_sync(store, client)
        next(scheduled)  # the scheduled sync has begun and holds the lock
        click(qtbot, panel.start_button)
        result = finish(qtbot, panel)
        assert result.startswith("⚠ 另一个同步正在进行")
        assert "本站已有另一个同步正在进行" in result and "Traceback" not in result
        assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog) and w.isVisible()]
        assert panel.pending_label.text() == "1 条办理记录" and hub_holds(hub) == {}
        assert drive(scheduled).verified

    click(qtbot, panel.start_button)
    assert finish(qtbot, panel).startswith("✔ 同步完成")
    assert len(hub_holds(hub)) == 1
