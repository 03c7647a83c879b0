"""The retry rule on its own: growing, jittered, capped waits; Retry-After honoured; cancel stops."""

import random
import threading
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

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
