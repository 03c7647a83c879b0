"""Background work: results on the UI thread, progress, failures, cancelling, the delayed dialog."""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget
from shiboken6 import Shiboken

from app.domain.errors import DeskError
from app.tasks import Cancelled, Progress, run_in_background, task_pool

ROOT = Path(__file__).resolve().parents[2]

# How long a test thread waits on an event the test will set; only reached when a test fails.
STUCK_S = 5


@pytest.fixture
def owner(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def release():
    """An event a test's work waits on; set at teardown too, so a failing test frees the pool."""
    event = threading.Event()
    yield event
    event.set()


def top_level(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_plain_work_delivers_its_result_on_the_ui_thread(qtbot, qapp, owner):
    results, threads, worker_threads = [], [], []

    def work():
        worker_threads.append(QThread.currentThread())
        return 42

    def on_success(value):
        results.append(value)
        threads.append(QThread.currentThread())

    task = run_in_background(work, on_success=on_success, parent=owner)
    with qtbot.waitSignal(task.finished):
        pass
    assert results == [42]
    assert threads == [qapp.thread()]
    assert worker_threads != [qapp.thread()]


def test_a_generator_reports_progress_in_order_then_its_result(qtbot, owner):
    def count_up():
        for done in range(1, 4):
            yield Progress(done, 3, f"第 {done} 步")
        return "完成"

    seen, results = [], []
    task = run_in_background(count_up, on_progress=seen.append, on_success=results.append, parent=owner)
    with qtbot.waitSignal(task.finished):
        pass
    assert seen == [Progress(1, 3, "第 1 步"), Progress(2, 3, "第 2 步"), Progress(3, 3, "第 3 步")]
    assert results == ["完成"]


def test_an_exception_reaches_on_failure(qtbot, owner):
    problem = ValueError("bad row")

    def work():
        raise problem

    failures, results = [], []
    task = run_in_background(work, on_success=results.append, on_failure=failures.append, parent=owner)
    with qtbot.waitSignal(task.finished):
        pass
    assert failures == [problem]
    assert results == []


def test_a_desk_error_goes_to_the_error_dialog_by_default(qtbot, owner):
    def work():
        raise DeskError("投诉人电话：号码位数不对")

    task = run_in_background(work, parent=owner)
    with qtbot.waitSignal(task.finished):
        pass
    [box] = top_level(QMessageBox)
    try:
        assert box.text() == "投诉人电话：号码位数不对"
        assert box.windowTitle() == "无法完成"
        assert box.parent() is owner
    finally:
        box.close()
        qtbot.waitUntil(lambda: box not in QApplication.topLevelWidgets())


def test_cancel_stops_a_generator_at_its_next_yield(qtbot, owner, release):
    stopped_by, went_on = [], []

    def long_work():
        try:
            yield Progress(0, None)
            release.wait(STUCK_S)
            yield Progress(1, None)
            went_on.append(True)
        except Cancelled as exc:
            stopped_by.append(exc)
            raise
        return "never"

    outcomes = []
    task = run_in_background(
        long_work, on_success=outcomes.append, on_failure=outcomes.append, parent=owner
    )
    with qtbot.waitSignal(task.progressed):
        pass
    with qtbot.waitSignals([task.cancelled, task.finished], order="strict"):
        task.cancel()
        release.set()
    assert len(stopped_by) == 1
    assert went_on == []
    assert outcomes == []


def test_a_cancelled_task_waiting_in_the_pool_never_starts(qtbot, owner, release):
    started = []

    def blocker():
        yield Progress(0, None)
        release.wait(STUCK_S)

    first = run_in_background(blocker, parent=owner)
    second = run_in_background(lambda: started.append(True), parent=owner)
    with qtbot.waitSignal(first.progressed):
        pass
    second.cancel()
    with qtbot.waitSignals([first.finished, second.cancelled]):
        release.set()
    assert started == []


def test_destroying_the_parent_stops_the_work_and_drops_its_callbacks(qtbot, release):
    parent = QObject()
    stopped, outcomes = threading.Event(), []

    def long_work():
        try:
            yield Progress(0, None)
            release.wait(STUCK_S)
            yield Progress(1, None)
        except Cancelled:
            stopped.set()
            raise

    task = run_in_background(long_work, on_success=outcomes.append, on_failure=outcomes.append, parent=parent)
    with qtbot.waitSignal(task.progressed):
        pass
    Shiboken.delete(parent)
    assert not Shiboken.isValid(task)
    release.set()
    qtbot.waitUntil(stopped.is_set)
    assert outcomes == []


def test_tasks_run_one_after_another(qtbot, owner, release):
    assert task_pool().maxThreadCount() == 1
    log, lock = [], threading.Lock()

    def note(entry):
        with lock:
            log.append(entry)

    def first():
        note("first starts")
        yield Progress(0, None)
        release.wait(STUCK_S)
        note("first ends")

    def second():
        note("second starts")
        note("second ends")

    a = run_in_background(first, parent=owner)
    b = run_in_background(second, parent=owner)
    # On a pool with two threads, the second would start while the first waits here.
    with qtbot.waitSignal(a.progressed):
        pass
    with qtbot.waitSignals([a.finished, b.finished]):
        release.set()
    assert log == ["first starts", "first ends", "second starts", "second ends"]


class ShowSpy(QObject):
    """Notes every progress dialog that is shown, however briefly."""

    def __init__(self):
        super().__init__()
        self.shown = []

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show and isinstance(watched, QProgressDialog):
            self.shown.append(watched.labelText())
        return False


@pytest.fixture
def shown_progress_dialogs(qapp):
    spy = ShowSpy()
    qapp.installEventFilter(spy)
    yield spy.shown
    qapp.removeEventFilter(spy)


def test_quick_work_never_flashes_a_progress_dialog(qtbot, owner, shown_progress_dialogs):
    task = run_in_background(lambda: "done", label="正在保存…", delay_ms=300, parent=owner)
    with qtbot.waitSignal(task.finished):
        pass
    assert shown_progress_dialogs == []


def test_slow_work_shows_progress_then_closes_it(qtbot, owner, release, shown_progress_dialogs):
    go_on = threading.Event()

    def slow():
        yield Progress(1, 4, "正在导出案件")
        go_on.wait(STUCK_S)
        yield Progress(2, None)
        release.wait(STUCK_S)
        return "done"

    task = run_in_background(slow, label="导出", delay_ms=50, parent=owner)

    def shows(label: str, maximum: int, value: int):
        dialogs = top_level(QProgressDialog)
        assert len(dialogs) == 1
        dialog = dialogs[0]
        assert (dialog.labelText(), dialog.maximum(), dialog.value()) == (label, maximum, value)

    qtbot.waitUntil(lambda: shows("正在导出案件", 4, 1))
    with qtbot.waitSignal(task.progressed):
        go_on.set()
    # A progress without a total turns the bar into a busy indicator and keeps the text.
    qtbot.waitUntil(lambda: shows("正在导出案件", 0, 2))
    with qtbot.waitSignal(task.finished):
        release.set()
    assert top_level(QProgressDialog) == []
    assert len(shown_progress_dialogs) == 1


def test_the_progress_dialog_cancel_button_cancels_the_task(qtbot, owner, release):
    def slow():
        yield Progress(0, None, "正在导入")
        release.wait(STUCK_S)
        yield Progress(1, None)

    task = run_in_background(slow, label="导入", delay_ms=50, parent=owner)
    qtbot.waitUntil(lambda: len(top_level(QProgressDialog)) == 1)
    [cancel] = top_level(QProgressDialog)[0].findChildren(QPushButton)
    with qtbot.waitSignal(task.cancelled):
        cancel.click()
        release.set()
    qtbot.waitUntil(lambda: top_level(QProgressDialog) == [])


def test_plain_work_cannot_be_cancelled_from_its_progress_dialog(qtbot, owner, release):
    task = run_in_background(lambda: release.wait(STUCK_S), label="保存", delay_ms=50, parent=owner)
    qtbot.waitUntil(lambda: len(top_level(QProgressDialog)) == 1)
    assert top_level(QProgressDialog)[0].findChildren(QPushButton) == []
    with qtbot.waitSignal(task.succeeded):
        release.set()


# A window that starts background work as it is built and is let go once the work finished, while
# the finished task's own deletion is still pending (what a closed window with no other reference
# is). Nothing the task holds may
# keep the window: when the task went, it would take the window down with it from inside the
# task's own destruction. Run in a child, since the failure was a segmentation fault.
WINDOW_DROPPED_WHILE_ITS_TASK_RUNS = """
from PySide6.QtWidgets import QApplication, QMainWindow
import app.views
from app.tasks import run_in_background

application = QApplication([])
finished = []


class Window(QMainWindow):
    def __init__(self):
        super().__init__()
        task = run_in_background(lambda: None, parent=self, label="读取")
        task.finished.connect(lambda: finished.append(True))


for round in range(1, 6):
    windows = [Window()]
    while len(finished) < round:
        application.processEvents()
    windows.clear()  # the window's last reference, as when a closed window is let go
    for _ in range(20):
        application.processEvents()
print("survived")
"""


def test_a_window_dropped_while_its_task_runs_is_not_deleted_twice():
    child = subprocess.run(
        [sys.executable, "-c", WINDOW_DROPPED_WHILE_ITS_TASK_RUNS],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert child.returncode == 0, child.stderr[-2000:]
    assert child.stdout.strip() == "survived"
