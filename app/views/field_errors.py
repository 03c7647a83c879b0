"""Small pieces every form of the desk shares: field labels with a required mark, a message
shown beside a field, and Enter that moves on instead of submitting."""

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

REQUIRED_MARK = "*"
_ERROR_STYLE = "color: #b00020;"
_INFO_STYLE = "color: #8a5a00;"


def required_text() -> str:
    """The accessible description of a required field."""
    return QCoreApplication.translate("FieldErrors", "必填")


def field_label(text: str, field: QWidget, *, required: bool = False) -> QLabel:
    """A form label for ``field``; a required field gets a visible mark and says so to screen readers."""
    label = QLabel(f"{text} {REQUIRED_MARK}" if required else text)
    label.setBuddy(field)
    if required:
        field.setAccessibleDescription(required_text())
        label.setToolTip(required_text())
    return label


def message_label(*, information: bool = False) -> QLabel:
    """A hidden, word-wrapped line for an error or a piece of information; the text carries a sign,
    so the meaning does not rest on the colour alone."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(_INFO_STYLE if information else _ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class FieldErrors:
    """The error line under each field: ``wrap`` a field once, then ``show``/``clear`` by field."""

    def __init__(self) -> None:
        self._labels: dict[QWidget, QLabel] = {}
        self._descriptions: dict[QWidget, str] = {}

    def wrap(self, field: QWidget) -> QWidget:
        """The field with an (empty) error line under it, to put in a layout instead of the field."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        label = message_label()
        layout.addWidget(label)
        self._labels[field] = label
        return box

    def show(self, field: QWidget, message: str) -> None:
        label = self._labels[field]
        label.setText(QCoreApplication.translate("FieldErrors", "⚠ {message}").format(message=message))
        label.show()
        base = self._descriptions.setdefault(field, field.accessibleDescription())
        field.setAccessibleDescription(f"{base} {message}".strip())

    def clear(self, field: QWidget) -> None:
        label = self._labels.get(field)
        if label is not None and not label.isHidden():
            label.clear()
            label.hide()
            field.setAccessibleDescription(self._descriptions.pop(field, ""))

    def clear_all(self, fields: list[QWidget] | None = None) -> None:
        """Clear every message, or those of ``fields``."""
        for field in list(self._labels) if fields is None else fields:
            self.clear(field)

    def message(self, field: QWidget) -> str:
        """The error shown under ``field``, or "" when there is none."""
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def has(self, field: QWidget) -> bool:
        return field in self._labels


def combo_box(items: list[tuple[str, object]]) -> QComboBox:
    """A combo box of (text, data) items."""
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    return combo


def select_data(combo: QComboBox, data: object) -> None:
    """Select the item holding ``data``; the first item when there is none (or data is None)."""
    combo.setCurrentIndex(max(combo.findData(data), 0) if data is not None else 0)


def multiline_edit(lines: int = 3) -> QPlainTextEdit:
    """A multi-line field: Enter is a new line there, and Tab moves on to the next field."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


def text_of(widget: QWidget) -> str:
    """The text of a single- or multi-line field; "" for other widgets."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    return ""


def set_text(widget: QWidget, value: object) -> None:
    """Put text (None as "") into a single- or multi-line field."""
    if isinstance(widget, QLineEdit):
        widget.setText(str(value or ""))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value or ""))


class EnterMovesFocus(QObject):
    """Installed on single-line fields: Enter goes to the next field, as Tab does, and never
    reaches a dialog's default button. Multi-line fields do not get it: there Enter is a new line."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(watched, QWidget)
        ):
            watched.window().focusNextChild()
            return True
        return super().eventFilter(watched, event)
