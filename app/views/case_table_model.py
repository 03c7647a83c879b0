"""The case list as a Qt table model, read page by page from the case queries."""

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from app.domain import clock
from app.domain.deadlines import Deadline, DeadlineState
from app.services.queries import CaseFilter, CaseRow

CaseRowRole = Qt.ItemDataRole.UserRole + 1

FetchCases = Callable[[CaseFilter, int, int], list[CaseRow]]
CountCases = Callable[[CaseFilter], int]

_DEADLINE_ICONS = {
    DeadlineState.ON_TIME: QStyle.StandardPixmap.SP_DialogApplyButton,
    DeadlineState.DUE_SOON: QStyle.StandardPixmap.SP_MessageBoxWarning,
    DeadlineState.OVERDUE: QStyle.StandardPixmap.SP_MessageBoxCritical,
    DeadlineState.PAUSED: QStyle.StandardPixmap.SP_MediaPause,
}


class CaseTableModel(QAbstractTableModel):
    """Cases matching a filter, newest received first, fetched 200 at a time as the view scrolls.

    The model holds no session or store: it calls ``fetch(criteria, offset, limit)`` for a page
    and ``count(criteria)`` for the total, which the desk binds to the case queries.
    """

    NUMBER, KIND, CHANNEL, COMPLAINANT, RESPONDENT, STATE, NEXT_DEADLINE, MEDIATOR = range(8)
    PAGE_SIZE = 200

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
        self._deadline_marks = {
            DeadlineState.ON_TIME: self.tr("未到期"),
            DeadlineState.DUE_SOON: self.tr("即将到期"),
            DeadlineState.OVERDUE: self.tr("已超期"),
            DeadlineState.PAUSED: self.tr("已中止"),
        }
        self._deadline_icons: dict[DeadlineState, QIcon] = {}

    @property
    def total(self) -> int:
        """How many cases match the filter, including those not fetched yet."""
        return self._total

    def set_filter(self, criteria: CaseFilter) -> None:
        """Show the cases matching ``criteria``, starting again from their first page.

        The first page comes with the reset, so the table and its count change together.
        """
        # Queried before the reset begins, so a failing query leaves the model as it was.
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
        page = self._fetch(self._criteria, len(self._rows), self.PAGE_SIZE)
        if not page:
            # Cases can leave the filter between the count and this page; stop asking for more.
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
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
            return self._deadline_icon(row.next_deadline.state(clock.today()))
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
            return self._deadline_text(row.next_deadline) if row.next_deadline else ""
        return row.mediator

    def _deadline_text(self, deadline: Deadline) -> str:
        """``2026-12-08 · 受理决定期限 · 已超期``: the state is spelled out, never shown by colour alone."""
        due = deadline.due.isoformat()
        if deadline.provisional:
            # The count ran into a year whose official holidays are not published yet.
            due += self.tr("（暂定）")
        mark = self._deadline_marks[deadline.state(clock.today())]
        return f"{due} · {deadline.label} · {mark}"

    def _deadline_icon(self, state: DeadlineState) -> QIcon:
        if state not in self._deadline_icons:
            self._deadline_icons[state] = QApplication.style().standardIcon(_DEADLINE_ICONS[state])
        return self._deadline_icons[state]
