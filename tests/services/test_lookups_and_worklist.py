"""Intake look-ups and “my work today”."""

from datetime import timedelta

from app.domain import clock
from app.services import acceptance, mediation
from app.services.drafts import PartyDraft
from app.services.lookups import find_businesses, repeat_signs
from app.services.worklist import work_today
from tests.services.factories import register_complaint

JADE = PartyDraft(name="湖滨玉器行", credit_code="91350100M000100Y43", address="湖滨路5号")


def test_business_lookup_by_name_or_credit_code_with_its_history(store, head):
    first = register_complaint(store, head, respondent=JADE)
    register_complaint(store, head, respondent=JADE)
    register_complaint(store, head, respondent=PartyDraft(name="龙井问茶茶叶店"))
    (by_name,) = find_businesses(store, "玉器")
    assert by_name.name == "湖滨玉器行" and by_name.complaints == 2
    assert by_name.latest_numbers[-1].endswith("00001") and first
    (by_code,) = find_businesses(store, "91350100m0")
    assert by_code.id == by_name.id
    assert find_businesses(store, "%") == []  # LIKE wildcards are text, not patterns


def test_repeat_signs_name_the_shared_details_and_cases(store, head):
    person = PartyDraft(name="张三", phone="13800138000", address="北山街1号")
    register_complaint(store, head, complainants=[person])
    register_complaint(store, head, complainants=[PartyDraft(name="李四", phone="13800138000", address="别处")])
    signs = {s.detail: s for s in repeat_signs(store, name="张三", phone="13800138000", address="无关")}
    assert set(signs) == {"投诉人姓名", "电话"}
    assert len(signs["电话"].numbers) == 2
    later = clock.now() + timedelta(days=120)
    assert repeat_signs(store, phone="13800138000", now=later) == []


def test_work_today_lists_urgent_deadlines_follow_ups_and_confirmations(store, head, mediator):
    overdue = register_complaint(store, mediator, received_at=clock.now() - timedelta(days=30), mediator_id=mediator.user_id)
    register_complaint(store, mediator, mediator_id=mediator.user_id)  # just received: not urgent
    agreed = register_complaint(store, mediator, received_at=clock.now() - timedelta(days=3), mediator_id=mediator.user_id)
    acceptance.accept(store, mediator, agreed)
    mediation.record_agreement(store, mediator, agreed, terms=["退款"], amount_recovered="10", make_document=False)
    refused = register_complaint(store, mediator, mediator_id=mediator.user_id)
    acceptance.refuse(store, mediator, refused, ground=1, reason="不属于职责")

    mine = work_today(store, mediator)
    assert [row.id for row in mine.deadlines] == [overdue]
    assert [row.id for row in mine.follow_ups] == [agreed]
    assert mine.confirmations == []
    heads = work_today(store, head)
    assert [p.case_id for p in heads.confirmations] == [refused]
