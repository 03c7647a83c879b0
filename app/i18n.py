"""The desk's interface language: Qt Linguist translators, installed once before any widget exists.

The source strings in the views are Chinese, so 简体中文 needs none of our own translations; it only
loads Qt's catalogue so that standard buttons read 确定/取消. English loads
``resources/translations/mediation_desk_en.qm``. See docs/translations.md.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from app import paths

# Qt is imported where it is used, so that the command line can offer LANGUAGES
# (``--language``) while staying importable where Qt cannot load.
if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}

CATALOG = "mediation_desk"

# QCoreApplication.installTranslator() keeps only a C++ pointer, not a Python reference. A
# QTranslator that nothing in Python refers to is garbage-collected, its C++ object is deleted,
# and Qt silently drops it from the application: every string falls back to Chinese, with no
# error anywhere. This list holds the installed translators for as long as they are in use.
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """Where our ``.ts`` sources and compiled ``.qm`` files live."""
    return paths.resources_dir() / "translations"


def install_translators(app: QApplication, language: str) -> None:
    """Install the translators for ``language`` (a key of ``LANGUAGES``) into ``app``.

    Call it right after the QApplication is made and before any widget exists: widgets translate
    their texts when they are built, so a window made earlier stays in the old language. Calling
    it again replaces the translators installed before. An unknown language falls back to
    Chinese with a logged warning; a missing ``.qm`` is logged and leaves those strings Chinese.
    """
    if language not in LANGUAGES:
        log.warning("Unknown interface language %r; using %s", language, DEFAULT_LANGUAGE)
        language = DEFAULT_LANGUAGE
    from PySide6.QtCore import QLibraryInfo

    remove_translators(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Qt's own strings (standard buttons, line-edit context menus, file dialogs). Without the
    # Chinese one, 确定/取消 would read OK/Cancel; the English one is a stub, loaded if present.
    qt_missing = logging.WARNING if language == "zh_CN" else logging.DEBUG
    _load(app, f"qtbase_{language}", qt_dir, missing_level=qt_missing)
    if language != DEFAULT_LANGUAGE:
        # Our strings are written in Chinese; every other language needs our catalogue.
        _load(app, f"{CATALOG}_{language}", str(translations_dir()), missing_level=logging.WARNING)
    log.debug("Interface language %s", language)


def remove_translators(app: QApplication) -> None:
    """Take out the translators ``install_translators`` put in, so Qt shows the source strings."""
    while _installed:
        app.removeTranslator(_installed.pop())


def _load(app: QApplication, name: str, directory: str, *, missing_level: int) -> None:
    from PySide6.QtCore import QTranslator

    # No parent: the list above owns it, and removing it later lets it be freed.
    translator = QTranslator()
    if not translator.load(name, directory):
        log.log(missing_level, "No translation %s.qm in %s", name, directory)
        return
    if translator.isEmpty():
        # Qt ships stub catalogues (qtbase_en.qm) with nothing in them: nothing to install.
        return
    app.installTranslator(translator)
    _installed.append(translator)
