"""The case detail over a real store: deadlines, the steps offered, accepting through the dialog,
a mediator's refusal waiting for the head, masked numbers, and names instead of codes."""

from PySide6.QtWidgets import QLabel

from app.domain import clock
from app.domain.vocabulary import CaseState, UserRole
from app.services import acceptance, details
from app.views.step_dialogs import AcceptDialog, RefuseDialog
from app.views.step_dialogs_base import ConfirmationBox
from tests.gui.case_view_helpers import open_dialog
from tests.services.factories import register_complaint as register_full_complaint

DEADLINE_MARKS = ("未到期", "即将到期", "已超期", "已中止")


def state_of(store, case_id) -> CaseState:
    return details.case_detail(store, case_id, role=UserRole.HEAD).state


def confirm(qtbot, dialog) -> None:
    """Press the dialog's button, then 确定办理 in the confirmation it asks."""
    with qtbot.waitSignal(dialog.confirmation_opened, timeout=1000) as asked:
        dialog.ok_button.click()
    box = asked.args[0]
    assert isinstance(box, ConfirmationBox)
    assert "此操作将记录在案，不能撤销；如有错误须另行办理更正。确定？" in box.text()
    box.confirm_button.click()


def test_a_registered_complaint_shows_its_acceptance_deadline_and_only_the_allowed_steps(
    store, head, case_id, open_view
):
    view = open_view(head, case_id)
    deadline = details.case_detail(store, case_id, role=UserRole.HEAD).deadlines[0]
    (text,) = view.deadline_texts()
    mark = next(m for m in DEADLINE_MARKS if m in text)
    assert text.startswith("受理决定期限（第十五条）：" + deadline.due.isoformat())
    assert mark == "未到期"  # received an hour ago: seven working days to go
    # The state is in words and in an icon, never colour alone.
    icon = view.deadline_box.findChildren(QLabel)[0]
    assert not icon.pixmap().isNull()
    assert icon.accessibleName() == mark
    assert set(view.step_buttons) == {"accept", "refuse", "withdraw", "void"}
    assert view.step_buttons["accept"].text() == "受理"
    assert "市场监管总局令第121号" in view.summary_label.text()
    assert "已登记" in view.summary_label.text()
    assert view.field_text("投诉请求") == "退货退款"
    assert view.field_text("涉及金额") == "1,200.50 元"
    assert view.timeline.entry_count() == 1
    (registered,) = details.case_detail(store, case_id, role=UserRole.HEAD).history
    when, who, what = view.timeline.entry_texts(0)[:3]
    # Beijing time, and the user by name, not by account
    assert (when, who, what) == (clock.format_local(registered.at), "王建国", "登记")


def test_a_mediator_is_not_offered_void_on_an_accepted_case(store, head, mediator, case_id, open_view):
    acceptance.accept(store, head, case_id)
    view = open_view(mediator, case_id)
    assert set(view.step_buttons) == {
        "schedule_session",
        "record_session",
        "pause_clock",
        "resume_clock",
        "record_agreement",
        "terminate",
        "withdraw",
    }
    (text,) = view.deadline_texts()
    assert text.startswith("调解期限（第二十三条")
    assert any(mark in text for mark in DEADLINE_MARKS)


def test_accepting_through_the_dialog_moves_the_case_and_adds_to_the_timeline(
    qtbot, store, head, case_id, open_view
):
    view = open_view(head, case_id)
    dialog = open_dialog(qtbot, view, "accept")
    assert isinstance(dialog, AcceptDialog)
    assert dialog.decided_on_edit.date().toPython() == clock.today()
    with qtbot.waitSignal(view.changed, timeout=1000) as changed:
        dialog.ok_button.click()
    assert changed.args == [case_id]
    assert state_of(store, case_id) is CaseState.ACCEPTED
    assert view.timeline.entry_count() == 2
    newest = view.timeline.entry_texts(0)
    assert newest[1:3] == ["王建国", "受理"]
    assert "状态：已登记 → 已受理" in newest
    assert f"决定日期：（空） → {clock.today().isoformat()}" in newest
    assert "已受理" in view.summary_label.text()
    assert view.notice_label.text() == "已办理：受理"
    assert "accept" not in view.step_buttons


def test_a_mediators_refusal_waits_for_the_head_who_confirms_it(qtbot, store, head, mediator, case_id, open_view):
    view = open_view(mediator, case_id)
    dialog = open_dialog(qtbot, view, "refuse")
    assert isinstance(dialog, RefuseDialog)
    assert dialog.ok_button.text() == "提交站长确认"
    dialog.choose(3)
    dialog.reason_edit.setPlainText("购买玉镯用于转卖，不属于生活消费")
    with qtbot.waitSignal(view.changed, timeout=1000):
        confirm(qtbot, dialog)
    assert "已提交站长确认" in view.notice_label.text()
    assert state_of(store, case_id) is CaseState.REGISTERED
    assert "已登记" in view.summary_label.text()
    # The mediator sees the proposal waiting, but cannot decide it.
    assert view.proposal_box.isVisible()
    assert not view.proposal_box.confirm_button.isVisible()

    head_view = open_view(head, case_id)
    assert head_view.proposal_box.isVisible()
    assert "李明" in head_view.proposal_box.label.text()
    assert "第十六条（三）" in head_view.proposal_box.label.text()
    assert head_view.proposal_box.confirm_button.isVisible() and head_view.proposal_box.reject_button.isVisible()
    with qtbot.waitSignal(head_view.dialog_opened, timeout=1000) as opened:
        head_view.proposal_box.confirm_button.click()
    box = opened.args[0]
    with qtbot.waitSignal(head_view.changed, timeout=1000):
        box.confirm_button.click()
    assert state_of(store, case_id) is CaseState.NOT_ACCEPTED
    assert not head_view.proposal_box.isVisible()
    assert head_view.notice_label.text() == "已确认：不予受理"
    assert "第十六条（三）" in head_view.field_text("不予受理理由")
    assert set(head_view.step_buttons) == {"close", "void"}


def test_the_head_rejects_a_proposal_and_the_case_stays(qtbot, store, head, mediator, case_id, open_view):
    acceptance.refuse(store, mediator, case_id, ground=1, reason="不属于职责范围")
    view = open_view(head, case_id)
    with qtbot.waitSignal(view.dialog_opened, timeout=1000) as opened:
        view.proposal_box.reject_button.click()
    dialog = opened.args[0]
    dialog.remark_edit.setPlainText("属于本站职责，应予受理")
    with qtbot.waitSignal(view.changed, timeout=1000):
        dialog.ok_button.click()
    assert state_of(store, case_id) is CaseState.REGISTERED
    assert not view.proposal_box.isVisible()
    assert view.timeline.entry_texts(0)[2] == "站长驳回不予受理提议"


def test_phone_and_id_numbers_are_masked_until_the_toggle(store, head, case_id, open_view):
    view = open_view(head, case_id)
    complainant = view.party_labels[0].text()
    assert "投诉人：张三" in complainant
    assert "138****8000" in complainant
    assert "13800138000" not in complainant
    view.full_numbers_check.setChecked(True)
    assert "13800138000" in view.party_labels[0].text()
    view.full_numbers_check.setChecked(False)
    assert "13800138000" not in view.party_labels[0].text()


def test_an_agents_id_number_is_masked(store, head, open_view):
    from app.services.drafts import PartyDraft

    agent = PartyDraft(name="赵律师", phone="13900139000", id_type="resident_id", id_number="11010519491231002X")
    case_id = register_full_complaint(store, head, agent=agent)
    view = open_view(head, case_id)
    texts = "\n".join(label.text() for label in view.party_labels)
    assert "1****************X" in texts
    assert "11010519491231002X" not in texts
    view.full_numbers_check.setChecked(True)
    assert "11010519491231002X" in "\n".join(label.text() for label in view.party_labels)


def test_codes_and_accounts_are_shown_by_name(store, head, mediator, open_view):
    from app.services import editing

    # Codes as shipped in resources/data/categories.json: G05 家用电器 under G 商品类, P01 质量.
    case_id = register_full_complaint(
        store, head, category_code="G05", problem_code="P01", mediator_id=mediator.user_id
    )
    view = open_view(head, case_id)
    assert view.field_text("消费类别") == "商品类 › 家用电器"
    assert view.field_text("问题类别") == "质量"
    assert view.field_text("承办调解员") == "李明"

    editing.edit_case(store, head, case_id, {"category_code": "S", "mediator_id": head.user_id})
    view.reload()
    assert view.field_text("消费类别") == "服务类"  # a top-level category on its own
    assert view.field_text("承办调解员") == "王建国"
    newest = view.timeline.entry_texts(0)
    assert newest[1:3] == ["王建国", "修改"]
    assert "消费类别：商品类 › 家用电器 → 服务类" in newest
    assert "承办调解员：李明 → 王建国" in newest
    registered = view.timeline.entry_texts(1)
    assert "问题类别：（空） → 质量" in registered
    assert not any(code in line for line in newest + registered for code in ("G05", "P01"))
