"""The work calendar and Art. 45 counting (order 121)."""

import json
from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.calendar import (
    WorkCalendar,
    YearSchedule,
    dump_calendar_file,
    parse_calendar_file,
    qingming,
)
from app.domain.errors import CalendarError

CAL = WorkCalendar.shipped()
D = date


def test_known_answers_from_the_domain_brief():
    # National Day 10/1-10/7, Saturday 10/10 is a make-up working day.
    assert CAL.working_days_after(D(2026, 9, 30), 7) == D(2026, 10, 15)
    # Labour Day 5/1-5/5, Saturday 5/9 is a make-up working day.
    assert CAL.working_days_after(D(2026, 4, 28), 7) == D(2026, 5, 11)


def test_spring_festival_2026_with_make_up_saturdays():
    assert CAL.holiday_name(D(2026, 2, 15)) == "春节"
    assert CAL.is_statutory_holiday(D(2026, 2, 23))
    assert not CAL.is_statutory_holiday(D(2026, 2, 24))
    assert CAL.is_workday(D(2026, 2, 14))  # Saturday, 调休上班
    assert CAL.is_workday(D(2026, 2, 28))  # Saturday, 调休上班
    assert not CAL.is_workday(D(2026, 2, 16))  # Monday inside the holiday
    assert CAL.working_days_after(D(2026, 2, 13), 1) == D(2026, 2, 14)
    assert CAL.working_days_after(D(2026, 2, 14), 1) == D(2026, 2, 24)
    assert CAL.working_days_after(D(2026, 2, 24), 4) == D(2026, 2, 28)


def test_labour_day_2026():
    for day in range(1, 6):
        assert CAL.holiday_name(D(2026, 5, day)) == "劳动节"
        assert not CAL.is_workday(D(2026, 5, day))
    assert CAL.is_workday(D(2026, 5, 9))
    assert not CAL.is_workday(D(2026, 5, 10))  # plain Sunday


def test_national_day_2026():
    assert CAL.is_workday(D(2026, 9, 20))  # Sunday, 调休上班
    assert CAL.is_workday(D(2026, 10, 10))  # Saturday, 调休上班
    assert [CAL.holiday_name(D(2026, 10, day)) for day in range(1, 9)] == ["国庆节"] * 7 + [None]
    assert CAL.working_days_after(D(2026, 9, 19), 1) == D(2026, 9, 20)


def test_start_day_is_not_counted():
    assert CAL.working_days_after(D(2026, 6, 1), 1) == D(2026, 6, 2)
    assert CAL.calendar_days_after(D(2026, 6, 1), 1) == D(2026, 6, 2)


def test_calendar_day_limit_inside_national_day_rolls_to_the_first_day_after():
    assert CAL.calendar_days_after(D(2026, 9, 1), 30) == D(2026, 10, 8)
    assert CAL.calendar_days_after(D(2026, 9, 3), 30) == D(2026, 10, 8)


def test_plain_weekend_does_not_move_a_calendar_day_limit():
    assert CAL.calendar_days_after(D(2026, 3, 1), 6) == D(2026, 3, 7)  # Saturday


def test_roll_over_may_land_on_a_weekend():
    # 2027 New Year's Day is a Friday; the first day after the holiday is Saturday.
    assert CAL.calendar_days_after(D(2026, 12, 2), 30) == D(2027, 1, 2)


def test_non_positive_counts_are_rejected():
    with pytest.raises(ValueError):
        CAL.working_days_after(D(2026, 6, 1), 0)
    with pytest.raises(ValueError):
        CAL.calendar_days_after(D(2026, 6, 1), 0)


def test_provisional_only_when_a_year_lacks_official_data():
    assert not CAL.provisional_between(D(2026, 1, 5), D(2026, 12, 31))
    assert CAL.provisional_between(D(2026, 12, 20), D(2027, 1, 10))
    assert CAL.official_years() == list(range(2004, 2027))
    assert not CAL.is_official(2027)


def test_spring_festival_2027_by_rule():
    schedule = CAL.schedule_for(2027)
    assert not schedule.official
    assert schedule.workdays == {}
    spring = sorted(d for d, name in schedule.holidays.items() if name == "春节")
    assert spring == [D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8)]


def test_provisional_2027_holidays():
    assert dict(CAL.schedule_for(2027).holidays) == {
        D(2027, 1, 1): "元旦",
        D(2027, 2, 5): "春节",
        D(2027, 2, 6): "春节",
        D(2027, 2, 7): "春节",
        D(2027, 2, 8): "春节",
        D(2027, 4, 5): "清明节",
        D(2027, 5, 1): "劳动节",
        D(2027, 5, 2): "劳动节",
        D(2027, 6, 9): "端午节",
        D(2027, 9, 15): "中秋节",
        D(2027, 10, 1): "国庆节",
        D(2027, 10, 2): "国庆节",
        D(2027, 10, 3): "国庆节",
    }
    # Without 调休 data weekends are rest days.
    assert not CAL.is_workday(D(2027, 2, 20))


def test_mid_autumn_on_national_day_keeps_both_names():
    assert CAL.holiday_name(D(2028, 10, 3)) == "中秋节、国庆节"


def test_qingming_formula_matches_chinese_calendar_solar_terms():
    for year in range(2004, 2100):
        terms = chinese_calendar.get_solar_terms(D(year, 4, 1), D(year, 4, 30))
        assert (qingming(year), "清明") in terms, year


def test_qingming_formula_falls_in_every_official_qingming_holiday():
    # Qingming has been a holiday since 2008; the period always contains the solar term.
    for year in range(2008, 2027):
        period = [d for d, name in CAL.schedule_for(year).holidays.items() if name == "清明节"]
        assert qingming(year) in period, year


def test_years_without_any_data_raise():
    with pytest.raises(CalendarError, match="2003年"):
        CAL.is_workday(D(2003, 12, 31))
    with pytest.raises(CalendarError, match="2100年"):
        CAL.schedule_for(2100)
    with pytest.raises(CalendarError, match="2100年"):
        CAL.calendar_days_after(D(2099, 12, 20), 20)
    with pytest.raises(CalendarError, match="2100年"):
        CAL.working_days_after(D(2099, 12, 28), 5)


YEAR_2027 = {
    "format": "mediation-desk-calendar/1",
    "year": 2027,
    "source": "国务院办公厅关于2027年部分节假日安排的通知",
    "holidays": [
        {"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"},
        {"name": "春节", "from": "2027-02-05", "to": "2027-02-12"},
    ],
    "workdays": [{"name": "春节", "date": "2027-02-20"}],
}


def test_imported_year_overrides_the_provisional_one():
    schedule = parse_calendar_file(json.dumps(YEAR_2027, ensure_ascii=False))
    cal = CAL.with_year(schedule)
    assert cal.is_official(2027)
    assert not CAL.is_official(2027)  # the shipped calendar is untouched
    assert cal.schedule_for(2027) is schedule
    assert cal.is_statutory_holiday(D(2027, 2, 12))
    assert not CAL.is_statutory_holiday(D(2027, 2, 12))
    assert cal.is_workday(D(2027, 2, 20))
    assert not cal.provisional_between(D(2026, 12, 20), D(2027, 1, 10))


def test_with_year_replaces_a_shipped_year():
    schedule = YearSchedule(2026, {D(2026, 6, 1): "儿童节"}, {}, "test", official=True)
    cal = CAL.with_year(schedule)
    assert cal.is_statutory_holiday(D(2026, 6, 1))
    assert not cal.is_statutory_holiday(D(2026, 10, 1))


def test_dump_parse_round_trip():
    for year in (2015, 2023, 2026):
        schedule = CAL.schedule_for(year)
        text = dump_calendar_file(schedule)
        assert parse_calendar_file(text) == schedule
        assert dump_calendar_file(parse_calendar_file(text)) == text


def test_dump_groups_days_into_periods():
    data = json.loads(dump_calendar_file(CAL.schedule_for(2026)))
    assert data["holidays"][1] == {"name": "春节", "from": "2026-02-15", "to": "2026-02-23"}
    assert data["workdays"][0] == {"name": "元旦", "date": "2026-01-04"}


def _with(**changes):
    data = json.loads(json.dumps(YEAR_2027))
    data.update(changes)
    return json.dumps(data, ensure_ascii=False)


def _without(key):
    data = dict(YEAR_2027)
    del data[key]
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "不是有效的JSON"),
        ("[]", "JSON对象"),
        (_without("year"), "缺少“year”"),
        (_without("holidays"), "缺少“holidays”"),
        (_with(format="other/2"), "格式“other/2”不受支持"),
        (_with(year="2027"), "“year”应为"),
        (_with(year=1999), "“year”应为"),
        (_with(source=" "), "“source”"),
        (_with(holidays={}), "“holidays”应为列表"),
        (_with(workdays=None), "“workdays”应为列表"),
        (_with(holidays=["元旦"]), "“holidays”第1项应为一个JSON对象"),
        (_with(holidays=[{"name": "元旦", "from": "2027-01-01"}]), "缺少“to”"),
        (_with(holidays=[{"name": "", "from": "2027-01-01", "to": "2027-01-01"}]), "名称"),
        (_with(holidays=[{"name": "元旦", "from": "2027/01/01", "to": "2027-01-01"}]), "YYYY-MM-DD"),
        (_with(holidays=[{"name": "元旦", "from": "2027-02-30", "to": "2027-03-01"}]), "不是有效的日期"),
        (_with(holidays=[{"name": "元旦", "from": "2026-12-31", "to": "2027-01-01"}]), "不在2027年内"),
        (_with(holidays=[{"name": "元旦", "from": "2027-01-03", "to": "2027-01-01"}]), "晚于结束日期"),
        (
            _with(
                holidays=[
                    {"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"},
                    {"name": "春节", "from": "2027-01-03", "to": "2027-01-04"},
                ]
            ),
            "2027-01-03重复出现",
        ),
        (_with(workdays=[{"name": "春节", "date": "2027-02-06"}]), "既列为放假"),
        (_with(workdays=[{"name": "春节", "date": "2027-02-15"}]), "星期一，本来就是工作日"),
        (_with(workdays=[{"name": "春节"}]), "缺少“date”"),
        (
            _with(workdays=[{"name": "春节", "date": "2027-02-20"}] * 2),
            "2027-02-20重复出现",
        ),
        (_with(workdays=[{"name": "春节", "date": "2028-02-19"}]), "不在2027年内"),
    ],
)
def test_parse_errors_name_the_problem(text, message):
    with pytest.raises(CalendarError, match=message):
        parse_calendar_file(text)


dates = st.dates(min_value=D(2004, 1, 1), max_value=D(2028, 12, 31))


@given(dates, st.integers(min_value=1, max_value=60))
def test_working_days_after_is_strictly_increasing_in_n(start, n):
    assert CAL.working_days_after(start, n) < CAL.working_days_after(start, n + 1)


@given(dates, st.integers(min_value=1, max_value=60), st.integers(min_value=1, max_value=30))
def test_working_days_after_is_monotone_in_start(start, n, later_by):
    later = start + timedelta(days=later_by)
    assert CAL.working_days_after(start, n) <= CAL.working_days_after(later, n)


@given(dates, st.integers(min_value=1, max_value=60))
def test_working_days_after_lands_on_a_working_day(start, n):
    assert CAL.is_workday(CAL.working_days_after(start, n))


@given(dates, st.integers(min_value=1, max_value=400))
def test_calendar_days_after_never_ends_on_a_statutory_holiday(start, n):
    due = CAL.calendar_days_after(start, n)
    assert due >= start + timedelta(days=n)
    assert not CAL.is_statutory_holiday(due)
