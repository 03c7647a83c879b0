"""Benchmark 1 of ``bench_sync.py``: a station's day synced over a weak mobile link.

A real station store gets a day's work through the services (cases registered, photos attached
with ``add_attachment``), then syncs through the fault proxy in its shaping mode
(``tests/sync/fault_proxy.py``) with a real hub behind it, over real HTTP, with the station's
own retry policy. The baseline, in the same run, sends the same bytes through the same shaped
proxy with no protocol at all: one plain HTTP PUT per file to a server that throws the bytes
away, and after a cut the whole file again at once.

Definitions (the numbers printed):

- payload: the bytes of the attachments (their plain content) plus the uncompressed JSON of the
  cases' uploads, each ``CaseUpload`` (its changes and the snapshot they lead to) as the station
  serialises it, measured before the sync from the station's outbox;
- goodput: payload / (elapsed x capacity); elapsed is the whole ``run_sync`` (backup, clock,
  attachments, batches, feed, verification), capacity the link's rate one way;
- wire ratio: the bytes that crossed the station's side of the proxy, both ways, headers and
  everything resent after a cut included, divided by the payload.
"""

import random
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
from sqlalchemy import func, select

from app.domain import clock
from app.domain.vocabulary import Channel
from app.models.archive import Attachment
from app.models.history import HistoryEntry
from app.models.store import Store, create_store
from app.paths import StationPaths
from app.services import accounts
from app.services.attachments import add_attachment, read_stored_file
from app.services.drafts import CaseDraft, PartyDraft
from app.services.intake import register_case
from app.services.station import StationSetup, set_up_station
from app.sync.client import HubClient, HubError
from app.sync.engine import SyncReport, held_cases, run_sync
from app.sync.outbox import pending_cases, pending_count
from app.sync.retry import RetryPolicy
from bench.sync_stations import FACTS, GIVEN, SURNAMES
from bureau.db import make_hub_engine, session_factory, upgrade
from bureau.enrolment import add_station
from bureau.models import Attachment as HubAttachment
from bureau.models import Case as HubCase
from bureau.models import Change as HubChange
from tests.sync.fault_proxy import FaultProxy, LinkShape
from tests.sync.hub_server import RunningHub, start_hub

STATION = "西湖景区消费维权服务站"
HEAD_PASSWORD = "bench-head-pass"
SYNC_RUNS = 5  # a station whose sync fails syncs again; more failures than this is a result in itself
PUT_ATTEMPTS = 100  # the baseline's PUTs are sent again after a cut; this many cuts in a row is a broken link

SHOPS = ["湖滨玉器行", "龙井茶叶店", "河坊街特产店", "断桥民宿", "灵隐素斋馆", "西溪游船公司", "宋城演艺票务", "吴山珠宝店"]
REQUESTS = ["退货退款", "退还差价", "更换同款商品", "赔偿损失", "退还预付款", "赔礼道歉并退款"]


@dataclass(frozen=True)
class Day:
    cases: int
    photos: int
    photo_bytes: int


@dataclass(frozen=True)
class Payload:
    attachment_bytes: int
    json_bytes: int

    @property
    def total(self) -> int:
        return self.attachment_bytes + self.json_bytes


@dataclass
class LinkRun:
    elapsed: float
    wire_bytes: int
    cuts: int
    requests: Counter = field(default_factory=Counter)  # requests that reached the proxy, by kind
    waits: Counter = field(default_factory=Counter)  # seconds the station spent in requests of each kind
    runs: int = 1  # syncs started until one verified


@dataclass(frozen=True)
class ExactlyOnce:
    """What the hub holds against what the station holds, after the sync."""

    verified: bool  # the sync's own verdict (counts and digests compared by the hub)
    pending: int  # changes without a receipt
    local_changes: int
    hub_changes: int
    hub_distinct_changes: int
    local_files: int
    hub_files: int
    cases_equal: bool

    @property
    def ok(self) -> bool:
        return (self.verified and self.pending == 0 and self.cases_equal
                and self.local_changes == self.hub_changes == self.hub_distinct_changes
                and self.local_files == self.hub_files)

    def __str__(self) -> str:
        return (f"{'OK' if self.ok else 'FAILED'}: sync verified={self.verified}, pending={self.pending}, "
                f"changes station/hub/distinct at hub={self.local_changes}/{self.hub_changes}/"
                f"{self.hub_distinct_changes}, files station/hub={self.local_files}/{self.hub_files}, "
                f"cases equal on both sides={self.cases_equal}")


@dataclass
class LinkResult:
    day: Day
    shape: LinkShape
    payload: Payload
    ours: LinkRun
    baseline: LinkRun
    check: ExactlyOnce

    def goodput(self, run: LinkRun) -> float:
        return self.payload.total / (run.elapsed * self.shape.bytes_per_second)

    def wire_ratio(self, run: LinkRun) -> float:
        return run.wire_bytes / self.payload.total


# --- the station's day ------------------------------------------------------------------------


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def make_day(folder: Path, day: Day, seed: int) -> Store:
    """A new station with a day's work: cases registered, photos (random bytes) attached."""
    rng = random.Random(seed)
    store, _code = create_store(StationPaths(folder / "station"), demo=True)
    set_up_station(store, StationSetup(STATION, "scenic_station", "杭州市西湖区市场监督管理局", "西市监投"),
                   head_username="head", head_name="王建国", head_password=HEAD_PASSWORD)
    head = accounts.authenticate(store, "head", HEAD_PASSWORD)
    case_ids = []
    for n in range(day.cases):
        draft = CaseDraft(
            kind="complaint", channel=Channel.ON_SITE, received_at=clock.now() - timedelta(minutes=day.cases - n),
            complainants=[PartyDraft(name=_name(rng), phone=f"139{rng.randrange(10**8):08d}",
                                     address=f"杭州市西湖区北山街{rng.randrange(1, 200)}号")],
            respondent=PartyDraft(name=rng.choice(SHOPS), address="杭州市西湖区湖滨路5号"),
            request=rng.choice(REQUESTS), facts=rng.choice(FACTS) * rng.randint(1, 4),
            amount_involved=f"{rng.randrange(50, 20000)}.00",
        )
        (registered,) = register_case(store, head, draft)
        case_ids.append(registered.case_id)
    photos = folder / "photos"
    photos.mkdir()
    for n, case_id in enumerate(rng.sample(case_ids, day.photos)):
        photo = photos / f"现场照片{n + 1:02d}.jpg"
        photo.write_bytes(rng.randbytes(day.photo_bytes))
        add_attachment(store, head, case_id, photo)
    return store


def payload_of(store: Store) -> Payload:
    with store.reading() as session:
        json_bytes = sum(case.size for case in pending_cases(session))
        files = dict(session.execute(select(Attachment.sha256, Attachment.size)).all())  # each file once
    return Payload(sum(files.values()), json_bytes)


def files_of(store: Store) -> list[tuple[str, bytes]]:
    """The payload as files for the baseline: each attachment, and the uploads' JSON as one file."""
    with store.reading() as session:
        uploads = pending_cases(session)
        hashes = sorted(set(session.scalars(select(Attachment.sha256))))
    cases_json = b"".join(case.upload.model_dump_json().encode() for case in uploads)
    return [(sha256, read_stored_file(store, sha256)) for sha256 in hashes] + [("cases.json", cases_json)]


# --- ours: the sync through the shaped proxy -------------------------------------------------


def _kind(method: str, target: str) -> str:
    """``PUT /v1/attachments/{sha256}`` for the PUT of any one file, and so on."""
    return f"{method} {re.sub(r'/[0-9a-f]{64}$', '/{sha256}', target.split('?')[0])}"


def _requests(proxy: FaultProxy) -> Counter:
    return Counter(_kind(*line.split(" ")[:2]) for line, _action in proxy.log)


class TimedHubClient(HubClient):
    """The station's client, adding up the time spent in each kind of request (its retries and
    their back-off included), so the report can say where the time went."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.waits: Counter = Counter()

    def _send(self, method: str, target: str, *args, **kwargs) -> httpx.Response:
        started = time.perf_counter()
        try:
            return super()._send(method, target, *args, **kwargs)
        finally:
            self.waits[_kind(method, target)] += time.perf_counter() - started


def sync_over_link(store: Store, hub: RunningHub, shape: LinkShape, seed: int) -> tuple[LinkRun, SyncReport | None]:
    """Enrol the station, then sync through the shaped link until a sync verifies (as a station
    would run it again after a failure); the time of every run counts."""
    code = _station_code(hub)
    with HubClient(hub.url, station_uid=store.station_uid) as direct:
        secret = bytes.fromhex(direct.enrol(code, STATION).secret)
    proxy = FaultProxy(_address(hub.url), shape=shape)
    report = None
    try:
        client = TimedHubClient(proxy.url, station_uid=store.station_uid, secret=secret,
                                policy=RetryPolicy(rng=random.Random(seed)))
        started = time.perf_counter()
        runs = 0
        with client:
            while runs < SYNC_RUNS and not (report and report.verified):
                runs += 1
                try:
                    report = _to_the_end(run_sync(store, client))
                except HubError:
                    report = None
        elapsed = time.perf_counter() - started
    finally:
        proxy.close()
    return LinkRun(elapsed, proxy.wire_bytes, proxy.cuts, _requests(proxy), client.waits, runs), report


def _to_the_end(steps) -> SyncReport:
    while True:
        try:
            next(steps)
        except StopIteration as finished:
            return finished.value


def _station_code(hub: RunningHub) -> str:
    with session_factory(hub.engine).begin() as session:
        return add_station(session, STATION, clock.now())


def _address(url: str) -> tuple[str, int]:
    host, port = url.removeprefix("http://").split(":")
    return host, int(port)


def exactly_once(store: Store, hub: RunningHub, report: SyncReport | None) -> ExactlyOnce:
    with store.reading() as session:
        local_changes = session.scalar(
            select(func.count()).select_from(HistoryEntry).where(HistoryEntry.case_id.is_not(None))
        )
        local_files = session.scalar(select(func.count(func.distinct(Attachment.sha256))))
        pending = pending_count(session)
        local = {c.case_uid: (c.version, c.content_sha256) for c in held_cases(session)}
    with session_factory(hub.engine)() as session:
        hub_changes = session.scalar(select(func.count()).select_from(HubChange))
        distinct = session.scalar(select(func.count(func.distinct(HubChange.uid))))
        hub_files = session.scalar(select(func.count()).select_from(HubAttachment).where(HubAttachment.complete))
        held = {c.uid: (c.version, c.content_sha256) for c in session.scalars(select(HubCase))}
    return ExactlyOnce(bool(report and report.verified), pending, local_changes, hub_changes, distinct,
                       local_files, hub_files, held == local)


# --- the baseline: the same bytes as plain PUTs ----------------------------------------------


class _Sink(BaseHTTPRequestHandler):
    """Takes a PUT, reads its body and throws it away: no signature, no database, no disk."""

    protocol_version = "HTTP/1.1"  # keep-alive, as httpx uses the hub

    def do_PUT(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def put_over_link(files: list[tuple[str, bytes]], shape: LinkShape) -> LinkRun:
    """Each file in one plain PUT; after a cut, the whole file again at once (there is nothing to
    resume from and nobody to back off for)."""
    sink = ThreadingHTTPServer(("127.0.0.1", 0), _Sink)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    proxy = FaultProxy(("127.0.0.1", sink.server_address[1]), shape=shape)
    try:
        started = time.perf_counter()
        with httpx.Client(base_url=proxy.url, timeout=30.0) as client:
            for name, data in files:
                _put_whole(client, f"/v1/files/{name}", data)
        elapsed = time.perf_counter() - started
    finally:
        proxy.close()
        sink.shutdown()
        sink.server_close()
    return LinkRun(elapsed, proxy.wire_bytes, proxy.cuts, _requests(proxy))


def _put_whole(client: httpx.Client, target: str, data: bytes) -> None:
    for _attempt in range(PUT_ATTEMPTS):
        try:
            client.put(target, content=data).raise_for_status()
            return
        except httpx.TransportError:
            continue
    raise RuntimeError(f"PUT {target}: cut {PUT_ATTEMPTS} times in a row; is the link cut at every byte?")


# --- the benchmark ---------------------------------------------------------------------------


def link_benchmark(folder: Path, day: Day, shape_of, seed: int) -> LinkResult:
    """``shape_of(seed)`` gives a fresh link for each side, with the same seeded cuts."""
    store = make_day(folder, day, seed)
    hub_engine = make_hub_engine(f"sqlite:///{folder / 'hub.db'}")
    upgrade(hub_engine)
    hub = start_hub(hub_engine, folder / "hub-files")
    try:
        payload = payload_of(store)
        baseline = put_over_link(files_of(store), shape_of(seed))
        shape = shape_of(seed)
        ours, report = sync_over_link(store, hub, shape, seed)
        check = exactly_once(store, hub, report)
    finally:
        hub.stop()
        hub_engine.dispose()
        store.close()
    return LinkResult(day, shape, payload, ours, baseline, check)
