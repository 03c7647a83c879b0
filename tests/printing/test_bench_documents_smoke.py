"""The document benchmark (bench/bench_documents.py) at its smallest: it issues real 调解书 with
consecutive numbers, carries on and says so when LibreOffice is missing, and its baseline DOCX
holds the same agreement. Its timings are not checked here; they belong to its report."""

import io
import shutil
import subprocess
import zipfile
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader

from app.domain import clock
from app.printing.amounts import capitals
from app.printing.samples import sample_documents
from bench import bench_documents
from bench.documents_baseline import NS, fontconfig_file, set_up_office, write_docx

AGREEMENT = sample_documents()["agreement"]


def docx_text(path) -> str:
    with zipfile.ZipFile(path) as docx:
        root = ElementTree.fromstring(docx.read("word/document.xml"))
    return "".join(node.text or "" for node in root.iter(f"{{{NS}}}t"))


def test_a_small_run_without_libreoffice_reports_ours_and_says_why(tmp_path, capsys):
    missing = tmp_path / "no-soffice"
    assert bench_documents.main(["--cold", "1", "--warm", "2", "--soffice", str(missing)]) == 0
    out = capsys.readouterr().out
    assert f"LibreOffice (soffice) not found at {missing}" in out
    assert "apt-get install --no-install-recommends libreoffice-writer-nogui" in out
    assert "warm issue, p95" in out and "cold issue, new process, median" in out
    assert "LibreOffice, each run" not in out


def test_a_libreoffice_that_fails_is_reported_and_the_run_goes_on(capsys):
    assert bench_documents.main(["--cold", "1", "--warm", "1", "--soffice", shutil.which("false")]) == 0
    out = capsys.readouterr().out
    assert f"LibreOffice ({shutil.which('false')}) failed: exit status 1" in out
    assert "The baseline is not measured." in out and "warm issue, p95" in out


def test_issues_are_real_and_numbered_in_turn(tmp_path):
    data_dir, case_ids = bench_documents.make_station(tmp_path, 5)
    cold = bench_documents.cold_issue(data_dir, case_ids[0])
    warm = bench_documents.warm_issues(data_dir, case_ids[1:], profiled=1)
    numbers = [cold.number, *warm.numbers]
    assert numbers == [f"西市监投调〔{clock.today().year}〕第{n}号" for n in range(1, 6)]
    assert set(cold.phases) == {"imports", "open store", "first issue", "close store"}
    assert len(warm.times) == 2  # the first is not counted, the last was profiled
    assert "issue_document" in warm.profile
    pdf, content = bench_documents.agreement_pdf_and_content(data_dir, numbers[-1])
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "投诉调解书" in "".join(text.split())
    assert content.heading.number == numbers[-1]
    assert content.terms == tuple(bench_documents.TERMS)


def test_the_baseline_docx_holds_the_same_agreement(tmp_path):
    text = docx_text(write_docx(AGREEMENT, tmp_path / "agreement.docx"))
    party_fields = [
        AGREEMENT.complainant.name, AGREEMENT.complainant.phone, AGREEMENT.complainant.address,
        AGREEMENT.respondent.name, AGREEMENT.respondent.legal_representative, AGREEMENT.respondent.address,
    ]
    for expected in ["文书式样九", "投诉调解书", AGREEMENT.heading.number, *party_fields, AGREEMENT.complaint]:
        assert expected in text, expected
    for number, term in enumerate(AGREEMENT.terms, start=1):
        assert f"{number}. {term}" in text
    assert f"大写：{capitals(AGREEMENT.amount)}" in text
    assert "投诉人（签名）" in text and "被投诉人（签名）" in text and "调解人员（签名）" in text
    assert AGREEMENT.heading.office.name in text


def test_the_baseline_fonts_are_the_bundled_faces(tmp_path):
    conf = fontconfig_file(tmp_path).read_text(encoding="utf-8")
    root = ElementTree.fromstring(conf)
    folders = [node.text for node in root.iter("dir")]
    assert len(folders) == 1 and (bench_documents.ROOT / "resources" / "fonts").samefile(folders[0])


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_makes_the_baseline_pdf_with_the_same_text(tmp_path):
    office = set_up_office(shutil.which("soffice"), tmp_path / "office", AGREEMENT)
    try:
        office.convert()
    except subprocess.CalledProcessError as error:
        pytest.fail(f"soffice failed: {error.stderr!r}")
    reader = PdfReader(office.pdf)
    text = "".join("".join(page.extract_text().split()) for page in reader.pages)
    assert "投诉调解书" in text
    assert AGREEMENT.respondent.name in text
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].get_object().values()
    }
    assert any("FandolFang" in font for font in fonts), fonts
