"""Running the desk on an open store: sign in, then the case list."""

import logging
import sys

from PySide6.QtCore import QEvent, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QDialog

from app.i18n import DEFAULT_LANGUAGE, install_translators
from app.models.store import Store
from app.paths import APP_NAME, StationPaths
from app.services import accounts, backups, queries, worklist
from app.services.actor import Actor
from app.services.settings import load_settings
from app.services.station import create_station, station_info
from app.views.bindings import intake_services
from app.views.case_detail import CaseDetailView, CaseServices
from app.views.case_table_model import CaseTableModel
from app.views.error_dialog import install_excepthook
from app.views.first_run_wizard import FirstRunWizard
from app.views.intake_form import IntakeForm
from app.views.lock_screen import IdleLock, lock
from app.views.main_window import MainWindow
from app.views.settings_dialog import SettingsDialog, SettingsServices
from app.views.sign_in_dialog import SignInDialog

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

# Qt picks the first family that has a glyph; these cover Chinese on UOS/Kylin, other Linux and Windows.
CHINESE_FONT_FALLBACKS = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei"]

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    qt_log.log(_QT_LEVELS[kind], "%s", message)


def _use_chinese_fonts(app: QApplication) -> None:
    font = app.font()
    font.setFamilies([font.family(), *CHINESE_FONT_FALLBACKS])
    app.setFont(font)


def prepare_application(language: str = DEFAULT_LANGUAGE) -> QApplication:
    """The QApplication, with translations, fonts, Qt's messages in our log and the error hook."""
    app = QApplication.instance()
    if app is None:
        QApplication.setApplicationName(APP_NAME)
        app = QApplication(sys.argv)
    install_translators(app, language)
    _use_chinese_fonts(app)
    qInstallMessageHandler(_log_qt_message)
    install_excepthook()
    return app


def build_main_window(store: Store, actor: Actor) -> MainWindow:
    """The main window for a signed-in user, its views bound to the store."""
    model = CaseTableModel(
        fetch=lambda criteria, offset, limit: queries.list_cases(
            store, criteria, offset=offset, limit=limit, viewer=actor
        ),
        count=lambda criteria: queries.count_cases(store, criteria),
    )
    return MainWindow(
        model,
        station_info(store).name,
        actor,
        new_intake=lambda: IntakeForm(intake_services(store, actor), f"intake:{actor.user_id}", actor),
        case_view=lambda case_id: CaseDetailView(CaseServices.for_store(store, actor), case_id),
        mediators=lambda: accounts.users(store),
        work_today=lambda: worklist.work_today(store, actor),
        last_backup=lambda: backups.last_backup_time(store.paths),
        open_settings=lambda parent: SettingsDialog(SettingsServices.for_store(store, actor), parent),
    )


def run_first_run(paths: StationPaths) -> bool:
    """The first-run wizard for a data folder without a station; True once a station exists."""
    prepare_application()
    wizard = FirstRunWizard(
        lambda setup, username, name, password: create_station(
            paths, setup, head_username=username, head_name=name, head_password=password
        ),
        location=str(paths.data_dir),
    )
    wizard.exec()
    return wizard.created


def run_desk(store: Store) -> int:
    """Show the sign-in dialog, then the main window; the exit code, 0 if sign-in was cancelled."""
    settings = load_settings(store)
    app = prepare_application(settings.language)
    sign_in = SignInDialog(lambda username, password: accounts.authenticate(store, username, password))
    if sign_in.exec() != QDialog.DialogCode.Accepted:
        return 0
    actor = sign_in.actor
    log.info("%s signed in", actor.username)
    window = build_main_window(store, actor)
    idle = IdleLock(settings.idle_lock_minutes * 60_000, parent=window)
    idle.idle.connect(
        lambda: lock(
            window,
            user_name=actor.display_name,
            authenticate=lambda password: accounts.authenticate(store, actor.username, password) is not None,
            before_lock=window.save_open_drafts,
        )
    )
    idle.start()
    window.show()
    code = app.exec()
    window.save_open_drafts()
    close_windows(window)
    return code


def close_windows(window: MainWindow) -> None:
    """Delete the windows while the application still exists: left to Python's clean-up at
    exit, they could outlive it, and Qt crashes deleting a widget after its application."""
    QApplication.closeAllWindows()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
