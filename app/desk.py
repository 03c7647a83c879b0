"""Running the desk on an open store: sign in, then the case list."""

import logging
import sys

from PySide6.QtCore import QEvent, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QDialog

from app.i18n import DEFAULT_LANGUAGE, install_translators
from app.models.store import Store
from app.paths import APP_NAME
from app.services import accounts, backups, queries, worklist
from app.services.actor import Actor
from app.services.station import station_info
from app.views.bindings import intake_services
from app.views.case_detail import CaseDetailView, CaseServices
from app.views.case_table_model import CaseTableModel
from app.views.error_dialog import install_excepthook
from app.views.intake_form import IntakeForm
from app.views.main_window import MainWindow
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


def prepare_application() -> QApplication:
    """The QApplication, with translations, fonts, Qt's messages in our log and the error hook."""
    app = QApplication.instance()
    if app is None:
        QApplication.setApplicationName(APP_NAME)
        app = QApplication(sys.argv)
    install_translators(app, DEFAULT_LANGUAGE)
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
    )


def run_desk(store: Store) -> int:
    """Show the sign-in dialog, then the main window; the exit code, 0 if sign-in was cancelled."""
    app = prepare_application()
    sign_in = SignInDialog(lambda username, password: accounts.authenticate(store, username, password))
    if sign_in.exec() != QDialog.DialogCode.Accepted:
        return 0
    actor = sign_in.actor
    log.info("%s signed in", actor.username)
    window = build_main_window(store, actor)
    window.show()
    code = app.exec()
    close_windows(window)
    return code


def close_windows(window: MainWindow) -> None:
    """Delete the windows while the application still exists: left to Python's clean-up at
    exit, they could outlive it, and Qt crashes deleting a widget after its application."""
    QApplication.closeAllWindows()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
