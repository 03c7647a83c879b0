"""Correcting a case from its detail, through the real dialogs and a real store: what is saved
and shown, inline errors that save nothing, and undo of the last edit."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.vocabulary import CaseState, UserRole
from app.services import acceptance, closing, details, editing, station
from app.views.edit_dialogs import CaseEditDialog, PartyEditDialog


def detail_of(store, case_id):
    return details.case_detail(store, case_id, role=UserRole.HEAD)


def open_edit(qtbot, view) -> CaseEditDialog:
    """Press 编辑 in the facts tab and return the dialog it opened."""
    with qtbot.waitSignal(view.dialog_opened, timeout=1000) as opened:
        view.facts.edit_button.click()
    dialog = opened.args[0]
    assert isinstance(dialog, CaseEditDialog) and dialog.isVisible()
    return dialog


def open_party_edit(qtbot, view, party_id: int) -> PartyEditDialog:
    with qtbot.waitSignal(view.dialog_opened, timeout=1000) as opened:
        view.facts.party_edit_buttons[party_id].click()
    dialog = opened.args[0]
    assert isinstance(dialog, PartyEditDialog) and dialog.isVisible()
    return dialog


def retype(qtbot, edit, text: str) -> None:
    """Type ``text`` (Latin-1: QTest cannot type CJK) over what the field holds."""
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def save(qtbot, view, dialog) -> None:
    with qtbot.waitSignal(view.changed, timeout=1000):
        dialog.ok_button.click()
    assert not dialog.isVisible()


def test_an_edited_amount_shows_in_the_detail_and_in_the_history(qtbot, store, head, case_id, open_view):
    view = open_view(head, case_id)
    dialog = open_edit(qtbot, view)
    assert dialog.amount_edit.text() == "1200.50"
    assert dialog.facts_edit.toPlainText() == "购买的玉镯经检测为染色石英岩"
    retype(qtbot, dialog.amount_edit, "980")
    save(qtbot, view, dialog)

    assert view.field_text("涉及金额") == "980.00 元"
    newest = view.timeline.entry_texts(0)
    assert newest[1:3] == ["王建国", "修改"]
    assert newest[3:] == ["涉及金额：1200.50 元 → 980.00 元"]
    assert detail_of(store, case_id).history[-1].changes == {"amount_involved": ["1200.50", "980.00"]}
    assert view.notice_label.text() == "已保存：涉及金额"
    assert view.editing.undo_button.isVisible()


def test_only_the_fields_that_changed_are_sent(qtbot, store, head, mediator, case_id):
    sent = []
    detail = detail_of(store, case_id)
    dialog = CaseEditDialog(
        detail,
        lambda fields: sent.append(fields) or {"facts": ["", ""]},
        actor=head,
        categories=station.categories(store),
        problem_kinds=station.problem_kinds(store),
        mediators=[head, mediator],
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.facts_edit.setPlainText("玉镯内有明显气泡")
    dialog.category_top_combo.setCurrentIndex(dialog.category_top_combo.findData("G"))
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("G07"))
    dialog.consent_publish_combo.setCurrentIndex(dialog.consent_publish_combo.findData(False))
    dialog.mediator_combo.setCurrentIndex(dialog.mediator_combo.findData(mediator.user_id))
    dialog.ok_button.click()
    assert sent == [
        {
            "facts": "玉镯内有明显气泡",
            "category_code": "G07",
            "consent_publish": False,
            "mediator_id": mediator.user_id,
        }
    ]


def test_a_mediator_no_longer_offered_is_kept(qtbot, store, head, mediator):
    from tests.services.factories import register_complaint

    case_id = register_complaint(store, head, mediator_id=mediator.user_id)
    sent = []
    dialog = CaseEditDialog(
        detail_of(store, case_id),
        lambda fields: sent.append(fields) or {"facts": ["", ""]},
        actor=head,
        categories=station.categories(store),
        problem_kinds=station.problem_kinds(store),
        mediators=[head],  # 李明's account was closed since
    )
    qtbot.addWidget(dialog)
    assert dialog.mediator_combo.currentText() == "李明"
    dialog.facts_edit.setPlainText("玉镯内有明显气泡")
    dialog.ok_button.click()
    assert sent == [{"facts": "玉镯内有明显气泡"}]


def test_saving_without_a_change_records_nothing(qtbot, store, head, case_id, open_view):
    view = open_view(head, case_id)
    dialog = open_edit(qtbot, view)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert len(detail_of(store, case_id).history) == 1
    assert view.notice_label.text() == "没有修改，未保存。"
    assert not view.editing.undo_button.isVisible()


def test_an_invalid_amount_is_shown_beside_the_field_and_nothing_is_saved(qtbot, store, head, case_id, open_view):
    view = open_view(head, case_id)
    dialog = open_edit(qtbot, view)
    dialog.facts_edit.setPlainText("玉镯内有明显气泡")
    retype(qtbot, dialog.amount_edit, "1000 yuan")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.error_field == "amount_involved"
    assert dialog.errors.message(dialog.amount_edit) == dialog.error_text()
    assert "涉及金额" in dialog.error_text() and "金额应为数字" in dialog.error_text()
    detail = detail_of(store, case_id)
    # Neither the amount nor the facts typed beside it: nothing half-saved.
    assert (detail.amount_involved, detail.facts) == (Decimal("1200.50"), "购买的玉镯经检测为染色石英岩")
    assert len(detail.history) == 1
    assert view.timeline.entry_count() == 1

    retype(qtbot, dialog.amount_edit, "1,000")
    save(qtbot, view, dialog)
    assert detail_of(store, case_id).amount_involved == Decimal("1000.00")


def test_undo_puts_the_old_value_back_as_a_new_history_row(qtbot, store, head, case_id, open_view):
    view = open_view(head, case_id)
    dialog = open_edit(qtbot, view)
    dialog.facts_edit.setPlainText("玉镯内有明显气泡")
    save(qtbot, view, dialog)
    assert view.field_text("事实和理由") == "玉镯内有明显气泡"

    with qtbot.waitSignal(view.changed, timeout=1000):
        view.editing.undo_button.click()
    assert view.field_text("事实和理由") == "购买的玉镯经检测为染色石英岩"
    assert view.notice_label.text() == "已撤销：事实和理由"
    assert not view.editing.undo_button.isVisible()
    history = detail_of(store, case_id).history
    assert [entry.action for entry in history] == ["register", "edit", "edit"]
    assert history[-1].changes == {"facts": ["玉镯内有明显气泡", "购买的玉镯经检测为染色石英岩"]}
    assert view.timeline.entry_texts(0)[3:] == ["事实和理由：玉镯内有明显气泡 → 购买的玉镯经检测为染色石英岩"]
    # Only the last edit, and only once.
    view.editing.undo()
    assert len(detail_of(store, case_id).history) == 3


def focus(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_f2_edits_and_ctrl_z_undoes(qtbot, store, head, case_id, open_view):
    view = open_view(head, case_id)
    view.activateWindow()
    focus(qtbot, view.facts.edit_button)
    with qtbot.waitSignal(view.dialog_opened, timeout=1000) as opened:
        qtbot.keyClick(view.facts.edit_button, Qt.Key.Key_F2)
    dialog = opened.args[0]
    dialog.consent_mediation_combo.setCurrentIndex(dialog.consent_mediation_combo.findData(True))
    save(qtbot, view, dialog)
    assert view.field_text("同意委托调解") == "是"

    view.activateWindow()
    focus(qtbot, view.facts.edit_button)
    with qtbot.waitSignal(view.changed, timeout=1000):
        qtbot.keyClick(view.facts.edit_button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.field_text("同意委托调解") == "未说明"


def test_undo_is_refused_once_the_case_changed_again(qtbot, store, head, mediator, case_id, open_view):
    view = open_view(head, case_id)
    dialog = open_edit(qtbot, view)
    retype(qtbot, dialog.amount_edit, "980")
    save(qtbot, view, dialog)
    # Meanwhile, at another desk, the mediator accepts the complaint.
    acceptance.accept(store, mediator, case_id)

    view.editing.undo_button.click()
    number = detail_of(store, case_id).number
    assert view.notice_label.text() == f"不能撤销：案件 {number} 在此之后已有其他变动，请看过最新内容后再办理。"
    assert not view.editing.undo_button.isVisible()
    detail = detail_of(store, case_id)
    assert detail.amount_involved == Decimal("980.00")
    assert [entry.action for entry in detail.history] == ["register", "edit", "accept"]
    assert "已受理" in view.summary_label.text()  # the view shows the case as it is now


def test_another_step_in_the_view_withdraws_the_undo(qtbot, store, head, case_id, open_view):
    view = open_view(head, case_id)
    dialog = open_edit(qtbot, view)
    retype(qtbot, dialog.amount_edit, "980")
    save(qtbot, view, dialog)
    with qtbot.waitSignal(view.dialog_opened, timeout=1000) as opened:
        view.step_buttons["accept"].click()
    with qtbot.waitSignal(view.changed, timeout=1000):
        opened.args[0].ok_button.click()
    assert view.notice_label.text() == "已办理：受理"
    assert not view.editing.undo_button.isVisible()
    assert not view.editing.can_undo


def test_a_dialog_opened_before_another_change_does_not_overwrite_it(qtbot, store, head, mediator, case_id, open_view):
    view = open_view(head, case_id)
    dialog = open_edit(qtbot, view)
    editing.edit_case(store, mediator, case_id, {"facts": "另一位调解员补充的事实"})
    retype(qtbot, dialog.amount_edit, "980")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "已有其他变动" in dialog.error_text()
    assert detail_of(store, case_id).amount_involved == Decimal("1200.50")


def test_a_complainants_phone_is_corrected_and_undone(qtbot, store, head, case_id, open_view):
    view = open_view(head, case_id)
    complainant = detail_of(store, case_id).parties[0]
    dialog = open_party_edit(qtbot, view, complainant.id)
    assert dialog.party_fields.value("phone") == "13800138000"
    retype(qtbot, dialog.party_fields.phone_edit, "13900139000")
    save(qtbot, view, dialog)
    assert "139****9000" in view.party_labels[0].text()
    newest = view.timeline.entry_texts(0)
    assert newest[2:] == ["修改当事人信息", "当事人·电话：138****8000 → 139****9000"]
    assert view.notice_label.text() == "已保存：投诉人的电话"
    party = detail_of(store, case_id).parties[0]
    # The details the dialog does not change are kept.
    assert (party.name, party.address) == ("张三", "杭州市西湖区北山街1号")

    with qtbot.waitSignal(view.changed, timeout=1000):
        view.editing.undo_button.click()
    assert detail_of(store, case_id).parties[0].phone == "13800138000"
    assert view.timeline.entry_texts(0)[3:] == ["当事人·电话：139****9000 → 138****8000"]


def test_a_bad_phone_is_shown_beside_the_field_and_nothing_is_saved(qtbot, store, head, case_id, open_view):
    view = open_view(head, case_id)
    complainant = detail_of(store, case_id).parties[0]
    dialog = open_party_edit(qtbot, view, complainant.id)
    dialog.party_fields.name_edit.setText("张三丰")
    retype(qtbot, dialog.party_fields.phone_edit, "1390013")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.error_field == f"parties.{complainant.id}.phone"
    assert "电话" in dialog.errors.message(dialog.party_fields.phone_edit)
    party = detail_of(store, case_id).parties[0]
    assert (party.name, party.phone) == ("张三", "13800138000")
    assert len(detail_of(store, case_id).history) == 1


def test_a_renamed_respondent_is_filed_under_the_new_business_and_undone(qtbot, store, head, case_id, open_view):
    view = open_view(head, case_id)
    respondent = detail_of(store, case_id).parties[1]
    dialog = open_party_edit(qtbot, view, respondent.id)
    assert dialog.party_fields.credit_code_edit is not None and dialog.party_fields.phone_edit is None
    dialog.party_fields.name_edit.setText("湖滨珠宝行")
    save(qtbot, view, dialog)
    assert "被投诉人：湖滨珠宝行" in view.party_labels[1].text()
    assert view.notice_label.text() == "已保存：被投诉人的姓名或名称"
    # Which business on file it is follows from the name: not a line of its own.
    assert view.timeline.entry_texts(0)[3:] == ["当事人·姓名或名称：湖滨玉器行 → 湖滨珠宝行"]
    with qtbot.waitSignal(view.changed, timeout=1000):
        view.editing.undo_button.click()
    assert detail_of(store, case_id).parties[1].name == "湖滨玉器行"


@pytest.mark.parametrize("reason", ["closed", "voided"])
def test_a_finished_case_offers_no_editing(qtbot, store, head, case_id, open_view, reason):
    if reason == "closed":
        acceptance.refuse(store, head, case_id, ground=1, reason="不属于职责范围")
        closing.close(store, head, case_id)
    else:
        closing.void(store, head, case_id, reason="重复登记")
    assert detail_of(store, case_id).state in (CaseState.CLOSED, CaseState.VOIDED)
    view = open_view(head, case_id)
    assert not view.facts.edit_button.isVisible()
    assert view.facts.party_edit_buttons == {}
    assert view.editing.open_case_edit() is None


def test_only_the_head_is_offered_the_mediator(qtbot, store, head, mediator, case_id, open_view):
    view = open_view(mediator, case_id)
    dialog = open_edit(qtbot, view)
    assert not dialog.mediator_combo.isEnabled()
    assert dialog.mediator_combo.toolTip() == "只有站长可以指定或更换承办调解员"
    dialog.facts_edit.setPlainText("玉镯内有明显气泡")
    save(qtbot, view, dialog)
    assert view.notice_label.text() == "已保存：事实和理由"

    head_dialog = open_edit(qtbot, open_view(head, case_id))
    assert head_dialog.mediator_combo.isEnabled()


def test_the_history_tab_keeps_a_reporter_from_staff_not_handling_the_report(
    qtbot, store, head, mediator, open_view
):
    from app.domain.vocabulary import PartyRole
    from app.services import accounts
    from app.services.drafts import PartyDraft
    from tests.services.factories import register_complaint

    other = accounts.add_user(store, "chenjing", "陈静", "mediator", "another-pass-1")
    case_id = register_complaint(
        store, head, kind="report", mediator_id=mediator.user_id,
        complainants=[PartyDraft(name="周小梅", phone="13900001111", address="杭州市上城区解放路2号")],
    )
    reporter = next(p for p in detail_of(store, case_id).parties if p.role is PartyRole.REPORTER)
    editing.edit_party(
        store, mediator, case_id, reporter.id, PartyDraft(name="周晓梅", phone="13900002222", address="杭州市拱墅区")
    )

    def shown(view) -> list[str]:
        timeline = view.timeline
        return [line for row in range(timeline.entry_count()) for line in timeline.entry_texts(row)]

    handling = shown(open_view(mediator, case_id))
    assert any("周小梅" in line for line in handling) and any("周晓梅" in line for line in handling)

    lines = shown(open_view(other, case_id))
    for secret in ("周小梅", "周晓梅", "1111", "2222", "解放路", "拱墅区"):
        assert not any(secret in line for line in lines), secret
    newest = open_view(other, case_id).timeline.entry_texts(0)
    assert newest[1:] == ["李明", "修改当事人信息", "当事人：（举报人信息保密）"]
    assert any("湖滨玉器行" in line for line in lines)  # the respondent is no secret
