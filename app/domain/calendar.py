"""The work calendar (工作日历): which days are working days, which are statutory holidays.

Deadlines in the complaint rules are counted in working days (工作日) or calendar days (自然日)
under Art. 45 of SAMR order 121. Working days follow the State Council's yearly holiday
schedule (国务院办公厅关于部分节假日安排的通知), make-up working days (调休上班) included.

Three sources, in order of precedence:

- an official year imported from a calendar file (see ``docs/calendar-format.md``);
- the official years 2004–2026 shipped in the ``chinesecalendar`` package;
- for later years, a provisional schedule computed by the rule of 《全国年节及纪念日放假办法》
  (as amended for 2025 on). It knows the statutory holidays but not the bridging days and
  make-up working days, which are only known once the year's notice is out; a deadline that
  touches such a year is shown as provisional.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

import chinese_calendar
from lunardate import LunarDate

from app.domain.errors import CalendarError

ONE_DAY = timedelta(days=1)

# The amended 放假办法 took effect on 2025-01-01; lunardate stops at 2099.
RULE_FIRST_YEAR = 2025
RULE_LAST_YEAR = 2099

FILE_FORMAT = "mediation-desk-calendar/1"

_CHINESE_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",  # 2015-09-03, a one-off holiday
}

_WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class YearSchedule:
    """One year's holiday schedule (放假安排).

    Attributes:
        year: the year; every date below falls in it.
        holidays: every rest day inside an official holiday period (放假), weekends included,
            with the holiday's Chinese name.
        workdays: make-up working days (调休上班) that fall on a weekend, with the holiday name.
        source: where the schedule came from (package version or notice title).
        official: False for a schedule computed by rule (provisional, 暂定).
    """

    year: int
    holidays: Mapping[date, str]
    workdays: Mapping[date, str]
    source: str
    official: bool

    def __post_init__(self) -> None:
        # Read-only views so a schedule shared by every calendar cannot be changed in place.
        object.__setattr__(self, "holidays", MappingProxyType(dict(self.holidays)))
        object.__setattr__(self, "workdays", MappingProxyType(dict(self.workdays)))


class WorkCalendar:
    """An immutable set of year schedules, with Art. 45 counting."""

    def __init__(self, schedules: Mapping[int, YearSchedule] | None = None):
        self._schedules = MappingProxyType(dict(schedules or {}))

    @classmethod
    @functools.cache
    def shipped(cls) -> WorkCalendar:
        """The official years 2004–2026 from the ``chinesecalendar`` package (built once)."""
        source = f"chinesecalendar {chinese_calendar.__version__}"
        holidays: dict[int, dict[date, str]] = {}
        workdays: dict[int, dict[date, str]] = {}
        for d, name in chinese_calendar.holidays.items():
            holidays.setdefault(d.year, {})[d] = _CHINESE_NAMES[name]
        for d, name in chinese_calendar.workdays.items():
            workdays.setdefault(d.year, {})[d] = _CHINESE_NAMES[name]
        schedules = {}
        for year in sorted(holidays):
            schedules[year] = YearSchedule(
                year, holidays[year], workdays.get(year, {}), source, official=True
            )
        return cls(schedules)

    def with_year(self, schedule: YearSchedule) -> WorkCalendar:
        """A new calendar with ``schedule`` replacing whatever this one had for its year."""
        schedules = dict(self._schedules)
        schedules[schedule.year] = schedule
        return WorkCalendar(schedules)

    def official_years(self) -> list[int]:
        return sorted(year for year, s in self._schedules.items() if s.official)

    def is_official(self, year: int) -> bool:
        schedule = self._schedules.get(year)
        return schedule is not None and schedule.official

    def schedule_for(self, year: int) -> YearSchedule:
        """The year's schedule: the installed one, else one computed by rule (provisional)."""
        schedule = self._schedules.get(year)
        if schedule is not None:
            return schedule
        if RULE_FIRST_YEAR <= year <= RULE_LAST_YEAR:
            return provisional_schedule(year)
        raise CalendarError(
            f"{year}年没有工作日历：没有该年的官方放假安排，"
            f"也不在可按规则推算的{RULE_FIRST_YEAR}–{RULE_LAST_YEAR}年之内，无法计算期限。"
        )

    def is_workday(self, d: date) -> bool:
        """Monday to Friday outside the holiday periods, or a make-up working day (调休上班)."""
        schedule = self.schedule_for(d.year)
        if d in schedule.workdays:
            return True
        return d.weekday() < 5 and d not in schedule.holidays

    def is_statutory_holiday(self, d: date) -> bool:
        """True inside an official holiday period (法定节假日); an ordinary weekend is not."""
        return d in self.schedule_for(d.year).holidays

    def holiday_name(self, d: date) -> str | None:
        return self.schedule_for(d.year).holidays.get(d)

    def working_days_after(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (Art. 45: the start day is not counted).

        Make-up working days on weekends count; days inside a holiday period do not.
        """
        if n < 1:
            raise ValueError(f"工作日数应不少于1，收到{n}")
        d = start
        counted = 0
        while counted < n:
            d += ONE_DAY
            if self.is_workday(d):
                counted += 1
        return d

    def calendar_days_after(self, start: date, n: int) -> date:
        """The last day of an n-calendar-day period from ``start`` (Art. 45).

        The start day is not counted, so the period ends on ``start + n``. If that day is a
        statutory holiday (法定节假日) the period ends on the first day after the holiday
        period. We read 法定节假日 strictly: the days of an official holiday period
        (``holidays``, weekends inside it included). An ordinary weekend does not move the
        date, and the first day after the holiday may itself be a weekend.
        """
        if n < 1:
            raise ValueError(f"自然日数应不少于1，收到{n}")
        d = start + timedelta(days=n)
        while self.is_statutory_holiday(d):
            d += ONE_DAY
        return d

    def provisional_between(self, start: date, end: date) -> bool:
        """True when any year touched by [start, end] has no official schedule."""
        for year in range(start.year, end.year + 1):
            if not self.is_official(year):
                return True
        return False


def qingming(year: int) -> date:
    """The day of the Qingming solar term (清明) in Beijing time, for 2000–2099.

    The 寿星 formula [Y·D + C] − L with Y the last two digits of the year, D = 0.2422,
    C = 4.81 for the 21st century and L = Y // 4. It has no known exception in this century.
    """
    y = year % 100
    return date(year, 4, int(y * 0.2422 + 4.81) - y // 4)


@functools.cache
def provisional_schedule(year: int) -> YearSchedule:
    """The statutory holidays of ``year`` by rule (《全国年节及纪念日放假办法》, 2025 on).

    Bridging days and make-up working days are unknown until the State Council's notice,
    so there are no make-up working days and weekends stay rest days.
    """
    new_year = LunarDate(year, 1, 1).to_solar_date()
    days = [
        ("元旦", date(year, 1, 1)),
        ("春节", new_year - ONE_DAY),  # 除夕, lunar New Year's Eve
        ("春节", new_year),
        ("春节", new_year + ONE_DAY),
        ("春节", new_year + 2 * ONE_DAY),
        ("清明节", qingming(year)),
        ("劳动节", date(year, 5, 1)),
        ("劳动节", date(year, 5, 2)),
        ("端午节", LunarDate(year, 5, 5).to_solar_date()),
        ("中秋节", LunarDate(year, 8, 15).to_solar_date()),
        ("国庆节", date(year, 10, 1)),
        ("国庆节", date(year, 10, 2)),
        ("国庆节", date(year, 10, 3)),
    ]
    holidays: dict[date, str] = {}
    for name, d in days:
        # Mid-Autumn sometimes falls on 1-3 Oct (2028, 2031); the day rests either way.
        if d in holidays:
            holidays[d] = f"{holidays[d]}、{name}"
        else:
            holidays[d] = name
    source = "按《全国年节及纪念日放假办法》推算（未含调休安排）"
    return YearSchedule(year, holidays, {}, source, official=False)


def parse_calendar_file(text: str) -> YearSchedule:
    """Read an official year from a calendar file (format ``mediation-desk-calendar/1``).

    Raises CalendarError naming the first problem found.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise CalendarError(f"日历文件不是有效的JSON：第{e.lineno}行第{e.colno}列，{e.msg}") from e
    if not isinstance(data, dict):
        raise CalendarError("日历文件的内容应为一个JSON对象")
    for key in ("format", "year", "source", "holidays", "workdays"):
        if key not in data:
            raise CalendarError(f"日历文件缺少“{key}”项")
    if data["format"] != FILE_FORMAT:
        raise CalendarError(f"日历文件格式“{data['format']}”不受支持，应为“{FILE_FORMAT}”")
    year = data["year"]
    if type(year) is not int or not 2004 <= year <= RULE_LAST_YEAR:
        raise CalendarError(f"日历文件的“year”应为2004至{RULE_LAST_YEAR}之间的整数，收到{year!r}")
    source = data["source"]
    if not isinstance(source, str) or not source.strip():
        raise CalendarError("日历文件的“source”（放假安排的来源）不能为空")
    if not isinstance(data["holidays"], list):
        raise CalendarError("日历文件的“holidays”应为列表")
    if not isinstance(data["workdays"], list):
        raise CalendarError("日历文件的“workdays”应为列表")

    holidays: dict[date, str] = {}
    for i, entry in enumerate(data["holidays"], start=1):
        where = f"“holidays”第{i}项"
        name = _entry_name(entry, where, ("name", "from", "to"))
        first = _file_date(entry["from"], f"{where}（{name}）的“from”", year)
        last = _file_date(entry["to"], f"{where}（{name}）的“to”", year)
        if first > last:
            raise CalendarError(f"{where}（{name}）：开始日期{first}晚于结束日期{last}")
        d = first
        while d <= last:
            if d in holidays:
                raise CalendarError(f"{d}重复出现在放假安排中（{holidays[d]}、{name}）")
            holidays[d] = name
            d += ONE_DAY

    workdays: dict[date, str] = {}
    for i, entry in enumerate(data["workdays"], start=1):
        where = f"“workdays”第{i}项"
        name = _entry_name(entry, where, ("name", "date"))
        d = _file_date(entry["date"], f"{where}（{name}）的“date”", year)
        if d in workdays:
            raise CalendarError(f"调休上班日{d}重复出现")
        if d in holidays:
            raise CalendarError(f"{d}既列为放假（{holidays[d]}）又列为调休上班（{name}）")
        if d.weekday() < 5:
            raise CalendarError(
                f"调休上班日{d}是星期{_WEEKDAYS[d.weekday()]}，本来就是工作日；只应列出周末上班的日期"
            )
        workdays[d] = name
    return YearSchedule(year, holidays, workdays, source.strip(), official=True)


def dump_calendar_file(schedule: YearSchedule) -> str:
    """The calendar file for ``schedule``; stable output, holidays grouped into periods."""
    periods: list[dict[str, str]] = []
    previous: date | None = None
    for d in sorted(schedule.holidays):
        name = schedule.holidays[d]
        if previous is not None and d == previous + ONE_DAY and periods[-1]["name"] == name:
            periods[-1]["to"] = d.isoformat()
        else:
            periods.append({"name": name, "from": d.isoformat(), "to": d.isoformat()})
        previous = d
    workdays = [
        {"name": schedule.workdays[d], "date": d.isoformat()} for d in sorted(schedule.workdays)
    ]
    data = {
        "format": FILE_FORMAT,
        "year": schedule.year,
        "source": schedule.source,
        "holidays": periods,
        "workdays": workdays,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _entry_name(entry: object, where: str, keys: tuple[str, ...]) -> str:
    if not isinstance(entry, dict):
        raise CalendarError(f"{where}应为一个JSON对象")
    for key in keys:
        if key not in entry:
            raise CalendarError(f"{where}缺少“{key}”")
    name = entry["name"]
    if not isinstance(name, str) or not name.strip():
        raise CalendarError(f"{where}的节日名称“name”不能为空")
    return name.strip()


def _file_date(value: object, where: str, year: int) -> date:
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise CalendarError(f"{where}应为YYYY-MM-DD格式的日期，收到{value!r}")
    try:
        d = date.fromisoformat(value)
    except ValueError as e:
        raise CalendarError(f"{where}：{value}不是有效的日期") from e
    if d.year != year:
        # A schedule holds only its own year; a period that crosses the new year is split
        # and the other part goes in that year's file.
        raise CalendarError(f"{where}：{value}不在{year}年内；跨年的日期应写入所在年份的日历文件")
    return d
