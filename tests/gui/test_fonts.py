"""Chinese text on a PC without Chinese fonts: the desk falls back to the face it ships with."""

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

from app.views.fonts import CHINESE_FONT_FALLBACKS, bundled_family, use_chinese_fonts


def test_the_bundled_face_loads_and_covers_chinese(qapp):
    family = bundled_family()
    assert family is not None
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)
    metrics = QFontMetrics(QFont(family, 12))
    assert all(metrics.inFontUcs4(ord(c)) for c in "消费维权调解台䶮")


def test_without_system_chinese_fonts_the_bundled_face_is_a_fallback(qapp):
    original = qapp.font()
    try:
        families = use_chinese_fonts(qapp, system_chinese=False)
        assert families[1:4] == CHINESE_FONT_FALLBACKS and families[-1] == bundled_family()
        assert qapp.font().families() == families
        families = use_chinese_fonts(qapp, system_chinese=True)
        assert bundled_family() not in families[1:]
    finally:
        qapp.setFont(original)
