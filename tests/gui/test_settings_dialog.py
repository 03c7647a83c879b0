"""The settings dialog over the real settings services: round trip, inline errors, read-only for a mediator."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from app.services.settings import StationSettings, load_settings
from app.services.station import station_info
from app.views.settings_dialog import SettingsDialog, SettingsServices


def open_dialog(qtbot, services: SettingsServices) -> SettingsDialog:
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def head_dialog(qtbot, store, head):
    return open_dialog(qtbot, SettingsServices.for_store(store, head))


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_it_shows_what_the_station_has(head_dialog, station_paths):
    dialog = head_dialog
    assert dialog.name_edit.text() == "西湖景区消费维权服务站"
    assert dialog.office_edit.text() == "杭州市西湖区市场监督管理局"
    assert dialog.prefix_edit.text() == "西市监投"
    assert dialog.kind_label.text() == "景区消费维权服务站"
    assert dialog.idle_spin.value() == 10
    assert dialog.keep_spin.value() == 14
    assert dialog.folder_edit.text() == ""
    assert str(station_paths.backups) in dialog.folder_edit.placeholderText()
    assert dialog.language_combo.currentData() == "zh_CN"
    assert dialog.language_note.text() == "重启后生效"
    assert dialog.read_only_note.isHidden()
    assert dialog.save_button.isVisible()


def test_settings_and_station_data_round_trip(qtbot, head_dialog, store, head, tmp_path):
    dialog = head_dialog
    folder = tmp_path / "usb-backups"
    dialog.name_edit.setText("灵隐景区消费维权服务站")
    dialog.prefix_edit.setText("灵市监投")
    dialog.idle_spin.setValue(5)
    dialog.keep_spin.setValue(30)
    dialog.folder_edit.setText(str(folder))
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    with qtbot.waitSignal(dialog.saved, timeout=2000) as saved:
        click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    expected = StationSettings(idle_lock_minutes=5, backup_folder=str(folder), backup_keep=30, language="en")
    assert load_settings(store) == expected
    info = station_info(store)
    assert (info.name, info.office_name, info.doc_prefix) == ("灵隐景区消费维权服务站", "杭州市西湖区市场监督管理局", "灵市监投")
    assert saved.args == [info, expected]

    # A new dialog reads back what was saved.
    again = open_dialog(qtbot, SettingsServices.for_store(store, head))
    assert again.name_edit.text() == "灵隐景区消费维权服务站"
    assert again.idle_spin.value() == 5
    assert again.keep_spin.value() == 30
    assert again.folder_edit.text() == str(folder)
    assert again.language_combo.currentData() == "en"


def test_a_wrong_field_is_named_inline_and_nothing_is_saved(qtbot, head_dialog, store):
    dialog = head_dialog
    before = (station_info(store), load_settings(store))
    dialog.idle_spin.setValue(3)  # a good change, which must not be saved alone
    dialog.office_edit.setText("   ")
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.field_error("station.office_name") == "⚠ 发文机关：不能为空"
    assert dialog.focusWidget() is dialog.office_edit
    assert (station_info(store), load_settings(store)) == before

    dialog.office_edit.setText("杭州市西湖区市场监督管理局")
    dialog.folder_edit.setText("relative/folder")
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.field_error("station.office_name") == ""
    assert dialog.field_error("settings.backup_folder").startswith("⚠ 备份文件夹：应为完整路径")
    assert dialog.focusWidget() is dialog.folder_edit
    assert (station_info(store), load_settings(store)) == before


def test_enter_in_a_field_does_not_save(qtbot, head_dialog, store):
    dialog = head_dialog
    dialog.name_edit.setFocus()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.focusWidget() is dialog.office_edit
    qtbot.keyClick(dialog.idle_spin, Qt.Key.Key_Return)
    assert dialog.isVisible()


def test_the_folder_button_opens_a_folder_picker(qtbot, head_dialog, tmp_path):
    dialog = head_dialog
    click(qtbot, dialog.folder_button)
    picker = dialog.folder_dialog
    assert isinstance(picker, QFileDialog) and picker.isVisible()
    assert picker.fileMode() == QFileDialog.FileMode.Directory
    chosen = tmp_path / "备份盘"
    chosen.mkdir()
    picker.setDirectory(str(tmp_path))
    picker.selectFile(str(chosen))
    picker.accept()
    assert dialog.folder_edit.text() == str(chosen)


def test_a_mediator_sees_the_settings_read_only(qtbot, store, mediator):
    dialog = open_dialog(qtbot, SettingsServices.for_store(store, mediator))
    assert dialog.read_only_note.isVisible()
    assert "只有站长" in dialog.read_only_note.text()
    assert not dialog.save_button.isVisible()
    assert dialog.cancel_button.text() == "关闭"
    for edit in (dialog.name_edit, dialog.office_edit, dialog.prefix_edit, dialog.folder_edit):
        assert edit.isReadOnly()
    assert dialog.idle_spin.isReadOnly() and dialog.keep_spin.isReadOnly()
    assert not dialog.language_combo.isEnabled()
    assert not dialog.folder_button.isEnabled()
    before = (station_info(store), load_settings(store))
    qtbot.keyClicks(dialog.name_edit, "x")
    qtbot.keyClick(dialog.idle_spin, Qt.Key.Key_Up)
    assert dialog.name_edit.text() == "西湖景区消费维权服务站"
    assert dialog.idle_spin.value() == 10
    click(qtbot, dialog.cancel_button)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert (station_info(store), load_settings(store)) == before


def test_a_mediator_cannot_save_even_through_an_editable_dialog(qtbot, store, mediator):
    # Were the dialog ever shown editable to a mediator, the services still refuse.
    services = SettingsServices.for_store(store, mediator)
    dialog = open_dialog(qtbot, SettingsServices(**{**services.__dict__, "can_edit": True}))
    before = (station_info(store), load_settings(store))
    dialog.idle_spin.setValue(2)
    dialog.name_edit.setText("别的站")
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.error_text() == "⚠ 只有站长可以修改站点设置。"
    assert (station_info(store), load_settings(store)) == before
