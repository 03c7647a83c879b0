"""Correcting a case from its detail: the 编辑 button and F2, 编辑当事人 beside each party, and
undo of the last edit (the 撤销 button beside the notice, and Ctrl+Z).

Undo is offered where it is cheap and safe: for the last edit made in this view, while the case
is still at the version that edit produced. It is a new recorded edit back to the old values
(``app.services.editing.undo_edit``); the history keeps both. Any other change made in the
view withdraws the offer (``forget``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton

from app.domain.errors import DeskError
from app.views.edit_dialogs import CaseEditDialog, EditServices, PartyEditDialog
from app.views.case_words import CaseWords

if TYPE_CHECKING:
    from app.services.actor import Actor
    from app.services.details import CaseDetail
    from app.services.editing import EditResult
    from app.views.case_detail import CaseDetailView


@dataclass(frozen=True)
class SavedEdit:
    """An edit saved from this view, as its undo needs it."""

    changes: dict  # {field: [old, new]}
    version: int  # the case version the edit produced
    party_id: int | None = None


class CaseEditing(QObject):
    """Opens the edit dialogs of one case detail view and undoes the last edit made in it.

    The view lays out ``undo_button`` beside its notice line; the shortcuts act while the focus
    is anywhere in the view (not in a dialog it opened, where Ctrl+Z undoes typing).
    """

    def __init__(self, view: CaseDetailView, services: EditServices, actor: Actor):
        super().__init__(view)
        self._view = view
        self._services = services
        self._actor = actor
        self._saved: SavedEdit | None = None

        self.undo_button = QPushButton(self.tr("撤销"))
        self.undo_button.setToolTip(self.tr("撤销这次修改（Ctrl+Z）"))
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo)

        self.edit_action = QAction(self.tr("编辑"), view)
        self.edit_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.edit_action.triggered.connect(self.open_case_edit)
        self.undo_action = QAction(self.tr("撤销修改"), view)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        for action in (self.edit_action, self.undo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(action)

        view.facts.edit_requested.connect(self.open_case_edit)
        view.facts.party_edit_requested.connect(self.open_party_edit)
        # Any change made in the view (a step, an attachment, a document, another edit)
        # withdraws the offer: the edit is no longer the last thing done here.
        view.changed.connect(self.forget)

    @property
    def can_undo(self) -> bool:
        return self._saved is not None

    def forget(self) -> None:
        """Withdraw the offer to undo: something else was done in the view since the edit."""
        self._saved = None
        self.undo_button.hide()

    # --- editing ------------------------------------------------------------------------------

    def _editable(self) -> CaseDetail | None:
        detail = self._view.detail
        if detail is None or not any(step.name == "edit" for step in detail.steps):
            return None
        return detail

    def open_case_edit(self) -> CaseEditDialog | None:
        """Open the dialog of the case's editable fields (without blocking) and return it."""
        detail = self._editable()
        if detail is None:
            return None
        case_id, version = detail.id, detail.version
        dialog = CaseEditDialog(
            detail,
            lambda fields: self._services.edit_case(case_id, fields, based_on=version),
            self._view,
            actor=self._actor,
            categories=self._services.categories(),
            problem_kinds=self._services.problem_kinds(),
            mediators=self._services.mediators(),
        )
        dialog.accepted.connect(lambda: self._after_edit(dialog.outcome))
        self._open(dialog)
        return dialog

    def open_party_edit(self, party_id: int) -> PartyEditDialog | None:
        """Open the dialog of one party's details (without blocking) and return it."""
        detail = self._editable()
        party = next((p for p in detail.parties if p.id == party_id and not p.withheld), None) if detail else None
        if party is None:
            return None
        case_id, version = detail.id, detail.version
        dialog = PartyEditDialog(
            detail,
            party,
            lambda details: self._services.edit_party(case_id, party_id, details, based_on=version),
            self._view,
            actor=self._actor,
        )
        dialog.accepted.connect(lambda: self._after_edit(dialog.outcome, party_id))
        self._open(dialog)
        return dialog

    def _open(self, dialog) -> None:
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self._view.dialog_opened.emit(dialog)

    def _after_edit(self, saved: EditResult | None, party_id: int | None = None) -> None:
        """``saved`` is what the service returned; None when the dialog had nothing to save."""
        if saved is None or not saved.changes:
            self._notify(self.tr("没有修改，未保存。"))
            return
        self._view.reload()
        self._notify(self.tr("已保存：{changes}").format(changes=self._summary(saved.changes, party_id)))
        # Emitted before the offer is made, since ``changed`` withdraws any offer standing.
        self._view.changed.emit(self._view.case_id)
        self._saved = SavedEdit(saved.changes, saved.version, party_id)
        self.undo_button.show()

    # --- undo -----------------------------------------------------------------------------------

    def undo(self) -> None:
        """Put back the values the last edit made in this view replaced, if the case has not
        changed since; otherwise say so, and show the case as it is now."""
        saved = self._saved
        if saved is None:
            return
        self.forget()
        try:
            self._services.undo_edit(
                self._view.case_id, saved.changes, version=saved.version, party_id=saved.party_id
            )
        except DeskError as error:
            self._view.reload()
            self._notify(self.tr("不能撤销：{reason}").format(reason=str(error)))
            return
        self._view.reload()
        self._notify(self.tr("已撤销：{changes}").format(changes=self._summary(saved.changes, saved.party_id)))
        self._view.changed.emit(self._view.case_id)

    # --- saying what happened -----------------------------------------------------------------

    def _summary(self, changes: dict, party_id: int | None) -> str:
        # Which business the respondent is filed under follows from its name and credit code.
        names = self.tr("、").join(CaseWords.field(name) for name in changes if name != "business_id")
        if party_id is None:
            return names
        party = next((p for p in self._view.detail.parties if p.id == party_id), None)
        role = CaseWords.party_role(party.role) if party else CaseWords.field("party")
        return self.tr("{party}的{fields}").format(party=role, fields=names)

    def _notify(self, text: str) -> None:
        self._view.notice_label.setText(text)
        self._view.notice_label.show()
