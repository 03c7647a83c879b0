"""Windows that hold one form or one case, opened from the main window."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from app.views.intake_form import IntakeForm


class IntakeDialog(QDialog):
    """The intake form in its own window. Closing it asks first if something was typed."""

    def __init__(self, form: IntakeForm, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = form
        self.setWindowTitle(self.tr("登记"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        form.registered.connect(self.accept)
        # The form says when it was given up (its own 取消 button, or our reject below).
        form.cancelled.connect(self._on_form_cancelled)

    def reject(self) -> None:  # Esc or the window's close button
        self.form.request_cancel()  # asks first if something was typed; emits cancelled if given up

    def _on_form_cancelled(self) -> None:
        # done() rather than reject(), which would ask the form again.
        self.done(QDialog.DialogCode.Rejected)


class CaseWindow(QDialog):
    """One case's detail, beside the list (not modal: a mediator looks at several)."""

    def __init__(self, view: QWidget, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
