"""One party's fields on the intake form: a complainant, a second representative, an agent or the
respondent business. Which fields show is chosen by flags; the values come back as a PartyDraft."""

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.domain import clock, validators
from app.domain.errors import ValidationError
from app.services.drafts import PartyDraft
from app.services.lookups import RECENT_DAYS
from app.views.field_errors import (
    EnterMovesFocus,
    FieldErrors,
    combo_box,
    field_label,
    message_label,
    multiline_edit,
    set_text,
    text_of,
)

log = logging.getLogger(__name__)

LOOKUP_DELAY_MS = 250
NO_DATE = QDate(2000, 1, 1)  # the minimum of a date field, shown as "not given"
_MATCH_ROLE = Qt.ItemDataRole.UserRole + 1
_NAME_ROLE = Qt.ItemDataRole.UserRole + 2
_TEXT_FIELDS = ("name", "phone", "address", "id_number", "credit_code", "legal_representative", "contact")
_CHECKED_ON_LEAVING = ("phone", "contact", "id_number", "credit_code")


class PartyFields(QWidget):
    """The fields of one party, laid out as a form.

    Args:
        prefix: the service's name for this party in error fields (``complainants.0``, ``agent``).
        who: how the party is named in messages (投诉人, 代理人, 被投诉人).
        phone, address, identity, business, poa: which groups of fields show.
        required: the fields marked as needed for acceptance.
        find_businesses: when given, typing a name offers businesses on file (the respondent).
        repeat_signs: when given, leaving the name, phone or address shows other recent cases with the
            same detail (Art. 17 signs), as information only (the complainant).
        errors: the form's error lines, when the form keeps one set for all its fields.
    """

    changed = Signal()

    def __init__(
        self,
        prefix: str,
        who: str,
        *,
        name_label: str,
        phone: bool = True,
        address: bool = True,
        identity: bool = False,
        business: bool = False,
        poa: bool = False,
        required: frozenset[str] = frozenset(),
        find_businesses: Callable[[str], list] | None = None,
        repeat_signs: Callable[[str, str, str], list] | None = None,
        errors: FieldErrors | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.prefix = prefix
        self.who = who
        self.errors = errors or FieldErrors()
        self._find_businesses = find_businesses
        self._repeat_signs = repeat_signs
        self._last_signs_query: tuple[str, str, str] | None = None
        self._enter_filter = EnterMovesFocus(self)
        self._edits: dict[str, QWidget] = {}
        self._order: list[QWidget] = []
        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._required = required

        self.name_edit = self._line("name", name_label)
        self.history_label = message_label(information=True)
        self._layout.addRow("", self.history_label)
        self.phone_edit = self._line("phone", self.tr("电话")) if phone else None
        self.address_edit = self._line("address", self.tr("地址")) if address else None
        self.id_type_combo = self.id_number_edit = None
        if identity:
            self.id_type_combo = combo_box([(self.tr("（未选择）"), ""), *self._id_type_labels().items()])
            self.id_type_combo.setCurrentIndex(self.id_type_combo.findData("resident_id"))
            self._add("id_type", self.tr("证件类型"), self.id_type_combo)
            self.id_type_combo.currentIndexChanged.connect(self._on_id_type_changed)
            self.id_number_edit = self._line("id_number", self.tr("证件号码"))
        self.credit_code_edit = self.legal_rep_edit = self.contact_edit = None
        if business:
            self.credit_code_edit = self._line("credit_code", self.tr("统一社会信用代码"))
            self.legal_rep_edit = self._line("legal_representative", self.tr("法定代表人"))
            self.contact_edit = self._line("contact", self.tr("联系电话"))
        self.poa_matters_edit = self.poa_powers_edit = self.poa_from_edit = self.poa_to_edit = None
        if poa:
            self.poa_matters_edit = self._text("poa_matters", self.tr("委托事项"))
            self.poa_powers_edit = self._text("poa_powers", self.tr("委托权限"))
            self.poa_from_edit = self._date("poa_valid_from")
            self.poa_to_edit = self._date("poa_valid_to")
            period = QWidget()
            row = QHBoxLayout(period)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self.errors.wrap(self.poa_from_edit))
            row.addWidget(QLabel(self.tr("至")))
            row.addWidget(self.errors.wrap(self.poa_to_edit))
            self._layout.addRow(field_label(self.tr("委托期限"), self.poa_from_edit), period)

        self.signs_label = message_label(information=True)
        self._layout.addRow(self.signs_label)
        if find_businesses is not None:
            self._set_up_lookup()

    def _id_type_labels(self) -> dict[str, str]:
        """validators.ID_TYPES, in the interface language: {label: code}."""
        labels = {
            "resident_id": self.tr("居民身份证"),
            "passport": self.tr("护照"),
            "hk_macao_permit": self.tr("港澳居民来往内地通行证"),
            "taiwan_permit": self.tr("台湾居民来往大陆通行证"),
            "foreign_permanent_id": self.tr("外国人永久居留身份证"),
            "other": self.tr("其他"),
        }
        return {labels.get(code, text): code for code, text in validators.ID_TYPES.items()}

    # --- building -------------------------------------------------------------------------------

    def _add(self, name: str, text: str, widget: QWidget) -> None:
        self._edits[name] = widget
        self._order.append(widget)
        widget.setAccessibleName(text)
        self._layout.addRow(field_label(text, widget, required=name in self._required), self.errors.wrap(widget))

    def _line(self, name: str, text: str) -> QLineEdit:
        edit = QLineEdit()
        self._add(name, text, edit)
        edit.installEventFilter(self._enter_filter)
        edit.installEventFilter(self)
        edit.textChanged.connect(self.changed)
        return edit

    def _text(self, name: str, text: str) -> QPlainTextEdit:
        edit = multiline_edit(lines=2)
        self._add(name, text, edit)
        edit.textChanged.connect(self.changed)
        return edit

    def _date(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("未填写"))
        edit.setDate(NO_DATE)
        edit.setAccessibleName(self.tr("委托期限"))
        edit.installEventFilter(self._enter_filter)
        edit.dateChanged.connect(self.changed)
        self._edits[name] = edit
        self._order.append(edit)
        return edit

    # --- what other code reads ------------------------------------------------------------------

    def focus_widgets(self) -> list[QWidget]:
        """The fields, top to bottom, for the form's tab order."""
        return list(self._order)

    def widget_for(self, field: str) -> QWidget | None:
        """The widget of a field named as the service names it (``phone``, ``poa_valid_to``)."""
        return self._edits.get(field)

    def label_for(self, field: str) -> str:
        widget = self._edits.get(field)
        return f"{self.who}{widget.accessibleName()}" if widget is not None else self.who

    def has_text(self) -> bool:
        return any(text_of(w).strip() for w in self._edits.values())

    def value(self, field: str) -> str:
        widget = self._edits.get(field)
        return text_of(widget) if widget is not None else ""

    def party_draft(self) -> PartyDraft:
        draft = PartyDraft(**{name: self.value(name) for name in _TEXT_FIELDS})
        draft.id_type = self.id_type_combo.currentData() if self.id_type_combo else ""
        draft.poa_matters = self.value("poa_matters")
        draft.poa_powers = self.value("poa_powers")
        draft.poa_valid_from = _date_or_none(self.poa_from_edit)
        draft.poa_valid_to = _date_or_none(self.poa_to_edit)
        return draft

    def content(self) -> dict:
        data = {name: text_of(w) for name, w in self._edits.items() if isinstance(w, (QLineEdit, QPlainTextEdit))}
        if self.id_type_combo:
            data["id_type"] = self.id_type_combo.currentData()
        for name in ("poa_valid_from", "poa_valid_to"):
            if name in self._edits:
                day = _date_or_none(self._edits[name])
                data[name] = day.isoformat() if day else None
        return data

    def restore(self, data: dict) -> None:
        for name, widget in self._edits.items():
            if isinstance(widget, QDateEdit):
                widget.setDate(_qdate(data.get(name)))
            else:
                set_text(widget, data.get(name))
        if self.id_type_combo and data.get("id_type") is not None:
            index = self.id_type_combo.findData(data["id_type"])
            self.id_type_combo.setCurrentIndex(max(index, 0))
        self.errors.clear_all(list(self._edits.values()))
        self.history_label.hide()
        self.signs_label.hide()
        self._last_signs_query = None

    def show_error(self, field: str, message: str) -> bool:
        """Show ``message`` under the field; False if this party has no such field."""
        widget = self._edits.get(field)
        if widget is None:
            return False
        self.errors.show(widget, message)
        return True

    # --- checking a field as the user leaves it -------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and event.reason() != Qt.FocusReason.PopupFocusReason:
            for name, widget in self._edits.items():
                if widget is watched:
                    if name in _CHECKED_ON_LEAVING:
                        self.check(name)
                    if name in ("name", "phone", "address") and self._repeat_signs is not None:
                        self.check_repeat_signs()
                    break
        return super().eventFilter(watched, event)

    def check(self, name: str) -> bool:
        """Check one field with the same validator the service uses; show or clear its message."""
        widget = self._edits[name]
        value = self.value(name)
        if not value.strip():
            self.errors.clear(widget)
            return True
        field, label = f"{self.prefix}.{name}", self.label_for(name)
        try:
            if name in ("phone", "contact"):
                validators.phone(value, field=field, label=label)
            elif name == "credit_code":
                validators.credit_code(value, field=field, label=label)
            elif name == "id_number":
                id_type = self.id_type_combo.currentData()
                if not id_type:  # the service's rule, shown where the user has to act
                    self.errors.show(self.id_type_combo, self.tr("填写证件号码时须选择证件类型"))
                    return False
                validators.id_number(id_type, value, field=field, label=label, today=clock.today())
        except ValidationError as error:
            self.errors.show(self._edits.get(error.field.rpartition(".")[2], widget), f"{error.label}：{error.reason}")
            return False
        self.errors.clear(widget)
        return True

    def check_repeat_signs(self) -> None:
        """Art. 17: other recent cases with this name, phone or address; information, never a block."""
        phone = self.value("phone").strip()
        try:
            phone = validators.phone(phone, field="phone", label="") if phone else ""
        except ValidationError:
            pass  # look up what was typed; the field shows its own message
        query = (self.value("name").strip(), phone, self.value("address").strip())
        if query == self._last_signs_query:
            return
        self._last_signs_query = query
        signs = self._repeat_signs(*query) if any(query) else []
        details = {"投诉人姓名": self.tr("投诉人姓名"), "电话": self.tr("电话"), "地址": self.tr("地址")}
        lines = []
        for sign in signs:
            numbers = "、".join(sign.numbers[:5]) + ("、…" if len(sign.numbers) > 5 else "")
            lines.append(self.tr("ℹ 近{days}天内该{detail}已出现在 {count} 件案件中：{numbers}").format(
                days=RECENT_DAYS, detail=details.get(sign.detail, sign.detail), count=len(sign.numbers), numbers=numbers
            ))
        self.signs_label.setText("\n".join(lines))
        self.signs_label.setVisible(bool(lines))

    def _on_id_type_changed(self) -> None:
        self.changed.emit()
        self.errors.clear(self.id_type_combo)
        if self.id_number_edit is not None and self.id_number_edit.text().strip():
            self.check("id_number")

    # --- business look-up (respondent) ----------------------------------------------------------

    def _set_up_lookup(self) -> None:
        self._matches_model = QStandardItemModel(self)
        self.completer = QCompleter(self._matches_model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(_NAME_ROLE)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.name_edit.setCompleter(self.completer)
        self.completer.activated[QModelIndex].connect(self._on_business_chosen)
        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(LOOKUP_DELAY_MS)
        self._lookup_timer.timeout.connect(self.look_up_businesses)
        self.name_edit.textEdited.connect(self._on_name_edited)

    def _on_name_edited(self) -> None:
        self.history_label.hide()
        self._lookup_timer.start()

    def look_up_businesses(self) -> None:
        """Offer the businesses on file that match what was typed in the name field."""
        typed = self.name_edit.text().strip()
        matches = self._find_businesses(typed) if typed else []
        self._matches_model.clear()
        for match in matches:
            shown = match.name if not match.credit_code else f"{match.name}（{match.credit_code}）"
            item = QStandardItem(self.tr("{business} — 投诉 {count} 件").format(business=shown, count=match.complaints))
            item.setData(match, _MATCH_ROLE)
            item.setData(match.name, _NAME_ROLE)
            self._matches_model.appendRow(item)
        if matches and self.name_edit.hasFocus():
            self.completer.complete()
        elif not matches:
            self.completer.popup().hide()

    def _on_business_chosen(self, index) -> None:
        match = index.data(_MATCH_ROLE)
        if match is None:
            return
        self.choose_business(match)

    def choose_business(self, match) -> None:
        """Fill the business's details from the one on file, and show its complaint history."""
        self.name_edit.setText(match.name)
        for name, value in (
            ("credit_code", match.credit_code),
            ("address", match.address),
            ("legal_representative", match.legal_representative),
            ("contact", match.contact),
        ):
            widget = self._edits.get(name)
            if widget is not None and value:
                widget.setText(value)
                self.errors.clear(widget)
        if match.complaints:
            numbers = "、".join(match.latest_numbers) + ("…" if match.complaints > len(match.latest_numbers) else "")
            self.history_label.setText(
                self.tr("ℹ 该商家已有 {count} 件投诉：{numbers}").format(count=match.complaints, numbers=numbers)
            )
            self.history_label.show()
        else:
            self.history_label.hide()


def _date_or_none(edit: QDateEdit | None) -> date | None:
    if edit is None or edit.date() == edit.minimumDate():
        return None
    return edit.date().toPython()


def _qdate(value: str | None) -> QDate:
    if not value:
        return NO_DATE
    day = QDate.fromString(str(value), "yyyy-MM-dd")
    return day if day.isValid() and day > NO_DATE else NO_DATE
