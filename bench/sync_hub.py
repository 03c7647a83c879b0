"""Benchmark 2 of ``bench_sync.py``: many stations syncing at once against a hub on PostgreSQL.

The hub runs as it is deployed: ``python -m bureau serve`` (uvicorn, ``--workers N`` processes, one
unless asked) on a fresh PostgreSQL database, made for each run and dropped after. The stations are
synthetic (``sync_stations.py``): each is enrolled with a one-time code like a real one, then sends
its changes as ``CaseUpload`` batches through the station's own ``HubClient`` (signed,
gzip-compressed, retried). No station store is behind them: a store per station would spend this
machine's cores on the stations' side, and what is measured is the hub. All stations start together
and each sends its batches one after another, as the engine does.

The baseline, in the same run: the very rows the hub ends up with for those batches (cases,
their versions, changes, batch answers) bulk-inserted with ``executemany`` into the same tables
of another fresh database, one transaction per station. It is run before and after the stations
(all the hub runs, when several worker counts are measured), and the faster of the two is the
baseline for every one of them.

The check, printed: every change answered ``accepted``; the hub's tables hold each case, version,
change and batch once (counts, and distinct change UIDs); resending a batch gets the first
answer again and changes nothing; and each station's verification (digests of its cases and its
change count, as a station sends them) matches.
"""

import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import httpx
import psycopg
from sqlalchemy import func, insert, select
from sqlalchemy.engine import make_url

from app.sync import protocol
from app.sync.client import HubClient
from app.sync.retry import RetryPolicy
from bench.sync_stations import SyntheticStation, hub_rows, synthetic_station
from bureau.db import make_hub_engine, session_factory, upgrade
from bureau.enrolment import add_station
from bureau.models import Batch, Case, CaseVersion, Change, Station

PG_ADMIN_URL = os.environ.get("MEDIATION_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
ROOT = Path(__file__).resolve().parents[1]


@dataclass
class HubRun:
    elapsed: float
    latencies: list[float]
    statuses: Counter

    def rate(self, changes: int) -> float:
        return changes / self.elapsed

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.latencies, n=20, method="inclusive")[-1]


@dataclass(frozen=True)
class HubCheck:
    expected_changes: int
    expected_cases: int
    accepted: int
    changes: int
    distinct_changes: int
    cases: int
    versions: int
    batches: int
    expected_batches: int
    resends_same: bool
    verified_stations: int
    stations: int

    @property
    def ok(self) -> bool:
        return (self.accepted == self.changes == self.distinct_changes == self.expected_changes
                and self.cases == self.versions == self.expected_cases
                and self.batches == self.expected_batches
                and self.resends_same and self.verified_stations == self.stations)

    def __str__(self) -> str:
        return (f"{'OK' if self.ok else 'FAILED'}: changes sent/accepted/at hub/distinct UIDs="
                f"{self.expected_changes}/{self.accepted}/{self.changes}/{self.distinct_changes}, "
                f"cases sent/at hub/versions={self.expected_cases}/{self.cases}/{self.versions}, "
                f"batches sent/kept={self.expected_batches}/{self.batches}, "
                f"a resent batch got the same answer and changed nothing={self.resends_same}, "
                f"stations verified={self.verified_stations}/{self.stations}")


@dataclass
class LockWaits:
    """How often, sampled while the stations synced, a hub transaction waited on a lock."""

    samples: int = 0
    with_a_wait: int = 0
    most_at_once: int = 0
    kinds: Counter = field(default_factory=Counter)  # PostgreSQL's wait_event: tuple, transactionid, extend...


@dataclass(frozen=True)
class CpuUse:
    """Cores busy on average while the stations synced, from Linux's /proc (None elsewhere): the
    whole machine, the hub's processes, this benchmark's own (the stations' clients)."""

    machine: float
    hub: float
    stations: float


@dataclass
class HubResult:
    workers: int  # the hub's uvicorn worker processes
    stations: int
    changes: int
    ours: HubRun
    bulk: list[float]  # seconds, before and after the stations' run
    check: HubCheck
    waits: LockWaits
    server_version: str
    load: tuple[float, float]  # the machine's 1-minute load average before and after the stations' run
    cpu: CpuUse | None

    @property
    def bulk_rate(self) -> float:
        return self.changes / min(self.bulk)

    @property
    def ratio(self) -> float:
        return self.ours.rate(self.changes) / self.bulk_rate


# --- the database and the hub ------------------------------------------------------------------


@contextmanager
def fresh_database(prefix: str) -> Iterator[str]:
    """A new, migrated PostgreSQL database for this run; dropped afterwards, whatever happens."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    try:
        engine = make_hub_engine(url)
        upgrade(engine)
        engine.dispose()
        yield url
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_version() -> str:
    with psycopg.connect(PG_ADMIN_URL) as conn:
        return conn.execute("SHOW server_version").fetchone()[0]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def hub_process(db_url: str, folder: Path, workers: int = 1) -> Iterator[tuple[str, int]]:
    """``mediation-bureau serve --workers N`` in its own process; its address and process ID; its
    log in ``folder``."""
    port = _free_port()
    command = [sys.executable, "-m", "bureau", "serve", "--db", db_url, "--files", str(folder / "hub-files"),
               "--port", str(port), "--workers", str(workers)]
    url = f"http://127.0.0.1:{port}"
    with open(folder / "hub.log", "wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_up(url, process)
            yield url, process.pid
        finally:
            process.terminate()  # with several workers, the parent stops them first
            process.wait(timeout=30)


def _wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the hub exited with status {process.returncode}; see its log")
        try:
            httpx.get(f"{url}/v1/time", timeout=2).raise_for_status()
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("the hub did not start within 60 s")


def enrol(db_url: str, url: str, stations: list[SyntheticStation]) -> None:
    """Each station registered by the administrator and enrolled with its code, as a real one is."""
    engine = make_hub_engine(db_url)
    try:
        with session_factory(engine).begin() as session:
            codes = [add_station(session, station.name, datetime.now(timezone.utc)) for station in stations]
    finally:
        engine.dispose()
    for station, code in zip(stations, codes):
        with HubClient(url, station_uid=station.uid) as client:
            station.secret = bytes.fromhex(client.enrol(code, station.name).secret)


def _cpu_seconds(hub_pid: int) -> tuple[float, float, float, float] | None:
    """CPU seconds so far of the whole machine (busy, all cores), the hub (its process and the
    workers it started) and this process, and the clock to divide them by; None where there is
    no /proc."""
    if not Path("/proc/stat").exists():
        return None
    tick = os.sysconf("SC_CLK_TCK")
    machine = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    busy = sum(machine) - machine[3] - machine[4]  # all but idle and iowait
    hub = 0
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # not a process, or one that has just ended
        if entry.name == str(hub_pid) or fields[1] == str(hub_pid):  # the hub, or one of its workers
            hub += int(fields[11]) + int(fields[12])  # utime, stime
    return busy / tick, hub / tick, time.process_time(), time.perf_counter()


# --- the stations at once, and the checks ------------------------------------------------------


@contextmanager
def lock_waits(db_url: str) -> Iterator[LockWaits]:
    """PostgreSQL's own view of the hub's transactions, every 50 ms: a station's batches wait for
    each other (its row is locked while one is received), but no station should wait for another."""
    waits = LockWaits()
    stop = threading.Event()

    def sample() -> None:
        with psycopg.connect(db_url, autocommit=True) as conn:
            while not stop.wait(0.05):
                kinds = [kind for (kind,) in conn.execute(
                    "SELECT wait_event FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )]
                waits.samples += 1
                waits.with_a_wait += bool(kinds)
                waits.most_at_once = max(waits.most_at_once, len(kinds))
                waits.kinds.update(kinds)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        yield waits
    finally:
        stop.set()
        sampler.join()


def sync_at_once(url: str, stations: list[SyntheticStation], seed: int) -> HubRun:
    """Every station sends its batches, one after another; all stations start together."""
    start = threading.Barrier(len(stations) + 1)
    latencies: list[float] = []
    statuses: Counter = Counter()
    finished: list[float] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def station_syncs(n: int, station: SyntheticStation) -> None:
        policy = RetryPolicy(rng=random.Random(seed + n))
        try:
            with HubClient(url, station_uid=station.uid, secret=station.secret, policy=policy) as client:
                client.hub_time()
                start.wait()
                for batch in station.batches:
                    sent = time.perf_counter()
                    answer = client.send_batch(batch)
                    took = time.perf_counter() - sent
                    with lock:
                        latencies.append(took)
                        statuses.update(change.status for change in answer.changes)
        except Exception as exc:  # raised after the run; the other stations go on
            failures.append(exc)
            start.abort()  # nobody waits at the start for a station that will not come
        finally:
            with lock:
                finished.append(time.perf_counter())

    threads = [threading.Thread(target=station_syncs, args=(n, s)) for n, s in enumerate(stations)]
    for thread in threads:
        thread.start()
    try:
        start.wait()
    except threading.BrokenBarrierError:
        pass  # a station failed before the start; its failure is raised below
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    if failures:  # the first is the cause; the others may only have seen the start abandoned
        raise RuntimeError(f"{len(failures)} station(s) could not sync: {failures[0]!r}")
    return HubRun(max(finished) - began, latencies, statuses)


def check_hub(db_url: str, url: str, stations: list[SyntheticStation], run: HubRun) -> HubCheck:
    engine = make_hub_engine(db_url)

    def counts() -> tuple[int, ...]:
        with session_factory(engine)() as session:
            return tuple(session.scalar(query) for query in (
                select(func.count()).select_from(Change),
                select(func.count(func.distinct(Change.uid))),
                select(func.count()).select_from(Case),
                select(func.count()).select_from(CaseVersion),
                select(func.count()).select_from(Batch),
            ))

    try:
        before = counts()
        resends_same = all(_resend_answers_the_same(url, station) for station in stations)
        verified = sum(_verifies(url, station) for station in stations)
        after = counts()
    finally:
        engine.dispose()
    changes, distinct, cases, versions, kept_batches = after
    return HubCheck(
        expected_changes=sum(s.changes for s in stations), expected_cases=sum(len(s.cases) for s in stations),
        accepted=run.statuses["accepted"], changes=changes, distinct_changes=distinct, cases=cases,
        versions=versions, batches=kept_batches, expected_batches=sum(len(s.batches) for s in stations),
        resends_same=resends_same and before == after, verified_stations=verified, stations=len(stations),
    )


def _client(url: str, station: SyntheticStation) -> HubClient:
    return HubClient(url, station_uid=station.uid, secret=station.secret)


def _resend_answers_the_same(url: str, station: SyntheticStation) -> bool:
    """The first batch again, as after a lost answer: the first answer, all of it ``accepted``."""
    with _client(url, station) as client:
        answer = client.send_batch(station.batches[0])
    return all(change.status == "accepted" for change in answer.changes) and answer.batch_uid == station.batches[0].uid


def _verifies(url: str, station: SyntheticStation) -> bool:
    held = [protocol.HeldCase(case_uid=c.upload.case_uid, version=c.upload.version,
                              content_sha256=c.upload.content_sha256) for c in station.cases]
    claim = protocol.Verification(case_count=len(held), buckets=protocol.bucket_digests(held),
                                  change_count=station.changes, attachment_count=0)
    with _client(url, station) as client:
        return client.verify(claim).matches


def bulk_insert(db_url: str, rows: dict[str, list[dict]]) -> float:
    """Seconds to insert every station's rows with ``executemany``, one transaction per station
    (the stations' own rows go in first, untimed)."""
    engine = make_hub_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(insert(Station.__table__), rows["stations"])
        started = time.perf_counter()
        for station in rows["stations"]:
            mine = {table: [r for r in rows[table] if r["station_id"] == station["id"]]
                    for table in ("cases", "changes", "batches")}
            case_ids = {r["id"] for r in mine["cases"]}
            versions = [r for r in rows["case_versions"] if r["case_id"] in case_ids]
            with engine.begin() as conn:
                conn.execute(insert(Case.__table__), mine["cases"])
                conn.execute(insert(CaseVersion.__table__), versions)
                conn.execute(insert(Change.__table__), mine["changes"])
                conn.execute(insert(Batch.__table__), mine["batches"])
        return time.perf_counter() - started
    finally:
        engine.dispose()


# --- the benchmark ---------------------------------------------------------------------------


def hub_benchmark(folder: Path, stations: int, changes: int, seed: int, workers: int = 1) -> HubResult:
    (result,) = hub_benchmarks(folder, stations, changes, seed, [workers])
    return result


def hub_benchmarks(folder: Path, stations: int, changes: int, seed: int, worker_counts: list[int]) -> list[HubResult]:
    """The stations against a hub of each worker count in turn, each on a fresh database, all
    against one baseline: the bulk insert before the first and after the last."""
    synthetic = [synthetic_station(n, changes, seed) for n in range(stations)]
    rows = hub_rows(synthetic, datetime.now(timezone.utc))
    bulk = []
    with fresh_database("bench_bulk") as db_url:
        bulk.append(bulk_insert(db_url, rows))
    runs = []
    for workers in worker_counts:
        run_folder = folder / f"hub-{workers}-workers"
        run_folder.mkdir()
        with fresh_database("bench_hub") as db_url, hub_process(db_url, run_folder, workers) as (url, hub_pid):
            enrol(db_url, url, synthetic)  # each hub its own secrets
            load_before, cpu_before = os.getloadavg()[0], _cpu_seconds(hub_pid)
            with lock_waits(db_url) as waits:
                ours = sync_at_once(url, synthetic, seed)
            load_after, cpu_after = os.getloadavg()[0], _cpu_seconds(hub_pid)
            check = check_hub(db_url, url, synthetic, ours)
        cpu = None
        if cpu_before is not None:
            *used, wall = (after - before for before, after in zip(cpu_before, cpu_after))
            cpu = CpuUse(*(seconds / wall for seconds in used))
        runs.append((workers, ours, check, waits, (load_before, load_after), cpu))
    with fresh_database("bench_bulk") as db_url:
        bulk.append(bulk_insert(db_url, rows))
    total = sum(s.changes for s in synthetic)
    version = server_version()
    return [HubResult(workers, stations, total, ours, bulk, check, waits, version, load, cpu)
            for workers, ours, check, waits, load, cpu in runs]
