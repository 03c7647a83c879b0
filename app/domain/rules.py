"""Which rule governs a case: SAMR order 121 from 2026-04-15, order 20 (2019, amended 2022) before.

The rule is fixed by the day the complaint or report was received (收到之日), never by the day
it was entered or accepted.
"""

from datetime import date
from enum import Enum

ORDER_121_IN_FORCE = date(2026, 4, 15)


class Rule(str, Enum):
    """The rule a case is handled under."""

    ORDER_121 = "order121"  # 《市场监督管理投诉举报处理办法》2026 年修订，市场监管总局令第 121 号
    ORDER_20 = "order20"  # 同名办法 2019 年版（2022 年修正），市场监管总局令第 20 号

    @property
    def title(self) -> str:
        return {"order121": "市场监管总局令第121号", "order20": "市场监管总局令第20号"}[self.value]


def rule_for(received_on: date) -> Rule:
    """The rule for a case received on ``received_on``."""
    return Rule.ORDER_121 if received_on >= ORDER_121_IN_FORCE else Rule.ORDER_20
