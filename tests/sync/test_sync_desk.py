"""The sync on the desk, through the real widgets, with a real hub over real HTTP: enrolling from
the settings, the sync panel (progress, result, cancel, failures), the list's sync column, the
conflict dialog, and the bureau's notices in 今日待办."""

import json
import threading
import uuid
from datetime import date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from sqlalchemy import select

from app.desk import build_main_window
from app.keystore import save_hub_secret
from app.models.case import Case
from app.models.sync_state import BureauNotice, SyncConflict
from app.services import details
from app.services.editing import edit_case
from app.services.sync_status import sync_overview
from app.sync import enrolment, protocol
from app.sync.canonical import content_sha256
from app.sync.outbox import pending_count
from app.views.case_table_model import CaseTableModel
from app.views.conflict_dialog import ConflictDialog
from app.views.error_dialog import ErrorDialog
from app.views.form_window import CaseWindow
from app.views.icons import icon
from app.views.settings_dialog import SettingsDialog, SettingsServices
from app.views.sync_panel import SyncPanel
from bureau import admin
from bureau.models import Case as HubCase
from bureau.models import Station
from tests.services.factories import register_complaint
from tests.gui.conftest import open_view  # noqa: F401 (a fixture: the case detail, as the desk tests open it)
from tests.sync.conftest import quick_policy, station_code
from tests.sync.fault_proxy import PASS
from tests.sync.test_station_sync import STATION, hub_changes_field, hub_holds, hub_session, local_case_uid, run


@pytest.fixture
def hub_db_url(tmp_path):
    """The desk is what these tests are about: one hub database is enough (both kinds are covered
    by test_station_sync)."""
    return f"sqlite:///{tmp_path / 'hub.db'}"


class Gate:
    """Holds the first request whose line starts with ``prefix`` at the proxy until ``open()``:
    the sync is then caught in the middle, where the user can look at it or cancel it."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self.reached = threading.Event()
        self.opened = threading.Event()

    def __call__(self, request_line: str) -> str:
        if request_line.startswith(self.prefix) and not self.opened.is_set():
            self.reached.set()
            self.opened.wait(20)
        return PASS

    def open(self) -> None:
        self.opened.set()


@pytest.fixture
def enrolled(store, hub, proxy):
    """The station, enrolled with the hub through the proxy, with two complaints not yet sent."""
    enrolment.enrol(store, proxy.url, station_code(hub, STATION))
    return store


@pytest.fixture
def window(qtbot, qtmodeltester, store, head):
    made = []

    def make():
        window = build_main_window(store, head, sync_policy=quick_policy)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtmodeltester.check(window.case_table.model())
        made.append(window)
        return window

    yield make
    for window in made:
        panel = window.sync.panel
        if panel is not None and panel.running:
            panel.cancel()
            qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
        for opened in window.findChildren(CaseWindow):
            opened.close()


def status_texts(window) -> list[str]:
    return [label.text() for label in window.statusBar().findChildren(QLabel)]


def status_line(window) -> str:
    return window.sync.status_label.text()


def wait_for_status(qtbot, window, *parts: str) -> str:
    """The status line once it shows ``parts`` (it is read in the background)."""
    qtbot.waitUntil(lambda: all(part in status_line(window) for part in parts), timeout=10_000)
    return status_line(window)


def sync_column(window) -> list[str]:
    model = window.case_table.model()
    return [model.index(row, CaseTableModel.SYNC).data() for row in range(model.rowCount())]


def open_panel(qtbot, window) -> SyncPanel:
    """What the 同步 menu's item does (and Ctrl+Shift+Y, which the offscreen platform does not
    deliver reliably without an active window; the binding is checked below)."""
    window.sync.open_action.trigger()
    qtbot.waitUntil(lambda: window.sync.panel is not None and window.sync.panel.isVisible())
    return window.sync.panel


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def finish(qtbot, panel: SyncPanel) -> str:
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
    return panel.result_text()


# --- enrolling ----------------------------------------------------------------------------------


@pytest.fixture
def settings(qtbot, store):
    def open_settings(actor) -> SettingsDialog:
        dialog = SettingsDialog(SettingsServices.for_store(store, actor))
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitExposed(dialog)
        return dialog

    return open_settings


def enter_code(qtbot, box, code: str) -> None:
    click(qtbot, box.enrol_button)
    dialog = box.code_dialog
    qtbot.waitExposed(dialog)
    dialog.setTextValue(code)
    click(qtbot, next(b for b in dialog.findChildren(QPushButton) if b.text() == "登记"))


def test_the_head_enrols_the_station_from_the_settings(qtbot, settings, store, head, hub):
    dialog = settings(head)
    box = dialog.hub_box
    assert box.status_label.text() == "尚未登记。"

    box.hub_edit.setText("hub.example.cn")
    click(qtbot, box.enrol_button)
    assert "https://" in box.address_error() and box.code_dialog is None  # asked before any code

    box.hub_edit.setText(hub.url)
    enter_code(qtbot, box, "ABCD-EFGH-JKLM-NPQR")
    qtbot.waitUntil(lambda: box.enrol_button.isEnabled(), timeout=10_000)
    assert "登记码无效" in box.status_label.text()
    assert not enrolment.is_enrolled(store)

    with qtbot.waitSignal(box.enrolled, timeout=10_000):
        enter_code(qtbot, box, station_code(hub, STATION))
    qtbot.waitUntil(lambda: box.enrol_button.isEnabled())
    assert box.status_label.text().startswith(f"已登记到 {hub.url}")
    assert enrolment.is_enrolled(store) and enrolment.hub_url(store) == hub.url


def test_a_mediator_sees_the_hub_but_cannot_enrol(settings, mediator):
    dialog = settings(mediator)
    assert dialog.hub_box.enrol_button.isHidden() and dialog.hub_box.hub_edit.isReadOnly()


# --- the sync panel -----------------------------------------------------------------------------


def test_a_sync_shows_its_progress_then_the_verified_result(qtbot, enrolled, head, window, proxy, hub):
    register_complaint(enrolled, head)
    register_complaint(enrolled, head, request="换货")
    window = window()
    assert sync_column(window) == ["待上传", "待上传"]
    index = window.case_table.model().index(0, CaseTableModel.SYNC)
    assert index.data(Qt.ItemDataRole.DecorationRole).cacheKey() == icon("pending").cacheKey()
    wait_for_status(qtbot, window, "未同步 2 条", "从未核验同步")

    panel = open_panel(qtbot, window)
    assert panel.pending_label.text() == "2 条办理记录"
    assert panel.hub_label.text() == f"市局中心：{proxy.url}"
    gate = Gate("GET /v1/feed")  # after the upload: caught there, the panel has its counts
    proxy.choose = gate
    click(qtbot, panel.start_button)
    assert gate.reached.wait(10)
    qtbot.waitUntil(lambda: panel.phase_label.text() == "上传办理记录：2 / 2 条")
    assert panel.progress_bar.value() == 100
    assert panel.bytes_label.text().startswith("已发送 ") and "已发送 0.0 KB" not in panel.bytes_label.text()
    assert not panel.start_button.isEnabled() and panel.cancel_button.isVisible()

    # The panel may be closed: the sync goes on, and the status bar says so.
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    assert not panel.isVisible() and panel.running
    assert status_line(window).startswith("正在同步…")
    gate.open()
    result = finish(qtbot, panel)

    assert result.startswith("✔ 同步完成，本站与市局中心核验一致。")
    assert "上传：新记录 2 条" in result
    assert sync_column(window) == ["已同步", "已同步"]
    wait_for_status(qtbot, window, "未同步 0 条", "上次核验同步：")
    panel = open_panel(qtbot, window)
    assert panel.pending_label.text() == "0 条办理记录"
    assert (panel.rejected_label.text(), panel.conflict_label.text()) == ("0 条", "0 件案件")
    assert panel.quarantined_label.text() == "0 件案件"
    assert panel.verified_label.text().startswith("上次核验同步：")
    assert panel.result_text() == result  # what the last sync said is still there
    assert len(hub_holds(hub)) == 2


def test_cancel_stops_the_sync_and_nothing_is_lost(qtbot, enrolled, head, window, proxy, hub):
    register_complaint(enrolled, head)
    register_complaint(enrolled, head, request="换货")
    window = window()
    panel = open_panel(qtbot, window)
    gate = Gate("GET /v1/time")
    proxy.choose = gate
    click(qtbot, panel.start_button)
    assert gate.reached.wait(10)
    click(qtbot, panel.cancel_button)
    assert panel.phase_label.text().startswith("正在取消")
    gate.open()
    result = finish(qtbot, panel)

    assert result.startswith("同步已取消。")
    assert panel.pending_label.text() == "2 条办理记录"  # still waiting, none lost
    with enrolled.reading() as session:
        assert pending_count(session) == 2
    assert hub_holds(hub) == {}
    assert sync_column(window) == ["待上传", "待上传"]

    click(qtbot, panel.start_button)  # the next sync sends them
    assert finish(qtbot, panel).startswith("✔ 同步完成")
    assert panel.pending_label.text() == "0 条办理记录" and len(hub_holds(hub)) == 2


def test_a_network_failure_is_a_readable_message(qtbot, enrolled, head, window, proxy):
    register_complaint(enrolled, head)
    window = window()
    panel = open_panel(qtbot, window)
    proxy.close()  # the link is down: nothing answers at the hub's address
    click(qtbot, panel.start_button)
    result = finish(qtbot, panel)

    assert result.startswith("⚠ 无法连接市局中心，同步没有完成。请检查网络后再同步。")
    assert "网络中断" in result and "Traceback" not in result
    assert "中心已确认的记录保留，其余的下次同步时再发送。" in result
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog) and w.isVisible()]
    assert panel.pending_label.text() == "1 条办理记录" and panel.start_button.isEnabled()


def test_a_refusal_by_the_hub_is_a_readable_message(qtbot, enrolled, head, window):
    register_complaint(enrolled, head)
    save_hub_secret(enrolled.station_uid, bytes(32))  # not the secret the hub gave: signatures fail
    window = window()
    panel = open_panel(qtbot, window)
    click(qtbot, panel.start_button)
    result = finish(qtbot, panel)
    assert result.startswith("⚠ 市局中心拒绝了本站的请求，同步没有完成。")
    assert "（401）" in result and "Traceback" not in result


def test_a_station_not_enrolled_is_told_how(qtbot, store, head, window):
    window = window()
    panel = open_panel(qtbot, window)
    assert panel.hub_label.text() == "本站尚未登记到市局中心：请站长在“设置”的“市局中心”中登记。"
    assert not panel.start_button.isEnabled()


# --- conflicts ----------------------------------------------------------------------------------


@pytest.fixture
def conflict(enrolled, head, hub):
    """A case whose request was changed both here and at the hub since the last sync, then synced:
    the hub keeps its value and sends it down; the station's is kept in the conflict."""
    case_id = register_complaint(enrolled, head)
    assert run(enrolled).verified
    hub_changes_field(hub, local_case_uid(enrolled, case_id), ("case", "request"), "换货")
    edit_case(enrolled, head, case_id, {"request": "退货退款并赔偿"})
    run(enrolled)
    assert [c.field for c in conflicts(enrolled, resolved=False)] == ["case/request"]
    return case_id


def conflicts(store, *, resolved: bool) -> list[SyncConflict]:
    settled = SyncConflict.resolved_at.is_not(None) if resolved else SyncConflict.resolved_at.is_(None)
    with store.reading() as session:
        return session.scalars(select(SyncConflict).where(settled)).all()


def test_a_conflict_shows_in_the_detail_and_keeping_the_station_value_is_recorded(
    qtbot, conflict, head, hub, open_view, enrolled
):
    view = open_view(head, conflict)
    notice = view.conflict_notice
    assert notice.isVisible()
    assert notice.label.text().startswith("⚠ 此案有同步冲突：1 个字段")
    assert view.detail.request == "换货"  # the hub's value came down; ours waits in the conflict

    with qtbot.waitSignal(view.dialog_opened) as opened:
        click(qtbot, notice.open_button)
    dialog: ConflictDialog = opened.args[0]
    qtbot.waitExposed(dialog)
    assert dialog.field_paths() == ["case/request"]
    station, hub_value = dialog.value_labels["case/request"]
    assert (station.text(), hub_value.text()) == ("退货退款并赔偿", "换货")
    assert not dialog.apply_button.isEnabled()  # nothing chosen yet
    keep = next(b for b in dialog.choices["case/request"].buttons() if b.text() == "保留本站")
    click(qtbot, keep)
    with qtbot.waitSignal(view.changed):
        click(qtbot, dialog.apply_button)

    assert not notice.isVisible()
    assert view.detail.request == "退货退款并赔偿"
    newest = view.detail.history[-1]
    assert newest.action == "resolve_conflict" and newest.changes == {"request": ["换货", "退货退款并赔偿"]}
    assert conflicts(enrolled, resolved=False) == [] and len(conflicts(enrolled, resolved=True)) == 1

    # The choice goes up as a new change; both sides then hold the station's value.
    assert run(enrolled).verified
    with hub_session(hub)() as session:
        content = json.loads(session.scalars(select(HubCase)).one().content)
    assert content["case"]["request"] == "退货退款并赔偿"


def test_the_panel_counts_the_conflict_and_taking_the_hub_value_needs_no_change(
    qtbot, conflict, head, window, enrolled
):
    window = window()
    number = window.case_table.model().index(0, CaseTableModel.NUMBER).data()
    assert sync_column(window) == ["有冲突"]
    panel = open_panel(qtbot, window)
    assert panel.conflict_label.text() == "1 件案件"
    assert panel.attention_list.item(0).text() == f"{number} · 有冲突（1 个字段）"
    history_before = len(details.case_detail(enrolled, conflict, role=head.role).history)

    with qtbot.waitSignal(panel.dialog_opened) as opened:
        click(qtbot, panel.conflict_button)
    dialog: ConflictDialog = opened.args[0]
    assert dialog.windowTitle() == f"处理同步冲突 {number}"
    click(qtbot, dialog.take_all_button)
    with qtbot.waitSignal(panel.cases_changed):
        click(qtbot, dialog.apply_button)

    assert panel.conflict_label.text() == "0 件案件" and panel.attention_list.isHidden()
    # The case holds the hub's value already: nothing to record, the conflict is only settled.
    assert len(details.case_detail(enrolled, conflict, role=head.role).history) == history_before
    assert sync_column(window) == ["已同步"]


# --- the bureau's notices -----------------------------------------------------------------------


def test_work_orders_and_supervision_notices_appear_in_todays_work_and_open_their_case(
    qtbot, qtmodeltester, enrolled, head, hub, window
):
    case_id = register_complaint(enrolled, head)
    assert run(enrolled).verified
    order = protocol.WorkOrder(
        case_uid=str(uuid.uuid4()), platform_ref="1233010000202611280001", channel="12315", kind="complaint",
        received_at=datetime.now(timezone.utc) - timedelta(hours=2),
        complainant=protocol.WorkOrderParty(name="李四", phone="13900139000"),
        respondent=protocol.WorkOrderParty(name="灵隐素斋馆", address="杭州市西湖区法云弄"),
        request="退还餐费 260 元",
    )
    with hub_session(hub).begin() as session:
        admin.dispatch(session, STATION, order, datetime.now(timezone.utc))
        admin.supervise(session, protocol.Supervision(case_uid=local_case_uid(enrolled, case_id),
                                                      text="该件已超期，请于期限内办结", respond_by=date(2026, 12, 5)),
                        datetime.now(timezone.utc))
    window = window()
    work = window.work_today_panel
    qtmodeltester.check(work.model)
    assert work.notices is None  # nothing from the bureau yet: no section for it
    panel = open_panel(qtbot, window)
    click(qtbot, panel.start_button)
    assert finish(qtbot, panel).startswith("✔ 同步完成")
    assert "接收：分送工单 1 件，督办/撤回 1 条" in panel.result_text()

    # Today's work is read again in the background after the sync.
    qtbot.waitUntil(lambda: work.notices is not None and work.notices.text() == "市局通知（2）")
    supervision, dispatched = work.entries(work.notices)  # the one with a reply date first
    with enrolled.reading() as session:
        numbers = dict(session.execute(select(Case.uid, Case.number)).all())
    assert work.texts(supervision) == [numbers[local_case_uid(enrolled, case_id)], "督办：该件已超期，请于期限内办结",
                                      "请于 2026-12-05 前回复"]
    assert work.texts(dispatched)[0] == numbers[order.case_uid]
    assert work.texts(dispatched)[1].startswith("市局分送工单 1233010000202611280001，已登记为 ")

    work.tree.setFocus()
    work.tree.setCurrentIndex(dispatched)
    qtbot.keyClick(work.tree, Qt.Key.Key_Return)
    (opened,) = window.findChildren(CaseWindow)
    assert opened.windowTitle() == f"案件 {numbers[order.case_uid]}"
    opened.close()

    work.tree.setCurrentIndex(supervision)
    assert work.done_button.isEnabled()
    click(qtbot, work.done_button)
    qtbot.waitUntil(lambda: len(work.entries(work.notices)) == 1)  # read again in the background
    (left,) = work.entries(work.notices)
    assert work.texts(left)[0] == numbers[order.case_uid]
    with enrolled.reading() as session:
        done = session.scalars(select(BureauNotice).where(BureauNotice.done_at.is_not(None))).one()
    assert done.kind == "supervision"


def test_ctrl_shift_y_opens_the_panel_and_no_other_action_uses_it(window):
    window = window()
    sequence = QKeySequence("Ctrl+Shift+Y")
    assert window.sync.open_action.shortcut() == sequence
    taken = [action.text() for action in window.findChildren(QAction) if action.shortcut() == sequence]
    assert taken == ["与市局中心同步…"]


def test_the_sync_column_does_not_sort_and_says_so(qtbot, store, head, window):
    register_complaint(store, head)
    register_complaint(store, head, request="换货")
    window = window()
    model = window.case_table.model()
    first = model.index(0, CaseTableModel.NUMBER).data()
    header = window.case_table.horizontalHeader()
    assert model.headerData(CaseTableModel.SYNC, Qt.Orientation.Horizontal) == "同步"
    tip = model.headerData(CaseTableModel.SYNC, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "此列不能排序" in tip
    where = QPoint(header.sectionViewportPosition(CaseTableModel.SYNC) + header.sectionSize(CaseTableModel.SYNC) // 2,
                   header.height() // 2)
    with qtbot.waitSignal(model.sort_refused):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert model.sort_column() == -1 and header.sortIndicatorSection() == -1
    assert model.index(0, CaseTableModel.NUMBER).data() == first  # still newest first
    assert "“同步”列不能排序。" in window.statusBar().currentMessage()
    assert sync_overview(store).pending == 2


def test_a_rejected_case_is_marked_in_the_list_and_counted_in_the_panel(qtbot, enrolled, head, hub, window):
    taken = register_complaint(enrolled, head)
    register_complaint(enrolled, head, request="换货")
    with hub_session(hub).begin() as session:  # another station already holds a case with that ID
        other = Station(name="灵隐服务站", uid=str(uuid.uuid4()), secret="0" * 64,
                        created_at=datetime.now(timezone.utc), feed_seq=0)
        session.add(other)
        session.flush()
        session.add(HubCase(uid=local_case_uid(enrolled, taken), station_id=other.id, number="T2026-09999", version=1,
                            content="{}", content_sha256=content_sha256({}), updated_at=datetime.now(timezone.utc)))
    window = window()
    panel = open_panel(qtbot, window)
    click(qtbot, panel.start_button)
    result = finish(qtbot, panel)

    assert result.startswith("⚠ 同步未完成：本站与市局中心核验不一致。")
    assert "注意：本站与中心不一致的案件：" in result
    assert (panel.rejected_label.text(), panel.quarantined_label.text()) == ("1 条", "1 件案件")
    assert panel.attention_list.item(0).text().endswith("被拒收：该案件属于另一站点。")
    assert sorted(sync_column(window)) == ["已同步", "被拒收"]

    edit_case(enrolled, head, taken, {"facts": "补充：有购物小票"})  # held back behind the rejected change
    window.refresh()
    panel.refresh()
    assert panel.quarantined_label.text() == "1 件案件（其后的 1 条记录暂不上传）"
    assert panel.pending_label.text() == "0 条办理记录"
    with enrolled.reading() as session:
        assert sync_overview(enrolled).pending == pending_count(session) == 0
    wait_for_status(qtbot, window, "未同步 2 条")  # the rejected change and the one held behind it


def test_a_station_clock_off_by_more_than_five_minutes_is_warned_about(qtbot, enrolled, head, window, hub):
    register_complaint(enrolled, head)
    hub.clock_shift[0] = 10 * 60  # the hub's clock is ten minutes ahead of ours
    window = window()
    panel = open_panel(qtbot, window)
    click(qtbot, panel.start_button)
    result = finish(qtbot, panel)
    assert result.startswith("✔ 同步完成")  # signed with the corrected time, so it still goes through
    assert panel.clock_label.isVisible()
    assert panel.clock_label.text() == "⚠ 本机时钟比市局中心慢 10 分钟，请校准本机时间。"
