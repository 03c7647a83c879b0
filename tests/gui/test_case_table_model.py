"""The case table model over a real store: pages, column texts, filtering."""

from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.domain import clock
from app.domain.deadlines import Deadline
from app.domain.vocabulary import CaseKind, CaseState, Channel
from app.services import queries
from app.services.case_rows import CaseRow
from app.services.queries import CaseFilter
from app.tasks import run_in_background
from app.views.case_table_model import CaseRowRole, CaseTableModel

STATION_CASES = 250


@pytest.fixture
def station_cases(register_complaint, mediator):
    """250 complaints: one a month old, two by 张三 in all, three against 灵隐茶社."""
    overdue = register_complaint("张三", "13800138000", "西湖游船公司", days_ago=30, mediator_id=mediator.user_id)
    zhang_san = [overdue, register_complaint("张三", "13900139000", "河坊街小吃店")]
    tea_house = [register_complaint(f"茶客{chr(0x4E00 + i)}", f"1370000000{i}", "灵隐茶社") for i in range(3)]
    for i in range(STATION_CASES - 5):
        register_complaint(f"游客{chr(0x4E00 + i)}", f"139{i:08d}", "西湖游船公司")
    return {"overdue": overdue, "张三": zhang_san, "灵隐茶": tea_house}


@pytest.fixture
def pages_asked() -> list[tuple[str | None, int]]:
    """Each page the model asked for: the number of the row it follows (None: the first page)."""
    return []


@pytest.fixture
def counts_asked() -> list[int | None]:
    """The limit of each count the model asked for."""
    return []


@pytest.fixture
def make_model(qapp, store, pages_asked, counts_asked, qtmodeltester):
    def make_model() -> CaseTableModel:
        def fetch(criteria, after, limit):
            pages_asked.append((after.number if after else None, limit))
            return queries.list_cases(store, criteria, after=after, limit=limit)

        def count(criteria, limit):
            counts_asked.append(limit)
            return queries.count_cases(store, criteria, limit=limit)

        model = CaseTableModel(fetch=fetch, count=count)
        qtmodeltester.check(model)
        return model

    return make_model


@pytest.fixture
def model(station_cases, make_model):
    return make_model()


def fetch_all(model: CaseTableModel) -> None:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


def numbers(model: CaseTableModel) -> set[str]:
    return {model.index(row, 0).data(CaseRowRole).number for row in range(model.rowCount())}


def row_of(model: CaseTableModel, number: str) -> int:
    for row in range(model.rowCount()):
        if model.index(row, CaseTableModel.NUMBER).data() == number:
            return row
    raise AssertionError(f"{number} is not in the table")


def test_loads_cases_a_page_at_a_time(model, pages_asked):
    fetch_all(model)
    assert model.total == STATION_CASES
    assert model.rowCount() == STATION_CASES
    # The second page is asked for as the one after the last row shown, not by its offset.
    last_of_first_page = model.index(199, CaseTableModel.NUMBER).data()
    assert pages_asked == [(None, 200), (last_of_first_page, 200)]
    assert not model.canFetchMore(QModelIndex())
    assert len(numbers(model)) == STATION_CASES


def test_a_short_first_page_is_the_whole_list_and_is_not_counted(model, counts_asked):
    counts_asked.clear()
    model.set_filter(CaseFilter(text="灵隐茶"))
    assert model.total == 3 and not model.canFetchMore(QModelIndex())
    assert counts_asked == []


@pytest.fixture
def small_pages(monkeypatch):
    """Pages of 50 and a count that stops at 100, so the 250 cases are more than it counts."""
    monkeypatch.setattr(CaseTableModel, "PAGE_SIZE", 50)
    monkeypatch.setattr(CaseTableModel, "COUNT_LIMIT", 100)


def test_above_the_count_limit_the_total_is_unknown_until_counted(qtbot, small_pages, model, counts_asked):
    assert counts_asked == [101]  # one more than the limit: enough to know there are more
    assert model.total is None and model.canFetchMore(QModelIndex())
    with qtbot.waitSignals([model.total_changed, model.total_changed]):  # counting, then counted
        model.count_all()
        assert model.counting
    assert not model.counting and model.total == STATION_CASES
    assert counts_asked == [101, None]


def test_a_count_finished_after_the_filter_changed_is_not_taken(qtbot, small_pages, model):
    model.count_all()
    model.set_filter(CaseFilter(text="灵隐"))  # a new filter while the old one is counted
    assert model.total == 3 and not model.counting
    with qtbot.assertNotEmitted(model.total_changed):
        # Tasks run one after another and report in order: once this one has, so has the count.
        with qtbot.waitSignal(run_in_background(lambda: None, parent=model).finished):
            pass
    assert model.total == 3 and not model.counting


def test_scrolled_to_its_end_the_list_counts_itself(qtbot, small_pages, model):
    with qtbot.waitSignal(model.total_changed):
        fetch_all(model)
    assert model.total == STATION_CASES == model.rowCount()


def test_columns_of_an_overdue_complaint(model, station_cases):
    fetch_all(model)
    row = row_of(model, station_cases["overdue"])
    texts = [model.index(row, column).data() for column in range(model.columnCount())]
    assert texts[CaseTableModel.KIND] == "投诉"
    assert texts[CaseTableModel.CHANNEL] == "来人来访"
    assert texts[CaseTableModel.COMPLAINANT] == "张三 138****8000"
    assert texts[CaseTableModel.RESPONDENT] == "西湖游船公司"
    assert texts[CaseTableModel.STATE] == "已登记"
    assert texts[CaseTableModel.MEDIATOR] == "李明"
    due = model.index(row, 0).data(CaseRowRole).next_deadline.due
    assert texts[CaseTableModel.NEXT_DEADLINE] == f"{due.isoformat()} · 受理决定期限 · 已超期"
    icon = model.index(row, CaseTableModel.NEXT_DEADLINE).data(Qt.ItemDataRole.DecorationRole)
    assert icon is not None and not icon.isNull()


def test_a_fresh_complaint_is_on_time(model):
    newest = model.index(0, CaseTableModel.NEXT_DEADLINE).data()
    assert newest.endswith("未到期")


@pytest.mark.parametrize("query", ["灵隐茶", "张三"], ids=["three characters", "two characters"])
def test_filter_narrows_to_matching_cases(model, station_cases, query):
    model.set_filter(CaseFilter(text=query))
    fetch_all(model)
    assert numbers(model) == set(station_cases[query])
    assert model.total == len(station_cases[query])


@pytest.mark.parametrize(
    ("days_left", "paused", "provisional", "expected"),
    [
        (0, False, False, "{due} · 调解期限 · 即将到期"),
        (20, True, False, "{due} · 调解期限 · 已中止"),
        (20, False, True, "{due}（暂定） · 调解期限 · 未到期"),
    ],
)
def test_deadline_marks(qapp, qtmodeltester, days_left, paused, provisional, expected):
    due = clock.today() + timedelta(days=days_left)
    deadline = Deadline("mediation", "调解期限", "第二十三条第（五）项", clock.today(), due, provisional, paused)
    row = CaseRow(
        id=1,
        number="T2026-00001",
        kind=CaseKind.COMPLAINT,
        channel=Channel.PHONE,
        state=CaseState.MEDIATING,
        received_at=clock.now(),
        complainant="李四",
        complainant_phone_masked="",
        respondent="虎跑酒店",
        mediator="李明",
        next_deadline=deadline,
    )
    model = CaseTableModel(fetch=lambda criteria, after, limit: [] if after else [row], count=lambda criteria, limit: 1)
    qtmodeltester.check(model)
    assert model.index(0, CaseTableModel.COMPLAINANT).data() == "李四"
    assert model.index(0, CaseTableModel.NEXT_DEADLINE).data() == expected.format(due=due.isoformat())
