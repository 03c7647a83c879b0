"""The case detail's two reading tabs: the facts of the case (fields and parties, with the
buttons that correct them) and the mediation work (sessions, clock pauses, follow-ups)."""

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.domain.grounds import refusal_grounds, termination_grounds
from app.domain.privacy import mask_id, mask_phone
from app.domain.vocabulary import CaseKind
from app.services.details import CaseDetail, PartyView
from app.views.case_words import CaseWords, category_text


def clear_layout(layout: QLayout) -> None:
    """Remove and delete everything in ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif inner is not None:
            clear_layout(inner)


class CaseFactsTab(QWidget):
    """Every field of the case and its parties; numbers masked until the user asks.

    The 编辑 and 编辑当事人 buttons show while the case may still be corrected (the lifecycle's
    ``edit`` step); they only ask, the case detail opens the dialogs.

    Signals:
        full_numbers_toggled(bool): the "显示完整号码" box changed.
        edit_requested(): 编辑 was pressed.
        party_edit_requested(int): 编辑当事人 was pressed beside the party with this id.
    """

    full_numbers_toggled = Signal(bool)
    edit_requested = Signal()
    party_edit_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._detail: CaseDetail | None = None
        self.edit_button = QPushButton(self.tr("编辑"))
        self.edit_button.setToolTip(self.tr("修改案件信息（F2）"))
        self.fields_form = QFormLayout()
        self.full_numbers_check = QCheckBox(self.tr("显示完整号码"))
        self.parties_layout = QVBoxLayout()
        self.party_labels: list[QLabel] = []
        self.party_edit_buttons: dict[int, QPushButton] = {}
        parties_box = QGroupBox(self.tr("当事人"))
        parties_column = QVBoxLayout(parties_box)
        parties_column.addWidget(self.full_numbers_check)
        parties_column.addLayout(self.parties_layout)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.edit_button)
        column = QVBoxLayout(self)
        column.addLayout(buttons)
        column.addLayout(self.fields_form)
        column.addWidget(parties_box)
        column.addStretch()
        self.full_numbers_check.toggled.connect(self._on_full_numbers)
        self.edit_button.clicked.connect(self.edit_requested)

    @property
    def editable(self) -> bool:
        """Whether the user may correct this case now."""
        return self._detail is not None and any(step.name == "edit" for step in self._detail.steps)

    def _on_full_numbers(self, full: bool) -> None:
        if self._detail is not None:
            self._show_parties()
        self.full_numbers_toggled.emit(full)

    def field_text(self, label: str) -> str | None:
        """The value shown in the fields form for the row called ``label``, if there is one."""
        for row in range(self.fields_form.rowCount()):
            name = self.fields_form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            value = self.fields_form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if name and value and name.widget().text() == label:
                return value.widget().text()
        return None

    def show_case(self, d: CaseDetail) -> None:
        self._detail = d
        self.edit_button.setVisible(self.editable)
        self._show_fields(d)
        self._show_parties()

    def _show_fields(self, d: CaseDetail) -> None:
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        entered = clock.format_local(d.entered_at)
        if d.channel.is_dispatched and not d.entered_within_hour:
            entered += self.tr("（收到后超过一小时登记）")
        request_label = {
            CaseKind.COMPLAINT: self.tr("投诉请求"),
            CaseKind.REPORT: self.tr("举报事项"),
            CaseKind.INQUIRY: self.tr("咨询事项"),
        }[d.kind]
        rows = [
            (self.tr("收到时间"), clock.format_local(d.received_at)),
            (self.tr("登记时间"), entered),
            (self.tr("平台工单号"), d.platform_ref),
            (request_label, d.request),
            (self.tr("事实和理由"), d.facts),
            (self.tr("涉及金额"), self._money(d.amount_involved)),
            (self.tr("消费类别"), category_text(d.category_names)),
            (self.tr("问题类别"), d.problem_name),
            (self.tr("同意公示"), self._yes_no(d.consent_publish)),
            (self.tr("同意委托调解"), self._yes_no(d.consent_entrusted_mediation)),
            (self.tr("承办调解员"), d.mediator_name),
        ]
        if d.is_group:
            rows.append((self.tr("群体投诉"), self.tr("是")))
        if d.linked_case_id is not None:
            rows.append((self.tr("关联案件"), self.tr("同一次提交另登记的案件（内部号 {id}）").format(id=d.linked_case_id)))
        refused = d.refusal_ground is not None
        optional = [
            (self.tr("不予受理决定日期") if refused else self.tr("受理日期"), d.decided_on),
            (self.tr("不予受理理由"), self._ground(refusal_grounds, d.refusal_ground)),
            (self.tr("不予受理具体理由"), d.refusal_reason),
            (self.tr("办理结果日期"), d.outcome_on),
            (self.tr("调解协议"), "\n".join(f"{i}. {t}" for i, t in enumerate(d.agreement_terms, start=1))),
            (self.tr("挽回经济损失"), self._money(d.amount_recovered)),
            (self.tr("制作调解书"), self._yes_no(d.agreement_document, unknown="")),
            (self.tr("终止调解理由"), self._ground(termination_grounds, d.termination_ground)),
            (self.tr("终止调解具体理由"), d.termination_reason),
            (self.tr("终止调解告知日期"), d.termination_notified_on),
            (self.tr("核查期限"), self.tr("已延长") if d.check_extended else ""),
            (self.tr("办结日期"), d.closed_on),
            (self.tr("作废原因"), d.void_reason),
        ]
        rows += [(label, value) for label, value in optional if value]
        for label, value in rows:
            shown = QLabel(str(value) if value not in (None, "") else self.tr("—"))
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields_form.addRow(label, shown)

    def _money(self, amount: Decimal | None) -> str:
        return "" if amount is None else self.tr("{amount} 元").format(amount=f"{amount:,.2f}")

    def _yes_no(self, value: bool | None, *, unknown: str | None = None) -> str:
        if value is None:
            return self.tr("未说明") if unknown is None else unknown
        return self.tr("是") if value else self.tr("否")

    def _ground(self, grounds_of, number: int | None) -> str:
        if number is None:
            return ""
        grounds = grounds_of(self._detail.rule)
        ground = grounds.grounds[number - 1]
        return f"{grounds.article}{ground.item}{ground.text}"

    def _show_parties(self) -> None:
        clear_layout(self.parties_layout)
        self.party_labels = []
        self.party_edit_buttons = {}
        for party in self._detail.parties:
            label = QLabel(self._party_text(party))
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            # One widget per party, so that clear_layout deletes the label and its button together.
            holder = QWidget()
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(label, 1)
            if self.editable and not party.withheld:
                button = QPushButton(self.tr("编辑当事人"))
                button.setAccessibleName(self.tr("编辑当事人：{name}").format(name=party.name))
                button.clicked.connect(
                    lambda _checked=False, party_id=party.id: self.party_edit_requested.emit(party_id)
                )
                row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
                self.party_edit_buttons[party.id] = button
            self.parties_layout.addWidget(holder)
            self.party_labels.append(label)

    def _party_text(self, p: PartyView) -> str:
        full = self.full_numbers_check.isChecked()
        role = CaseWords.party_role(p.role)
        if p.is_representative:
            role += self.tr("（代表人）")
        parts = []
        if p.phone:
            parts.append(self.tr("电话 {phone}").format(phone=p.phone if full else mask_phone(p.phone)))
        if p.address:
            parts.append(self.tr("地址 {address}").format(address=p.address))
        if p.id_number:
            number = p.id_number if full else mask_id(p.id_number)
            parts.append(f"{CaseWords.id_type(p.id_type or 'other')} {number}")
        if p.credit_code:
            parts.append(self.tr("统一社会信用代码 {code}").format(code=p.credit_code))
        if p.legal_representative:
            parts.append(self.tr("法定代表人 {name}").format(name=p.legal_representative))
        if p.contact:
            parts.append(self.tr("联系人 {contact}").format(contact=p.contact))
        if p.poa_matters or p.poa_powers:
            parts.append(
                self.tr("委托事项 {matters}；权限 {powers}；期限 {start} 至 {end}").format(
                    matters=p.poa_matters or "", powers=p.poa_powers or "",
                    start=p.poa_valid_from or "", end=p.poa_valid_to or "",
                )
            )
        head = self.tr("{role}：{name}").format(role=role, name=p.name)
        return head + ("\n" + " · ".join(parts) if parts else "")


class CaseWorkTab(QWidget):
    """Mediation sessions, clock pauses and follow-ups, oldest first."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sessions_layout = QVBoxLayout()
        self.pauses_layout = QVBoxLayout()
        self.follow_ups_layout = QVBoxLayout()
        column = QVBoxLayout(self)
        for title, layout in (
            (self.tr("调解场次"), self.sessions_layout),
            (self.tr("中止计时"), self.pauses_layout),
            (self.tr("回访"), self.follow_ups_layout),
        ):
            box = QGroupBox(title)
            box.setLayout(layout)
            column.addWidget(box)
        column.addStretch()

    def show_case(self, d: CaseDetail) -> None:
        sessions = []
        for s in d.sessions:
            line = self.tr("{when} · {mode} · {place} · 调解人员 {mediators} · {held}").format(
                when=clock.format_local(s.starts_at),
                mode=CaseWords.session_mode(s.mode),
                place=s.place,
                mediators=s.mediators,
                held=self.tr("已记录") if s.held else self.tr("待举行"),
            )
            if s.participants:
                line += "\n" + self.tr("参加人员：{who}").format(who=s.participants)
            if s.record:
                line += "\n" + s.record
            sessions.append(line)
        pauses = [
            self.tr("{kind} · {start} 至 {end} · {detail}").format(
                kind=CaseWords.pause_kind(p.kind),
                start=p.started_on.isoformat(),
                end=p.ended_on.isoformat() if p.ended_on else self.tr("（未结束）"),
                detail=p.detail,
            )
            + (("\n" + self.tr("结果：{outcome}").format(outcome=p.outcome)) if p.outcome else "")
            for p in d.pauses
        ]
        follow_ups = [
            " · ".join(
                part
                for part in (
                    f.visited_on.isoformat(),
                    f.method,
                    self.tr("已联系上") if f.reached else self.tr("未联系上"),
                    CaseWords.satisfaction(f.satisfaction) if f.satisfaction else "",
                    f.remarks or "",
                )
                if part
            )
            for f in d.follow_ups
        ]
        for layout, lines in (
            (self.sessions_layout, sessions),
            (self.pauses_layout, pauses),
            (self.follow_ups_layout, follow_ups),
        ):
            clear_layout(layout)
            for line in lines or [self.tr("暂无")]:
                label = QLabel(line)
                label.setWordWrap(True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                layout.addWidget(label)
