"""What the main window gains for the sync with the bureau hub: a 同步 menu and toolbar action
(Ctrl+Shift+Y) opening the sync panel, and a status-bar line with the changes not yet synced and
the last verified sync."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QToolBar

from app.views.icons import icon
from app.views.sync_panel import SyncPanel, SyncServices
from app.views.sync_words import last_verified_text

if TYPE_CHECKING:
    from app.views.main_window import MainWindow

# Free in the desk (the list's actions, the case detail's F2 and Ctrl+Z, the preview's zoom keys).
SYNC_SHORTCUT = QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_Y)


class SyncDesk(QObject):
    """The sync's place in one main window. The panel is made the first time it is opened and
    kept (hidden when closed), so a sync it started goes on while it is closed. The status line
    is read again whenever the window is refreshed (after a case changed, or F5), and when a
    sync starts or ends."""

    def __init__(self, window: MainWindow, services: SyncServices):
        super().__init__(window)
        self._window = window
        self._services = services
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
        # Not at each reset of the list: a filter changes nothing here, and reading the status
        # took over a second on a 200,000-case station (docs/benchmarks.md, "Desk").
        window.refreshed.connect(self.show_status)
        self.show_status()

    def open_panel(self) -> SyncPanel:
        if self.panel is None:
            panel = SyncPanel(self._services, self._window)
            panel.sync_started.connect(self.show_status)
            panel.sync_finished.connect(self._window.refresh)
            panel.sync_finished.connect(self.show_status)
            panel.cases_changed.connect(self._window.refresh)
            self.panel = panel
        self.panel.show()
        self.panel.activateWindow()  # brings it forward when it was open behind the list
        return self.panel

    def show_status(self) -> None:
        overview = self._services.overview()
        parts = [self.tr("未同步 %n 条", "", overview.unsynced), last_verified_text(overview)]
        if self.panel is not None and self.panel.running:
            parts.insert(0, self.tr("正在同步…"))
        self.status_label.setText(" · ".join(parts))
