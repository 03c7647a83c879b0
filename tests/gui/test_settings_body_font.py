"""The settings dialog's 正文字体 row over the real settings services: choosing a font file,
an unusable one named inline with nothing saved, going back to the bundled face by keyboard."""

import struct
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from app.services.settings import StationSettings, load_settings, save_settings
from app.views.settings_dialog import SettingsDialog, SettingsServices
from tests.gui.test_settings_dialog import head_dialog, open_dialog  # noqa: F401 (head_dialog is a fixture)

WENQUANYI = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
needs_wenquanyi = pytest.mark.skipif(
    not WENQUANYI.is_file(), reason=f"needs the TrueType collection {WENQUANYI} (fonts-wqy-microhei)"
)
BUNDLED = "内置仿宋 (FandolFang)"




def pick(qtbot, dialog: SettingsDialog, font: Path) -> None:
    """Opens the font picker from the keyboard and chooses ``font`` in it."""
    dialog.font_button.setFocus()
    qtbot.keyClick(dialog.font_button, Qt.Key.Key_Return)
    picker = dialog.font_dialog
    assert isinstance(picker, QFileDialog) and picker.isVisible()
    assert picker.fileMode() == QFileDialog.FileMode.ExistingFile
    assert "*.ttf *.ttc *.otf" in picker.nameFilters()[0]
    picker.setDirectory(str(font.parent))
    picker.selectFile(str(font))
    picker.accept()


def save(qtbot, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_the_row_shows_the_bundled_face_until_one_is_chosen(head_dialog):
    assert head_dialog.font_edit.text() == BUNDLED
    assert head_dialog.font_edit.isReadOnly()
    assert head_dialog.font_button.isEnabled()
    assert not head_dialog.bundled_font_button.isEnabled(), "nothing to go back from"
    assert head_dialog.field_error("settings.body_font") == ""


@needs_wenquanyi
def test_a_chosen_font_is_saved_and_shown_again(qtbot, head_dialog, store, head):
    dialog = head_dialog
    pick(qtbot, dialog, WENQUANYI)
    assert dialog.font_edit.text() == str(WENQUANYI)
    assert dialog.bundled_font_button.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=2000) as saved:
        save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert load_settings(store).body_font == str(WENQUANYI)
    assert saved.args[1].body_font == str(WENQUANYI)

    again = open_dialog(qtbot, SettingsServices.for_store(store, head))
    assert again.font_edit.text() == str(WENQUANYI)
    qtbot.mouseClick(again.font_button, Qt.MouseButton.LeftButton)
    assert again.font_dialog.directory().absolutePath() == str(WENQUANYI.parent), "opens where the font is"
    again.font_dialog.reject()
    assert again.font_edit.text() == str(WENQUANYI), "a cancelled picker changes nothing"


def test_a_postscript_outline_font_is_named_inline_and_nothing_is_saved(qtbot, head_dialog, store, tmp_path):
    dialog = head_dialog
    otf = tmp_path / "思源宋体.otf"
    # The sfnt version 'OTTO' with a CFF table: how every PostScript-outline OpenType font begins.
    otf.write_bytes(b"OTTO" + struct.pack(">HHHH", 1, 16, 0, 0) + b"CFF " + struct.pack(">III", 0, 28, 4) + bytes(4))
    before = load_settings(store)
    dialog.idle_spin.setValue(3)  # a good change, which must not be saved alone
    pick(qtbot, dialog, otf)
    save(qtbot, dialog)
    assert dialog.isVisible()
    error = dialog.field_error("settings.body_font")
    assert error.startswith("⚠ 正文字体：") and "PostScript (CFF)" in error and "思源宋体.otf" in error
    assert dialog.focusWidget() is dialog.font_edit
    assert load_settings(store) == before

    # Back to the bundled face, from the keyboard: the error goes, and the save goes through.
    dialog.bundled_font_button.setFocus()
    qtbot.keyClick(dialog.bundled_font_button, Qt.Key.Key_Space)
    assert dialog.font_edit.text() == BUNDLED
    assert dialog.field_error("settings.body_font") == ""
    assert dialog.focusWidget() is dialog.font_button
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert load_settings(store) == StationSettings(idle_lock_minutes=3)


@needs_wenquanyi
def test_a_font_gone_since_it_was_chosen_is_flagged_when_the_dialog_opens(qtbot, store, head, tmp_path):
    font = tmp_path / "station-body.ttc"
    font.write_bytes(WENQUANYI.read_bytes())
    save_settings(store, head, StationSettings(body_font=str(font)))
    font.unlink()
    dialog = open_dialog(qtbot, SettingsServices.for_store(store, head))
    assert dialog.font_edit.text() == str(font)
    assert "找不到这个字体文件" in dialog.field_error("settings.body_font")
    save(qtbot, dialog)
    assert dialog.isVisible(), "a gone font is not saved again as if it were fine"
    assert "找不到字体文件" in dialog.field_error("settings.body_font")


def test_a_mediator_cannot_choose_a_font(qtbot, store, mediator):
    dialog = open_dialog(qtbot, SettingsServices.for_store(store, mediator))
    assert dialog.font_edit.text() == BUNDLED
    assert not dialog.font_button.isEnabled()
    assert not dialog.bundled_font_button.isEnabled()
