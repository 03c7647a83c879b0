"""The station's body font (正文字体): chosen in the settings, checked when saved, printed by
preview and issue (and ``mediation-desk print``), and never silently swapped when its file goes."""

import io
import shutil
import struct
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import main
from app.domain import clock
from app.domain.errors import IllegalTransition, ValidationError
from app.models.case import Case
from app.models.station import NumberSequence
from app.printing.fonts import FontError
from app.services.documents import document_pdf, issue_document, issued_documents, preview_document
from app.services.settings import StationSettings, load_settings, save_settings
from tests.conftest import HEAD_PASSWORD
from tests.services.document_factories import accepted, set_office_contact

WENQUANYI = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
needs_wenquanyi = pytest.mark.skipif(
    not WENQUANYI.is_file(), reason=f"needs the TrueType collection {WENQUANYI} (fonts-wqy-microhei)"
)
YEAR = clock.today().year


def page_one_fonts(pdf: bytes) -> set[str]:
    """The base names of the fonts page 1 uses (a subset's name is ``ABCDEF+Name``)."""
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    return {str(font.get_object()["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}


def cff_font(path: Path) -> Path:
    """A tiny OpenType file with PostScript (CFF) outlines: the sfnt version 'OTTO' and a CFF
    table, as every .otf of that kind begins (no font tools are installed to build a whole one)."""
    header = b"OTTO" + struct.pack(">HHHH", 1, 16, 0, 0)
    table = b"CFF " + struct.pack(">III", 0, 28, 4)
    path.write_bytes(header + table + b"\x01\x00\x04\x01")
    return path


def with_body_font(store, head, font: Path | str) -> StationSettings:
    return save_settings(store, head, StationSettings(body_font=str(font)))


def numbers_used(store, form: str) -> int:
    with store.reading() as session:
        row = session.get(NumberSequence, (f"d:{form}", YEAR))
        return row.last if row else 0


@pytest.fixture
def copied_font(tmp_path) -> Path:
    """A chosen font in a folder of its own, which a test may delete."""
    if not WENQUANYI.is_file():
        pytest.skip(f"needs the TrueType collection {WENQUANYI} (fonts-wqy-microhei)")
    folder = tmp_path / "fonts"
    folder.mkdir()
    return Path(shutil.copy(WENQUANYI, folder / "station-body.ttc"))


# --- the setting -----------------------------------------------------------------------------


def test_a_new_station_prints_in_the_bundled_face(store):
    assert load_settings(store).body_font == ""


@needs_wenquanyi
def test_the_head_chooses_an_installed_truetype_font(store, head):
    saved = with_body_font(store, head, WENQUANYI)
    assert saved.body_font == str(WENQUANYI)
    assert load_settings(store).body_font == str(WENQUANYI)
    assert with_body_font(store, head, "").body_font == ""
    assert load_settings(store).body_font == ""


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda folder: folder / "不存在.ttf", "找不到字体文件"),
        (lambda folder: cff_font(folder / "思源宋体.otf"), "PostScript (CFF) 轮廓的字体，不支持"),
        (lambda folder: folder / "坏的.ttf", "无法读取字体文件“坏的.ttf”"),
        (lambda folder: Path("fonts/simfang.ttf"), "完整路径"),
    ],
    ids=["not found", "CFF outlines", "damaged", "relative"],
)
def test_a_font_that_cannot_print_is_refused_naming_the_field_and_nothing_is_saved(
    store, head, tmp_path, make, reason
):
    (tmp_path / "坏的.ttf").write_bytes(b"\x00\x01\x00\x00 not really a font")
    before = load_settings(store)
    with pytest.raises(ValidationError) as refused:
        # A good change alongside, which must not be saved on its own.
        save_settings(store, head, StationSettings(idle_lock_minutes=3, body_font=str(make(tmp_path))))
    assert refused.value.field == "settings.body_font"
    assert refused.value.label == "正文字体"
    assert reason in refused.value.reason
    assert load_settings(store) == before


@needs_wenquanyi
def test_only_the_head_may_choose_the_font(store, mediator):
    with pytest.raises(IllegalTransition):
        with_body_font(store, mediator, WENQUANYI)
    assert load_settings(store).body_font == ""


# --- printing with it ----------------------------------------------------------------------


@needs_wenquanyi
def test_preview_and_issue_print_the_body_in_the_chosen_face(store, head):
    set_office_contact(store, head)
    case_id = accepted(store, head)
    bundled = page_one_fonts(preview_document(store, head, case_id, "acceptance"))
    assert any("+FandolFang" in name for name in bundled), bundled
    assert not any("WenQuanYi" in name for name in bundled)

    with_body_font(store, head, WENQUANYI)
    preview = page_one_fonts(preview_document(store, head, case_id, "acceptance"))
    issued = issue_document(store, head, case_id, "acceptance")
    printed = page_one_fonts(document_pdf(store, head, issued.id))
    for names in (preview, printed):
        assert any("+WenQuanYiMicroHei" in name for name in names), names
        assert not any("FandolFang" in name for name in names), "the chosen face prints the whole body"
        assert any(name.endswith("+MediationSerifSCTitle-Bold") for name in names), "titles keep the bundled face"


def test_a_font_file_gone_since_it_was_chosen_stops_issuing_with_nothing_issued(store, head, copied_font):
    set_office_contact(store, head)
    case_id = accepted(store, head)
    with_body_font(store, head, copied_font)
    copied_font.unlink()

    # The setting still names the file: it is not quietly read as the bundled face.
    assert load_settings(store).body_font == str(copied_font)
    for attempt in (
        lambda: issue_document(store, head, case_id, "acceptance"),
        lambda: preview_document(store, head, case_id, "acceptance"),
    ):
        with pytest.raises(FontError) as refused:
            attempt()
        message = str(refused.value)
        assert str(copied_font) in message and "设置" in message and "重新选择正文字体" in message
    assert issued_documents(store, head, case_id) == []
    assert numbers_used(store, "acceptance") == 0

    # Chosen again (here: the bundled face), the same document issues with the first number.
    with_body_font(store, head, "")
    issued = issue_document(store, head, case_id, "acceptance")
    assert issued.number == f"西市监投受〔{YEAR}〕第1号"


def test_a_reprint_gives_the_archived_bytes_whatever_became_of_the_font(store, head, copied_font):
    set_office_contact(store, head)
    case_id = accepted(store, head)
    with_body_font(store, head, copied_font)
    issued = issue_document(store, head, case_id, "acceptance")
    original = document_pdf(store, head, issued.id)
    copied_font.unlink()
    assert document_pdf(store, head, issued.id) == original


# --- the command line goes through the same service ----------------------------------------


def test_the_print_command_refuses_a_gone_font_and_issues_nothing(
    store, head, station_paths, copied_font, tmp_path, capsys, monkeypatch, detached_log_files
):
    monkeypatch.setattr("sys.stdin", io.StringIO(HEAD_PASSWORD + "\n"))
    set_office_contact(store, head)
    case_id = accepted(store, head)
    with store.reading() as session:
        number = session.get(Case, case_id).number
    with_body_font(store, head, copied_font)
    copied_font.unlink()
    out = tmp_path / "受理.pdf"

    args = ["print", "--data-dir", str(station_paths.data_dir), "--case", number, "--form", "acceptance"]
    assert main([*args, "--out", str(out), "--user", "head"]) == 2
    error = capsys.readouterr().err
    assert str(copied_font) in error and "重新选择正文字体" in error
    assert not out.exists()
    assert issued_documents(store, head, case_id) == []
    assert numbers_used(store, "acceptance") == 0
