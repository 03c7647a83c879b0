"""Highlighting the searched text in the case list: the ranges the delegate computes, what the
model tells it, and what it paints (against Qt's own painting of the same table)."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QTableView

from app.services import queries
from app.services.queries import CaseFilter
from app.views.case_table_model import CaseTableModel
from app.views.match_delegate import HIGHLIGHT_BACKGROUND, MatchDelegate, SearchTextRole, match_ranges, shown_ranges

M = CaseTableModel


def test_the_ranges_of_a_match_ignore_case_and_do_not_overlap():
    assert match_ranges("T2026-00017", "t2026") == [(0, 5)]
    assert match_ranges("茶客甲 茶社", "茶") == [(0, 1), (4, 1)]
    assert match_ranges("aaaa", "aa") == [(0, 2), (2, 2)]
    assert match_ranges("灵隐茶社", "  灵隐茶 ") == [(0, 3)]  # the search strips what is typed
    assert match_ranges("灵隐茶社", "") == []
    assert match_ranges("灵隐茶社", "西湖") == []
    assert match_ranges("a+b (c)", "+b (") == [(1, 4)]  # typed text, not a pattern


def test_a_masked_phone_is_never_highlighted_through_its_mask():
    shown = "张三 138****8000"
    # The digits on show may light up ...
    assert match_ranges(shown, "138") == [(3, 3)]
    assert match_ranges(shown, "8000") == [(10, 4)]
    # ... but a match that takes in a hidden digit would tell what it is.
    assert match_ranges(shown, "8****8") == []
    assert match_ranges(shown, "*") == []
    # The full number found the case, but what is shown does not contain it: nothing lights up.
    assert match_ranges(shown, "13800138000") == []


def test_an_elided_cell_highlights_only_what_is_left_of_the_match():
    text, shown = "西湖游船公司", "西湖游…"
    assert shown_ranges([(1, 4)], text, shown) == [(1, 2)]
    assert shown_ranges([(4, 2)], text, shown) == []
    assert shown_ranges([(0, 2)], text, text) == [(0, 2)]


@pytest.fixture
def model(qapp, store, register_complaint, qtmodeltester):
    register_complaint("张三", "13800138000", "灵隐茶社")
    register_complaint("李四", "13900139000", "西湖游船公司")
    model = CaseTableModel(
        fetch=lambda criteria, after, limit: queries.list_cases(store, criteria, after=after, limit=limit),
        count=lambda criteria, limit: queries.count_cases(store, criteria, limit=limit),
    )
    qtmodeltester.check(model)
    return model


def test_the_model_gives_the_search_text_for_the_columns_the_search_covers(model, qtmodeltester):
    assert model.index(0, M.RESPONDENT).data(SearchTextRole) is None  # not filtered by a search
    model.set_filter(CaseFilter(text=" 灵隐茶 "))
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    covered = {column for column in range(model.columnCount()) if model.index(0, column).data(SearchTextRole)}
    assert covered == {M.NUMBER, M.COMPLAINANT, M.RESPONDENT}
    assert model.index(0, M.RESPONDENT).data(SearchTextRole) == "灵隐茶"


@pytest.fixture
def table(qtbot, model):
    table = QTableView()
    table.setModel(model)
    table.setItemDelegate(MatchDelegate(table))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.resize(900, 200)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    table.resizeColumnsToContents()
    return table


def render(table: QTableView, delegate: QStyledItemDelegate) -> QImage:
    table.setItemDelegate(delegate)
    return table.viewport().grab().toImage()


def lit_columns(image: QImage, rect: QRect) -> list[int]:
    """The x of every pixel column of ``rect`` with some highlight in it."""
    return [
        x
        for x in range(rect.left(), rect.right() + 1)
        if any(image.pixelColor(x, y) == HIGHLIGHT_BACKGROUND for y in range(rect.top(), rect.bottom() + 1))
    ]


def test_the_matched_text_is_painted_on_a_highlight_and_the_rest_as_qt_paints_it(table, model):
    model.set_filter(CaseFilter(text="灵隐茶"))
    plain = render(table, QStyledItemDelegate(table))
    marked = render(table, MatchDelegate(table))
    assert marked != plain
    respondent = table.visualRect(model.index(0, M.RESPONDENT))
    assert lit_columns(plain, respondent) == []
    lit = lit_columns(marked, respondent)
    # The highlight covers 灵隐茶, not 社: narrower than the cell's text.
    assert 0 < max(lit) - min(lit) + 1 < table.fontMetrics().horizontalAdvance("灵隐茶社")
    # 社 is drawn where Qt draws it, pixel for pixel.
    after = QRect(max(lit) + 2, respondent.top(), respondent.right() - max(lit) - 1, respondent.height())
    assert marked.copy(after) == plain.copy(after)
    # Cells without a match, the deadline with its icon among them, are painted exactly as before.
    assert model.index(0, M.NEXT_DEADLINE).data(Qt.ItemDataRole.DecorationRole) is not None
    for column in (M.KIND, M.STATE, M.NEXT_DEADLINE):
        rect = table.visualRect(model.index(0, column))
        assert marked.copy(rect) == plain.copy(rect)


def test_a_selected_row_keeps_its_selection_colour_and_the_highlight(table, model):
    model.set_filter(CaseFilter(text="灵隐茶"))
    respondent = table.visualRect(model.index(0, M.RESPONDENT))
    beside_text = QPoint(respondent.right() - 2, respondent.center().y())
    unselected = render(table, QStyledItemDelegate(table)).pixelColor(beside_text)
    table.selectRow(0)
    plain = render(table, QStyledItemDelegate(table))
    marked = render(table, MatchDelegate(table))
    assert plain.pixelColor(beside_text) != unselected  # the selection shows there ...
    assert marked.pixelColor(beside_text) == plain.pixelColor(beside_text)  # ... in both
    assert lit_columns(marked, respondent)


def test_an_elided_match_is_still_highlighted(table, model):
    model.set_filter(CaseFilter(text="西湖游船"))
    table.setColumnWidth(M.RESPONDENT, table.fontMetrics().horizontalAdvance("西湖游…") + 12)
    respondent = table.visualRect(model.index(0, M.RESPONDENT))
    assert model.index(0, M.RESPONDENT).data() == "西湖游船公司"
    assert lit_columns(render(table, MatchDelegate(table)), respondent)
