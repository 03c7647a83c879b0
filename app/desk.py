"""Running the desk on an open store: sign in, then the case list."""

import logging
import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QDialog

from app.models.store import Store
from app.paths import APP_NAME
from app.services import accounts, queries
from app.services.station import station_info
from app.views.case_table_model import CaseTableModel
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


def run_desk(store: Store) -> int:
    """Show the sign-in dialog, then the main window; the exit code, 0 if sign-in was cancelled."""
    app = QApplication.instance()
    if app is None:
        QApplication.setApplicationName(APP_NAME)
        app = QApplication(sys.argv)
    _use_chinese_fonts(app)
    qInstallMessageHandler(_log_qt_message)

    sign_in = SignInDialog(lambda username, password: accounts.authenticate(store, username, password))
    if sign_in.exec() != QDialog.DialogCode.Accepted:
        return 0
    log.info("%s signed in", sign_in.actor.username)
    model = CaseTableModel(
        fetch=lambda criteria, offset, limit: queries.list_cases(store, criteria, offset=offset, limit=limit),
        count=lambda criteria: queries.count_cases(store, criteria),
    )
    window = MainWindow(model, station_info(store).name, sign_in.actor)
    window.show()
    return app.exec()
