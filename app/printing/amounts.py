"""Amounts of money as printed on an agreement: in figures and in capital numerals (大写金额).

The capital form follows the rules for financial papers (《支付结算办法》附件一): a zero inside
the figures is written 零 once however many zeros there are; an amount ending in 元 or 角 ends
with 整, one ending in 分 does not. Capitals cannot be altered by adding a stroke, which is why
agreements carry them.
"""

from decimal import Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
PLACES = ("", "拾", "佰", "仟")
GROUPS = ("", "万", "亿", "万亿")
FEN = Decimal("0.01")


def figures(amount: Decimal) -> str:
    """``12,800.00``: thousands separated, two decimals, as amounts are written in the terms."""
    return f"{_checked(amount):,.2f}"


def capitals(amount: Decimal) -> str:
    """``壹仟贰佰捌拾元整`` for 1280; ``壹拾万零叁佰元零伍分`` for 100300.05."""
    fen_total = int(_checked(amount) * 100)
    yuan, jiao, fen = fen_total // 100, fen_total // 10 % 10, fen_total % 10
    text = _integer(yuan) + "元" if yuan else ""
    if jiao:
        text += DIGITS[jiao] + "角"
    elif fen and yuan:
        text += "零"
    if fen:
        return text + DIGITS[fen] + "分"
    return (text or "零元") + "整"


def _checked(amount: Decimal) -> Decimal:
    if amount < 0 or amount != amount.quantize(FEN) or amount >= 10**16:
        raise ValueError(f"an amount to print must be 0 or more, below 10^16, in whole fen: {amount}")
    return amount


def _integer(number: int) -> str:
    groups = []
    while number:
        groups.append(number % 10000)
        number //= 10000
    text = ""
    gap = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            gap = bool(text)
            continue
        if text and (gap or group < 1000):
            text += "零"
        text += _group(group) + GROUPS[index]
        gap = False
    return text


def _group(number: int) -> str:
    """1 … 9999 in capitals: 1001 is 壹仟零壹, 1010 is 壹仟零壹拾, 10 is 壹拾."""
    text = ""
    zero = False
    for place in range(3, -1, -1):
        digit = number // 10**place % 10
        if digit == 0:
            zero = bool(text)
            continue
        if zero:
            text += "零"
        text += DIGITS[digit] + PLACES[place]
        zero = False
    return text
