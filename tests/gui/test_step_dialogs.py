"""The step dialogs over a real store: what they ask, inline errors that save nothing,
confirmation of legal steps, and Enter that never takes a step by accident."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.domain.grounds import refusal_grounds, termination_grounds
from app.domain.lifecycle import STEPS
from app.domain.rules import Rule
from app.domain.vocabulary import CaseState, SessionMode, UserRole
from app.services import acceptance, details, mediation
from app.views.step_dialogs import RECORD_OUTLINE, STEP_DIALOGS, step_dialog
from tests.gui.case_view_helpers import open_dialog


@pytest.fixture
def accepted_case(store, head, case_id):
    acceptance.accept(store, head, case_id)
    return case_id


def detail_of(store, case_id):
    return details.case_detail(store, case_id, role=UserRole.HEAD)


def test_every_step_but_edit_has_a_dialog(qtbot, store, head, case_id):
    assert set(STEP_DIALOGS) == set(STEPS) - {"edit"}
    detail = detail_of(store, case_id)
    for name in STEP_DIALOGS:
        dialog = step_dialog(name, detail, lambda **values: None, actor=head)
        qtbot.addWidget(dialog)
        assert dialog.ok_button.text()
        assert dialog.windowTitle().endswith(detail.number)


def test_an_agreement_with_two_clauses(qtbot, store, head, accepted_case, open_view):
    view = open_view(head, accepted_case)
    dialog = open_dialog(qtbot, view, "record_agreement")
    clauses = dialog.clause_list
    clauses.table.item(0, 0).setText("被投诉人退还货款 1200.50 元")
    clauses.add_clause("投诉人退回玉镯")
    clauses.add_clause("多余的一条")
    clauses.remove_current()
    # Numbered by the row header: 1, 2.
    assert [clauses.table.model().headerData(row, Qt.Orientation.Vertical) for row in range(2)] == [1, 2]
    dialog.amount_edit.setText("1200.50")
    dialog.document_check.setChecked(False)
    with qtbot.waitSignal(view.changed, timeout=1000):
        dialog.ok_button.click()
    detail = detail_of(store, accepted_case)
    assert detail.state is CaseState.AGREED
    assert detail.agreement_terms == ["被投诉人退还货款 1200.50 元", "投诉人退回玉镯"]
    assert detail.amount_recovered == Decimal("1200.50")
    assert detail.agreement_document is False
    assert view.field_text("调解协议") == "1. 被投诉人退还货款 1200.50 元\n2. 投诉人退回玉镯"


def test_a_bad_amount_is_shown_in_the_dialog_and_nothing_is_saved(qtbot, store, head, accepted_case, open_view):
    view = open_view(head, accepted_case)
    dialog = open_dialog(qtbot, view, "record_agreement")
    dialog.clause_list.table.item(0, 0).setText("退还货款")
    dialog.amount_edit.setText("12.345")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.error_field == "amount_recovered"
    assert "挽回经济损失" in dialog.error_text()
    assert "两位小数" in dialog.error_text()
    assert dialog.errors.message(dialog.amount_edit) == dialog.error_text()
    assert detail_of(store, accepted_case).state is CaseState.ACCEPTED
    assert view.timeline.entry_count() == 2
    # Fixed, it goes through; the message is gone.
    dialog.amount_edit.setText("12.34")
    with qtbot.waitSignal(view.changed, timeout=1000):
        dialog.ok_button.click()
    assert detail_of(store, accepted_case).state is CaseState.AGREED


def test_an_agreement_without_any_clause_names_the_terms(qtbot, store, head, accepted_case, open_view):
    view = open_view(head, accepted_case)
    dialog = open_dialog(qtbot, view, "record_agreement")
    dialog.amount_edit.setText("0")
    dialog.ok_button.click()
    assert dialog.error_field == "terms"
    assert "协议内容" in dialog.errors.message(dialog.clause_list)
    assert detail_of(store, accepted_case).state is CaseState.ACCEPTED
    dialog.reject()


@pytest.mark.parametrize(
    ("step", "grounds"), [("refuse", refusal_grounds(Rule.ORDER_121)), ("terminate", termination_grounds(Rule.ORDER_121))]
)
def test_ground_dialogs_list_every_ground_of_the_rule(qtbot, store, head, case_id, step, grounds):
    dialog = step_dialog(step, detail_of(store, case_id), lambda **values: None, actor=head)
    qtbot.addWidget(dialog)
    assert [b.text() for b in dialog.ground_buttons] == [g.item + g.text for g in grounds.grounds]
    assert dialog.ground_buttons[0].text().startswith("（一）")
    assert dialog.ok_button.text() == ("不予受理" if step == "refuse" else "终止调解")


def test_a_refusal_needs_a_ground_before_any_confirmation(qtbot, store, head, case_id, open_view):
    view = open_view(head, case_id)
    dialog = open_dialog(qtbot, view, "refuse")
    dialog.ok_button.click()
    assert dialog.confirmation_box is None
    assert dialog.error_field == "ground"
    assert "不予受理理由" in dialog.error_text()
    assert detail_of(store, case_id).state is CaseState.REGISTERED


def test_cancelling_the_confirmation_saves_nothing(qtbot, store, head, case_id, open_view):
    view = open_view(head, case_id)
    dialog = open_dialog(qtbot, view, "refuse")
    dialog.choose(1)
    with qtbot.waitSignal(dialog.confirmation_opened, timeout=1000) as asked:
        dialog.ok_button.click()
    box = asked.args[0]
    assert box.defaultButton() is box.cancel_button
    # Enter in the confirmation is its default, 取消.
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert not box.isVisible()
    assert dialog.isVisible()
    assert detail_of(store, case_id).state is CaseState.REGISTERED
    assert view.timeline.entry_count() == 1


def test_the_head_voids_after_confirming(qtbot, store, head, case_id, open_view):
    view = open_view(head, case_id)
    dialog = open_dialog(qtbot, view, "void")
    dialog.reason_edit.setPlainText("重复登记")
    with qtbot.waitSignal(dialog.confirmation_opened, timeout=1000) as asked:
        dialog.ok_button.click()
    with qtbot.waitSignal(view.changed, timeout=1000):
        asked.args[0].confirm_button.click()
    detail = detail_of(store, case_id)
    assert detail.state is CaseState.VOIDED
    assert detail.void_reason == "重复登记"
    assert view.step_buttons == {}


def test_enter_in_a_field_takes_no_step(qtbot, store, head, case_id, open_view):
    view = open_view(head, case_id)
    dialog = open_dialog(qtbot, view, "accept")
    qtbot.keyClick(dialog.decided_on_edit, Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert not dialog.ok_button.isDefault()
    assert detail_of(store, case_id).state is CaseState.REGISTERED
    # Enter on the button itself, once the user has moved there, does press it.
    with qtbot.waitSignal(view.changed, timeout=1000):
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    assert detail_of(store, case_id).state is CaseState.ACCEPTED


def test_enter_in_a_refusal_opens_no_confirmation(qtbot, store, head, case_id, open_view):
    view = open_view(head, case_id)
    dialog = open_dialog(qtbot, view, "refuse")
    dialog.choose(2)
    qtbot.keyClick(dialog.decided_on_edit, Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_Enter)
    assert dialog.confirmation_box is None
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert detail_of(store, case_id).state is CaseState.REGISTERED


def test_schedule_then_record_a_session_from_the_template(qtbot, store, head, accepted_case, open_view):
    view = open_view(head, accepted_case)
    dialog = open_dialog(qtbot, view, "schedule_session")
    assert [dialog.session_fields.mode_combo.itemText(i) for i in range(5)] == ["现场", "网络", "电话", "音频", "视频"]
    assert dialog.session_fields.mediators_edit.text() == "王建国"
    dialog.session_fields.place_edit.setText("服务站调解室")
    dialog.session_fields.mode_combo.setCurrentIndex(4)
    with qtbot.waitSignal(view.changed, timeout=1000):
        dialog.ok_button.click()
    (meeting,) = detail_of(store, accepted_case).sessions
    assert meeting.mode == SessionMode.VIDEO.value and not meeting.held

    dialog = open_dialog(qtbot, view, "record_session")
    assert dialog.record_edit.toPlainText() == RECORD_OUTLINE == "一、双方陈述\n二、调解员释明\n三、调解意见\n四、结果"
    assert dialog.session_combo.currentData() == meeting.id
    assert not dialog.new_session.isEnabled()
    dialog.record_edit.setPlainText(RECORD_OUTLINE + "：双方同意退货")
    with qtbot.waitSignal(view.changed, timeout=1000):
        dialog.ok_button.click()
    detail = detail_of(store, accepted_case)
    assert detail.state is CaseState.MEDIATING
    assert detail.sessions[0].held and detail.sessions[0].record.endswith("双方同意退货")


def test_a_mediator_who_is_a_party_is_refused_inline(qtbot, store, head, accepted_case, open_view):
    view = open_view(head, accepted_case)
    dialog = open_dialog(qtbot, view, "schedule_session")
    dialog.session_fields.place_edit.setText("服务站调解室")
    dialog.session_fields.mediators_edit.setText("王建国、张三")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.error_field == "mediators"
    assert "应当回避" in dialog.errors.message(dialog.session_fields.mediators_edit)
    assert detail_of(store, accepted_case).sessions == []
    dialog.reject()


def test_pause_and_resume_the_clock(qtbot, store, head, accepted_case, open_view):
    view = open_view(head, accepted_case)
    dialog = open_dialog(qtbot, view, "pause_clock")
    assert [dialog.kind_combo.itemText(i) for i in range(2)] == ["鉴定检测", "回避申请"]
    dialog.detail_edit.setPlainText("送检玉镯材质")
    with qtbot.waitSignal(view.changed, timeout=1000):
        dialog.ok_button.click()
    assert "已中止" in view.deadline_texts()[0]

    dialog = open_dialog(qtbot, view, "resume_clock")
    assert dialog.pause_combo.count() == 1
    dialog.outcome_edit.setPlainText("检测结论：染色石英岩")
    with qtbot.waitSignal(view.changed, timeout=1000):
        dialog.ok_button.click()
    (pause,) = detail_of(store, accepted_case).pauses
    assert pause.ended_on is not None and pause.outcome == "检测结论：染色石英岩"


def test_a_follow_up_needs_the_satisfaction_when_reached(qtbot, store, head, accepted_case, open_view):
    mediation.withdraw(store, head, accepted_case, reason="已自行和解")
    view = open_view(head, accepted_case)
    dialog = open_dialog(qtbot, view, "record_follow_up")
    dialog.ok_button.click()
    assert dialog.error_field == "satisfaction"
    assert detail_of(store, accepted_case).state is CaseState.WITHDRAWN
    dialog.satisfaction_combo.setCurrentIndex(1)
    with qtbot.waitSignal(view.changed, timeout=1000):
        dialog.ok_button.click()
    detail = detail_of(store, accepted_case)
    assert detail.state is CaseState.FOLLOWED_UP
    assert (detail.follow_ups[0].method, detail.follow_ups[0].satisfaction) == ("电话", "satisfied")


def test_a_step_no_longer_allowed_is_reported_in_the_dialog(qtbot, store, head, case_id, open_view):
    view = open_view(head, case_id)
    dialog = open_dialog(qtbot, view, "accept")
    acceptance.accept(store, head, case_id)  # someone else was quicker
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "不能受理" in dialog.error_text()
    dialog.reject()
