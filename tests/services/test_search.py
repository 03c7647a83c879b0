"""Full-text search in Chinese: trigram index for 3+ characters, base-table scan for 1-2."""

import pytest
from sqlalchemy import select

from app.domain import clock
from app.models.case import Case
from app.services.drafts import PartyDraft
from app.services.queries import CaseFilter, count_cases, list_cases
from tests.services.factories import register_complaint

CASES = [
    ("张三", "湖滨玉器行", "购买的和田玉手镯经检测为染色石英岩"),
    ("李四", "龙井问茶茶叶店", "明前龙井结账时按每两计价"),
    ("王𠇔", "灵隐素斋馆", "用餐后腹泻，菜品疑似变质"),
    ("赵六", "西湖\"丝绸\"文化馆", "宣传为桑蚕丝的睡衣实为涤纶 AND OR NEAR"),
]


@pytest.fixture
def numbers(store, head):
    made = {}
    for name, business, facts in CASES:
        case_id = register_complaint(
            store, head, complainants=[PartyDraft(name=name, phone="13912345678")],
            respondent=PartyDraft(name=business), facts=facts,
        )
        made[name] = case_id
    return made


def _found(store, text):
    return {row.complainant for row in list_cases(store, CaseFilter(text=text))}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("玉手镯", {"张三"}),  # three characters: the trigram index
        ("和田玉手镯经检测", {"张三"}),
        ("龙井", {"李四"}),  # two characters: the base-table fallback
        ("腹", {"王𠇔"}),  # one character
        ("𠇔", {"王𠇔"}),  # a rare character from CJK Extension B, kept intact
        ("王𠇔", {"王𠇔"}),
        ("丝绸\"文", {"赵六"}),  # a quote in the query is text, not syntax
        ("AND OR", {"赵六"}),  # FTS operators in the query are text too
        ("NEAR", {"赵六"}),
        ("1391234", {"张三", "李四", "王𠇔", "赵六"}),  # phone numbers are searchable
        ("不存在的词", set()),
        ("无", set()),
    ],
)
def test_search_finds_exactly_the_cases_containing_the_text(store, numbers, query, expected):
    assert _found(store, query) == expected
    assert count_cases(store, CaseFilter(text=query)) == len(expected)


def test_search_by_case_number(store, numbers):
    (row,) = list_cases(store, CaseFilter(text=f"T{clock.today().year}-00002"))
    assert row.complainant == "李四"


def test_blank_query_lists_everything_newest_first(store, numbers):
    rows = list_cases(store, CaseFilter(text="   "))
    assert [r.complainant for r in rows] == ["赵六", "王𠇔", "李四", "张三"]


def test_every_short_and_long_substring_finds_exactly_the_cases_that_contain_it(store, numbers):
    """Every 1-4 character piece of the stored text, run through the real search, against a
    brute-force scan in Python: the vocabulary route for two characters must miss nothing."""
    with store.session() as session:
        texts = dict(session.execute(select(Case.id, Case.search_text)).all())
    pieces = {t[i : i + n] for t in texts.values() for n in (1, 2, 3, 4) for i in range(len(t) - n + 1)}
    pieces = {p for p in pieces if p.strip() == p and "\n" not in p}
    for piece in sorted(pieces):
        expected = {case_id for case_id, t in texts.items() if piece.lower() in t.lower()}
        found = {row.id for row in list_cases(store, CaseFilter(text=piece), limit=50)}
        assert found == expected, piece


def test_two_characters_at_the_very_end_and_in_latin_capitals(store, head):
    register_complaint(store, head, request="退款", facts="收据编号 AB12RQ")
    assert _found(store, "RQ") == {"张三"}
    assert _found(store, "rq") == {"张三"}
