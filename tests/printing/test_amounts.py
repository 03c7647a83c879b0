"""Amounts in capitals (大写金额), as an agreement prints them beside the figures."""

from decimal import Decimal

import pytest

from app.printing.amounts import capitals, figures


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("0", "零元整"),
        ("0.50", "伍角整"),
        ("0.05", "伍分"),
        ("1", "壹元整"),
        ("10", "壹拾元整"),
        ("15", "壹拾伍元整"),
        ("100", "壹佰元整"),
        ("105", "壹佰零伍元整"),
        ("1001", "壹仟零壹元整"),
        ("1010", "壹仟零壹拾元整"),
        ("1280", "壹仟贰佰捌拾元整"),
        ("1.05", "壹元零伍分"),
        ("1.50", "壹元伍角整"),
        ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
        ("13300.00", "壹万叁仟叁佰元整"),
        ("100000", "壹拾万元整"),
        ("100300.05", "壹拾万零叁佰元零伍分"),
        ("1004000", "壹佰万肆仟元整"),
        ("1000400", "壹佰万零肆佰元整"),
        ("100000001", "壹亿零壹元整"),
        ("100010000", "壹亿零壹万元整"),
        ("2000000000.99", "贰拾亿元玖角玖分"),
    ],
)
def test_capitals(amount, expected):
    assert capitals(Decimal(amount)) == expected


def test_figures_are_grouped_with_two_decimals():
    assert figures(Decimal("13300")) == "13,300.00"
    assert figures(Decimal("0.5")) == "0.50"


@pytest.mark.parametrize("amount", ["-1", "0.001", "1E16"])
def test_an_amount_that_cannot_be_printed_is_refused(amount):
    with pytest.raises(ValueError):
        capitals(Decimal(amount))
