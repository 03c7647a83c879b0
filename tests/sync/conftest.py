"""Sync tests: a real hub over real HTTP on 127.0.0.1, on SQLite and on PostgreSQL."""

import uuid
from datetime import datetime, timezone

import pytest

from app.cli_sync import connect
from app.sync.client import HubClient
from app.sync.engine import SyncReport, run_sync
from app.sync.retry import RetryPolicy
from bureau.db import session_factory
from bureau.enrolment import add_station
from tests.helpers.hub_db import hub_db_url, hub_engine, pg_template  # noqa: F401
from tests.sync.fault_proxy import FaultProxy
from tests.sync.hub_server import start_hub


@pytest.fixture
def hub(hub_engine, tmp_path):
    running = start_hub(hub_engine, tmp_path / "hub-files")
    yield running
    running.stop()


@pytest.fixture
def proxy(hub):
    """The fault-injecting proxy in front of the hub; it passes everything until told otherwise."""
    host, port = hub.url.removeprefix("http://").split(":")
    running = FaultProxy((host, int(port)))
    yield running
    running.close()


def station_code(hub, name: str) -> str:
    """What `mediation-bureau station add` does: a registered station and its one-time code."""
    with session_factory(hub.engine).begin() as session:
        return add_station(session, name, datetime.now(timezone.utc))


def quick_policy(**overrides) -> RetryPolicy:
    """Retries without the real waits, so a test of many faults stays quick."""
    return RetryPolicy(base_seconds=0.01, cap_seconds=0.05, **overrides)


def run(store) -> SyncReport:
    """One whole sync of an enrolled station, as `mediation-desk sync` runs it, with quick retries."""
    with connect(store) as client:
        client.policy = quick_policy()
        steps = run_sync(store, client)
        while True:
            try:
                next(steps)
            except StopIteration as finished:
                return finished.value


@pytest.fixture
def enrolled(hub):
    """A client for a freshly enrolled station."""
    client = HubClient(hub.url, station_uid=str(uuid.uuid4()), policy=quick_policy())
    answer = client.enrol(station_code(hub, "西湖景区消费维权服务站"), "西湖景区消费维权服务站")
    client.secret = bytes.fromhex(answer.secret)
    yield client
    client.close()
