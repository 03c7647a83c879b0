"""The facts a form prints that no case holds, asked for before its draft is made.

Which facts a form needs, and of what kind, is the services' list (``FORM_INPUTS``); the dialog
is built from it, so a new input there needs no change here.
"""

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.domain.errors import ValidationError
from app.services.document_inputs import ExtraInput
from app.views.field_errors import FieldErrors, field_label, multiline_edit, text_of

# A date typed for a form (report back by, provide papers by) starts a week ahead.
DEFAULT_DAYS_AHEAD = 7


class ExtraInputDialog(QDialog):
    """The facts a form prints that no case holds, built from the form's ``ExtraInput`` list.

    ``values()`` are the service's ``extra``; a ``ValidationError`` about one of them is shown
    under its field with ``show_error``.
    """

    def __init__(
        self, title: str, inputs: tuple[ExtraInput, ...], values: dict[str, Any], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("{title}：补充内容").format(title=title))
        self.inputs = inputs
        self.fields: dict[str, QWidget] = {}
        self.errors = FieldErrors()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for item in inputs:
            widget = self._widget(item, values.get(item.name))
            self.fields[item.name] = widget
            form.addRow(field_label(item.label, widget, required=item.required), self.errors.wrap(widget))
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("生成样稿"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _widget(self, item: ExtraInput, value: Any) -> QWidget:
        if item.kind == "date":
            edit = QDateEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            today = clock.today()
            edit.setMinimumDate(QDate(today + timedelta(days=1)))
            edit.setDate(QDate(value or today + timedelta(days=DEFAULT_DAYS_AHEAD)))
            return edit
        if item.kind == "count":
            box = QSpinBox()
            # An optional count may be left to the form: the value below the range says so.
            low = item.low if item.required else item.low - 1
            box.setRange(low, item.high)
            if not item.required:
                box.setSpecialValueText(self.tr("（按式样）"))
            box.setValue(low if value is None else value)
            return box
        edit = multiline_edit() if item.multiline else QLineEdit()
        if item.multiline:
            edit.setPlainText(value or "")
        else:
            edit.setMaxLength(item.max_length)
            edit.setText(value or "")
        return edit

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for item in self.inputs:
            widget = self.fields[item.name]
            if isinstance(widget, QDateEdit):
                values[item.name] = widget.date().toPython()
            elif isinstance(widget, QSpinBox):
                if widget.value() >= item.low:
                    values[item.name] = widget.value()
            else:
                values[item.name] = text_of(widget)
        return values

    def show_error(self, error: ValidationError) -> None:
        widget = self.fields.get(error.field.removeprefix("extra."))
        if widget is None:
            return
        self.errors.show(widget, self.tr("{field}：{reason}").format(field=error.label, reason=error.reason))
        widget.setFocus()

    def error_text(self) -> str:
        return next((m for m in map(self.errors.message, self.fields.values()) if m), "")
