"""Syncing through a link that fails in every way we know of. After the next complete sync the
hub holds each change exactly once and both sides verify equal, whatever happened before."""

import json
import os
import socket
import subprocess
import sys
import textwrap
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli_sync import enroll
from app.models.history import HistoryEntry
from app.services.editing import edit_case
from app.sync.client import HubError
from app.sync.engine import held_cases
from bureau.db import make_hub_engine, session_factory
from bureau.enrolment import add_station
from bureau.models import Case as HubCase
from bureau.models import Change
from tests.services.factories import register_complaint
from tests.sync.conftest import run, station_code
from tests.sync.fault_proxy import (
    CUT_AFTER,
    DELAY,
    FAULTS,
    PASS,
    FaultProxy,
    LinkShape,
    random_faults,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def station(store, head, hub, proxy, capsys):
    enroll(store, proxy.url, station_code(hub, "西湖景区消费维权服务站"))
    capsys.readouterr()
    for n in range(6):
        case_id = register_complaint(store, head, request=f"退货退款第{'一二三四五六'[n]}件")
        if n % 2:
            edit_case(store, head, case_id, {"facts": "补充：有购物小票"})
    return store


def assert_exactly_once_and_equal(store, hub_engine) -> None:
    with store.reading() as session:
        local_changes = session.scalar(select(func.count()).select_from(HistoryEntry))
        local = {c.case_uid: (c.version, c.content_sha256) for c in held_cases(session)}
    with session_factory(hub_engine)() as session:
        hub_changes = session.scalar(select(func.count()).select_from(Change))
        distinct = session.scalar(select(func.count(func.distinct(Change.uid))))
        held = {c.uid: (c.version, c.content_sha256) for c in session.scalars(select(HubCase))}
    assert hub_changes == distinct == local_changes
    assert held == local


def sync_until_verified(store, attempts: int = 6):
    """What a station does: sync again until one verifies. Returns the reports."""
    reports = []
    for _ in range(attempts):
        try:
            report = run(store)
        except HubError as exc:
            reports.append(exc)
            continue
        reports.append(report)
        if report.verified:
            return reports
    pytest.fail(f"no sync verified after {attempts} tries: {reports}")


@pytest.mark.parametrize("fault", FAULTS)
def test_one_fault_on_the_batch_upload(station, hub, proxy, fault):
    struck = []

    def on_first_batch(line: str) -> str:
        if line.startswith("POST /v1/batches") and not struck:
            struck.append(line)
            return fault
        return PASS

    proxy.choose = on_first_batch
    sync_until_verified(station)
    assert struck, "the fault was never applied"
    assert_exactly_once_and_equal(station, hub.engine)


def test_an_answer_lost_after_the_hub_committed_is_not_applied_twice(station, hub, proxy):
    cuts = iter([CUT_AFTER] * 3)
    proxy.choose = lambda line: next(cuts, PASS) if line.startswith("POST /v1/batches") else PASS
    sync_until_verified(station)
    assert [action for line, action in proxy.log if line.startswith("POST /v1/batches")][:3] == [CUT_AFTER] * 3
    assert_exactly_once_and_equal(station, hub.engine)


@pytest.mark.parametrize("seed", range(12))
def test_randomised_fault_schedules(station, hub, proxy, head, seed):
    proxy.choose = random_faults(seed, rate=0.35)
    try:
        run(station)  # may fail; what it got through must still be exactly once
    except HubError:
        pass
    register_complaint(station, head, request="同步中途新登记的案件")
    proxy.choose = random_faults(seed + 1000, rate=0.35)
    sync_until_verified(station, attempts=10)
    assert_exactly_once_and_equal(station, hub.engine)


def test_a_weak_mobile_link_with_cuts(station, hub, proxy):
    proxy.shape = LinkShape(bytes_per_second=2_000_000, rtt_seconds=0.01, cut_every=20_000)
    sync_until_verified(station, attempts=10)
    assert_exactly_once_and_equal(station, hub.engine)


def test_the_hub_refuses_a_duplicated_request_without_doubling_anything(station, hub, proxy):
    proxy.choose = lambda line: "duplicate" if line.startswith("POST /v1/batches") else PASS
    sync_until_verified(station)
    assert_exactly_once_and_equal(station, hub.engine)


@pytest.mark.slow
def test_the_station_killed_mid_sync_finishes_on_the_next_run(station, hub, proxy, memory_keyring):
    """A sync in a child process, killed while the hub is answering slowly; then a normal sync."""
    uploading = threading.Event()

    def slow_batches(line: str) -> str:
        if line.startswith("POST /v1/batches"):
            uploading.set()
            return DELAY
        return PASS

    proxy.choose = slow_batches
    secrets = json.dumps(list(memory_keyring.secrets.items()))
    script = textwrap.dedent(
        f"""
        import json, keyring, sys
        from tests.helpers.memory_keyring import MemoryKeyring
        backend = MemoryKeyring()
        backend.secrets.update({{tuple(entry): value for entry, value in json.loads({secrets!r})}})
        keyring.set_keyring(backend)
        from app.cli_sync import sync
        from app.models.store import open_store
        from app.paths import StationPaths
        store = open_store(StationPaths({str(station.paths.data_dir)!r}), daily_check=False)
        sys.exit(sync(store))
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, env=os.environ | {"PYTHONUNBUFFERED": "1"})
    assert uploading.wait(timeout=60), child.stdout.read().decode()
    child.kill()
    child.wait(timeout=10)
    child.stdout.close()
    proxy.choose = lambda line: PASS
    sync_until_verified(station)
    assert_exactly_once_and_equal(station, hub.engine)


def test_nothing_pending_is_lost_when_the_hub_is_unreachable(station, hub, proxy):
    proxy.close()  # the link is down for the whole sync
    with pytest.raises(HubError):
        run(station)
    with station.reading() as session:
        assert session.scalar(select(func.count()).select_from(HistoryEntry)) == 9


class HubProcess:
    """The hub as its own process (`python -m bureau serve`), so it can be killed outright."""

    def __init__(self, db_url: str, files: Path, port: int):
        self.args = [sys.executable, "-m", "bureau", "serve", "--db", db_url, "--port", str(port),
                     "--files", str(files)]
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(self.args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        env=os.environ | {"PYTHONUNBUFFERED": "1"})
        for line in self.process.stdout:
            if b"Application startup complete" in line or b"Uvicorn running" in line:
                # Keep reading its log, or a full pipe would stop the hub mid-test.
                self.drain = threading.Thread(target=self._drain, args=(self.process.stdout,), daemon=True)
                self.drain.start()
                return
        raise RuntimeError("the hub process did not start")

    @staticmethod
    def _drain(log) -> None:
        with log:
            log.read()

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)
        self.drain.join(timeout=10)


@pytest.mark.slow
def test_the_hub_killed_mid_batch_and_restarted(store, head, hub_db_url, tmp_path, capsys):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    hub_process = HubProcess(hub_db_url, tmp_path / "hub-files", port)
    hub_process.start()
    proxy = FaultProxy(("127.0.0.1", port))
    try:
        engine = make_hub_engine(hub_db_url)
        with session_factory(engine).begin() as session:
            code = add_station(session, "西湖景区消费维权服务站", datetime.now(timezone.utc))
        enroll(store, proxy.url, code)
        capsys.readouterr()
        for n in range(8):
            register_complaint(store, head, request=f"退款第{'一二三四五六七八'[n]}件")
        killed = threading.Event()

        def kill_on_first_batch(line: str) -> str:
            if line.startswith("POST /v1/batches") and not killed.is_set():
                # The batch goes on to the hub, which dies while handling it or just after.
                threading.Timer(0.02, hub_process.kill).start()
                killed.set()
            return PASS

        proxy.choose = kill_on_first_batch
        with pytest.raises(HubError):
            run(store)  # every retry finds the hub down
        assert killed.is_set()
        hub_process.start()
        sync_until_verified(store)
        assert_exactly_once_and_equal(store, engine)
        engine.dispose()
    finally:
        proxy.close()
        if hub_process.process.poll() is None:
            hub_process.kill()
