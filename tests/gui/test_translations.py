"""The English catalogue: placeholders kept, every UI string translated, and loading it works.

When a view gains or changes a string, ``test_every_marked_string_is_in_the_catalogue`` fails
until ``bash installer/update_translations.sh`` is run and the new message translated.
"""

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app import i18n

ROOT = Path(__file__).resolve().parents[2]
TS_FILES = sorted((ROOT / "resources" / "translations").glob("mediation_desk_*.ts"))
EN_TS = ROOT / "resources" / "translations" / "mediation_desk_en.ts"

# str.format fields ({station}, {seconds:>3}) and Qt's %n, %1 … %99, %L1 markers.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:n|L?\d{1,2})")


def marked_sources() -> list[Path]:
    """The files pyside6-lupdate reads (installer/update_translations.sh lists the same)."""
    files = sorted((ROOT / "app" / "views").rglob("*.py")) + [ROOT / "app" / "desk.py"]
    tasks = ROOT / "app" / "tasks.py"
    return files + [tasks] if tasks.exists() else files


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    disambiguation: str
    numerus: bool
    translations: tuple[str, ...]  # one, or one per numerus form
    kind: str  # the translation's type attribute: "" when finished


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path.name}: {name}: a message without a translation element"
            forms = translation.findall("numerusform")
            texts = tuple(form.text or "" for form in forms) if forms else (translation.text or "",)
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source", ""),
                    disambiguation=message.findtext("comment", ""),
                    numerus=message.get("numerus") == "yes",
                    translations=texts,
                    kind=translation.get("type", ""),
                )
            )
    return messages


def ts_messages() -> list[tuple[Path, Message]]:
    return [(path, message) for path in TS_FILES for message in read_ts(path)]


def message_id(item: tuple[Path, Message]) -> str:
    path, message = item
    return f"{path.stem}:{message.context}:{message.source}"


@dataclass(frozen=True)
class MarkedString:
    """One tr()/translate() call with literal text, as pyside6-lupdate would extract it."""

    where: str
    context: str | None  # None: tr() outside any class, which lupdate cannot place
    source: str
    disambiguation: str
    numerus: bool


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    if len(call.args) > position:
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


class _MarkedStringFinder(ast.NodeVisitor):
    """``tr(source, disambiguation, n)`` takes its context from the enclosing class;
    ``translate(context, source, disambiguation, n)`` and ``QT_TRANSLATE_NOOP`` name it."""

    def __init__(self, path: Path):
        self.path = path
        self.classes: list[str] = []
        self.found: list[MarkedString] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in ("tr", "QT_TR_NOOP"):
            context = self.classes[-1] if self.classes else None
            self._add(node, context, _literal(_argument(node, 0, "sourceText")), 1)
        elif name in ("translate", "QT_TRANSLATE_NOOP"):
            context = _literal(_argument(node, 0, "context"))
            if context is not None:
                self._add(node, context, _literal(_argument(node, 1, "sourceText")), 2)
        self.generic_visit(node)

    def _add(self, node: ast.Call, context: str | None, source: str | None, first_optional: int) -> None:
        if source is None:  # not literal text (str.translate(table), a variable): not ours to check
            return
        disambiguation = _literal(_argument(node, first_optional, "disambiguation")) or ""
        numerus = _argument(node, first_optional + 1, "n") is not None
        where = f"{self.path.relative_to(ROOT)}:{node.lineno}"
        self.found.append(MarkedString(where, context, source, disambiguation, numerus))


def marked_strings() -> list[MarkedString]:
    found = []
    for path in marked_sources():
        finder = _MarkedStringFinder(path)
        finder.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        found.extend(finder.found)
    return found


@contextmanager
def interface_language(app: QApplication, language: str) -> Iterator[None]:
    """Install the translators for ``language``, and take them out again afterwards.

    Other tests expect the Chinese source strings, so no translator may outlive its test.
    """
    i18n.install_translators(app, language)
    try:
        yield
    finally:
        i18n.remove_translators(app)


def test_the_english_catalogue_is_there():
    assert EN_TS in TS_FILES
    assert EN_TS.with_suffix(".qm").exists(), "run bash installer/update_translations.sh"


@pytest.mark.parametrize("item", ts_messages(), ids=message_id)
def test_placeholders_survive_translation(item):
    path, message = item
    expected = set(PLACEHOLDER.findall(message.source))
    for text in message.translations:
        assert set(PLACEHOLDER.findall(text)) == expected, f"{path.name}: {message.source!r} → {text!r}"


@pytest.mark.parametrize("item", ts_messages(), ids=message_id)
def test_every_message_is_translated(item):
    path, message = item
    assert message.kind == "", f"{path.name}: {message.source!r} is {message.kind}"
    assert all(text.strip() for text in message.translations), f"{path.name}: {message.source!r} is empty"


def test_the_source_scan_finds_the_views_strings():
    # Guards the scan itself: if it found nothing, the next test would pass vacuously.
    found = {(m.context, m.source) for m in marked_strings()}
    assert ("SignInDialog", "登录") in found
    assert ("MainWindow", "共 %n 件") in found


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.stem)
def test_every_marked_string_is_in_the_catalogue(ts):
    catalogue = {(m.context, m.source, m.disambiguation): m for m in read_ts(ts)}
    problems = []
    for marked in marked_strings():
        if marked.context is None:
            problems.append(f"{marked.where}: tr() outside a class; use QCoreApplication.translate()")
            continue
        message = catalogue.get((marked.context, marked.source, marked.disambiguation))
        if message is None:
            problems.append(f"{marked.where}: {marked.context} {marked.source!r} is not in {ts.name}")
        elif message.numerus != marked.numerus:
            problems.append(f"{marked.where}: {marked.source!r} plural forms differ from {ts.name}")
    assert problems == [], "run bash installer/update_translations.sh and translate:\n" + "\n".join(problems)


def test_english_replaces_the_chinese_strings(qapp):
    with interface_language(qapp, "en"):
        assert QCoreApplication.translate("SignInDialog", "用户名或密码不正确") == "Incorrect username or password"
        assert QCoreApplication.translate("MainWindow", "共 %n 件", "", 1) == "1 case"
        assert QCoreApplication.translate("MainWindow", "共 %n 件", "", 5) == "5 cases"
    assert QCoreApplication.translate("SignInDialog", "用户名或密码不正确") == "用户名或密码不正确"


def test_chinese_translates_qts_standard_buttons(qapp, qtbot):
    with interface_language(qapp, "zh_CN"):
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(buttons)
        assert [button.text() for button in buttons.buttons()] == ["确定", "取消"]
        assert QCoreApplication.translate("SignInDialog", "登录") == "登录"


def test_an_unknown_language_falls_back_to_chinese(qapp, caplog):
    with interface_language(qapp, "klingon"):
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert "klingon" in caplog.text


def test_installing_again_replaces_the_translators(qapp):
    with interface_language(qapp, "en"):
        i18n.install_translators(qapp, "zh_CN")
        assert QCoreApplication.translate("SignInDialog", "登录") == "登录"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_every_language_has_a_catalogue():
    for language in i18n.LANGUAGES:
        if language != i18n.DEFAULT_LANGUAGE:
            assert (i18n.translations_dir() / f"{i18n.CATALOG}_{language}.ts").exists()
            assert (i18n.translations_dir() / f"{i18n.CATALOG}_{language}.qm").exists()
