"""The faces the documents print in, registered with reportlab once per process, and glyph fallback.

Two families, each an ordered chain of faces:

- ``body``: the station's own choice of an installed font (if any), then the bundled FangSong
  face (FandolFang), the bundled fallback for rare Han characters (Noto Serif CJK SC), and last
  the bundled Song-style title face (for symbols the others lack);
- ``title``: the bundled Song-style face (小标宋 style), then the body chain.

Text is split into runs by the first face of the chain that has each character (read from the
face's cmap), so a rare character in a name prints from the fallback face instead of as an
empty box. A character no face has is reported by ``missing_characters`` before printing, and
refused by the renderer; a document never silently prints a box.

The bundled faces live in ``resources/fonts`` (see its README.md). Should they be missing (a
broken installation), a known system CJK TrueType face is used with a warning; if there is none
either, printing stops with a clear error.
"""

import dataclasses
import hashlib
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from app.domain.errors import DeskError
from app.paths import resources_dir

log = logging.getLogger(__name__)

BODY_FILE = "FandolFang-Regular.ttf"
TITLE_FILE = "MediationSerifSCTitle-Bold.ttf"
HAN_FALLBACK_FILE = "MediationSerifSCHan-Regular.ttf"

# Last resort when resources/fonts is missing: CJK TrueType faces found on Debian-family Linux
# (UOS, Kylin) and Windows. Each is (path, index of the face in a .ttc).
SYSTEM_FACES = (
    (Path("C:/Windows/Fonts/simfang.ttf"), 0),
    (Path("C:/Windows/Fonts/simsun.ttc"), 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
)

BODY = "body"
TITLE = "title"

# Characters that lay out text rather than print: a paragraph break.
_NOT_PRINTED = frozenset("\n\r")


class FontError(DeskError):
    """No usable face for the documents, or the station's chosen font cannot be used."""


class PostScriptOutlinesError(FontError):
    """The file is an OpenType font with PostScript (CFF) outlines, which reportlab cannot embed."""


class MissingGlyphError(DeskError):
    """Text holds characters that no face can print.

    Attributes:
        characters: each such character once, in order of first appearance.
    """

    def __init__(self, characters: list[str]):
        self.characters = characters
        super().__init__(
            f"文书中有 {len(characters)} 个字符在所有打印字体中都没有字形，无法打印："
            f"{describe_characters(characters)}。请改用常用字写法，或在设置中选择包含这些字的字体。"
        )


def describe_characters(characters: list[str]) -> str:
    """``“𠇔”（U+201D4）、“䶮”（U+4DAE）``: the character and its code, for invisible ones too."""
    return "、".join(f"“{char}”（U+{ord(char):04X}）" for char in characters)


@dataclass(frozen=True, eq=False)
class Face:
    """One registered TrueType face and the characters its cmap maps."""

    name: str  # the name registered with reportlab
    path: Path
    subfont_index: int
    codepoints: frozenset[int]

    def has(self, char: str) -> bool:
        return ord(char) in self.codepoints


@dataclass(frozen=True)
class FontSet:
    """The face chains of one print set-up (bundled faces, maybe a station's body font)."""

    body: tuple[Face, ...]
    title: tuple[Face, ...]
    # The face and the width per point of each (character, family) once looked up: laying out a
    # 调解书 asked some 3,700 times, for a few hundred distinct characters.
    _faces: dict[tuple[str, str], Face | None] = dataclasses.field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _widths: dict[tuple[str, str], float] = dataclasses.field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def chain(self, family: str) -> tuple[Face, ...]:
        return self.title if family == TITLE else self.body

    def face_for(self, char: str, family: str) -> Face | None:
        key = (char, family)
        if key not in self._faces:
            self._faces[key] = next((face for face in self.chain(family) if face.has(char)), None)
        return self._faces[key]

    def missing(self, text: str) -> list[str]:
        """Characters of ``text`` that no face of the body chain has, each once."""
        found: dict[str, None] = {}
        for char in text:
            if char not in _NOT_PRINTED and char not in found and self.face_for(char, BODY) is None:
                found[char] = None
        return list(found)

    def runs(self, text: str, family: str) -> list[tuple[Face, str]]:
        """``text`` as consecutive runs, each printed in one face. Raises ``MissingGlyphError``."""
        runs: list[tuple[Face, str]] = []
        missing: dict[str, None] = {}
        for char in text:
            face = self.face_for(char, family)
            if face is None:
                missing[char] = None
            elif runs and runs[-1][0] is face:
                runs[-1] = (face, runs[-1][1] + char)
            else:
                runs.append((face, char))
        if missing:
            raise MissingGlyphError(list(missing))
        return runs

    def width(self, text: str, family: str, size: float) -> float:
        """The natural printed width of ``text`` (no letter spacing), in points."""
        total = 0.0
        for char in text:
            key = (char, family)
            per_point = self._widths.get(key)
            if per_point is None:
                face = self.face_for(char, family)
                if face is None:
                    raise MissingGlyphError([char])
                per_point = self._widths[key] = _width_per_point(char, face.name)
            total += per_point * size
        return total


@lru_cache(maxsize=65536)
def _width_per_point(char: str, font_name: str) -> float:
    return pdfmetrics.stringWidth(char, font_name, 1000) / 1000


def to_unicode_cmap(font_name: str, subset: list[int]) -> str:
    """The ToUnicode CMap of a font subset, which maps the PDF's codes back to characters.

    reportlab writes each character as ``<%04X>``, which gives an odd-length, invalid code for a
    character beyond the BMP (𫖯 U+2B5AF as in 赵孟𫖯): the PDF still prints the glyph, but the
    name can no longer be searched or copied. The PDF standard wants UTF-16BE, a surrogate pair
    for such a character; this writes that, and the same as reportlab for every other one.
    """
    entries = [f"<{code:02X}> <{chr(char).encode('utf-16-be').hex().upper()}>" for code, char in enumerate(subset)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({font_name})",
            f"/Ordering ({font_name})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{font_name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


# reportlab calls this module-level function when it embeds a subset; ours replaces it.
ttfonts.makeToUnicodeCMap = to_unicode_cmap

# Faces already registered in this process, by (resolved path, face index).
_registered: dict[tuple[Path, int], Face] = {}


def register_face(path: Path, subfont_index: int = 0) -> Face:
    """Register the face at ``path`` with reportlab (once per process) and read its cmap."""
    key = (Path(path).resolve(), subfont_index)
    if key in _registered:
        return _registered[key]
    name = _registered_name(key[0], subfont_index)
    try:
        font = TTFont(name, str(key[0]), subfontIndex=subfont_index)
    except (TTFError, OSError) as error:
        # reportlab reads the sfnt version ('OTTO' for CFF) and says so in these words; the
        # settings tell the user this reason apart from a damaged file.
        kind = PostScriptOutlinesError if "postscript outlines" in str(error) else FontError
        raise kind(
            f"字体文件“{path}”无法使用：只支持 TrueType 轮廓的 TTF/TTC 字体（{error}）。"
        ) from error
    pdfmetrics.registerFont(font)
    face = Face(name, key[0], subfont_index, frozenset(font.face.charToGlyph))
    _registered[key] = face
    log.info("Registered font %s (%s, face %d, %d characters)", name, key[0], subfont_index, len(face.codepoints))
    return face


def _registered_name(path: Path, subfont_index: int) -> str:
    """A stable name for the face: its file name, plus a digest of the folder so two copies differ.

    The name ends up in the PDF, so it must not depend on the order faces were registered in.
    """
    stem = re.sub(r"[^A-Za-z0-9-]", "", path.stem) or "Face"
    if path.parent == bundled_fonts_dir().resolve():
        return f"{stem}-{subfont_index}"
    digest = hashlib.sha256(str(path.parent).encode("utf-8")).hexdigest()[:8]
    return f"{stem}-{subfont_index}-{digest}"


def bundled_fonts_dir() -> Path:
    return resources_dir() / "fonts"


@lru_cache(maxsize=8)
def load_fonts(body_font: Path | None = None) -> FontSet:
    """The face chains, with the station's chosen body font (a TTF/TTC path) first if given."""
    bundled = bundled_fonts_dir()
    base = _bundled_or_system(bundled / BODY_FILE)
    han = _optional(bundled / HAN_FALLBACK_FILE)
    title = _optional(bundled / TITLE_FILE)
    chosen = [register_face(Path(body_font))] if body_font else []
    body = _unique(chosen + [base] + han + title)
    return FontSet(body=body, title=_unique(title + list(body)))


def _bundled_or_system(path: Path) -> Face:
    if path.is_file():
        return register_face(path)
    for candidate, index in SYSTEM_FACES:
        if candidate.is_file():
            log.warning("The bundled font %s is missing; documents print in %s instead", path, candidate)
            return register_face(candidate, index)
    raise FontError(
        f"找不到打印文书用的字体：安装目录中缺少“{path}”，本机也没有可用的中文 TrueType 字体。请重新安装本程序。"
    )


def _optional(path: Path) -> list[Face]:
    if path.is_file():
        return [register_face(path)]
    log.warning("The bundled font %s is missing; its characters fall back to the body face", path)
    return []


def _unique(faces: list[Face]) -> tuple[Face, ...]:
    return tuple(dict.fromkeys(faces))


def printed_texts(content: object) -> Iterator[str]:
    """Every text a document's data holds (nested data, tuples, grounds), for the glyph check."""
    if isinstance(content, str):
        yield content
    elif dataclasses.is_dataclass(content) and not isinstance(content, type):
        for field in dataclasses.fields(content):
            yield from printed_texts(getattr(content, field.name))
    elif isinstance(content, (tuple, list)):
        for item in content:
            yield from printed_texts(item)


def missing_characters(content: object, *, body_font: Path | None = None) -> list[str]:
    """Characters of a document's data (or of one text) that no face can print, each once.

    The desk calls this before rendering, to tell the user which character will not print.
    The fixed wording of the forms is covered by the bundled faces (a test checks it).
    """
    fonts = load_fonts(body_font)
    found: dict[str, None] = {}
    for text in printed_texts(content):
        found.update(dict.fromkeys(fonts.missing(text)))
    return list(found)
