"""One sync at a time per station, against a real hub: a second sync while one runs (another
thread, or another process such as a scheduled `mediation-desk sync`) ends at once having changed
nothing; the lock goes with the sync however it ends, and a killed holder leaves nothing stuck."""

import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli_sync import connect, enroll
from app.models.sync_state import OutgoingBatch, SyncReceipt
from app.sync.client import HubClient, HubError
from app.sync.engine import run_sync
from app.sync.retry import SyncCancelled
from app.sync.sync_lock import SyncAlreadyRunning
from bureau.db import session_factory
from bureau.models import Change
from tests.services.factories import register_complaint
from tests.sync.conftest import quick_policy, run, station_code
from tests.sync.fault_proxy import PASS

ROOT = Path(__file__).resolve().parents[2]
ANOTHER_SYNC = "另一个同步正在进行"


@pytest.fixture
def station(store, head, hub, capsys):
    enroll(store, hub.url, station_code(hub, "西湖景区消费维权服务站"))
    capsys.readouterr()
    register_complaint(store, head)
    register_complaint(store, head, request="换货")
    return store


def hub_change_count(hub) -> int:
    with session_factory(hub.engine)() as session:
        return session.scalar(select(func.count()).select_from(Change))


def station_state(store) -> tuple[int, int, list[str]]:
    """Receipts, kept batches and backups before a sync: what a sync that ran would have changed
    here (the command's own daily backup, made when it opens the store, is not the sync's)."""
    with store.reading() as session:
        receipts = session.scalar(select(func.count()).select_from(SyncReceipt))
        kept = session.scalar(select(func.count()).select_from(OutgoingBatch))
    return receipts, kept, sorted(path.name for path in store.paths.backups.glob("before-sync*"))


def drive(steps):
    while True:
        try:
            next(steps)
        except StopIteration as finished:
            return finished.value


def child_env(memory_keyring) -> str:
    """Python that gives a child process this test's keyring (the store key and the hub secret)."""
    secrets = json.dumps(list(memory_keyring.secrets.items()))
    return textwrap.dedent(
        f"""
        import json, keyring, sys
        from tests.helpers.memory_keyring import MemoryKeyring
        backend = MemoryKeyring()
        backend.secrets.update({{tuple(entry): value for entry, value in json.loads({secrets!r})}})
        keyring.set_keyring(backend)
        """
    )


def test_a_second_sync_in_another_thread_ends_at_once_and_changes_nothing(station, hub):
    with connect(station) as client:
        client.policy = quick_policy()
        first = run_sync(station, client)
        next(first)  # backed up: the first sync holds the lock from here
        before = station_state(station)
        refused = []

        def second_sync():
            try:
                run(station)
            except SyncAlreadyRunning as exc:
                refused.append(str(exc))

        other = threading.Thread(target=second_sync)
        other.start()
        other.join(timeout=60)
        assert refused and ANOTHER_SYNC in refused[0]
        assert station_state(station) == before  # no backup, no batch, no receipt
        assert hub_change_count(hub) == 0
        report = drive(first)
    assert report.verified, report.problems
    assert (report.sent, hub_change_count(hub)) == (2, 2)
    assert run(station).verified  # the lock went with the first sync


def test_the_command_in_another_process_exits_2_while_the_desk_syncs(station, hub, memory_keyring):
    with connect(station) as client:
        client.policy = quick_policy()
        desk_sync = run_sync(station, client)
        next(desk_sync)
        before = station_state(station)
        script = child_env(memory_keyring) + textwrap.dedent(
            f"""
            from app.cli import main
            sys.exit(main(["sync", "--data-dir", {str(station.paths.data_dir)!r}]))
            """
        )
        scheduled = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                                   timeout=120, env=os.environ | {"PYTHONUNBUFFERED": "1"})
        assert scheduled.returncode == 2, scheduled.stdout + scheduled.stderr
        assert ANOTHER_SYNC in scheduled.stderr
        assert station_state(station) == before
        assert hub_change_count(hub) == 0
        assert drive(desk_sync).verified


def test_a_cancelled_sync_lets_the_next_one_run(station, hub):
    with connect(station) as client:
        client.policy = quick_policy()
        steps = run_sync(station, client)
        next(steps)
        client.policy.cancel.set()
        with pytest.raises(SyncCancelled):
            drive(steps)
    assert run(station).verified


def test_a_sync_that_failed_lets_the_next_one_run(station, hub):
    with HubClient("http://127.0.0.1:9", station_uid=station.station_uid, secret=b"x" * 32,
                   policy=quick_policy(attempts=2)) as unreachable:
        with pytest.raises(HubError):
            drive(run_sync(station, unreachable))
    assert run(station).verified


def test_a_sync_process_killed_while_holding_the_lock_leaves_nothing_stuck(store, head, hub, proxy, memory_keyring,
                                                                          capsys):
    """A scheduled sync in a child process, stuck on its batch upload: a sync here is refused
    while it runs; once it is killed, the next sync runs and the hub holds each change once."""
    enroll(store, proxy.url, station_code(hub, "西湖景区消费维权服务站"))
    capsys.readouterr()
    register_complaint(store, head)
    register_complaint(store, head, request="换货")
    station = store
    uploading, let_go = threading.Event(), threading.Event()

    def hold_batches(line: str) -> str:
        if line.startswith("POST /v1/batches") and not let_go.is_set():
            uploading.set()
            let_go.wait(timeout=60)
        return PASS

    proxy.choose = hold_batches
    script = child_env(memory_keyring) + textwrap.dedent(
        f"""
        from app.cli_sync import sync
        from app.models.store import open_store
        from app.paths import StationPaths
        store = open_store(StationPaths({str(station.paths.data_dir)!r}), daily_check=False)
        sys.exit(sync(store))
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, env=os.environ | {"PYTHONUNBUFFERED": "1"})
    try:
        assert uploading.wait(timeout=60), "the child's sync never reached its upload"
        with pytest.raises(SyncAlreadyRunning, match=ANOTHER_SYNC):
            run(station)
    finally:
        child.kill()
        child.wait(timeout=10)
        child.stdout.close()
        let_go.set()
    report = run(station)
    assert report.verified, report.problems
    with station.reading() as session:
        local_changes = session.scalar(select(func.count()).select_from(SyncReceipt))
    assert hub_change_count(hub) == local_changes == 2
