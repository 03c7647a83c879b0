"""Rendering: byte-identical reprints, the QR code on paper, drafts, fonts and characters no face has."""

import hashlib
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from app.printing import fonts as fonts_module
from app.printing.fonts import FontError, MissingGlyphError, load_fonts, missing_characters
from app.printing.page import PAGE_HEIGHT, QR_SIZE, QR_X, QR_Y
from app.printing.qr import qr_modules, qr_payload
from app.printing.render import TEMPLATE_VERSION, render
from app.printing.samples import sample_documents
from tests.printing.pdf_reading import all_text, page_fonts, reader

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sample_documents()
DRAFTS = sample_documents(issued=False)
NOT_IN_ANY_FACE = "𠀀"  # U+20000: Extension B, which the fallback face has only in part
WENQUANYI = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def with_addressee(name: str):
    content = SAMPLES["acceptance"]
    return replace(content, heading=replace(content.heading, addressee=name))


# --- the same bytes every time -------------------------------------------------------------


def test_a_reprint_in_the_same_process_is_byte_identical():
    assert render(SAMPLES["agreement"]) == render(SAMPLES["agreement"])


def test_a_reprint_in_another_process_is_byte_identical():
    expected = hashlib.sha256(render(SAMPLES["agreement"])).hexdigest()
    script = textwrap.dedent(
        """
        import hashlib
        from app.printing.render import render
        from app.printing.samples import sample_documents
        print(hashlib.sha256(render(sample_documents()["agreement"])).hexdigest())
        """
    )
    for seed in ("1", "2"):  # a different hash seed changes the order of sets and dicts of str
        done = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == expected


def test_the_creation_date_is_the_issuing_date_and_the_title_names_the_document():
    info = reader(render(SAMPLES["refusal"])).metadata
    assert info["/CreationDate"] == "D:20261108000000+08'00'"
    assert info["/Title"] == "投诉不予受理决定书 西市监投〔2026〕第53号"
    assert TEMPLATE_VERSION in info["/Creator"]


# --- on paper, through Qt's PDF renderer -----------------------------------------------------


def page_image(pdf: bytes, dpi: int = 150, page: int = 0) -> QImage:
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready
    size = document.pagePointSize(page)
    rendered = document.render(page, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72)))
    document.close()
    # The page comes back on a transparent background: lay it on white paper.
    paper = QImage(rendered.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return paper


def grey(image: QImage, x_pt: float, y_pt_from_bottom: float, dpi: int) -> int:
    """The grey level (0 black, 255 white) at a point given in PDF coordinates."""
    x = int(x_pt * dpi / 72)
    y = int((PAGE_HEIGHT - y_pt_from_bottom) * dpi / 72)
    colour = image.pixelColor(x, y)
    return (colour.red() + colour.green() + colour.blue()) // 3


def dark_share(image: QImage, step: int = 4) -> float:
    dark = total = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            dark += image.pixelColor(x, y).lightness() < 128
    return dark / total


@pytest.mark.parametrize("name", ["refusal", "agreement", "complaint-register"])
def test_the_first_page_renders_with_ink_on_it(qapp, name):
    image = page_image(render(SAMPLES[name]), dpi=50)
    assert not image.isNull()
    assert 0.01 < dark_share(image) < 0.5


def test_the_printed_qr_code_carries_the_payload(qapp):
    """Each module of the code, read off the rendered page, is the module the payload encodes."""
    content = SAMPLES["agreement"]
    dpi = 300
    image = page_image(render(content), dpi=dpi)
    modules = qr_modules(qr_payload(content))
    box = QR_SIZE / len(modules)
    for row, cells in enumerate(modules):
        for column, dark in enumerate(cells):
            level = grey(image, QR_X + (column + 0.5) * box, QR_Y + QR_SIZE - (row + 0.5) * box, dpi)
            assert (level < 128) == dark, (row, column)


def test_the_qr_payload_names_the_form_the_number_and_the_content():
    content = SAMPLES["agreement"]
    form, number, digest = qr_payload(content).split("|")
    assert (form, number) == ("agreement", "西市监调〔2026〕第56号")
    assert len(digest) == 64


def test_a_draft_has_no_qr_code_and_a_light_sample_mark(qapp):
    pdf = render(DRAFTS["refusal"])
    dpi = 100
    image = page_image(pdf, dpi=dpi)
    qr_area = [
        grey(image, QR_X + x * QR_SIZE / 10, QR_Y + y * QR_SIZE / 10, dpi) for x in range(1, 10) for y in range(1, 10)
    ]
    assert min(qr_area) > 230, "no code where an issued document has one"
    text = all_text(pdf)
    assert text.count("样稿") == len(reader(pdf).pages)
    assert "西市监投〔2026〕第号" in text, "the number is left blank"
    assert reader(pdf).metadata["/Title"] == "投诉不予受理决定书（样稿）"


def test_an_issued_document_has_no_sample_mark():
    assert "样稿" not in all_text(render(SAMPLES["refusal"]))


# --- characters and faces -------------------------------------------------------------------


def test_a_rare_character_prints_from_the_fallback_face():
    content = with_addressee("刘䶮、赵孟𫖯")
    assert missing_characters(content) == []
    pdf = render(content)
    assert "刘䶮、赵孟𫖯：" in all_text(pdf), "beyond the BMP too, the text can be searched"
    assert any(str(font["/BaseFont"]).endswith("+MediationSerifSCHan-Regular") for font in page_fonts(pdf))


def test_a_character_in_no_face_is_reported_before_printing_and_refused():
    content = with_addressee(f"林{NOT_IN_ANY_FACE}😀")
    assert missing_characters(content) == [NOT_IN_ANY_FACE, "😀"]
    with pytest.raises(MissingGlyphError) as raised:
        render(content)
    message = str(raised.value)
    assert NOT_IN_ANY_FACE in message and "U+20000" in message and "U+1F600" in message
    assert raised.value.characters == [NOT_IN_ANY_FACE, "😀"]


def test_missing_characters_reads_every_text_of_the_data():
    agreement = SAMPLES["agreement"]
    content = replace(agreement, terms=(*agreement.terms, f"另付{NOT_IN_ANY_FACE}元"))
    assert missing_characters(content) == [NOT_IN_ANY_FACE]
    assert missing_characters("普通文字，123。\n第二段") == []


def test_drawing_text_with_a_missing_character_raises_rather_than_printing_a_box():
    with pytest.raises(MissingGlyphError):
        load_fonts().runs(f"林{NOT_IN_ANY_FACE}", "body")


@pytest.mark.skipif(not WENQUANYI.is_file(), reason="needs a system TrueType collection")
def test_a_station_may_print_the_body_in_an_installed_font():
    pdf = render(SAMPLES["acceptance"], body_font=WENQUANYI)
    names = {str(font["/BaseFont"]) for font in page_fonts(pdf)}
    assert any("+WenQuanYiMicroHei" in name for name in names)
    assert any(name.endswith("+MediationSerifSCTitle-Bold") for name in names), "titles keep the bundled face"
    assert "我局决定受理" in all_text(pdf)


def test_an_unusable_font_file_is_refused_with_a_message(tmp_path):
    not_a_font = tmp_path / "仿宋.ttf"
    not_a_font.write_bytes(b"this is not a font")
    with pytest.raises(FontError) as raised:
        render(SAMPLES["acceptance"], body_font=not_a_font)
    assert "仿宋.ttf" in str(raised.value) and "TrueType" in str(raised.value)


@pytest.fixture
def no_fonts_anywhere(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts_module, "bundled_fonts_dir", lambda: tmp_path)
    monkeypatch.setattr(fonts_module, "SYSTEM_FACES", ())
    load_fonts.cache_clear()
    yield
    load_fonts.cache_clear()


def test_without_any_face_printing_stops_with_a_clear_error(no_fonts_anywhere):
    with pytest.raises(FontError) as raised:
        render(SAMPLES["acceptance"])
    assert "找不到打印文书用的字体" in str(raised.value)


def test_an_unknown_kind_of_data_is_not_printed():
    with pytest.raises(TypeError):
        render(SAMPLES["acceptance"].heading)
