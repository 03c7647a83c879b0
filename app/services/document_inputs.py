"""The forms by name, and the facts a form prints that no case holds (typed in when issuing).

Form 3 needs the office it goes to and the date to report back by, form 4 the date to provide
identity papers by, form 10 the law and article the result rests on. The desk asks for them and
the command line takes them as ``--field NAME=VALUE``; both pass them here as ``extra`` and get
back clean values or a ``ValidationError`` naming the input (``extra.<name>``).
"""

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain import validators
from app.domain.errors import DeskError, ValidationError
from app.printing.document_data import FORM_NAMES

# The titles as the 式样 print them (the forward notice says 投诉 or 举报 as the case is).
FORM_TITLES = {
    "complaint-register": "投诉登记表",
    "report-register": "举报登记表",
    "forward": "投诉/举报分送通知书",
    "identity": "限期提供身份证明材料通知书",
    "acceptance": "投诉受理决定书",
    "refusal": "投诉不予受理决定书",
    "mediation-notice": "投诉调解通知书",
    "termination": "投诉终止调解决定书",
    "agreement": "投诉调解书",
    "report-result": "举报处理结果告知书",
    "mediation-record": "调解记录",
    "follow-up": "回访记录",
}


class UnknownForm(DeskError):
    pass


def check_form(name: str) -> str:
    """The form's short name, if there is such a form."""
    if name not in FORM_NAMES:
        raise UnknownForm(f"没有名为“{name}”的文书。可选：{'、'.join(FORM_NAMES)}")
    return name


@dataclass(frozen=True)
class ExtraInput:
    """A fact a form prints that the case does not hold.

    ``kind`` is "text", "date" (a day after the issue date) or "count" (a whole number from
    ``low`` to ``high``). An optional input left out takes the form's own default. ``materials``
    is a list: one item per line (or separated by "；", as typed on the command line).
    """

    name: str
    label: str
    kind: str
    required: bool = True
    max_length: int = 100
    multiline: bool = False
    low: int = 0
    high: int = 999


FORM_INPUTS: dict[str, tuple[ExtraInput, ...]] = {
    "forward": (
        ExtraInput("to_office", "接收单位", "text"),
        ExtraInput("report_by", "报告处理结果期限", "date"),
        ExtraInput("enclosures", "附材料份数", "count", required=False),
        ExtraInput("enclosure_pages", "附材料页数", "count", required=False, high=9999),
    ),
    "identity": (
        ExtraInput("provide_by", "提供材料期限", "date"),
        ExtraInput("materials", "需提供的材料", "text", required=False, max_length=500, multiline=True),
    ),
    "mediation-notice": (
        ExtraInput("materials", "需携带的其他材料", "text", required=False, max_length=500, multiline=True),
        ExtraInput("recusal_days", "回避申请期限天数", "count", required=False, low=1, high=30),
    ),
    "report-result": (
        ExtraInput("law", "处理依据的法律法规", "text"),
        ExtraInput("article", "条款", "text", max_length=30),
        ExtraInput("result", "处理结果", "text", required=False, max_length=2000, multiline=True),
    ),
}


def check_extra(form: str, extra: dict[str, Any] | None, today: date) -> dict[str, Any]:
    """The inputs ``form`` takes, checked and normalised; optional ones left blank are left out."""
    extra = dict(extra or {})
    inputs = {item.name: item for item in FORM_INPUTS.get(form, ())}
    for name in extra:
        if name not in inputs:
            known = "、".join(f"{i.name}（{i.label}）" for i in inputs.values()) or "无"
            raise ValidationError(f"extra.{name}", str(name), f"{FORM_TITLES[form]}没有这一项；可填：{known}")
    values = {}
    for item in inputs.values():
        value = extra.get(item.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if item.required:
                raise ValidationError(f"extra.{item.name}", item.label, "不能为空")
            continue
        values[item.name] = _CHECKS[item.kind](item, value, today)
    if "law" in values:
        values["law"] = _bare_title(values["law"])
    if "article" in values:
        values["article"] = _article(values["article"])
    return values


def _text(item: ExtraInput, value: Any, today: date) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"extra.{item.name}", item.label, "应为文字")
    return validators.text(
        value, field=f"extra.{item.name}", label=item.label, max_length=item.max_length,
        required=item.required, multiline=item.multiline,
    )


def _date(item: ExtraInput, value: Any, today: date) -> date:
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(f"extra.{item.name}", item.label, "应为日期，如 2026-12-31") from None
    if not isinstance(value, date):
        raise ValidationError(f"extra.{item.name}", item.label, "应为日期，如 2026-12-31")
    if value <= today:
        raise ValidationError(f"extra.{item.name}", item.label, f"应晚于今天（{today.isoformat()}）")
    return value


def _count(item: ExtraInput, value: Any, today: date) -> int:
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"extra.{item.name}", item.label, "应为整数")
    if not item.low <= value <= item.high:
        raise ValidationError(f"extra.{item.name}", item.label, f"应在 {item.low} 到 {item.high} 之间")
    return value


_CHECKS = {"text": _text, "date": _date, "count": _count}


def _bare_title(law: str) -> str:
    """The form prints the 《》 itself, so a title typed with them loses them."""
    return law.removeprefix("《").removesuffix("》").strip()


_ARTICLE_NUMBER = re.compile(r"[0-9一二三四五六七八九十百零〇]+")


def _article(article: str) -> str:
    """``第三十一条`` as typed; a bare number (``31``, ``三十一``) gets 第…条 around it."""
    return f"第{article}条" if _ARTICLE_NUMBER.fullmatch(article) else article


def lines(text: str) -> tuple[str, ...]:
    """A list input as its items: one per non-empty line, or between "；"."""
    return tuple(item.strip() for item in re.split(r"[\n；;]", text) if item.strip())
