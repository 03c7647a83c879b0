"""Issuing a case's document from the desk, and showing an issued one: the steps between the
user's choice of a form and the preview on screen.

A form already issued is reprinted from the archive, or corrected by a new document only when
the user says so and confirms (a correction takes a new number and refers to the old one): never
silently a second number; when someone else issued the form while the user looked at its
draft, the service refuses, the user is told, and the tab shows the form as issued. A form that
prints facts no case holds asks for them first. The draft is shown with "出具"; once issued, the
preview shows the archived PDF, which is what prints. The PDFs are made and read in the
background; every refusal from the services (a missing field, a character the fonts lack) is
shown as a warning before anything is printed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.domain import clock
from app.domain.errors import DeskError, ValidationError
from app.services import documents
from app.tasks import run_in_background
from app.views.document_inputs_dialog import ExtraInputDialog
from app.views.document_preview import DocumentPreview
from app.views.error_dialog import show_error
from app.views.step_dialogs_base import ConfirmationBox

if TYPE_CHECKING:
    from app.models.store import Store
    from app.services.actor import Actor
    from app.services.documents import FormChoice, IssuedView

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocumentServices:
    """What the desk needs from the document services, bound to the store and the signed-in user."""

    forms: Callable[[int], list[FormChoice]]  # (case_id)
    issued: Callable[[int], list[IssuedView]]  # (case_id)
    preview: Callable[..., bytes]  # (case_id, form, extra, corrects=None)
    issue: Callable[..., IssuedView]  # (case_id, form, extra, corrects=None)
    pdf: Callable[[int], bytes]  # (document_id)

    @classmethod
    def for_store(cls, store: Store, actor: Actor) -> DocumentServices:
        return cls(
            forms=lambda case_id: documents.available_forms(store, actor, case_id),
            issued=lambda case_id: documents.issued_documents(store, actor, case_id),
            preview=lambda case_id, form, extra, corrects=None: documents.preview_document(
                store, actor, case_id, form, extra, corrects=corrects
            ),
            issue=lambda case_id, form, extra, corrects=None: documents.issue_document(
                store, actor, case_id, form, extra, corrects=corrects
            ),
            pdf=lambda document_id: documents.document_pdf(store, actor, document_id),
        )


@dataclass(frozen=True)
class _Request:
    """One form on its way to being issued: what the user chose and typed so far."""

    choice: FormChoice
    extra: dict[str, Any] = field(default_factory=dict)
    corrects: int | None = None  # the document a correction replaces
    print_after_issue: bool = False


def file_name(title: str, number: str | None = None) -> str:
    """A file name to suggest for a document; a "/" in a title would make it a folder."""
    name = f"{title} {number}" if number else title
    return name.replace("/", "、").replace("\\", "、") + ".pdf"


def document_title(document: IssuedView) -> str:
    return f"{document.title} {document.number or ''}".strip()


class DocumentIssuer(QObject):
    """Issues and shows the documents of the case ``case_id``; its dialogs open over ``widget``.

    Signals:
        dialog_opened(QDialog): a preview, question or warning was opened (without blocking).
        issued(str): a document of that form was issued (here, or by someone else meanwhile).
    """

    dialog_opened = Signal(QDialog)
    issued = Signal(str)

    def __init__(self, services: DocumentServices, widget: QWidget):
        super().__init__(widget)
        self._services = services
        self.case_id: int | None = None
        self._widget = widget

    # --- an issued document -----------------------------------------------------------------

    def show_issued(self, document: IssuedView) -> None:
        """Show the archived PDF of ``document``: what was given out, byte for byte."""
        run_in_background(
            lambda: self._services.pdf(document.id),
            on_success=lambda pdf: self._open_preview(
                pdf, document_title(document), file_name(document.title, document.number)
            ),
            on_failure=lambda error: self._warn(self.tr("无法打开文书"), error),
            parent=self._widget,
        )

    # --- issuing ----------------------------------------------------------------------------

    def choose(self, choice: FormChoice, *, print_after_issue: bool = False) -> None:
        """Start on the form ``choice``: reprint or correct it if issued, else ask its inputs and preview it."""
        if not choice.applies:
            return
        request = _Request(choice, print_after_issue=print_after_issue)
        if choice.issued is not None:
            self._ask_reprint_or_correction(request)
        else:
            self._ask_inputs_or_preview(request)

    def _ask_reprint_or_correction(self, request: _Request) -> None:
        issued = request.choice.issued
        box = QMessageBox(
            QMessageBox.Icon.Question, request.choice.title, "", QMessageBox.StandardButton.NoButton, self._widget
        )
        box.setText(
            self.tr("{title}已于 {when} 出具（{number}）。").format(
                title=request.choice.title,
                when=clock.format_local(issued.issued_at),
                number=issued.number or self.tr("无文号"),
            )
        )
        box.setInformativeText(self.tr("重新打印的是存档的原件。内容有误时才出具更正文书，它另编文号。"))
        reprint = box.addButton(self.tr("重新打印已出具的文书"), QMessageBox.ButtonRole.AcceptRole)
        correct = box.addButton(self.tr("出具更正文书"), QMessageBox.ButtonRole.ActionRole)
        cancel = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reprint)
        box.setEscapeButton(cancel)

        def answered(button) -> None:
            if button is reprint:
                self.show_issued(issued)
            elif button is correct:
                self._confirm_correction(request)

        box.buttonClicked.connect(answered)
        self._open(box)

    def _confirm_correction(self, request: _Request) -> None:
        issued = request.choice.issued
        box = ConfirmationBox(
            self.tr("出具更正文书"),
            self.tr("将出具一份新的{title}，另编文号，更正 {number}；原文书仍存档。").format(
                title=request.choice.title, number=issued.number or clock.format_local(issued.issued_at)
            ),
            self._widget,
        )
        box.confirmed.connect(lambda: self._ask_inputs_or_preview(replace(request, corrects=issued.id)))
        self._open(box)

    def _ask_inputs_or_preview(self, request: _Request, error: ValidationError | None = None) -> None:
        if not request.choice.inputs:
            self._preview(request)
            return
        dialog = ExtraInputDialog(request.choice.title, request.choice.inputs, request.extra, self._widget)
        if error is not None:
            dialog.show_error(error)
        dialog.accepted.connect(lambda: self._preview(replace(request, extra=dialog.values())))
        self._open(dialog)

    def _preview(self, request: _Request) -> None:
        choice, case_id = request.choice, self.case_id

        def failed(error: Exception) -> None:
            if isinstance(error, ValidationError) and error.field.startswith("extra."):
                self._ask_inputs_or_preview(request, error)
            else:
                self._warn(self.tr("无法生成{title}").format(title=choice.title), error)

        run_in_background(
            lambda: self._services.preview(case_id, choice.name, request.extra, corrects=request.corrects),
            on_success=lambda pdf: self._open_draft(request, pdf),
            on_failure=failed,
            parent=self._widget,
            label=self.tr("正在生成{title}样稿…").format(title=choice.title),
        )

    def _open_draft(self, request: _Request, pdf: bytes) -> None:
        title = self.tr("{title}（样稿）").format(title=request.choice.title)
        preview = self._open_preview(pdf, title, file_name(title), draft=True)
        preview.issue_requested.connect(lambda: self._issue(request, preview))

    def _issue(self, request: _Request, preview: DocumentPreview) -> None:
        """Issue the previewed form; the preview then shows the archived PDF (what prints)."""
        preview.set_issuing(True)
        services, case_id = self._services, self.case_id

        def issue() -> tuple[IssuedView, bytes]:
            issued = services.issue(case_id, request.choice.name, request.extra, corrects=request.corrects)
            return issued, services.pdf(issued.id)

        def succeeded(result: tuple[IssuedView, bytes]) -> None:
            issued, pdf = result
            log.info("Issued %s %s for case %d", issued.form, issued.number, case_id)
            self.issued.emit(issued.form)
            if not shiboken6.isValid(preview):  # closed by the user while the document was issued
                return
            preview.show_pdf(pdf, document_title(issued), file_name=file_name(issued.title, issued.number))
            if request.print_after_issue:
                self.dialog_opened.emit(preview.print_document())

        def failed(error: Exception) -> None:
            issued_meanwhile = isinstance(error, documents.AlreadyIssued)
            if shiboken6.isValid(preview):
                # The draft of a form issued meanwhile can no longer be issued.
                preview.set_issuing(issued_meanwhile)
            self._warn(self.tr("未能出具{title}").format(title=request.choice.title), error)
            if issued_meanwhile:
                self.issued.emit(request.choice.name)

        run_in_background(
            issue,
            on_success=succeeded,
            on_failure=failed,
            parent=self._widget,
            label=self.tr("正在出具{title}…").format(title=request.choice.title),
        )

    # --- dialogs ----------------------------------------------------------------------------

    def _open_preview(self, pdf: bytes, title: str, name: str, *, draft: bool = False) -> DocumentPreview:
        preview = DocumentPreview(pdf, title, draft=draft, can_issue=draft, file_name=name, parent=self._widget)
        self._open(preview)
        return preview

    def _warn(self, title: str, error: Exception) -> None:
        """A refusal meant for the user, as a warning; anything else is a bug for the error dialog."""
        if not isinstance(error, DeskError):
            show_error(error, self._widget)
            return
        warning = QMessageBox(QMessageBox.Icon.Warning, title, str(error), QMessageBox.StandardButton.Ok, self._widget)
        self._open(warning)

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog_opened.emit(dialog)
