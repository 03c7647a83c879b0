"""The document benchmark's baseline: a 调解书 as an office makes it today, a DOCX that LibreOffice
converts to PDF in a new ``soffice`` process.

The DOCX is written with the standard library (a DOCX is a zip of a few XML parts), from the
very data the desk prints (``MediationAgreement``) and with the desk's own wording
(``forms/agreement.py``), so both sides lay out the same text: form label, title, number line, the party table with both
parties' identities, the complaint, the terms as numbered clauses, the amount in figures and in
capitals, the closing paragraph, the signature lines, the office and date, and the notes. The
page is the same A4 GB/T 9704 page (margins 37 mm top, 28 mm left, 156 x 225 mm text block); the
fonts are named by the bundled faces' family names, which LibreOffice finds when the benchmark
points fontconfig at ``resources/fonts`` (``fontconfig_file``). What it lacks is the QR code,
which offices' documents do not have.
"""

import os
import resource
import shutil
import subprocess
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from app.printing.document_data import MediationAgreement, PartyBlock
from app.printing.forms.agreement import EFFECT, NOTES, terms_paras
from app.printing.forms.common import cn_date, filled, form_label, number_line

FONTS_DIR = Path(__file__).resolve().parents[1] / "resources" / "fonts"
BODY_FONT = "FandolFang TT"  # family names of the bundled faces, as fontconfig reads them
TITLE_FONT = "Mediation Serif SC Title"
BODY_SIZE = 32  # half-points: 3号, 16 pt
TITLE_SIZE = 44  # 2号, 22 pt
TABLE_SIZE = 28  # 4号, 14 pt
NOTE_SIZE = 21  # 5号, 10.5 pt
SOFFICE_TIMEOUT = 180  # seconds; a first start with a new profile can take a while


def _twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


COLUMNS = [_twips(w) for w in (30, 48, 30, 48)]  # as the desk's party table
NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def _run(text: str, *, size: int = BODY_SIZE, font: str = BODY_FONT, bold: bool = False) -> str:
    fonts = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>'
    return (
        f"<w:r><w:rPr>{fonts}{'<w:b/>' if bold else ''}<w:sz w:val=\"{size}\"/></w:rPr>"
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    )


def _para(text: str = "", *, align: str = "both", indent: bool = False, **run) -> str:
    """One paragraph on the 22-line grid (exact 28.9 pt lines), first line indented two characters."""
    first_line = f'<w:ind w:firstLineChars="200" w:firstLine="{2 * BODY_SIZE * 10}"/>' if indent else ""
    return (
        f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="578" w:lineRule="exact"/>{first_line}'
        f'<w:jc w:val="{align}"/></w:pPr>{_run(text, **run) if text else ""}</w:p>'
    )


def _cell(paragraphs: list[str], span: int, columns: list[int]) -> str:
    width = sum(columns)
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}</w:tcPr>{"".join(paragraphs)}</w:tc>'


def _table_para(text: str, align: str = "both", indent: bool = False) -> str:
    return _para(text, align=align, indent=indent, size=TABLE_SIZE)


def _row(*cells: tuple[str, bool, int]) -> str:
    """Cells of (text, is_label, span) left to right over the four columns."""
    out, column = [], 0
    for text, is_label, span in cells:
        paragraph = _table_para(text, "center" if is_label else "both")
        out.append(_cell([paragraph], span, COLUMNS[column : column + span]))
        column += span
    return f"<w:tr>{''.join(out)}</w:tr>"


def _party_rows(role: str, party: PartyBlock, second: tuple[str, str]) -> list[str]:
    place = "联系地址" if role == "投诉人" else "经营场所"
    return [
        _row((role, True, 1), (party.name, False, 1), (second[0], True, 1), (second[1], False, 1)),
        _row((place, True, 1), (party.address, False, 3)),
        _row(("委托代理人", True, 1), (party.agent_name, False, 1), ("联系电话", True, 1), (party.agent_phone, False, 1)),
    ]


def _table(content: MediationAgreement) -> str:
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in COLUMNS)
    complaint = [_table_para("投诉内容及投诉请求：")] + [_table_para(line) for line in content.complaint.split("\n")]
    terms = [_table_para(p.text, indent=bool(p.indent)) for p in terms_paras(content)]
    rows = [
        *_party_rows("投诉人", content.complainant, ("联系电话", content.complainant.phone)),
        *_party_rows("被投诉人", content.respondent, ("法定代表人", content.respondent.legal_representative)),
        f"<w:tr>{_cell(complaint, 4, COLUMNS)}</w:tr>",
        f"<w:tr>{_cell(terms, 4, COLUMNS)}</w:tr>",
    ]
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(COLUMNS)}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'
    )


def document_xml(content: MediationAgreement) -> str:
    heading = content.heading
    gap = "\u3000" * 8  # the parties side by side, as on the desk's page
    body = [
        _para(form_label(9), align="right", size=NOTE_SIZE),
        _para("投诉调解书", align="center", font=TITLE_FONT, size=TITLE_SIZE, bold=True),
        _para(number_line(heading), align="right"),
        _table(content),
        _para(EFFECT, indent=True),
        _para(),
        _para(f"投诉人（签名）：{gap}被投诉人（签名）："),
        _para(),
        _para(),
        _para(f"调解人员（签名）：{gap}{heading.office.name}"),
        _para(f"（{filled(content.mediators)}）{gap}{cn_date(heading.issued_on)}"),
        _para("注：", size=NOTE_SIZE),
        *(_para(f"{n}. {note}", size=NOTE_SIZE) for n, note in enumerate(NOTES, start=1)),
    ]
    page = (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        f'<w:pgMar w:top="{_twips(37)}" w:right="{_twips(26)}" w:bottom="{_twips(35)}" w:left="{_twips(28)}" '
        'w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>'
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{NS}">'
        f"<w:body>{''.join(body)}{page}</w:body></w:document>"
    )


def write_docx(content: MediationAgreement, path: Path) -> Path:
    """The 调解书 of ``content`` as a DOCX at ``path``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as docx:
        docx.writestr("[Content_Types].xml", CONTENT_TYPES)
        docx.writestr("_rels/.rels", PACKAGE_RELS)
        docx.writestr("word/document.xml", document_xml(content))
    return path


def fontconfig_file(folder: Path) -> Path:
    """A fontconfig set-up that adds the bundled faces to the system's, for LibreOffice to use."""
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include><dir>{escape(str(FONTS_DIR))}</dir>"
        f"<cachedir>{escape(str(folder / 'fontconfig-cache'))}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return conf


# --- LibreOffice --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    wall: float  # spawn to exit
    cpu: float  # user + system time of the process and of the processes it waited for


def run_timed(command: list[str], **options) -> tuple[subprocess.CompletedProcess, Timing]:
    """Run ``command`` to its end (output captured, a failure raised), timed. CPU time is
    counted too: on a shared machine the wall time grows with the others' work, CPU time less."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=True, **options)
    wall = time.perf_counter() - started
    return done, Timing(wall, _children_cpu() - cpu_before)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Office:
    soffice: str
    version: str
    folder: Path
    docx: Path
    env: dict = field(repr=False, default_factory=dict)

    def convert(self) -> Timing:
        """One conversion by a new soffice process, spawn to exit; the PDF must come out."""
        out = self.folder / "out"
        shutil.rmtree(out, ignore_errors=True)
        command = [
            self.soffice, f"-env:UserInstallation={(self.folder / 'profile').as_uri()}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", str(out), str(self.docx),
        ]
        _, timing = run_timed(command, env=self.env, timeout=SOFFICE_TIMEOUT)
        if not (out / f"{self.docx.stem}.pdf").read_bytes().startswith(b"%PDF"):
            raise subprocess.SubprocessError("LibreOffice wrote no PDF")
        return timing

    @property
    def pdf(self) -> Path:
        return self.folder / "out" / f"{self.docx.stem}.pdf"


def find_soffice(given: str | None) -> str | None:
    """``given`` if it can be run, else soffice (or libreoffice) on PATH; None when there is none."""
    if given:
        return given if Path(given).is_file() and os.access(given, os.X_OK) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def set_up_office(soffice: str, folder: Path, content: MediationAgreement) -> Office:
    """The DOCX of ``content`` in ``folder``, and soffice set to convert it with the bundled faces."""
    folder.mkdir()
    docx = write_docx(content, folder / "agreement.docx")
    env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_file(folder)))
    version = subprocess.run([soffice, "--version"], capture_output=True, text=True, env=env).stdout.strip()
    return Office(soffice, version, folder, docx, env)
