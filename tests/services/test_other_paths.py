"""Reports (举报) and inquiries (咨询) follow their own paths."""

from datetime import timedelta

import pytest

from app.domain import clock
from app.domain.errors import IllegalTransition
from app.domain.vocabulary import CaseState, UserRole
from app.services import acceptance, closing, details, queries
from tests.services.factories import register_complaint


def _detail(store, case_id):
    return details.case_detail(store, case_id, role=UserRole.HEAD)


def test_report_is_checked_extended_once_by_the_head_and_decided(store, head, mediator):
    case_id = register_complaint(store, mediator, kind="report", received_at=clock.now() - timedelta(days=3))
    (deadline,) = _detail(store, case_id).deadlines
    assert deadline.kind == "report_check"
    closing.start_check(store, mediator, case_id)
    with pytest.raises(IllegalTransition, match="站长"):
        closing.extend_check(store, mediator, case_id, reason="需调取录像")
    closing.extend_check(store, head, case_id, reason="需调取录像")
    (extended,) = _detail(store, case_id).deadlines
    assert extended.due > deadline.due
    with pytest.raises(IllegalTransition, match="只能延长一次|已延长过一次"):
        closing.extend_check(store, head, case_id, reason="再延长")
    closing.decide_filing(store, mediator, case_id, file_case=True, reason="涉嫌违法，立案调查")
    assert _detail(store, case_id).state is CaseState.FILED
    closing.close(store, mediator, case_id)
    assert _detail(store, case_id).state is CaseState.CLOSED


def test_a_report_is_never_mediated(store, head):
    case_id = register_complaint(store, head, kind="report")
    with pytest.raises(IllegalTransition, match="举报案件没有“受理”这一步"):
        acceptance.accept(store, head, case_id)


def test_inquiry_is_answered_then_closed(store, mediator):
    case_id = register_complaint(store, mediator, kind="inquiry")
    assert _detail(store, case_id).deadlines == []
    with pytest.raises(IllegalTransition, match="不能办结"):
        closing.close(store, mediator, case_id)
    closing.answer_inquiry(store, mediator, case_id, answer="七日无理由退货适用于网购。")
    closing.close(store, mediator, case_id)
    assert _detail(store, case_id).state is CaseState.CLOSED


def test_editing_a_case_records_old_and_new_values_and_refreshes_search(store, head):
    from app.services import editing
    from app.services.drafts import PartyDraft

    case_id = register_complaint(store, head)
    saved = editing.edit_case(store, head, case_id, {"facts": "玉镯内有明显气泡", "amount_involved": "99.9"})
    assert saved.changes["amount_involved"] == ["1200.50", "99.90"]
    assert queries.count_cases(store, queries.CaseFilter(text="明显气泡")) == 1
    party = _detail(store, case_id).parties[0]
    editing.edit_party(store, head, case_id, party.id, PartyDraft(name="张三丰", phone="0571-87654321", address="杭州"))
    detail = _detail(store, case_id)
    assert detail.parties[0].name == "张三丰" and detail.parties[0].phone == "0571-87654321"
    assert detail.history[-1].changes["party"]["changes"]["name"] == ["张三", "张三丰"]
    assert queries.count_cases(store, queries.CaseFilter(text="张三丰")) == 1


def test_a_bad_edit_changes_nothing(store, head):
    from app.domain.errors import ValidationError
    from app.services import editing

    case_id = register_complaint(store, head)
    with pytest.raises(ValidationError, match="消费类别"):
        editing.edit_case(store, head, case_id, {"facts": "新的事实", "category_code": "NOPE"})
    assert _detail(store, case_id).facts == "购买的玉镯经检测为染色石英岩"


def test_an_expired_report_check_cannot_be_extended(store, head):
    case_id = register_complaint(store, head, kind="report", received_at=clock.now() - timedelta(days=40))
    closing.start_check(store, head, case_id)
    with pytest.raises(IllegalTransition, match="届满后不能再延长"):
        closing.extend_check(store, head, case_id, reason="需调取录像")


def test_a_reporters_identity_is_for_the_head_and_the_reports_mediator(store, head, mediator):
    from app.services import accounts
    from app.services.case_rows import REPORTER_WITHHELD
    from app.services.drafts import PartyDraft
    from app.services.queries import CaseFilter, list_cases

    other = accounts.add_user(store, "chenjing", "陈静", "mediator", "another-pass-1")
    case_id = register_complaint(
        store, mediator, kind="report", mediator_id=mediator.user_id,
        complainants=[PartyDraft(name="举报人周某", phone="13900001111")],
    )
    assert list_cases(store, viewer=head)[0].complainant == "举报人周某"
    assert list_cases(store, viewer=mediator)[0].complainant == "举报人周某"
    (row,) = list_cases(store, viewer=other)
    assert (row.complainant, row.complainant_phone_masked) == (REPORTER_WITHHELD, "")
    hidden = details.case_detail(store, case_id, role=other.role, viewer_id=other.user_id).parties[0]
    assert (hidden.name, hidden.phone) == (REPORTER_WITHHELD, None)
    assert list_cases(store, CaseFilter(text="周某")) == []  # not findable by the reporter's name
