"""When to try a request again: exponential backoff with full jitter and a cap, the hub's
Retry-After where it gives one, and a clean stop when the user cancels."""

import random
import threading
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone


class SyncCancelled(Exception):
    """The user cancelled; whatever the hub confirmed so far stays confirmed."""


@dataclass
class RetryPolicy:
    base_seconds: float = 1.0
    cap_seconds: float = 60.0
    attempts: int = 8
    cancel: threading.Event = field(default_factory=threading.Event)
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before attempt ``attempt + 1`` (attempt counts from 0)."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.cap_seconds)
        return self.rng.uniform(0, min(self.cap_seconds, self.base_seconds * 2**attempt))

    def wait(self, seconds: float) -> None:
        """Sleep, but wake at once on cancel."""
        if self.cancel.wait(seconds):
            raise SyncCancelled()

    def check(self) -> None:
        if self.cancel.is_set():
            raise SyncCancelled()


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: either a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    now = now or datetime.now(timezone.utc)
    return max((when - now).total_seconds(), 0.0)
