"""The case detail's 文书 tab over a real store: the issued documents, viewing the archive, issuing
a form from its draft, reprint or correction of an issued one, typed inputs, refusals, and the
document offered after the step that calls for it."""

import io

import pypdf
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QLineEdit, QMessageBox

from app.domain import clock
from app.domain.vocabulary import CaseState, UserRole
from app.services import acceptance, details, documents
from app.services.drafts import PartyDraft
from app.views.document_inputs_dialog import ExtraInputDialog
from app.views.document_preview import DocumentPreview
from app.views.icons import icon
from app.views.step_dialogs_base import ConfirmationBox
from tests.gui.case_view_helpers import open_dialog
from tests.services.document_factories import accepted, identified_complaint, set_office_contact
from tests.services.factories import register_complaint

# Making the first PDF loads the fonts; the work runs in the background.
PDF_TIMEOUT_MS = 20_000


def opened_by(qtbot, view, action):
    """Do ``action`` and return the dialog the case view (or its 文书 tab) opened for it."""
    with qtbot.waitSignal(view.dialog_opened, timeout=PDF_TIMEOUT_MS) as opened:
        action()
    return opened.args[0]


def form_action(view, name: str):
    return next(action for action in view.documents.forms_menu.actions() if action.data() == name)


def issue_from_preview(qtbot, view, preview: DocumentPreview) -> None:
    """Press 出具 on the draft and wait until the preview shows the issued document."""
    with qtbot.waitSignal(view.documents.issued, timeout=PDF_TIMEOUT_MS):
        preview.issue_button.click()
    assert not preview.is_draft


def test_the_tab_lists_the_issued_documents_and_shows_the_archive(qtbot, store, head, open_view, tmp_path):
    set_office_contact(store, head)
    case_id = accepted(store, head)
    issued = documents.issue_document(store, head, case_id, "acceptance")
    view = open_view(head, case_id)
    tab = view.documents
    assert view.tabs.tabText(view.tabs.indexOf(tab)) == "文书"
    assert tab.model.rowCount() == 1
    assert tab.row_texts(0) == ["投诉受理决定书", issued.number, clock.format_local(issued.issued_at), "王建国", ""]
    assert not tab.view_button.isEnabled()

    tab.select(issued.id)
    preview = opened_by(qtbot, view, tab.view_button.click)
    assert isinstance(preview, DocumentPreview)
    assert not preview.is_draft
    assert preview.windowTitle() == f"投诉受理决定书 {issued.number}"
    archive = documents.document_pdf(store, head, issued.id)
    assert preview.pdf == archive  # printing from here is a reprint of the archive

    dialog = preview.print_document()
    out = tmp_path / "reprint.pdf"
    dialog.findChild(QLineEdit, "filename").setText(str(out))
    dialog.printer().setResolution(100)
    dialog.accept()
    assert len(pypdf.PdfReader(out).pages) == len(pypdf.PdfReader(io.BytesIO(archive)).pages)
    assert documents.issued_documents(store, head, case_id) == [issued]  # nothing new was issued


def test_forms_that_do_not_apply_are_disabled_with_the_reason(store, head, open_view):
    case_id = identified_complaint(store, head)
    view = open_view(head, case_id)
    assert view.documents.issue_button.text() == "出具文书…"
    not_yet = form_action(view, "acceptance")
    assert not not_yet.isEnabled()
    assert not_yet.toolTip() == "本案尚未受理。"
    assert form_action(view, "forward").isEnabled()
    assert not view.documents.empty_label.isHidden()  # the tab is not the current one


def test_a_form_is_previewed_as_a_draft_and_issued_only_on_request(qtbot, store, head, open_view):
    set_office_contact(store, head)
    case_id = accepted(store, head)
    view = open_view(head, case_id)
    action = form_action(view, "acceptance")
    assert action.isEnabled() and action.text() == "投诉受理决定书"

    preview = opened_by(qtbot, view, action.trigger)
    assert isinstance(preview, DocumentPreview)
    assert preview.is_draft and preview.banner_label.text() == "样稿，尚未出具"
    assert preview.issue_button.isVisible()
    assert documents.issued_documents(store, head, case_id) == []  # a draft records nothing

    issue_from_preview(qtbot, view, preview)
    (issued,) = documents.issued_documents(store, head, case_id)
    assert issued.form == "acceptance" and issued.number.startswith("西市监投")
    assert preview.pdf == documents.document_pdf(store, head, issued.id)
    assert preview.windowTitle() == f"投诉受理决定书 {issued.number}"
    assert view.documents.row_texts(0)[:2] == ["投诉受理决定书", issued.number]
    assert form_action(view, "acceptance").text() == f"投诉受理决定书（已出具 {issued.number}）"


def test_a_form_issued_by_someone_else_while_its_draft_was_open_is_not_issued_twice(qtbot, store, head, open_view):
    set_office_contact(store, head)
    case_id = accepted(store, head)
    view = open_view(head, case_id)
    preview = opened_by(qtbot, view, form_action(view, "acceptance").trigger)
    assert preview.is_draft
    # Meanwhile, at another desk:
    theirs = documents.issue_document(store, head, case_id, "acceptance")

    with qtbot.waitSignal(view.documents.issued, timeout=PDF_TIMEOUT_MS):
        warning = opened_by(qtbot, view, preview.issue_button.click)
    assert isinstance(warning, QMessageBox) and warning.windowTitle() == "未能出具投诉受理决定书"
    assert f"已于 {clock.format_local(theirs.issued_at)} 出具（{theirs.number}）" in warning.text()
    assert documents.issued_documents(store, head, case_id) == [theirs]
    # The draft stays for reading but cannot be issued; the tab shows the form as issued.
    assert preview.is_draft and not preview.issue_button.isEnabled()
    assert form_action(view, "acceptance").text() == f"投诉受理决定书（已出具 {theirs.number}）"
    assert view.documents.row_texts(0)[:2] == ["投诉受理决定书", theirs.number]


def test_an_issued_form_is_reprinted_by_default_and_corrected_only_when_asked(qtbot, store, head, open_view):
    set_office_contact(store, head)
    case_id = accepted(store, head)
    first = documents.issue_document(store, head, case_id, "acceptance")
    view = open_view(head, case_id)

    box = opened_by(qtbot, view, form_action(view, "acceptance").trigger)
    assert isinstance(box, QMessageBox)
    assert first.number in box.text()
    assert box.defaultButton().text() == "重新打印已出具的文书"
    preview = opened_by(qtbot, view, box.defaultButton().click)
    assert not preview.is_draft
    assert preview.pdf == documents.document_pdf(store, head, first.id)
    assert documents.issued_documents(store, head, case_id) == [first]  # never silently a new number
    preview.close()

    box = opened_by(qtbot, view, form_action(view, "acceptance").trigger)
    correct = next(button for button in box.buttons() if button.text() == "出具更正文书")
    confirmation = opened_by(qtbot, view, correct.click)
    assert isinstance(confirmation, ConfirmationBox)
    assert first.number in confirmation.informativeText()
    preview = opened_by(qtbot, view, confirmation.confirm_button.click)
    assert preview.is_draft
    issue_from_preview(qtbot, view, preview)

    old, new = documents.issued_documents(store, head, case_id)
    assert new.corrects_id == first.id and old.corrected_by_id == new.id
    assert new.number != first.number
    tab = view.documents
    assert tab.row_texts(0)[4] == f"已被更正（见 {new.number}）"
    assert tab.row_texts(1)[4] == f"更正了 {first.number}"
    # The link in the older row leads to the correction.
    tab.table.indexWidget(tab.model.index(0, tab.CORRECTION)).linkActivated.emit(str(new.id))
    assert tab.selected_document() == new


def test_a_form_that_prints_typed_facts_asks_for_them_and_names_what_is_missing(qtbot, store, head, open_view):
    case_id = identified_complaint(store, head)
    view = open_view(head, case_id)
    dialog = opened_by(qtbot, view, form_action(view, "forward").trigger)
    assert isinstance(dialog, ExtraInputDialog)
    assert set(dialog.fields) >= {"to_office", "report_by"}
    assert dialog.fields["report_by"].date().toPython() > clock.today()

    # Left empty: the service names the field, and the dialog comes back with the reason under it.
    again = opened_by(qtbot, view, dialog.ok_button.click)
    assert isinstance(again, ExtraInputDialog)
    assert again.error_text() == "⚠ 接收单位：不能为空"

    again.fields["to_office"].setText("杭州市西湖区市场监督管理局北山市场监管所")
    preview = opened_by(qtbot, view, again.ok_button.click)
    assert isinstance(preview, DocumentPreview) and preview.is_draft
    issue_from_preview(qtbot, view, preview)
    (issued,) = documents.issued_documents(store, head, case_id)
    assert issued.form == "forward"


def test_a_character_the_fonts_lack_is_named_before_anything_prints(qtbot, store, head, open_view):
    set_office_contact(store, head)
    respondent = PartyDraft(name="湖滨\U00010330玉器行", address="杭州市西湖区湖滨路5号")
    case_id = register_complaint(store, head, respondent=respondent)
    acceptance.accept(store, head, case_id)
    view = open_view(head, case_id)
    warning = opened_by(qtbot, view, form_action(view, "acceptance").trigger)
    assert isinstance(warning, QMessageBox) and not isinstance(warning, DocumentPreview)
    assert "U+10330" in warning.text()
    assert documents.issued_documents(store, head, case_id) == []


def test_accepting_offers_the_acceptance_decision_which_is_issued_and_printed(qtbot, store, head, case_id, open_view):
    set_office_contact(store, head)
    view = open_view(head, case_id)
    assert not view.documents.offer_bar.isVisible()
    dialog = open_dialog(qtbot, view, "accept")
    with qtbot.waitSignal(view.changed, timeout=1000):
        dialog.ok_button.click()
    # The step is done before anything is offered, whatever happens to the document.
    assert details.case_detail(store, case_id, role=UserRole.HEAD).state is CaseState.ACCEPTED
    assert view.documents.offer_bar.isVisible()
    assert view.documents.offer_label.text() == "可出具：投诉受理决定书"
    assert view.documents.offer_button.text() == "出具并打印…"
    assert view.documents.offer_button.icon().cacheKey() == icon("print").cacheKey()

    preview = opened_by(qtbot, view, view.documents.offer_button.click)
    assert preview.is_draft
    with qtbot.waitSignal(view.dialog_opened, timeout=PDF_TIMEOUT_MS) as printing:
        preview.issue_button.click()
    assert isinstance(printing.args[0], QPrintDialog)
    printing.args[0].reject()
    (issued,) = documents.issued_documents(store, head, case_id)
    assert issued.form == "acceptance"
    assert preview.pdf == documents.document_pdf(store, head, issued.id)
    assert not view.documents.offer_bar.isVisible()


def test_no_offer_while_a_refusal_waits_for_the_head_and_one_once_confirmed(
    qtbot, store, head, mediator, case_id, open_view
):
    set_office_contact(store, head)
    view = open_view(mediator, case_id)
    dialog = open_dialog(qtbot, view, "refuse")
    dialog.choose(3)
    dialog.reason_edit.setPlainText("购买玉镯用于转卖，不属于生活消费")
    with qtbot.waitSignal(dialog.confirmation_opened, timeout=1000) as asked:
        dialog.ok_button.click()
    with qtbot.waitSignal(view.changed, timeout=1000):
        asked.args[0].confirm_button.click()
    assert not view.documents.offer_bar.isVisible()

    head_view = open_view(head, case_id)
    box = opened_by(qtbot, head_view, head_view.proposal_box.confirm_button.click)
    with qtbot.waitSignal(head_view.changed, timeout=1000):
        box.confirm_button.click()
    assert head_view.documents.offer_bar.isVisible()
    assert head_view.documents.offer_label.text() == "可出具：投诉不予受理决定书"
    head_view.documents.dismiss_offer_button.click()
    assert not head_view.documents.offer_bar.isVisible()
