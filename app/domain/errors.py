"""Errors the core raises for the user to read.

Messages are in Chinese, the desk's primary language; they name the field and say what is
wrong, so a view can show them as they are.
"""


class DeskError(Exception):
    """Base for every error that carries a message meant for the user."""


class ValidationError(DeskError):
    """Input that breaks a rule; nothing was saved.

    Attributes:
        field: the machine name of the offending field (``"complainant.phone"``).
        label: the field's name as the user sees it (``"投诉人电话"``).
        reason: what is wrong, in a short sentence.
    """

    def __init__(self, field: str, label: str, reason: str):
        self.field = field
        self.label = label
        self.reason = reason
        super().__init__(f"{label}：{reason}")


class IllegalTransition(DeskError):
    """A lifecycle step that the case's current state or the user's role does not allow."""


class CalendarError(DeskError):
    """A date outside every calendar the desk knows, or a malformed calendar file."""


class StoreError(DeskError):
    """The station store cannot be opened, migrated, backed up or restored."""
