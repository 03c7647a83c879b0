"""The desk's one error dialog, and the excepthook that routes uncaught errors to it.

A DeskError carries a message written for the user, so it is shown as it is. Anything else is
a bug: it is logged with its traceback and shown as a short apology with copyable details.
Dialogs open without blocking (``open()``, not ``exec()``), and with
``MEDIATION_DESK_NO_DIALOGS=1``, without a QApplication or off the UI thread, errors are only
logged, so tests and scripts never wait on a box nobody will click.
"""

import logging
import os
import platform
import sys
import traceback
from datetime import datetime
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSize, Qt, QThread, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DeskError
from app.views import icons

log = logging.getLogger(__name__)

NO_DIALOGS_VARIABLE = "MEDIATION_DESK_NO_DIALOGS"

# Dialogs opened without a parent have no owner on the Qt side; this keeps them alive until closed.
_open_dialogs: set[QDialog] = set()
_previous_excepthook = sys.excepthook


class ErrorDialog(QDialog):
    """The apology for an unexpected error, with its details to copy into a support request.

    Signals: none beyond QDialog's.
    """

    def __init__(self, details: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("意外错误"))
        icon = QLabel()
        icon.setPixmap(icons.icon("error").pixmap(QSize(48, 48), self.devicePixelRatioF()))
        self.message_label = QLabel(self.tr("发生意外错误，已记入日志。"))
        self.details_button = QPushButton(self.tr("详细信息"))
        self.details_button.setCheckable(True)
        self.details_edit = QPlainTextEdit(details)
        self.details_edit.setReadOnly(True)
        self.details_edit.hide()
        self.copy_button = QPushButton(self.tr("复制"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)

        top = QHBoxLayout()
        top.addWidget(icon, alignment=Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.message_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_edit)
        layout.addWidget(buttons)

        self.details_button.toggled.connect(self.details_edit.setVisible)
        self.copy_button.clicked.connect(self._on_copy)
        buttons.rejected.connect(self.reject)

    def _on_copy(self) -> None:
        QApplication.clipboard().setText(self.details_edit.toPlainText())


def show_error(exc: BaseException, parent: QWidget | None = None) -> QDialog | None:
    """Log ``exc`` and show it to the user; returns the opened dialog, or None when headless."""
    if isinstance(exc, DeskError):
        log.info("Shown to the user: %s", exc)
    else:
        log.error("Unexpected error", exc_info=exc)
    if not _can_show_dialogs():
        return None
    if isinstance(exc, DeskError):
        title = QCoreApplication.translate("show_error", "无法完成")
        dialog = QMessageBox(QMessageBox.Icon.Warning, title, str(exc), QMessageBox.StandardButton.Ok, parent)
    else:
        dialog = ErrorDialog(_details(exc), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_dialogs.add(dialog)
    dialog.destroyed.connect(lambda: _open_dialogs.discard(dialog))
    dialog.open()
    return dialog


def install_excepthook() -> None:
    """Route exceptions nobody caught (in a slot, say) to show_error instead of stderr.

    KeyboardInterrupt and other non-Exception errors still go to the previous hook.
    """
    global _previous_excepthook
    if sys.excepthook is not _excepthook:
        _previous_excepthook = sys.excepthook
        sys.excepthook = _excepthook


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, Exception):
        show_error(exc)
    else:
        _previous_excepthook(exc_type, exc, tb)


def _can_show_dialogs() -> bool:
    app = QApplication.instance()
    return (
        os.environ.get(NO_DIALOGS_VARIABLE) != "1"
        and isinstance(app, QApplication)
        and QThread.currentThread() == app.thread()
    )


def _details(exc: BaseException) -> str:
    """What a support request needs: when, on what, and the traceback."""
    header = (
        f"{datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}\n"
        f"{platform.platform()}, Python {platform.python_version()}, Qt {qVersion()}\n\n"
    )
    return header + "".join(traceback.format_exception(exc))
