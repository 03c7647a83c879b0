"""The case list stays correct while a background write happens.

The main window shows the list scrolled a page down; a task on the desk's background runner
registers cases and accepts others through the services while the user keeps scrolling. After F5
the list holds exactly the store's cases, in the store's order, none twice and none missing at a
page boundary, and Qt's model tester finds nothing wrong. Pages are made small so that a few
dozen cases span several of them.

The model tester is attached once the whole list is read, not before: it fetches pages itself
from inside the model's signals (during a reset, and during an insertion it re-enters
``fetchMore``), and so reports its own interference as violations. Attached to the fully read
model it checks every row, and its fetches do nothing.
"""

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from app.domain.vocabulary import CaseState
from app.models.case import Case
from app.services import acceptance, accounts, queries
from app.services.drafts import PartyDraft
from app.tasks import Progress, run_in_background
from app.views.case_table_model import CaseRowRole, CaseTableModel
from app.views.main_window import MainWindow
from tests.services.factories import register_complaint

PAGE = 20
FIRST_CASES = 55  # three pages, the last one part full
NEW_CASES = 15


def visitor(n: int) -> list[PartyDraft]:
    # Names are CJK without digits, as the validators demand.
    return [PartyDraft(name="游客" + chr(0x4E00 + n), phone="13800138000", address="杭州市西湖区北山街1号")]


@pytest.fixture
def window(qtbot, monkeypatch, store, head):
    monkeypatch.setattr(CaseTableModel, "PAGE_SIZE", PAGE)
    for n in range(FIRST_CASES):
        register_complaint(store, head, complainants=visitor(n))
    model = CaseTableModel(
        fetch=lambda criteria, after, limit: queries.list_cases(
            store, criteria, after=after, limit=limit, viewer=head
        ),
        count=lambda criteria, limit: queries.count_cases(store, criteria, limit=limit),
    )
    window = MainWindow(model, "西湖景区消费维权服务站", head, mediators=lambda: accounts.users(store))
    qtbot.addWidget(window)
    window.resize(1000, 420)  # about a dozen rows in view: the first page fills it
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def model_of(window: MainWindow) -> CaseTableModel:
    return window.case_table.model()


def shown(window: MainWindow) -> list[tuple[int, CaseState]]:
    model = model_of(window)
    rows = [model.index(row, 0).data(CaseRowRole) for row in range(model.rowCount())]
    return [(row.id, row.state) for row in rows]


def in_store(store, states: tuple[CaseState, ...] = ()) -> list[tuple[int, CaseState]]:
    """The truth, read straight from the table: newest entered first, as the list orders."""
    query = select(Case.id, Case.state).order_by(Case.id.desc())
    if states:
        query = query.where(Case.state.in_([state.value for state in states]))
    with store.reading() as session:
        return [(case_id, CaseState(state)) for case_id, state in session.execute(query)]


def press_ctrl_end(qtbot, window: MainWindow) -> None:
    """The last row loaded becomes the current one, and the view scrolls to it: at the bottom,
    it asks the model for the next page."""
    table = window.case_table
    if not table.currentIndex().isValid():
        # With no current row (at first, and after each reset) a key only picks the first one.
        qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)


def scroll_one_page(qtbot, window: MainWindow) -> None:
    model = model_of(window)
    before = model.rowCount()
    press_ctrl_end(qtbot, window)
    qtbot.waitUntil(lambda: model.rowCount() > before)


def scroll_to_the_end(qtbot, window: MainWindow) -> None:
    while model_of(window).canFetchMore(QModelIndex()):
        scroll_one_page(qtbot, window)


def count_text(window: MainWindow) -> str:
    return next(t for t in (label.text() for label in window.statusBar().findChildren(QLabel)) if t.startswith("共"))


def write_in_background(qtbot, window: MainWindow, store, head, accept_ids: list[int]) -> None:
    """Register new cases and accept ``accept_ids`` on the task runner; each step it reports
    sends the user one Ctrl+End further down the list, so reads and writes interleave."""

    def work():
        for n in range(NEW_CASES):
            register_complaint(store, head, complainants=visitor(FIRST_CASES + n))
            yield Progress(n + 1, NEW_CASES + len(accept_ids))
        for done, case_id in enumerate(accept_ids, NEW_CASES + 1):
            acceptance.accept(store, head, case_id)
            yield Progress(done, NEW_CASES + len(accept_ids))

    def keep_scrolling(_progress: Progress) -> None:
        press_ctrl_end(qtbot, window)

    outcome = []
    run_in_background(
        work, on_progress=keep_scrolling, on_success=outcome.append, on_failure=outcome.append, parent=window
    )
    qtbot.waitUntil(lambda: len(outcome) == 1, timeout=20_000)
    assert outcome == [None]


def press_f5(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(model_of(window).modelReset):
        qtbot.keyClick(window.case_table, Qt.Key.Key_F5)


def assert_no_row_twice(rows: list[tuple[int, CaseState]]) -> None:
    ids = [case_id for case_id, _state in rows]
    assert len(ids) == len(set(ids)), f"shown twice: {sorted({i for i in ids if ids.count(i) > 1})}"


def test_after_f5_the_list_is_exactly_the_stores_cases(qtbot, qtmodeltester, window, store, head):
    scroll_one_page(qtbot, window)
    assert len(shown(window)) == 2 * PAGE
    before = in_store(store)
    # Some accepted cases are on the pages already read, some on the page not read yet.
    accept_ids = [case_id for case_id, _state in before[PAGE - 6 : PAGE + 6]] + [before[-1][0]]

    write_in_background(qtbot, window, store, head, accept_ids)
    press_f5(qtbot, window)
    scroll_to_the_end(qtbot, window)
    qtmodeltester.check(model_of(window))

    truth = in_store(store)
    assert len(truth) == FIRST_CASES + NEW_CASES
    assert_no_row_twice(shown(window))
    assert shown(window) == truth
    assert {case_id for case_id, state in shown(window) if state is CaseState.ACCEPTED} == set(accept_ids)
    assert count_text(window) == f"共 {len(truth)} 件"


def test_cases_leaving_and_joining_a_state_filter_meanwhile(qtbot, qtmodeltester, window, store, head):
    window.filter_bar.state_actions[CaseState.REGISTERED].trigger()
    qtbot.waitUntil(lambda: model_of(window).criteria.states == (CaseState.REGISTERED,))
    scroll_one_page(qtbot, window)
    before = in_store(store, (CaseState.REGISTERED,))
    accept_ids = [case_id for case_id, _state in before[PAGE - 6 : PAGE + 6]]

    write_in_background(qtbot, window, store, head, accept_ids)
    press_f5(qtbot, window)
    scroll_to_the_end(qtbot, window)
    qtmodeltester.check(model_of(window))

    truth = in_store(store, (CaseState.REGISTERED,))
    assert len(truth) == FIRST_CASES + NEW_CASES - len(accept_ids)
    assert_no_row_twice(shown(window))
    assert shown(window) == truth
    assert count_text(window) == f"共 {len(truth)} 件"


def test_scrolling_on_before_f5_shows_no_case_twice(qtbot, window, store, head):
    scroll_one_page(qtbot, window)
    before = in_store(store)
    for n in range(5):
        register_complaint(store, head, complainants=visitor(FIRST_CASES + n))
    scroll_to_the_end(qtbot, window)
    assert_no_row_twice(shown(window))
    # Each page follows the last row shown: the newer cases wait above it for F5, and no case
    # of the list is missed.
    assert shown(window) == before
