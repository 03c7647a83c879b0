"""“今日待办”: the signed-in user's deadlines, follow-ups and (for the head) confirmations, and the
bureau's notices (督办, 分送 work orders, revocations) that came down with a sync."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QPushButton, QTreeView, QVBoxLayout, QWidget

from app.domain import clock
from app.domain.deadlines import DeadlineState
from app.domain.errors import DeskError
from app.services.case_rows import CaseRow
from app.services.proposals import PendingProposal
from app.services.worklist import NoticeRow, WorkToday
from app.tasks import Task, run_in_background
from app.views.case_table_model import deadline_text
from app.views.error_dialog import show_error
from app.views.field_errors import message_label
from app.views.icons import deadline_icon

CaseIdRole = Qt.ItemDataRole.UserRole + 1
NoticeIdRole = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class _Entry:
    case_id: int
    number: str
    parties: str
    due: str
    state: DeadlineState | None = None
    notice_id: int | None = None


class WorkTodayPanel(QWidget):
    """Three sections of cases needing attention now; activating one (Enter or a double click)
    emits ``case_requested(case_id, number)``.

    ``work_today()`` is called in the background (it computes the deadlines of the open cases):
    once the event loop runs after construction, so the window holding the panel is shown first,
    with each section saying it is being computed; then at each ``refresh()``. ``refreshed`` says
    a reading is shown. The entries live in a QStandardItemModel shown by ``tree``: one row per
    section, the entries as its children.
    While the bureau has notices not done yet, a fourth section comes first (``notices``); a
    notice opens its case when the station has it, and "标记已办" (given ``mark_notice_done``)
    takes it off the list.
    """

    case_requested = Signal(int, str)
    refreshed = Signal()

    NUMBER, PARTIES, DUE = range(3)

    def __init__(
        self,
        work_today: Callable[[], WorkToday],
        *,
        show_confirmations: bool = True,
        mark_notice_done: Callable[[int], None] | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self._work_today = work_today
        self._mark_notice_done = mark_notice_done
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("编号"), self.tr("当事人"), self.tr("期限")])
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAlternatingRowColors(True)
        self.tree.activated.connect(self._on_activated)
        self.done_button = QPushButton(self.tr("标记已办"))
        self.done_button.setToolTip(self.tr("把选中的市局通知标记为已办，它不再列在这里。"))
        self.done_button.clicked.connect(self.mark_current_notice_done)
        self.done_button.setVisible(mark_notice_done is not None)
        self.done_button.setEnabled(False)
        self.message = message_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.notices: QStandardItem | None = None
        self.deadlines = self._section()
        self.follow_ups = self._section()
        self.confirmations = self._section() if show_confirmations else None
        self._reading: Task | None = None
        self._show_computing()
        self.tree.expandAll()
        self._fit_columns()
        QTimer.singleShot(0, self, self.refresh)

    def _section(self, *, first: bool = False) -> QStandardItem:
        section = QStandardItem()
        section.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = section.font()
        font.setBold(True)
        section.setFont(font)
        if first:
            self.model.insertRow(0, section)
        else:
            self.model.appendRow(section)
        self.tree.setFirstColumnSpanned(section.row(), QModelIndex(), True)
        return section

    def _show_computing(self) -> None:
        """Until the first reading is shown: each section by name, saying it is being computed."""
        sections = [(self.deadlines, self.tr("期限将至或已超期")), (self.follow_ups, self.tr("待回访"))]
        if self.confirmations is not None:
            sections.append((self.confirmations, self.tr("待站长确认")))
        for section, title in sections:
            section.setText(title)
            computing = QStandardItem(self.tr("正在计算…"))
            computing.setFlags(Qt.ItemFlag.NoItemFlags)
            section.appendRow(computing)

    def refresh(self) -> None:
        """Read the work again in the background and show it once read (``refreshed``); the
        sections stay as they were opened or closed."""
        if self._reading is not None:
            self._reading.cancel()  # when it has not started yet: this reading replaces it
        # Bound methods, not lambdas: a task holds its callbacks, and must not keep the panel alive.
        self._reading = run_in_background(
            self._work_today, on_success=self._show, on_failure=self._show_failure, parent=self
        )

    def _show_failure(self, error: Exception) -> None:
        show_error(error, self.window())

    def _show(self, work: WorkToday) -> None:
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
        self._show_notices(work.notices)
        self._fit_columns()
        self.refreshed.emit()

    def _show_notices(self, notices: list[NoticeRow]) -> None:
        """The bureau's section, first, only while there are notices not done."""
        if not notices:
            if self.notices is not None:
                self.model.removeRow(self.notices.row())
                self.notices = None
            return
        if self.notices is None:
            self.notices = self._section(first=True)
        self._fill(
            self.notices,
            self.tr("市局通知（%n）", "", len(notices)),
            [self._notice_entry(notice) for notice in notices],
        )
        self.tree.expand(self.notices.index())

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
            cells[self.NUMBER].setData(entry.notice_id, NoticeIdRole)
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

    def _notice_entry(self, notice: NoticeRow) -> _Entry:
        if notice.respond_by is not None:
            due = self.tr("请于 {date} 前回复").format(date=notice.respond_by.isoformat())
        else:
            due = self.tr("收到于 {time}").format(time=clock.format_local(notice.received_at))
        number = notice.case_number or self.tr("（本站无此案件）")
        return _Entry(notice.case_id, number, notice.text, due, notice_id=notice.id)

    def entries(self, section: QStandardItem) -> list[QModelIndex]:
        """The first-column index of each entry in a section (none when it only says “（无）”)."""
        children = [section.child(row).index() for row in range(section.rowCount())]
        return [
            index for index in children if index.data(CaseIdRole) is not None or index.data(NoticeIdRole) is not None
        ]

    def texts(self, entry: QModelIndex) -> list[str]:
        return [entry.siblingAtColumn(column).data() for column in range(self.model.columnCount())]

    def _on_activated(self, index: QModelIndex) -> None:
        first = index.siblingAtColumn(self.NUMBER)
        case_id = first.data(CaseIdRole)
        if case_id is not None:
            self.case_requested.emit(int(case_id), first.data())

    def _current_notice(self) -> int | None:
        notice_id = self.tree.currentIndex().siblingAtColumn(self.NUMBER).data(NoticeIdRole)
        return None if notice_id is None else int(notice_id)

    def _on_current_changed(self) -> None:
        self.done_button.setEnabled(self._current_notice() is not None)

    def mark_current_notice_done(self) -> None:
        """Mark the selected bureau notice done (标记已办) and read the work again (``refreshed``)."""
        notice_id = self._current_notice()
        if notice_id is None or self._mark_notice_done is None:
            return
        self.message.hide()
        try:
            self._mark_notice_done(notice_id)
        except DeskError as error:
            self.message.setText(self.tr("⚠ {message}").format(message=str(error)))
            self.message.show()
            return
        self.refresh()
        self._on_current_changed()
