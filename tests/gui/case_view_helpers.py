"""Driving the case detail's step dialogs in tests (shared by the detail and dialog tests)."""

from app.views.case_detail import CaseDetailView


def open_dialog(qtbot, view: CaseDetailView, step: str):
    """Press the step's button and return the dialog it opened."""
    with qtbot.waitSignal(view.dialog_opened, timeout=1000) as opened:
        view.step_buttons[step].click()
    dialog = opened.args[0]
    assert dialog.isVisible()
    return dialog
