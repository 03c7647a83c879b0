"""Running the desk on a station: the daily check, sign-in, the case list, and a restore."""

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMessageLogContext, QObject, Qt, QtMsgType, QTimer, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.domain.errors import DeskError
from app.i18n import DEFAULT_LANGUAGE, install_translators
from app.models.backup import Stage
from app.models.store import Store, StoreDamaged, daily_check_due, daily_check_steps, open_store, read_station_key
from app.paths import APP_NAME, StationPaths
from app.services import accounts, backups, queries, sync_status, worklist
from app.services.actor import Actor
from app.services.calendar_data import install_calendar
from app.services.settings import load_settings
from app.services.station import create_station, station_info
from app.sync.retry import RetryPolicy
from app.tasks import run_in_background
from app.views.backup_actions import BackupServices, DataMenu, progress_of
from app.views.case_table_model import CaseTableModel
from app.views.error_dialog import install_excepthook, show_error
from app.views.fonts import use_chinese_fonts
from app.views.intake_form import IntakeForm
from app.views.lock_screen import IdleLock, lock
from app.views.main_window import MainWindow
from app.views.sign_in_dialog import SignInDialog
from app.views.sync_desk import SyncDesk

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.views.case_detail import CaseDetailView
    from app.views.settings_dialog import SettingsDialog
    from app.views.sync_services import SyncServices

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    qt_log.log(_QT_LEVELS[kind], "%s", message)


def prepare_application(language: str = DEFAULT_LANGUAGE) -> QApplication:
    """The QApplication, with translations, fonts, Qt's messages in our log and the error hook."""
    app = QApplication.instance()
    if app is None:
        QApplication.setApplicationName(APP_NAME)
        app = QApplication(sys.argv)
    install_translators(app, language)
    use_chinese_fonts(app)
    qInstallMessageHandler(_log_qt_message)
    install_excepthook()
    return app


def build_main_window(
    store: Store, actor: Actor, *, sync_policy: Callable[..., RetryPolicy] = RetryPolicy
) -> MainWindow:
    """The main window for a signed-in user, its views bound to the store; ``sync_policy`` makes
    the sync's retry policy (given its cancel event)."""
    model = CaseTableModel(
        fetch=lambda criteria, after, limit: queries.list_cases(
            store, criteria, after=after, limit=limit, viewer=actor
        ),
        count=lambda criteria, limit: queries.count_cases(store, criteria, limit=limit),
        sync_states=lambda case_ids: sync_status.sync_states(store, case_ids),
    )
    window = MainWindow(
        model,
        station_info(store).name,
        actor,
        new_intake=lambda: new_intake_form(store, actor),
        case_view=lambda case_id: open_case_view(store, actor, case_id),
        mediators=lambda: accounts.users(store),
        work_today=lambda: worklist.work_today(store, actor),
        last_backup=lambda: backups.last_backup_time(store),
        open_settings=lambda parent: open_settings_dialog(store, actor, parent),
        mark_notice_done=lambda notice_id: worklist.mark_notice_done(store, actor, notice_id),
    )
    window.sync = SyncDesk(
        window,
        overview=lambda: sync_status.sync_overview(store),
        services=lambda: sync_services(store, actor, sync_policy),
    )
    return window


def open_case_view(store: Store, actor: Actor, case_id: int) -> "CaseDetailView":
    """One case's view. Imported here, when a case is first opened: with its documents and their
    printing it is about a third of the desk's imports, which the start does without."""
    from app.views.case_detail import CaseDetailView, CaseServices

    return CaseDetailView(CaseServices.for_store(store, actor), case_id)


# The sync panel and the settings (with the hub's enrolment) bring the sync engine, its HTTP
# client and protocol models; the intake's services bring the editing dialogs: imported when
# first opened, not at every start.


def new_intake_form(store: Store, actor: Actor) -> IntakeForm:
    from app.views.bindings import intake_services

    return IntakeForm(intake_services(store, actor), f"intake:{actor.user_id}", actor)


def sync_services(store: Store, actor: Actor, policy: Callable[..., RetryPolicy]) -> "SyncServices":
    from app.views.sync_services import SyncServices

    return SyncServices.for_store(store, actor, policy=policy)


def open_settings_dialog(store: Store, actor: Actor, parent: "QWidget") -> "SettingsDialog":
    from app.views.settings_dialog import SettingsDialog, SettingsServices

    return SettingsDialog(SettingsServices.for_store(store, actor), parent)


def run_first_run(paths: StationPaths) -> bool:
    """The first-run wizard for a data folder without a station; True once a station exists."""
    from app.views.first_run_wizard import FirstRunWizard  # once per station, never at a start

    prepare_application()
    wizard = FirstRunWizard(
        lambda setup, username, name, password: create_station(
            paths, setup, head_username=username, head_name=name, head_password=password
        ),
        location=str(paths.data_dir),
    )
    wizard.exec()
    return wizard.created


def run_desk(paths: StationPaths) -> int:
    """Open the station's store and run the desk on it until the main window is closed; the
    exit code: 0, or 2 when the store was refused (the user has been told why)."""
    store = open_store(paths, daily_check=False)
    try:
        install_calendar(store)
        app = prepare_application(load_settings(store).language)
    except BaseException:
        store.close()
        raise
    # The desk closes its windows itself during a restore; it says when it is done.
    app.setQuitOnLastWindowClosed(False)
    desk = Desk(paths, store)
    desk.ended.connect(app.exit)
    try:
        desk.start()
        return app.exec()
    finally:
        desk.close()


class Desk(QObject):
    """The desk's life on one station: the daily check, sign-in, the main window.

    At the first start of a day the whole-file check and the day's backup run as one
    background task before the sign-in window appears; a damaged store is refused with the
    reason, and the desk ends; a backup that could not be written is told, and sign-in follows.
    A restore from the 数据 menu closes every window and the store, replaces the store, opens it
    again and asks for sign-in again.

    Signals:
        ended(int): the desk is done; the exit code (0 when the user closed it or cancelled
            sign-in, 2 when the store was refused).
    """

    ended = Signal(int)

    def __init__(self, paths: StationPaths, store: Store):
        super().__init__()
        self.paths = paths
        self.store = store
        self.sign_in: SignInDialog | None = None
        self.window: MainWindow | None = None
        self.data_menu: DataMenu | None = None
        self.message_box: QMessageBox | None = None

    def start(self) -> None:
        if daily_check_due(self.store):
            self._run_daily_check()
        else:
            self._show_sign_in()

    def close(self) -> None:
        """Save the open forms' drafts, delete the windows, close the store (at exit)."""
        window, self.window = self.window, None
        if window is not None:
            window.save_open_drafts()
            close_windows(window)
        else:
            QApplication.closeAllWindows()  # the sign-in, or a message
        self.store.close()

    # --- the daily check ----------------------------------------------------------------------

    def _run_daily_check(self) -> None:
        title = self.tr("正在进行每日完整性检查和备份…")
        texts = {
            Stage.CHECK: self.tr("正在进行每日完整性检查和备份…\n第 1 步（共 2 步）：检查数据库完整性"),
            Stage.COPY: self.tr("正在进行每日完整性检查和备份…\n第 2 步（共 2 步）：备份数据库"),
        }
        store = self.store
        run_in_background(
            # A lambda, not the generator function: the check cannot be cancelled, since
            # nobody may sign in before it has passed.
            lambda: progress_of(lambda: daily_check_steps(store), texts),
            on_success=lambda _made: self._show_sign_in(),
            on_failure=self._daily_check_failed,
            parent=self,
            label=title,
        )

    def _daily_check_failed(self, exc: Exception) -> None:
        """A damaged store is refused. Anything else failed after the store passed its check
        (a full disk, a backup folder gone): the user is told, then signs in as usual."""
        if isinstance(exc, StoreDamaged):
            self._refuse(exc)
            return
        log.warning("today's backup was not made: %s", exc)
        if not isinstance(exc, DeskError):
            self._after(show_error(exc), self._show_sign_in)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("今天的备份没有做成"), str(exc), QMessageBox.StandardButton.Ok)
        box.setInformativeText(
            self.tr(
                "数据库完整性检查已通过，可以照常登录。请检查磁盘空间和备份文件夹（站长可在站点设置中更改），"
                "再用“数据 › 立即备份…”补做一次备份。"
            )
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
        self._after(box, self._show_sign_in)

    def _refuse(self, exc: Exception) -> None:
        """Show why the store cannot be used; the desk ends when the message is closed."""
        log.warning("the desk refused the store: %s", exc)
        self._after(show_error(exc), lambda: self.ended.emit(2))

    @staticmethod
    def _after(dialog: QDialog | None, then: Callable[[], None]) -> None:
        """``then`` once the user has closed ``dialog`` (at once when there is none)."""
        if dialog is None:
            then()
        else:
            dialog.finished.connect(then)

    # --- signing in and working ---------------------------------------------------------------

    def _show_sign_in(self) -> None:
        dialog = SignInDialog(lambda username, password: accounts.authenticate(self.store, username, password))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._open_main_window(dialog.actor))
        dialog.rejected.connect(lambda: self.ended.emit(0))
        self.sign_in = dialog
        dialog.open()

    def _open_main_window(self, actor: Actor) -> None:
        self.sign_in = None
        log.info("%s signed in", actor.username)
        store = self.store
        window = build_main_window(store, actor)
        self.data_menu = DataMenu(window, BackupServices.for_store(store, actor))
        # Queued: the request comes from a confirmation box that belongs to the window.
        self.data_menu.restore_requested.connect(
            lambda source: self._restore(actor, source), Qt.ConnectionType.QueuedConnection
        )

        def lock_desk():
            return lock(
                window,
                user_name=actor.display_name,
                authenticate=lambda password: accounts.authenticate(store, actor.username, password) is not None,
                before_lock=window.save_open_drafts,
            )

        idle = IdleLock(load_settings(store).idle_lock_minutes * 60_000, parent=window)
        idle.idle.connect(lock_desk)
        idle.start()
        window.offer_lock(lock_desk)
        window.installEventFilter(self)
        self.window = window
        window.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            # Looked at once the window has handled the close: it may have refused it.
            QTimer.singleShot(0, self._end_if_window_closed)
        return False

    def _end_if_window_closed(self) -> None:
        if self.window is not None and not self.window.isVisible():
            self.ended.emit(0)

    # --- restoring ----------------------------------------------------------------------------

    def _restore(self, actor: Actor, source: Path) -> None:
        """Close every window and the store, restore ``source``, then open the store again and
        ask for sign-in (the restored data may have other accounts)."""
        # Here, on the UI thread: not every keyring backend may be used from the task's thread.
        # A missing key stops the restore before anything is closed.
        try:
            key = read_station_key(self.paths)
        except DeskError as exc:
            show_error(exc, self.window)
            return
        window, self.window, self.data_menu = self.window, None, None
        window.save_open_drafts()  # into the data being replaced, which is kept aside
        QApplication.closeAllWindows()
        window.deleteLater()
        store = self.store

        def work():
            # In the task lane, so any backup still running there finishes first.
            store.close()
            return backups.restore(self.paths, actor, source, key=key)

        run_in_background(
            work,
            on_success=lambda kept: self._after_restore(self._restored_message(source, kept)),
            on_failure=lambda exc: self._after_restore(show_error(exc)),
            parent=self,
            label=self.tr("正在从备份恢复…"),
        )

    def _restored_message(self, source: Path, kept: Path | None) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("已从备份恢复"), "", QMessageBox.StandardButton.Ok)
        box.setText(self.tr("已从备份 {name} 恢复。请重新登录。").format(name=source.name))
        if kept is not None:
            box.setInformativeText(self.tr("原来的数据已另存为 {kept}。").format(kept=kept))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
        return box

    def _after_restore(self, dialog: QDialog | None) -> None:
        """Once the user has read how the restore went: the store again, and sign-in."""
        self._after(dialog, self._reopen)

    def _reopen(self) -> None:
        try:
            self.store = open_store(self.paths, daily_check=False)
            install_calendar(self.store)
        except Exception as exc:  # noqa: BLE001 - whatever it is, the user is told and the desk ends
            self._refuse(exc)
            return
        self._show_sign_in()


def close_windows(window: MainWindow) -> None:
    """Delete the windows while the application still exists: left to Python's clean-up at
    exit, they could outlive it, and Qt crashes deleting a widget after its application."""
    QApplication.closeAllWindows()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
