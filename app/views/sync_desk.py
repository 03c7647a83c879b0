"""What the main window gains for the sync with the bureau hub: a 同步 menu and toolbar action
(Ctrl+Shift+Y) opening the sync panel, and a status-bar line with the changes not yet synced and
the last verified sync."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QToolBar

from app.tasks import Task, run_in_background
from app.views.icons import icon

if TYPE_CHECKING:
    from app.services.sync_status import SyncOverview
    from app.views.main_window import MainWindow
    from app.views.sync_panel import SyncPanel
    from app.views.sync_services import SyncServices

log = logging.getLogger(__name__)

# Free in the desk (the list's actions, the case detail's F2 and Ctrl+Z, the preview's zoom keys).
SYNC_SHORTCUT = QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_Y)


class SyncDesk(QObject):
    """The sync's place in one main window.

    ``overview()`` reads the status line's counts; ``services()`` makes what the panel needs.
    The panel is made the first time it is opened and kept (hidden when closed), so a sync it
    started goes on while it is closed. Until then neither the panel nor the sync engine is
    imported: the window shows without them.

    The status line is read in the background: once the event loop runs after construction, so
    the window is shown first (on a 200,000-case station the reading takes a few tenths of a
    second, docs/benchmarks.md "Desk"), then whenever the window is refreshed (after a case
    changed, or F5) and when a sync starts or ends. "正在同步…" is shown at once; the counts
    follow when read.

    Signals:
        status_shown(): the status line shows a new reading.
    """

    status_shown = Signal()

    def __init__(
        self, window: MainWindow, overview: Callable[[], SyncOverview], services: Callable[[], SyncServices]
    ):
        super().__init__(window)
        self._window = window
        self._read_overview = overview
        self._services = services
        self._overview: SyncOverview | None = None
        self._reading: Task | None = None
        self.panel: SyncPanel | None = None

        self.open_action = QAction(icon("sync"), self.tr("与市局中心同步…"), window)
        self.open_action.setShortcut(SYNC_SHORTCUT)
        self.open_action.setToolTip(self.tr("与市局中心同步（Ctrl+Shift+Y）"))
        self.open_action.triggered.connect(self.open_panel)
        menu = window.menuBar().addMenu(self.tr("同步"))
        menu.addAction(self.open_action)
        toolbar = window.findChild(QToolBar, "cases")
        if toolbar is not None:
            toolbar.addAction(self.open_action)

        self.status_label = QLabel()
        window.statusBar().addPermanentWidget(self.status_label)
        # Not at each reset of the list: a filter changes nothing here.
        window.refreshed.connect(self.show_status)
        self._show_line()
        QTimer.singleShot(0, self, self.show_status)  # once the event loop runs: the window shows first

    def open_panel(self) -> SyncPanel:
        if self.panel is None:
            from app.views.sync_panel import SyncPanel  # with the sync engine: only once it is wanted

            panel = SyncPanel(self._services(), self._window)
            panel.sync_started.connect(self.show_status)
            panel.sync_finished.connect(self._window.refresh)
            panel.sync_finished.connect(self.show_status)
            panel.cases_changed.connect(self._window.refresh)
            self.panel = panel
        self.panel.show()
        self.panel.activateWindow()  # brings it forward when it was open behind the list
        return self.panel

    def show_status(self) -> None:
        """Read the status line again in the background; say at once whether a sync runs."""
        self._show_line()
        if self._reading is not None:
            self._reading.cancel()  # when it has not started yet: this reading replaces it
        # Bound methods, not lambdas: a task holds its callbacks, and must not keep this alive.
        self._reading = run_in_background(
            self._read_overview, on_success=self._show_overview, on_failure=self._show_failure, parent=self
        )

    def _show_overview(self, overview: SyncOverview) -> None:
        self._overview = overview
        self._show_line()
        self.status_shown.emit()

    def _show_failure(self, error: Exception) -> None:
        log.error("the sync status could not be read", exc_info=error)
        self.status_label.setText(self.tr("同步状态读取失败"))
        self.status_shown.emit()

    def _show_line(self) -> None:
        if self._overview is None:
            parts = [self.tr("正在读取同步状态…")]
        else:
            from app.views.sync_words import last_verified_text  # with the sync engine's words

            overview = self._overview
            parts = [self.tr("未同步 %n 条", "", overview.unsynced), last_verified_text(overview)]
        if self.panel is not None and self.panel.running:
            parts.insert(0, self.tr("正在同步…"))
        self.status_label.setText(" · ".join(parts))
