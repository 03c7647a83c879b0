"""Correcting what was entered: the case's editable fields, and one party's details.

Both are step dialogs (``step_dialogs_base``): the service's verdict is shown under the field it
names and nothing is saved. The case dialog sends only the fields the user changed; the party
dialog sends the party's details with the fields it shows replaced, so details it does not show
(a complainant's power of attorney, say) are kept. A dialog in which nothing was changed saves
nothing and closes with ``outcome`` None. Only the station head may change the mediator: the
service refuses it for anyone else, and the dialog does not offer it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.domain.vocabulary import CaseKind, PartyRole
from app.services.drafts import PartyDraft
from app.services.editing import party_draft_of
from app.views.field_errors import combo_box, multiline_edit, select_data
from app.views.case_words import CaseWords, category_text
from app.views.party_fields import PartyFields
from app.views.step_dialogs_base import StepDialog, Submit

if TYPE_CHECKING:
    from app.services.actor import Actor
    from app.services.details import CaseDetail, PartyView
    from app.services.editing import EditResult
    from app.services.station import Code

_PARTY_FIELDS = [f.name for f in fields(PartyDraft)]


@dataclass(frozen=True)
class EditServices:
    """What correcting a case may do, as plain callables bound to the store and the user
    (``app.views.bindings.edit_services``). Each change returns what it changed and the case
    version it produced."""

    edit_case: Callable[..., EditResult]  # (case_id, fields, based_on=version)
    edit_party: Callable[..., EditResult]  # (case_id, party_id, PartyDraft, based_on=version)
    undo_edit: Callable[..., EditResult]  # (case_id, changes, version=..., party_id=None)
    categories: Callable[[], list[Code]]
    problem_kinds: Callable[[], list[Code]]
    mediators: Callable[[], list[Actor]]


def _amount_text(amount: Decimal | None) -> str:
    """An amount as the amount field holds it: ``1200.50``, "" for none."""
    return "" if amount is None else str(amount)


def _offer(combo: QComboBox, data: object, text: str) -> None:
    """Select ``data``, adding it first when the choices no longer offer it (a mediator whose
    account was closed), so that saving other fields does not clear it."""
    if data is not None and combo.findData(data) < 0:
        combo.addItem(text, data)
    select_data(combo, data)


class CaseEditDialog(StepDialog):
    """The case's editable fields, filled with their values now."""

    step = "edit"

    def __init__(
        self,
        detail: CaseDetail,
        submit: Submit,
        parent: QWidget | None = None,
        *,
        actor: Actor | None = None,
        categories: list[Code],
        problem_kinds: list[Code],
        mediators: list[Actor],
    ):
        # Read by _build, which the base class calls while it is made.
        self._categories = categories
        self._problem_kinds = problem_kinds
        self._mediators = mediators
        super().__init__(detail, submit, parent, actor=actor)

    def ok_text(self) -> str:
        return self.tr("保存")

    def _build(self) -> None:
        d = self.detail
        request_label = {
            CaseKind.COMPLAINT: self.tr("投诉请求"),
            CaseKind.REPORT: self.tr("举报事项"),
            CaseKind.INQUIRY: self.tr("咨询事项"),
        }[d.kind]
        self.request_edit = multiline_edit()
        self.request_edit.setPlainText(d.request)
        self._row(request_label, "request", self.request_edit)
        self.facts_edit = multiline_edit(lines=6)
        self.facts_edit.setPlainText(d.facts)
        self._row(self.tr("事实和理由"), "facts", self.facts_edit)
        self.platform_ref_edit = QLineEdit(d.platform_ref or "")
        # As at intake: only a dispatched case has a platform's work-order number.
        self.platform_ref_edit.setEnabled(d.channel.is_dispatched or bool(d.platform_ref))
        self._row(self.tr("平台工单号"), "platform_ref", self.platform_ref_edit)
        self.amount_edit = QLineEdit(_amount_text(d.amount_involved))
        self.amount_edit.setPlaceholderText(self.tr("元，如 1234.50"))
        self._row(self.tr("涉及金额"), "amount_involved", self.amount_edit)

        unset = self.tr("（未选择）")
        tops = [(c.name, c.code) for c in self._categories if c.parent_code is None]
        self.category_top_combo = combo_box([(unset, None), *tops])
        self._row(self.tr("消费类别"), "category_top", self.category_top_combo)
        self.category_combo = combo_box([(unset, None)])
        self._row(self.tr("具体类别"), "category_code", self.category_combo)
        self._show_category(d.category_code)
        self.category_top_combo.currentIndexChanged.connect(self._fill_subcategories)

        self.problem_combo = combo_box([(unset, None), *((c.name, c.code) for c in self._problem_kinds)])
        _offer(self.problem_combo, d.problem_code, d.problem_name)
        self._row(self.tr("问题类别"), "problem_code", self.problem_combo)
        consent = [(self.tr("未询问"), None), (self.tr("是"), True), (self.tr("否"), False)]
        self.consent_publish_combo = combo_box(consent)
        select_data(self.consent_publish_combo, d.consent_publish)
        self._row(self.tr("同意公示"), "consent_publish", self.consent_publish_combo)
        self.consent_mediation_combo = combo_box(consent)
        select_data(self.consent_mediation_combo, d.consent_entrusted_mediation)
        self._row(self.tr("同意委托调解"), "consent_entrusted_mediation", self.consent_mediation_combo)
        mediators = [(m.display_name, m.user_id) for m in self._mediators]
        self.mediator_combo = combo_box([(self.tr("（未指定）"), None), *mediators])
        _offer(self.mediator_combo, d.mediator_id, d.mediator_name)
        # Whoever handles a report sees its reporter (Art. 37), so only the head assigns cases.
        self.mediator_combo.setEnabled(self.is_head)
        if not self.is_head:
            self.mediator_combo.setToolTip(self.tr("只有站长可以指定或更换承办调解员"))
        self._row(self.tr("承办调解员"), "mediator_id", self.mediator_combo)

    def _show_category(self, code: str | None) -> None:
        known = next((c for c in self._categories if c.code == code), None)
        if code is not None and known is None:
            _offer(self.category_top_combo, code, category_text(self.detail.category_names))
        else:
            select_data(self.category_top_combo, known and (known.parent_code or known.code))
        self._fill_subcategories()
        if known is not None and known.parent_code is not None:
            select_data(self.category_combo, known.code)

    def _fill_subcategories(self) -> None:
        top = self.category_top_combo.currentData()
        while self.category_combo.count() > 1:
            self.category_combo.removeItem(1)
        for code in self._categories:
            if top is not None and code.parent_code == top:
                self.category_combo.addItem(code.name, code.code)
        self.category_combo.setCurrentIndex(0)
        self.category_combo.setEnabled(self.category_combo.count() > 1)

    def category_code(self) -> str | None:
        return self.category_combo.currentData() or self.category_top_combo.currentData()

    def changed_fields(self) -> dict[str, Any]:
        """The fields whose value differs from the case's, as the service takes them."""
        d = self.detail
        shown = {
            "request": (self.request_edit.toPlainText(), d.request),
            "facts": (self.facts_edit.toPlainText(), d.facts),
            "platform_ref": (self.platform_ref_edit.text(), d.platform_ref or ""),
            "amount_involved": (self.amount_edit.text().strip(), _amount_text(d.amount_involved)),
            "category_code": (self.category_code(), d.category_code),
            "problem_code": (self.problem_combo.currentData(), d.problem_code),
            "consent_publish": (self.consent_publish_combo.currentData(), d.consent_publish),
            "consent_entrusted_mediation": (
                self.consent_mediation_combo.currentData(),
                d.consent_entrusted_mediation,
            ),
            "mediator_id": (self.mediator_combo.currentData(), d.mediator_id),
        }
        return {name: value for name, (value, before) in shown.items() if value != before}

    def values(self) -> dict[str, Any]:
        return {"fields": self.changed_fields()}

    def _on_ok(self) -> None:
        if not self.changed_fields():
            self.outcome = None
            self.accept()
            return
        super()._on_ok()


class PartyEditDialog(StepDialog):
    """One party's details, in the same fields as at intake."""

    step = "edit_party"

    def __init__(
        self,
        detail: CaseDetail,
        party: PartyView,
        submit: Submit,
        parent: QWidget | None = None,
        *,
        actor: Actor | None = None,
    ):
        self.party = party  # read by _build
        super().__init__(detail, submit, parent, actor=actor)

    def ok_text(self) -> str:
        return self.tr("保存")

    def _build(self) -> None:
        self.party_fields = PartyFields(
            f"parties.{self.party.id}", CaseWords.party_role(self.party.role), errors=self.errors, **self._shown()
        )
        now = party_draft_of(self.party)
        self.party_fields.restore({
            **{name: getattr(now, name) for name in _PARTY_FIELDS},
            "id_type": now.id_type or None,
            "poa_valid_from": now.poa_valid_from and now.poa_valid_from.isoformat(),
            "poa_valid_to": now.poa_valid_to and now.poa_valid_to.isoformat(),
        })
        self.form.addRow(self.party_fields)
        # The service names a field "parties.<id>.phone"; the base class finds it by the last part.
        for name in _PARTY_FIELDS:
            widget = self.party_fields.widget_for(name)
            if widget is not None:
                self._fields[name] = widget
                self._focus[widget] = widget

    def _shown(self) -> dict[str, Any]:
        """Which fields show, and which are marked as needed, as on the intake form."""
        role = self.party.role
        if role is PartyRole.RESPONDENT:
            return dict(name_label=self.tr("名称"), phone=False, business=True, required=frozenset({"name", "address"}))
        if role is PartyRole.AGENT:
            return dict(name_label=self.tr("姓名"), address=False, identity=True, poa=True, required=frozenset({"name"}))
        needed = {"name", "phone", "address"} if role is PartyRole.COMPLAINANT else {"name"}
        return dict(name_label=self.tr("姓名"), identity=True, required=frozenset(needed))

    def party_draft(self) -> PartyDraft:
        """The party's details with the fields this dialog shows replaced by what they hold."""
        typed = self.party_fields.party_draft()
        shown = [name for name in _PARTY_FIELDS if self.party_fields.widget_for(name) is not None]
        return replace(party_draft_of(self.party), **{name: getattr(typed, name) for name in shown})

    def values(self) -> dict[str, Any]:
        return {"details": self.party_draft()}

    def _on_ok(self) -> None:
        if self.party_draft() == party_draft_of(self.party):
            self.outcome = None
            self.accept()
            return
        super()._on_ok()
