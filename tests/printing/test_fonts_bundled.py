"""The bundled document fonts: present, licensed, accepted by reportlab, and covering what documents print.

installer/build_fonts.py makes these files; resources/fonts/README.md says what each one is.
"""

import io

import pypdf
import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

from app.paths import resources_dir

FONTS = resources_dir() / "fonts"
BODY = "FandolFang-Regular.ttf"
TITLE = "MediationSerifSCTitle-Bold.ttf"
FALLBACK = "MediationSerifSCHan-Regular.ttf"

# Rare characters as they turn up in people's names: CJK Extension A (㐀 U+3400, 䶮 U+4DAE as in
# 刘䶮, 䶵 U+4DB5), and beyond the BMP those of the Table of General Standard Chinese Characters
# (通用规范汉字表) that Noto Serif CJK SC draws: 𨙸 U+28678 (Ext B), 𫖯 U+2B5AF as in 赵孟𫖯 (Ext C),
# 𬭚 U+2CB5A (Ext E).
RARE_EXT_A = "㐀䶮䶵"
RARE_BEYOND_BMP = "𨙸𫖯𬭚"


def gb2312_hanzi(first_row: int, last_row: int) -> list[str]:
    """The hanzi of GB 2312 rows first_row..last_row (level 1: 0xB0-0xD7, level 2: 0xD8-0xF7)."""
    hanzi = []
    for row in range(first_row, last_row + 1):
        for cell in range(0xA1, 0xFF):
            try:
                hanzi.append(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # 0xD7FA-0xD7FE are unassigned
    return hanzi


GB2312_LEVEL_1 = gb2312_hanzi(0xB0, 0xD7)
GB2312_LEVEL_2 = gb2312_hanzi(0xD8, 0xF7)


@pytest.fixture(scope="module")
def faces() -> dict[str, TTFont]:
    """Each bundled face loaded once by reportlab, as the printing code loads it."""
    return {name: TTFont(f"BundledFontTest-{name}", str(FONTS / name)) for name in (BODY, TITLE, FALLBACK)}


def covered(face: TTFont, text) -> set[str]:
    return {char for char in text if ord(char) in face.face.charToGlyph}


def test_the_gb2312_tables_are_complete():
    assert len(GB2312_LEVEL_1) == 3755
    assert len(GB2312_LEVEL_2) == 3008


@pytest.mark.parametrize(
    "name", [BODY, TITLE, FALLBACK, "OFL.txt", "FandolFang-COPYING.txt", "README.md"]
)
def test_each_font_ships_with_its_licence_and_readme(name):
    assert (FONTS / name).is_file()
    assert (FONTS / name).stat().st_size > 0


def test_the_licence_texts_are_the_real_ones():
    ofl = (FONTS / "OFL.txt").read_text("utf-8")
    assert ofl.startswith("Copyright ") and "Adobe" in ofl.splitlines()[0]
    assert "SIL OPEN FONT LICENSE Version 1.1" in ofl
    assert "No Modified Version of the Font Software may use the Reserved Font" in ofl

    fandol = (FONTS / "FandolFang-COPYING.txt").read_text("utf-8")
    assert "the Fandol team" in fandol
    assert "GNU GENERAL PUBLIC LICENSE" in fandol and "Version 3, 29 June 2007" in fandol
    # The font exception: documents that embed the font are not covered by the GPL.
    assert "As a special exception, if you create a document which uses this font" in fandol


def test_the_readme_names_every_bundled_file():
    readme = (FONTS / "README.md").read_text("utf-8")
    for name in (BODY, TITLE, FALLBACK, "OFL.txt", "FandolFang-COPYING.txt", "installer/build_fonts.py"):
        assert name in readme


@pytest.mark.parametrize(
    ("name", "family", "postscript"),
    [
        (BODY, "FandolFang TT", "FandolFangTT-Regular"),
        (TITLE, "Mediation Serif SC Title", "MediationSerifSCTitle-Bold"),
        (FALLBACK, "Mediation Serif SC Han", "MediationSerifSCHan-Regular"),
    ],
)
def test_each_face_has_its_own_family_name(faces, name, family, postscript):
    face = faces[name].face
    assert face.familyName.decode() == family
    assert face.name.decode() == postscript


@pytest.mark.parametrize("name", [TITLE, FALLBACK])
def test_the_converted_noto_faces_use_no_reserved_or_trademarked_name(faces, name):
    # The OFL forbids a modified version the reserved name "Source"; "Noto" is Google's trademark.
    face = faces[name].face
    for text in (face.familyName.decode(), face.name.decode()):
        assert "Noto" not in text
        assert "Source" not in text


def test_the_body_face_covers_gb2312_level_1(faces):
    missing = set(GB2312_LEVEL_1) - covered(faces[BODY], GB2312_LEVEL_1)
    assert not missing, "".join(sorted(missing))


def test_the_body_and_title_faces_cover_gb2312_level_2(faces):
    for name in (BODY, TITLE):
        missing = set(GB2312_LEVEL_2) - covered(faces[name], GB2312_LEVEL_2)
        assert not missing, f"{name}: {''.join(sorted(missing))}"


def test_the_title_face_covers_level_1_ascii_and_chinese_punctuation(faces):
    text = "".join(GB2312_LEVEL_1) + "".join(map(chr, range(0x20, 0x7F))) + "，。、；：？！（）《》〔〕【】“”‘’—…·¥"
    missing = set(text) - covered(faces[TITLE], text)
    assert not missing, "".join(sorted(missing))


def test_the_body_face_covers_digits_latin_and_chinese_punctuation(faces):
    text = "0123456789ABCXYZabcxyz，。、；：？！（）《》〔〕【】“”‘’—…"
    assert covered(faces[BODY], text) == set(text)


def test_the_fallback_face_covers_rare_name_characters(faces):
    fallback = faces[FALLBACK]
    assert covered(fallback, RARE_EXT_A) == set(RARE_EXT_A)
    assert covered(fallback, RARE_BEYOND_BMP) == set(RARE_BEYOND_BMP)
    # And everything in the two common levels, so it never lacks what the body face has.
    assert covered(fallback, GB2312_LEVEL_1 + GB2312_LEVEL_2) == set(GB2312_LEVEL_1 + GB2312_LEVEL_2)


def test_the_fallback_face_has_all_unified_ideographs_and_extension_a(faces):
    codes = faces[FALLBACK].face.charToGlyph.keys()
    unified = sum(0x4E00 <= code <= 0x9FFF for code in codes)
    extension_a = sum(0x3400 <= code <= 0x4DBF for code in codes)
    assert unified >= 20902  # every character of Unicode 3.0's block, and more
    assert extension_a >= 6582


def test_the_title_and_body_faces_are_subset_to_what_they_need(faces):
    # The title face is cut to GB 2312 and punctuation; rare characters come from the fallback.
    assert not covered(faces[TITLE], RARE_EXT_A)
    assert len(faces[TITLE].face.charToGlyph) < 9000


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (BODY, "经调解，双方自愿达成如下协议：被投诉人退还货款人民币壹仟元整。"),
        (TITLE, "消费纠纷调解书"),
        # Only Han in the fallback face. Beyond the BMP plain reportlab's ToUnicode map is wrong (it
        # writes U+2B5AF as <2B5AF>; app/printing/fonts.py mends it), so extraction uses Extension A.
        (FALLBACK, "刘䶮王㐀"),
    ],
)
def test_a_document_embeds_a_subset_of_the_face(faces, name, text):
    face = faces[name]
    pdfmetrics.registerFont(face)
    style = ParagraphStyle("test", fontName=face.fontName, fontSize=16, leading=28, wordWrap="CJK")
    out = io.BytesIO()
    SimpleDocTemplate(out, invariant=1).build([Paragraph(text, style)])

    page = pypdf.PdfReader(io.BytesIO(out.getvalue())).pages[0]
    assert "".join(page.extract_text().split()) == text
    embedded = [font.get_object() for font in page["/Resources"]["/Font"].values()]
    ours = [font for font in embedded if font["/BaseFont"].endswith("+" + face.face.name.decode())]
    assert len(ours) == 1
    descriptor = ours[0]["/FontDescriptor"].get_object()
    # FontFile2 is a TrueType program; reportlab embeds only the glyphs used, never the whole face.
    program = descriptor["/FontFile2"].get_object().get_data()
    assert 0 < len(program) < 100_000
