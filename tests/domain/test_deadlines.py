"""Statutory limits of the complaint and report procedure."""

import json
from datetime import date

import pytest

from app.domain.calendar import WorkCalendar, parse_calendar_file
from app.domain.deadlines import (
    Deadline,
    DeadlineState,
    acceptance_deadline,
    active_calendar,
    calendar_days_after,
    mediation_deadline,
    report_check_deadline,
    set_active_calendar,
    termination_notice_deadline,
    working_days_after,
)
from app.domain.errors import ValidationError
from app.domain.rules import Rule

D = date


@pytest.fixture
def restore_calendar():
    previous = active_calendar()
    yield
    set_active_calendar(previous)


def test_module_functions_use_the_shipped_calendar_by_default():
    assert active_calendar() is WorkCalendar.shipped()
    assert working_days_after(D(2026, 9, 30), 7) == D(2026, 10, 15)
    assert calendar_days_after(D(2026, 9, 1), 30) == D(2026, 10, 8)


def test_installed_calendar_is_used_and_makes_2027_official(restore_calendar):
    year = {
        "format": "mediation-desk-calendar/1",
        "year": 2027,
        "source": "国务院办公厅关于2027年部分节假日安排的通知",
        "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}],
        "workdays": [],
    }
    set_active_calendar(WorkCalendar.shipped().with_year(parse_calendar_file(json.dumps(year))))
    # 2027-01-04 is Monday; by rule only 1 Jan rests, by the notice 1-3 Jan.
    assert working_days_after(D(2026, 12, 31), 1) == D(2027, 1, 4)
    deadline = acceptance_deadline(D(2026, 12, 28), Rule.ORDER_121)
    assert not deadline.provisional


def test_acceptance_deadline():
    deadline = acceptance_deadline(D(2026, 9, 30), Rule.ORDER_121)
    assert (deadline.kind, deadline.article, deadline.label) == ("acceptance", "第十五条", "受理决定期限")
    assert deadline.due == D(2026, 10, 15)
    assert not deadline.provisional
    assert not deadline.paused
    old = acceptance_deadline(D(2026, 4, 1), Rule.ORDER_20)
    assert (old.article, old.due) == ("第十四条", D(2026, 4, 13))  # Qingming 4/4-4/6


def test_acceptance_deadline_crossing_into_2027_is_provisional():
    deadline = acceptance_deadline(D(2026, 12, 28), Rule.ORDER_121)
    assert deadline.due == D(2027, 1, 7)  # 1 Jan by rule, then the weekend
    assert deadline.provisional


def test_termination_notice_deadline_cites_the_rule_of_the_case():
    deadline = termination_notice_deadline(D(2026, 4, 28), Rule.ORDER_121)
    assert (deadline.kind, deadline.article, deadline.due) == (
        "termination_notice",
        "第二十三条",
        D(2026, 5, 11),
    )
    assert termination_notice_deadline(D(2026, 4, 28), Rule.ORDER_20).article == "第二十一条"


def test_an_open_pause_begun_after_the_limit_ran_out_leaves_the_case_overdue():
    deadline = mediation_deadline(D(2026, 8, 3), Rule.ORDER_121, [(D(2026, 10, 20), None)], today=D(2026, 11, 28))
    assert deadline.due == D(2026, 10, 8)
    assert not deadline.paused
    assert deadline.state(D(2026, 11, 28)) is DeadlineState.OVERDUE


def test_report_check_deadline():
    plain = report_check_deadline(D(2026, 4, 28), extended=False)
    extended = report_check_deadline(D(2026, 4, 28), extended=True)
    assert (plain.kind, plain.article) == ("report_check", "第三十五条")
    assert plain.due == D(2026, 5, 21)
    assert extended.due == D(2026, 6, 11)


def test_mediation_60_calendar_days():
    deadline = mediation_deadline(D(2026, 5, 11), Rule.ORDER_121, [], today=D(2026, 5, 11))
    assert deadline.due == D(2026, 7, 10)
    assert (deadline.kind, deadline.article) == ("mediation", "第二十三条第（五）项")
    assert not deadline.paused
    assert not deadline.provisional


def test_mediation_closed_testing_pause_adds_its_days():
    # Testing from 5/20; the report came back 5/30, which counts again: 10 days off the clock.
    pauses = [(D(2026, 5, 20), D(2026, 5, 30))]
    deadline = mediation_deadline(D(2026, 5, 11), Rule.ORDER_121, pauses, today=D(2026, 6, 1))
    assert deadline.due == D(2026, 7, 20)
    assert not deadline.paused


def test_mediation_pause_straddling_the_due_date_counts_in_full():
    pauses = [(D(2026, 7, 5), D(2026, 7, 15))]
    deadline = mediation_deadline(D(2026, 5, 11), Rule.ORDER_121, pauses, today=D(2026, 7, 20))
    assert deadline.due == D(2026, 7, 20)


def test_mediation_pause_after_the_limit_ran_out_changes_nothing():
    pauses = [(D(2026, 7, 15), D(2026, 7, 25))]
    deadline = mediation_deadline(D(2026, 5, 11), Rule.ORDER_121, pauses, today=D(2026, 7, 30))
    assert deadline.due == D(2026, 7, 10)


def test_mediation_overlapping_pauses_count_each_day_once():
    pauses = [(D(2026, 5, 20), D(2026, 5, 30)), (D(2026, 5, 25), D(2026, 6, 2))]
    deadline = mediation_deadline(D(2026, 5, 11), Rule.ORDER_121, pauses, today=D(2026, 6, 5))
    assert deadline.due == D(2026, 7, 23)  # 5/20-6/1: 13 days


def test_mediation_ongoing_pause_is_paused_and_counts_through_today():
    pauses = [(D(2026, 5, 20), None)]
    today = D(2026, 5, 25)
    deadline = mediation_deadline(D(2026, 5, 11), Rule.ORDER_121, pauses, today=today)
    assert deadline.paused
    assert deadline.due == D(2026, 7, 16)  # 5/20-5/25: 6 days
    assert deadline.state(today) is DeadlineState.PAUSED


def test_mediation_pause_then_holiday_roll_over():
    # 60 days from 7/22 end on 9/20; 11 paused days move it to 10/1, inside National Day.
    pauses = [(D(2026, 8, 1), D(2026, 8, 12))]
    deadline = mediation_deadline(D(2026, 7, 22), Rule.ORDER_121, pauses, today=D(2026, 8, 20))
    assert deadline.due == D(2026, 10, 8)


def test_mediation_order_20_counts_45_working_days():
    deadline = mediation_deadline(D(2026, 4, 10), Rule.ORDER_20, [], today=D(2026, 4, 10))
    assert deadline.due == D(2026, 6, 16)
    assert deadline.article == "第二十一条第（五）项"


def test_mediation_order_20_skips_paused_working_days_only():
    # 5/4-5/10 paused: 5/4, 5/5 are holidays, 5/10 a Sunday; 5/6-5/9 (the Saturday is a
    # make-up working day) are 4 working days.
    pauses = [(D(2026, 5, 4), D(2026, 5, 11))]
    deadline = mediation_deadline(D(2026, 4, 10), Rule.ORDER_20, pauses, today=D(2026, 5, 20))
    # 6/16 plus 4 working days: 6/17, 6/18, (Dragon Boat 6/19-6/21), 6/22, 6/23.
    assert deadline.due == D(2026, 6, 23)


def test_mediation_order_121_roll_over_from_dragon_boat():
    # Accepted ten days later under the new rule: 60 days end on 6/19, Dragon Boat (6/19-6/21).
    deadline = mediation_deadline(D(2026, 4, 20), Rule.ORDER_121, [], today=D(2026, 4, 20))
    assert deadline.due == D(2026, 6, 22)


def test_mediation_into_2027_is_provisional():
    deadline = mediation_deadline(D(2026, 11, 10), Rule.ORDER_121, [], today=D(2026, 11, 10))
    assert deadline.due == D(2027, 1, 9)
    assert deadline.provisional


def test_mediation_pause_ending_before_it_starts_is_rejected():
    with pytest.raises(ValidationError, match="早于开始日期"):
        mediation_deadline(
            D(2026, 5, 11), Rule.ORDER_121, [(D(2026, 5, 20), D(2026, 5, 19))], today=D(2026, 5, 25)
        )


def _due(d):
    return Deadline("acceptance", "受理决定期限", "第十五条", D(2026, 5, 25), d, provisional=False)


def test_state_on_time():
    assert _due(D(2026, 6, 9)).state(D(2026, 6, 5)) is DeadlineState.ON_TIME


def test_state_due_today_is_due_soon():
    assert _due(D(2026, 6, 5)).state(D(2026, 6, 5)) is DeadlineState.DUE_SOON


def test_state_due_next_working_day_is_due_soon():
    # Friday to Monday: Monday is the next working day.
    assert _due(D(2026, 6, 8)).state(D(2026, 6, 5)) is DeadlineState.DUE_SOON


def test_state_make_up_saturday_is_the_next_working_day():
    # Friday 10/9; Saturday 10/10 is a make-up working day, so Monday is two working days off.
    assert _due(D(2026, 10, 12)).state(D(2026, 10, 9)) is DeadlineState.ON_TIME


def test_state_overdue():
    assert _due(D(2026, 6, 5)).state(D(2026, 6, 6)) is DeadlineState.OVERDUE


def test_state_uses_the_given_calendar():
    cal = WorkCalendar.shipped()
    assert _due(D(2026, 6, 8)).state(D(2026, 6, 5), cal) is DeadlineState.DUE_SOON
