"""Field validators: what they accept, how they normalise, and what they say when they refuse."""

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import validators as v
from app.domain.errors import ValidationError

TODAY = date(2026, 5, 1)
BEIJING = timezone(timedelta(hours=8))
NOW = datetime(2026, 5, 1, 10, 0, tzinfo=BEIJING)
CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


# Check characters computed from the standards' definitions, independently of the module:
# MOD 11-2 weights are 2^(17-i) mod 11, the credit-code weights 3^i mod 31.
def resident_check(body: str) -> str:
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(body))
    check = (12 - total % 11) % 11
    return "X" if check == 10 else str(check)


def credit_check(body: str) -> str:
    total = sum(CREDIT_CHARS.index(c) * pow(3, i, 31) for i, c in enumerate(body))
    return CREDIT_CHARS[(31 - total % 31) % 31]


RESIDENT_BODY = "11010519491231002"
RESIDENT = RESIDENT_BODY + resident_check(RESIDENT_BODY)
CREDIT_BODY = "91110108MA01ABCDE"
CREDIT = CREDIT_BODY + credit_check(CREDIT_BODY)
# The first body of this form whose check character is X, to exercise the lower-case x.
X_BODY = next(
    f"44030419900101{n:03d}"
    for n in range(1000)
    if resident_check(f"44030419900101{n:03d}") == "X"
)


def rejects(call, *args, field="f", expect, **kwargs):
    """Call a validator that must refuse; check the field and that the reason says `expect`."""
    with pytest.raises(ValidationError) as caught:
        call(*args, field=field, label="标签", **kwargs)
    assert caught.value.field == field
    assert expect in caught.value.reason, caught.value.reason
    return caught.value


# --- phone -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("13800138000", "13800138000"),
        (" 138 0013 8000 ", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("+86 138 0013 8000", "13800138000"),
        ("+86-13800138000", "13800138000"),
        ("8613800138000", "13800138000"),
        ("0086 19912345678", "19912345678"),
        ("0571-88888888", "0571-88888888"),
        ("057188888888", "0571-88888888"),
        ("0571 8888 8888", "0571-88888888"),
        ("010-6512345", "010-6512345"),
        ("02188888888", "021-88888888"),
        ("0571-88888888-123", "0571-88888888-123"),
        ("0571-88888888转123", "0571-88888888-123"),
        ("0571-88888888#8", "0571-88888888-8"),
        ("4008001234", "400-800-1234"),
        ("400-800-1234", "400-800-1234"),
        ("800 820 8820", "800-820-8820"),
    ],
)
def test_phone_accepts_and_normalises(raw, stored):
    assert v.phone(raw, field="complainant.phone", label="投诉人电话") == stored


@pytest.mark.parametrize(
    ("raw", "expect"),
    [
        ("", "不能为空"),
        ("1380013800", "手机号码应为 11 位"),
        ("138001380000", "手机号码应为 11 位"),
        ("12800138000", "以 13–19 开头"),
        ("１３８００１３８０００", "应为 11 位手机号码"),  # full-width digits are not read
        ("+86 1280013800", "手机号码"),
        ("0571-08888888", "固定电话"),
        ("0571-18888888", "不以 0 或 1 开头"),
        ("0571-888888", "固定电话"),
        ("0571-888888888", "固定电话"),
        ("0571-88888888-1234567", "固定电话"),
        ("0571-88888888 ext 12", "固定电话"),
        ("(0571)88888888", "应为 11 位手机号码"),
        ("400800123", "400/800"),
        ("40080012345", "400/800"),
        ("95588", "应为 11 位手机号码"),
        ("not a number", "应为 11 位手机号码"),
    ],
)
def test_phone_rejects_with_the_expected_format(raw, expect):
    rejects(v.phone, raw, field="complainant.phone", expect=expect)


# --- resident ID -----------------------------------------------------------------------------


def test_computed_resident_id_is_accepted():
    assert v.resident_id(f" {RESIDENT} ", field="f", label="身份证", today=TODAY) == RESIDENT


def test_lower_case_x_becomes_upper_case():
    assert v.resident_id(X_BODY + "x", field="f", label="身份证", today=TODAY) == X_BODY + "X"


def resident(body: str) -> str:
    return body + resident_check(body)


@pytest.mark.parametrize(
    ("raw", "expect"),
    [
        ("", "应为 18 位"),
        (RESIDENT[:17], "应为 18 位"),
        (RESIDENT + "0", "应为 18 位"),
        (RESIDENT[:17] + "Y", "应为 18 位"),
        ("11010519491231O02" + "1", "应为 18 位"),
        ("１" + RESIDENT[1:], "应为 18 位"),
        (resident("91010519491231002"), "地区码"),
        (resident("01010519491231002"), "地区码"),
        (resident("11010519490231002"), "19490231 不是有效日期"),
        (resident("11010519491301002"), "不是有效日期"),
        (resident("11010520260502002"), "晚于今天"),
        (resident("11010518960430002"), "早于 130 年前"),
        (RESIDENT[:17] + ("1" if RESIDENT[17] != "1" else "2"), "校验码不正确"),
    ],
)
def test_resident_id_rejections(raw, expect):
    rejects(v.resident_id, raw, field="complainant.id_number", expect=expect, today=TODAY)


def test_resident_id_age_limits_are_inclusive():
    for body in ("11010520260501002", "11010518960501002"):
        v.resident_id(resident(body), field="f", label="身份证", today=TODAY)


def test_130_years_before_29_february():
    # 1894 has no 29 February; the limit falls back to the 28th.
    v.resident_id(resident("11010518940228002"), field="f", label="身份证", today=date(2024, 2, 29))
    rejects(v.resident_id, resident("11010518940227002"), expect="130", today=date(2024, 2, 29))


resident_bodies = st.builds(
    lambda region, rest, born, seq: f"{region}{rest}{born:%Y%m%d}{seq}",
    st.sampled_from("12345678"),
    st.text("0123456789", min_size=5, max_size=5),
    st.dates(min_value=date(1896, 5, 1), max_value=TODAY),
    st.text("0123456789", min_size=3, max_size=3),
)


@given(resident_bodies)
def test_only_the_computed_check_character_is_accepted(body):
    check = resident_check(body)
    assert v.resident_id(body + check, field="f", label="身份证", today=TODAY) == body + check
    for other in "0123456789X".replace(check, ""):
        rejects(v.resident_id, body + other, expect="校验码", today=TODAY)


# --- other identity documents ----------------------------------------------------------------


def test_id_types_have_chinese_names():
    assert v.ID_TYPES["resident_id"] == "居民身份证"
    assert set(v.ID_TYPES) == {
        "resident_id", "passport", "hk_macao_permit", "taiwan_permit",
        "foreign_permanent_id", "other",
    }


@pytest.mark.parametrize(
    ("id_type", "raw", "stored"),
    [
        ("resident_id", RESIDENT, RESIDENT),
        ("passport", "E12345678", "E12345678"),
        ("passport", " e1234 ", "E1234"),
        ("passport", "A" * 17, "A" * 17),
        ("hk_macao_permit", "H12345678", "H12345678"),
        ("hk_macao_permit", "m1234567890", "M1234567890"),
        ("taiwan_permit", "01234567", "01234567"),
        ("foreign_permanent_id", "USA123456789012", "USA123456789012"),
        ("foreign_permanent_id", "911234567890123456", "911234567890123456"),
        ("other", "军官证 第 12345 号", "军官证 第 12345 号"),
        ("other", "x" * 30, "x" * 30),
    ],
)
def test_id_number_accepts(id_type, raw, stored):
    assert v.id_number(id_type, raw, field="f", label="证件号码", today=TODAY) == stored


@pytest.mark.parametrize(
    ("id_type", "raw", "expect"),
    [
        ("resident_id", RESIDENT[:17], "应为 18 位"),
        ("passport", "E123", "5–17 位"),
        ("passport", "A" * 18, "5–17 位"),
        ("passport", "E12-3456", "5–17 位"),
        ("passport", "Eß1234", "5–17 位"),
        ("hk_macao_permit", "C12345678", "H 或 M"),
        ("hk_macao_permit", "H123456789", "8 位或 10 位"),
        ("taiwan_permit", "1234567", "8 位数字"),
        ("taiwan_permit", "T1234567", "8 位数字"),
        ("foreign_permanent_id", "USA12345678901", "15 位或 18 位"),
        ("foreign_permanent_id", "USA1234567890123", "15 位或 18 位"),
        ("other", "", "不能为空"),
        ("other", "x" * 31, "1–30"),
        ("other", "12\t34", "可打印"),
    ],
)
def test_id_number_rejects(id_type, raw, expect):
    rejects(v.id_number, id_type, raw, field="complainant.id_number", expect=expect, today=TODAY)


def test_unknown_id_type_is_reported_on_the_type_field():
    for number_field, type_field in (("complainant.id_number", "complainant.id_type"),
                                     ("id_number", "id_type")):
        with pytest.raises(ValidationError) as caught:
            v.id_number("driving_licence", "1", field=number_field, label="证件号码", today=TODAY)
        assert caught.value.field == type_field
        assert caught.value.label == "证件类型"
        assert "未知的证件类型“driving_licence”" in caught.value.reason


# --- credit code -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("91350100M000100Y43", "91350100M000100Y43"),  # the standard's published sample
        (CREDIT, CREDIT),
        (f"  {CREDIT.lower()} ", CREDIT),
    ],
)
def test_credit_code_accepts(raw, stored):
    assert v.credit_code(raw, field="merchant.credit_code", label="统一社会信用代码") == stored


@pytest.mark.parametrize(
    ("raw", "expect"),
    [
        ("", "应为 18 位，现为 0 位"),
        ("91350100M000100Y4", "现为 17 位"),
        ("91350100M000100Y433", "现为 19 位"),
        ("91350100I000100Y43", "第 9 位“I”不是允许的字符"),
        ("91350100M000100O43", "第 16 位“O”"),
        ("Z1350100M000100Y43", "第 1 位“Z”"),
        ("91350100M00010-Y43", "第 15 位“-”"),
        ("91350100Mﬀ00100Y43", "第 10 位“ﬀ”"),  # ligature: upper-cases to two letters "FF"
        ("91350100M000100Y44", "校验码不正确"),
    ],
)
def test_credit_code_rejects(raw, expect):
    rejects(v.credit_code, raw, field="merchant.credit_code", expect=expect)


credit_bodies = st.text(CREDIT_CHARS, min_size=17, max_size=17)


@given(credit_bodies)
def test_only_the_computed_credit_check_character_is_accepted(body):
    check = credit_check(body)
    assert v.credit_code(body + check, field="f", label="代码") == body + check
    for other in CREDIT_CHARS.replace(check, ""):
        rejects(v.credit_code, body + other, expect="校验码")


# --- money -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("0", "0.00"),
        ("-0", "0.00"),
        ("12", "12.00"),
        (" 12.5 ", "12.50"),
        ("12.34", "12.34"),
        ("¥1,234.50", "1234.50"),
        ("￥ 1,234,567", "1234567.00"),
        ("100000000", "100000000.00"),
        (1234, "1234.00"),
        (Decimal("9.90"), "9.90"),
        (Decimal("1.500"), "1.50"),
        (Decimal("-0.00"), "0.00"),
    ],
)
def test_amount_accepts(raw, stored):
    result = v.amount(raw, field="claim.amount", label="索赔金额")
    assert str(result) == stored


@pytest.mark.parametrize(
    ("raw", "expect"),
    [
        ("", "应为数字"),
        ("abc", "应为数字"),
        ("1e3", "应为数字"),
        ("NaN", "应为数字"),
        ("1,00", "应为数字"),
        ("12,34.5", "应为数字"),
        ("1_000", "应为数字"),
        ("１２", "应为数字"),
        ("12.", "应为数字"),
        ("+5", "应为数字"),
        ("-0.01", "不能为负"),
        (-1, "不能为负"),
        (Decimal("NaN"), "有限"),
        (Decimal("Infinity"), "有限"),
        ("12.345", "两位小数"),
        (Decimal("0.001"), "两位小数"),
        ("100000000.01", "100,000,000.00 元"),
        (10**30, "不能超过"),
    ],
)
def test_amount_rejects(raw, expect):
    rejects(v.amount, raw, field="claim.amount", expect=expect)


def test_amount_maximum_is_configurable():
    assert v.amount("500", field="f", label="金额", maximum=Decimal("500")) == Decimal("500")
    rejects(v.amount, "500.01", expect="不能超过 500.00 元", maximum=Decimal("500"))


@pytest.mark.parametrize("raw", [1.5, True, None, b"12"])
def test_amount_refuses_floats_and_other_types(raw):
    with pytest.raises(TypeError):
        v.amount(raw, field="f", label="金额")


def test_fen_conversion_is_exact():
    assert v.to_fen(Decimal("1234.56")) == 123456
    assert v.to_fen(Decimal("0.00")) == 0
    assert v.from_fen(123456) == Decimal("1234.56")
    assert str(v.from_fen(100)) == "1.00"
    with pytest.raises(ValueError):
        v.to_fen(Decimal("0.005"))


@given(st.decimals(min_value=0, max_value=Decimal("100000000"), places=2))
def test_amount_round_trips_through_fen(value):
    parsed = v.amount(str(value), field="f", label="金额")
    assert parsed == value
    assert v.from_fen(v.to_fen(parsed)) == parsed
    assert parsed.as_tuple().exponent == -2


# --- dates and times -------------------------------------------------------------------------


def test_not_in_future_accepts_past_and_present():
    assert v.not_in_future(NOW, field="f", label="收到时间", now=NOW) == NOW
    earlier_utc = datetime(2026, 5, 1, 1, 0, tzinfo=timezone.utc)  # 09:00 in Beijing
    assert v.not_in_future(earlier_utc, field="f", label="收到时间", now=NOW) == earlier_utc
    assert v.not_in_future(TODAY, field="f", label="收到日期", now=NOW) == TODAY


@pytest.mark.parametrize(
    ("value", "expect"),
    [
        (NOW + timedelta(seconds=1), "不能晚于现在"),
        (datetime(2026, 5, 1, 3, 0, tzinfo=timezone.utc), "不能晚于现在"),  # 11:00 in Beijing
        (TODAY + timedelta(days=1), "不能晚于今天"),
        (datetime(2026, 4, 1, 9, 0), "没有时区"),
    ],
)
def test_not_in_future_rejects(value, expect):
    rejects(v.not_in_future, value, field="case.received_at", expect=expect, now=NOW)


def test_received_before_entered():
    earlier = NOW - timedelta(hours=2)
    assert v.received_before_entered(earlier, NOW, field="f", label="收到时间") == earlier
    assert v.received_before_entered(NOW, NOW, field="f", label="收到时间") == NOW
    rejects(v.received_before_entered, NOW, earlier, field="case.received_at", expect="晚于录入时间")
    rejects(v.received_before_entered, NOW.replace(tzinfo=None), NOW, expect="没有时区")
    rejects(v.received_before_entered, NOW, NOW.replace(tzinfo=None), expect="没有时区")


# --- text ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "kwargs", "stored"),
    [
        ("  买到过期食品  ", {}, "买到过期食品"),
        ("", {}, ""),
        ("   ", {}, ""),
        ("𠀀𪚥䶮龘", {}, "𠀀𪚥䶮龘"),  # Extension B, B, A, and the basic block
        ("\U00031350\U0002EBF0", {}, "\U00031350\U0002EBF0"),  # Extensions H and I
        ("ＡＢＣ①㈱", {}, "ＡＢＣ①㈱"),  # no NFKC: compatibility characters stay as typed
        ("e\u0301", {}, "e\u0301"),  # nor NFC
        ("一" * 10, {"max_length": 10}, "一" * 10),
        ("𠀀" * 10, {"max_length": 10}, "𠀀" * 10),  # counted in characters, not UTF-16 units
        ("第一行\r\n第二行\n\t缩进", {"multiline": True}, "第一行\n第二行\n\t缩进"),
        ("\n 诉求 \n", {"multiline": True}, "诉求"),
    ],
)
def test_text_accepts(raw, kwargs, stored):
    kwargs = {"max_length": 200} | kwargs
    assert v.text(raw, field="case.summary", label="摘要", **kwargs) == stored


@pytest.mark.parametrize(
    ("raw", "kwargs", "expect"),
    [
        ("", {"required": True}, "不能为空"),
        (" \n ", {"required": True}, "不能为空"),
        ("一" * 11, {"max_length": 10}, "不能超过 10 个字，现有 11 个"),
        ("ab\x07c", {}, "第 3 个字符 U+0007 是控制字符"),
        ("a\x00", {}, "第 2 个字符 U+0000 是控制字符"),
        ("a\x7fb", {}, "U+007F 是控制字符"),
        ("a\x85b", {}, "U+0085 是控制字符"),
        ("第一行\n第二行", {}, "第 4 个字符 U+000A 是换行"),
        ("a\tb", {}, "第 2 个字符 U+0009 是控制字符"),
        ("a\rb", {"multiline": True}, "U+000D 是不标准的换行符"),
        ("a\u2028b", {}, "U+2028 是换行"),
        ("a\u2029b", {"multiline": True}, "U+2029 是不标准的换行符"),
        ("a\ud800b", {}, "第 2 个字符 U+D800 是不成对的代理码位"),
        ("姓\ue000名", {}, "第 2 个字符 U+E000 是私用区字符"),
        ("\U000F0000", {}, "U+F0000 是私用区字符"),
        ("a\U0002A6E0", {}, "第 2 个字符 U+2A6E0 是未分配的码位"),
        ("a\uffff", {}, "U+FFFF 是未分配的码位"),
    ],
)
def test_text_rejects(raw, kwargs, expect):
    kwargs = {"max_length": 200} | kwargs
    rejects(v.text, raw, field="case.summary", expect=expect, **kwargs)


cjk = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF),
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),
)


@given(st.text(cjk, min_size=1, max_size=100))
def test_text_keeps_cjk_intact(value):
    assert v.text(value, field="f", label="文本", max_length=100, required=True) == value


# --- person name -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("张三", "张三"),
        (" 王𪚥 ", "王𪚥"),
        ("阿卜杜拉·艾买提", "阿卜杜拉·艾买提"),
        ("John O'Brien-Smith", "John O'Brien-Smith"),
        ("Zoë", "Zoë"),
        ("买买提·" + "阿" * 46, "买买提·" + "阿" * 46),
    ],
)
def test_person_name_accepts(raw, stored):
    assert v.person_name(raw, field="complainant.name", label="投诉人姓名") == stored


@pytest.mark.parametrize(
    ("raw", "expect"),
    [
        ("", "不能为空"),
        ("  ", "不能为空"),
        ("阿" * 51, "不能超过 50 个字"),
        ("张\n三", "是换行"),
        ("阿卜杜拉•艾买提", "第 5 个字符“•”应写作间隔号“·”"),
        ("阿卜杜拉・艾买提", "应写作间隔号"),
        ("阿卜杜拉.艾买提", "应写作间隔号"),
        ("张三1", "第 3 个字符“1”（U+0031）不能用在姓名中"),
        ("张三（先生）", "不能用在姓名中"),
        ("张\u3000三", "U+3000"),
        ("张\ue000", "私用区"),
    ],
)
def test_person_name_rejects(raw, expect):
    rejects(v.person_name, raw, field="complainant.name", expect=expect)


@pytest.mark.parametrize("char", ["\u200b", "\u202e", "\ufeff"])
def test_invisible_format_characters_are_refused(char):
    with pytest.raises(ValidationError, match="不可见的格式字符"):
        v.text(f"张{char}三", field="f", label="姓名", max_length=10)


def test_joiners_that_scripts_need_are_kept():
    assert v.text("a\u200db", field="f", label="x", max_length=10) == "a\u200db"
