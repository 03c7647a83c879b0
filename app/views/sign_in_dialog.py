"""Signing in to the desk (登录), with a growing pause after repeated wrong passwords."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from app.services.actor import Actor

Authenticate = Callable[[str, str], Actor | None]

FREE_ATTEMPTS = 3
MAX_LOCK_SECONDS = 60


def retry_delay_seconds(failures: int) -> int:
    """The rest after ``failures`` wrong passwords in a row: none for the first two, then 1 s,
    2, 4, … up to a minute. Sign-in and unlock share it."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_SECONDS)


class SignInDialog(QDialog):
    """Asks for a username and password until ``authenticate`` knows them; then ``actor`` is set.

    After the third wrong attempt the sign-in button rests for 1 s, then 2, 4, … up to 60 s,
    which makes guessing a colleague's password at the counter slow.

    Args:
        authenticate: returns the signed-in user, or None for a wrong name or password.
        ms_per_second: the length of one lock second; tests shorten it.
    """

    def __init__(self, authenticate: Authenticate, *, ms_per_second: int = 1000, parent=None):
        super().__init__(parent)
        self._authenticate = authenticate
        self._ms_per_second = ms_per_second
        self._failures = 0
        self.actor: Actor | None = None

        self.setWindowTitle(self.tr("登录"))
        self.username_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.sign_in_button = QPushButton(self.tr("登录"))
        self.sign_in_button.setDefault(True)

        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username_edit)
        form.addRow(self.tr("密码"), self.password_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.sign_in_button, alignment=Qt.AlignmentFlag.AlignRight)

        self._unlock_timer = QTimer(self)
        self._unlock_timer.setSingleShot(True)
        self._unlock_timer.timeout.connect(self._on_unlock)
        self.username_edit.installEventFilter(self)
        self.sign_in_button.clicked.connect(self._on_sign_in)

    @property
    def lock_seconds(self) -> int:
        """How long the button rests after the latest failure (0 while attempts are free)."""
        return retry_delay_seconds(self._failures)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter after the username goes on to the password instead of submitting half a form.
        if (
            watched is self.username_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.password_edit.setFocus()
            return True
        return super().eventFilter(watched, event)

    def _on_sign_in(self) -> None:
        actor = self._authenticate(self.username_edit.text(), self.password_edit.text())
        if actor is not None:
            self.actor = actor
            self.accept()
            return
        self._failures += 1
        self.password_edit.clear()
        self.password_edit.setFocus()
        if self.lock_seconds:
            self.error_label.setText(
                self.tr("用户名或密码不正确，请 {seconds} 秒后再试。").format(seconds=self.lock_seconds)
            )
            self.sign_in_button.setEnabled(False)
            self._unlock_timer.start(self.lock_seconds * self._ms_per_second)
        else:
            self.error_label.setText(self.tr("用户名或密码不正确"))
        self.error_label.show()

    def _on_unlock(self) -> None:
        self.error_label.setText(self.tr("用户名或密码不正确"))
        self.sign_in_button.setEnabled(True)
