"""The statutory grounds for not accepting a complaint and for terminating mediation.

The texts are the rules' own words. Order 121 has seven grounds for 不予受理 (Art. 16) and
eight for 终止调解 (Art. 23); order 20 had six (Art. 15) and seven (Art. 21). A case uses the
list of the rule it is handled under, and stores the ground's number in that list.
"""

from dataclasses import dataclass

from app.domain.errors import ValidationError
from app.domain.rules import Rule

CHINESE_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Ground:
    number: int  # 1-based, as the article numbers its items (（一）, （二）…)
    text: str

    @property
    def item(self) -> str:
        """The item mark as printed: （一）."""
        return f"（{CHINESE_NUMERALS[self.number - 1]}）"


@dataclass(frozen=True)
class GroundList:
    article: str
    grounds: tuple[Ground, ...]

    def get(self, number: int, *, field: str, label: str) -> Ground:
        if not 1 <= number <= len(self.grounds):
            raise ValidationError(field, label, f"应为{self.article}所列第 1 至 {len(self.grounds)} 项之一")
        return self.grounds[number - 1]


def _numbered(article: str, texts: list[str]) -> GroundList:
    return GroundList(article, tuple(Ground(i, text) for i, text in enumerate(texts, start=1)))


_REFUSAL = {
    Rule.ORDER_121: _numbered(
        "第十六条",
        [
            "投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限的",
            "法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会已经受理或者处理过同一消费者权益争议的",
            "不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议的",
            "除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年的",
            "未提供本办法第十条第一款、第十一条规定的材料，或者提供虚假材料的",
            "冒用他人名义或者拒不配合市场监督管理部门核验真实身份信息的",
            "法律、法规、规章规定不予受理的其他情形",
        ],
    ),
    Rule.ORDER_20: _numbered(
        "第十五条",
        [
            "投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限的",
            "法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议的",
            "不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议的",
            "除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年的",
            "未提供本办法第九条第一款和第十条规定的材料的",
            "法律、法规、规章规定不予受理的其他情形",
        ],
    ),
}

_TERMINATION = {
    Rule.ORDER_121: _numbered(
        "第二十三条",
        [
            "投诉人撤回投诉或者双方自行和解的",
            "投诉人、被投诉人无正当理由不参加调解，或者明确拒绝调解的",
            "经组织调解，投诉人或者被投诉人明确表示无法达成调解协议的",
            "投诉人与被投诉人对鉴定、检测费用承担无法协商一致的",
            "自投诉受理之日起六十日内投诉人和被投诉人未能达成调解协议的",
            "市场监督管理部门受理投诉后，发现存在本办法第十六条、第四十二条规定情形的",
            "投诉人、被投诉人死亡或者主体资格灭失的",
            "法律、法规、规章规定的应当终止调解的其他情形",
        ],
    ),
    Rule.ORDER_20: _numbered(
        "第二十一条",
        [
            "投诉人撤回投诉或者双方自行和解的",
            "投诉人与被投诉人对委托承担检定、检验、检测、鉴定工作的技术机构或者费用承担无法协商一致的",
            "投诉人或者被投诉人无正当理由不参加调解，或者被投诉人明确拒绝调解的",
            "经组织调解，投诉人或者被投诉人明确表示无法达成调解协议的",
            "自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议的",
            "市场监督管理部门受理投诉后，发现存在本办法第十五条规定情形的",
            "法律、法规、规章规定的应当终止调解的其他情形",
        ],
    ),
}


def refusal_grounds(rule: Rule) -> GroundList:
    """不予受理 grounds of the rule."""
    return _REFUSAL[rule]


def termination_grounds(rule: Rule) -> GroundList:
    """终止调解 grounds of the rule."""
    return _TERMINATION[rule]
