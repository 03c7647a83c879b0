"""Benchmark of the desk's window: cold start, scrolling the whole list, filtering; each against a
baseline measured in the same run.

    QT_QPA_PLATFORM=offscreen python bench/bench_desk.py [--cases 200000] [--workdir DIR]

The station is the one ``bench_store.py`` generates (``station_data.py``), in the same work folder,
so the two benchmarks share it and a rerun reuses it. The machines are shared and noisy: every
measure is printed as a ratio against its baseline, the two interleaved.

1. Cold start. Ours: a fresh process that takes the real start path, ``app.cli.main`` with
   ``--data-dir`` (logging, opening the store, the calendar, the QApplication, the settings,
   sign-in, the main window), where the sign-in form is filled in and sent by the program the
   moment it shows (the password check itself is the real one), until the first paint of the
   case list's viewport with its first page loaded. Baseline: a fresh process that shows an
   empty QTableView in a QMainWindow, until the same paint. Both are timed from just before the
   process is spawned, so the interpreter's start counts on both sides. Our process goes on
   until "今日待办" and the sync status line are filled (read in the background once the window
   is shown), which are reported as steps of their own and not counted in the start. Before the
   runs, one start of ours is made and not counted: the first start of a day also checks the
   whole file and backs it up, and that start is reported on its own. Target: median start at
   most 3x the bare window.
2. Scrolling the whole list. Ours: the desk's main window (``build_main_window``) over the
   station; the vertical scroll bar is moved to its end, page after page, so the view asks the
   model for more (``fetchMore``, 200 rows a time, each the page after the last row shown) until
   every case is loaded; each step is timed until the view has laid out and painted the new
   rows, and the part of it spent in ``list_cases`` is noted. Baseline: a bare QTableView over
   an in-memory model of the same row count and page size, stepped in turn with ours.
   ``--scroll-minutes`` bounds the walk (deep pages cost seconds each when they were read by
   OFFSET); the report says how far it got.
3. Filtering, from the change in the window's own widgets (state menu, search box, date edits)
   to the end of the model's reset (its slots included: the count in the status bar). The search
   box's pause before it searches (300 ms, a choice rather than a cost) is set to zero.
   Baseline: the same service calls the model makes with the same criteria, alone: the first
   page of ``list_cases``, and when it is full ``count_cases`` up to the model's count limit.
   Target: p95 at most 100 ms.

Exit status is 0 whatever the numbers: this is a measurement, not a test.

Only the standard library is imported at the top: the cold-start children run this file too,
and each must import exactly what it measures (the bare window must not pay for the desk's
modules). The parent's imports are in ``measure()``.

Every process here first makes None immortal (``keep_none_alive``), as the desk does when it
imports its views: PySide6 6.12 on Python 3.11 drops a reference to None on every void call.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.views.immortal_none import keep_none_alive  # standard library only, like the rest here

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HEAD_USERNAME, HEAD_PASSWORD = "head", "bench-2026"  # as station_data.populate sets the station up
WINDOW_SIZE = (1400, 850)
START_TARGET = 3.0  # cold start: at most this many times the bare window
FILTER_TARGET_S = 0.100  # filtering: p95 at most this


# --- the cold-start children ---------------------------------------------------------------------


def child_bare() -> None:
    """The baseline process: a QMainWindow holding an empty QTableView, until its first paint."""
    keep_none_alive()  # as the desk does, so both run alike
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv)
    window = QMainWindow()
    table = QTableView()
    window.setCentralWidget(table)
    window.resize(*WINDOW_SIZE)
    watcher = _first_paint_watcher(table, marks={})
    table.viewport().installEventFilter(watcher)
    window.show()
    app.exec()


def child_desk(data_dir: str) -> None:
    """Our process: ``mediation-desk --data-dir DIR``, the sign-in form filled in and sent as soon
    as it shows, until the case list first paints with its first page. Prints the time each step
    ended, for the parent."""
    keep_none_alive()
    marks: dict[str, float] = {}
    # In the order of the real start (``mediation-desk`` is ``app.__main__`` -> ``app.cli``, which
    # imports the store, and with it SQLAlchemy, before the desk imports PySide6): once PySide6
    # is imported, its import hook reads the source of every Python module imported after it
    # (shiboken's ``_mod_uses_pyside``), which cost this child 0.1 s when PySide6 came first.
    from app import cli  # isort: skip
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    import app.desk
    from app.views.main_window import MainWindow
    from app.views.sign_in_dialog import SignInDialog

    marks["imports"] = time.time()
    done = {"painted", "today's work shown", "sync line shown"}

    class SignInByProgram(QObject):
        """Types the station head's name and password into the real sign-in form and presses
        its button, at once: the same check of the same password, without a person's pause."""

        def eventFilter(self, watched, event):
            if isinstance(watched, SignInDialog) and event.type() == QEvent.Type.Show:
                marks["sign-in shown"] = time.time()
                watched.username_edit.setText(HEAD_USERNAME)
                watched.password_edit.setText(HEAD_PASSWORD)
                QTimer.singleShot(0, watched.sign_in_button.click)
            elif isinstance(watched, SignInDialog) and event.type() == QEvent.Type.Hide:
                marks["signed in"] = time.time()
            elif isinstance(watched, MainWindow) and event.type() == QEvent.Type.Show:
                marks["window shown"] = time.time()
                # Done here: left on the application, it would see the windows being deleted at exit.
                QApplication.instance().removeEventFilter(self)
                watched.resize(*WINDOW_SIZE)
                watched.installEventFilter(self)
                watched.work_today_panel.refreshed.connect(self.work_shown)
                watched.sync.status_shown.connect(self.sync_line_shown)
                self.first_paint = _first_paint_watcher(watched.case_table, marks, done)
                watched.case_table.viewport().installEventFilter(self.first_paint)
            return False

        def work_shown(self):
            if "today's work shown" not in marks:
                marks["today's work shown"] = time.time()
                _report_when(marks, done)

        def sync_line_shown(self):
            if "sync line shown" not in marks:
                marks["sync line shown"] = time.time()
                _report_when(marks, done)

    prepare_application = app.desk.prepare_application

    def prepared(*args, **kwargs):
        qapp = prepare_application(*args, **kwargs)
        marks["Qt application"] = time.time()
        qapp.installEventFilter(SignInByProgram(qapp))
        return qapp

    app.desk.prepare_application = prepared
    cli.main(["--data-dir", data_dir])


def _first_paint_watcher(table, marks: dict[str, float], done: set[str] = frozenset({"painted"})):
    """An event filter for the table's viewport: at its first paint with rows (the bare table's
    first paint, which has none) it marks ``painted``, and once every mark in ``done`` is there
    it prints ``marks`` as JSON and ends the event loop.

    It has no Qt parent (the caller keeps it): as the table's child it crashed the desk's
    clean-up at exit, when the windows are deleted."""
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            model = table.model()
            ready = model is None or model.rowCount() > 0  # the bare table has no rows to wait for
            if event.type() == QEvent.Type.Paint and "painted" not in marks and ready:
                marks["painted"] = time.time()
                watched.removeEventFilter(self)
                _report_when(marks, done)
            return False

    return FirstPaint()


def _report_when(marks: dict[str, float], done: set[str]) -> None:
    """Print ``marks`` as JSON and end the event loop, once every mark in ``done`` is there."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    if done <= marks.keys():
        print(json.dumps(marks), flush=True)
        QTimer.singleShot(0, QApplication.quit)


def spawn_start(kind: str, data_dir: Path) -> dict[str, float]:
    """Seconds from just before the process is spawned to each of its marks."""
    command = [sys.executable, __file__, "--child", kind, "--data-dir", str(data_dir)]
    started = time.time()
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=os.environ).stdout
    marks = json.loads(out.strip().splitlines()[-1])
    return {name: at - started for name, at in marks.items()}


# --- the parent: measures and report -------------------------------------------------------------


def measure(args: argparse.Namespace) -> None:
    keep_none_alive()
    import bench_store  # beside this script, which Python puts first on sys.path
    import PySide6
    from PySide6.QtCore import qInstallMessageHandler, qVersion
    from PySide6.QtWidgets import QApplication

    from app.models.store import open_store
    from app.services import accounts
    from app.services.calendar_data import install_calendar

    station = bench_store.prepare_station(args.workdir, args.cases, args.seed)
    describe_machine(PySide6.__version__, qVersion(), station)

    starts = measure_starts(station.paths.data_dir, args.starts)
    print_start_phases(starts)

    qapp = QApplication.instance() or QApplication(sys.argv)
    qInstallMessageHandler(_print_qt_message)
    store = open_store(station.paths, daily_check=False)
    install_calendar(store)
    actor = accounts.authenticate(store, HEAD_USERNAME, HEAD_PASSWORD)
    try:
        filters = measure_filters(qapp, store, actor, station.cases, args)
        scrolling = measure_scrolling(qapp, store, actor, args.scroll_minutes)
    finally:
        store.close()
    report(station.cases, starts, filters, scrolling, bench_store)


def _print_qt_message(_kind, _context, message: str) -> None:
    # The offscreen platform says this at every window shown; it means nothing here.
    if "propagateSizeHints" not in message:
        print(f"Qt: {message}", file=sys.stderr)


def describe_machine(pyside: str, qt: str, station) -> None:
    import app

    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        models = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")]
        cpu = models[0] if models else cpu
    print(f"Code measured: {Path(app.__file__).parent}")
    print(f"Machine: {cpu}, {os.cpu_count()} cores, {platform.platform()}")
    print(f"Python {platform.python_version()}, PySide6 {pyside}, Qt {qt}, platform {os.environ['QT_QPA_PLATFORM']}")
    print(f"Station: {station.cases:,} cases in {station.paths.data_dir}")


def measure_starts(data_dir: Path, runs: int) -> dict[str, list[dict[str, float]]]:
    print("\ncold start (fresh processes):")
    first = spawn_start("desk", data_dir)
    print(f"  not counted, first start (a daily check and backup if none was made today): {first['painted']:.2f} s")
    times: dict[str, list[dict[str, float]]] = {"desk": [], "bare": []}
    for i in range(runs):
        for kind in ("desk", "bare") if i % 2 == 0 else ("bare", "desk"):
            times[kind].append(spawn_start(kind, data_dir))
        print(f"  run {i + 1}: desk {times['desk'][-1]['painted']:.2f} s, bare {times['bare'][-1]['painted']:.2f} s")
    times["first"] = [first]
    return times


def measure_filters(qapp, store, actor, cases: int, args: argparse.Namespace) -> dict[str, dict[str, list[float]]]:
    """Each filter change made in the window's widgets, timed to the end of the model's reset,
    interleaved (order alternating) with the same service calls alone."""
    import random
    from datetime import timedelta

    import bench_store

    from app.desk import build_main_window
    from app.domain import clock
    from app.domain.vocabulary import CaseState
    from app.services import queries
    from app.services.queries import CaseFilter
    from app.views import main_window
    from app.views.case_table_model import CaseTableModel

    main_window.SEARCH_DELAY_MS = 0  # the pause after typing is a choice, not a cost
    window = build_main_window(store, actor)
    window.resize(*WINDOW_SIZE)
    window.show()
    wait_for_background_reads(qapp, window)
    model, bar = window.case_table.model(), window.filter_bar
    reset_at: list[float] = []
    model.modelReset.connect(lambda: reset_at.append(time.perf_counter()))

    def ours(change) -> float:
        reset_at.clear()
        started = time.perf_counter()
        change()
        while not reset_at:
            qapp.processEvents()
        return reset_at[0] - started

    def alone(criteria: CaseFilter) -> float:
        started = time.perf_counter()
        page = queries.list_cases(store, criteria, limit=CaseTableModel.PAGE_SIZE, viewer=actor)
        if len(page) == CaseTableModel.PAGE_SIZE:
            queries.count_cases(store, criteria, limit=CaseTableModel.COUNT_LIMIT + 1)
        return time.perf_counter() - started

    times: dict[str, dict[str, list[float]]] = {}

    def sample(name: str, criteria: CaseFilter, change) -> None:
        measured = times.setdefault(name, {"ours": [], "baseline": []})
        if len(measured["ours"]) % 2:
            measured["baseline"].append(alone(criteria))
            measured["ours"].append(ours(change))
        else:
            measured["ours"].append(ours(change))
            measured["baseline"].append(alone(criteria))
        assert model.criteria == criteria, (model.criteria, criteria)  # both sides asked the same

    states = list(CaseState)
    for i in range(args.filters):
        state = states[i % len(states)]
        sample("state filter (one state)", CaseFilter(states=(state,)), bar.state_actions[state].trigger)
        sample("clear filters (all cases)", CaseFilter(), bar.clear_button.click)
    for length in (3, 2):
        for _group, query in bench_store.pick_queries(store.engine, cases, args.filters, length, args.seed):
            sample(f"search, {length} characters", CaseFilter(text=query), lambda q=query: window.search_edit.setText(q))
        ours(window.search_edit.clear)
    rng = random.Random(args.seed)
    today = clock.today()
    for _ in range(args.filters):
        first = today - timedelta(days=rng.randint(0, 5 * 365))
        last = first + timedelta(days=rng.randint(7, 90))

        def set_range(first=first, last=last) -> None:
            bar.received_from.set_day(first)
            bar.received_to.set_day(last)

        sample("received date range", CaseFilter(received_from=first, received_to=last), set_range)

    print("\nfiltering, from the change in the window to the end of the reset (vs the service calls alone):")
    for name, measured in times.items():
        print(
            f"  {name:<26} ours p50 {ms(statistics.median(measured['ours']))} p95 {ms(p95(measured['ours']))}"
            f"   alone p50 {ms(statistics.median(measured['baseline']))} p95 {ms(p95(measured['baseline']))}"
        )
    window.close()
    window.deleteLater()
    return times


def wait_for_background_reads(qapp, window) -> None:
    """Until "今日待办" and the sync status line are filled: they are read in the background (one
    after the other), and would share the measures' time."""
    from PySide6.QtCore import QEventLoop

    waiting = {"today's work", "sync line"}
    loop = QEventLoop()

    def shown(what: str) -> None:
        waiting.discard(what)
        if not waiting:
            loop.quit()

    window.work_today_panel.refreshed.connect(lambda: shown("today's work"))
    window.sync.status_shown.connect(lambda: shown("sync line"))
    loop.exec()


def bare_table(rows: int, page: int):
    """The baseline for scrolling: a QTableView over rows already in memory, handed to the view a
    page at a time through the same fetchMore protocol as the case list."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QMainWindow, QTableView

    class BareModel(QAbstractTableModel):
        def __init__(self):
            super().__init__()
            self._rows = [tuple(f"{column}-{row}" for column in range(8)) for row in range(rows)]
            self._loaded = min(page, rows)

        def rowCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else self._loaded

        def columnCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else 8

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._rows[index.row()][index.column()]
            return None

        def canFetchMore(self, parent):
            return not parent.isValid() and self._loaded < rows

        def fetchMore(self, parent):
            if parent.isValid():
                return
            more = min(page, rows - self._loaded)
            self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
            self._loaded += more
            self.endInsertRows()

    window = QMainWindow()
    table = QTableView()
    table.setModel(BareModel())
    window.setCentralWidget(table)
    return window, table


def scroll_step(qapp, table) -> float:
    """Move the scroll bar to its end, as a user dragging it down, and wait until the view has
    taken the next page in (its scroll range grew) and painted; the seconds that took."""
    from PySide6.QtCore import QModelIndex

    model, bar = table.model(), table.verticalScrollBar()
    rows, end = model.rowCount(), bar.maximum()
    started = time.perf_counter()
    bar.setValue(end)
    while bar.maximum() == end and model.canFetchMore(QModelIndex()):
        qapp.processEvents()
    qapp.processEvents()  # the paint of the rows now in view
    elapsed = time.perf_counter() - started
    assert model.rowCount() > rows or not model.canFetchMore(QModelIndex())
    return elapsed


def measure_scrolling(qapp, store, actor, minutes: float) -> dict:
    """Page after page to the end of the list (or until ``minutes`` have gone on ours), ours and
    the bare table stepped in turn; also the part of each of our steps spent in ``list_cases``."""
    from PySide6.QtCore import QModelIndex

    from app.desk import build_main_window
    from app.services import queries
    from app.views.case_table_model import CaseTableModel

    window = build_main_window(store, actor)
    total = queries.count_cases(store)  # the model counts only up to its limit
    bare_window, bare = bare_table(total, CaseTableModel.PAGE_SIZE)
    for shown in (window, bare_window):
        shown.resize(*WINDOW_SIZE)
        shown.show()
    wait_for_background_reads(qapp, window)

    in_query = [0.0]
    list_cases = queries.list_cases

    def timed_list_cases(*args, **kwargs):
        started = time.perf_counter()
        try:
            return list_cases(*args, **kwargs)
        finally:
            in_query[0] += time.perf_counter() - started

    times: dict[str, list[float]] = {"ours": [], "baseline": [], "query": []}
    tables = {"ours": window.case_table, "baseline": bare}
    print(f"\nscrolling through {total:,} cases, {CaseTableModel.PAGE_SIZE} a page (at most {minutes:g} minutes):")
    started = time.perf_counter()
    queries.list_cases = timed_list_cases  # the window's fetch looks it up at every call
    try:
        while tables["ours"].model().canFetchMore(QModelIndex()):
            if time.perf_counter() - started > minutes * 60:
                break
            for side in ("ours", "baseline") if len(times["ours"]) % 2 == 0 else ("baseline", "ours"):
                in_query[0] = 0.0
                times[side].append(scroll_step(qapp, tables[side]))
                if side == "ours":
                    times["query"].append(in_query[0])
            if len(times["ours"]) % 50 == 0:
                rows = window.case_table.model().rowCount()
                print(f"  {rows:>9,} rows, {time.perf_counter() - started:>5.0f} s, last page {ms(times['ours'][-1])}")
    finally:
        queries.list_cases = list_cases
    reached = window.case_table.model().rowCount()
    for shown in (window, bare_window):
        shown.close()
        shown.deleteLater()
    return {**times, "total": total, "reached": reached, "seconds": time.perf_counter() - started}


def report(cases: int, starts, filters, scrolling, bench_store) -> None:
    Row = bench_store.Row
    rows = []
    desk = [run["painted"] for run in starts["desk"]]
    bare = [run["painted"] for run in starts["bare"]]
    for label, stat in (("median", statistics.median), ("p95", p95)):
        ratio = stat(desk) / stat(bare)
        target, verdict = "report", "report"
        if label == "median":
            target, verdict = f"<= {START_TARGET:.0f}x", "PASS" if ratio <= START_TARGET else "FAIL"
        rows.append(Row(f"cold start to first paint, {label}", secs(stat(desk)), secs(stat(bare)), f"{ratio:.2f}x", target, verdict))
    rows.append(Row("first start of the day (not counted)", secs(starts["first"][0]["painted"]), "-", "-", "-", "report"))
    rows += scroll_rows(scrolling, Row)
    for name, measured in filters.items():
        o, b = measured["ours"], measured["baseline"]
        rows.append(Row(f"{name}, p50", ms(statistics.median(o)).strip(), ms(statistics.median(b)).strip(),
                        f"{statistics.median(o) / statistics.median(b):.2f}x", "-", "report"))
        rows.append(Row(f"{name}, p95", ms(p95(o)).strip(), ms(p95(b)).strip(), f"{p95(o) / p95(b):.2f}x",
                        f"<= {FILTER_TARGET_S * 1000:.0f} ms", "PASS" if p95(o) <= FILTER_TARGET_S else "FAIL"))
    changes = len(next(iter(filters.values()))["ours"])
    print(f"\nResults ({cases:,} cases, {len(desk)} starts each, {changes} changes per filter):\n")
    bench_store.print_table(rows)


def scroll_rows(scrolling: dict, Row) -> list:
    """Per page overall, by depth (the first and last tenth of the pages read), the share spent
    in the query, and the whole list, or how far the time allowed."""
    ours, base, query = scrolling["ours"], scrolling["baseline"], scrolling["query"]
    rows = []
    for label, stat in (("median", statistics.median), ("p95", p95), ("max", max)):
        rows.append(Row(f"scroll, per page, {label}", ms(stat(ours)).strip(), ms(stat(base)).strip(),
                        f"{stat(ours) / stat(base):.1f}x", "-", "report"))
    tenth = max(1, len(ours) // 10)
    for label, part in (("first tenth", slice(0, tenth)), ("last tenth", slice(-tenth, None))):
        o, b = statistics.median(ours[part]), statistics.median(base[part])
        rows.append(Row(f"scroll, per page, {label} of those read, median", ms(o).strip(), ms(b).strip(),
                        f"{o / b:.1f}x", "-", "report"))
    share = sum(query) / sum(ours)
    rows.append(Row("scroll, share of our time in list_cases", f"{share:.0%}", "-", "-", "-", "report"))
    label = "whole list" if scrolling["reached"] >= scrolling["total"] else (
        f"stopped at {scrolling['reached']:,} of {scrolling['total']:,} rows"
    )
    rows.append(Row(f"scroll, {label}", secs(sum(ours)), secs(sum(base)), f"{sum(ours) / sum(base):.1f}x", "-", "report"))
    return rows


def print_start_phases(starts) -> None:
    print("\nwhere a cold start's time goes (median seconds from the spawn to the end of each step):")
    steps = {step: statistics.median(run[step] for run in starts["desk"]) for step in starts["desk"][0]}
    for step, seconds in sorted(steps.items(), key=lambda item: item[1]):
        print(f"  {step:<20} {seconds:.3f} s")


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[94] if len(values) > 1 else values[0]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:>7.1f}ms"


def secs(seconds: float) -> str:
    return f"{seconds:.2f} s"


# --- main ---------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=200_000, help="cases in the generated station (200000)")
    parser.add_argument("--workdir", type=Path, help="where the station is kept and reused (shared with bench_store)")
    parser.add_argument("--starts", type=int, default=9, help="cold starts of each side (9)")
    parser.add_argument("--filters", type=int, default=60, help="changes per kind of filter (60)")
    parser.add_argument("--scroll-minutes", type=float, default=20, help="time allowed for scrolling ours (20)")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--child", choices=["desk", "bare"], help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", help=argparse.SUPPRESS)  # the station's folder, for a child
    args = parser.parse_args(argv)
    if args.child:
        return args
    # The same folder as bench_store.py's, so the two share one generated station.
    args.workdir = args.workdir or Path(tempfile.gettempdir()) / f"mediation-desk-bench-{args.cases}"
    args.workdir.mkdir(parents=True, exist_ok=True)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child == "bare":
        child_bare()
    elif args.child == "desk":
        child_desk(args.data_dir)
    else:
        measure(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
