"""The first-run wizard makes a real station in tmp_path through the real services."""

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QWizard

from app.models.store import open_store
from app.paths import StationPaths
from app.services import accounts
from app.services.station import create_station, station_info
from app.views.first_run_wizard import FirstRunWizard, last_group

PASSWORD = "zhan-zhang-2026"


class RealCreate:
    """``create`` bound the way the desk binds it: create_store + set_up_station."""

    def __init__(self, paths: StationPaths):
        self.paths = paths
        self.calls = 0
        self.code = None

    def __call__(self, setup, username, name, password) -> str:
        self.calls += 1
        code = create_station(self.paths, setup, head_username=username, head_name=name, head_password=password)
        self.code = code
        return code


@pytest.fixture
def create(tmp_path):
    return RealCreate(StationPaths(tmp_path / "new-station"))


@pytest.fixture
def wizard(qtbot, create):
    wizard = FirstRunWizard(create, location=str(create.paths.data_dir))
    qtbot.addWidget(wizard)
    wizard.open()
    qtbot.waitExposed(wizard)
    return wizard


def button(wizard: QWizard, which: QWizard.WizardButton):
    return wizard.button(which)


def press_enter(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def fill_station(qtbot, wizard) -> None:
    page = wizard.station_page
    page.name_edit.setText("西湖景区消费维权服务站")  # QTest types ASCII only
    page.office_edit.setText("杭州市西湖区市场监督管理局")
    page.prefix_edit.setText("西市监投")


def fill_head(qtbot, wizard, password=PASSWORD, again=None) -> None:
    page = wizard.head_page
    for edit in (page.username_edit, page.password_edit, page.repeat_edit):
        edit.clear()
    qtbot.keyClicks(page.username_edit, "wangjg")
    page.name_edit.setText("王建国")
    qtbot.keyClicks(page.password_edit, password)
    qtbot.keyClicks(page.repeat_edit, password if again is None else again)


def go_to_recovery(qtbot, wizard) -> None:
    fill_station(qtbot, wizard)
    press_enter(qtbot, wizard.station_page.prefix_edit)
    fill_head(qtbot, wizard)
    press_enter(qtbot, wizard.head_page.repeat_edit)
    assert wizard.currentPage() is wizard.create_page
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.recovery_page


def test_the_wizard_creates_a_real_station_by_keyboard(qtbot, wizard, create):
    station = wizard.station_page
    assert wizard.currentPage() is station
    assert station.focusWidget() is station.name_edit
    station.name_edit.setText("西湖景区消费维权服务站")
    press_enter(qtbot, station.name_edit)  # Enter moves on to the next field, not the next page
    assert wizard.currentPage() is station
    assert station.focusWidget() is station.kind_combo
    qtbot.keyClick(station.kind_combo, Qt.Key.Key_Down)
    assert station.kind_combo.currentData() == "education_base"
    press_enter(qtbot, station.kind_combo)
    assert station.focusWidget() is station.office_edit
    station.office_edit.setText("杭州市西湖区市场监督管理局")
    press_enter(qtbot, station.office_edit)
    assert station.focusWidget() is station.prefix_edit
    station.prefix_edit.setText("西市监投")
    press_enter(qtbot, station.prefix_edit)  # the page's last field: Enter is "下一步"

    head = wizard.head_page
    assert wizard.currentPage() is head
    assert head.focusWidget() is head.username_edit
    qtbot.keyClicks(head.username_edit, "wangjg")
    press_enter(qtbot, head.username_edit)
    head.name_edit.setText("王建国")
    press_enter(qtbot, head.name_edit)
    qtbot.keyClicks(head.focusWidget(), PASSWORD)
    press_enter(qtbot, head.password_edit)
    qtbot.keyClicks(head.focusWidget(), PASSWORD)
    press_enter(qtbot, head.repeat_edit)

    page = wizard.create_page
    assert wizard.currentPage() is page
    assert "西湖景区消费维权服务站" in page.summary_label.text()
    assert "消费教育基地" in page.summary_label.text()
    assert str(create.paths.data_dir) in page.summary_label.text()
    assert not create.paths.store.exists()  # nothing is made before "建立站点"
    assert button(wizard, QWizard.WizardButton.CommitButton).text() == "建立站点"
    press_enter(qtbot, wizard)
    assert create.calls == 1 and wizard.created

    recovery = wizard.recovery_page
    assert wizard.currentPage() is recovery
    assert recovery.code_label.text() == create.code
    code_font = recovery.code_label.font()
    assert code_font.family() == QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
    assert code_font.pointSizeF() > recovery.copied_box.font().pointSizeF()  # large and monospace
    finish = button(wizard, QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    assert not button(wizard, QWizard.WizardButton.BackButton).isVisible()
    qtbot.keyClick(recovery.copied_box, Qt.Key.Key_Space)
    assert recovery.copied_box.isChecked()
    assert not finish.isEnabled()  # the last group is not typed yet
    qtbot.keyClick(recovery.copied_box, Qt.Key.Key_Tab)
    assert recovery.focusWidget() is recovery.last_group_edit
    qtbot.keyClicks(recovery.last_group_edit, last_group(create.code).lower())
    assert finish.isEnabled()
    press_enter(qtbot, recovery.last_group_edit)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert recovery.code_label.text() == ""  # not kept once shown

    # The station is real: it opens with the key from the keyring, and the head can sign in.
    store = open_store(create.paths)
    try:
        info = station_info(store)
        assert (info.name, info.kind.value, info.office_name, info.doc_prefix) == (
            "西湖景区消费维权服务站",
            "education_base",
            "杭州市西湖区市场监督管理局",
            "西市监投",
        )
        actor = accounts.authenticate(store, "wangjg", PASSWORD)
        assert actor is not None and actor.is_head and actor.display_name == "王建国"
    finally:
        store.close()


def test_a_missing_station_name_is_shown_inline_and_the_page_stays(qtbot, wizard):
    fill_station(qtbot, wizard)
    wizard.station_page.name_edit.clear()
    press_enter(qtbot, wizard.station_page.prefix_edit)
    page = wizard.station_page
    assert wizard.currentPage() is page
    assert page.field_error("station.name") == "⚠ 站点名称：不能为空"
    assert page.focusWidget() is page.name_edit


@pytest.mark.parametrize(
    ("password", "words"),
    [("short1", "至少 8 个字符"), ("12345678", "不能只用数字或只用字母"), ("abcdefgh", "不能只用数字或只用字母")],
)
def test_a_weak_password_is_refused_inline(qtbot, wizard, create, password, words):
    fill_station(qtbot, wizard)
    press_enter(qtbot, wizard.station_page.prefix_edit)
    fill_head(qtbot, wizard, password=password)
    press_enter(qtbot, wizard.head_page.repeat_edit)
    page = wizard.head_page
    assert wizard.currentPage() is page
    message = page.field_error("password")
    assert message.startswith("⚠ 密码：") and words in message
    assert page.focusWidget() is page.password_edit
    assert not create.paths.store.exists()
    assert create.calls == 0


def test_passwords_that_differ_are_refused_on_the_second_field(qtbot, wizard):
    fill_station(qtbot, wizard)
    press_enter(qtbot, wizard.station_page.prefix_edit)
    fill_head(qtbot, wizard, again=PASSWORD + "x")
    press_enter(qtbot, wizard.head_page.repeat_edit)
    assert wizard.currentPage() is wizard.head_page
    assert wizard.head_page.field_error("password_again") == "⚠ 再次输入密码：两次输入的密码不一致"
    assert wizard.head_page.field_error("password") == ""


def test_no_keyring_is_said_plainly_and_the_page_stays_for_another_try(qtbot, wizard, create, memory_keyring):
    fill_station(qtbot, wizard)
    press_enter(qtbot, wizard.station_page.prefix_edit)
    fill_head(qtbot, wizard)
    press_enter(qtbot, wizard.head_page.repeat_edit)
    keyring.set_keyring(fail.Keyring())
    commit = button(wizard, QWizard.WizardButton.CommitButton)
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    page = wizard.create_page
    assert wizard.currentPage() is page
    assert "找不到可用的系统密钥环" in page.error_text()
    assert not wizard.created
    assert not create.paths.store.exists()

    keyring.set_keyring(memory_keyring)
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.recovery_page
    assert wizard.created and create.paths.store.exists()


def test_finish_waits_for_the_last_group_of_the_code(qtbot, wizard, create):
    go_to_recovery(qtbot, wizard)
    page = wizard.recovery_page
    finish = button(wizard, QWizard.WizardButton.FinishButton)
    groups = create.code.split("-")
    assert len(groups) == 11

    # The right group without "我已抄写" is not enough.
    qtbot.keyClicks(page.last_group_edit, groups[-1])
    assert not finish.isEnabled()
    # A wrong group (the first one) with "我已抄写" is not either, and says so.
    page.copied_box.setChecked(True)
    page.last_group_edit.clear()
    wrong = groups[0] if groups[0] != groups[-1] else "ZZZZZ"
    qtbot.keyClicks(page.last_group_edit, wrong)
    assert not finish.isEnabled()
    assert not page.mismatch_label.isHidden()
    press_enter(qtbot, page.last_group_edit)
    assert wizard.isVisible() and wizard.result() != QDialog.DialogCode.Accepted
    # Cancel and Escape cannot skip the key once the station exists.
    assert not button(wizard, QWizard.WizardButton.CancelButton).isEnabled()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible()

    page.last_group_edit.clear()
    qtbot.keyClicks(page.last_group_edit, groups[-1])
    assert finish.isEnabled()
    assert page.mismatch_label.isHidden()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert not wizard.isVisible()


def test_cancel_before_creating_leaves_nothing(qtbot, wizard, create):
    fill_station(qtbot, wizard)
    press_enter(qtbot, wizard.station_page.prefix_edit)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.result() == QDialog.DialogCode.Rejected
    assert not wizard.created
    assert not create.paths.data_dir.exists()
