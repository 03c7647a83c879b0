"""The desk's Chinese fonts: the system's where it has one, else a face that ships with the desk,
so a PC without Chinese fonts never shows empty boxes."""

import logging

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from app.paths import resources_dir

log = logging.getLogger(__name__)

# Qt picks the first family that has a glyph; these cover Chinese on UOS/Kylin, other Linux and Windows.
CHINESE_FONT_FALLBACKS = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei"]
# The documents' full-Han face (resources/fonts/README.md); loaded only when the system has no Chinese.
BUNDLED_FACE = "MediationSerifSCHan-Regular.ttf"


def system_has_chinese() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def bundled_family() -> str | None:
    """Load the bundled face into the application; its family name, or None if it cannot load."""
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / BUNDLED_FACE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("the bundled Chinese face %s could not be loaded", BUNDLED_FACE)
        return None
    return families[0]


def use_chinese_fonts(app: QApplication, *, system_chinese: bool | None = None) -> list[str]:
    """Set the application font's fallback families; returns them."""
    if system_chinese is None:
        system_chinese = system_has_chinese()
    font = app.font()
    families = [font.family(), *CHINESE_FONT_FALLBACKS]
    if not system_chinese:
        bundled = bundled_family()
        if bundled:
            families.append(bundled)
    font.setFamilies(families)
    app.setFont(font)
    return families
