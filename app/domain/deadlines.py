"""Statutory time limits (期限) of the complaint and report procedure, counted by Art. 45.

Every count uses the active work calendar: the shipped official years, plus whatever official
years the store installed at open (``set_active_calendar``). A deadline whose count touches a
year without an official schedule is marked provisional (暂定), never silently exact.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from app.domain.calendar import ONE_DAY, WorkCalendar
from app.domain.errors import ValidationError
from app.domain.rules import Rule

ACCEPTANCE_WORKING_DAYS = 7
MEDIATION_CALENDAR_DAYS = 60  # order 121
MEDIATION_WORKING_DAYS_ORDER_20 = 45
TERMINATION_NOTICE_WORKING_DAYS = 7
REPORT_CHECK_WORKING_DAYS = 15
REPORT_CHECK_EXTENDED_WORKING_DAYS = 30

_active: WorkCalendar | None = None


def active_calendar() -> WorkCalendar:
    """The calendar deadlines are counted with; the shipped one until the store installs another."""
    if _active is None:
        return WorkCalendar.shipped()
    return _active


def set_active_calendar(cal: WorkCalendar) -> None:
    global _active
    _active = cal


def working_days_after(start: date, n: int) -> date:
    """The n-th working day after ``start`` on the active calendar (Art. 45)."""
    return active_calendar().working_days_after(start, n)


def calendar_days_after(start: date, n: int) -> date:
    """The end of an n-calendar-day period from ``start`` on the active calendar (Art. 45)."""
    return active_calendar().calendar_days_after(start, n)


class DeadlineState(str, Enum):
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    PAUSED = "paused"


@dataclass(frozen=True)
class Deadline:
    """One time limit of a case.

    Attributes:
        kind: ``"acceptance"``, ``"mediation"``, ``"termination_notice"`` or ``"report_check"``.
        label: the limit's name as the user sees it (``"受理决定期限"``).
        article: the article that sets it (``"第十五条"``).
        start: the day the count starts from (not itself counted).
        due: the last day of the limit (期间届满日).
        provisional: the count touched a year without an official holiday schedule.
        paused: the clock is stopped today (鉴定/检测 under way, or mediation suspended).
    """

    kind: str
    label: str
    article: str
    start: date
    due: date
    provisional: bool
    paused: bool = False

    def state(self, today: date, calendar: WorkCalendar | None = None) -> DeadlineState:
        """Due soon means the limit ends today or by the next working day."""
        if self.paused:
            return DeadlineState.PAUSED
        if today > self.due:
            return DeadlineState.OVERDUE
        cal = calendar or active_calendar()
        if self.due <= cal.working_days_after(today, 1):
            return DeadlineState.DUE_SOON
        return DeadlineState.ON_TIME


def acceptance_deadline(received: date, rule: Rule) -> Deadline:
    """受理决定期限: decide 受理 / 不予受理 within 7 working days of receipt.

    Order 121 Art. 15; order 20 Art. 14 sets the same limit.
    """
    article = "第十五条" if rule is Rule.ORDER_121 else "第十四条"
    return _working_day_deadline(
        "acceptance", "受理决定期限", article, received, ACCEPTANCE_WORKING_DAYS
    )


def mediation_deadline(
    accepted: date,
    rule: Rule,
    pauses: Sequence[tuple[date, date | None]],
    today: date,
) -> Deadline:
    """调解期限: when mediation without agreement must end (终止调解).

    Order 121 (Art. 23(5)): 60 calendar days from acceptance; order 20 (Art. 21(5)): 45
    working days. Time spent on 鉴定/检测 does not count (order 121 Art. 22, order 20 Art. 20),
    nor does the time mediation is suspended over a 回避 request.

    A pause ``(s, e)`` stops the clock on the days s … e-1: the day the result comes back
    counts again. ``e=None`` means the pause is still on, so it covers s … today and the
    deadline is ``paused``; its due date is then the earliest possible one, as if the clock
    restarted tomorrow. Overlapping pauses count each day once.

    The limit is the n-th day after acceptance counting only days off the clock, so a pause
    extends it by the paused days that fall on or before the running due date, and a pause
    that starts after the limit has run out changes nothing. Under order 121 the paused days
    are calendar days and Art. 45's holiday roll-over applies to the final day; under order 20
    only paused working days are skipped.
    """
    cal = active_calendar()
    paused_days = _paused_days(pauses, today)
    if rule is Rule.ORDER_121:
        skipped = _days_skipped(accepted, MEDIATION_CALENDAR_DAYS, paused_days, _every_day)
        due = cal.calendar_days_after(accepted, MEDIATION_CALENDAR_DAYS + skipped)
        article = "第二十三条第（五）项"
    else:
        limit = MEDIATION_WORKING_DAYS_ORDER_20
        skipped = _days_skipped(accepted, limit, paused_days, cal.is_workday)
        due = cal.working_days_after(accepted, limit + skipped)
        article = "第二十一条第（五）项"
    # An open pause that began after the limit ran out stops nothing: the case is overdue.
    ongoing = any(end is None and start <= due for start, end in pauses)
    return Deadline(
        "mediation",
        "调解期限",
        article,
        accepted,
        due,
        cal.provisional_between(accepted, due),
        paused=ongoing,
    )


def termination_notice_deadline(terminated: date, rule: Rule) -> Deadline:
    """终止调解告知期限: tell both parties within 7 working days of the decision.

    Order 121 Art. 23; order 20 Art. 21 sets the same limit.
    """
    article = "第二十三条" if rule is Rule.ORDER_121 else "第二十一条"
    return _working_day_deadline(
        "termination_notice", "终止调解告知期限", article, terminated, TERMINATION_NOTICE_WORKING_DAYS
    )


def report_check_deadline(received: date, extended: bool) -> Deadline:
    """举报核查期限: check a report and decide on 立案 within 15 working days, 30 if extended.

    Art. 35 sends reports to the administrative-penalty procedure rules, which set the limit
    and its 15-working-day extension with the head's approval.
    """
    days = REPORT_CHECK_EXTENDED_WORKING_DAYS if extended else REPORT_CHECK_WORKING_DAYS
    return _working_day_deadline("report_check", "举报核查期限", "第三十五条", received, days)


def _working_day_deadline(kind: str, label: str, article: str, start: date, n: int) -> Deadline:
    cal = active_calendar()
    due = cal.working_days_after(start, n)
    return Deadline(kind, label, article, start, due, cal.provisional_between(start, due))


def _paused_days(pauses: Sequence[tuple[date, date | None]], today: date) -> set[date]:
    days: set[date] = set()
    for start, end in pauses:
        if end is not None and end < start:
            raise ValidationError(
                "pauses", "鉴定检测或中止期间", f"结束日期{end}早于开始日期{start}"
            )
        stop = today + ONE_DAY if end is None else end
        d = start
        while d < stop:
            days.add(d)
            d += ONE_DAY
    return days


def _every_day(d: date) -> bool:
    return True


def _days_skipped(
    start: date, n: int, paused: set[date], counts: Callable[[date], bool]
) -> int:
    """How many countable days are paused before the n-th countable day off the clock."""
    skipped = 0
    counted = 0
    d = start
    while counted < n:
        d += ONE_DAY
        if not counts(d):
            continue
        if d in paused:
            skipped += 1
        else:
            counted += 1
    return skipped
