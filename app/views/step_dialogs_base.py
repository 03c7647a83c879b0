"""What every step dialog shares: the form, the inline error, the confirmation, safe buttons.

A step dialog asks for exactly what its service needs and hands it to ``submit(**values)``.
A ``ValidationError`` is shown inside the dialog, naming the field, and the dialog stays open;
nothing is saved. Legal steps ask once more (``ConfirmationBox``) before ``submit`` is called.
Enter in a field never accepts a dialog: no button is the default, so a step is taken only by
pressing its button (click, or Space once it has the focus).
"""

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, ClassVar

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.domain.errors import DeskError, ValidationError
from app.services.actor import Actor
from app.services.details import CaseDetail
from app.views.field_errors import (
    EnterMovesFocus,
    FieldErrors,
    field_label,
    message_label,
)
from app.views.case_words import CaseWords

Submit = Callable[..., object]


class ConfirmationBox(QMessageBox):
    """The last question before a step that is recorded for good. 取消 is the default button,
    so Enter or Escape leave the case as it was; ``confirmed`` is emitted only for 确定办理."""

    confirmed = Signal()

    def __init__(self, title: str, detail: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(title)
        self.setText(self.tr("此操作将记录在案，不能撤销；如有错误须另行办理更正。确定？"))
        if detail:
            self.setInformativeText(detail)
        self.confirm_button = self.addButton(self.tr("确定办理"), QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)
        self.buttonClicked.connect(self._on_clicked)

    def _on_clicked(self, button) -> None:
        if button is self.confirm_button:
            self.confirmed.emit()


class EnterClicksButton(QObject):
    """Installed on a dialog's buttons: Enter presses the button that has the focus, as Space
    does. No button is ever the dialog's default, so Enter elsewhere takes no step."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(watched, QPushButton)
        ):
            watched.click()
            return True
        return super().eventFilter(watched, event)


class StepDialog(QDialog):
    """One lifecycle step of one case.

    Subclasses set ``step`` (the lifecycle name), add their rows in ``_build`` with ``_row``
    (which names the service field each widget answers for), and return the service's keyword
    arguments from ``values()``, raising ``ValidationError`` for what they check themselves.
    After a successful ``submit``, ``outcome`` holds what the service returned and the dialog
    is accepted.
    """

    step: ClassVar[str] = ""
    needs_confirmation: ClassVar[bool] = False
    confirmation_opened = Signal(QMessageBox)

    def __init__(
        self, detail: CaseDetail, submit: Submit, parent: QWidget | None = None, *, actor: Actor | None = None
    ):
        super().__init__(parent)
        self.detail = detail
        self.actor = actor
        self._submit = submit
        self._fields: dict[str, QWidget] = {}
        self._focus: dict[QWidget, QWidget] = {}
        self.errors = FieldErrors()
        self._enter_moves_focus = EnterMovesFocus(self)
        self.outcome: object = None
        self.error_field: str | None = None
        self.confirmation_box: ConfirmationBox | None = None
        self.setWindowTitle(self.tr("{step} — {number}").format(step=self.step_label(), number=detail.number))

        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # For errors that belong to no one field (the step is not allowed now, say).
        self.error_label = message_label()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        self._build()
        layout.addWidget(self.error_label)

        # Made after the fields, so Tab goes through the fields first and the buttons last.
        self.button_box = QDialogButtonBox()
        self.ok_button = self.button_box.addButton(self.ok_text(), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.button_box.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self._enter_clicks = EnterClicksButton(self)
        for button in (self.ok_button, self.cancel_button):
            button.installEventFilter(self._enter_clicks)
        self.button_box.accepted.connect(self._on_ok)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)

    # --- what subclasses provide ------------------------------------------------------------

    def _build(self) -> None:
        """Add the rows of the form."""

    def values(self) -> dict[str, Any]:
        """The service's keyword arguments, from the widgets."""
        return {}

    def ok_text(self) -> str:
        return self.step_label()

    def step_label(self) -> str:
        return CaseWords.action(self.step)

    def confirmation_detail(self) -> str:
        """What the confirmation repeats of the step, so the user sees what they confirm."""
        return self.tr("案件 {number}：{step}").format(number=self.detail.number, step=self.step_label())

    # --- helpers for building ---------------------------------------------------------------

    @property
    def is_head(self) -> bool:
        return self.actor is not None and self.actor.is_head

    def _row(
        self,
        label: str,
        field: str,
        widget: QWidget,
        *,
        focus: QWidget | None = None,
        form: QFormLayout | None = None,
    ) -> QWidget:
        """Add ``widget`` as the row for the service's ``field``, with its error line under it.

        ``focus`` is what gets the cursor when the field is wrong (a radio button of a group).
        """
        self._fields[field] = widget
        self._focus[widget] = focus or widget
        if isinstance(widget, (QLineEdit, QAbstractSpinBox, QComboBox)):
            widget.installEventFilter(self._enter_moves_focus)
        (form or self.form).addRow(field_label(label, focus or widget), self.errors.wrap(widget))
        return widget

    def _note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        self.form.addRow(label)
        return label

    def _date_edit(self, value: date | None = None, *, latest: date | None = None) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        if latest is not None:
            edit.setMaximumDate(QDate(latest))
        edit.setDate(QDate(value or clock.today()))
        return edit

    @staticmethod
    def _date_time_edit(value: datetime) -> QDateTimeEdit:
        """A wall-clock time in Beijing; ``_moment`` reads it back with its zone."""
        local = value.astimezone(clock.CHINA)
        edit = QDateTimeEdit(QDateTime(QDate(local.date()), QTime(local.hour, local.minute)))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        return edit

    @staticmethod
    def _moment(edit: QDateTimeEdit) -> datetime:
        day, time = edit.date().toPython(), edit.time().toPython()
        return datetime(day.year, day.month, day.day, time.hour, time.minute, tzinfo=clock.CHINA)

    @staticmethod
    def _text_edit(text: str = "", *, lines: int = 4) -> QPlainTextEdit:
        edit = QPlainTextEdit(text)
        # Tab moves on to the next field, as everywhere else in the dialog; Enter is a new line.
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
        return edit

    # --- running the step -------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The button box makes its first accepting button the default when shown; undo that,
        # so Enter in a single-line field cannot take a step by accident.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def error_text(self) -> str:
        """The error the dialog shows now, under a field or below the form; "" when none."""
        for widget in self._fields.values():
            if message := self.errors.message(widget):
                return message
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def _on_ok(self) -> None:
        self._clear_error()
        try:
            values = self.values()
        except ValidationError as error:
            self.show_error(error)
            return
        if not self.needs_confirmation:
            self._run(values)
            return
        box = ConfirmationBox(self.step_label(), self.confirmation_detail(), self)
        box.confirmed.connect(lambda: self._run(values))
        box.finished.connect(box.deleteLater)
        self.confirmation_box = box
        box.open()
        self.confirmation_opened.emit(box)

    def _run(self, values: dict[str, Any]) -> None:
        self.confirmation_box = None
        try:
            self.outcome = self._submit(**values)
        except ValidationError as error:
            self.show_error(error)
            return
        except DeskError as error:
            self._show_message(str(error))
            return
        self.accept()

    def show_error(self, error: ValidationError) -> None:
        """Say under the field which field is wrong and why, and put the cursor there."""
        self.error_field = error.field
        message = self.tr("{field}：{reason}").format(field=error.label, reason=error.reason)
        widget = self._widget_for(error.field)
        if widget is None:
            self._show_message(message)
            return
        self.errors.show(widget, message)
        self._focus[widget].setFocus()

    def _show_message(self, text: str) -> None:
        self.error_label.setText(self.tr("⚠ {message}").format(message=text))
        self.error_label.show()

    def _clear_error(self) -> None:
        self.error_field = None
        self.errors.clear_all()
        self.error_label.clear()
        self.error_label.hide()

    def _widget_for(self, field: str) -> QWidget | None:
        # "refuse.ground" → "ground"; "terms.1" → "terms".
        for name in (field, field.rpartition(".")[2], field.partition(".")[0]):
            if name in self._fields:
                return self._fields[name]
        return None
