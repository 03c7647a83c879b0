"""What each document prints, filled from cases made through the real services."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from app.domain import clock
from app.domain.errors import IllegalTransition, ValidationError
from app.domain.rules import Rule
from app.domain.vocabulary import SessionMode
from app.printing import document_data as doc
from app.services import closing, editing, mediation
from app.services.documents import DocumentRefused, available_forms, draft_content
from app.services.drafts import BOTH, PartyDraft
from app.services.intake import register_case
from app.services.settings import OfficeContact, load_office_contact, save_office_contact
from tests.services.document_factories import (
    COMPLAINANT_ID,
    COMPLAINANT_PHONE,
    OFFICE_ADDRESS,
    OFFICE_PHONE,
    accepted,
    agreed,
    decided_report,
    identified_complaint,
    refused,
    scheduled,
    set_office_contact,
    terminated,
)
from tests.services.factories import complaint_draft, register_complaint

BEFORE_ORDER_121 = datetime(2026, 4, 1, 10, 0, tzinfo=clock.CHINA)
TOMORROW = clock.today() + timedelta(days=1)


def _applying(store, actor, case_id) -> set[str]:
    return {choice.name for choice in available_forms(store, actor, case_id) if choice.applies}


def test_complaint_registration_holds_the_intake_in_full(store, head, mediator):
    case_id = identified_complaint(
        store, mediator, consent_publish=True, consent_entrusted_mediation=False,
        agent=PartyDraft(name="王五", phone="13600136000", id_type="resident_id", id_number=COMPLAINANT_ID),
        respondent=PartyDraft(
            name="湖滨玉器行", address="杭州市西湖区湖滨路5号", contact="0571-86001234", legal_representative="赵六"
        ),
    )
    content = draft_content(store, head, case_id, "complaint-register")
    assert isinstance(content, doc.ComplaintRegistration)
    assert content.heading.number is None and content.heading.addressee == ""
    assert content.heading.office == doc.Office(
        name="杭州市西湖区市场监督管理局", doc_prefix="西市监投登", station_name="西湖景区消费维权服务站"
    )
    assert content.heading.case_number.startswith("T")
    assert content.heading.issued_on == clock.today()
    assert content.received_on == clock.local_date(clock.now() - timedelta(days=2))
    # The registration form stays in the office: numbers in full.
    assert content.complainant == doc.PartyBlock(
        name="张三", phone=COMPLAINANT_PHONE, id_type="居民身份证", id_number=COMPLAINANT_ID,
        address="杭州市西湖区北山街1号", agent_name="王五", agent_phone="13600136000",
    )
    assert content.respondent == doc.PartyBlock(
        name="湖滨玉器行", phone="0571-86001234", address="杭州市西湖区湖滨路5号", legal_representative="赵六"
    )
    assert (content.request, content.facts) == ("退货退款", "购买的玉镯经检测为染色石英岩")
    assert (content.consent_publish, content.consent_entrusted_mediation) == (True, False)
    assert content.registered_by == "李明"


def test_report_registration_names_the_reporter_or_none_when_anonymous(store, head):
    case_id = decided_report(store, head)
    content = draft_content(store, head, case_id, "report-register")
    assert content.reporter.name == "李四" and content.reporter.phone == "13700137000"
    assert content.reported.name == "湖滨玉器行"
    assert content.clues == "销售染色石英岩冒充翡翠\n店内标注A货翡翠的手镯经检测为染色石英岩"
    assert content.registered_by == "王建国"

    anonymous = register_complaint(store, head, kind="report", complainants=[PartyDraft()])
    assert draft_content(store, head, anonymous, "report-register").reporter is None


def test_forward_notice_takes_the_receiving_office_and_date_as_inputs(store, head):
    case_id = identified_complaint(store, head)
    with pytest.raises(ValidationError) as missing:
        draft_content(store, head, case_id, "forward")
    assert missing.value.field == "extra.to_office" and missing.value.reason == "不能为空"
    with pytest.raises(ValidationError) as past:
        draft_content(store, head, case_id, "forward", {"to_office": "杭州市上城区市场监督管理局", "report_by": "2020-01-01"})
    assert past.value.field == "extra.report_by" and "晚于今天" in past.value.reason
    with pytest.raises(ValidationError) as unknown:
        draft_content(store, head, case_id, "forward", {"to_office": "某局", "report_by": TOMORROW, "typo": "1"})
    assert unknown.value.field == "extra.typo" and "report_by" in unknown.value.reason

    content = draft_content(
        store, head, case_id, "forward",
        {"to_office": "杭州市上城区市场监督管理局", "report_by": TOMORROW.isoformat(), "enclosures": "2"},
    )
    assert content.heading.addressee == "杭州市上城区市场监督管理局"
    assert (content.kind, content.source, content.subject) == ("投诉", "张三", "湖滨玉器行")
    assert content.report_by == TOMORROW
    assert (content.enclosures, content.enclosure_pages) == (2, 0)


def test_identity_notice_needs_the_office_contact_and_a_missing_identity(store, head):
    case_id = register_complaint(store, head)  # phone and address, no ID number
    with pytest.raises(ValidationError) as unset:
        draft_content(store, head, case_id, "identity", {"provide_by": TOMORROW})
    assert unset.value.field == "station.office_phone"
    choice = next(c for c in available_forms(store, head, case_id) if c.name == "identity")
    assert not choice.applies and "联系电话" in choice.reason

    set_office_contact(store, head)
    content = draft_content(store, head, case_id, "identity", {"provide_by": TOMORROW, "materials": "身份证复印件\n\n户口簿"})
    assert content.heading.addressee == "张三"
    assert content.heading.office.contact_phone == OFFICE_PHONE
    assert content.heading.office.address == OFFICE_ADDRESS
    assert content.provide_by == TOMORROW
    assert content.materials == ("身份证复印件", "户口簿")
    assert draft_content(store, head, case_id, "identity", {"provide_by": TOMORROW}).materials == (
        "居民身份证或者其他有效身份证件",
    )

    with_id = identified_complaint(store, head)
    with pytest.raises(DocumentRefused, match="已提供身份证件号码"):
        draft_content(store, head, with_id, "identity", {"provide_by": TOMORROW})


def test_acceptance_decision_names_the_mediator_and_the_problem(store, head, mediator):
    set_office_contact(store, head)
    case_id = accepted(store, head, mediator_id=mediator.user_id, problem_code="P01")
    content = draft_content(store, head, case_id, "acceptance")
    assert content.heading.addressee == "张三"
    assert content.subject == "湖滨玉器行质量问题"
    assert (content.contact_person, content.contact_phone) == ("李明", OFFICE_PHONE)
    assert content.heading.rule == Rule.ORDER_121.value

    registered = identified_complaint(store, head)
    with pytest.raises(DocumentRefused, match="尚未受理"):
        draft_content(store, head, registered, "acceptance")


def test_refusal_lists_the_grounds_of_the_rule_in_force_on_the_day_of_receipt(store, head):
    now_rule = draft_content(store, head, refused(store, head, ground=3), "refusal")
    assert now_rule.heading.rule == "order121"
    assert now_rule.grounds.article == "第十六条" and len(now_rule.grounds.grounds) == 7
    assert now_rule.applied_ground == 3

    old_rule = draft_content(store, head, refused(store, head, ground=5, received_at=BEFORE_ORDER_121), "refusal")
    assert old_rule.heading.rule == "order20"
    assert old_rule.grounds.article == "第十五条" and len(old_rule.grounds.grounds) == 6
    assert old_rule.received_on == date(2026, 4, 1)
    assert old_rule.applied_ground == 5

    with pytest.raises(DocumentRefused, match="没有不予受理决定"):
        draft_content(store, head, accepted(store, head), "refusal")


def test_mediation_notice_is_for_the_scheduled_on_site_session(store, head):
    set_office_contact(store, head)
    case_id, session_id = scheduled(store, head)
    content = draft_content(store, head, case_id, "mediation-notice", {"materials": "购物发票\n玉镯实物"})
    assert content.heading.addressee == "张三、湖滨玉器行"
    assert content.place == "服务站调解室" and content.mediators == "王建国"
    assert content.starts_at > clock.now()
    assert content.materials == ("购物发票", "玉镯实物")
    assert content.recusal_days == 3 and content.contact_phone == OFFICE_PHONE
    assert draft_content(store, head, case_id, "mediation-notice", {"recusal_days": 5}).recusal_days == 5
    with pytest.raises(ValidationError) as bad:
        draft_content(store, head, case_id, "mediation-notice", {"recusal_days": "0"})
    assert bad.value.field == "extra.recusal_days"

    by_phone, _ = scheduled(store, head, mode=SessionMode.PHONE)
    with pytest.raises(DocumentRefused, match="现场调解"):
        draft_content(store, head, by_phone, "mediation-notice")


def test_termination_lists_the_grounds_with_the_applied_one(store, head):
    content = draft_content(store, head, terminated(store, head, ground=3), "termination")
    assert content.heading.addressee == "张三、湖滨玉器行"
    assert content.grounds.article == "第二十三条" and len(content.grounds.grounds) == 8
    assert content.applied_ground == 3
    old = draft_content(store, head, terminated(store, head, ground=4, received_at=BEFORE_ORDER_121), "termination")
    assert old.grounds.article == "第二十一条" and len(old.grounds.grounds) == 7


def test_agreement_prints_the_terms_with_the_complainants_numbers_masked(store, head):
    case_id = agreed(store, head)
    content = draft_content(store, head, case_id, "agreement")
    assert content.heading.addressee == ""
    assert content.complainant.name == "张三"
    assert content.complainant.phone == "139****5678"
    assert content.complainant.id_number == "1****************X"
    assert content.respondent.name == "湖滨玉器行"
    assert content.complaint == "购买的玉镯经检测为染色石英岩\n投诉请求：退货退款"
    assert content.terms == ("被投诉人退还货款1200.50元。", "投诉人退回玉镯。")
    assert content.amount == Decimal("1200.50")
    assert content.mediators == "王建国"

    without_document = agreed(store, head, make_document=False)
    with pytest.raises(DocumentRefused, match="不制作调解书"):
        draft_content(store, head, without_document, "agreement")


def test_mediation_record_is_kept_when_no_agreement_document_is_made(store, head):
    case_id = agreed(store, head, make_document=False)
    content = draft_content(store, head, case_id, "mediation-record")
    assert content.mode == "现场" and content.mediators == "王建国"
    assert content.participants == "张三、湖滨玉器行"
    assert content.record == "被投诉人同意退货退款。"
    assert content.outcome.startswith("双方达成调解协议：1. 被投诉人退还货款1200.50元。；2. 投诉人退回玉镯。")
    with pytest.raises(DocumentRefused, match="已制作调解书"):
        draft_content(store, head, agreed(store, head), "mediation-record")


def test_follow_up_record_names_who_visited_and_the_satisfaction(store, head, mediator):
    case_id = agreed(store, head)
    mediation.record_follow_up(
        store, mediator, case_id, visited_on=clock.today(), method="电话", reached=True,
        satisfaction="very_satisfied", remarks="已收到退款",
    )
    content = draft_content(store, head, case_id, "follow-up")
    assert (content.on, content.method, content.person_reached) == (clock.today(), "电话", "张三")
    assert (content.satisfaction, content.remarks, content.staff) == ("非常满意", "已收到退款", "李明")


def test_report_result_takes_the_law_and_article_and_tells_the_decision(store, head):
    case_id = decided_report(store, head, file_case=False)
    with pytest.raises(ValidationError) as missing:
        draft_content(store, head, case_id, "report-result", {"law": "中华人民共和国反不正当竞争法"})
    assert missing.value.field == "extra.article"
    content = draft_content(
        store, head, case_id, "report-result", {"law": "《中华人民共和国反不正当竞争法》", "article": "20"}
    )
    assert content.heading.addressee == "李四"
    assert (content.law, content.article) == ("中华人民共和国反不正当竞争法", "第20条")
    assert content.result == "经核查，我局决定不予立案。涉嫌虚假宣传。"
    typed = draft_content(
        store, head, case_id, "report-result", {"law": "产品质量法", "article": "第五十条", "result": "已责令改正。"}
    )
    assert (typed.article, typed.result) == ("第五十条", "已责令改正。")

    anonymous = register_complaint(store, head, kind="report", complainants=[PartyDraft()])
    closing.start_check(store, head, anonymous)
    closing.decide_filing(store, head, anonymous, file_case=True, reason="立案。")
    with pytest.raises(DocumentRefused, match="匿名举报"):
        draft_content(store, head, anonymous, "report-result", {"law": "产品质量法", "article": "第五十条"})


def test_which_forms_a_complaint_can_have_follows_its_steps(store, head):
    set_office_contact(store, head)
    case_id = register_complaint(store, head)
    assert _applying(store, head, case_id) == {"complaint-register", "forward", "identity"}
    case_id, _ = scheduled(store, head)
    assert _applying(store, head, case_id) == {"complaint-register", "acceptance", "mediation-notice"}
    assert _applying(store, head, agreed(store, head)) == {"complaint-register", "acceptance", "agreement"}
    assert _applying(store, head, agreed(store, head, make_document=False)) == {
        "complaint-register", "acceptance", "mediation-record",
    }
    assert _applying(store, head, terminated(store, head)) == {"complaint-register", "acceptance", "termination", "mediation-record"}
    assert _applying(store, head, refused(store, head)) == {"complaint-register", "refusal"}
    assert _applying(store, head, decided_report(store, head)) == {"report-register", "report-result"}
    inquiry = register_complaint(store, head, kind="inquiry")
    reasons = {c.name: c.reason for c in available_forms(store, head, inquiry)}
    assert _applying(store, head, inquiry) == set()
    assert reasons["acceptance"] == "投诉受理决定书只用于投诉案件，本案是咨询。"


def test_a_voided_case_has_no_new_documents(store, head):
    case_id = accepted(store, head)
    closing.void(store, head, case_id, reason="重复登记")
    assert _applying(store, head, case_id) == set()
    with pytest.raises(DocumentRefused, match="已作废"):
        draft_content(store, head, case_id, "complaint-register")


def test_a_form_prints_the_case_as_it_now_stands(store, head):
    case_id = identified_complaint(store, head)
    editing.edit_case(store, head, case_id, {"request": "退货并赔偿检测费"})
    assert draft_content(store, head, case_id, "complaint-register").request == "退货并赔偿检测费"


def test_office_contact_is_validated_and_only_the_head_sets_it(store, head, mediator):
    with pytest.raises(ValidationError) as bad:
        save_office_contact(store, head, OfficeContact(phone="12345", address="北山街"))
    assert bad.value.field == "station.office_phone"
    with pytest.raises(IllegalTransition):
        save_office_contact(store, mediator, OfficeContact(phone=OFFICE_PHONE))
    assert load_office_contact(store) == OfficeContact()
    stored = save_office_contact(store, head, OfficeContact(phone=" 0571 87001234 ", address=OFFICE_ADDRESS))
    assert stored == OfficeContact(OFFICE_PHONE, OFFICE_ADDRESS) == load_office_contact(store)


def test_a_character_no_font_has_is_refused_naming_it_and_its_field(store, head):
    rare = "𪚥"  # U+2A6A5, CJK Extension B: no bundled face has it
    case_id = register_complaint(store, head, complainants=[PartyDraft(name=f"张{rare}", phone="13800138000")])
    with pytest.raises(ValidationError) as refused_:
        draft_content(store, head, case_id, "complaint-register")
    assert refused_.value.field == "complainant.name"
    assert refused_.value.label == "投诉人名称"
    assert rare in refused_.value.reason and "U+2A6A5" in refused_.value.reason


def test_a_split_submission_keeps_the_report_out_of_the_complaint(store, head):
    (complaint, report) = register_case(store, head, complaint_draft(kind=BOTH))
    content = draft_content(store, head, complaint.case_id, "complaint-register")
    assert report.number not in repr(content) and "举报" not in repr(content)
