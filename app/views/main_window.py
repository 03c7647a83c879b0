"""The desk's main window: a search box over the station's case list."""

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.actor import Actor
from app.services.queries import CaseFilter
from app.views.case_detail import CaseDetailView
from app.views.case_table_model import CaseRowRole, CaseTableModel
from app.views.form_window import CaseWindow, IntakeDialog
from app.views.intake_form import IntakeForm

SEARCH_DELAY_MS = 300


class MainWindow(QMainWindow):
    """The case list of one station, for the signed-in user.

    Typing in the search box filters the list once the user pauses, so each keystroke
    does not start a query of its own.
    """

    def __init__(
        self,
        model: CaseTableModel,
        station_name: str,
        actor: Actor,
        *,
        new_intake: Callable[[], IntakeForm] | None = None,
        case_view: Callable[[int], CaseDetailView] | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self._model = model
        self._new_intake = new_intake
        self._case_view = case_view
        self.setWindowTitle(self.tr("消费维权调解台 — {station}").format(station=station_name))

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("搜索编号、当事人、商家、内容…"))
        self.search_edit.setClearButtonEnabled(True)
        self.case_table = QTableView()
        self.case_table.setModel(model)
        self.case_table.setAlternatingRowColors(True)
        self.case_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.case_table.verticalHeader().hide()
        self.case_table.horizontalHeader().setStretchLastSection(True)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.case_table)
        self.setCentralWidget(central)

        self._count_label = QLabel()
        self.statusBar().addWidget(QLabel(station_name))
        user = self.tr("{name}（{role}）").format(name=actor.display_name, role=actor.role.label)
        self.statusBar().addWidget(QLabel(user))
        self.statusBar().addPermanentWidget(self._count_label)
        self._show_count()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_search)
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        model.modelReset.connect(self._show_count)
        self.case_table.activated.connect(self._on_case_activated)

        toolbar = self.addToolBar(self.tr("案件"))
        toolbar.setObjectName("cases")
        self.new_intake_action = QAction(self.tr("新登记"), self)
        self.new_intake_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_intake_action.setEnabled(new_intake is not None)
        self.new_intake_action.triggered.connect(self.open_intake)
        toolbar.addAction(self.new_intake_action)
        model.modelReset.connect(self.case_table.resizeColumnsToContents)
        self.case_table.resizeColumnsToContents()

    def _on_search_text_changed(self) -> None:
        self._search_timer.start()

    def _on_search(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Re-read the list with the current search, after anything changed a case."""
        self._model.set_filter(CaseFilter(text=self.search_edit.text()))

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

    def _show_count(self) -> None:
        self._count_label.setText(self.tr("共 %n 件", "", self._model.total))
