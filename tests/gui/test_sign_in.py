"""Signing in through the real dialog and the real account service."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.services import accounts
from app.views.sign_in_dialog import SignInDialog
from tests.conftest import HEAD_PASSWORD

# The offscreen platform says this whenever a shown window changes size; a real display does not.


@pytest.fixture
def dialog(qtbot, store):
    # One lock "second" lasts a millisecond here, so the lock runs out while the test waits.
    dialog = SignInDialog(lambda username, password: accounts.authenticate(store, username, password), ms_per_second=1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def sign_in(qtbot, dialog: SignInDialog, username: str, password: str) -> None:
    dialog.username_edit.clear()
    qtbot.keyClicks(dialog.username_edit, username)
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def test_wrong_password_shows_the_error_and_keeps_the_dialog_open(qtbot, dialog):
    sign_in(qtbot, dialog, "head", "wrong-pass-1")
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "用户名或密码不正确"
    assert dialog.password_edit.text() == ""
    assert dialog.actor is None


def test_enter_in_the_username_moves_to_the_password(qtbot, dialog):
    qtbot.keyClicks(dialog.username_edit, "head")
    qtbot.keyClick(dialog.username_edit, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.password_edit
    assert dialog.isVisible()
    assert not dialog.error_label.isVisible()


def test_third_failure_rests_the_button_until_the_timer_runs_out(qtbot, dialog):
    for _ in range(2):
        sign_in(qtbot, dialog, "head", "wrong-pass-1")
        assert dialog.sign_in_button.isEnabled()
    sign_in(qtbot, dialog, "head", "wrong-pass-1")
    assert dialog.lock_seconds == 1
    assert not dialog.sign_in_button.isEnabled()
    assert "1 秒后再试" in dialog.error_label.text()
    qtbot.waitUntil(dialog.sign_in_button.isEnabled, timeout=2000)

    sign_in(qtbot, dialog, "head", "wrong-pass-1")
    assert dialog.lock_seconds == 2
    assert not dialog.sign_in_button.isEnabled()
    qtbot.waitUntil(dialog.sign_in_button.isEnabled, timeout=2000)


def test_lock_grows_to_a_minute_and_no_further(qtbot, dialog):
    seconds = []
    for _ in range(10):
        qtbot.waitUntil(dialog.sign_in_button.isEnabled, timeout=2000)
        sign_in(qtbot, dialog, "nobody", "wrong-pass-1")
        seconds.append(dialog.lock_seconds)
        assert dialog.sign_in_button.isEnabled() == (dialog.lock_seconds == 0)
    assert seconds == [0, 0, 1, 2, 4, 8, 16, 32, 60, 60]


def test_right_password_signs_the_head_in(qtbot, dialog, head):
    sign_in(qtbot, dialog, "head", "wrong-pass-1")
    sign_in(qtbot, dialog, "head", HEAD_PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    assert dialog.actor == head
