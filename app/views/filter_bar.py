"""The filters above the case list: state, kind, channel, mediator, due, and date of receipt."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from app.domain import clock
from app.domain.deadlines import DeadlineState
from app.domain.vocabulary import CaseKind, CaseState, Channel
from app.services.actor import Actor
from app.services.queries import CaseFilter

# "Overdue or due soon": a deadline past, or ending today or by the next working day.
URGENT = (DeadlineState.OVERDUE, DeadlineState.DUE_SOON)


class _CheckMenu(QMenu):
    """A menu whose checkable entries toggle without closing it, so several can be ticked in
    one visit, by mouse or with the arrow keys and Enter or Space; Esc closes it."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.activeAction()
        toggles = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if toggles and action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().keyPressEvent(event)


class OptionalDateEdit(QDateEdit):
    """A date, or "不限" (no bound), shown as the special value at the minimum date.

    Stepping up or down from "不限", or opening the calendar, starts at today rather than at
    the sentinel date.
    """

    UNSET = QDate(2000, 1, 1)

    def __init__(self, unset_text: str, parent=None):
        super().__init__(parent)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(self.UNSET)
        self.setSpecialValueText(unset_text)
        self.setCalendarPopup(True)
        self.setDate(self.UNSET)
        self.calendarWidget().installEventFilter(self)

    def day(self) -> date | None:
        return None if self.date() == self.minimumDate() else self.date().toPython()

    def set_day(self, day: date | None) -> None:
        self.setDate(self.UNSET if day is None else QDate(day.year, day.month, day.day))

    def stepBy(self, steps: int) -> None:
        if self.day() is None:
            self.set_day(clock.today())
            return
        super().stepBy(steps)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show and self.day() is None:
            today = clock.today()
            self.calendarWidget().setCurrentPage(today.year, today.month)
        return super().eventFilter(watched, event)


class FilterBar(QWidget):
    """Filters for the case list; ``changed`` is emitted on every change, and ``criteria(text)``
    gives the matching ``CaseFilter``.

    Every control is reachable with Tab: the state menu opens with Space or Enter and ticks
    several states in one visit; the combos, the check box and the dates are Qt's own.
    """

    changed = Signal()

    def __init__(self, mediators: Callable[[], list[Actor]] | None = None, parent=None):
        super().__init__(parent)
        self._mediators = mediators

        self.state_button = QToolButton()
        self.state_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.state_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.state_button.setToolTip(self.tr("按状态筛选，可多选"))
        self.state_menu = _CheckMenu(self.state_button)
        self.all_states_action = self.state_menu.addAction(self.tr("全部状态"))
        self.all_states_action.triggered.connect(self._clear_states)
        self.state_menu.addSeparator()
        self.state_actions: dict[CaseState, QAction] = {}
        for state in CaseState:
            action = self.state_menu.addAction(state.label)
            action.setCheckable(True)
            action.toggled.connect(self._on_states_changed)
            self.state_actions[state] = action
        self.state_button.setMenu(self.state_menu)

        self.kind_combo = self._combo(self.tr("类别"), self.tr("全部类别"), [(k.label, k.value) for k in CaseKind])
        self.channel_combo = self._combo(self.tr("渠道"), self.tr("全部渠道"), [(c.label, c.value) for c in Channel])
        self.mediator_combo = self._combo(self.tr("承办人"), self.tr("全部承办人"), [])
        self.reload_mediators()

        self.due_check = QCheckBox(self.tr("只看超期/即将到期"))
        self.due_check.setToolTip(self.tr("最近期限已超期，或今天、下一个工作日到期"))
        self.due_check.toggled.connect(self.changed)

        unset = self.tr("不限")
        self.received_from = OptionalDateEdit(unset)
        self.received_from.setAccessibleName(self.tr("收到日期起"))
        self.received_to = OptionalDateEdit(unset)
        self.received_to.setAccessibleName(self.tr("收到日期止"))
        for edit in (self.received_from, self.received_to):
            edit.dateChanged.connect(self.changed)

        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.clear_button.clicked.connect(self.clear)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state_button)
        layout.addWidget(self.kind_combo)
        layout.addWidget(self.channel_combo)
        layout.addWidget(self.mediator_combo)
        layout.addWidget(self.due_check)
        received = QLabel(self.tr("收到日期"))
        received.setBuddy(self.received_from)
        layout.addWidget(received)
        layout.addWidget(self.received_from)
        layout.addWidget(QLabel(self.tr("至")))
        layout.addWidget(self.received_to)
        layout.addWidget(self.clear_button)
        layout.addStretch()
        self._show_states()

    def _combo(self, name: str, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.addItem(everything, None)
        for label, value in items:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(self.changed)
        return combo

    def reload_mediators(self) -> None:
        """Read the accounts again (one may have been added), keeping the one chosen."""
        if self._mediators is None:
            self.mediator_combo.setEnabled(False)
            return
        chosen = self.mediator_combo.currentData()
        self.mediator_combo.blockSignals(True)
        try:
            while self.mediator_combo.count() > 1:
                self.mediator_combo.removeItem(1)
            for actor in self._mediators():
                self.mediator_combo.addItem(actor.display_name, actor.user_id)
            index = self.mediator_combo.findData(chosen) if chosen is not None else 0
            self.mediator_combo.setCurrentIndex(max(index, 0))
        finally:
            self.mediator_combo.blockSignals(False)
        if chosen is not None and self.mediator_combo.currentData() != chosen:
            self.changed.emit()  # the account chosen is gone: the list must follow

    def criteria(self, text: str = "") -> CaseFilter:
        """The filter the controls describe, with the search ``text``."""
        # Item data holds the stored values: Qt would turn the str enums into plain strings.
        kind = self.kind_combo.currentData()
        channel = self.channel_combo.currentData()
        return CaseFilter(
            text=text,
            states=self.states(),
            kinds=(CaseKind(kind),) if kind is not None else (),
            channels=(Channel(channel),) if channel is not None else (),
            mediator_id=self.mediator_combo.currentData(),
            received_from=self.received_from.day(),
            received_to=self.received_to.day(),
            due=URGENT if self.due_check.isChecked() else (),
        )

    def states(self) -> tuple[CaseState, ...]:
        return tuple(state for state, action in self.state_actions.items() if action.isChecked())

    def clear(self) -> None:
        """Back to every case; one ``changed`` for the whole reset."""
        controls = [self.kind_combo, self.channel_combo, self.mediator_combo, self.due_check, self.received_from, self.received_to]
        controls += self.state_actions.values()
        for control in controls:
            control.blockSignals(True)
        try:
            for action in self.state_actions.values():
                action.setChecked(False)
            for combo in (self.kind_combo, self.channel_combo, self.mediator_combo):
                combo.setCurrentIndex(0)
            self.due_check.setChecked(False)
            self.received_from.set_day(None)
            self.received_to.set_day(None)
        finally:
            for control in controls:
                control.blockSignals(False)
        self._show_states()
        self.changed.emit()

    def _clear_states(self) -> None:
        if not self.states():
            return
        for action in self.state_actions.values():
            action.blockSignals(True)
            action.setChecked(False)
            action.blockSignals(False)
        self._on_states_changed()

    def _on_states_changed(self) -> None:
        self._show_states()
        self.changed.emit()

    def _show_states(self) -> None:
        states = self.states()
        if not states:
            shown = self.tr("全部")
        elif len(states) <= 2:
            shown = self.tr("、").join(state.label for state in states)
        else:
            shown = self.tr("%n 项", "", len(states))
        self.state_button.setText(self.tr("状态：{states}").format(states=shown))
