"""The sync benchmarks (bench/bench_sync.py) at their smallest size: they run, and the verdict they
compute on what the hub ends up holding (nothing lost, nothing doubled) holds. Their timings are
not checked here; they belong to the benchmark's report."""

import random

import pytest
from sqlalchemy import func, select

from app.sync.client import HubClient, HubError
from bench.bench_sync import QUICK
from bench.sync_hub import hub_benchmark
from bench.sync_link import ExactlyOnce, link_benchmark
from bureau.db import session_factory
from bureau.models import Batch
from tests.helpers.hub_db import PG_UNREACHABLE
from tests.sync.conftest import quick_policy
from tests.sync.fault_proxy import FaultProxy, LinkShape
from tests.sync.test_hub_http import new_case_batch


def quick_cut_link(seed: int) -> LinkShape:
    """A fast link that still cuts now and then, so the smoke run goes through resumes too."""
    return LinkShape(bytes_per_second=5_000_000, rtt_seconds=0.005, cut_every=150_000, rng=random.Random(seed))


def test_a_days_batch_over_a_cut_link_arrives_exactly_once(tmp_path):
    day = QUICK.day
    result = link_benchmark(tmp_path, day, quick_cut_link, seed=3)
    assert result.check.ok, str(result.check)
    assert result.check.hub_changes == day.cases + day.photos  # each registered, each photo attached
    assert result.check.hub_files == day.photos
    assert result.payload.attachment_bytes == day.photos * day.photo_bytes


def test_the_verdict_fails_on_a_lost_or_doubled_change():
    sound = ExactlyOnce(verified=True, pending=0, local_changes=15, hub_changes=15, hub_distinct_changes=15,
                        local_files=3, hub_files=3, cases_equal=True)
    assert sound.ok
    assert not ExactlyOnce(**{**vars(sound), "hub_changes": 14, "hub_distinct_changes": 14}).ok
    assert not ExactlyOnce(**{**vars(sound), "hub_changes": 16}).ok
    assert not ExactlyOnce(**{**vars(sound), "pending": 1}).ok


@pytest.mark.skipif(PG_UNREACHABLE is not None, reason=str(PG_UNREACHABLE))
def test_stations_syncing_at_once_lose_and_double_nothing(tmp_path):
    result = hub_benchmark(tmp_path, QUICK.stations, QUICK.changes, seed=3)
    assert result.check.ok, str(result.check)
    assert result.check.changes == result.check.distinct_changes == QUICK.stations * QUICK.changes
    assert result.check.verified_stations == QUICK.stations


def test_a_request_cut_on_its_way_up_never_reaches_the_hub(hub, enrolled):
    """The shaped link carries the station's requests too: a cut there leaves the hub untouched."""
    host, port = hub.url.removeprefix("http://").split(":")
    always_cut = LinkShape(bytes_per_second=5_000_000, rtt_seconds=0.0, cut_every=1)
    proxy = FaultProxy((host, int(port)), shape=always_cut)
    station = HubClient(proxy.url, station_uid=enrolled.station_uid, secret=enrolled.secret,
                        policy=quick_policy(attempts=3))
    try:
        with pytest.raises(HubError, match="网络中断"):
            station.send_batch(new_case_batch())
    finally:
        station.close()
        proxy.close()
    assert proxy.cuts == len(proxy.log) == 3
    with session_factory(hub.engine)() as session:
        assert session.scalar(select(func.count()).select_from(Batch)) == 0
