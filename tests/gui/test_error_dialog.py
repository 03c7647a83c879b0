"""The one error dialog: user messages shown plainly, bugs logged with copyable details."""

import logging
import sys
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.domain.errors import DeskError, ValidationError
from app.views.error_dialog import ErrorDialog, install_excepthook, show_error

LOGGER = "app.views.error_dialog"


@pytest.fixture
def owner(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def close_afterwards(qtbot):
    """Close the dialogs a test opened, and wait until they are gone."""
    dialogs = []
    yield dialogs.append
    for dialog in dialogs:
        dialog.close()
    qtbot.waitUntil(lambda: not any(d in QApplication.topLevelWidgets() for d in dialogs))


def visible_top_level(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def failing_lookup():
    raise KeyError("case 42")


def raised() -> Exception:
    try:
        failing_lookup()
    except KeyError as exc:
        return exc
    raise AssertionError("failing_lookup did not raise")


@contextmanager
def our_excepthook():
    """Install the desk's hook for the block; pytest-qt's own hook comes back after it."""
    before = sys.excepthook
    install_excepthook()
    try:
        yield
    finally:
        sys.excepthook = before


def test_a_desk_error_shows_its_message_plainly(qtbot, owner, caplog, close_afterwards):
    caplog.set_level(logging.INFO, logger=LOGGER)
    box = show_error(ValidationError("complainant.phone", "投诉人电话", "号码位数不对"), owner)
    close_afterwards(box)
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert box.windowTitle() == "无法完成"
    assert box.text() == "投诉人电话：号码位数不对"
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.parent() is owner
    assert caplog.records[-1].levelno == logging.INFO


def test_an_unexpected_error_is_logged_and_shown_with_copyable_details(qtbot, caplog, close_afterwards):
    exc = raised()
    dialog = show_error(exc)
    close_afterwards(dialog)
    assert isinstance(dialog, ErrorDialog)
    assert visible_top_level(ErrorDialog) == [dialog]
    assert dialog.message_label.text() == "发生意外错误，已记入日志。"

    details = dialog.details_edit.toPlainText()
    assert "failing_lookup" in details
    assert "KeyError: 'case 42'" in details
    assert not dialog.details_edit.isVisible()
    dialog.details_button.click()
    assert dialog.details_edit.isVisible()

    QApplication.clipboard().clear()
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == details

    [record] = [r for r in caplog.records if r.name == LOGGER]
    assert record.levelno == logging.ERROR
    assert record.exc_info[1] is exc


def test_no_dialog_when_dialogs_are_switched_off(qtbot, monkeypatch, caplog):
    caplog.set_level(logging.INFO, logger=LOGGER)
    monkeypatch.setenv("MEDIATION_DESK_NO_DIALOGS", "1")
    exc = raised()
    assert show_error(exc) is None
    assert show_error(DeskError("无法连接区局")) is None
    assert visible_top_level(QMessageBox) == visible_top_level(ErrorDialog) == []
    records = [r for r in caplog.records if r.name == LOGGER]
    assert [(r.levelno, r.getMessage()) for r in records] == [
        (logging.ERROR, "Unexpected error"),
        (logging.INFO, "Shown to the user: 无法连接区局"),
    ]
    assert records[0].exc_info[1] is exc


def test_the_excepthook_logs_and_shows_an_error_raised_in_a_slot(qtbot, caplog, close_afterwards):
    def broken_slot():
        raise RuntimeError("slot broke")

    with our_excepthook():
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: len(visible_top_level(ErrorDialog)) == 1)
    [dialog] = visible_top_level(ErrorDialog)
    close_afterwards(dialog)
    assert "RuntimeError: slot broke" in dialog.details_edit.toPlainText()
    [record] = [r for r in caplog.records if r.name == LOGGER]
    assert str(record.exc_info[1]) == "slot broke"


def test_the_excepthook_leaves_keyboard_interrupt_to_the_previous_hook(qtbot):
    passed_on = []
    before = sys.excepthook
    sys.excepthook = lambda *info: passed_on.append(info[0])
    try:
        with our_excepthook():
            sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    finally:
        sys.excepthook = before
    assert passed_on == [KeyboardInterrupt]
    assert visible_top_level(ErrorDialog) == []
