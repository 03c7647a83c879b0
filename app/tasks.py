"""Running work off the UI thread: the one way the desk does it.

A view hands ``run_in_background`` a plain callable, or a generator function that yields
``Progress`` and returns its result. The work runs on ``task_pool()``; its progress, result or
exception come back on the UI thread through the ``Task``'s signals, so callbacks may touch
widgets while the work itself never does.
"""

import inspect
import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from app.views.error_dialog import show_error
from app.views.progress import ProgressWatcher


@dataclass(frozen=True)
class Progress:
    """How far a piece of work has got.

    Attributes:
        done: steps finished so far.
        total: steps in all, or None when the work cannot tell (a busy indicator is shown).
        text: what the work is doing now, for the user; empty keeps the previous text.
    """

    done: int
    total: int | None
    text: str = ""


class Cancelled(Exception):
    """Raised inside a generator at the yield where it next pauses after ``Task.cancel()``.

    A generator may catch it to tidy up, but should let it propagate: a task counts as
    cancelled only when this exception leaves the work.
    """


_pool: QThreadPool | None = None


def task_pool() -> QThreadPool:
    """The pool every task runs on. It has one thread, so tasks run one after another.

    Why one: the station store is one SQLite file, and SQLite admits one writer at a time; a
    second writer waits and then fails with "database is locked". In one lane, writes also land
    in the order the user made them. Reads of the local store are quick enough to queue behind.
    """
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


class _Relay(QObject):
    """The worker's side of a task: it emits from the pool thread, the Task hears it queued.

    It has no Qt parent and the runnable holds it, so a Task deleted with its parent while
    the work runs leaves the worker emitting into a disconnected object, not a deleted one.

    Signals:
        progressed(Progress), succeeded(object), failed(object), cancelled(), finished():
            as on Task.
    """

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()


class Task(QObject):
    """One piece of work handed to the pool; lives in the UI thread until it has finished.

    A Task is a child of the object that started it: if that object is destroyed first, the
    work is asked to stop and none of its callbacks run. After ``finished`` the Task deletes
    itself; ``cancel()`` stays safe to call on it.

    Attributes:
        cancellable: whether cancel() can stop the work once it has started (the work is a
            generator function); any task can be cancelled while it waits in the pool.

    Signals:
        progressed(Progress): the work yielded a Progress.
        succeeded(object): the work's return value.
        failed(object): the exception the work raised.
        cancelled(): the work stopped after cancel(), or never started.
        finished(): last, after exactly one of succeeded, failed and cancelled.
    """

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, *, cancellable: bool, parent: QObject):
        super().__init__(parent)
        self.cancellable = cancellable
        cancel_requested = threading.Event()
        self._cancel_requested = cancel_requested
        self._relay = _Relay()
        # Queued explicitly: the relay emits from the pool thread, and the Task's signals
        # must fire in the UI thread where the Task lives.
        for name in ("progressed", "succeeded", "failed", "cancelled", "finished"):
            getattr(self._relay, name).connect(getattr(self, name), Qt.ConnectionType.QueuedConnection)
        # The event, not self: by the time destroyed fires, the Task is half gone.
        self.destroyed.connect(lambda: cancel_requested.set())
        self.finished.connect(self.deleteLater)

    def window(self) -> QWidget | None:
        """The window of the object the work is for: it parents the task's dialogs."""
        parent = self.parent()
        return parent.window() if isinstance(parent, QWidget) else None

    def _show_failure(self, exc: Exception) -> None:
        show_error(exc, self.window())

    def cancel(self) -> None:
        """Ask the work to stop at its next yield, or not to start if it is still queued."""
        self._cancel_requested.set()

    def _start(self, work: Callable[[], Any]) -> None:
        task_pool().start(_Runner(work, self._relay, self._cancel_requested))


class _Runner(QRunnable):
    """Runs the work in the pool thread and reports through the relay; never touches a widget."""

    def __init__(self, work: Callable[[], Any], relay: _Relay, cancel_requested: threading.Event):
        super().__init__()
        self._work = work
        self._relay = relay
        self._cancel_requested = cancel_requested

    def run(self) -> None:
        relay = self._relay
        try:
            if self._cancel_requested.is_set():
                raise Cancelled
            result = self._work()
            if isinstance(result, Generator):
                result = self._drive(result)
        except Cancelled:
            relay.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - every failure goes to on_failure, none dies in the pool
            relay.failed.emit(exc)
        else:
            relay.succeeded.emit(result)
        finally:
            # Even after a BaseException, so a progress dialog never outlives its work.
            relay.finished.emit()

    def _drive(self, steps: Generator[Progress, None, Any]) -> Any:
        try:
            step = next(steps)
            while True:
                self._relay.progressed.emit(step)
                step = steps.throw(Cancelled()) if self._cancel_requested.is_set() else next(steps)
        except StopIteration as stop:
            return stop.value


def run_in_background(
    work: Callable[[], Any],
    *,
    on_success: Callable[[Any], Any] | None = None,
    on_failure: Callable[[Exception], Any] | None = None,
    on_progress: Callable[[Progress], Any] | None = None,
    parent: QObject,
    label: str = "",
    delay_ms: int = 600,
) -> Task:
    """Run ``work`` on the task pool and report back on the UI thread.

    Args:
        work: takes no arguments; either returns the result, or is a generator function that
            yields Progress (one per batch, not per row: each yield is an event on the UI
            thread) and returns the result. Pass the generator function itself, so the task
            knows it can be cancelled.
        on_success: called with the result.
        on_failure: called with the exception; by default the desk's error dialog shows it.
        on_progress: called with each Progress.
        parent: the object the work is for; its window parents the dialogs, and destroying it
            cancels the work and drops the callbacks.
        label: when given, a progress dialog with this text appears if the work is still
            running after ``delay_ms``.
        delay_ms: how long quick work may run without any dialog.

    Returns:
        The Task, for cancel() and for its signals.
    """
    task = Task(cancellable=inspect.isgeneratorfunction(work), parent=parent)
    if on_success is not None:
        task.succeeded.connect(on_success)
    # Nothing the task holds may reference the window: freed with a deleted task, that last
    # reference would delete the window a second time inside its own destructor (a crash).
    task.failed.connect(on_failure or task._show_failure)
    if on_progress is not None:
        task.progressed.connect(on_progress)
    if label:
        ProgressWatcher(task, label, delay_ms=delay_ms)
    task._start(work)
    return task
