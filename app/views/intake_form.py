"""The intake form (登记): a complaint, report or inquiry as it reaches the station.

The form only lays out fields and calls the services it is given; the service decides what is
valid (``clean_draft``), and the form shows its verdict beside the field it names. What Art. 10
needs before a complaint can be accepted is marked, but not demanded at registration.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QTimeZone, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from app.domain import clock
from app.domain.errors import ValidationError
from app.domain.vocabulary import Channel
from app.services.actor import Actor
from app.services.drafts import BOTH, CaseDraft
from app.views.field_errors import (EnterMovesFocus, FieldErrors, combo_box, field_label, message_label,
                                    multiline_edit, select_data, text_of)
from app.views.intake_draft import CONSENTS, DraftFields, moment_of, qdatetime
from app.views.party_fields import PartyFields

if TYPE_CHECKING:
    from app.services.intake import Registered
    from app.services.lookups import BusinessMatch, RepeatSign
    from app.services.station import Code

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 1000


@dataclass(frozen=True)
class IntakeServices:
    """What the intake form may do, as plain callables (the desk binds them to the store)."""

    register: Callable[[CaseDraft], list[Registered]]
    find_businesses: Callable[[str], list[BusinessMatch]]
    repeat_signs: Callable[[str, str, str], list[RepeatSign]]  # name, phone, address
    categories: Callable[[], list[Code]]
    problem_kinds: Callable[[], list[Code]]
    mediators: Callable[[], list[Actor]]
    save_draft: Callable[[str, dict], None]
    load_draft: Callable[[str], dict | None]
    discard_draft: Callable[[str], None]


class IntakeForm(QWidget):
    """Registers one submission; autosaves what was typed under ``draft_key`` until it is registered.

    Signals:
        registered(list): the ``Registered`` cases (two for 投诉并举报), after a successful save.
        cancelled(): the user gave up the form (after confirming, if anything was typed).
    """

    registered = Signal(list)
    cancelled = Signal()

    def __init__(self, services: IntakeServices, draft_key: str, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.draft_key = draft_key
        self.actor = actor
        self._ready = False
        self._done = False
        self.errors = FieldErrors()
        self._enter_filter = EnterMovesFocus(self)
        self._categories = services.categories()

        self.note_label = message_label(information=True)
        self.top_error_label = message_label()
        legend = QLabel(self.tr("标 * 的项目是受理投诉时必须齐全的信息；登记时可以暂缺，但须填写投诉请求，投诉还须填写投诉人姓名。"))
        legend.setWordWrap(True)

        content = QWidget()
        column = QVBoxLayout(content)
        for section in (self._build_source(), self._build_submitter(), self._build_agent(), self._build_respondent(),
                        self._build_matter()):
            column.addWidget(section)
        column.addStretch(1)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._scroll.setWidget(content)

        self.register_button = QPushButton(self.tr("登记"))
        self.register_button.setToolTip(self.tr("登记（Ctrl+S）"))
        self.cancel_button = QPushButton(self.tr("取消"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.register_button, self.cancel_button):
            button.setAutoDefault(False)  # in a dialog, Enter must not press them
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        for widget in (self.note_label, self.top_error_label, legend):
            layout.addWidget(widget)
        layout.addWidget(self._scroll, 1)
        layout.addLayout(buttons)

        self._set_tab_order()
        self._draft = DraftFields(
            parties={"complainant": self.complainant, "representative": self.representative,
                     "agent": self.agent, "respondent": self.respondent},
            texts={"platform_ref": self.platform_ref_edit, "request": self.request_edit,
                   "facts": self.facts_edit, "amount": self.amount_edit},
            choices={"kind": self.kind_combo, "channel": self.channel_combo, "problem_code": self.problem_combo,
                     "mediator_id": self.mediator_combo},
            consents={"consent_publish": self.consent_publish_combo,
                      "consent_entrusted_mediation": self.consent_mediation_combo},
            checks={"is_group": self.group_check, "has_agent": self.agent_check},
            received=self.received_edit,
            category_top=self.category_top_combo,
            category=self.category_combo,
            categories=self._categories,
        )
        self.register_button.clicked.connect(self.register)
        self.cancel_button.clicked.connect(self.request_cancel)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.register)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave_timer.timeout.connect(self.save_draft_now)

        saved = services.load_draft(draft_key)
        if saved:
            self.restore(saved)
            self.note_label.setText(self.tr("ℹ 已恢复未保存的草稿"))
            self.note_label.show()
        self._ready = True

    # --- building -------------------------------------------------------------------------------

    def _row(self, form: QFormLayout, text: str, widget: QWidget, *, required: bool = False) -> None:
        widget.setAccessibleName(text)
        form.addRow(field_label(text, widget, required=required), self.errors.wrap(widget))
        if isinstance(widget, (QLineEdit, QComboBox, QDateTimeEdit, QCheckBox)):
            widget.installEventFilter(self._enter_filter)
        for signal in ("textChanged", "currentIndexChanged", "dateTimeChanged", "toggled"):
            if hasattr(widget, signal):
                getattr(widget, signal).connect(self._on_changed)
                break

    def _build_source(self) -> QGroupBox:
        box = QGroupBox(self.tr("来源"))
        form = QFormLayout(box)
        self.kind_combo = combo_box([(self.tr("投诉"), "complaint"), (self.tr("举报"), "report"),
                                       (self.tr("咨询"), "inquiry"), (self.tr("投诉并举报"), BOTH)])
        self._row(form, self.tr("类别"), self.kind_combo)
        channels = {Channel.ON_SITE: self.tr("来人来访"), Channel.PHONE: self.tr("电话"), Channel.LETTER: self.tr("信函"),
                    Channel.PLATFORM_12315: self.tr("12315平台"), Channel.HOTLINE_12345: self.tr("12345热线")}
        self.channel_combo = combo_box([(channels.get(c, c.label), c.value) for c in Channel])
        self._row(form, self.tr("来源渠道"), self.channel_combo)
        self.received_edit = QDateTimeEdit()
        self.received_edit.setTimeZone(QTimeZone(b"Asia/Shanghai"))
        self.received_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setDateTime(qdatetime(clock.now()))
        self._row(form, self.tr("收到时间（北京时间）"), self.received_edit)
        self.platform_ref_edit = QLineEdit()
        self._row(form, self.tr("平台工单号"), self.platform_ref_edit)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.channel_combo.currentIndexChanged.connect(self._on_channel_changed)
        self._on_channel_changed()
        return box

    def _party(self, prefix: str, who: str, **flags) -> PartyFields:
        party = PartyFields(prefix, who, errors=self.errors, **flags)
        party.changed.connect(self._on_changed)
        return party

    def _build_submitter(self) -> QGroupBox:
        self.submitter_box = QGroupBox(self.tr("投诉人"))
        column = QVBoxLayout(self.submitter_box)
        required = frozenset({"name", "phone", "address"})
        self.complainant = self._party("complainants.0", self.tr("投诉人"), name_label=self.tr("姓名"), identity=True,
                                       required=required, repeat_signs=self.services.repeat_signs)
        self.group_check = QCheckBox(self.tr("群体投诉（可登记第二名代表人）"))
        self.representative = self._party("complainants.1", self.tr("第二代表人"), name_label=self.tr("姓名"),
                                          identity=True)
        self.representative.setVisible(False)
        self.group_check.toggled.connect(self.representative.setVisible)
        self.group_check.toggled.connect(self._on_changed)
        self.group_check.installEventFilter(self._enter_filter)
        for widget in (self.complainant, self.group_check, self.representative):
            column.addWidget(widget)
        return self.submitter_box

    def _build_agent(self) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        self.agent_check = QCheckBox(self.tr("有委托代理人"))
        self.agent_box = QGroupBox(self.tr("委托代理人"))
        self.agent = self._party("agent", self.tr("代理人"), name_label=self.tr("姓名"), address=False,
                                 identity=True, poa=True, required=frozenset({"name"}))
        QVBoxLayout(self.agent_box).addWidget(self.agent)
        self.agent_box.setVisible(False)
        self.agent_check.toggled.connect(self.agent_box.setVisible)
        self.agent_check.toggled.connect(self._on_changed)
        self.agent_check.installEventFilter(self._enter_filter)
        column.addWidget(self.agent_check)
        column.addWidget(self.agent_box)
        return holder

    def _build_respondent(self) -> QGroupBox:
        self.respondent_box = QGroupBox(self.tr("被投诉人"))
        self.respondent = self._party("respondent", self.tr("被投诉人"), name_label=self.tr("名称"), phone=False,
                                      business=True, required=frozenset({"name", "address"}),
                                      find_businesses=self.services.find_businesses)
        QVBoxLayout(self.respondent_box).addWidget(self.respondent)
        return self.respondent_box

    def _build_matter(self) -> QGroupBox:
        box = QGroupBox(self.tr("投诉内容"))
        form = QFormLayout(box)
        self.request_edit = multiline_edit()
        self._row(form, self.tr("投诉请求"), self.request_edit, required=True)
        self.facts_edit = multiline_edit(lines=6)
        self._row(form, self.tr("事实和理由"), self.facts_edit, required=True)
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(self.tr("元，如 1234.50"))
        self._row(form, self.tr("涉及金额"), self.amount_edit)
        unset = self.tr("（未选择）")
        tops = [(c.name, c.code) for c in self._categories if c.parent_code is None]
        self.category_top_combo = combo_box([(unset, None), *tops])
        self._row(form, self.tr("消费类别"), self.category_top_combo)
        self.category_combo = combo_box([(unset, None)])
        self._row(form, self.tr("具体类别"), self.category_combo)
        self.category_top_combo.currentIndexChanged.connect(self._fill_subcategories)
        self._fill_subcategories()
        kinds = [(c.name, c.code) for c in self.services.problem_kinds()]
        self.problem_combo = combo_box([(unset, None), *kinds])
        self._row(form, self.tr("问题类别"), self.problem_combo)
        consent = [(self.tr("未询问"), None), (self.tr("是"), None), (self.tr("否"), None)]
        self.consent_publish_combo = combo_box(consent)
        self._row(form, self.tr("同意公示"), self.consent_publish_combo)
        self.consent_mediation_combo = combo_box(consent)
        self._row(form, self.tr("同意委托调解"), self.consent_mediation_combo)
        mediators = [(m.display_name, m.user_id) for m in self.services.mediators()]
        self.mediator_combo = combo_box([(self.tr("（未指定）"), None), *mediators])
        select_data(self.mediator_combo, self.actor.user_id)
        self._row(form, self.tr("承办调解员"), self.mediator_combo)
        return box

    def _set_tab_order(self) -> None:
        chain = [self.kind_combo, self.channel_combo, self.received_edit, self.platform_ref_edit,
                 *self.complainant.focus_widgets(), self.group_check, *self.representative.focus_widgets(),
                 self.agent_check, *self.agent.focus_widgets(), *self.respondent.focus_widgets(),
                 self.request_edit, self.facts_edit, self.amount_edit, self.category_top_combo,
                 self.category_combo, self.problem_combo, self.consent_publish_combo,
                 self.consent_mediation_combo, self.mediator_combo, self.register_button, self.cancel_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- reacting to the user -------------------------------------------------------------------

    def _on_changed(self) -> None:
        if self._ready and not self._done:
            self._autosave_timer.start()

    def _on_kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        self.submitter_box.setTitle(
            {"report": self.tr("举报人"), "inquiry": self.tr("咨询人")}.get(kind, self.tr("投诉人"))
        )
        self.respondent_box.setTitle(self.tr("被举报人") if kind == "report" else self.tr("被投诉人"))

    def _on_channel_changed(self) -> None:
        self.platform_ref_edit.setEnabled(Channel(self.channel_combo.currentData()).is_dispatched)

    def _fill_subcategories(self) -> None:
        top = self.category_top_combo.currentData()
        self.category_combo.blockSignals(True)
        while self.category_combo.count() > 1:
            self.category_combo.removeItem(1)
        for code in self._categories:
            if top is not None and code.parent_code == top:
                self.category_combo.addItem(code.name, code.code)
        self.category_combo.setCurrentIndex(0)
        self.category_combo.blockSignals(False)
        self.category_combo.setEnabled(top is not None)

    # --- the draft ------------------------------------------------------------------------------

    def received_at(self) -> datetime:
        return moment_of(self.received_edit)

    def case_draft(self) -> CaseDraft:
        """What the form holds, as the intake service takes it."""
        channel = Channel(self.channel_combo.currentData())
        complainants = [self.complainant.party_draft()]
        if self.group_check.isChecked() and self.representative.has_text():
            complainants.append(self.representative.party_draft())
        return CaseDraft(
            kind=self.kind_combo.currentData(),
            channel=channel,
            received_at=self.received_at(),
            platform_ref=self.platform_ref_edit.text() if channel.is_dispatched else "",
            complainants=complainants,
            is_group=self.group_check.isChecked(),
            agent=self.agent.party_draft() if self.agent_check.isChecked() else None,
            respondent=self.respondent.party_draft(),
            request=self.request_edit.toPlainText(),
            facts=self.facts_edit.toPlainText(),
            amount_involved=self.amount_edit.text().strip() or None,
            category_code=self.category_code(),
            problem_code=self.problem_combo.currentData(),
            consent_publish=CONSENTS[self.consent_publish_combo.currentIndex()],
            consent_entrusted_mediation=CONSENTS[self.consent_mediation_combo.currentIndex()],
            mediator_id=self.mediator_combo.currentData(),
        )

    def has_content(self) -> bool:
        """Whether anything was typed (choices alone are not worth a confirmation)."""
        return any(p.has_text() for p in self._draft.parties.values()) or any(
            text_of(w).strip() for w in self._draft.texts.values()
        )

    def category_code(self) -> str | None:
        return self._draft.category_code()

    def content(self) -> dict:
        """Everything on the form as JSON-ready data, for the autosaved draft."""
        return self._draft.content()

    def restore(self, content: dict) -> None:
        """Put a saved ``content()`` back; values the form no longer knows are left at their defaults."""
        self._draft.restore(content, self.draft_key)
        self._clear_messages()

    def save_draft_now(self) -> None:
        """Autosave at once (the desk calls this before it locks or closes)."""
        self._autosave_timer.stop()
        if self._done:
            return
        try:
            if self.has_content():
                self.services.save_draft(self.draft_key, self.content())
            else:
                self.services.discard_draft(self.draft_key)
        except Exception:  # an autosave must never take the typing down with it
            log.exception("autosave of %s failed", self.draft_key)
            self.note_label.setText(self.tr("⚠ 草稿未能自动保存，请尽快登记"))
            self.note_label.show()

    # --- saving and giving up -------------------------------------------------------------------

    def register(self) -> list[Registered] | None:
        """Register the submission; on a rejected field show why beside it and save nothing."""
        if self._done:
            return None
        self._clear_messages()
        try:
            cases = self.services.register(self.case_draft())
        except ValidationError as error:
            self.show_validation_error(error)
            return None
        self._done = True
        self._autosave_timer.stop()
        self.services.discard_draft(self.draft_key)
        self.register_button.setEnabled(False)
        self.note_label.setText(self.tr("ℹ 已登记：{numbers}").format(numbers="、".join(c.number for c in cases)))
        self.note_label.show()
        self.registered.emit(list(cases))
        return cases

    def request_cancel(self) -> bool:
        """Give up the form, asking first if anything was typed; True if it was given up."""
        if not self._done and self.has_content():
            answer = QMessageBox.question(self, self.tr("取消登记"), self.tr("放弃未保存的内容？"),
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                          QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
            self._autosave_timer.stop()
            self.services.discard_draft(self.draft_key)
        self._autosave_timer.stop()
        self._done = True
        self.cancelled.emit()
        return True

    def widget_for(self, field: str) -> QWidget | None:
        """The widget of a field as the service names it (``complainants.0.phone``, ``request``)."""
        for party in self._draft.parties.values():
            if field.startswith(f"{party.prefix}."):
                return party.widget_for(field.removeprefix(f"{party.prefix}."))
        own = {"kind": self.kind_combo, "channel": self.channel_combo, "received_at": self.received_edit,
               "platform_ref": self.platform_ref_edit, "request": self.request_edit, "facts": self.facts_edit,
               "amount_involved": self.amount_edit, "category_code": self.category_combo,
               "problem_code": self.problem_combo, "mediator_id": self.mediator_combo}
        return own.get(field)

    def error_message(self, field: str) -> str:
        """The message shown beside a field, or "" (for tests and the desk's own checks)."""
        widget = self.widget_for(field)
        return self.errors.message(widget) if widget is not None else ""

    def show_validation_error(self, error: ValidationError) -> None:
        """Show the service's verdict beside the field it names and go there; otherwise at the top."""
        message = f"{error.label}：{error.reason}"
        widget = self.widget_for(error.field)
        if widget is not None and self.errors.has(widget) and widget.isVisibleTo(self) and widget.isEnabled():
            self.errors.show(widget, message)
            self._scroll.ensureWidgetVisible(widget)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.top_error_label.setText(self.tr("⚠ {message}").format(message=message))
            self.top_error_label.show()

    def _clear_messages(self) -> None:
        self.top_error_label.hide()
        self.errors.clear_all()

