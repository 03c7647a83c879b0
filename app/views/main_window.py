"""The desk's main window: a search box and filters over the station's case list, today's work
beside it."""

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.services.actor import Actor
from app.services.worklist import WorkToday
from app.tasks import Task, run_in_background
from app.views.case_table_model import CaseRowRole, CaseTableModel
from app.views.filter_bar import FilterBar
from app.views.form_window import CaseWindow, IntakeDialog
from app.views.icons import icon
from app.views.intake_form import IntakeForm
from app.views.match_delegate import MatchDelegate
from app.views.work_today import WorkTodayPanel

if TYPE_CHECKING:
    # Only named here: the case view is imported when the first case is opened (see app.desk).
    from app.views.case_detail import CaseDetailView

SEARCH_DELAY_MS = 300
LOCK_SHORTCUT = QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L)
SORT_MESSAGE_MS = 10_000
# The columns are sized once, to the header and this many rows of the first page.
COLUMN_SAMPLE_ROWS = 50


class MainWindow(QMainWindow):
    """The case list of one station, for the signed-in user.

    Typing in the search box or changing a filter re-reads the list once the user pauses, so
    each keystroke does not start a query of its own. A header click sorts the whole list (the
    query sorts, not the view). ``refresh()`` re-reads everything after a case changed: the
    list, today's work, the mediators offered as a filter and the time of the last backup (read
    in the background, like today's work; ``last_backup_shown`` says it is shown); ``refreshed``
    then tells what else shows the station's state (not a mere change of filter).
    """

    refreshed = Signal()
    last_backup_shown = Signal()

    def __init__(
        self,
        model: CaseTableModel,
        station_name: str,
        actor: Actor,
        *,
        new_intake: Callable[[], IntakeForm] | None = None,
        case_view: Callable[[int], "CaseDetailView"] | None = None,
        mediators: Callable[[], list[Actor]] | None = None,
        work_today: Callable[[], WorkToday] | None = None,
        last_backup: Callable[[], datetime | None] | None = None,
        open_settings: Callable[[QWidget], QDialog] | None = None,
        mark_notice_done: Callable[[int], None] | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self._open_settings = open_settings
        self._model = model
        self._new_intake = new_intake
        self._case_view = case_view
        self._last_backup = last_backup
        self.sync = None  # the 同步 menu, panel and status line (app.views.sync_panel.SyncDesk), if attached
        self.setWindowTitle(self.tr("消费维权调解台 — {station}").format(station=station_name))

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("搜索编号、当事人、商家、内容…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.filter_bar = FilterBar(mediators)
        self.case_table = QTableView()
        self.case_table.setModel(model)
        self.case_table.setItemDelegate(MatchDelegate(self.case_table))  # highlights the searched text
        self.case_table.setAlternatingRowColors(True)
        self.case_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.case_table.verticalHeader().hide()
        header = self.case_table.horizontalHeader()
        header.setStretchLastSection(True)
        # No column is sorted at first: the list is newest first. A third click on a sorted
        # column goes back to that order.
        header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorClearable(True)
        self.case_table.setSortingEnabled(True)
        model.sort_refused.connect(self._on_sort_refused)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.case_table)
        self.setCentralWidget(central)

        self._count_label = QLabel()
        # Shown while the list only knows it has more than the model counts at once.
        self.count_all_button = QPushButton(self.tr("统计总数"))
        self.count_all_button.setFlat(True)
        self.count_all_button.setToolTip(self.tr("逐件统计符合条件的全部案件；案件很多时需要几秒钟。"))
        self.count_all_button.clicked.connect(model.count_all)
        self.statusBar().addWidget(QLabel(station_name))
        user = self.tr("{name}（{role}）").format(name=actor.display_name, role=actor.role.label)
        self.statusBar().addWidget(QLabel(user))
        self.statusBar().addPermanentWidget(self._count_label)
        self.statusBar().addPermanentWidget(self.count_all_button)
        self._backup_label = QLabel()
        self._backup_reading: Task | None = None
        if last_backup is not None:
            self.statusBar().addPermanentWidget(self._backup_label)
            self.show_last_backup()
        self._show_count()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_search)
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        self.filter_bar.changed.connect(self._on_search_text_changed)
        model.modelReset.connect(self._show_count)
        model.total_changed.connect(self._show_count)
        self.case_table.activated.connect(self._on_case_activated)

        toolbar = self.addToolBar(self.tr("案件"))
        toolbar.setObjectName("cases")
        # The words stay beside the pictures: the desk is read in Chinese first, and a new
        # mediator should not have to learn what a picture means.
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.new_intake_action = QAction(icon("new-case"), self.tr("新登记"), self)
        self.new_intake_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_intake_action.setEnabled(new_intake is not None)
        self.new_intake_action.triggered.connect(self.open_intake)
        toolbar.addAction(self.new_intake_action)
        self.refresh_action = QAction(icon("refresh"), self.tr("刷新"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        toolbar.addAction(self.refresh_action)
        self.settings_action = QAction(icon("settings"), self.tr("设置"), self)
        self.settings_action.setEnabled(open_settings is not None)
        self.settings_action.triggered.connect(self.open_settings)
        toolbar.addAction(self.settings_action)
        # Shown once the desk says how to lock (offer_lock): a window alone has no lock screen.
        self.lock_action = QAction(icon("lock"), self.tr("锁定"), self)
        self.lock_action.setShortcut(LOCK_SHORTCUT)
        self.lock_action.setToolTip(self.tr("锁定调解台（Ctrl+L），离开座位时用；输入的内容保留"))
        self.lock_action.setVisible(False)
        toolbar.addAction(self.lock_action)

        self.work_today_panel: WorkTodayPanel | None = None
        self.work_today_dock: QDockWidget | None = None
        if work_today is not None:
            self.work_today_panel = WorkTodayPanel(
                work_today, show_confirmations=actor.is_head, mark_notice_done=mark_notice_done
            )
            self.work_today_panel.case_requested.connect(self.open_case)
            dock = QDockWidget(self.tr("今日待办"), self)
            dock.setObjectName("work_today")
            dock.setWidget(self.work_today_panel)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            toolbar.addAction(dock.toggleViewAction())
            self.work_today_dock = dock

        # Sized once and kept, as the user may then set them: sizing every cell again at each
        # reset took most of a filter's time (docs/benchmarks.md, "Desk").
        self.case_table.verticalHeader().setResizeContentsPrecision(COLUMN_SAMPLE_ROWS)
        self._columns_sized = False
        model.modelReset.connect(self._size_columns_once)
        self._size_columns_once()

    def offer_lock(self, lock: Callable[[], object]) -> None:
        """Show the 锁定 action (Ctrl+L); it calls ``lock``, as the idle lock does."""
        self.lock_action.triggered.connect(lock)
        self.lock_action.setVisible(True)

    def open_settings(self) -> QDialog:
        dialog = self._open_settings(self)
        dialog.open()
        return dialog

    def save_open_drafts(self) -> None:
        """Save what is typed in every open intake form (before the desk locks or closes)."""
        for dialog in self.findChildren(IntakeDialog):
            dialog.form.save_draft_now()

    def _on_search_text_changed(self) -> None:
        self._search_timer.start()

    def _on_search(self) -> None:
        self._apply_filters()

    def _apply_filters(self) -> None:
        self._model.set_filter(self.filter_bar.criteria(self.search_edit.text()))

    def refresh(self) -> None:
        """Re-read the list with the current search and filters, today's work and the last
        backup, after anything changed a case (or on F5)."""
        self._search_timer.stop()
        self.filter_bar.reload_mediators()
        self._apply_filters()
        if self.work_today_panel is not None:
            self.work_today_panel.refresh()
        self.show_last_backup()
        self.refreshed.emit()

    def _on_sort_refused(self, message: str) -> None:
        # Put the header's arrow back where the list's order really is, without sorting again.
        header = self.case_table.horizontalHeader()
        header.blockSignals(True)
        try:
            header.setSortIndicator(self._model.sort_column(), self._model.sort_order())
        finally:
            header.blockSignals(False)
        header.viewport().update()
        self.statusBar().showMessage(message, SORT_MESSAGE_MS)

    def open_intake(self) -> IntakeDialog:
        dialog = IntakeDialog(self._new_intake(), self)
        dialog.form.registered.connect(self._on_registered)
        dialog.open()
        return dialog

    def _on_registered(self, registered: list) -> None:
        self.refresh()
        self.open_case(registered[0].case_id, registered[0].number)

    def _on_case_activated(self, index: QModelIndex) -> None:
        row = index.data(CaseRowRole)
        self.open_case(row.id, row.number)

    def open_case(self, case_id: int, number: str) -> CaseWindow | None:
        """Show one case beside the list; its steps refresh the list."""
        if self._case_view is None:
            return None
        view = self._case_view(case_id)
        view.changed.connect(self.refresh)
        window = CaseWindow(view, self.tr("案件 {number}").format(number=number), self)
        window.resize(900, 700)
        window.show()
        return window

    def _size_columns_once(self) -> None:
        """To the header and the first rows, the first time the list has any."""
        if self._columns_sized or self._model.rowCount() == 0:
            return
        self.case_table.resizeColumnsToContents()
        self._columns_sized = True

    def _show_count(self) -> None:
        total = self._model.total
        if total is not None:
            self._count_label.setText(self.tr("共 %n 件", "", total))
        elif self._model.counting:
            self._count_label.setText(self.tr("超过 %n 件，正在统计…", "", CaseTableModel.COUNT_LIMIT))
        else:
            self._count_label.setText(self.tr("超过 %n 件", "", CaseTableModel.COUNT_LIMIT))
        self.count_all_button.setVisible(total is None and not self._model.counting)

    def show_last_backup(self) -> None:
        """Re-read the time of the last backup into the status bar (``last_backup_shown``).

        In the background: it lists the backup folders, and a network share may be slow to answer.
        """
        if self._last_backup is None:
            return
        if self._backup_reading is not None:
            self._backup_reading.cancel()  # when it has not started yet: this reading replaces it
        # A bound method, not a lambda: a task holds its callbacks, and must not keep the window alive.
        self._backup_reading = run_in_background(self._last_backup, on_success=self._show_backup_time, parent=self)

    def _show_backup_time(self, when: datetime | None) -> None:
        if when is None:
            self._backup_label.setText(self.tr("上次备份：无"))
        else:
            self._backup_label.setText(self.tr("上次备份：{time}").format(time=clock.format_local(when)))
        self.last_backup_shown.emit()
