"""The case list's order (any column) and its "overdue or due soon" filter, over a real store."""

from dataclasses import replace
from datetime import timedelta

import pytest

from app.domain import clock
from app.domain.deadlines import DeadlineState
from app.domain.vocabulary import CaseKind, CaseState, Channel, PauseKind
from app.services import acceptance, accounts, mediation, queries
from app.services.drafts import PartyDraft
from app.services.queries import CaseFilter, count_cases, list_cases
from tests.services.factories import register_complaint

DUE = (DeadlineState.OVERDUE, DeadlineState.DUE_SOON)


def ids(rows) -> list[int]:
    return [row.id for row in rows]


def read_in_pages(store, criteria: CaseFilter, size: int, **kwargs) -> list:
    """The whole list, read as the case list reads it: each page after the last row of the one before."""
    rows = []
    while page := list_cases(store, criteria, after=rows[-1] if rows else None, limit=size, **kwargs):
        rows += page
    return rows


def complaint(store, actor, name: str, respondent: str = "湖滨玉器行", *, days_ago: int = 0, **overrides) -> int:
    return register_complaint(
        store,
        actor,
        complainants=[PartyDraft(name=name, phone="13800138000", address="杭州市西湖区北山街1号")],
        respondent=PartyDraft(name=respondent, address="杭州市西湖区湖滨路5号"),
        received_at=clock.now() - timedelta(days=days_ago, hours=1),
        **overrides,
    )


@pytest.fixture
def named(store, head, mediator):
    """Four complaints with names out of id order, one report."""
    return {
        "王五": complaint(store, head, "王五", "灵隐茶社", mediator_id=mediator.user_id),
        "李四": complaint(store, head, "李四", "西湖游船公司"),
        "张三": complaint(store, head, "张三", "断桥纪念品店", mediator_id=mediator.user_id, channel=Channel.PHONE),
        "赵六": complaint(store, head, "赵六", "灵隐茶社"),
    }


def test_the_default_order_is_newest_first(store, named):
    assert ids(list_cases(store)) == sorted(named.values(), reverse=True)
    assert ids(list_cases(store, CaseFilter(descending=False))) == sorted(named.values())


@pytest.mark.parametrize("descending", [False, True])
def test_order_by_complainant(store, named, descending):
    by_name = [named[n] for n in sorted(named, reverse=descending)]
    assert ids(list_cases(store, CaseFilter(order="complainant", descending=descending))) == by_name
    # Pages follow the same order.
    criteria = CaseFilter(order="complainant", descending=descending)
    first = list_cases(store, criteria, limit=3)
    assert ids(first) + ids(list_cases(store, criteria, after=first[-1], limit=3)) == by_name


def test_order_by_respondent_keeps_newest_first_among_equals(store, named):
    rows = list_cases(store, CaseFilter(order="respondent", descending=False))
    assert [row.respondent for row in rows] == sorted(row.respondent for row in rows)
    tea = [row.id for row in rows if row.respondent == "灵隐茶社"]
    assert tea == [named["赵六"], named["王五"]]


def test_order_by_mediator_puts_cases_without_one_last_either_way(store, named):
    for descending in (False, True):
        rows = list_cases(store, CaseFilter(order="mediator", descending=descending))
        assert [row.mediator for row in rows] == ["李明", "李明", "", ""]


def test_order_by_state_and_channel_follow_the_vocabulary(store, head, named):
    acceptance.accept(store, head, named["李四"])
    rows = list_cases(store, CaseFilter(order="state", descending=False))
    assert [row.state for row in rows] == [CaseState.REGISTERED] * 3 + [CaseState.ACCEPTED]
    rows = list_cases(store, CaseFilter(order="channel", descending=True))
    assert rows[0].id == named["张三"] and rows[0].channel is Channel.PHONE


def test_order_by_received_at_and_number(store, head):
    old = complaint(store, head, "甲", days_ago=5)
    new = complaint(store, head, "乙", days_ago=1)
    oldest = complaint(store, head, "丙", days_ago=9)
    assert ids(list_cases(store, CaseFilter(order="received_at", descending=False))) == [oldest, old, new]
    numbers = [row.number for row in list_cases(store, CaseFilter(order="number", descending=False))]
    assert numbers == sorted(numbers)


def test_a_text_search_can_be_ordered_too(store, head, named):
    complaint(store, head, "阿明", "灵隐茶社")
    for text in ("灵隐茶", "灵隐"):  # the full-text index and the two-character path
        rows = list_cases(store, CaseFilter(text=text, order="complainant", descending=True))
        # Code point order, descending: 阿 U+963F, 赵 U+8D75, 王 U+738B.
        assert [row.complainant.split()[0] for row in rows] == ["阿明", "赵六", "王五"]


SQL_ORDERS = [key for key in queries.SORT_KEYS if key != "next_deadline"]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("order", SQL_ORDERS)
def test_pages_follow_the_last_row_in_every_order(store, head, named, order, descending):
    # Ties (two against 灵隐茶社, two by 李明, every state alike) and cases without a mediator
    # fall on page boundaries at one page size or another.
    criteria = CaseFilter(order=order, descending=descending)
    whole = ids(list_cases(store, criteria, limit=None, viewer=head))
    assert sorted(whole) == sorted(named.values())
    for size in (1, 2, 3):
        assert ids(read_in_pages(store, criteria, size, viewer=head)) == whole


@pytest.mark.parametrize("text", ["灵隐茶", "灵隐", "茶"], ids=["full-text index", "two characters", "one character"])
def test_a_search_pages_the_same_way(store, head, named, text):
    complaint(store, head, "阿明", "灵隐茶社")
    for criteria in (CaseFilter(text=text), CaseFilter(text=text, order="complainant", descending=False)):
        whole = ids(list_cases(store, criteria, limit=None))
        assert len(whole) == 3
        assert ids(read_in_pages(store, criteria, 1)) == whole


@pytest.mark.parametrize("order", ["id", "complainant", "received_at"])
def test_cases_entered_while_paging_push_no_row_onto_the_next_page(store, head, named, order):
    criteria = CaseFilter(order=order, descending=True)
    before = ids(list_cases(store, criteria, limit=None))
    first = list_cases(store, criteria, limit=2)
    newer = [complaint(store, head, "钱八"), complaint(store, head, "丁一")]  # 钱 U+94B1 sorts first descending
    rest = ids(list_cases(store, criteria, after=first[-1], limit=None))
    shown = ids(first) + rest
    assert len(shown) == len(set(shown))
    assert [case_id for case_id in shown if case_id not in newer] == before
    assert set(rest) & set(newer) == ({newer[1]} if order == "complainant" else set())


def test_a_page_starts_only_after_a_row_the_list_read(store, named):
    (row,) = list_cases(store, limit=1)
    plain = replace(row, list_key=())
    with pytest.raises(ValueError, match="list_cases"):
        list_cases(store, after=plain)


def test_a_count_can_stop_at_a_limit(store, named, deadlines):
    assert count_cases(store) == 8
    assert count_cases(store, limit=3) == 3
    assert count_cases(store, limit=100) == 8
    assert count_cases(store, CaseFilter(text="灵隐茶"), limit=1) == 1
    assert count_cases(store, CaseFilter(due=DUE), limit=1) == 1
    assert count_cases(store, CaseFilter(due=(DeadlineState.ON_TIME, *DUE)), limit=1) == 1


ASCENDING_NAMES = CaseFilter(order="complainant", descending=False)


def test_a_withheld_reporter_sorts_as_withheld(store, head, mediator):
    other = accounts.add_user(store, "chen", "陈静", "mediator", "another-pass-2026")
    report = register_complaint(
        store,
        head,
        kind="report",
        complainants=[PartyDraft(name="阿举报", phone="13700137000")],
        mediator_id=mediator.user_id,
    )
    plain = complaint(store, head, "陈某")
    # 阿 (U+963F) sorts before 陈 (U+9648); the placeholder （ (U+FF08) after both.
    assert ids(list_cases(store, ASCENDING_NAMES, viewer=head)) == [report, plain]
    assert ids(list_cases(store, ASCENDING_NAMES, viewer=mediator)) == [report, plain]
    assert ids(list_cases(store, ASCENDING_NAMES, viewer=other)) == [plain, report]
    assert list_cases(store, viewer=other)[1].kind is CaseKind.REPORT


def test_an_unknown_order_is_refused():
    with pytest.raises(ValueError, match="deadline"):
        CaseFilter(order="deadline")


@pytest.fixture
def deadlines(store, head):
    """A complaint a month old (acceptance overdue), a fresh one, one refused (no deadline), one
    in mediation whose clock has been stopped since before its limit ran out."""
    overdue = complaint(store, head, "超期", days_ago=30)
    fresh = complaint(store, head, "新案")
    refused = complaint(store, head, "不受理", days_ago=40)
    acceptance.refuse(store, head, refused, ground=1, reason="不属于职责")
    paused = complaint(store, head, "中止", days_ago=100)
    started = clock.today() - timedelta(days=100)
    acceptance.accept(store, head, paused, decided_on=started)
    mediation.pause_clock(
        store, head, paused, kind=PauseKind.TESTING, started_on=started + timedelta(days=1), detail="送检"
    )
    return {"overdue": overdue, "fresh": fresh, "refused": refused, "paused": paused}


def test_due_filter_keeps_overdue_and_due_soon_cases_only(store, deadlines):
    assert ids(list_cases(store, CaseFilter(due=DUE))) == [deadlines["overdue"]]
    assert count_cases(store, CaseFilter(due=DUE)) == 1
    # Read the clock pauses: without them the paused mediation would be long overdue.
    (paused,) = list_cases(store, CaseFilter(due=(DeadlineState.PAUSED,)))
    assert paused.id == deadlines["paused"]
    assert count_cases(store, CaseFilter(due=(DeadlineState.ON_TIME,))) == 1


def test_due_filter_counts_the_day_it_is_asked_for(store, deadlines):
    (fresh,) = list_cases(store, CaseFilter(text="新案"))
    due = fresh.next_deadline.due
    criteria = CaseFilter(due=DUE)
    assert ids(list_cases(store, criteria, today=due)) == [deadlines["fresh"], deadlines["overdue"]]
    assert count_cases(store, criteria, today=due) == 2
    assert count_cases(store, CaseFilter(due=(DeadlineState.ON_TIME,)), today=due - timedelta(days=7)) == 1
    assert count_cases(store, CaseFilter(due=(DeadlineState.OVERDUE,)), today=due + timedelta(days=1)) == 2


def test_due_filter_combines_with_the_other_filters(store, head, deadlines):
    old_phone_case = complaint(store, head, "旧电话", days_ago=20, channel=Channel.PHONE)
    assert ids(list_cases(store, CaseFilter(due=DUE))) == [old_phone_case, deadlines["overdue"]]
    assert ids(list_cases(store, CaseFilter(due=DUE, channels=(Channel.PHONE,)))) == [old_phone_case]
    assert ids(list_cases(store, CaseFilter(due=DUE, text="超期"))) == [deadlines["overdue"]]
    criteria = CaseFilter(due=DUE, order="complainant", descending=False)
    rows = list_cases(store, criteria)
    assert [row.complainant.split()[0] for row in rows] == sorted(["旧电话", "超期"])
    assert ids(read_in_pages(store, criteria, 1)) == ids(rows)


def test_order_by_deadline_puts_the_nearest_first_and_cases_without_one_last(store, deadlines):
    rows = list_cases(store, CaseFilter(order="next_deadline", descending=False))
    dated = [row for row in rows if row.next_deadline]
    assert [row.next_deadline.due for row in dated] == sorted(row.next_deadline.due for row in dated)
    assert len(dated) == 3 and rows[-1].id == deadlines["refused"]
    assert ids(dated) != sorted(ids(dated), reverse=True)  # not merely newest first
    rows = list_cases(store, CaseFilter(order="next_deadline", descending=True))
    assert ids(rows) == ids(reversed(dated)) + [deadlines["refused"]]


def test_order_by_deadline_pages_across_the_cases_without_one(store, head, deadlines):
    refused_too = complaint(store, head, "也不受理", days_ago=2)
    acceptance.refuse(store, head, refused_too, ground=1, reason="不属于职责")
    for descending in (False, True):
        criteria = CaseFilter(order="next_deadline", descending=descending)
        whole = ids(list_cases(store, criteria))
        assert whole[-2:] == [refused_too, deadlines["refused"]]  # without a deadline: newest first
        for size in (1, 2, 3, 4):
            assert ids(read_in_pages(store, criteria, size)) == whole


def test_order_by_deadline_is_refused_above_the_limit(store, deadlines, monkeypatch):
    monkeypatch.setattr(queries, "DEADLINE_SORT_LIMIT", 2)
    with pytest.raises(queries.SortUnavailable) as refused:
        list_cases(store, CaseFilter(order="next_deadline"))
    assert refused.value.found == 3  # the refused case is never computed
    # Narrowed to the limit, it works; and the due filter computes anyway, so it is allowed there.
    assert len(list_cases(store, CaseFilter(order="next_deadline", text="超期"))) == 1
    assert ids(list_cases(store, CaseFilter(order="next_deadline", due=DUE))) == [deadlines["overdue"]]


def test_cases_received_the_same_day_in_different_states_get_their_own_deadlines(store, head):
    # Deadlines are computed once per group of cases sharing their dates and state; the state
    # and the acceptance date must be part of what they share.
    waiting = complaint(store, head, "待受理", days_ago=30)
    accepted = complaint(store, head, "已受理", days_ago=30)
    acceptance.accept(store, head, accepted, decided_on=clock.today() - timedelta(days=30))
    assert ids(list_cases(store, CaseFilter(due=DUE))) == [waiting]
    assert ids(list_cases(store, CaseFilter(due=(DeadlineState.ON_TIME,)))) == [accepted]
    rows = {row.id: row.next_deadline for row in list_cases(store, CaseFilter(order="next_deadline"))}
    assert rows[waiting].kind == "acceptance" and rows[accepted].kind == "mediation"
