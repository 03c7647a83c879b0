"""Time as the station sees it: stored in UTC, shown and counted in Asia/Shanghai.

Deadlines count calendar dates in China, so a case received at 00:30 Beijing time belongs to
that Beijing date even though it is the previous day in UTC.
"""

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")


def now() -> datetime:
    return datetime.now(timezone.utc)


def local_date(moment: datetime) -> date:
    """The date in China of an aware moment."""
    return moment.astimezone(CHINA).date()


def today() -> date:
    return local_date(now())


def format_local(moment: datetime) -> str:
    """``2026-11-28 17:05`` in Beijing time, for screens and lists."""
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")
