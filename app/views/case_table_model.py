"""The case list as a Qt table model, read page by page from the case queries."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from app.domain import clock
from app.domain.deadlines import Deadline, DeadlineState
from app.services.case_rows import CaseRow
from app.services.queries import DEADLINE_SORT_LIMIT, CaseFilter, SortUnavailable

CaseRowRole = Qt.ItemDataRole.UserRole + 1

FetchCases = Callable[[CaseFilter, int, int], list[CaseRow]]
CountCases = Callable[[CaseFilter], int]

_DEADLINE_ICONS = {
    DeadlineState.ON_TIME: QStyle.StandardPixmap.SP_DialogApplyButton,
    DeadlineState.DUE_SOON: QStyle.StandardPixmap.SP_MessageBoxWarning,
    DeadlineState.OVERDUE: QStyle.StandardPixmap.SP_MessageBoxCritical,
    DeadlineState.PAUSED: QStyle.StandardPixmap.SP_MediaPause,
}
_deadline_icon_cache: dict[DeadlineState, QIcon] = {}


def deadline_mark(state: DeadlineState) -> str:
    """The word for a deadline's state, so it is never told by colour or icon alone."""
    marks = {
        DeadlineState.ON_TIME: QCoreApplication.translate("CaseTableModel", "未到期"),
        DeadlineState.DUE_SOON: QCoreApplication.translate("CaseTableModel", "即将到期"),
        DeadlineState.OVERDUE: QCoreApplication.translate("CaseTableModel", "已超期"),
        DeadlineState.PAUSED: QCoreApplication.translate("CaseTableModel", "已中止"),
    }
    return marks[state]


def deadline_text(deadline: Deadline, today: date) -> str:
    """``2026-12-08 · 受理决定期限 · 已超期``: the state is spelled out, never shown by colour alone."""
    due = deadline.due.isoformat()
    if deadline.provisional:
        # The count ran into a year whose official holidays are not published yet.
        due += QCoreApplication.translate("CaseTableModel", "（暂定）")
    return f"{due} · {deadline.label} · {deadline_mark(deadline.state(today))}"


def deadline_icon(state: DeadlineState) -> QIcon:
    if state not in _deadline_icon_cache:
        _deadline_icon_cache[state] = QApplication.style().standardIcon(_DEADLINE_ICONS[state])
    return _deadline_icon_cache[state]


class CaseTableModel(QAbstractTableModel):
    """Cases matching a filter, newest entered first unless sorted, fetched 200 at a time as the
    view scrolls.

    The model holds no session or store: it calls ``fetch(criteria, offset, limit)`` for a page
    and ``count(criteria)`` for the total, which the desk binds to the case queries. Sorting
    (``sort``, from a header click) is done by the query, so it covers every matching case and not
    only the pages loaded; the model keeps the order when the filter changes.
    """

    NUMBER, KIND, CHANNEL, COMPLAINANT, RESPONDENT, STATE, NEXT_DEADLINE, MEDIATOR = range(8)
    PAGE_SIZE = 200
    # The query's order key for each column (see app.services.queries.SORT_KEYS).
    SORT_KEYS: ClassVar[dict[int, str]] = {
        NUMBER: "number",
        KIND: "kind",
        CHANNEL: "channel",
        COMPLAINANT: "complainant",
        RESPONDENT: "respondent",
        STATE: "state",
        NEXT_DEADLINE: "next_deadline",
        MEDIATOR: "mediator",
    }

    # Sorting was refused (too many deadlines to compute) or undone; the message says why.
    sort_refused = Signal(str)

    def __init__(self, fetch: FetchCases, count: CountCases, parent=None):
        super().__init__(parent)
        self._fetch = fetch
        self._count = count
        self._criteria = CaseFilter()
        self._total = count(self._criteria)
        self._rows = fetch(self._criteria, 0, self.PAGE_SIZE)
        self._headers = (
            self.tr("编号"),
            self.tr("类别"),
            self.tr("渠道"),
            self.tr("投诉人"),
            self.tr("被投诉人"),
            self.tr("状态"),
            self.tr("最近期限"),
            self.tr("承办人"),
        )
        self._deadline_tip = self.tr(
            "按最近期限排序要逐件计算期限，只在未结案件不超过 {limit} 件时可用；更多时请先筛选。"
        ).format(limit=DEADLINE_SORT_LIMIT)

    @property
    def total(self) -> int:
        """How many cases match the filter, including those not fetched yet."""
        return self._total

    @property
    def criteria(self) -> CaseFilter:
        """The filter and order the rows were read with."""
        return self._criteria

    def set_filter(self, criteria: CaseFilter) -> None:
        """Show the cases matching ``criteria``, starting again from their first page.

        The order stays the model's own (``sort``): ``criteria.order`` is not used. If the
        current order is by deadline and the new filter leaves too many cases for it, the list
        goes back to newest first and ``sort_refused`` says why.
        """
        criteria = replace(criteria, order=self._criteria.order, descending=self._criteria.descending)
        try:
            self._load(criteria)
        except SortUnavailable as refused:
            self._load(replace(criteria, order="id", descending=True))
            self.sort_refused.emit(self._refusal(refused))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-read the list in the order of ``column``; -1 (or a column without an order) is
        the default, newest first. A refused order leaves the list as it was."""
        key = self.SORT_KEYS.get(column, "id")
        descending = key == "id" or order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._criteria.order, self._criteria.descending):
            return
        try:
            self._load(replace(self._criteria, order=key, descending=descending))
        except SortUnavailable as refused:
            self.sort_refused.emit(self._refusal(refused))

    def sort_column(self) -> int:
        """The column the rows are ordered by, -1 for the default order."""
        return next((column for column, key in self.SORT_KEYS.items() if key == self._criteria.order), -1)

    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._criteria.descending else Qt.SortOrder.AscendingOrder

    def _refusal(self, refused: SortUnavailable) -> str:
        return self.tr("不能按最近期限排序：筛选出的未结案件有 {found} 件，超过 {limit} 件。请先缩小筛选范围。").format(
            found=refused.found, limit=refused.limit
        )

    def _load(self, criteria: CaseFilter) -> None:
        # Queried before the reset begins, so a failing query leaves the model as it was, and the
        # first page comes with the reset, so the table and its count change together.
        total = self._count(criteria)
        first_page = self._fetch(criteria, 0, self.PAGE_SIZE)
        self.beginResetModel()
        self._criteria = criteria
        self._total = total
        self._rows = first_page
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if parent.isValid():
            return
        try:
            page = self._fetch(self._criteria, len(self._rows), self.PAGE_SIZE)
        except SortUnavailable:
            # Cases came into the deadline order since the first page; keep what is shown.
            page = []
        if not page:
            # Cases can leave the filter between the count and this page; stop asking for more.
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.NEXT_DEADLINE:
            return self._deadline_tip
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == CaseRowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.DecorationRole and index.column() == self.NEXT_DEADLINE and row.next_deadline:
            return deadline_icon(row.next_deadline.state(clock.today()))
        return None

    def _text(self, row: CaseRow, column: int) -> str:
        if column == self.NUMBER:
            return row.number
        if column == self.KIND:
            return row.kind.label
        if column == self.CHANNEL:
            return row.channel.label
        if column == self.COMPLAINANT:
            return f"{row.complainant} {row.complainant_phone_masked}".strip()
        if column == self.RESPONDENT:
            return row.respondent
        if column == self.STATE:
            return row.state.label
        if column == self.NEXT_DEADLINE:
            return deadline_text(row.next_deadline, clock.today()) if row.next_deadline else ""
        return row.mediator
