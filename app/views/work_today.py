"""“今日待办”: the signed-in user's deadlines, follow-ups and (for the head) confirmations."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QVBoxLayout, QWidget

from app.domain import clock
from app.domain.deadlines import DeadlineState
from app.services.case_rows import CaseRow
from app.services.proposals import PendingProposal
from app.services.worklist import WorkToday
from app.views.case_table_model import deadline_icon, deadline_text

CaseIdRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class _Entry:
    case_id: int
    number: str
    parties: str
    due: str
    state: DeadlineState | None = None


class WorkTodayPanel(QWidget):
    """Three sections of cases needing attention now; activating one (Enter or a double click)
    emits ``case_requested(case_id, number)``.

    ``work_today()`` is called at construction and at each ``refresh()``. The entries live in a
    QStandardItemModel shown by ``tree``: one row per section, the entries as its children.
    """

    case_requested = Signal(int, str)

    NUMBER, PARTIES, DUE = range(3)

    def __init__(self, work_today: Callable[[], WorkToday], *, show_confirmations: bool = True, parent=None):
        super().__init__(parent)
        self._work_today = work_today
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("编号"), self.tr("当事人"), self.tr("期限")])
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAlternatingRowColors(True)
        self.tree.activated.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.deadlines = self._section()
        self.follow_ups = self._section()
        self.confirmations = self._section() if show_confirmations else None
        self.refresh()
        self.tree.expandAll()
        self._fit_columns()

    def _section(self) -> QStandardItem:
        section = QStandardItem()
        section.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = section.font()
        font.setBold(True)
        section.setFont(font)
        self.model.appendRow(section)
        self.tree.setFirstColumnSpanned(section.row(), QModelIndex(), True)
        return section

    def refresh(self) -> None:
        """Read the work again and show it; the sections stay as they were opened or closed."""
        work = self._work_today()
        today = clock.today()
        self._fill(
            self.deadlines,
            self.tr("期限将至或已超期（%n）", "", len(work.deadlines)),
            [self._case_entry(row, deadline_text(row.next_deadline, today), row.next_deadline.state(today)) for row in work.deadlines],
        )
        self._fill(
            self.follow_ups,
            self.tr("待回访（%n）", "", len(work.follow_ups)),
            [self._follow_up_entry(row, today) for row in work.follow_ups],
        )
        if self.confirmations is not None:
            self._fill(
                self.confirmations,
                self.tr("待站长确认（%n）", "", len(work.confirmations)),
                [self._confirmation_entry(p) for p in work.confirmations],
            )
        self._fit_columns()

    def _fit_columns(self) -> None:
        for column in range(self.model.columnCount()):
            self.tree.resizeColumnToContents(column)

    def _fill(self, section: QStandardItem, title: str, entries: list[_Entry]) -> None:
        section.setText(title)
        section.removeRows(0, section.rowCount())
        if not entries:
            nothing = QStandardItem(self.tr("（无）"))
            nothing.setFlags(Qt.ItemFlag.NoItemFlags)
            section.appendRow(nothing)
        for entry in entries:
            cells = [QStandardItem(entry.number), QStandardItem(entry.parties), QStandardItem(entry.due)]
            cells[self.NUMBER].setData(entry.case_id, CaseIdRole)
            if entry.state is not None:
                cells[self.DUE].setIcon(deadline_icon(entry.state))
            cells[self.PARTIES].setToolTip(entry.parties)
            section.appendRow(cells)

    def _case_entry(self, row: CaseRow, due: str, state: DeadlineState | None = None) -> _Entry:
        return _Entry(row.id, row.number, self._parties(row), due, state)

    def _follow_up_entry(self, row: CaseRow, today: date) -> _Entry:
        waiting = self.tr("待回访（{outcome}）").format(outcome=row.state.label)
        if row.next_deadline is None:
            return self._case_entry(row, waiting)
        # A termination still to be notified keeps its own limit: show it with the follow-up.
        shown = self.tr("{waiting}；{deadline}").format(waiting=waiting, deadline=deadline_text(row.next_deadline, today))
        return self._case_entry(row, shown, row.next_deadline.state(today))

    def _parties(self, row: CaseRow) -> str:
        complainant = f"{row.complainant} {row.complainant_phone_masked}".strip()
        if not row.respondent:
            return complainant
        return self.tr("{complainant} — {respondent}").format(complainant=complainant, respondent=row.respondent)

    def _confirmation_entry(self, proposal: PendingProposal) -> _Entry:
        what = self.tr("{action}：{reason}").format(action=proposal.action_label, reason=proposal.reason)
        who = self.tr("{name} 提议于 {time}").format(name=proposal.proposed_by, time=clock.format_local(proposal.proposed_at))
        return _Entry(proposal.case_id, proposal.case_number, what, who)

    def entries(self, section: QStandardItem) -> list[QModelIndex]:
        """The first-column index of each entry in a section (none when it only says “（无）”)."""
        children = [section.child(row).index() for row in range(section.rowCount())]
        return [index for index in children if index.data(CaseIdRole) is not None]

    def texts(self, entry: QModelIndex) -> list[str]:
        return [entry.siblingAtColumn(column).data() for column in range(self.model.columnCount())]

    def _on_activated(self, index: QModelIndex) -> None:
        first = index.siblingAtColumn(self.NUMBER)
        case_id = first.data(CaseIdRole)
        if case_id is not None:
            self.case_requested.emit(int(case_id), first.data())
