"""Chinese line breaking: no line starts with closing or ends with opening punctuation, nothing is lost."""

from hypothesis import given, settings
from hypothesis import strategies as st

from app.printing.fonts import load_fonts
from app.printing.layout import cell_width, measure
from app.printing.linebreak import CLOSING, OPENING, break_lines, units
from app.printing.page import BODY_TEXT, CHARS_PER_LINE

WIDTH_OF = measure(load_fonts(), BODY_TEXT)
CELL = cell_width(BODY_TEXT)
FULL_LINE = CHARS_PER_LINE * CELL

HANZI = "投诉人被投诉人调解协议退货款赔偿市场监督管理局决定受理商品服务争议事实请求"
CLOSING_MARKS = "，。、；：？！）》」』〕】”’…,.;:?!)%"
OPENING_MARKS = "（《「『〔【“‘(￥"


def is_word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char == "*")


# A piece of text: at most two opening marks, a core (a hanzi, a number, a Latin word, a masked
# phone), at most two closing marks. Pieces next to each other may need a space or a hanzi between
# them, which the strategy adds, so that a Latin word and a number never run together by accident.
cores = st.one_of(
    st.sampled_from(HANZI),
    st.from_regex(r"[0-9]{1,11}", fullmatch=True),
    st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True),
    st.sampled_from(["138****8000", "0571-88888888", "12,800.00", "2026-04-15", "ZJ-2026-1101", "……", "——"]),
)
pieces = st.builds(
    lambda opening, core, closing: opening + core + closing,
    st.text(st.sampled_from(OPENING_MARKS), max_size=2),
    cores,
    st.text(st.sampled_from(CLOSING_MARKS), max_size=2),
)


@st.composite
def paragraphs(draw) -> str:
    text = ""
    for piece in draw(st.lists(pieces, min_size=1, max_size=60)):
        if text and piece[0] in "…—":
            # An ellipsis may not start a line, so it would join what precedes it: a hanzi
            # between keeps runs of marks from chaining into one unit wider than a line.
            text += "的"
        elif text and text[-1].isascii() and is_word_char(piece[0]):
            # Else two pieces would be one word (ab cd, 12.34, 14:30), which is never split.
            text += draw(st.sampled_from([" ", "的"]))
        text += piece
    return text


def check_lines(text: str, lines: list[str], width: float) -> None:
    assert "".join(lines) == text
    assert all(lines), "no empty line"
    for line in lines:
        assert WIDTH_OF(line) <= width + 1e-6, f"too wide: {line!r}"
    for before, after in zip(lines, lines[1:]):
        assert after[0] not in CLOSING, f"a line starts with closing punctuation: {after!r}"
        assert before[-1] not in OPENING, f"a line ends with opening punctuation: {before!r}"
        split = is_word_char(before[-1]) and is_word_char(after[0])
        assert not split, f"a word or number was split: {before!r} | {after!r}"
        assert not (before[-1] == after[0] and before[-1] in "…—"), "a two-cell mark was split"
        assert after[0] != " ", "a line starts with a space"


@settings(max_examples=300, deadline=None)
@given(paragraphs(), st.integers(min_value=12 * 4, max_value=40 * 4))
def test_lines_keep_every_rule_on_any_width(text, quarter_cells):
    width = quarter_cells * CELL / 4
    check_lines(text, break_lines(text, width, WIDTH_OF), width)


@settings(max_examples=100, deadline=None)
@given(paragraphs(), st.integers(min_value=16, max_value=28), st.integers(min_value=0, max_value=4))
def test_a_first_line_indent_is_kept(text, cells, indent):
    width = cells * CELL
    lines = break_lines(text, width, WIDTH_OF, first_width=width - indent * CELL)
    assert "".join(lines) == text
    assert WIDTH_OF(lines[0]) <= width - indent * CELL + 1e-6


def test_a_closing_mark_pulls_the_character_before_it_down():
    text = "投" * CHARS_PER_LINE + "。"
    lines = break_lines(text, FULL_LINE, WIDTH_OF)
    assert lines == ["投" * (CHARS_PER_LINE - 1), "投。"]


def test_two_closing_marks_go_down_with_their_character():
    text = "投" * (CHARS_PER_LINE - 1) + "诉”。后文"
    lines = break_lines(text, FULL_LINE, WIDTH_OF)
    assert lines[1].startswith("诉”。")


def test_an_opening_mark_goes_down_with_what_follows_it():
    text = "投" * (CHARS_PER_LINE - 1) + "《办法》"
    lines = break_lines(text, FULL_LINE, WIDTH_OF)
    assert lines == ["投" * (CHARS_PER_LINE - 1), "《办法》"]


def test_a_phone_number_an_amount_and_a_case_number_stay_whole():
    text = "投" * 22 + "联系电话13800138000，金额12,800.00元，案号ZJ-2026-110105。"
    for cells in range(16, 29):
        lines = break_lines(text, cells * CELL, WIDTH_OF)
        for whole in ("13800138000", "12,800.00", "ZJ-2026-110105"):
            assert any(whole in line for line in lines), "|".join(lines)


def test_a_masked_number_and_its_closing_mark_are_one_unit():
    assert units("电话138****8000。") == ["电", "话", "138****8000。"]


def test_a_number_wider_than_the_line_is_cut_rather_than_overflowing():
    text = "9" * 80
    width = 10 * CELL
    lines = break_lines(text, width, WIDTH_OF)
    assert "".join(lines) == text
    assert all(WIDTH_OF(line) <= width for line in lines)
    assert len(lines) > 1


def test_a_text_full_of_commas_breaks_correctly_on_every_width():
    """Where reportlab's own CJK wrapping started 13 of 260 lines with "，"."""
    text = "，".join(["投诉人" + "诉" * (n % 5) for n in range(200)])
    for cells in range(12, 29):
        check_lines(text, break_lines(text, cells * CELL, WIDTH_OF), cells * CELL)


def test_an_empty_paragraph_is_one_empty_line():
    assert break_lines("", FULL_LINE, WIDTH_OF) == [""]
