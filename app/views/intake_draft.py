"""The intake form's fields as its autosaved draft, and back.

A draft is JSON-ready data (``content``), saved while the user types so nothing is lost to a
lock, a crash or a closed window; ``restore`` puts it back into the fields. A draft written by
another version of the form may hold values the form no longer knows: those are left at their
defaults, never refused, since losing a whole draft to one stale value would be worse.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QWidget

from app.views.field_errors import select_data, set_text, text_of
from app.views.party_fields import PartyFields

if TYPE_CHECKING:
    from app.services.station import Code

log = logging.getLogger(__name__)

DRAFT_FORMAT = 1
CONSENTS = (None, True, False)  # 未询问 / 是 / 否, in the order of the combo
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def qdatetime(moment: datetime) -> QDateTime:
    """``moment`` as a QDateTime in Beijing time."""
    milliseconds = round((moment - _EPOCH).total_seconds() * 1000)
    return QDateTime.fromMSecsSinceEpoch(milliseconds, QTimeZone(b"Asia/Shanghai"))


def moment_of(edit: QDateTimeEdit) -> datetime:
    """What ``edit`` shows, as an aware datetime."""
    return _EPOCH + timedelta(milliseconds=edit.dateTime().toMSecsSinceEpoch())


@dataclass(frozen=True)
class DraftFields:
    """The fields of one intake form that its draft holds, by the draft's keys.

    Attributes:
        parties: the party blocks (complainant, representative, agent, respondent).
        texts: single- and multi-line text fields.
        choices: combos saved by their item's data.
        consents: the yes / no / not asked combos (``CONSENTS``).
        checks: check boxes.
        received: the time the submission was received.
        category_top, category: the consumption category, in two levels.
        categories: every category code, to find a saved code's level.
    """

    parties: dict[str, PartyFields]
    texts: dict[str, QWidget]
    choices: dict[str, QComboBox]
    consents: dict[str, QComboBox]
    checks: dict[str, QCheckBox]
    received: QDateTimeEdit
    category_top: QComboBox
    category: QComboBox
    categories: list[Code]

    def category_code(self) -> str | None:
        """The most specific category chosen, or None."""
        return self.category.currentData() or self.category_top.currentData()

    def content(self) -> dict:
        """Everything in the fields as JSON-ready data."""
        return {
            "format": DRAFT_FORMAT,
            "received_at": moment_of(self.received).isoformat(),
            "category_code": self.category_code(),
            **{key: party.content() for key, party in self.parties.items()},
            **{key: text_of(widget) for key, widget in self.texts.items()},
            **{key: combo.currentData() for key, combo in self.choices.items()},
            **{key: CONSENTS[combo.currentIndex()] for key, combo in self.consents.items()},
            **{key: check.isChecked() for key, check in self.checks.items()},
        }

    def restore(self, content: dict, draft_key: str) -> None:
        """Put a saved ``content()`` back (``draft_key`` names it in the log)."""
        try:
            self.received.setDateTime(qdatetime(datetime.fromisoformat(content["received_at"])))
        except (KeyError, TypeError, ValueError):
            log.warning("draft %s: no usable received_at", draft_key)
        for key, party in self.parties.items():
            party.restore(content.get(key) or {})
        for key, widget in self.texts.items():
            set_text(widget, content.get(key))
        for key, combo in self.choices.items():
            if key in content:
                select_data(combo, content[key])
        for key, combo in self.consents.items():
            combo.setCurrentIndex(CONSENTS.index(content.get(key)) if content.get(key) in CONSENTS else 0)
        for key, check in self.checks.items():
            check.setChecked(bool(content.get(key)))
        code = next((c for c in self.categories if c.code == content.get("category_code")), None)
        select_data(self.category_top, code and (code.parent_code or code.code))
        select_data(self.category, code and code.parent_code and code.code)
