"""Locking the desk after idle time (自动锁定), and unlocking it with the user's password.

The lock is a dialog over the desk, never a new start: every window stays open as it was, with
what was typed in it, and unlocking gives the keyboard back to the field that had it. While
locked, each desk window is covered by a plain panel, so a passer-by sees no case data.

Typical use (the desk binds it)::

    idle = IdleLock(minutes * 60_000, parent=window)
    idle.idle.connect(lambda: lock(window, user_name=..., authenticate=..., before_lock=...))
    idle.start()
"""

import logging
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.domain.errors import DeskError
from app.views.field_errors import message_label
from app.views.sign_in_dialog import retry_delay_seconds

log = logging.getLogger(__name__)

Authenticate = Callable[[str], bool]

# What counts as the user being there: keys, the mouse, the wheel, touch and pen.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
    }
)


class IdleLock(QObject):
    """Emits ``idle()`` once the user has given no input for ``timeout_ms``.

    ``start()`` installs it as an event filter on the application, where it sees every key and
    mouse event of every window; it only notes the time of each (no timer is restarted per
    event, so a stream of mouse moves costs nothing). After ``idle`` it stays quiet until the
    next input, so it fires at most once per idle spell.

    Args:
        timeout_ms: the idle time; the desk passes the setting's minutes × 60 000, tests less.
    """

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._timeout_ms = max(int(timeout_ms), 1)
        self._since_input = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self._running = False

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """Change the idle time (after the settings change); counts from the last input."""
        self._timeout_ms = max(int(timeout_ms), 1)
        if self._running:
            self._arm()

    def is_running(self) -> bool:
        return self._running

    def start(self) -> None:
        if self._running:
            return
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._running = True
        self._since_input.start()
        self._arm()

    def stop(self) -> None:
        if not self._running:
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._running = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._since_input.restart()
            if not self._timer.isActive():
                # Quiet since the last ``idle``: start counting again.
                self._arm()
        return False

    def _arm(self) -> None:
        remaining = self._timeout_ms - self._since_input.elapsed()
        self._timer.start(max(remaining, 0))

    def _on_timeout(self) -> None:
        if not self._running:
            return
        if self._since_input.elapsed() < self._timeout_ms:
            self._arm()  # there was input meanwhile: wait for the rest of the time
            return
        log.info("no input for %d ms: idle", self._timeout_ms)
        self.idle.emit()


class _Cover(QFrame):
    """A plain panel over a locked window's content. It takes no focus and no input, and
    follows the window's size; taking it away leaves the window exactly as it was."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("已锁定"))
        label = QLabel(self.tr("已锁定"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        return False

    def remove(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            parent.removeEventFilter(self)
        self.hide()
        self.setParent(None)
        self.deleteLater()


class LockDialog(QDialog):
    """“已锁定” with the user's name and a password field; only the right password closes it.

    Escape and the window's close button do nothing. A wrong password is said so, and after the
    third in a row the unlock button rests for a growing time (``retry_delay_seconds``).

    Signals:
        unlocked(): the right password was given; the dialog has closed.

    Args:
        user_name: the signed-in user's name, shown so others know whose desk it is.
        authenticate: True if the password is the signed-in user's.
        ms_per_second: the length of one rest second; tests shorten it.
    """

    unlocked = Signal()

    def __init__(
        self,
        user_name: str,
        authenticate: Authenticate,
        *,
        ms_per_second: int = 1000,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._authenticate = authenticate
        self._ms_per_second = ms_per_second
        self._failures = 0
        self._unlocked = False

        self.setWindowTitle(self.tr("已锁定"))
        # A title bar without a close button: the dialog ends only by unlocking.
        self.setWindowFlags(
            Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint | Qt.WindowType.WindowTitleHint
        )
        title = QLabel(self.tr("已锁定"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        self.user_label = QLabel(self.tr("调解台已由 {name} 锁定。输入密码解锁后，回到锁定前的位置，已填写的内容都在。").format(name=user_name))
        self.user_label.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("密码"))
        self.error_label = message_label()
        self.unlock_button = QPushButton(self.tr("解锁"))
        self.unlock_button.setDefault(True)

        form = QFormLayout()
        form.addRow(self.tr("密码"), self.password_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.user_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.unlock_button, alignment=Qt.AlignmentFlag.AlignRight)

        self._rest_timer = QTimer(self)
        self._rest_timer.setSingleShot(True)
        self._rest_timer.timeout.connect(self._on_rest_over)
        self.unlock_button.clicked.connect(self._on_unlock)
        # Enter in the password field presses the default button (so it counts once, and not
        # at all while the button rests).
        self.password_edit.setFocus()

    @property
    def is_locked(self) -> bool:
        return not self._unlocked

    @property
    def rest_seconds(self) -> int:
        """How long the unlock button rests after the latest failure; 0 before the third."""
        return retry_delay_seconds(self._failures)

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def _on_unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        try:
            right = self._authenticate(self.password_edit.text())
        except DeskError as error:
            self._show_error(str(error))
            return
        if right:
            self._unlocked = True
            self.password_edit.clear()
            self.accept()
            self.unlocked.emit()
            return
        self._failures += 1
        self.password_edit.clear()
        self.password_edit.setFocus()
        if self.rest_seconds:
            self._show_error(self.tr("密码不正确，请 {seconds} 秒后再试。").format(seconds=self.rest_seconds))
            self.unlock_button.setEnabled(False)
            self._rest_timer.start(self.rest_seconds * self._ms_per_second)
        else:
            self._show_error(self.tr("密码不正确"))

    def _on_rest_over(self) -> None:
        self._show_error(self.tr("密码不正确"))
        self.unlock_button.setEnabled(True)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(self.tr("⚠ {message}").format(message=text))
        self.error_label.show()

    # --- the dialog ends only by unlocking ----------------------------------------------------

    def reject(self) -> None:
        """Escape: stays locked."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._unlocked:
            super().closeEvent(event)
        else:
            event.ignore()


def _covered_windows(lock_dialog: QWidget) -> list[QWidget]:
    """The desk's shown windows and dialogs, not popups, tooltips or the lock itself."""
    windows = []
    for widget in QApplication.topLevelWidgets():
        kind = widget.windowType()
        if widget is lock_dialog or not widget.isVisible():
            continue
        if kind in (Qt.WindowType.Window, Qt.WindowType.Dialog):
            windows.append(widget)
    return windows


def lock(
    parent_window: QWidget,
    *,
    user_name: str,
    authenticate: Authenticate,
    before_lock: Callable[[], None] = lambda: None,
    ms_per_second: int = 1000,
) -> LockDialog:
    """Lock the desk over ``parent_window``; returns the lock dialog (the one already open, if
    the desk is locked).

    First ``before_lock()`` saves what is unsaved (the open forms' drafts), so even a crash
    while locked loses nothing; if it fails, that is logged and the desk locks all the same.
    Open popups (a completer's list, a combo's menu) close; every window stays open with what
    is in it, covered until the right password is given. Unlocking takes the covers away and
    gives the focus back to the window and field that had it.
    """
    for existing in parent_window.findChildren(LockDialog):
        if existing.is_locked and existing.isVisible():
            return existing
    try:
        before_lock()
    except Exception:
        log.exception("saving the drafts before locking failed; locking anyway")
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.close()
    focus_window = QApplication.activeWindow()
    focus_widget = QApplication.focusWidget()
    if focus_window is None and focus_widget is not None:
        focus_window = focus_widget.window()

    dialog = LockDialog(user_name, authenticate, ms_per_second=ms_per_second, parent=parent_window)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    covers = [_Cover(window) for window in _covered_windows(dialog)]

    def give_back() -> None:
        for cover in covers:
            if isValid(cover):
                cover.remove()
        if focus_window is not None and isValid(focus_window) and focus_window.isVisible():
            focus_window.activateWindow()
        if focus_widget is not None and isValid(focus_widget) and focus_widget.isVisible():
            focus_widget.setFocus(Qt.FocusReason.OtherFocusReason)
        log.info("desk unlocked")

    dialog.unlocked.connect(give_back)
    dialog.show()
    dialog.activateWindow()
    dialog.password_edit.setFocus()
    log.info("desk locked")
    return dialog
