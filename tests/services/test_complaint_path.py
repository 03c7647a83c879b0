"""A complaint from registration to closing, through the real services and a real store."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from app.domain import clock
from app.domain.errors import IllegalTransition, ValidationError
from app.domain.rules import Rule
from app.domain.vocabulary import (
    CaseState,
    Channel,
    PartyRole,
    PauseKind,
    SessionMode,
    UserRole,
)
from app.models.history import HistoryEntry
from app.services import (
    acceptance,
    closing,
    details,
    intake,
    mediation,
    proposals,
    queries,
)
from app.services.drafts import BOTH, PartyDraft
from tests.services.factories import complaint_draft, register_complaint

ONE_WEEK_AGO = clock.now() - timedelta(days=7)


def _state(store, case_id):
    return details.case_detail(store, case_id, role=UserRole.HEAD).state


def test_full_complaint_path_records_every_step(store, head, mediator):
    case_id = register_complaint(store, mediator, received_at=ONE_WEEK_AGO)
    acceptance.accept(store, mediator, case_id)
    meeting = mediation.schedule_session(
        store, mediator, case_id, starts_at=clock.now() - timedelta(hours=2), place="服务站调解室",
        mode=SessionMode.ON_SITE, mediators="李明",
    )
    mediation.record_session(store, mediator, case_id, session_id=meeting, record="双方同意退货退款。")
    mediation.record_agreement(
        store, mediator, case_id, terms=["被投诉人退还 1200.50 元。", "投诉人退回玉镯。"],
        amount_recovered="1200.50", make_document=True,
    )
    mediation.record_follow_up(
        store, mediator, case_id, visited_on=clock.today(), method="电话", reached=True, satisfaction="satisfied"
    )
    closing.close(store, head, case_id)

    detail = details.case_detail(store, case_id, role=UserRole.HEAD)
    assert detail.state is CaseState.CLOSED
    assert detail.agreement_terms == ["被投诉人退还 1200.50 元。", "投诉人退回玉镯。"]
    assert str(detail.amount_recovered) == "1200.50"
    assert [h.action for h in detail.history] == [
        "register", "accept", "schedule_session", "record_session", "record_agreement", "record_follow_up", "close",
    ]
    accept_entry = detail.history[1]
    assert accept_entry.username == "liming"
    assert accept_entry.changes["state"] == ["registered", "accepted"]
    assert detail.version == 8
    assert detail.deadlines == []


def test_acceptance_needs_the_article_10_facts(store, mediator):
    case_id = register_complaint(
        store, mediator, complainants=[PartyDraft(name="张三")], respondent=PartyDraft(name="湖滨玉器行")
    )
    with pytest.raises(ValidationError, match="投诉人电话、投诉人通讯地址、被投诉人地址"):
        acceptance.accept(store, mediator, case_id)
    assert _state(store, case_id) is CaseState.REGISTERED


def test_an_agent_needs_a_complete_power_of_attorney(store, mediator):
    case_id = register_complaint(store, mediator, agent=PartyDraft(name="赵律师", poa_matters="代为投诉"))
    with pytest.raises(ValidationError, match="代理人身份证明.*委托权限.*委托期限"):
        acceptance.accept(store, mediator, case_id)


def test_refusal_by_a_mediator_waits_for_the_head(store, head, mediator):
    case_id = register_complaint(store, mediator)
    outcome = acceptance.refuse(store, mediator, case_id, ground=1, reason="不属于本部门职责")
    assert not outcome.applied
    assert _state(store, case_id) is CaseState.REGISTERED
    (pending,) = proposals.pending_proposals(store)
    assert pending.action_label == "不予受理" and pending.proposed_by == "李明"
    with pytest.raises(IllegalTransition, match="站长"):
        proposals.confirm(store, mediator, pending.id)
    with pytest.raises(IllegalTransition, match="待站长确认"):
        acceptance.refuse(store, mediator, case_id, ground=2, reason="再提一次")

    proposals.confirm(store, head, pending.id)

    detail = details.case_detail(store, case_id, role=UserRole.HEAD)
    assert detail.state is CaseState.NOT_ACCEPTED
    assert detail.refusal_ground == 1
    assert detail.history[-1].username == "head"
    assert proposals.pending_proposals(store) == []


def test_head_rejects_a_termination_proposal_and_the_case_stays(store, head, mediator):
    case_id = register_complaint(store, mediator, received_at=ONE_WEEK_AGO)
    acceptance.accept(store, mediator, case_id)
    outcome = mediation.terminate(store, mediator, case_id, ground=3, reason="商家拒绝")
    proposals.reject(store, head, outcome.proposal_id, remark="再调解一次")
    assert _state(store, case_id) is CaseState.ACCEPTED
    assert details.case_detail(store, case_id, role=UserRole.HEAD).history[-1].action == "reject_terminate"


def test_refusal_ground_must_exist_in_the_rule_of_the_case(store, head):
    old_case = register_complaint(store, head, received_at=datetime(2026, 4, 10, 10, tzinfo=clock.CHINA))
    with pytest.raises(ValidationError, match="第十五条所列第 1 至 6 项"):
        acceptance.refuse(store, head, old_case, ground=7, reason="x", decided_on=date(2026, 4, 14))
    new_case = register_complaint(store, head, received_at=datetime(2026, 4, 15, 9, tzinfo=clock.CHINA))
    acceptance.refuse(store, head, new_case, ground=7, reason="其他情形", decided_on=date(2026, 4, 16))


def test_the_rule_follows_the_date_of_receipt(store, head):
    before = register_complaint(store, head, received_at=datetime(2026, 4, 14, 23, 30, tzinfo=clock.CHINA))
    on = register_complaint(store, head, received_at=datetime(2026, 4, 15, 0, 30, tzinfo=clock.CHINA))
    assert details.case_detail(store, before, role=UserRole.HEAD).rule is Rule.ORDER_20
    assert details.case_detail(store, on, role=UserRole.HEAD).rule is Rule.ORDER_121


def test_termination_must_be_notified_before_closing(store, head):
    case_id = register_complaint(store, head, received_at=ONE_WEEK_AGO)
    acceptance.accept(store, head, case_id)
    assert mediation.terminate(store, head, case_id, ground=2, reason="被投诉人拒绝调解").applied
    deadline_kinds = [d.kind for d in details.case_detail(store, case_id, role=UserRole.HEAD).deadlines]
    assert deadline_kinds == ["termination_notice"]
    with pytest.raises(IllegalTransition, match="尚未告知"):
        closing.close(store, head, case_id)
    mediation.notify_termination(store, head, case_id)
    closing.close(store, head, case_id)
    assert _state(store, case_id) is CaseState.CLOSED


def test_testing_pause_stops_the_mediation_clock(store, head):
    accepted = clock.today() - timedelta(days=20)
    case_id = register_complaint(store, head, received_at=clock.now() - timedelta(days=21))
    acceptance.accept(store, head, case_id, decided_on=accepted)
    (plain,) = details.case_detail(store, case_id, role=UserRole.HEAD).deadlines
    pause = mediation.pause_clock(
        store, head, case_id, kind=PauseKind.TESTING, started_on=accepted + timedelta(days=2), detail="送检"
    )
    (paused,) = details.case_detail(store, case_id, role=UserRole.HEAD).deadlines
    assert paused.paused
    mediation.resume_clock(
        store, head, case_id, pause_id=pause, ended_on=accepted + timedelta(days=12), outcome="检测不合格"
    )
    (resumed,) = details.case_detail(store, case_id, role=UserRole.HEAD).deadlines
    assert not resumed.paused
    assert resumed.due >= plain.due + timedelta(days=10)


def test_a_recusal_request_suspends_sessions(store, head):
    case_id = register_complaint(store, head, received_at=ONE_WEEK_AGO)
    acceptance.accept(store, head, case_id)
    mediation.pause_clock(store, head, case_id, kind=PauseKind.RECUSAL, started_on=clock.today(), detail="投诉人申请李明回避")
    with pytest.raises(IllegalTransition, match="回避"):
        mediation.record_session(
            store, head, case_id, record="x", starts_at=clock.now(), place="站内", mode=SessionMode.PHONE, mediators="王建国"
        )


def test_a_mediator_who_is_a_party_must_withdraw(store, head):
    case_id = register_complaint(store, head, received_at=ONE_WEEK_AGO)
    acceptance.accept(store, head, case_id)
    with pytest.raises(ValidationError, match="张三 是本案当事人，应当回避"):
        mediation.schedule_session(
            store, head, case_id, starts_at=clock.now(), place="站内", mode=SessionMode.ON_SITE, mediators="王建国、张三"
        )


def test_a_failed_step_saves_nothing(store, head):
    case_id = register_complaint(store, head, received_at=ONE_WEEK_AGO)
    acceptance.accept(store, head, case_id)
    before = details.case_detail(store, case_id, role=UserRole.HEAD)
    with pytest.raises(ValidationError, match="挽回经济损失"):
        mediation.record_agreement(
            store, head, case_id, terms=["退款"], amount_recovered="12.345", make_document=False
        )
    after = details.case_detail(store, case_id, role=UserRole.HEAD)
    assert (after.state, after.version, len(after.history)) == (before.state, before.version, len(before.history))


def test_invalid_phone_at_intake_saves_nothing(store, head):
    draft = complaint_draft(complainants=[PartyDraft(name="张三", phone="1380013800", address="杭州")])
    with pytest.raises(ValidationError) as error:
        intake.register_case(store, head, draft)
    assert error.value.field == "complainants.0.phone"
    assert queries.count_cases(store) == 0


def test_a_submission_that_is_both_becomes_two_linked_cases(store, head):
    complaint, report = intake.register_case(store, head, complaint_draft(kind=BOTH))
    assert complaint.number.startswith("T") and report.number.startswith("J")
    report_detail = details.case_detail(store, report.case_id, role=UserRole.HEAD)
    assert report_detail.linked_case_id == complaint.case_id
    assert [p.role for p in report_detail.parties] == [PartyRole.REPORTER, PartyRole.RESPONDENT]


def test_numbers_run_per_kind_without_gaps(store, head):
    numbers = [intake.register_case(store, head, complaint_draft())[0].number for _ in range(3)]
    year = clock.today().year
    assert numbers == [f"T{year}-00001", f"T{year}-00002", f"T{year}-00003"]


def test_dispatched_cases_measure_the_one_hour_entry_rule(store, head):
    received = clock.now() - timedelta(minutes=90)
    case_id = register_complaint(
        store, head, channel=Channel.PLATFORM_12315, received_at=received, entered_at=received + timedelta(minutes=75)
    )
    detail = details.case_detail(store, case_id, role=UserRole.HEAD)
    assert detail.entry_delay_minutes == 75 and not detail.entered_within_hour


def test_respondents_are_linked_to_one_business_on_file(store, head):
    first = register_complaint(store, head, respondent=PartyDraft(name="湖滨玉器行", credit_code="91350100M000100Y43"))
    second = register_complaint(store, head, respondent=PartyDraft(name="湖滨玉器行（分店）", credit_code="91350100m000100y43"))
    with store.session() as session:
        from app.models.case import Party

        businesses = session.scalars(
            select(Party.business_id).where(Party.case_id.in_([first, second]), Party.role == "respondent")
        ).all()
    assert len(set(businesses)) == 1


def test_history_is_append_only_and_cases_are_never_deleted(store, head):
    case_id = register_complaint(store, head)
    with pytest.raises(IntegrityError, match="append-only"):
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE history SET action = 'x'"))
    with pytest.raises(IntegrityError, match="append-only"):
        with store.engine.begin() as conn:
            conn.execute(text("DELETE FROM history"))
    with pytest.raises(IntegrityError, match="voided, never deleted"):
        with store.engine.begin() as conn:
            conn.execute(text("DELETE FROM cases WHERE id = :id"), {"id": case_id})
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(HistoryEntry)) == 1


def test_voiding_keeps_the_case_with_its_reason(store, head, mediator):
    case_id = register_complaint(store, mediator, received_at=ONE_WEEK_AGO)
    acceptance.accept(store, mediator, case_id)
    with pytest.raises(IllegalTransition, match="站长"):
        closing.void(store, mediator, case_id, reason="重复登记")
    closing.void(store, head, case_id, reason="重复登记")
    detail = details.case_detail(store, case_id, role=UserRole.HEAD)
    assert (detail.state, detail.void_reason) == (CaseState.VOIDED, "重复登记")
    assert detail.steps == []


def test_mediation_limit_follows_the_rule_of_the_case(store, head):
    from app.domain.deadlines import calendar_days_after, working_days_after

    old = register_complaint(store, head, received_at=datetime(2026, 4, 13, 10, tzinfo=clock.CHINA))
    new = register_complaint(store, head, received_at=datetime(2026, 4, 15, 10, tzinfo=clock.CHINA))
    acceptance.accept(store, head, old, decided_on=date(2026, 4, 16))
    acceptance.accept(store, head, new, decided_on=date(2026, 4, 16))
    (old_limit,) = details.case_detail(store, old, role=UserRole.HEAD).deadlines
    (new_limit,) = details.case_detail(store, new, role=UserRole.HEAD).deadlines
    assert old_limit.due == working_days_after(date(2026, 4, 16), 45)
    assert new_limit.due == calendar_days_after(date(2026, 4, 16), 60)
    assert old_limit.due != new_limit.due


def test_a_group_complaint_has_at_most_two_representatives(store, head):
    people = [PartyDraft(name=n, phone="13800138000", address="杭州") for n in ("甲", "乙", "丙")]
    with pytest.raises(ValidationError, match="最多登记两名代表人"):
        intake.register_case(store, head, complaint_draft(is_group=True, complainants=people))
    case_id = register_complaint(store, head, is_group=True, complainants=people[:2])
    parties = details.case_detail(store, case_id, role=UserRole.HEAD).parties
    representatives = [p.name for p in parties if p.is_representative]
    assert representatives == ["甲", "乙"]
    with pytest.raises(ValidationError, match="只登记一位投诉人"):
        intake.register_case(store, head, complaint_draft(complainants=people[:2]))


def test_withdrawal_during_mediation_must_be_notified_like_a_termination(store, head):
    case_id = register_complaint(store, head, received_at=ONE_WEEK_AGO)
    acceptance.accept(store, head, case_id)
    mediation.pause_clock(store, head, case_id, kind=PauseKind.TESTING, started_on=clock.today(), detail="送检")
    mediation.withdraw(store, head, case_id, reason="双方自行和解")
    detail = details.case_detail(store, case_id, role=UserRole.HEAD)
    assert detail.termination_ground == 1
    assert [d.kind for d in detail.deadlines] == ["termination_notice"]
    assert detail.history[-1].changes["pauses_ended"][0]["outcome"] == "调解结束"
    with pytest.raises(IllegalTransition, match="尚未告知"):
        closing.close(store, head, case_id)
    mediation.notify_termination(store, head, case_id)
    closing.close(store, head, case_id)


def test_withdrawal_before_acceptance_needs_no_notice(store, head):
    case_id = register_complaint(store, head)
    mediation.withdraw(store, head, case_id, reason="不再投诉")
    closing.close(store, head, case_id)
    assert _state(store, case_id) is CaseState.CLOSED


def test_the_clock_cannot_be_paused_after_the_limit_ran_out(store, head):
    received = clock.now() - timedelta(days=90)
    case_id = register_complaint(store, head, received_at=received)
    acceptance.accept(store, head, case_id, decided_on=clock.local_date(received))
    with pytest.raises(IllegalTransition, match="调解期限已于"):
        mediation.pause_clock(store, head, case_id, kind=PauseKind.TESTING, started_on=clock.today(), detail="送检")


def test_registration_history_holds_every_value_entered(store, head):
    complaint, report = intake.register_case(store, head, complaint_draft(kind=BOTH))
    first = details.case_detail(store, complaint.case_id, role=UserRole.HEAD).history[0]
    assert first.action == "register"
    assert first.changes["amount_involved"] == [None, "1200.50"]
    assert first.changes["channel"] == [None, "on_site"]
    assert first.changes["linked_case_id"] == [None, report.case_id]
    names = [p["name"] for p in first.changes["parties"][1]]
    assert names == ["张三", "湖滨玉器行"]


def test_a_proposal_is_settled_when_the_case_moves_on(store, head, mediator):
    case_id = register_complaint(store, mediator)
    acceptance.refuse(store, mediator, case_id, ground=1, reason="不属于职责")
    acceptance.accept(store, head, case_id)  # the head accepts instead
    assert proposals.pending_proposals(store) == []
    assert details.case_detail(store, case_id, role=UserRole.HEAD).history[-1].changes["proposals_superseded"]


def test_the_heads_confirmation_is_dated_the_day_it_is_given(store, head, mediator):
    received = clock.now() - timedelta(days=6)
    case_id = register_complaint(store, mediator, received_at=received)
    proposal = acceptance.refuse(
        store, mediator, case_id, ground=1, reason="不属于职责", decided_on=clock.local_date(received)
    ).proposal_id
    proposals.confirm(store, head, proposal)
    assert details.case_detail(store, case_id, role=UserRole.HEAD).decided_on == clock.today()


def test_receipt_before_the_calendar_starts_is_refused_naming_the_field(store, head):
    with pytest.raises(ValidationError) as refused:
        intake.register_case(store, head, complaint_draft(received_at=datetime(2003, 12, 25, 10, tzinfo=clock.CHINA)))
    assert refused.value.field == "received_at" and "2004" in refused.value.reason
    assert queries.count_cases(store) == 0


def test_a_complainants_name_is_a_persons_name(store, head):
    with pytest.raises(ValidationError, match="投诉人姓名"):
        intake.register_case(store, head, complaint_draft(complainants=[PartyDraft(name="张三(VIP)", phone="13800138000")]))
    register_complaint(store, head, complainants=[PartyDraft(name="买买提·艾力", phone="13800138000")])
