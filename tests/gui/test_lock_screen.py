"""Idle lock and unlock: the desk locks after idle time and gives everything back as it was."""

import pytest
from PySide6.QtCore import QElapsedTimer, Qt
from PySide6.QtWidgets import QLineEdit, QMainWindow, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.services import accounts
from app.views.lock_screen import IdleLock, LockDialog, lock
from app.views.sign_in_dialog import retry_delay_seconds
from tests.conftest import HEAD_PASSWORD

# Input comes every 100 ms in these tests, a sixth of the idle time, so a busy machine's pauses
# between events cannot pass for idleness.
IDLE_MS = 600


@pytest.fixture
def idle_lock(qtbot):
    watcher = IdleLock(IDLE_MS)
    yield watcher
    watcher.stop()
    watcher.deleteLater()


@pytest.fixture
def typing_target(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    return edit


def test_idle_is_emitted_after_the_time_without_input(qtbot, idle_lock):
    clock = QElapsedTimer()
    clock.start()
    idle_lock.start()
    with qtbot.waitSignal(idle_lock.idle, timeout=5000):
        pass
    assert clock.elapsed() >= IDLE_MS - 5  # not before its time (timers may round a little)


def test_input_keeps_the_desk_from_going_idle(qtbot, idle_lock, typing_target):
    fired = []
    idle_lock.idle.connect(lambda: fired.append(True))
    idle_lock.start()
    # Keys every 100 ms for 1.8 s, three times the idle time.
    for _ in range(18):
        qtbot.wait(100)
        qtbot.keyClick(typing_target, Qt.Key.Key_A)
    assert fired == []
    assert typing_target.text() == "a" * 18
    # Once the keys stop, idle comes.
    with qtbot.waitSignal(idle_lock.idle, timeout=5000):
        pass
    assert fired == [True]


def test_mouse_clicks_count_as_input(qtbot, idle_lock, typing_target):
    fired = []
    idle_lock.idle.connect(lambda: fired.append(True))
    idle_lock.start()
    for _ in range(15):
        qtbot.wait(100)
        qtbot.mouseClick(typing_target, Qt.MouseButton.LeftButton)
    assert fired == []


def test_idle_fires_once_per_quiet_spell_and_not_after_stop(qtbot, idle_lock, typing_target):
    fired = []
    idle_lock.idle.connect(lambda: fired.append(True))
    idle_lock.start()
    qtbot.waitUntil(lambda: fired == [True], timeout=5000)
    qtbot.wait(2 * IDLE_MS)
    assert fired == [True]  # no second idle without new input
    qtbot.keyClick(typing_target, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: fired == [True, True], timeout=5000)
    idle_lock.stop()
    qtbot.keyClick(typing_target, Qt.Key.Key_C)
    qtbot.wait(2 * IDLE_MS)
    assert fired == [True, True]


def test_the_delay_rule_is_the_sign_in_rule():
    assert [retry_delay_seconds(n) for n in range(11)] == [0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60]


class Desk:
    """A main window and a separate form window with half-typed content, as at the counter."""

    def __init__(self, qtbot):
        self.main = QMainWindow()
        self.main.setCentralWidget(QLineEdit("main window search"))
        self.form = QWidget()
        layout = QVBoxLayout(self.form)
        self.name_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        layout.addWidget(self.name_edit)
        layout.addWidget(self.phone_edit)
        for window in (self.main, self.form):
            qtbot.addWidget(window)
            window.show()
            qtbot.waitExposed(window)
        self.name_edit.insert("张三")  # QTest types ASCII only
        qtbot.keyClicks(self.phone_edit, "1380013")
        self.phone_edit.setFocus()
        self.phone_edit.setCursorPosition(3)


@pytest.fixture
def desk(qtbot):
    return Desk(qtbot)


@pytest.fixture
def right_password(store, head):
    return lambda password: accounts.authenticate(store, head.username, password) is not None


def lock_desk(desk, right_password, saved=None):
    return lock(
        desk.main,
        user_name="王建国",
        authenticate=right_password,
        before_lock=(lambda: saved.append(desk.phone_edit.text())) if saved is not None else (lambda: None),
        ms_per_second=1,
    )


def unlock_with(qtbot, dialog: LockDialog, password: str) -> None:
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def test_lock_and_unlock_keep_the_other_windows_and_their_typing(qtbot, desk, right_password):
    saved = []
    dialog = lock_desk(desk, right_password, saved)
    assert saved == ["1380013"]  # drafts were saved before the lock came down
    assert dialog.isVisible() and dialog.isModal()
    assert dialog.windowModality() == Qt.WindowModality.ApplicationModal
    assert "王建国" in dialog.user_label.text()
    # The windows are covered, not closed or hidden.
    assert desk.form.isVisible() and desk.main.isVisible()
    covers = [w for w in desk.form.children() if isinstance(w, QWidget) and w.objectName() == "lockCover"]
    assert len(covers) == 1 and covers[0].isVisible()
    assert covers[0].geometry() == desk.form.rect()

    with qtbot.waitSignal(dialog.unlocked, timeout=2000):
        unlock_with(qtbot, dialog, HEAD_PASSWORD)
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=2000)
    assert desk.name_edit.text() == "张三"
    assert desk.phone_edit.text() == "1380013"
    assert desk.phone_edit.cursorPosition() == 3
    assert desk.form.focusWidget() is desk.phone_edit
    assert desk.form.isVisible() and desk.main.isVisible()
    qtbot.waitUntil(lambda: not any(w.objectName() == "lockCover" for w in desk.form.findChildren(QWidget)))
    # Typing goes on where it stopped.
    qtbot.keyClicks(desk.phone_edit, "8")
    assert desk.phone_edit.text() == "13880013"


def test_a_wrong_password_keeps_it_locked(qtbot, desk, right_password):
    dialog = lock_desk(desk, right_password)
    unlocked = []
    dialog.unlocked.connect(lambda: unlocked.append(True))
    unlock_with(qtbot, dialog, "wrong-pass-1")
    assert dialog.isVisible() and dialog.is_locked
    assert dialog.error_text() == "⚠ 密码不正确"
    assert dialog.password_edit.text() == ""
    assert unlocked == []
    assert desk.phone_edit.text() == "1380013"


def test_escape_and_close_do_not_unlock(qtbot, desk, right_password):
    dialog = lock_desk(desk, right_password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Escape)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.close()
    assert dialog.isVisible() and dialog.is_locked


def test_the_third_wrong_password_rests_the_unlock_button(qtbot, desk, right_password):
    dialog = lock_desk(desk, right_password)
    for _ in range(2):
        unlock_with(qtbot, dialog, "wrong-pass-1")
        assert dialog.unlock_button.isEnabled()
    unlock_with(qtbot, dialog, "wrong-pass-1")
    assert dialog.rest_seconds == 1
    assert not dialog.unlock_button.isEnabled()
    assert "1 秒后再试" in dialog.error_text()
    # Enter while the button rests does not even try the password.
    unlock_with(qtbot, dialog, HEAD_PASSWORD)
    assert dialog.is_locked
    qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=2000)
    with qtbot.waitSignal(dialog.unlocked, timeout=2000):
        unlock_with(qtbot, dialog, HEAD_PASSWORD)


def test_locking_twice_gives_the_same_lock(qtbot, desk, right_password):
    saved = []
    first = lock_desk(desk, right_password, saved)
    second = lock_desk(desk, right_password, saved)
    assert first is second
    assert len(saved) == 1


def test_a_failing_draft_save_still_locks(qtbot, desk, right_password, caplog):
    def broken() -> None:
        raise OSError("disk full")

    dialog = lock(desk.main, user_name="王建国", authenticate=right_password, before_lock=broken)
    assert dialog.isVisible() and dialog.is_locked
    assert "locking anyway" in caplog.text
