"""Cases brought to the point where each document applies, through the real services."""

from datetime import timedelta

from app.domain import clock
from app.domain.vocabulary import SessionMode
from app.services import acceptance, closing, mediation
from app.services.drafts import PartyDraft
from app.services.settings import OfficeContact, save_office_contact
from tests.services.factories import register_complaint

OFFICE_PHONE = "0571-87001234"
OFFICE_ADDRESS = "杭州市西湖区北山街10号"
COMPLAINANT_PHONE = "13912345678"
COMPLAINANT_ID = "11010519491231002X"


def set_office_contact(store, head) -> None:
    save_office_contact(store, head, OfficeContact(phone=OFFICE_PHONE, address=OFFICE_ADDRESS))


def identified_complaint(store, actor, **overrides) -> int:
    """A complaint whose complainant gave a phone and a resident ID number."""
    values = dict(
        complainants=[
            PartyDraft(
                name="张三", phone=COMPLAINANT_PHONE, address="杭州市西湖区北山街1号",
                id_type="resident_id", id_number=COMPLAINANT_ID,
            )
        ],
        received_at=clock.now() - timedelta(days=2),
    )
    values.update(overrides)
    return register_complaint(store, actor, **values)


def accepted(store, actor, **overrides) -> int:
    case_id = identified_complaint(store, actor, **overrides)
    acceptance.accept(store, actor, case_id)
    return case_id


def scheduled(store, actor, *, mode=SessionMode.ON_SITE, **overrides) -> tuple[int, int]:
    """An accepted complaint with a session two days ahead: (case id, session id)."""
    case_id = accepted(store, actor, **overrides)
    session_id = mediation.schedule_session(
        store, actor, case_id, starts_at=clock.now() + timedelta(days=2), place="服务站调解室",
        mode=mode, mediators="王建国",
    )
    return case_id, session_id


def agreed(store, actor, *, make_document=True, **overrides) -> int:
    case_id, session_id = scheduled(store, actor, **overrides)
    mediation.record_session(store, actor, case_id, session_id=session_id, record="被投诉人同意退货退款。")
    mediation.record_agreement(
        store, actor, case_id, terms=["被投诉人退还货款1200.50元。", "投诉人退回玉镯。"],
        amount_recovered="1200.50", make_document=make_document,
    )
    return case_id


def terminated(store, head, *, ground=3, **overrides) -> int:
    case_id, session_id = scheduled(store, head, **overrides)
    mediation.record_session(store, head, case_id, session_id=session_id, record="双方分歧较大。")
    mediation.terminate(store, head, case_id, ground=ground, reason="被投诉人表示无法达成协议")
    return case_id


def refused(store, head, *, ground=3, **overrides) -> int:
    case_id = identified_complaint(store, head, **overrides)
    acceptance.refuse(store, head, case_id, ground=ground, reason="购买数量明显超出生活消费需要")
    return case_id


def decided_report(store, head, *, file_case=True, reporter="李四", **overrides) -> int:
    case_id = register_complaint(
        store, head, kind="report",
        complainants=[PartyDraft(name=reporter, phone="13700137000", address="杭州市上城区解放路2号")],
        request="销售染色石英岩冒充翡翠", facts="店内标注A货翡翠的手镯经检测为染色石英岩",
        **overrides,
    )
    closing.start_check(store, head, case_id)
    closing.decide_filing(store, head, case_id, file_case=file_case, reason="涉嫌虚假宣传。")
    return case_id
