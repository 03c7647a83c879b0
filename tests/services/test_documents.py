"""Issuing documents: numbers, the archive, reprints, corrections, privacy on paper, access."""

import hashlib
import io
import json
from dataclasses import replace
from datetime import datetime, timezone

import pytest
from pypdf import PdfReader
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from app.domain import clock
from app.domain.errors import StoreError, ValidationError
from app.domain.vocabulary import UserRole
from app.models.archive import IssuedDocument
from app.models.history import HistoryEntry
from app.models.station import NumberSequence
from app.printing.qr import content_digest
from app.printing.render import render
from app.services import acceptance, accounts, details, documents, editing, mediation
from app.services.documents import (
    DocumentRefused,
    available_forms,
    document_pdf,
    draft_content,
    issue_document,
    issued_documents,
    preview_document,
)
from app.services.document_inputs import UnknownForm
from app.services.drafts import BOTH, PartyDraft
from app.services.intake import register_case
from tests.services.document_factories import (
    COMPLAINANT_ID,
    COMPLAINANT_PHONE,
    accepted,
    agreed,
    decided_report,
    refused,
    scheduled,
    set_office_contact,
    terminated,
)
from tests.services.factories import complaint_draft

YEAR = clock.today().year


def pdf_text(pdf: bytes) -> str:
    """The document's text as pypdf reads it, without the spaces justification may put in."""
    reader = PdfReader(io.BytesIO(pdf))
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def _sequence(store, form):
    with store.reading() as session:
        row = session.get(NumberSequence, (f"d:{form}", YEAR))
        return row.last if row else 0


def _history(store, case_id, action="issue_document"):
    with store.reading() as session:
        entries = session.scalars(
            select(HistoryEntry).where(HistoryEntry.case_id == case_id, HistoryEntry.action == action)
        )
        return [json.loads(entry.changes) for entry in entries]


def test_issuing_numbers_archives_and_records_the_document(store, head):
    set_office_contact(store, head)
    case_id = accepted(store, head)
    issued = issue_document(store, head, case_id, "acceptance")
    assert issued.number == f"西市监投受〔{YEAR}〕第1号"
    assert (issued.form, issued.title, issued.issued_by_name) == ("acceptance", "投诉受理决定书", "王建国")
    assert (issued.corrects_id, issued.corrected_by_id) == (None, None)
    pdf = document_pdf(store, head, issued.id)
    assert hashlib.sha256(pdf).hexdigest() == issued.sha256
    shown = pdf_text(pdf)
    assert issued.number in shown and "张三" in shown and "投诉受理决定书" in shown

    with store.reading() as session:
        row = session.get(IssuedDocument, issued.id)
        assert row.template_version == documents.TEMPLATE_VERSION
        assert row.issued_by == head.user_id and row.case_id == case_id
    (entry,) = _history(store, case_id)
    assert entry["form"] == "acceptance" and entry["number"] == issued.number
    assert entry["sha256"] == issued.sha256 and entry["document"] == row.uid
    assert issued_documents(store, head, case_id) == [issued]


def test_numbers_count_per_kind_of_document_without_leading_zeros(store, head):
    set_office_contact(store, head)
    first, second = accepted(store, head), accepted(store, head)
    numbers = [issue_document(store, head, c, "acceptance").number for c in (first, second)]
    assert numbers == [f"西市监投受〔{YEAR}〕第1号", f"西市监投受〔{YEAR}〕第2号"]
    assert issue_document(store, head, refused(store, head), "refusal").number == f"西市监投不受〔{YEAR}〕第1号"
    assert issue_document(store, head, first, "complaint-register").number == f"西市监投登〔{YEAR}〕第1号"


def test_an_issue_interrupted_after_numbering_leaves_no_gap(store, head, monkeypatch):
    set_office_contact(store, head)
    first, second = accepted(store, head), accepted(store, head)
    issue_document(store, head, first, "acceptance")

    def crash(*args, **kwargs):
        raise RuntimeError("power cut")

    with monkeypatch.context() as patched:
        patched.setattr(documents, "record", crash)
        with pytest.raises(RuntimeError):
            issue_document(store, head, second, "acceptance")
    assert _sequence(store, "acceptance") == 1
    assert issued_documents(store, head, second) == []
    assert _history(store, second) == []
    assert issue_document(store, head, second, "acceptance").number == f"西市监投受〔{YEAR}〕第2号"


def test_a_new_year_starts_again_at_one(store, head, monkeypatch):
    set_office_contact(store, head)
    first, second = accepted(store, head), accepted(store, head)
    assert issue_document(store, head, first, "acceptance").number.endswith("第1号")
    new_year = datetime(YEAR + 1, 1, 4, 2, 0, tzinfo=timezone.utc)
    monkeypatch.setattr(clock, "now", lambda: new_year)
    issued = issue_document(store, head, second, "acceptance")
    assert issued.number == f"西市监投受〔{YEAR + 1}〕第1号"
    assert f"{YEAR + 1}年1月4日" in pdf_text(document_pdf(store, head, issued.id))


def test_an_issued_form_is_not_issued_again_and_its_reprint_is_byte_identical(store, head):
    set_office_contact(store, head)
    case_id = accepted(store, head)
    issued = issue_document(store, head, case_id, "acceptance")
    first = document_pdf(store, head, issued.id)
    editing.edit_case(store, head, case_id, {"request": "退货并赔偿"})
    # Say a second user previewed the form before the first issued it: theirs is refused.
    with pytest.raises(DocumentRefused, match=f"投诉受理决定书已于 .* 出具（{issued.number}）") as refused:
        issue_document(store, head, case_id, "acceptance")
    assert isinstance(refused.value, documents.AlreadyIssued) and "更正" in str(refused.value)
    assert len(issued_documents(store, head, case_id)) == 1 and len(_history(store, case_id)) == 1
    assert _sequence(store, "acceptance") == 1
    choice = next(c for c in available_forms(store, head, case_id) if c.name == "acceptance")
    assert choice.issued == issued
    assert document_pdf(store, head, choice.issued.id) == first


def test_an_issued_document_is_its_data_rendered_so_the_qr_digest_vouches_for_it(store, head):
    case_id = accepted(store, head)
    assert preview_document(store, head, case_id, "complaint-register") == preview_document(
        store, head, case_id, "complaint-register"
    )
    draft = draft_content(store, head, case_id, "complaint-register")
    issued = issue_document(store, head, case_id, "complaint-register")
    numbered = replace(draft, heading=replace(draft.heading, number=issued.number))
    with store.reading() as session:
        assert session.get(IssuedDocument, issued.id).content_sha256 == content_digest(numbered)
    assert document_pdf(store, head, issued.id) == render(numbered)
    assert "样稿" in pdf_text(preview_document(store, head, case_id, "complaint-register"))
    assert "样稿" not in pdf_text(document_pdf(store, head, issued.id))


def test_a_correction_is_a_new_document_pointing_at_the_old_one(store, head):
    set_office_contact(store, head)
    case_id = accepted(store, head)
    original = issue_document(store, head, case_id, "acceptance")
    original_pdf = document_pdf(store, head, original.id)
    party = next(p for p in _parties(store, case_id) if p.name == "张三")
    editing.edit_party(store, head, case_id, party.id, PartyDraft(name="张叁", phone=COMPLAINANT_PHONE, address="杭州"))

    assert "张叁" in pdf_text(preview_document(store, head, case_id, "acceptance", corrects=original.id))
    corrected = issue_document(store, head, case_id, "acceptance", corrects=original.id)
    assert corrected.corrects_id == original.id and corrected.number == f"西市监投受〔{YEAR}〕第2号"
    assert "张叁" in pdf_text(document_pdf(store, head, corrected.id))
    assert document_pdf(store, head, original.id) == original_pdf
    listed = issued_documents(store, head, case_id)
    assert [d.corrected_by_id for d in listed] == [corrected.id, None]
    assert _history(store, case_id)[-1]["corrects"] == _uid(store, original.id)

    with pytest.raises(DocumentRefused, match="请更正最新的一份"):
        issue_document(store, head, case_id, "acceptance", corrects=original.id)
    with pytest.raises(DocumentRefused, match="不是投诉不予受理决定书"):
        issue_document(store, head, case_id, "refusal", corrects=corrected.id)
    with pytest.raises(documents.AlreadyIssued):
        issue_document(store, head, case_id, "acceptance")
    again = issue_document(store, head, case_id, "acceptance", corrects=corrected.id)
    assert again.corrects_id == corrected.id and again.number.endswith("第3号")


def test_a_second_session_gets_its_own_notice(store, head):
    set_office_contact(store, head)
    case_id, first_session = scheduled(store, head)
    first = issue_document(store, head, case_id, "mediation-notice")
    with pytest.raises(documents.AlreadyIssued):
        issue_document(store, head, case_id, "mediation-notice")
    mediation.record_session(store, head, case_id, session_id=first_session, record="被投诉人未到场。")
    choice = next(c for c in available_forms(store, head, case_id) if c.name == "mediation-notice")
    assert not choice.applies and choice.issued is None
    mediation.schedule_session(
        store, head, case_id, starts_at=clock.now().replace(year=YEAR + 1), place="西湖区市场监管所",
        mode="on_site", mediators="王建国",
    )
    second = issue_document(store, head, case_id, "mediation-notice")
    assert second.id != first.id and second.number.endswith("第2号")
    assert "西湖区市场监管所" in pdf_text(document_pdf(store, head, second.id))


def test_papers_the_respondent_receives_mask_the_complainants_numbers(store, head):
    set_office_contact(store, head)
    case_id = agreed(store, head)
    agreement = pdf_text(document_pdf(store, head, issue_document(store, head, case_id, "agreement").id))
    assert "139****5678" in agreement
    assert COMPLAINANT_PHONE not in agreement and COMPLAINANT_ID not in agreement
    # The registration form stays in the office, with the numbers in full: the check can fail.
    register = pdf_text(document_pdf(store, head, issue_document(store, head, case_id, "complaint-register").id))
    assert COMPLAINANT_PHONE in register and COMPLAINANT_ID in register


def test_no_paper_for_the_respondent_reveals_a_report_art_37(store, head):
    set_office_contact(store, head)
    complaint, report = register_case(
        store, head,
        complaint_draft(
            kind=BOTH, complainants=[PartyDraft(name="张三", phone=COMPLAINANT_PHONE, address="杭州市西湖区北山街1号")]
        ),
    )
    acceptance.accept(store, head, complaint.case_id)
    mediation.schedule_session(
        store, head, complaint.case_id, starts_at=clock.now(), place="服务站调解室", mode="on_site", mediators="王建国"
    )
    notice = pdf_text(document_pdf(store, head, issue_document(store, head, complaint.case_id, "mediation-notice").id))
    mediation.terminate(store, head, complaint.case_id, ground=3, reason="无法达成协议")
    termination = pdf_text(document_pdf(store, head, issue_document(store, head, complaint.case_id, "termination").id))
    for paper in (notice, termination):
        assert "湖滨玉器行" in paper
        assert report.number not in paper and "举报人" not in paper
        assert COMPLAINANT_PHONE not in paper


def test_a_reports_documents_are_for_the_head_and_its_mediator_only(store, head, mediator):
    other = accounts.add_user(store, "chenjing", "陈静", "mediator", "mediator-pass-2026")
    case_id = decided_report(store, head, mediator_id=mediator.user_id)
    issued = issue_document(store, head, case_id, "report-register")
    assert "李四" in pdf_text(document_pdf(store, mediator, issued.id))

    assert issued_documents(store, other, case_id) == []
    assert all(not c.applies and "保密" in c.reason for c in available_forms(store, other, case_id))
    for refused_call in (
        lambda: document_pdf(store, other, issued.id),
        lambda: document_pdf(store, None, issued.id),
        lambda: preview_document(store, other, case_id, "report-register"),
        lambda: issue_document(store, other, case_id, "report-result", {"law": "产品质量法", "article": "第五十条"}),
    ):
        with pytest.raises(DocumentRefused, match="保密"):
            refused_call()
    assert _sequence(store, "report-result") == 0


def test_a_form_that_does_not_apply_is_refused_with_the_reason(store, head):
    case_id = accepted(store, head)
    with pytest.raises(DocumentRefused, match="本案没有终止调解决定"):
        issue_document(store, head, case_id, "termination")
    with pytest.raises(UnknownForm, match="acceptance"):
        issue_document(store, head, case_id, "nonsense")
    assert issued_documents(store, head, case_id) == []


def test_a_refused_character_takes_no_number(store, head):
    set_office_contact(store, head)
    case_id = terminated(store, head, respondent=PartyDraft(name="湖滨𪚥器行", address="杭州市西湖区湖滨路5号"))
    with pytest.raises(ValidationError) as refused_:
        issue_document(store, head, case_id, "termination")
    assert "𪚥" in refused_.value.reason
    assert (refused_.value.field, refused_.value.label) == ("heading.addressee", "收件人")
    assert _sequence(store, "termination") == 0 and issued_documents(store, head, case_id) == []


def test_the_archive_refuses_changes_and_notices_tampering(store, head):
    case_id = accepted(store, head)
    issued = issue_document(store, head, case_id, "complaint-register")
    for statement in (
        "UPDATE issued_documents SET pdf = x'00' WHERE id = :id",
        "UPDATE issued_documents SET number = 'X' WHERE id = :id",
        "DELETE FROM issued_documents WHERE id = :id",
    ):
        with pytest.raises(DatabaseError, match="never"):
            with store.session() as session:
                session.execute(text(statement), {"id": issued.id})
    assert hashlib.sha256(document_pdf(store, head, issued.id)).hexdigest() == issued.sha256

    # Someone who gets past the trigger still cannot pass altered bytes off as the document.
    with store.session() as session:
        session.execute(text("DROP TRIGGER issued_documents_no_update"))
        session.execute(text("UPDATE issued_documents SET pdf = x'255044462d312e340a' WHERE id = :id"), {"id": issued.id})
    with pytest.raises(StoreError, match="校验值不符"):
        document_pdf(store, head, issued.id)


def _parties(store, case_id):
    return details.case_detail(store, case_id, role=UserRole.HEAD).parties


def _uid(store, document_id):
    with store.reading() as session:
        return session.get(IssuedDocument, document_id).uid
