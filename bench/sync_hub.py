"""Benchmark 2 of ``bench_sync.py``: many stations syncing at once against a hub on PostgreSQL.

The hub runs as it is deployed: ``python -m bureau serve`` (uvicorn, one worker process) on a
fresh PostgreSQL database, made for the run and dropped after. The stations are synthetic:
each is enrolled with a one-time code like a real one, then sends its changes as ``CaseUpload``
batches through the station's own ``HubClient`` (signed, gzip-compressed, retried), batched by
the outbox's own ``batches``. The cases look like a station's (a registration with its parties,
then acceptance, an edit, a mediation session), but no station store is behind them: a store
per station would spend this machine's cores on the stations' side, and what is measured is
the hub. All stations start together and each sends its batches one after another, as the
engine does.

The baseline, in the same run: the very rows the hub ends up with for those batches (cases,
their versions, changes, batch answers) bulk-inserted with ``executemany`` into the same tables
of another fresh database, one transaction per station. It is run before and after the stations,
and the faster of the two is the baseline.

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
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import psycopg
from sqlalchemy import func, insert, select
from sqlalchemy.engine import make_url

from app.sync import protocol
from app.sync.canonical import canonical_json, content_sha256
from app.sync.client import HubClient
from app.sync.outbox import PendingCase, batches
from app.sync.retry import RetryPolicy
from bureau.db import make_hub_engine, session_factory, upgrade
from bureau.enrolment import add_station
from bureau.models import Batch, Case, CaseVersion, Change, Station

PG_ADMIN_URL = os.environ.get("MEDIATION_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
ROOT = Path(__file__).resolve().parents[1]

# fmt: off
PLACES = ["湖滨", "龙井", "灵隐", "河坊", "断桥", "宋城", "西溪", "曲院", "南山", "北山", "吴山", "梅家坞", "九溪"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"
SHOPS = ["玉器行", "茶叶店", "特产店", "民宿", "素斋馆", "游船公司", "演艺票务", "珠宝店"]
FACTS = [
    "购买的玉镯经检测为染色石英岩，商家拒绝退货。", "茶叶外包装标注明前龙井，实为普通炒青。",
    "游船未按约定时间开航，也未说明原因。", "民宿房间与网上图片严重不符，卫生条件差。",
    "商家称可以七天无理由退货，回店后却拒绝办理。", "演出临时取消，票务只同意退一半票款。",
]
# fmt: on


@dataclass
class SyntheticStation:
    name: str
    uid: str
    cases: list[PendingCase]
    batches: list[protocol.Batch] = field(default_factory=list)
    secret: bytes = b""

    @property
    def changes(self) -> int:
        return sum(len(case.upload.changes) for case in self.cases)


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


@dataclass
class HubResult:
    stations: int
    changes: int
    ours: HubRun
    bulk: list[float]  # seconds, before and after the stations' run
    check: HubCheck
    waits: LockWaits
    server_version: str

    @property
    def bulk_rate(self) -> float:
        return self.changes / min(self.bulk)

    @property
    def ratio(self) -> float:
        return self.ours.rate(self.changes) / self.bulk_rate


# --- synthetic stations ----------------------------------------------------------------------


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _change(rng: random.Random, base_version: int, at: datetime, action: str, changes: dict) -> protocol.Change:
    return protocol.Change(uid=_uid(rng), base_version=base_version, at=at, username="head",
                           action=action, changes=changes)


def synthetic_case(rng: random.Random, number: str, steps: int) -> protocol.CaseUpload:
    """A complaint registered with its two parties, then accepted, its facts completed, a session
    held: the first ``steps`` of these, with the snapshot they lead to."""
    received = datetime(2026, 11, 28, 8, tzinfo=timezone.utc) + timedelta(minutes=rng.randrange(600))
    place = rng.choice(PLACES)
    complainant, respondent = _uid(rng), _uid(rng)
    parties = {
        complainant: {"role": "complainant", "name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                      "phone": f"139{rng.randrange(10**8):08d}", "address": f"杭州市西湖区{place}路{rng.randrange(1, 300)}号",
                      "is_representative": False},
        respondent: {"role": "respondent", "name": place + rng.choice(SHOPS),
                     "address": f"杭州市西湖区{place}街{rng.randrange(1, 300)}号", "is_representative": False},
    }
    case = {"number": number, "kind": "complaint", "channel": "on_site", "state": "registered", "rule": "order121",
            "received_at": received.isoformat(), "entered_at": (received + timedelta(minutes=20)).isoformat(),
            "request": "退货退款", "facts": rng.choice(FACTS) * rng.randint(1, 4),
            "amount_involved": f"{rng.randrange(50, 20000)}.00", "is_group": False, "check_extended": False}
    snapshot: dict = {"case": case, "parties": parties}
    at = received + timedelta(minutes=30)
    changes = [_change(rng, 1, at, "register", {
        **{key: [None, value] for key, value in case.items()},
        "parties": [None, [{"uid": uid, **party} for uid, party in parties.items()]],
    })]
    if steps >= 2:
        changes.append(_change(rng, 2, at + timedelta(hours=1), "accept",
                               {"decided_on": [None, "2026-11-28"], "state": ["registered", "accepted"]}))
        case.update(state="accepted", decided_on="2026-11-28")
    if steps >= 3:
        facts = case["facts"] + "有购物小票和聊天记录为证。"
        changes.append(_change(rng, 3, at + timedelta(hours=2), "edit", {"facts": [case["facts"], facts]}))
        case["facts"] = facts
    if steps >= 4:
        session = {"held_on": "2026-11-28", "place": f"{place}消费维权服务站", "mode": "on_site", "outcome": "agreed"}
        session_uid = _uid(rng)
        changes.append(_change(rng, 4, at + timedelta(hours=3), "session", {"session": [None, session]}))
        snapshot["sessions"] = {session_uid: session}
    return protocol.CaseUpload(case_uid=_uid(rng), number=number, synced_version=0, changes=changes,
                               snapshot=snapshot, version=len(changes) + 1, content_sha256=content_sha256(snapshot))


def synthetic_station(n: int, changes: int, seed: int) -> SyntheticStation:
    """A station with ``changes`` unsent changes over cases of 1 to 4 changes each, in batches."""
    rng = random.Random(seed * 1000 + n)
    cases, made = [], 0
    while made < changes:
        steps = min(rng.choice((1, 2, 2, 3, 4)), changes - made)
        upload = synthetic_case(rng, f"S{n:02d}-T2026-{len(cases) + 1:05d}", steps)
        cases.append(PendingCase(len(cases) + 1, upload, len(upload.model_dump_json())))
        made += steps
    station = SyntheticStation(f"第{n + 1}号消费维权服务站", _uid(rng), cases)
    station.batches = [batch for batch, _group in batches(cases)]
    return station


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
def hub_process(db_url: str, folder: Path) -> Iterator[str]:
    """``mediation-bureau serve`` in its own process (uvicorn, one worker); its log in ``folder``."""
    port = _free_port()
    command = [sys.executable, "-m", "bureau", "serve", "--db", db_url, "--files", str(folder / "hub-files"),
               "--port", str(port)]
    url = f"http://127.0.0.1:{port}"
    with open(folder / "hub.log", "wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_up(url, process)
            yield url
        finally:
            process.terminate()
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
        with HubClient(url, station_uid=station.uid, secret=station.secret, policy=policy) as client:
            client.hub_time()
            start.wait()
            try:
                for batch in station.batches:
                    sent = time.perf_counter()
                    answer = client.send_batch(batch)
                    took = time.perf_counter() - sent
                    with lock:
                        latencies.append(took)
                        statuses.update(change.status for change in answer.changes)
            except Exception as exc:  # reported after the run; the other stations go on
                failures.append(exc)
            with lock:
                finished.append(time.perf_counter())

    threads = [threading.Thread(target=station_syncs, args=(n, s)) for n, s in enumerate(stations)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    if failures:
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


# --- the baseline: the same rows, bulk-inserted --------------------------------------------------


def hub_rows(stations: list[SyntheticStation], now: datetime) -> dict[str, list[dict]]:
    """The rows the hub keeps for these batches, with ids given here (stations 1..N, cases 1..M)."""
    rows: dict[str, list[dict]] = {"stations": [], "cases": [], "case_versions": [], "changes": [], "batches": []}
    case_id = 0
    for station_id, station in enumerate(stations, start=1):
        rows["stations"].append(dict(id=station_id, name=station.name, uid=station.uid, secret=station.secret.hex(),
                                     created_at=now, feed_seq=0, resync_requested=False))
        for batch in station.batches:
            for upload in batch.cases:
                case_id += 1
                content = canonical_json(upload.snapshot).decode()
                rows["cases"].append(dict(id=case_id, uid=upload.case_uid, station_id=station_id, number=upload.number,
                                          version=upload.version, content=content,
                                          content_sha256=upload.content_sha256, updated_at=now))
                rows["case_versions"].append(dict(case_id=case_id, version=upload.version, content=content,
                                                  content_sha256=upload.content_sha256, at=now))
                for change in upload.changes:
                    body = canonical_json(change.model_dump(mode="json"))
                    rows["changes"].append(dict(
                        uid=change.uid, case_id=case_id, station_id=station_id, batch_uid=batch.uid,
                        base_version=change.base_version, station_at=change.at, received_at=now,
                        username=change.username, action=change.action, body=body.decode(),
                        body_sha256=content_sha256(change.model_dump(mode="json")),
                    ))
            answer = protocol.BatchAnswer(
                batch_uid=batch.uid,
                cases=[protocol.CaseAnswer(case_uid=u.case_uid, status="accepted", version=u.version,
                                           content_sha256=u.content_sha256) for u in batch.cases],
                changes=[protocol.ChangeAnswer(uid=c.uid, status="accepted") for u in batch.cases for c in u.changes],
            )
            rows["batches"].append(dict(uid=batch.uid, station_id=station_id, body_sha256="0" * 64,
                                        answer=answer.model_dump_json(), received_at=now))
    return rows


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


def hub_benchmark(folder: Path, stations: int, changes: int, seed: int) -> HubResult:
    synthetic = [synthetic_station(n, changes, seed) for n in range(stations)]
    rows = hub_rows(synthetic, datetime.now(timezone.utc))
    bulk = []
    with fresh_database("bench_bulk") as db_url:
        bulk.append(bulk_insert(db_url, rows))
    with fresh_database("bench_hub") as db_url, hub_process(db_url, folder) as url:
        enrol(db_url, url, synthetic)
        with lock_waits(db_url) as waits:
            ours = sync_at_once(url, synthetic, seed)
        check = check_hub(db_url, url, synthetic, ours)
    with fresh_database("bench_bulk") as db_url:
        bulk.append(bulk_insert(db_url, rows))
    return HubResult(stations, sum(s.changes for s in synthetic), ours, bulk, check, waits, server_version())
