"""Field validators: each takes what the user typed and returns the value to store, or raises.

Every rejection is a ``ValidationError`` naming the field and saying what is wrong. Values are
never silently changed beyond the normalisation each function documents: surrounding whitespace
is stripped, phone numbers are rewritten in one canonical form, the letters of ID numbers and
credit codes are upper-cased.
"""

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from typing import TypeVar

from app.domain.clock import CHINA
from app.domain.errors import ValidationError

# --- phone numbers ---------------------------------------------------------------------------

_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_SERVICE = re.compile(r"([48]00)([0-9]{3})([0-9]{4})")
# Area codes are 010 and 02x (three digits with the 0) or 0 + [3-9] + two digits (four).
# Fixing the length by the first digits is what makes "02188888888" parse without a dash.
_LANDLINE = re.compile(
    r"(0(?:[12][0-9]|[3-9][0-9]{2}))-?([2-9][0-9]{6,7})(?:(?:-|转|#)([0-9]{1,6}))?"
)
_MOBILE_PREFIXES = ("+86", "0086", "86")


def phone(value: str, *, field: str, label: str) -> str:
    """A mainland mobile, landline or 400/800 service number, in canonical form.

    Mobile: ``+86``/``86``/``0086`` and spaces or hyphens are accepted, the 11 digits are
    returned. Landline: returned as ``0571-88888888`` or ``0571-88888888-123`` (the extension
    may be typed after ``-``, ``转`` or ``#``). Service: returned as ``400-800-1234``.
    """
    value = value.strip()
    if not value:
        raise ValidationError(field, label, "不能为空")
    compact = re.sub(r"[ \-]", "", value)
    mobile = compact
    for prefix in _MOBILE_PREFIXES:
        # A bare "86…" is only a country code when 11 digits follow it.
        if mobile.startswith(prefix) and (prefix != "86" or len(mobile) == 13):
            mobile = mobile[len(prefix):]
            break
    if _MOBILE.fullmatch(mobile):
        return mobile
    if service := _SERVICE.fullmatch(compact):
        return "-".join(service.groups())
    if landline := _LANDLINE.fullmatch(value.replace(" ", "")):
        area, number, extension = landline.groups()
        return f"{area}-{number}" + (f"-{extension}" if extension else "")

    if mobile.startswith("1"):
        reason = "手机号码应为 11 位数字，以 13–19 开头，如 13800138000"
    elif compact.startswith(("400", "800")):
        reason = "400/800 服务电话应为 10 位数字，如 400-800-1234"
    elif compact.startswith("0"):
        reason = "固定电话应为区号加 7–8 位号码（号码不以 0 或 1 开头），如 0571-88888888，分机写在“-”“转”或“#”之后"
    else:
        reason = "应为 11 位手机号码、带区号的固定电话（如 0571-88888888）或 400/800 服务电话"
    raise ValidationError(field, label, reason)


# --- identity documents ----------------------------------------------------------------------

ID_TYPES = {
    "resident_id": "居民身份证",
    "passport": "护照",
    "hk_macao_permit": "港澳居民来往内地通行证",
    "taiwan_permit": "台湾居民来往大陆通行证",
    "foreign_permanent_id": "外国人永久居留身份证",
    "other": "其他",
}

_RESIDENT_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RESIDENT_CHECK = "10X98765432"
_OLDEST_AGE = 130

# The other document types: number pattern (ASCII only, before upper-casing) and what to say.
_ID_PATTERNS = {
    "passport": (re.compile(r"[A-Za-z0-9]{5,17}"), "护照号码应为 5–17 位字母或数字"),
    "hk_macao_permit": (
        re.compile(r"[HMhm](?:[0-9]{8}|[0-9]{10})"),
        "港澳居民来往内地通行证号码应为 H 或 M 加 8 位或 10 位数字",
    ),
    "taiwan_permit": (re.compile(r"[0-9]{8}"), "台湾居民来往大陆通行证号码应为 8 位数字"),
    "foreign_permanent_id": (
        re.compile(r"[A-Za-z0-9]{15}|[A-Za-z0-9]{18}"),
        "外国人永久居留身份证号码应为 15 位或 18 位字母或数字",
    ),
}


def resident_check_char(body: str) -> str:
    """The GB 11643-1999 check character (ISO 7064 MOD 11-2) for a 17-digit body."""
    total = sum(int(digit) * weight for digit, weight in zip(body, _RESIDENT_WEIGHTS))
    return _RESIDENT_CHECK[total % 11]


def resident_id(value: str, *, field: str, label: str, today: date) -> str:
    """An 18-character resident ID number; a lower-case check ``x`` becomes ``X``."""
    value = value.strip()
    if not re.fullmatch(r"[0-9]{17}[0-9Xx]", value):
        raise ValidationError(field, label, "居民身份证号码应为 18 位：17 位数字加 1 位数字或 X")
    value = value.upper()
    if value[0] not in "12345678":
        raise ValidationError(field, label, "居民身份证号码第 1 位（地区码）应为 1–8")
    try:
        born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise ValidationError(
            field, label, f"居民身份证号码第 7–14 位的出生日期 {value[6:14]} 不是有效日期"
        ) from None
    if born > today:
        raise ValidationError(field, label, f"居民身份证号码中的出生日期 {value[6:14]} 晚于今天")
    if born < _years_before(today, _OLDEST_AGE):
        raise ValidationError(
            field, label, f"居民身份证号码中的出生日期 {value[6:14]} 早于 {_OLDEST_AGE} 年前"
        )
    if value[17] != resident_check_char(value[:17]):
        raise ValidationError(field, label, "居民身份证号码最后一位校验码不正确，请核对号码")
    return value


def id_number(id_type: str, value: str, *, field: str, label: str, today: date) -> str:
    """An ID number of the given type (a key of ``ID_TYPES``).

    An unknown type is reported on the sibling ``id_type`` field (``complainant.id_number`` →
    ``complainant.id_type``), since that is the field the user has to change.
    """
    if id_type not in ID_TYPES:
        parent = field.rpartition(".")[0]
        type_field = f"{parent}.id_type" if parent else "id_type"
        raise ValidationError(type_field, "证件类型", f"未知的证件类型“{id_type}”")
    if id_type == "resident_id":
        return resident_id(value, field=field, label=label, today=today)
    value = value.strip()
    if id_type == "other":
        if not value:
            raise ValidationError(field, label, "不能为空")
        if len(value) > 30 or not value.isprintable():
            raise ValidationError(field, label, "证件号码应为 1–30 个可打印字符")
        return value
    pattern, reason = _ID_PATTERNS[id_type]
    if not pattern.fullmatch(value):
        raise ValidationError(field, label, reason)
    return value.upper()


# --- unified social credit code --------------------------------------------------------------

CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_check_char(body: str) -> str:
    """The GB 32100-2015 check character for the first 17 characters of a credit code."""
    total = sum(
        CREDIT_CODE_CHARS.index(char) * weight for char, weight in zip(body, _CREDIT_WEIGHTS)
    )
    return CREDIT_CODE_CHARS[(31 - total % 31) % 31]


def credit_code(value: str, *, field: str, label: str) -> str:
    """An 18-character unified social credit code, upper-cased."""
    value = value.strip()
    if len(value) != 18:
        raise ValidationError(field, label, f"统一社会信用代码应为 18 位，现为 {len(value)} 位")
    # Upper-case character by character and only ASCII: str.upper() turns some letters
    # (ß, ﬀ) into two, which would smuggle them past the charset.
    for position, char in enumerate(value, start=1):
        if not char.isascii() or char.upper() not in CREDIT_CODE_CHARS:
            raise ValidationError(
                field,
                label,
                f"统一社会信用代码第 {position} 位“{char}”不是允许的字符"
                "（只用数字和除 I、O、Z、S、V 以外的大写字母）",
            )
    value = value.upper()
    if value[17] != credit_check_char(value[:17]):
        raise ValidationError(field, label, "统一社会信用代码最后一位校验码不正确，请核对代码")
    return value


# --- money -----------------------------------------------------------------------------------

_CENT = Decimal("0.01")
# Digits with an optional sign and decimal part; thousands separators only in their places,
# so "1,00" (a decimal comma?) is rejected instead of read as one hundred.
_AMOUNT = re.compile(r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")


def amount(
    value: str | int | Decimal,
    *,
    field: str,
    label: str,
    maximum: Decimal = Decimal("100000000"),
) -> Decimal:
    """A non-negative yuan amount with at most two decimal places, as a Decimal to 0.01.

    Strings may carry a leading ``¥``/``￥`` and thousands separators. Floats are refused with
    ``TypeError``: they have already lost the exact amount the user typed.
    """
    if isinstance(value, str):
        text_value = value.strip().removeprefix("¥").removeprefix("￥").strip()
        if not _AMOUNT.fullmatch(text_value):
            raise ValidationError(field, label, "金额应为数字，如 1234.50 或 1,234.50")
        number = Decimal(text_value.replace(",", ""))
    elif isinstance(value, Decimal):
        number = value
    elif isinstance(value, int) and not isinstance(value, bool):
        number = Decimal(value)
    else:
        raise TypeError(f"amount must be str, int or Decimal, not {type(value).__name__}")
    if not number.is_finite():
        raise ValidationError(field, label, "金额应为有限的数字")
    if number < 0:
        raise ValidationError(field, label, "金额不能为负数")
    if number > maximum:
        raise ValidationError(field, label, f"金额不能超过 {maximum:,.2f} 元")
    if number.quantize(_CENT) != number:
        raise ValidationError(field, label, "金额最多保留两位小数（精确到分）")
    # Adding zero turns a "-0" into 0.
    return number.quantize(_CENT) + 0


def to_fen(amount: Decimal) -> int:
    """The amount in fen (分); an amount with fractions of a fen is a programming error."""
    fen = amount.scaleb(2)
    if fen != fen.to_integral_value():
        raise ValueError(f"{amount} yuan is not a whole number of fen")
    return int(fen)


def from_fen(fen: int) -> Decimal:
    """The yuan amount for ``fen`` fen, with exactly two decimal places."""
    return Decimal(fen).scaleb(-2)


# --- dates and times -------------------------------------------------------------------------

Moment = TypeVar("Moment", date, datetime)


def not_in_future(value: Moment, *, field: str, label: str, now: datetime) -> Moment:
    """``value`` if it is not after ``now``; a date is compared with today's date in China."""
    if isinstance(value, datetime):
        _require_zone(value, field=field, label=label)
        if value > now:
            raise ValidationError(field, label, "时间不能晚于现在")
    elif value > now.astimezone(CHINA).date():
        raise ValidationError(field, label, "日期不能晚于今天")
    return value


def received_before_entered(
    received: datetime, entered: datetime, *, field: str, label: str
) -> datetime:
    """``received`` if the complaint was received no later than it was entered."""
    _require_zone(received, field=field, label=label)
    _require_zone(entered, field=field, label=label)
    if received > entered:
        raise ValidationError(field, label, "收到时间不能晚于录入时间")
    return received


def _require_zone(value: datetime, *, field: str, label: str) -> None:
    # Comparing a naive time with an aware one would raise TypeError, or worse, be guessed.
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(field, label, "时间没有时区，无法确定是哪一刻")


def _years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


# --- free text -------------------------------------------------------------------------------

# CJK ideographs added after Unicode 14.0, which Python 3.11's unicodedata reports as
# unassigned: Extension I (15.1) and Extension H (15.0). A newer input method can type them.
_NEWER_CJK = ((0x2EBF0, 0x2EE5D), (0x31350, 0x323AF))
_LINE_SEPARATORS = {"\u2028", "\u2029"}
_NAME_PUNCTUATION = {"·", " ", "-", "'"}
# Look-alikes typed for the middle dot of minority names; they would break name matching.
_DOT_LOOKALIKES = {"•", "・", "‧", "⋅", "∙", "．", "."}


def text(
    value: str,
    *,
    field: str,
    label: str,
    max_length: int,
    required: bool = False,
    multiline: bool = False,
) -> str:
    """Free text, stripped; every character must print (no controls, private-use or unassigned).

    Multi-line text may hold line breaks (``\\r\\n`` becomes ``\\n``) and tabs. Characters are
    otherwise kept exactly: no Unicode normalisation, which would rewrite rare ideographs.
    """
    if multiline:
        value = value.replace("\r\n", "\n")
    value = value.strip()
    if required and not value:
        raise ValidationError(field, label, "不能为空")
    if len(value) > max_length:
        raise ValidationError(field, label, f"不能超过 {max_length} 个字，现有 {len(value)} 个")
    for position, char in enumerate(value, start=1):
        problem = _character_problem(char, multiline)
        if problem:
            raise ValidationError(
                field, label, f"第 {position} 个字符 U+{ord(char):04X} {problem}"
            )
    return value


def person_name(value: str, *, field: str, label: str) -> str:
    """A person's name: letters, with the middle dot ``·`` of minority names.

    Spaces, hyphens and apostrophes are allowed too, for foreign names.
    """
    value = text(value, field=field, label=label, max_length=50, required=True)
    for position, char in enumerate(value, start=1):
        if char in _DOT_LOOKALIKES:
            raise ValidationError(
                field, label, f"第 {position} 个字符“{char}”应写作间隔号“·”（U+00B7）"
            )
        if char not in _NAME_PUNCTUATION and _category(char)[0] not in "LM":
            raise ValidationError(
                field,
                label,
                f"第 {position} 个字符“{char}”（U+{ord(char):04X}）不能用在姓名中",
            )
    return value


def _character_problem(char: str, multiline: bool) -> str | None:
    """Why ``char`` cannot be stored, or None if it can."""
    if multiline and char in "\n\t":
        return None
    category = _category(char)
    if char in "\n\r" or char in _LINE_SEPARATORS:
        return "是不标准的换行符" if multiline else "是换行，这里只能填一行"
    if category == "Cc":
        return "是控制字符"
    if category == "Cs":
        return "是不成对的代理码位，文本已损坏"
    if category == "Co":
        return "是私用区字符，别处无法显示"
    if category == "Cn":
        return "是未分配的码位，无法显示"
    if category == "Cf" and char not in _JOINERS:
        # Invisible format characters (zero-width space, right-to-left override, BOM) make two
        # names look alike that are not, and can turn printed text around.
        return "是不可见的格式字符"
    return None


_JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner: needed by some scripts and emoji


def _category(char: str) -> str:
    """The Unicode general category, counting newer CJK ideographs as letters (Lo)."""
    code = ord(char)
    if any(low <= code <= high for low, high in _NEWER_CJK):
        return "Lo"
    return unicodedata.category(char)
