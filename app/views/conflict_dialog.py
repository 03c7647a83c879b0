"""Settling a case's sync conflicts: the fields the station and the hub hold different values
for, side by side, and per field "保留本站" or "采用中心". Also the notice the case detail shows
while a case has such conflicts (``ConflictNotice``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.domain.errors import DeskError
from app.domain.privacy import mask_id, mask_phone
from app.sync import conflicts
from app.sync.conflicts import KEEP_STATION, TAKE_HUB, ConflictField
from app.views.field_errors import message_label
from app.views.case_words import CaseWords
from app.views.step_dialogs_base import EnterClicksButton

if TYPE_CHECKING:
    from app.models.store import Store
    from app.services.actor import Actor


@dataclass(frozen=True)
class ConflictServices:
    """What the conflict dialog and notice need, as plain callables; ``for_store`` binds them.

    Attributes:
        count: how many fields of a case are in unresolved conflict.
        fields: those fields, with both values.
        resolve: settles ``{path: "station" | "hub"}`` for a case; returns the changes recorded.
    """

    count: Callable[[int], int]
    fields: Callable[[int], list[ConflictField]]
    resolve: Callable[[int, dict[str, str]], dict]

    @classmethod
    def for_store(cls, store: Store, actor: Actor) -> ConflictServices:
        return cls(
            count=lambda case_id: conflicts.open_conflict_count(store, case_id),
            fields=lambda case_id: conflicts.open_conflicts(store, case_id),
            resolve=lambda case_id, choices: conflicts.resolve(store, actor, case_id, choices),
        )


def _extra_fields() -> dict[str, str]:
    """Field names the history never shows (they are not edited here), but a conflict may name."""
    return {
        "channel": QCoreApplication.translate("ConflictDialog", "渠道", "field"),
        "received_at": QCoreApplication.translate("ConflictDialog", "收到时间", "field"),
        "entered_at": QCoreApplication.translate("ConflictDialog", "录入时间", "field"),
        "rule": QCoreApplication.translate("ConflictDialog", "适用规章", "field"),
        "role": QCoreApplication.translate("ConflictDialog", "当事人身份", "field"),
        "file_name": QCoreApplication.translate("ConflictDialog", "文件名", "field"),
    }


def _part_words() -> dict[str, str]:
    return {
        "sessions": CaseWords.field("session"),
        "pauses": CaseWords.field("pause"),
        "follow_ups": CaseWords.field("follow_up"),
        "proposals": CaseWords.field("proposal"),
        "attachments": QCoreApplication.translate("ConflictDialog", "附件", "part"),
        "documents": QCoreApplication.translate("ConflictDialog", "文书", "part"),
    }


def field_words(field: ConflictField) -> str:
    """``请求事项``, ``投诉人 张三 · 电话``: the field as the user knows it."""
    name = _extra_fields().get(field.name) or CaseWords.field(field.name)
    if field.section == "case":
        return name
    if field.section == "parties":
        if field.party_role:
            part = f"{CaseWords.party_role(field.party_role)} {field.party_name}".strip()
        else:
            part = QCoreApplication.translate("ConflictDialog", "当事人（本站没有）")
    else:
        part = _part_words().get(field.section, field.section)
    return QCoreApplication.translate("ConflictDialog", "{part} · {field}").format(part=part, field=name)


def value_words(name: str, value: Any, *, full_numbers: bool = False) -> str:
    """A wire value as the user reads it: states and codes by their words, times in Beijing time,
    phone and ID numbers masked unless asked."""
    if value is None or value == "":
        return QCoreApplication.translate("ConflictDialog", "（空）")
    if isinstance(value, bool):
        return QCoreApplication.translate("ConflictDialog", "是") if value else QCoreApplication.translate("ConflictDialog", "否")
    if isinstance(value, list):
        separator = QCoreApplication.translate("ConflictDialog", "、")
        return separator.join(value_words(name, item, full_numbers=full_numbers) for item in value)
    text = str(value)
    words = {
        "state": CaseWords.state,
        "kind": CaseWords.kind,
        "channel": CaseWords.channel,
        "role": CaseWords.party_role,
        "id_type": CaseWords.id_type,
        "mode": CaseWords.session_mode,
        "satisfaction": CaseWords.satisfaction,
    }
    if name in words:
        return words[name](text)
    if name == "phone" and not full_numbers:
        return mask_phone(text)
    if name == "id_number" and not full_numbers:
        return mask_id(text)
    if name in ("amount_involved", "amount_recovered"):
        return QCoreApplication.translate("ConflictDialog", "{amount} 元").format(amount=text)
    if name.endswith("_at"):
        try:
            return clock.format_local(datetime.fromisoformat(text))
        except ValueError:
            return text
    return text


class ConflictDialog(QDialog):
    """The case's conflicting fields in a grid: field, the station's value, the hub's value, and
    two choices. 应用 is enabled once every field has a choice; it settles them all at once.

    Signals:
        resolved(int, dict): the case and the changes recorded (empty when every chosen value
            was the case's already and the hub had it: ``app.sync.conflicts.resolve``); the
            dialog then closes.
    """

    resolved = Signal(int, dict)

    FIELD, STATION, HUB, KEEP, TAKE = range(5)

    def __init__(self, services: ConflictServices, case_id: int, number: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._case_id = case_id
        self._fields = services.fields(case_id)
        self.choices: dict[str, QButtonGroup] = {}
        self.value_labels: dict[str, tuple[QLabel, QLabel]] = {}
        self.setWindowTitle(self.tr("处理同步冲突 {number}").format(number=number).strip())

        intro = QLabel(
            self.tr(
                "本站与市局中心对下列字段记录了不同的值。请逐项选择：保留本站的值，或采用中心的值。"
                "所选的值与本站现值不同时，作为一条新的办理记录保存，下次同步时上传。"
            )
        )
        intro.setWordWrap(True)

        grid_widget = QWidget()
        self.grid = QGridLayout(grid_widget)
        for column, text in enumerate(
            [self.tr("字段"), self.tr("本站的值"), self.tr("中心的值"), self.tr("保留本站"), self.tr("采用中心")]
        ):
            heading = QLabel(text)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.grid.addWidget(heading, 0, column)
        for row, field in enumerate(self._fields, start=1):
            self._add_row(row, field)
        self.grid.setColumnStretch(self.STATION, 1)
        self.grid.setColumnStretch(self.HUB, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_widget)

        self.full_numbers_check = QCheckBox(self.tr("显示完整号码"))
        self.full_numbers_check.setVisible(any(f.name in ("phone", "id_number") for f in self._fields))
        self.full_numbers_check.toggled.connect(self._show_values)
        self.keep_all_button = QPushButton(self.tr("全部保留本站"))
        self.take_all_button = QPushButton(self.tr("全部采用中心"))
        self.keep_all_button.clicked.connect(lambda: self._choose_all(KEEP_STATION))
        self.take_all_button.clicked.connect(lambda: self._choose_all(TAKE_HUB))
        all_row = QHBoxLayout()
        all_row.addWidget(self.full_numbers_check)
        all_row.addStretch()
        all_row.addWidget(self.keep_all_button)
        all_row.addWidget(self.take_all_button)

        self.error_label = message_label()
        self.button_box = QDialogButtonBox()
        self.apply_button = self.button_box.addButton(self.tr("应用"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.button_box.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.button_box.accepted.connect(self.apply)
        self.button_box.rejected.connect(self.reject)
        self._enter_clicks = EnterClicksButton(self)
        for button in self.findChildren(QPushButton):
            button.installEventFilter(self._enter_clicks)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, stretch=1)
        layout.addLayout(all_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.button_box)
        self._show_values()
        self._update_apply()
        self.resize(760, 420)

    def _add_row(self, row: int, field: ConflictField) -> None:
        name = QLabel(field_words(field))
        name.setWordWrap(True)
        station, hub = QLabel(), QLabel()
        for label in (station, hub):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        keep = QRadioButton(self.tr("保留本站"))
        take = QRadioButton(self.tr("采用中心"))
        # Each says which field it is for: a screen reader reads the button, not the row.
        keep.setAccessibleName(self.tr("{field}：保留本站").format(field=name.text()))
        take.setAccessibleName(self.tr("{field}：采用中心").format(field=name.text()))
        if not field.hub_value_applicable:
            take.setEnabled(False)
            take.setToolTip(self.tr("中心的这个值本站不能采用（本站没有这一部分或所指的人员）；请保留本站的值，或请市局核对。"))
        group = QButtonGroup(self)
        group.addButton(keep)
        group.addButton(take)
        group.buttonToggled.connect(self._update_apply)
        keep.setProperty("choice", KEEP_STATION)
        take.setProperty("choice", TAKE_HUB)
        for column, widget in ((self.FIELD, name), (self.STATION, station), (self.HUB, hub), (self.KEEP, keep), (self.TAKE, take)):
            self.grid.addWidget(widget, row, column, Qt.AlignmentFlag.AlignTop)
        self.choices[field.path] = group
        self.value_labels[field.path] = (station, hub)

    def _show_values(self) -> None:
        full = self.full_numbers_check.isChecked()
        for field in self._fields:
            station, hub = self.value_labels[field.path]
            station.setText(value_words(field.name, field.station_value, full_numbers=full))
            hub.setText(value_words(field.name, field.hub_value, full_numbers=full))

    def field_paths(self) -> list[str]:
        return [field.path for field in self._fields]

    def choose(self, path: str, choice: str) -> None:
        """Check the button of ``choice`` for the field ``path`` (as a click does)."""
        for button in self.choices[path].buttons():
            if button.property("choice") == choice and button.isEnabled():
                button.setChecked(True)

    def _choose_all(self, choice: str) -> None:
        for path in self.choices:
            self.choose(path, choice)

    def chosen(self) -> dict[str, str]:
        """The choice made for each field so far."""
        return {
            path: group.checkedButton().property("choice")
            for path, group in self.choices.items()
            if group.checkedButton() is not None
        }

    def _update_apply(self) -> None:
        self.apply_button.setEnabled(bool(self._fields) and len(self.chosen()) == len(self._fields))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # No default button: Enter never applies by accident.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def apply(self) -> None:
        choices = self.chosen()
        if len(choices) < len(self._fields):
            self._show_error(self.tr("请为每个字段选择“保留本站”或“采用中心”。"))
            return
        try:
            changes = self._services.resolve(self._case_id, choices)
        except DeskError as error:
            self._show_error(str(error))
            return
        self.resolved.emit(self._case_id, changes)
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(self.tr("⚠ {message}").format(message=text))
        self.error_label.show()


class ConflictNotice(QFrame):
    """A line in the case detail while the case has unresolved sync conflicts: "此案有同步冲突"
    and a button that opens the dialog. Hidden otherwise.

    Signals:
        dialog_opened(QDialog): the conflict dialog was opened (not blocking).
        resolved(int): the case's conflicts were settled; the case may have changed.
    """

    dialog_opened = Signal(QDialog)
    resolved = Signal(int)

    def __init__(self, services: ConflictServices, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._case_id: int | None = None
        self._number = ""
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("处理冲突…"))
        self.open_button.clicked.connect(self.open_dialog)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, stretch=1)
        layout.addWidget(self.open_button)
        self.hide()

    def show_case(self, case_id: int, number: str) -> None:
        """Read the case's conflicts again; shown only while there are some."""
        self._case_id, self._number = case_id, number
        count = self._services.count(case_id)
        self.label.setText(
            self.tr("⚠ 此案有同步冲突：%n 个字段本站与市局中心的记录不同，须选择保留哪一方。", "", count)
        )
        self.setVisible(count > 0)

    def open_dialog(self) -> ConflictDialog | None:
        if self._case_id is None:
            return None
        dialog = ConflictDialog(self._services, self._case_id, self._number, self)
        dialog.resolved.connect(lambda case_id, _changes: self.resolved.emit(case_id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog
