"""One complaint from the station's first start to 办结, driven through the desk's real windows:
the first-run wizard, sign-in, the intake form (an invalid phone first), then every step from the
case window's buttons."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWizard

from app.desk import build_main_window
from app.domain.vocabulary import CaseState, PartyRole
from app.models.store import open_store
from app.paths import StationPaths
from app.services import accounts, details, queries
from app.views.case_detail import CaseDetailView
from app.views.form_window import CaseWindow, IntakeDialog
from app.views.first_run_wizard import FirstRunWizard, last_group
from app.views.sign_in_dialog import SignInDialog
from app.views.step_dialogs_base import ConfirmationBox
from tests.gui.test_first_run_wizard import PASSWORD, RealCreate, fill_head, fill_station


def open_dialog(qtbot, view: CaseDetailView, step: str):
    """Press the step's button in the case window and return the dialog it opened."""
    assert step in view.step_buttons, f"{step} not offered: {sorted(view.step_buttons)}"
    with qtbot.waitSignal(view.dialog_opened, timeout=2000) as opened:
        view.step_buttons[step].click()
    dialog = opened.args[0]
    assert dialog.isVisible()
    return dialog


def press_ok(qtbot, view: CaseDetailView, dialog) -> None:
    """Press the dialog's button (and 确定办理 if it asks); wait until the case changed."""
    if dialog.needs_confirmation:
        with qtbot.waitSignal(dialog.confirmation_opened, timeout=2000) as asked:
            dialog.ok_button.click()
        box = asked.args[0]
        assert isinstance(box, ConfirmationBox)
        with qtbot.waitSignal(view.changed, timeout=2000):
            box.confirm_button.click()
    else:
        with qtbot.waitSignal(view.changed, timeout=2000):
            dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)


@pytest.fixture
def first_started_store(qtbot, tmp_path):
    """A station made by the first-run wizard, by keyboard and button, as on a new PC."""
    create = RealCreate(StationPaths(tmp_path / "new-station"))
    wizard = FirstRunWizard(create, location=str(create.paths.data_dir))
    qtbot.addWidget(wizard)
    wizard.open()
    qtbot.waitExposed(wizard)
    fill_station(qtbot, wizard)
    qtbot.keyClick(wizard.station_page.prefix_edit, Qt.Key.Key_Return)
    fill_head(qtbot, wizard)
    qtbot.keyClick(wizard.head_page.repeat_edit, Qt.Key.Key_Return)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.keyClick(wizard.recovery_page.copied_box, Qt.Key.Key_Space)
    qtbot.keyClicks(wizard.recovery_page.last_group_edit, last_group(create.code))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == QDialog.DialogCode.Accepted
    store = open_store(create.paths)
    yield store
    store.close()


def sign_in(qtbot, store, username: str, password: str):
    dialog = SignInDialog(lambda name, secret: accounts.authenticate(store, name, secret))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.username_edit, username)
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    return dialog.actor


def test_a_complaint_goes_from_first_start_to_closed_through_the_desk(qtbot, first_started_store):
    store = first_started_store
    user = sign_in(qtbot, store, "wangjg", PASSWORD)  # the head, the station's only account so far
    assert user is not None and user.username == "wangjg"
    window = build_main_window(store, user)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    def state() -> CaseState:
        return details.case_detail(store, case_id, role=user.role).state

    # Intake: an invalid phone is named inline and nothing is saved.
    intake = window.open_intake()
    assert isinstance(intake, IntakeDialog)
    qtbot.waitExposed(intake)
    form = intake.form
    form.complainant.name_edit.setText("张三")
    qtbot.keyClicks(form.complainant.phone_edit, "1380013800")
    form.complainant.address_edit.setText("杭州市西湖区龙井路1号")
    form.respondent.name_edit.setText("西湖龙井茶庄")
    form.respondent.address_edit.setText("杭州市西湖区梅家坞8号")
    form.request_edit.setPlainText("退还货款 380 元")
    form.facts_edit.setPlainText("所购龙井茶标称明前茶，实为陈茶。\n有购物小票为证。")
    qtbot.mouseClick(form.register_button, Qt.MouseButton.LeftButton)
    assert "电话" in form.error_message("complainants.0.phone")
    assert queries.count_cases(store) == 0
    assert intake.isVisible()
    assert window.findChildren(CaseWindow) == []

    # Fixed, it registers and the case opens in its own window.
    form.complainant.phone_edit.clear()
    qtbot.keyClicks(form.complainant.phone_edit, "13800138000")
    with qtbot.waitSignal(form.registered, timeout=3000) as signal:
        qtbot.mouseClick(form.register_button, Qt.MouseButton.LeftButton)
    [registered] = signal.args[0]
    case_id = registered.case_id
    assert form.error_message("complainants.0.phone") == ""
    assert queries.count_cases(store) == 1
    qtbot.waitUntil(lambda: len(window.findChildren(CaseWindow)) == 1, timeout=2000)
    (case_window,) = window.findChildren(CaseWindow)
    assert case_window.windowTitle() == f"案件 {registered.number}"
    qtbot.waitExposed(case_window)
    view = case_window.view
    assert isinstance(view, CaseDetailView)
    detail = details.case_detail(store, case_id, role=user.role)
    assert detail.state is CaseState.REGISTERED
    complainant = next(p for p in detail.parties if p.role is PartyRole.COMPLAINANT)
    assert (complainant.name, complainant.phone, complainant.address) == ("张三", "13800138000", "杭州市西湖区龙井路1号")
    respondent = next(p for p in detail.parties if p.role is PartyRole.RESPONDENT)
    assert (respondent.name, respondent.address) == ("西湖龙井茶庄", "杭州市西湖区梅家坞8号")
    assert (detail.request, detail.facts) == ("退还货款 380 元", "所购龙井茶标称明前茶，实为陈茶。\n有购物小票为证。")

    # 受理
    press_ok(qtbot, view, open_dialog(qtbot, view, "accept"))
    assert state() is CaseState.ACCEPTED

    # 安排调解, then 记录调解 of that session.
    dialog = open_dialog(qtbot, view, "schedule_session")
    dialog.session_fields.place_edit.setText("服务站调解室")
    press_ok(qtbot, view, dialog)
    (meeting,) = details.case_detail(store, case_id, role=user.role).sessions
    assert not meeting.held
    assert state() is CaseState.MEDIATING

    dialog = open_dialog(qtbot, view, "record_session")
    assert dialog.session_combo.currentData() == meeting.id
    dialog.record_edit.setPlainText(dialog.record_edit.toPlainText() + "：双方同意退款")
    press_ok(qtbot, view, dialog)
    detail = details.case_detail(store, case_id, role=user.role)
    assert detail.state is CaseState.MEDIATING
    assert detail.sessions[0].held and detail.sessions[0].record.endswith("双方同意退款")

    # 调解成功: two clauses and the amount recovered.
    dialog = open_dialog(qtbot, view, "record_agreement")
    dialog.clause_list.table.item(0, 0).setText("被投诉人退还货款 380 元")
    dialog.clause_list.add_clause("投诉人退回所购茶叶")
    qtbot.keyClicks(dialog.amount_edit, "380")
    press_ok(qtbot, view, dialog)
    detail = details.case_detail(store, case_id, role=user.role)
    assert detail.state is CaseState.AGREED
    assert detail.agreement_terms == ["被投诉人退还货款 380 元", "投诉人退回所购茶叶"]
    assert detail.amount_recovered == Decimal("380.00")

    # 回访: reached, satisfied.
    dialog = open_dialog(qtbot, view, "record_follow_up")
    assert dialog.reached_check.isChecked()
    dialog.satisfaction_combo.setCurrentIndex(dialog.satisfaction_combo.findData("satisfied"))
    press_ok(qtbot, view, dialog)
    detail = details.case_detail(store, case_id, role=user.role)
    assert detail.state is CaseState.FOLLOWED_UP
    (follow_up,) = detail.follow_ups
    assert follow_up.satisfaction == "satisfied"

    # 办结 (any role may close), after its confirmation.
    press_ok(qtbot, view, open_dialog(qtbot, view, "close"))
    assert state() is CaseState.CLOSED
    assert "close" not in view.step_buttons

    history = details.case_detail(store, case_id, role=user.role).history
    assert [entry.action for entry in history] == [
        "register",
        "accept",
        "schedule_session",
        "record_session",
        "record_agreement",
        "record_follow_up",
        "close",
    ]
    assert {entry.username for entry in history} == {user.username}
    assert view.timeline.entry_count() == len(history)

    case_window.close()
    window.close()
    qtbot.waitUntil(lambda: not case_window.isVisible() and not window.isVisible(), timeout=2000)
