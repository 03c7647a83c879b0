"""Benchmark of the station store: search, opening, and size, each against a baseline.

    python bench/bench_store.py [--cases 200000] [--workdir DIR] [--queries 200]

A station with N cases is generated once (see ``station_data.py``) and kept in the work folder;
a rerun with the same N, seed, generator version, search_text recipe and schema reuses it.
The machines are shared and noisy, so every measure is printed as a ratio against a baseline
measured in the same run, interleaved with ours:

1. Search, 3-character queries. Ours: ``list_cases(store, CaseFilter(text=q), limit=50)``, the
   real path: the FTS5 trigram index, then the 50 rows built (parties, mediator, deadlines).
   Baseline: the scan a program without an index would do,
   ``SELECT id FROM cases WHERE search_text LIKE '%q%' ORDER BY received_at DESC LIMIT 50``, on
   the same encrypted file through its own engine (so each side keeps its own page cache). The
   baseline only fetches ids, so the comparison is, if anything, unfair to us. The case list
   orders by id (entry order); the generated cases are entered in the order received, so both
   sides must return the same ids, and every query checks that they do. Queries are windows of
   the generated text (common ones from requests and facts, rarer ones from names and credit
   codes) and strings that match nothing. Target: p95 at least 20x faster.
2. Search, 2-character queries: the same two sides. FTS5 trigrams cannot match two characters;
   ``list_cases`` answers them however ``app/services/search.py`` does today (since schema 0002:
   the trigrams of the index's vocabulary that start with the query; before: a base-table scan).
   Reported as it is.
3. Open the store and show the first page: ``open_store(daily_check=False)`` (key check and
   migrations check, as on every start but the day's first; no calendar install) then
   ``list_cases(limit=100)``, against the same steps on an unencrypted copy made with
   ``sqlcipher_export`` and opened through the plain ``sqlite://`` dialect set up like
   ``make_engine``. The day's first start also runs ``integrity_problems`` (and a backup):
   that check is timed on its own and reported, without a target. Each iteration builds a new engine, so SQLite's
   page cache starts empty (the OS file cache stays warm: we cannot drop it on a shared machine).
   Opens in a fresh Python process are reported too. The plain copy is read both with Python's
   own sqlite3 (the brief's baseline) and with sqlcipher3 without a key, which is the same SQLite
   build as ours, so that ratio is the cost of encryption alone. Target: < 1.5x.
4. File size per 1,000 cases, encrypted store and plain copy.

Exit status is 0 whatever the numbers: this is a measurement, not a test.
"""

import argparse
import hashlib
import inspect
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3
import station_data  # beside this script, which Python puts first on sys.path
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

import app
from app.domain import clock
from app.models import migrate
from app.models.engine import (
    CACHE_KIB,
    WRITES,
    check_key,
    integrity_problems,
    make_engine,
    raw_key_pragma,
    session_factory,
    writer,
)
from app.models.store import Store, create_store, open_store
from app.paths import StationPaths
from app.services.queries import CaseFilter, list_cases
from app.services.search import refresh_search_text

NO_MATCH_CHARS = "鲸鲨鳄鹦鹉鸵鸸貘獾猞猁鼹鼬鼯鼾龋龈虬蜥蜴蝾螈"  # in none of the generated text
PLAIN_DRIVERS = {"plain": "sqlite3", "plain-same-build": "sqlcipher3 without key"}


# --- the station on disk --------------------------------------------------------------------------


@dataclass
class Station:
    paths: StationPaths
    key: bytes
    plain: Path
    cases: int


def station_key(paths: StationPaths) -> bytes:
    """A demo station keeps its key in a plain file (the last line, in hex)."""
    return bytes.fromhex(paths.demo_key.read_text(encoding="utf-8").splitlines()[-1].strip())


def generator_fingerprint() -> str:
    """Changes when the generated data would: the generator's version, search_text's recipe, the schema."""
    recipe = f"{station_data.DATA_VERSION}\n{inspect.getsource(refresh_search_text)}\n{migrate.head_revision()}"
    return hashlib.sha256(recipe.encode()).hexdigest()[:16]


def prepare_station(workdir: Path, cases: int, seed: int) -> Station:
    """The generated station and its plain copy, reused when the work folder already has them."""
    paths, plain, meta_file = StationPaths(workdir / "station"), workdir / "plain.db", workdir / "bench.json"
    wanted = {"cases": cases, "seed": seed, "generator": generator_fingerprint()}
    meta = json.loads(meta_file.read_text()) if meta_file.exists() else {}
    if meta == wanted and paths.store.exists() and plain.exists():
        print(f"Reusing the station in {workdir} ({cases:,} cases).")
        return Station(paths, station_key(paths), plain, cases)
    meta_file.unlink(missing_ok=True)
    shutil.rmtree(paths.data_dir, ignore_errors=True)
    for leftover in workdir.glob("plain.db*"):
        leftover.unlink()
    print(f"Generating a station with {cases:,} cases in {workdir} (not a measure) ...")
    started = time.perf_counter()
    store, _code = create_store(paths, demo=True)
    station_data.populate(store, cases, seed)
    store.close()
    print(f"  generated in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    export_plain_copy(paths.store, station_key(paths), plain)
    print(f"  plain copy made in {time.perf_counter() - started:.0f} s")
    meta_file.write_text(json.dumps(wanted))
    return Station(paths, station_key(paths), plain, cases)


def export_plain_copy(store: Path, key: bytes, plain: Path) -> None:
    """SQLCipher's own way to decrypt a whole database into a new plain file."""
    conn = sqlcipher3.connect(str(store))
    try:
        conn.execute(f'PRAGMA key = "{raw_key_pragma(key)}"')
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(plain),))
        conn.execute("SELECT sqlcipher_export('plaintext')")
        conn.execute("DETACH DATABASE plaintext")
    finally:
        conn.close()


# --- the plain copy, opened like the store ------------------------------------------------------


def plain_engine(path: Path, driver: str = "plain") -> Engine:
    """The plain ``sqlite://`` dialect set up as ``make_engine`` sets up ours, minus the key.

    Mirrors make_engine: same pool, pragmas, and explicit BEGIN (IMMEDIATE for writers). Keep
    the two in step when make_engine changes, or the comparison stops being like for like.
    """
    module = {"module": sqlcipher3.dbapi2} if driver == "plain-same-build" else {}
    engine = create_engine(f"sqlite:///{path}", poolclass=QueuePool, pool_size=2, max_overflow=4, **module)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        for pragma in (
            f"cache_size = -{CACHE_KIB}",
            "foreign_keys = ON",
            "busy_timeout = 5000",
            "journal_mode = WAL",
            "synchronous = FULL",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITES, False) else "BEGIN")

    return engine


class PlainStore:
    """What the services use of a Store (``session``, ``reading``, ``engine``), over any engine."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._writing = session_factory(writer(engine))
        self._reading = session_factory(engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._writing.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._reading.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _no_backup(label: str) -> Path:
    raise RuntimeError(f"A new schema revision appeared while the benchmark ran ({label}); run it again.")


def open_plain(path: Path, driver: str) -> PlainStore:
    """What ``open_store(daily_check=False)`` does, on the plain copy: key and migrations check."""
    engine = plain_engine(path, driver)
    check_key(engine)
    migrate.upgrade(engine, _no_backup)
    return PlainStore(engine)


def open_and_first_page(station: Station, variant: str) -> float:
    """Seconds to open the store (a new engine) and build the first page of the case list."""
    started = time.perf_counter()
    if variant == "encrypted":
        store = open_store(station.paths, daily_check=False)
    else:
        store = open_plain(station.plain, variant)
    rows = list_cases(store, limit=100)
    elapsed = time.perf_counter() - started
    store.close()
    assert len(rows) == min(100, station.cases)
    return elapsed


def open_phases(station: Station, variant: str) -> dict[str, float]:
    """The same open, step by step, with the once-a-day integrity check, to see where the time goes."""
    phases, mark = {}, time.perf_counter()

    def lap(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        phases[name], mark = now - mark, now

    engine = (
        make_engine(station.paths.store, station.key)
        if variant == "encrypted"
        else plain_engine(station.plain, variant)
    )
    check_key(engine)
    lap("connect+key")
    assert not integrity_problems(engine)
    lap("daily check")
    migrate.upgrade(engine, _no_backup)
    lap("migrations")
    list_cases(PlainStore(engine), limit=100)
    lap("first page")
    engine.dispose()
    return phases


# --- search -------------------------------------------------------------------------------------


def _is_word_char(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or char.isalnum()


def _window(rng: random.Random, source: str, length: int) -> str | None:
    starts = [i for i in range(len(source) - length + 1) if all(_is_word_char(c) for c in source[i : i + length])]
    return source[(start := rng.choice(starts)) : start + length] if starts else None


def pick_queries(engine: Engine, cases: int, count: int, length: int, seed: int) -> list[tuple[str, str]]:
    """(group, query): 40% from requests/facts (common), 40% from names and codes (rarer), 20% none."""
    rng = random.Random(seed + length)
    picked: list[tuple[str, str]] = []
    with engine.connect() as conn:
        while len(picked) < count:
            group = rng.choices(("common", "rare", "none"), weights=(40, 40, 20))[0]
            if group == "none":
                picked.append((group, "".join(rng.sample(NO_MATCH_CHARS, length))))
                continue
            case_id = rng.randint(1, cases)
            if group == "common":
                sources = conn.execute(text("SELECT request, facts FROM cases WHERE id = :id"), {"id": case_id}).one()
            else:
                sources = (
                    conn.execute(
                        text("SELECT name, coalesce(credit_code, '') FROM parties WHERE case_id = :id"), {"id": case_id}
                    )
                    .scalars()
                    .all()
                )
            query = _window(rng, rng.choice(list(sources)), length) if sources else None
            if query:
                picked.append((group, query))
    return picked


LIKE_SCAN = text("SELECT id FROM cases WHERE search_text LIKE :pattern ORDER BY received_at DESC, id DESC LIMIT 50")


@dataclass
class SearchTimes:
    ours: dict[str, list[float]]
    baseline: dict[str, list[float]]
    mismatches: list[str]

    def all(self, side: str) -> list[float]:
        return [t for times in getattr(self, side).values() for t in times]


def search_ours(store: Store, query: str, today) -> list[int]:
    return [row.id for row in list_cases(store, CaseFilter(text=query), limit=50, today=today)]


def search_scan(engine: Engine, query: str) -> list[int]:
    with engine.connect() as conn:
        return list(conn.execute(LIKE_SCAN, {"pattern": f"%{query}%"}).scalars())


def measure_search(store: Store, scan_engine: Engine, queries: list[tuple[str, str]]) -> SearchTimes:
    """Each query through list_cases and through the LIKE scan, alternating which goes first."""
    today = clock.today()
    sides = {"ours": lambda q: search_ours(store, q, today), "baseline": lambda q: search_scan(scan_engine, q)}
    for _group, query in queries[:5]:  # warm-up: both sides fill their page caches a little
        for run in sides.values():
            run(query)
    result = SearchTimes({}, {}, [])
    for i, (group, query) in enumerate(queries):
        answers = {}
        for side in ("ours", "baseline") if i % 2 == 0 else ("baseline", "ours"):
            started = time.perf_counter()
            answers[side] = sides[side](query)
            getattr(result, side).setdefault(group, []).append(time.perf_counter() - started)
        if answers["ours"] != answers["baseline"]:
            result.mismatches.append(query)
    return result


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[94] if len(values) > 1 else values[0]


def print_search(title: str, times: SearchTimes) -> None:
    print(f"\n{title}")
    print(f"  {'group':<8} {'n':>4}   {'ours p50':>9} {'p95':>9} {'max':>9}   {'LIKE p50':>9} {'p95':>9} {'max':>9}")
    for group in ("common", "rare", "none"):
        ours, base = times.ours.get(group, []), times.baseline.get(group, [])
        if ours:
            print(
                f"  {group:<8} {len(ours):>4}   {ms(statistics.median(ours))} {ms(p95(ours))} {ms(max(ours))}"
                f"   {ms(statistics.median(base))} {ms(p95(base))} {ms(max(base))}"
            )
    print(
        f"  results identical to the LIKE scan: {len(times.all('ours')) - len(times.mismatches)}"
        f" of {len(times.all('ours'))}" + (f" (differ: {times.mismatches[:5]})" if times.mismatches else "")
    )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:>7.1f}ms"


# --- opening ------------------------------------------------------------------------------------


def measure_open(station: Station, repeats: int) -> dict[str, list[float]]:
    """New engine each time, variants interleaved and rotated, so drift hits them alike."""
    variants = ["encrypted", *PLAIN_DRIVERS]
    times: dict[str, list[float]] = {v: [] for v in variants}
    open_and_first_page(station, "encrypted")  # warm the OS file cache for every side alike
    for variant in PLAIN_DRIVERS:
        open_and_first_page(station, variant)
    for i in range(repeats):
        for variant in variants[i % 3 :] + variants[: i % 3]:
            times[variant].append(open_and_first_page(station, variant))
    return times


def measure_fresh_processes(station: Station, workdir: Path, runs: int) -> dict[str, list[float]]:
    """The same in a new Python process each time (imports done before the clock starts)."""
    times: dict[str, list[float]] = {v: [] for v in ["encrypted", *PLAIN_DRIVERS]}
    for _ in range(runs):
        for variant, measured in times.items():
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    variant,
                    "--workdir",
                    str(workdir),
                    "--cases",
                    str(station.cases),
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            measured.append(json.loads(out.strip().splitlines()[-1])["seconds"])
    return times


def measure_phases(station: Station, runs: int = 3) -> dict[str, dict[str, float]]:
    """Median of each step of an open, per variant, printed as it goes."""
    print("\nopen + first page (100 rows), where the time goes (median of 3, new engine each):")
    medians = {}
    for variant in ["encrypted", *PLAIN_DRIVERS]:
        measured = [open_phases(station, variant) for _ in range(runs)]
        medians[variant] = {step: statistics.median(m[step] for m in measured) for step in measured[0]}
        print(f"  {variant:<17}" + "  ".join(f"{step} {ms(t)}" for step, t in medians[variant].items()))
    return medians


def split_daily_check(station: Station) -> None:
    """The two halves of ``integrity_problems``, once each: since SQLite 3.44, quick_check also runs
    FTS5's own check through xIntegrity, so the explicit 'integrity-check' may repeat it."""
    print("\ndaily integrity check, its two statements alone (once each, new engine each):")
    for variant in ["encrypted", "plain-same-build"]:
        times = {}
        for name, sql in (
            ("PRAGMA quick_check", "PRAGMA quick_check"),
            ("FTS5 'integrity-check'", "INSERT INTO case_search(case_search) VALUES ('integrity-check')"),
        ):
            engine = (
                make_engine(station.paths.store, station.key)
                if variant == "encrypted"
                else plain_engine(station.plain, variant)
            )
            with writer(engine).begin() as conn:
                started = time.perf_counter()
                conn.exec_driver_sql(sql).all() if sql.startswith("PRAGMA") else conn.exec_driver_sql(sql)
                times[name] = time.perf_counter() - started
            engine.dispose()
        print(f"  {variant:<17}" + "  ".join(f"{name} {ms(t)}" for name, t in times.items()))


def file_size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


# --- report -------------------------------------------------------------------------------------


@dataclass
class Row:
    measure: str
    ours: str
    baseline: str
    ratio: str
    target: str
    verdict: str


def print_table(rows: list[Row]) -> None:
    headers = Row("measure", "ours", "baseline", "ratio", "target", "result")
    widths = [max(_width(getattr(r, f)) for r in [headers, *rows]) for f in Row.__dataclass_fields__]
    for n, row in enumerate([headers, *rows]):
        cells = [getattr(row, f) for f in Row.__dataclass_fields__]
        print("  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def _width(s: str) -> int:
    return sum(2 if "\u4e00" <= c <= "\u9fff" else 1 for c in s)


def search_rows(name: str, times: SearchTimes, target: float | None) -> list[Row]:
    ours, base = times.all("ours"), times.all("baseline")
    rows = []
    for label, stat in (("p50", statistics.median), ("p95", p95)):
        speedup = stat(base) / stat(ours)
        goal = f">= {target:.0f}x faster" if target and label == "p95" else "-"
        verdict = ("PASS" if speedup >= target else "FAIL") if goal != "-" else "report"
        rows.append(
            Row(
                f"{name} {label}",
                ms(stat(ours)).strip(),
                ms(stat(base)).strip(),
                f"{speedup:.1f}x faster",
                goal,
                verdict,
            )
        )
    return rows


def open_rows(in_process: dict[str, list[float]], fresh: dict[str, list[float]]) -> list[Row]:
    rows = []
    for baseline, driver in PLAIN_DRIVERS.items():
        for label, times, stat in (
            ("new engine, median", in_process, statistics.median),
            ("fresh process, first", fresh, lambda t: t[0]),
            ("fresh process, median", fresh, statistics.median),
        ):
            if not times[baseline]:
                continue
            ours, base = stat(times["encrypted"]), stat(times[baseline])
            ratio = ours / base
            rows.append(
                Row(
                    f"open+first page, {label} (vs {driver})",
                    ms(ours).strip(),
                    ms(base).strip(),
                    f"{ratio:.2f}x",
                    "< 1.5x",
                    "PASS" if ratio < 1.5 else "FAIL",
                )
            )
    return rows


def check_rows(phases: dict[str, dict[str, float]]) -> list[Row]:
    """The once-a-day whole-file check, which ``open_store`` runs at the first start of a day."""
    ours = phases["encrypted"]["daily check"]
    return [
        Row(
            f"daily integrity check, median of 3 (vs {driver})",
            ms(ours).strip(),
            ms(base := phases[v]["daily check"]).strip(),
            f"{ours / base:.2f}x",
            "-",
            "report",
        )
        for v, driver in PLAIN_DRIVERS.items()
    ]


def size_row(station: Station) -> Row:
    ours, base = file_size(station.paths.store), file_size(station.plain)
    per_1000 = 1000 / station.cases / 2**20
    return Row(
        "file size per 1,000 cases",
        f"{ours * per_1000:.2f} MiB",
        f"{base * per_1000:.2f} MiB",
        f"{ours / base:.3f}x",
        "-",
        "report",
    )


def describe_machine(engine: Engine) -> None:
    with engine.connect() as conn:
        cipher = conn.execute(text("PRAGMA cipher_version")).scalar()
    print(f"Code measured: {Path(app.__file__).parent}")
    print(f"Machine: {os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}")
    print(
        f"SQLCipher {cipher} on SQLite {sqlcipher3.sqlite_version}; plain baseline: Python sqlite3 "
        f"{__import__('sqlite3').sqlite_version} and sqlcipher3 without key; page cache {CACHE_KIB // 1024} MiB"
    )


# --- main ---------------------------------------------------------------------------------------


def child(args: argparse.Namespace) -> None:
    """One open in this fresh process; prints its time as JSON for the parent."""
    station = prepare_station(args.workdir, args.cases, args.seed)
    print(json.dumps({"seconds": open_and_first_page(station, args.child)}))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=200_000, help="cases in the generated station (200000)")
    parser.add_argument("--workdir", type=Path, help="where the station is kept and reused (a temp folder)")
    parser.add_argument("--queries", type=int, default=200, help="queries per search measure (200)")
    parser.add_argument("--repeats", type=int, default=15, help="opens per variant with a new engine (15)")
    parser.add_argument("--processes", type=int, default=5, help="opens per variant in a fresh process (5)")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--child", choices=["encrypted", *PLAIN_DRIVERS], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.workdir = args.workdir or Path(tempfile.gettempdir()) / f"mediation-desk-bench-{args.cases}"
    args.workdir.mkdir(parents=True, exist_ok=True)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        child(args)
        return 0
    schema = migrate.head_revision()
    station = prepare_station(args.workdir, args.cases, args.seed)
    store = open_store(station.paths, daily_check=False)
    scan_engine = make_engine(station.paths.store, station.key)
    describe_machine(store.engine)
    print(f"Station: {station.cases:,} cases in {args.workdir}")

    searches = {}
    for length, name in ((3, "search 3 chars (FTS5)"), (2, "search 2 chars")):
        queries = pick_queries(store.engine, station.cases, args.queries, length, args.seed)
        searches[length] = measure_search(store, scan_engine, queries)
        print_search(f"{name}: list_cases(limit=50) vs LIKE scan", searches[length])
    store.close()
    scan_engine.dispose()

    in_process = measure_open(station, args.repeats)
    fresh = measure_fresh_processes(station, args.workdir, args.processes)
    phases = measure_phases(station)
    split_daily_check(station)

    rows = [
        *search_rows("search 3 chars", searches[3], 20),
        *search_rows("search 2 chars", searches[2], None),
        *open_rows(in_process, fresh),
        *check_rows(phases),
        size_row(station),
    ]
    print(
        f"\nResults ({station.cases:,} cases, {args.queries} queries per search, {args.repeats} opens, "
        f"{args.processes} fresh processes):\n"
    )
    print_table(rows)
    if migrate.head_revision() != schema:
        print("\nWARNING: a new schema revision appeared during the run; the opens may include a migration.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
