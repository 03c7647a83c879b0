"""One case on screen: its fields, parties, deadlines, mediation record, history, and the steps
the signed-in user may take now, each through a small dialog (``step_dialogs``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.domain.deadlines import Deadline
from app.services import acceptance, closing, details, mediation, proposals
from app.services.actor import Actor
from app.services.details import CaseDetail
from app.services.head_decisions import Outcome
from app.services.proposals import PendingProposal
from app.views.attachments_tab import AttachmentServices, AttachmentsTab
from app.views.bindings import edit_services
from app.views.case_editing import CaseEditing
from app.views.case_tabs import CaseFactsTab, CaseWorkTab, clear_layout
from app.views.case_words import CaseWords
from app.views.conflict_dialog import ConflictNotice, ConflictServices
from app.views.document_issuing import DocumentServices
from app.views.documents_tab import DocumentsTab
from app.views.edit_dialogs import EditServices
from app.views.history_timeline import HistoryTimeline
from app.views.icons import deadline_icon
from app.views.proposal_box import ProposalBox
from app.views.step_dialogs import StepDialog, step_dialog

if TYPE_CHECKING:
    from app.models.store import Store

# A lifecycle step's service, bound to the store and the user: ``step(case_id, **values)``.
StepService = Callable[..., object]

_STEP_SERVICES = {
    "accept": acceptance.accept,
    "refuse": acceptance.refuse,
    "schedule_session": mediation.schedule_session,
    "record_session": mediation.record_session,
    "pause_clock": mediation.pause_clock,
    "resume_clock": mediation.resume_clock,
    "record_agreement": mediation.record_agreement,
    "terminate": mediation.terminate,
    "notify_termination": mediation.notify_termination,
    "withdraw": mediation.withdraw,
    "record_follow_up": mediation.record_follow_up,
    "start_check": closing.start_check,
    "extend_check": closing.extend_check,
    "decide_filing": closing.decide_filing,
    "answer": closing.answer_inquiry,
    "close": closing.close,
    "void": closing.void,
}

STEP_COLUMNS = 5


@dataclass(frozen=True)
class CaseServices:
    """What the case detail needs from the core, bound to the store and the signed-in user.

    The view never sees the store: it calls these. ``for_store`` binds the real services.
    """

    actor: Actor
    detail: Callable[[int], CaseDetail]
    steps: Mapping[str, StepService]
    pending_proposals: Callable[[int], list[PendingProposal]]  # those of one case
    confirm_proposal: Callable[[int], None]
    reject_proposal: Callable[..., None]  # (proposal_id, remark="")
    attachments: AttachmentServices
    documents: DocumentServices
    editing: EditServices
    conflicts: ConflictServices | None = None  # sync conflicts: the notice is left out without

    @classmethod
    def for_store(cls, store: Store, actor: Actor) -> CaseServices:
        def bind(service) -> StepService:
            return lambda case_id, **values: service(store, actor, case_id, **values)

        return cls(
            actor=actor,
            detail=lambda case_id: details.case_detail(store, case_id, role=actor.role, viewer_id=actor.user_id),
            steps={name: bind(service) for name, service in _STEP_SERVICES.items()},
            pending_proposals=lambda case_id: [p for p in proposals.pending_proposals(store) if p.case_id == case_id],
            confirm_proposal=lambda proposal_id: proposals.confirm(store, actor, proposal_id),
            reject_proposal=lambda proposal_id, remark="": proposals.reject(store, actor, proposal_id, remark=remark),
            attachments=AttachmentServices.for_store(store, actor),
            documents=DocumentServices.for_store(store, actor),
            editing=edit_services(store, actor),
            conflicts=ConflictServices.for_store(store, actor),
        )


class CaseDetailView(QWidget):
    """The case detail. ``reload()`` reads the case again; ``changed(case_id)`` follows every step.

    Each step button opens its dialog with ``open()`` (the view does not block) and emits
    ``dialog_opened`` with it; ``open_step(name)`` does the same and returns the dialog.
    """

    changed = Signal(int)
    dialog_opened = Signal(QDialog)

    def __init__(self, services: CaseServices, case_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._case_id = case_id
        self._detail: CaseDetail | None = None
        self.step_buttons: dict[str, QPushButton] = {}

        self.number_label = QLabel()
        font = self.number_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label = QLabel()

        self.deadline_box = QGroupBox(self.tr("期限"))
        self._deadline_grid = QGridLayout(self.deadline_box)
        self.deadline_labels: list[QLabel] = []

        self.proposal_box = ProposalBox(services.actor, services.confirm_proposal, services.reject_proposal)
        self.proposal_box.dialog_opened.connect(self.dialog_opened)
        self.proposal_box.decided.connect(self._finish)
        self.proposal_box.failed.connect(self._notify)

        self.conflict_notice = ConflictNotice(services.conflicts) if services.conflicts is not None else None
        if self.conflict_notice is not None:
            self.conflict_notice.dialog_opened.connect(self.dialog_opened)
            self.conflict_notice.resolved.connect(lambda _case_id: self._finish(self.tr("已处理同步冲突。")))

        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice_label.hide()

        self._steps_grid = QGridLayout()

        self.facts = CaseFactsTab()
        self.work = CaseWorkTab()
        self.editing = CaseEditing(self, services.editing, services.actor)

        self.timeline = HistoryTimeline()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._scrolled(self.facts), self.tr("案件信息"))
        self.tabs.addTab(self._scrolled(self.work), self.tr("调解与回访"))
        self.tabs.addTab(self.timeline, self.tr("办理记录"))
        self.attachments = AttachmentsTab(services.attachments)
        self.tabs.addTab(self.attachments, self.tr("附件"))
        self.attachments.count_changed.connect(self._show_attachment_count)
        self.attachments.changed.connect(self._after_attachments)
        self.documents = DocumentsTab(services.documents)
        self.tabs.addTab(self.documents, self.tr("文书"))
        self.documents.dialog_opened.connect(self.dialog_opened)
        self.documents.issued.connect(self._after_document)
        self.proposal_box.confirmed.connect(self.documents.offer_after)

        layout = QVBoxLayout(self)
        layout.addWidget(self.number_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.deadline_box)
        layout.addWidget(self.proposal_box)
        if self.conflict_notice is not None:
            layout.addWidget(self.conflict_notice)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice_label, stretch=1)
        notice_row.addWidget(self.editing.undo_button)
        layout.addLayout(notice_row)
        layout.addWidget(self.documents.offer_bar)
        layout.addLayout(self._steps_grid)
        layout.addWidget(self.tabs, stretch=1)

        self.facts.full_numbers_toggled.connect(self.timeline.set_full_numbers)
        self.reload()

    @property
    def case_id(self) -> int:
        return self._case_id

    @property
    def detail(self) -> CaseDetail | None:
        return self._detail

    def set_case(self, case_id: int) -> None:
        self._case_id = case_id
        self.notice_label.hide()
        self.full_numbers_check.setChecked(False)
        self.reload()

    def reload(self) -> None:
        """Read the case again and show it as it is now."""
        detail = self._services.detail(self._case_id)
        pending = self._services.pending_proposals(self._case_id)
        self._detail = detail
        self.number_label.setText(detail.number)
        self.summary_label.setText(
            " · ".join(
                [
                    CaseWords.kind(detail.kind),
                    CaseWords.channel(detail.channel),
                    CaseWords.state(detail.state),
                    detail.rule.title,
                ]
            )
        )
        self._show_deadlines(detail.deadlines)
        self.proposal_box.show_proposal(detail, pending[0] if pending else None)
        if self.conflict_notice is not None:
            self.conflict_notice.show_case(detail.id, detail.number)
        self._show_steps(detail)
        self.facts.show_case(detail)
        self.work.show_case(detail)
        self.timeline.set_history(detail.history, detail.rule, detail.names)
        self.attachments.show_case(detail.id)
        self.documents.show_case(detail.id)

    # --- steps ------------------------------------------------------------------------------

    def open_step(self, name: str) -> StepDialog:
        """Open the dialog of step ``name`` for this case (without blocking) and return it."""
        detail = self._detail
        service = self._services.steps[name]
        case_id = self._case_id
        dialog = step_dialog(
            name, detail, lambda **values: service(case_id, **values), self, actor=self._services.actor
        )
        dialog.accepted.connect(lambda: self._after_step(dialog.step_label(), dialog.outcome))
        # Only once the step has succeeded: the document is offered, the step never waits on it.
        dialog.accepted.connect(lambda: self.documents.offer_after(name))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _after_step(self, label: str, outcome: object) -> None:
        if isinstance(outcome, Outcome) and not outcome.applied:
            notice = self.tr("已提交站长确认：“{step}”须经站长确认后生效，案件状态暂不改变。").format(step=label)
        else:
            notice = self.tr("已办理：{step}").format(step=label)
        self._finish(notice)

    def _show_attachment_count(self, count: int) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.attachments), self.tr("附件 ({count})").format(count=count))

    def _after_attachments(self) -> None:
        """An attachment added or removed is a change of the case: its history grew."""
        self.reload()
        self.changed.emit(self._case_id)

    def _after_document(self) -> None:
        """An issued document is recorded in the case's history."""
        self.reload()
        self.changed.emit(self._case_id)

    def _finish(self, notice: str) -> None:
        self.reload()
        self._notify(notice)
        self.changed.emit(self._case_id)

    def _notify(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.show()

    def _show_steps(self, detail: CaseDetail) -> None:
        clear_layout(self._steps_grid)
        self.step_buttons = {}
        # Editing has its own button in the facts tab, and F2 (``case_editing``).
        steps = [step for step in detail.steps if step.name != "edit"]
        for index, step in enumerate(steps):
            button = QPushButton(CaseWords.action(step.name, step.label))
            button.clicked.connect(lambda _checked=False, name=step.name: self.open_step(name))
            self._steps_grid.addWidget(button, index // STEP_COLUMNS, index % STEP_COLUMNS)
            self.step_buttons[step.name] = button

    # --- showing the case -------------------------------------------------------------------

    def deadline_texts(self) -> list[str]:
        return [label.text() for label in self.deadline_labels]

    def _show_deadlines(self, deadlines: list[Deadline]) -> None:
        clear_layout(self._deadline_grid)
        self.deadline_labels = []
        today = clock.today()
        style = QApplication.style()
        size = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        for row, deadline in enumerate(deadlines):
            state = deadline.state(today)
            mark = CaseWords.deadline_state(state)
            due = deadline.due.isoformat()
            if deadline.provisional:
                # The count ran into a year whose official holidays are not published yet.
                due += self.tr("（暂定）")
            icon = QLabel()
            icon.setPixmap(deadline_icon(state).pixmap(QSize(size, size), icon.devicePixelRatioF()))
            icon.setAccessibleName(mark)
            text = QLabel(
                self.tr("{label}（{article}）：{due} · {mark}").format(
                    label=CaseWords.deadline(deadline.kind, deadline.label), article=deadline.article, due=due, mark=mark
                )
            )
            self._deadline_grid.addWidget(icon, row, 0)
            self._deadline_grid.addWidget(text, row, 1)
            self.deadline_labels.append(text)
        if not deadlines:
            self._deadline_grid.addWidget(QLabel(self.tr("没有进行中的期限")), 0, 0, 1, 2)
        self._deadline_grid.setColumnStretch(1, 1)

    def field_text(self, label: str) -> str | None:
        """The value shown in the fields form for the row called ``label``, if there is one."""
        return self.facts.field_text(label)

    @property
    def party_labels(self) -> list[QLabel]:
        return self.facts.party_labels

    @property
    def full_numbers_check(self) -> QCheckBox:
        return self.facts.full_numbers_check

    @staticmethod
    def _scrolled(widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(widget)
        return area
