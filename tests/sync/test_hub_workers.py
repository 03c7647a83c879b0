"""The hub as deployed on a bigger machine: `mediation-bureau serve --workers 2` on PostgreSQL, two
processes behind one port. Whatever the processes share must live in the database or the files
folder: stations syncing at once, whose requests land on either process, get every change kept
once, every attachment whole, and a verification that matches; a request replayed to the hub is
refused whichever process sees it."""

import hashlib
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select, text

from app.cli_sync import enroll
from app.models.history import HistoryEntry
from app.models.store import create_store
from app.paths import StationPaths
from app.services import accounts
from app.services.attachments import add_attachment
from app.services.editing import edit_case
from app.services.station import StationSetup, set_up_station
from app.sync import signing
from app.sync.client import HubClient
from app.sync.engine import held_cases
from bureau.app_factory import APPLICATION_NAME
from bureau.db import make_hub_engine, session_factory
from bureau.enrolment import add_station
from bureau.models import Attachment
from bureau.models import Case as HubCase
from bureau.models import Change
from tests.conftest import HEAD_PASSWORD
from tests.helpers.hub_db import PG_UNREACHABLE
from tests.services.factories import register_complaint
from tests.sync.conftest import quick_policy, run

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 2
STATIONS = ["西湖服务站", "灵隐服务站", "河坊街服务站", "滨江服务站"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(PG_UNREACHABLE is not None, reason=str(PG_UNREACHABLE)),
    # The PostgreSQL half of hub_db_url only: several workers on SQLite are refused (tests/bureau).
    pytest.mark.parametrize("hub_db_url", ["postgresql"], indirect=True),
]


@dataclass
class WorkersHub:
    url: str
    db_url: str
    files: Path
    process: subprocess.Popen
    log: list[str] = field(default_factory=list)

    def worker_pids(self) -> set[str]:
        return {m.group(1) for line in self.log if (m := re.search(r"Started server process \[(\d+)\]", line))}


@pytest.fixture
def workers_hub(hub_db_url, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    files = tmp_path / "hub-files"
    process = subprocess.Popen(
        [sys.executable, "-m", "bureau", "serve", "--db", hub_db_url, "--port", str(port), "--files", str(files),
         "--workers", str(WORKERS)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, encoding="utf-8", errors="replace",
        env=os.environ | {"PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8"},
    )
    hub = WorkersHub(f"http://127.0.0.1:{port}", hub_db_url, files, process)
    drain = threading.Thread(target=lambda: hub.log.extend(process.stdout), daemon=True)
    try:
        started = 0
        for line in process.stdout:
            hub.log.append(line)
            started += "Application startup complete" in line
            if started == WORKERS:
                break
        else:
            pytest.fail("the hub did not start its workers:\n" + "".join(hub.log))
        drain.start()  # keep reading its log, or a full pipe would stop the hub mid-test
        yield hub
    finally:
        process.terminate()  # the parent stops its workers on SIGTERM
        process.wait(timeout=30)
        if drain.is_alive():
            drain.join(timeout=10)
        process.stdout.close()


def new_station(tmp_path: Path, hub: WorkersHub, name: str, n: int):
    """A station with its day's work: cases, edits and a photo of several chunks, enrolled."""
    store, _code = create_store(StationPaths(tmp_path / f"station-{n}"))
    set_up_station(store, StationSetup(name, "scenic_station", "杭州市西湖区市场监督管理局", f"西市监{n}"),
                   head_username="head", head_name="王建国", head_password=HEAD_PASSWORD)
    head = accounts.authenticate(store, "head", HEAD_PASSWORD)
    case_ids = [register_complaint(store, head, request=f"{name}退款第{k + 1}件") for k in range(12)]
    for case_id in case_ids[::3]:
        edit_case(store, head, case_id, {"facts": "补充：有购物小票"})
    photo = tmp_path / f"现场照片{n}.jpg"
    photo.write_bytes(random.Random(n).randbytes(700_000))  # three chunks: they may reach either worker
    add_attachment(store, head, case_ids[0], photo)
    engine = make_hub_engine(hub.db_url)
    with session_factory(engine).begin() as session:
        code = add_station(session, name, datetime.now(timezone.utc))
    engine.dispose()
    enroll(store, hub.url, code)
    return store, hashlib.sha256(photo.read_bytes()).hexdigest()


def test_stations_syncing_at_once_through_two_workers_keep_every_change_once(workers_hub, tmp_path, capsys):
    assert len(workers_hub.worker_pids()) == WORKERS
    stations = [new_station(tmp_path, workers_hub, name, n) for n, name in enumerate(STATIONS)]
    capsys.readouterr()
    start = threading.Barrier(len(stations))
    reports, failures = {}, []

    def sync(n: int, store) -> None:
        try:
            start.wait()
            reports[n] = run(store)
        except Exception as exc:  # the test fails on it below, with every station's outcome
            failures.append(exc)

    threads = [threading.Thread(target=sync, args=(n, store)) for n, (store, _) in enumerate(stations)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not failures, failures
    assert all(reports[n].verified for n in range(len(stations))), reports

    local_changes, local_cases = 0, {}
    for store, _ in stations:
        with store.reading() as session:
            local_changes += session.scalar(select(func.count()).select_from(HistoryEntry))
            local_cases |= {c.case_uid: (c.version, c.content_sha256) for c in held_cases(session)}
        store.close()
    engine = make_hub_engine(workers_hub.db_url)
    try:
        with session_factory(engine)() as session:
            hub_changes = session.scalar(select(func.count()).select_from(Change))
            distinct = session.scalar(select(func.count(func.distinct(Change.uid))))
            hub_cases = {c.uid: (c.version, c.content_sha256) for c in session.scalars(select(HubCase))}
            files = list(session.execute(select(Attachment.sha256, Attachment.complete)))
            # Each worker names its connections after itself (bureau/app_factory.py).
            served_by = set(session.scalars(text(
                "SELECT DISTINCT application_name FROM pg_stat_activity"
                " WHERE datname = current_database() AND application_name LIKE :prefix"
            ), {"prefix": f"{APPLICATION_NAME} %"}))
    finally:
        engine.dispose()
    assert served_by == {f"{APPLICATION_NAME} {pid}" for pid in workers_hub.worker_pids()}  # both did work
    assert hub_changes == distinct == local_changes
    assert hub_cases == local_cases
    assert sorted(files) == sorted((sha256, True) for _, sha256 in stations)
    for _, sha256 in stations:
        kept = workers_hub.files / sha256[:2] / sha256
        assert hashlib.sha256(kept.read_bytes()).hexdigest() == sha256
    assert not list((workers_hub.files / "partial").iterdir())
    assert "Traceback" not in "".join(workers_hub.log)


def test_a_replayed_request_is_refused_whichever_worker_gets_it(workers_hub):
    engine = make_hub_engine(workers_hub.db_url)
    with session_factory(engine).begin() as session:
        code = add_station(session, "西湖服务站", datetime.now(timezone.utc))
    engine.dispose()
    with HubClient(workers_hub.url, station_uid=str(uuid.uuid4()), policy=quick_policy()) as station:
        station.secret = bytes.fromhex(station.enrol(code, "西湖服务站").secret)
    # Each request and its replay on connections of their own, so over several pairs some replays
    # reach the other worker: a nonce kept in one process's memory would let those through.
    for _ in range(8):
        headers = signing.sign(station.secret, "GET", "/v1/feed?after=0", station.station_uid,
                               int(time.time()), b"").as_dict()
        first = httpx.get(f"{workers_hub.url}/v1/feed?after=0", headers=headers)
        again = httpx.get(f"{workers_hub.url}/v1/feed?after=0", headers=headers)
        assert first.status_code == 200, first.text
        assert again.status_code == 401 and "重放" in again.json()["detail"]
