"""Rebuild the document fonts in resources/fonts/ from Debian's packages of FandolFang and Noto Serif CJK SC.

The official documents (GB/T 9704-2012) need a FangSong body face, a Song-style title face and a
fallback for rare characters. reportlab embeds only TrueType (glyf) outlines, and the free faces
ship CFF outlines, so this script converts them with fontTools' cu2qu. The converted files are
committed; the desk itself never needs fontTools.

    bash installer/build_fonts.sh              # makes a tooling venv with fontTools, then runs this
    python installer/build_fonts.py            # with any Python that has fontTools installed
    python installer/build_fonts.py --debs DIR # use .deb files already in DIR (no download)

Steps: `apt-get download` the pinned package versions into a temporary folder and unpack them
with `dpkg-deb -x` (works without root and installs nothing), check every source file against the
SHA-256 recorded below (so a changed upstream is noticed, not silently shipped), subset, convert,
rename, and write the fonts and their licences. Output is byte-identical from run to run: the
timestamps of the source fonts are kept. resources/fonts/README.md says what each file is.
"""

import argparse
import gzip
import hashlib
import logging
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

try:
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable
except ImportError:
    sys.exit("fontTools is missing: run `bash installer/build_fonts.sh`, which makes a venv with it.")

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "resources" / "fonts"

# Debian 12 (bookworm). A newer release may carry other versions: then fetch these exact .debs
# from snapshot.debian.org into a folder and pass it with --debs.
PACKAGES = {
    "texlive-lang-chinese": "2022.20230122-1",
    "fonts-noto-cjk": "1:20220127+repack1-1",
}

FANDOL_FANG = "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf"
FANDOL_LICENCE = "usr/share/doc/texlive-doc/fonts/fandol/COPYING.gz"
NOTO_SERIF_REGULAR = "usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
NOTO_SERIF_BOLD = "usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
NOTO_COPYRIGHT = "usr/share/doc/fonts-noto-cjk/copyright"

SOURCE_SHA256 = {
    FANDOL_FANG: "d838ad32ce2244d8144f408c37fe71065aba6fbbc80759a4d2aa2033948d5bc9",
    FANDOL_LICENCE: "b94928591ae23ad41681fe34991e5d95d793666e751af505453a0152e6bc1a10",
    NOTO_SERIF_REGULAR: "a04178ec485dffdff7cc0c0c20e1fce9202d7e2160d805e8e44a4c8841c58481",
    NOTO_SERIF_BOLD: "a5d4b046c127da3d7c72f98b46c41489cd29bf52abfdf18aba920903e920d4ac",
    NOTO_COPYRIGHT: "5bb218343ded506b258d86186d460fc47d9b6b28f0e642cf32676c396b7df763",
}

# Index of the Simplified Chinese face inside the Noto Serif CJK collections (JP, KR, SC, TC, HK).
NOTO_SC = 2

# Unicode blocks with Han characters (CJK Unified Ideographs and extensions, compatibility
# ideographs, radicals) and the Han-script characters of the CJK Symbols block (々 〇 〡-〩 〸-〻).
HAN_RANGES = [
    (0x2E80, 0x2EFF),
    (0x2F00, 0x2FDF),
    (0x3005, 0x3005),
    (0x3007, 0x3007),
    (0x3021, 0x3029),
    (0x3038, 0x303B),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2EBEF),
    (0x2F800, 0x2FA1F),
    (0x30000, 0x323AF),
]

# Besides GB 2312: ASCII, Latin-1 (the · of foreign names, ¥), general punctuation (“” — …),
# CJK punctuation (、。〔〕) and full-width forms.
TITLE_EXTRA_RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x3000, 0x303F), (0xFF00, 0xFFEF)]

# reportlab does no shaping and no vertical setting, so layout and vertical tables are dead weight.
DROPPED_TABLES = ["BASE", "GSUB", "GPOS", "GDEF", "JSTF", "VORG", "vhea", "vmtx"]

# Name records kept from the source: copyright, manufacturer, designers, URLs, licence.
KEPT_NAME_IDS = {0, 8, 9, 11, 12, 13, 14}

# Largest distance, in font units (1000 per em), between a cubic curve and its quadratic copy.
MAX_CURVE_ERROR = 1.0


@dataclass(frozen=True)
class Face:
    """One bundled font file and how it is made."""

    output: str
    source: str
    font_number: int  # the face's index inside a .ttc; 0 for a single font
    family: str
    style: str
    postscript_name: str
    description: str
    codepoints: frozenset[int] | None  # None keeps every character the source maps


def gb2312_codepoints() -> set[int]:
    """Every character of GB 2312 (rows 0xA1-0xF7, cells 0xA1-0xFE), as Python's codec maps them."""
    found = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                found.add(ord(bytes([row, cell]).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return found


def from_ranges(ranges: list[tuple[int, int]]) -> set[int]:
    return {code for first, last in ranges for code in range(first, last + 1)}


FACES = [
    Face(
        output="FandolFang-Regular.ttf",
        source=FANDOL_FANG,
        font_number=0,
        family="FandolFang TT",
        style="Regular",
        postscript_name="FandolFangTT-Regular",
        description=(
            "FangSong body face for Mediation Desk documents: FandolFang 1.300 (Debian texlive-lang-chinese "
            "2022.20230122-1) with its CFF outlines converted to TrueType by fontTools cu2qu; layout and "
            "vertical tables removed."
        ),
        codepoints=None,
    ),
    Face(
        output="MediationSerifSCTitle-Bold.ttf",
        source=NOTO_SERIF_BOLD,
        font_number=NOTO_SC,
        family="Mediation Serif SC Title",
        style="Bold",
        postscript_name="MediationSerifSCTitle-Bold",
        description=(
            "Song-style title face for Mediation Desk documents: Noto Serif CJK SC Bold 2.001 (Debian "
            "fonts-noto-cjk 1:20220127+repack1-1) subset to GB 2312, ASCII, Latin-1 and punctuation, with its CFF "
            "outlines converted to TrueType by fontTools cu2qu."
        ),
        codepoints=frozenset(gb2312_codepoints() | from_ranges(TITLE_EXTRA_RANGES)),
    ),
    Face(
        output="MediationSerifSCHan-Regular.ttf",
        source=NOTO_SERIF_REGULAR,
        font_number=NOTO_SC,
        family="Mediation Serif SC Han",
        style="Regular",
        postscript_name="MediationSerifSCHan-Regular",
        description=(
            "Fallback face for rare Han characters in Mediation Desk documents: Noto Serif CJK SC Regular "
            "2.001 (Debian fonts-noto-cjk 1:20220127+repack1-1) subset to its Han characters, with its CFF "
            "outlines converted to TrueType by fontTools cu2qu."
        ),
        codepoints=frozenset(from_ranges(HAN_RANGES)),
    ),
]


def fetch_packages(folder: Path) -> None:
    """Download the pinned .debs into folder, skipping those already there."""
    wanted = [f"{name}={version}" for name, version in PACKAGES.items() if not list(folder.glob(f"{name}_*.deb"))]
    if wanted:
        if shutil.which("apt-get") is None:
            sys.exit(f"apt-get is missing: put {' '.join(wanted)} (.deb files) into a folder and pass it with --debs.")
        log.info("downloading %s", " ".join(wanted))
        subprocess.run(["apt-get", "download", *wanted], cwd=folder, check=True)


def unpack_packages(debs: Path, root: Path) -> None:
    for name, version in PACKAGES.items():
        # apt-get download escapes the epoch colon in the file name as %3a.
        deb = debs / f"{name}_{version.replace(':', '%3a')}_all.deb"
        if not deb.exists():
            sys.exit(f"{deb} is missing: the build needs {name} version {version} exactly.")
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)


def verify_sources(root: Path) -> None:
    """Stop unless every source file is byte for byte the one this script was written against."""
    for relative, expected in SOURCE_SHA256.items():
        actual = hashlib.sha256((root / relative).read_bytes()).hexdigest()
        if actual != expected:
            sys.exit(f"{relative}: SHA-256 {actual}, expected {expected}. Upstream changed: check the "
                     "new file's licence and names, then update SOURCE_SHA256 and resources/fonts/README.md.")
        log.info("verified %s", relative)


def subset_face(font: TTFont, codepoints: frozenset[int] | None) -> None:
    options = subset.Options()
    options.layout_features = []
    options.drop_tables += DROPPED_TABLES
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.glyph_names = False
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=font.getBestCmap().keys() if codepoints is None else codepoints)
    subsetter.subset(font)


def quadratic_glyphs(font: TTFont) -> dict:
    """Each CFF glyph drawn again as TrueType quadratic contours (clockwise, as TrueType wants)."""
    glyph_set = font.getGlyphSet()
    converted = {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_CURVE_ERROR, reverse_direction=True))
        converted[name] = pen.glyph()
    return converted


def cff_to_glyf(font: TTFont) -> None:
    """Replace the CFF table with glyf + loca, a version 1 maxp and a format 3 post (no glyph names)."""
    glyph_order = font.getGlyphOrder()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = quadratic_glyphs(font)
    del font["CFF "]
    glyf.compile(font)

    # TrueType keeps the left side bearing equal to each glyph's xMin.
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)

    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(glyph_order)
    maxp.maxZones = 1
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.recalc(font)

    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont, face: Face) -> None:
    """Give the converted face its own family name, so it is never mistaken for the source font.

    Noto Serif CJK is built from Adobe's Source Han Serif, whose OFL reserves the name "Source",
    and "Noto" is a Google trademark (name ID 7): a modified version may use neither.
    """
    table = font["name"]
    version = re.search(r"\d+\.\d+", table.getDebugName(5)).group()
    table.names = [record for record in table.names if record.nameID in KEPT_NAME_IDS and record.platformID == 3]
    names = {
        1: face.family,
        2: face.style,
        3: f"{version};{face.postscript_name}",
        4: f"{face.family} {face.style}",
        5: f"Version {version}; TrueType outlines",
        6: face.postscript_name,
        10: face.description,
    }
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)


def build_face(root: Path, face: Face) -> None:
    log.info("building %s", face.output)
    font = TTFont(root / face.source, fontNumber=face.font_number, recalcTimestamp=False)
    subset_face(font, face.codepoints)
    cff_to_glyf(font)
    rename(font, face)
    target = OUTPUT / face.output
    font.save(target)
    log.info("%s: %d glyphs, %d characters, %.1f MB", face.output, len(font.getGlyphOrder()),
             len(font.getBestCmap()), target.stat().st_size / 1e6)


def copyright_notice(font: Path, font_number: int = 0) -> str:
    """The copyright line of a source font (name ID 0), which its licence file must carry."""
    return TTFont(font, fontNumber=font_number, lazy=True)["name"].getDebugName(0)


def ofl_text(copyright_file: Path, font: Path) -> str:
    """The OFL with the source font's copyright line, from the package's copyright file."""
    # The stand-alone licence paragraph, not the "License: SIL-1.1" line of a Files paragraph.
    body = re.search(r"^License: SIL-1\.1\n((?: .*\n)+)", copyright_file.read_text("utf-8"), re.MULTILINE).group(1)
    # Debian's copyright format indents every line and writes an empty line as " .".
    lines = [line[1:] if line != " ." else "" for line in body.splitlines()]
    return f"Copyright {copyright_notice(font, NOTO_SC)}\n\n" + "\n".join(lines).strip("\n") + "\n"


def write_licences(root: Path) -> None:
    fandol = gzip.decompress((root / FANDOL_LICENCE).read_bytes()).decode("utf-8")
    notice = copyright_notice(root / FANDOL_FANG)
    (OUTPUT / "FandolFang-COPYING.txt").write_text(f"{notice}\n\n{fandol}", "utf-8")
    (OUTPUT / "OFL.txt").write_text(ofl_text(root / NOTO_COPYRIGHT, root / NOTO_SERIF_REGULAR), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--debs", type=Path, help="folder with the .deb files (downloaded into it if missing)")
    parser.add_argument("--only", choices=[face.output for face in FACES], action="append",
                        help="build only this face (repeatable); licences are always written")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    logging.getLogger("fontTools").setLevel(logging.WARNING)

    OUTPUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="mediation-fonts-") as work:
        debs = args.debs or Path(work) / "debs"
        debs.mkdir(parents=True, exist_ok=True)
        fetch_packages(debs)
        root = Path(work) / "root"
        unpack_packages(debs, root)
        verify_sources(root)
        write_licences(root)
        for face in FACES:
            if not args.only or face.output in args.only:
                build_face(root, face)


if __name__ == "__main__":
    main()
