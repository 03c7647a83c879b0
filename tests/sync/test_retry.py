"""The retry rule: growing, jittered, capped waits; Retry-After honoured; cancel stops; a dropped
connection retried at once."""

import random
import threading
import uuid
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest

from app.sync.client import HubClient
from app.sync.retry import RetryPolicy, SyncCancelled, retry_after_seconds


def test_waits_grow_with_full_jitter_up_to_the_cap():
    policy = RetryPolicy(base_seconds=1, cap_seconds=60, rng=random.Random(7))
    for attempt in range(10):
        ceiling = min(60, 2**attempt)
        delays = [policy.delay(attempt) for _ in range(200)]
        assert all(0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling * 0.8  # the whole range is used, not a fixed step
    assert len({round(policy.delay(3), 6) for _ in range(20)}) > 10  # two stations do not retry in step


def test_retry_after_is_honoured_but_capped():
    policy = RetryPolicy(cap_seconds=60)
    assert policy.delay(0, retry_after=12) == 12
    assert policy.delay(0, retry_after=3600) == 60


def test_retry_after_as_seconds_or_as_an_http_date():
    now = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
    assert retry_after_seconds("30") == 30
    assert retry_after_seconds(format_datetime(now + timedelta(seconds=45), usegmt=True), now) == 45
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_cancel_wakes_a_waiting_retry_at_once():
    cancel = threading.Event()
    policy = RetryPolicy(cancel=cancel)
    threading.Timer(0.05, cancel.set).start()
    with pytest.raises(SyncCancelled):
        policy.wait(30)  # would be 30 s; the cancel ends it
    with pytest.raises(SyncCancelled):
        policy.check()


class RecordedWaits(RetryPolicy):
    def __init__(self):
        super().__init__(rng=random.Random(7))
        self.waits = []

    def wait(self, seconds: float) -> None:
        self.waits.append(seconds)


def hub_failing_with(*failures: Exception) -> httpx.MockTransport:
    remaining = iter(failures)

    def answer(_request):
        failure = next(remaining, None)
        if failure is not None:
            raise failure
        return httpx.Response(200, json={"now": "2026-11-28T12:00:00+00:00", "protocol": 1})

    return httpx.MockTransport(answer)


def test_a_dropped_connection_is_retried_at_once_then_with_growing_waits():
    policy = RecordedWaits()
    cut = hub_failing_with(httpx.RemoteProtocolError("cut"), httpx.ReadError("reset"), httpx.ReadError("reset"))
    with HubClient("http://hub.test", station_uid=str(uuid.uuid4()), policy=policy, transport=cut) as client:
        client.hub_time()
    assert policy.waits[0] == 0
    assert all(wait > 0 for wait in policy.waits[1:]) and len(policy.waits) == 3


def test_a_timeout_waits_before_the_first_retry():
    policy = RecordedWaits()
    slow = hub_failing_with(httpx.ReadTimeout("the hub is slow"))
    with HubClient("http://hub.test", station_uid=str(uuid.uuid4()), policy=policy, transport=slow) as client:
        client.hub_time()
    assert len(policy.waits) == 1 and policy.waits[0] > 0
