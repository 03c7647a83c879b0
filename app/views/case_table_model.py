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

from app.domain import clock
from app.domain.deadlines import Deadline, DeadlineState
from app.services.case_rows import REPORTER_WITHHELD, CaseRow
from app.services.queries import DEADLINE_SORT_LIMIT, CaseFilter, SortUnavailable
from app.services.sync_status import SyncState
from app.tasks import run_in_background
from app.views.error_dialog import show_error
from app.views.icons import deadline_icon, sync_icon
from app.views.match_delegate import SearchTextRole

CaseRowRole = Qt.ItemDataRole.UserRole + 1

FetchCases = Callable[[CaseFilter, CaseRow | None, int], list[CaseRow]]
CountCases = Callable[[CaseFilter, int | None], int]
SyncStates = Callable[[list[int]], dict[int, SyncState]]


def deadline_mark(state: DeadlineState) -> str:
    """The word for a deadline's state, so it is never told by colour or icon alone."""
    marks = {
        DeadlineState.ON_TIME: QCoreApplication.translate("CaseTableModel", "未到期"),
        DeadlineState.DUE_SOON: QCoreApplication.translate("CaseTableModel", "即将到期"),
        DeadlineState.OVERDUE: QCoreApplication.translate("CaseTableModel", "已超期"),
        DeadlineState.PAUSED: QCoreApplication.translate("CaseTableModel", "已中止"),
    }
    return marks[state]


def sync_mark(state: SyncState) -> str:
    """The word for a case's sync state, beside its icon."""
    marks = {
        SyncState.SYNCED: QCoreApplication.translate("CaseTableModel", "已同步"),
        SyncState.PENDING: QCoreApplication.translate("CaseTableModel", "待上传"),
        SyncState.CONFLICT: QCoreApplication.translate("CaseTableModel", "有冲突"),
        SyncState.REJECTED: QCoreApplication.translate("CaseTableModel", "被拒收"),
    }
    return marks[state]


def deadline_text(deadline: Deadline, today: date) -> str:
    """``2026-12-08 · 受理决定期限 · 已超期``: the state is spelled out, never shown by colour alone."""
    due = deadline.due.isoformat()
    if deadline.provisional:
        # The count ran into a year whose official holidays are not published yet.
        due += QCoreApplication.translate("CaseTableModel", "（暂定）")
    return f"{due} · {deadline.label} · {deadline_mark(deadline.state(today))}"


class CaseTableModel(QAbstractTableModel):
    """Cases matching a filter, newest entered first unless sorted, fetched 200 at a time as the
    view scrolls. While the list is filtered by a search text, the cells the search covers (number,
    complainant, respondent) give that text as ``SearchTextRole``, for the delegate to highlight.

    The model holds no session or store: it calls ``fetch(criteria, after, limit)`` for the page
    after the row ``after`` (None: the first page) and ``count(criteria, limit)`` for how many
    match, counting up to ``limit`` (None: all), which the desk binds to the case queries.
    Sorting (``sort``, from a header click) is done by the query, so it covers every matching case
    and not only the pages loaded; the model keeps the order when the filter changes.

    Counting every match of a broad search takes seconds on a large station, so the first page
    comes with a count up to ``COUNT_LIMIT`` only: above it ``total`` is None (more than
    ``COUNT_LIMIT``) until ``count_all()`` has counted them in the background, or the list has
    been scrolled to its end.

    Given ``sync_states(case_ids)``, a last column (``SYNC``) shows each case's sync state, read
    for each page as it is fetched; that column does not sort.
    """

    NUMBER, KIND, CHANNEL, COMPLAINANT, RESPONDENT, STATE, NEXT_DEADLINE, MEDIATOR, SYNC = range(9)
    PAGE_SIZE = 200
    COUNT_LIMIT = 1000
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
    # ``total`` or ``counting`` changed other than by a reset.
    total_changed = Signal()

    def __init__(self, fetch: FetchCases, count: CountCases, parent=None, *, sync_states: SyncStates | None = None):
        super().__init__(parent)
        self._fetch = fetch
        self._count = count
        self._sync_states = sync_states
        self._criteria = CaseFilter()
        self._rows, self._total, self._more = self._first_page(self._criteria)
        self._inserting = False
        self._sync = self._states_of(self._rows)
        self.counting = False  # count_all() is at work
        self._headers = (
            self.tr("编号"),
            self.tr("类别"),
            self.tr("渠道"),
            self.tr("投诉人"),
            self.tr("被投诉人"),
            self.tr("状态"),
            self.tr("最近期限"),
            self.tr("承办人"),
        ) + ((self.tr("同步"),) if sync_states is not None else ())
        self._sync_tip = self.tr("同步状态：已同步、待上传、有冲突或被拒收。此列不能排序。")
        self._deadline_tip = self.tr(
            "按最近期限排序要逐件计算期限，只在未结案件不超过 {limit} 件时可用；更多时请先筛选。"
        ).format(limit=DEADLINE_SORT_LIMIT)

    @property
    def total(self) -> int | None:
        """How many cases match the filter, including those not fetched yet; None when there are
        more than ``COUNT_LIMIT`` and they have not been counted (``count_all``)."""
        return self._total

    def count_all(self) -> None:
        """Count every case matching the filter, in the background; ``total_changed`` when done
        (and when it starts: ``counting``)."""
        if self._total is not None or self.counting:
            return
        criteria, count = self._criteria, self._count
        self.counting = True
        self.total_changed.emit()
        # Bound methods, not lambdas: a task holds its callbacks, and must not keep the model alive.
        run_in_background(
            lambda: (criteria, count(criteria, None)),
            on_success=self._counted,
            on_failure=self._count_failed,
            parent=self,
        )

    def _counted(self, counted: tuple[CaseFilter, int]) -> None:
        criteria, found = counted
        # By identity: a reset since (even to an equal filter) has started a count of its own.
        if criteria is not self._criteria:
            return
        self.counting = False
        if self._total is None:
            self._total = found
        self.total_changed.emit()

    def _count_failed(self, error: Exception) -> None:
        self.counting = False
        self.total_changed.emit()
        show_error(error)

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
        if column == self.SYNC:
            self.sort_refused.emit(self.tr("“同步”列不能排序。"))
            return
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
        first_page, total, more = self._first_page(criteria)
        states = self._states_of(first_page)
        self.beginResetModel()
        self._criteria = criteria
        self._total = total
        self._more = more
        self.counting = False
        self._rows = first_page
        self._sync = states
        self.endResetModel()

    def _first_page(self, criteria: CaseFilter) -> tuple[list[CaseRow], int | None, bool]:
        """The first page, the count (None above COUNT_LIMIT) and whether more pages may follow."""
        page = self._fetch(criteria, None, self.PAGE_SIZE)
        if len(page) < self.PAGE_SIZE:
            return page, len(page), False  # the whole list: no need to count it
        found = self._count(criteria, self.COUNT_LIMIT + 1)
        return page, (found if found <= self.COUNT_LIMIT else None), found > self.PAGE_SIZE

    def _states_of(self, rows: list[CaseRow]) -> dict[int, SyncState]:
        return self._sync_states([row.id for row in rows]) if self._sync_states is not None and rows else {}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and self._more and not self._inserting

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if not self.canFetchMore(parent):
            return
        try:
            # The page after the last row shown, wherever that row now stands: cases entered or
            # changed since cannot make it repeat rows or skip any.
            page = self._fetch(self._criteria, self._rows[-1], self.PAGE_SIZE)
        except SortUnavailable:
            # Cases came into the deadline order since the first page; keep what is shown.
            page = []
        self._more = len(page) == self.PAGE_SIZE
        if page:
            states = self._states_of(page)
            first = len(self._rows)
            # A view (or the model tester) may ask for more from the insertion's own signals; the
            # next page waits until this one is in.
            self._inserting = True
            try:
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self._rows.extend(page)
                self._sync.update(states)
                self.endInsertRows()
            finally:
                self._inserting = False
        if not self._more and self._total != len(self._rows):
            # The whole list is shown: it counts itself (cases may have come or gone since the count).
            self._total = len(self._rows)
            self.total_changed.emit()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.NEXT_DEADLINE:
            return self._deadline_tip
        if role == Qt.ItemDataRole.ToolTipRole and section == self.SYNC:
            return self._sync_tip
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == CaseRowRole:
            return row
        if role == SearchTextRole:
            return self._search_text(row, index.column())
        if index.column() == self.SYNC:
            return self._sync_data(row, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.DecorationRole and index.column() == self.NEXT_DEADLINE and row.next_deadline:
            return deadline_icon(row.next_deadline.state(clock.today()))
        return None

    def _sync_data(self, row: CaseRow, role: int):
        state = self._sync.get(row.id, SyncState.SYNCED)
        if role == Qt.ItemDataRole.DisplayRole:
            return sync_mark(state)
        if role == Qt.ItemDataRole.DecorationRole:
            return sync_icon(state)
        return None

    def _search_text(self, row: CaseRow, column: int) -> str | None:
        # The columns whose text is in what the search reads (app.services.search); a withheld
        # reporter is not, so "（举报人信息保密）" never looks like a match.
        words = self._criteria.text.strip()
        if not words or column not in (self.NUMBER, self.COMPLAINANT, self.RESPONDENT):
            return None
        if column == self.COMPLAINANT and row.complainant == REPORTER_WITHHELD:
            return None
        return words

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
