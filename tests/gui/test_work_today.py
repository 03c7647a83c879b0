"""“今日待办” beside the list, and the status bar's last backup, over a real store."""

import os
import threading
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.desk import build_main_window
from app.domain import clock
from app.services import acceptance, mediation, queries, worklist
from app.views.case_detail import CaseDetailView, CaseServices
from app.views.case_table_model import CaseTableModel
from app.views.form_window import CaseWindow
from app.views.main_window import MainWindow
from app.views.work_today import WorkTodayPanel
from tests.services.factories import register_complaint


@pytest.fixture
def work(store, head, mediator):
    """The mediator's: a month-old complaint (overdue), a fresh one (not urgent), an agreed one
    (waiting for its follow-up), and a refusal proposed to the head."""
    made = {
        "overdue": register_complaint(
            store, mediator, received_at=clock.now() - timedelta(days=30), mediator_id=mediator.user_id
        ),
        "fresh": register_complaint(store, mediator, mediator_id=mediator.user_id),
        "agreed": register_complaint(
            store, mediator, received_at=clock.now() - timedelta(days=3), mediator_id=mediator.user_id
        ),
        "refused": register_complaint(store, mediator, mediator_id=mediator.user_id),
    }
    acceptance.accept(store, mediator, made["agreed"])
    mediation.record_agreement(store, mediator, made["agreed"], terms=["退款"], amount_recovered="10", make_document=False)
    acceptance.refuse(store, mediator, made["refused"], ground=1, reason="不属于职责")
    return made


def number_of(store, case_id: int) -> str:
    return next(row.number for row in queries.list_cases(store) if row.id == case_id)


@pytest.fixture
def panel(qtbot, qtmodeltester, store, head, work):
    panel = WorkTodayPanel(lambda: worklist.work_today(store, head))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.refreshed):  # read in the background once the event loop runs
        panel.show()
    qtbot.waitExposed(panel)
    qtmodeltester.check(panel.model)
    return panel


def texts(panel: WorkTodayPanel, section) -> list[list[str]]:
    return [panel.texts(entry) for entry in panel.entries(section)]


def test_the_three_sections_list_the_right_cases(panel, store, work):
    overdue = number_of(store, work["overdue"])
    (row,) = texts(panel, panel.deadlines)
    assert row[0] == overdue
    assert row[1] == "张三 138****8000 — 湖滨玉器行"
    assert row[2].endswith(" · 受理决定期限 · 已超期")
    assert panel.deadlines.text() == "期限将至或已超期（1）"

    ((number, _parties, waiting),) = texts(panel, panel.follow_ups)
    assert number == number_of(store, work["agreed"]) and waiting == "待回访（调解成功）"

    ((number, what, who),) = texts(panel, panel.confirmations)
    assert number == number_of(store, work["refused"])
    assert what == "不予受理：不属于职责"
    assert who.startswith("李明 提议于 ")


def test_until_it_is_read_each_section_says_it_is_being_computed(qtbot, store, head, work):
    panel = WorkTodayPanel(lambda: worklist.work_today(store, head))
    qtbot.addWidget(panel)
    # Read in the background once the event loop runs: nothing has been read yet.
    assert [panel.deadlines.text(), panel.follow_ups.text(), panel.confirmations.text()] == [
        "期限将至或已超期",
        "待回访",
        "待站长确认",
    ]
    assert panel.deadlines.child(0).text() == "正在计算…" and panel.entries(panel.deadlines) == []
    with qtbot.waitSignal(panel.refreshed):
        pass
    assert panel.deadlines.text() == "期限将至或已超期（1）"
    assert len(panel.entries(panel.deadlines)) == 1


def test_activating_an_entry_asks_for_its_case(qtbot, panel, store, work):
    (entry,) = panel.entries(panel.deadlines)
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(entry.siblingAtColumn(WorkTodayPanel.DUE))
    with qtbot.waitSignal(panel.case_requested) as requested:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert requested.args == [work["overdue"], number_of(store, work["overdue"])]

    # A section heading is not a case.
    panel.tree.setCurrentIndex(panel.deadlines.index())
    with qtbot.assertNotEmitted(panel.case_requested):
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)


def test_a_mediator_sees_no_confirmation_section_and_an_empty_one_says_so(qtbot, qtmodeltester, store, mediator):
    panel = WorkTodayPanel(lambda: worklist.work_today(store, mediator), show_confirmations=False)
    qtbot.addWidget(panel)
    qtbot.waitSignal(panel.refreshed).wait()
    qtmodeltester.check(panel.model)
    assert panel.confirmations is None
    assert panel.model.rowCount() == 2
    assert panel.entries(panel.deadlines) == []
    assert panel.deadlines.child(0).text() == "（无）"


@pytest.fixture
def window(qtbot, store, head, work):
    model = CaseTableModel(
        fetch=lambda criteria, after, limit: queries.list_cases(store, criteria, after=after, limit=limit),
        count=lambda criteria, limit: queries.count_cases(store, criteria, limit=limit),
    )
    backups: list[datetime | None] = [None]
    window = MainWindow(
        model,
        "西湖景区消费维权服务站",
        head,
        case_view=lambda case_id: CaseDetailView(CaseServices.for_store(store, head), case_id),
        work_today=lambda: worklist.work_today(store, head),
        last_backup=lambda: backups[-1],
    )
    window.backups = backups
    qtbot.addWidget(window)
    with qtbot.waitSignals([window.work_today_panel.refreshed, window.last_backup_shown]):
        window.show()
    qtbot.waitExposed(window)
    yield window
    for opened in window.findChildren(CaseWindow):
        opened.close()


def status_texts(window: MainWindow) -> list[str]:
    return [label.text() for label in window.statusBar().findChildren(QLabel)]


def test_an_entry_opens_its_case_and_a_refresh_updates_the_panel(qtbot, window, store, head, work):
    panel = window.work_today_panel
    assert window.work_today_dock.isVisible() and window.work_today_dock.widget() is panel
    (entry,) = panel.entries(panel.deadlines)
    panel.tree.activated.emit(entry)
    (opened,) = window.findChildren(CaseWindow)
    assert opened.windowTitle() == f"案件 {number_of(store, work['overdue'])}"

    acceptance.accept(store, head, work["overdue"])
    # The case's steps refresh the list, and the panel with it.
    with qtbot.waitSignals([window.case_table.model().modelReset, panel.refreshed]):
        opened.view.changed.emit(work["overdue"])
    assert panel.entries(panel.deadlines) == []


def test_the_status_bar_shows_the_last_backup(qtbot, window):
    assert "上次备份：无" in status_texts(window)
    window.backups.append(datetime(2026, 3, 2, 1, 30, tzinfo=UTC))  # shown in Beijing time
    with qtbot.waitSignal(window.last_backup_shown):
        window.refresh()
    assert "上次备份：2026-03-02 09:30" in status_texts(window)


def test_the_last_backup_is_read_off_the_ui_thread(qtbot, head):
    # It lists the backup folders, and a network share may be slow to answer.
    model = CaseTableModel(fetch=lambda criteria, after, limit: [], count=lambda criteria, limit: 0)
    read_on = []
    window = MainWindow(
        model, "西湖景区消费维权服务站", head,
        last_backup=lambda: read_on.append(threading.current_thread()) or datetime(2026, 3, 2, 1, 30, tzinfo=UTC),
    )
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.last_backup_shown):
        window.show()
    assert read_on and threading.main_thread() not in read_on
    assert "上次备份：2026-03-02 09:30" in status_texts(window)


def test_the_desk_binds_todays_work_and_the_last_backup(qtbot, store, head, work):
    window = build_main_window(store, head)
    qtbot.addWidget(window)
    qtbot.waitSignals([window.work_today_panel.refreshed, window.last_backup_shown]).wait()
    assert [e.data() for e in window.work_today_panel.entries(window.work_today_panel.confirmations)] == [
        number_of(store, work["refused"])
    ]
    assert "上次备份：无" in status_texts(window)
    made = store.backup()
    moment = datetime(2026, 3, 2, 9, 30, tzinfo=clock.CHINA).timestamp()
    os.utime(made, (moment, moment))
    with qtbot.waitSignal(window.last_backup_shown):
        window.refresh()
    assert "上次备份：2026-03-02 09:30" in status_texts(window)
    assert window.filter_bar.mediator_combo.findText("李明") > 0
