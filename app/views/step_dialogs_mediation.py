"""Dialogs for mediation (Art. 18–26): sessions, clock pauses, the agreement and the follow-up."""

from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.domain.vocabulary import PauseKind, SessionMode
from app.services.mediation import SATISFACTION
from app.views.case_words import CaseWords
from app.views.step_dialogs_base import StepDialog

RECORD_OUTLINE = "一、双方陈述\n二、调解员释明\n三、调解意见\n四、结果"


class SessionFields:
    """Time, place, mode and mediators of a session, as rows of a form."""

    def __init__(self, dialog: StepDialog, form: QFormLayout, starts_at: datetime):
        self.starts_at_edit = dialog._date_time_edit(starts_at)
        self.place_edit = QLineEdit()
        self.mode_combo = QComboBox()
        for mode in SessionMode:
            self.mode_combo.addItem(CaseWords.session_mode(mode), mode)
        self.mediators_edit = QLineEdit(dialog.actor.display_name if dialog.actor else "")
        self.mediators_edit.setPlaceholderText(
            QCoreApplication.translate("SessionFields", "多人用“、”分隔；与当事人同名者须回避")
        )
        rows = (
            (QCoreApplication.translate("SessionFields", "调解时间"), "starts_at", self.starts_at_edit),
            (QCoreApplication.translate("SessionFields", "调解地点"), "place", self.place_edit),
            (QCoreApplication.translate("SessionFields", "调解方式"), "mode", self.mode_combo),
            (QCoreApplication.translate("SessionFields", "调解人员"), "mediators", self.mediators_edit),
        )
        for label, field, widget in rows:
            dialog._row(label, field, widget, form=form)
        self._dialog = dialog

    def values(self) -> dict[str, Any]:
        return {
            "starts_at": self._dialog._moment(self.starts_at_edit),
            "place": self.place_edit.text(),
            "mode": SessionMode(self.mode_combo.currentData()),
            "mediators": self.mediators_edit.text(),
        }


class ScheduleSessionDialog(StepDialog):
    """安排调解: time, place, on site or remote, mediators, participants (调解通知书, Art. 20)."""

    step = "schedule_session"

    def _build(self) -> None:
        tomorrow = clock.today() + timedelta(days=1)
        starts = datetime.combine(tomorrow, time(9, 0), tzinfo=clock.CHINA)
        self.session_fields = SessionFields(self, self.form, starts)
        self.participants_edit = self._text_edit(lines=3)
        self._row(self.tr("参加人员"), "participants", self.participants_edit)

    def values(self) -> dict[str, Any]:
        return {**self.session_fields.values(), "participants": self.participants_edit.toPlainText()}


class RecordSessionDialog(StepDialog):
    """记录调解: pick a scheduled session, or enter one held without notice; then the record,
    which starts from the usual outline."""

    step = "record_session"

    def _build(self) -> None:
        self.session_combo = QComboBox()
        for meeting in self.detail.sessions:
            if not meeting.held:
                text = self.tr("{when} · {mode} · {place}").format(
                    when=clock.format_local(meeting.starts_at),
                    mode=CaseWords.session_mode(meeting.mode),
                    place=meeting.place,
                )
                self.session_combo.addItem(text, meeting.id)
        self.session_combo.addItem(self.tr("未经安排的场次（在下面填写）"), None)
        self._row(self.tr("调解场次"), "session_id", self.session_combo)
        self.new_session = QWidget()
        new_form = QFormLayout(self.new_session)
        new_form.setContentsMargins(0, 0, 0, 0)
        now = clock.now().replace(second=0, microsecond=0)
        self.session_fields = SessionFields(self, new_form, now)
        self.form.addRow(self.new_session)
        self.participants_edit = self._text_edit(lines=2)
        self._row(self.tr("参加人员"), "participants", self.participants_edit)
        self.record_edit = self._text_edit(RECORD_OUTLINE, lines=10)
        self._row(self.tr("调解记录"), "record", self.record_edit)
        self.session_combo.currentIndexChanged.connect(self._on_session_chosen)
        self._on_session_chosen()

    def _on_session_chosen(self) -> None:
        self.new_session.setEnabled(self.session_combo.currentData() is None)

    def values(self) -> dict[str, Any]:
        common = {"record": self.record_edit.toPlainText(), "participants": self.participants_edit.toPlainText()}
        session_id = self.session_combo.currentData()
        if session_id is not None:
            return {"session_id": session_id, **common}
        return {**self.session_fields.values(), **common}


class PauseClockDialog(StepDialog):
    """中止计时: 鉴定检测 (Art. 22, the days do not count) or a 回避 request (Art. 21)."""

    step = "pause_clock"

    def _build(self) -> None:
        self._note(self.tr("鉴定、检测期间不计入调解期限；回避申请决定前，调解中止。"))
        self.kind_combo = QComboBox()
        for kind in PauseKind:
            self.kind_combo.addItem(CaseWords.pause_kind(kind), kind)
        self._row(self.tr("中止原因"), "kind", self.kind_combo)
        self.started_on_edit = self._date_edit(latest=clock.today())
        self._row(self.tr("开始日期"), "started_on", self.started_on_edit)
        self.detail_edit = self._text_edit()
        self._row(self.tr("说明"), "detail", self.detail_edit)

    def values(self) -> dict[str, Any]:
        return {
            "kind": PauseKind(self.kind_combo.currentData()),
            "started_on": self.started_on_edit.date().toPython(),
            "detail": self.detail_edit.toPlainText(),
        }


class ResumeClockDialog(StepDialog):
    """恢复计时: the open pause ends (the result came back, or the 回避 request was decided)."""

    step = "resume_clock"

    def _build(self) -> None:
        self.pause_combo = QComboBox()
        for pause in self.detail.pauses:
            if pause.ended_on is None:
                text = self.tr("{kind} · {day} 起 · {detail}").format(
                    kind=CaseWords.pause_kind(pause.kind), day=pause.started_on.isoformat(), detail=pause.detail
                )
                self.pause_combo.addItem(text, pause.id)
        self._row(self.tr("中止记录"), "pause_id", self.pause_combo)
        if self.pause_combo.count() == 0:
            self._note(self.tr("本案没有尚未结束的中止。"))
        self.ended_on_edit = self._date_edit(latest=clock.today())
        self._row(self.tr("结束日期"), "ended_on", self.ended_on_edit)
        self.outcome_edit = self._text_edit()
        self._row(self.tr("结果"), "outcome", self.outcome_edit)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.ok_button.setEnabled(self.pause_combo.count() > 0)

    def values(self) -> dict[str, Any]:
        return {
            "pause_id": self.pause_combo.currentData(),
            "ended_on": self.ended_on_edit.date().toPython(),
            "outcome": self.outcome_edit.toPlainText(),
        }


class ClauseList(QWidget):
    """Numbered clauses of an agreement: one row each, numbered by the row header."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = QTableWidget(0, 1)
        self.table.setHorizontalHeaderLabels([self.tr("条款内容")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Tab leaves the list; arrows move between clauses, F2 or typing edits one.
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("协议条款"))
        self.add_button = QPushButton(self.tr("添加条款"))
        self.remove_button = QPushButton(self.tr("删除条款"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self.remove_current)

    def add_clause(self, text: str = "") -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(text))
        self.table.setCurrentCell(row, 0)
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def clauses(self) -> list[str]:
        return [self.table.item(row, 0).text() if self.table.item(row, 0) else "" for row in range(self.table.rowCount())]

    def _on_add(self) -> None:
        row = self.add_clause()
        self.table.setFocus()
        self.table.editItem(self.table.item(row, 0))


class AgreementDialog(StepDialog):
    """调解成功: numbered terms, the amount recovered, and whether a 调解书 is made (Art. 24)."""

    step = "record_agreement"

    def _build(self) -> None:
        self.clause_list = ClauseList()
        self.clause_list.add_clause()
        self._row(self.tr("协议条款"), "terms", self.clause_list, focus=self.clause_list.table)
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(self.tr("元，如 1200.00"))
        self._row(self.tr("挽回经济损失"), "amount_recovered", self.amount_edit)
        self.agreed_on_edit = self._date_edit(latest=clock.today())
        self._row(self.tr("达成协议日期"), "agreed_on", self.agreed_on_edit)
        self.document_check = QCheckBox(self.tr("制作调解书"))
        self.document_check.setChecked(True)
        self._row(self.tr("调解书"), "make_document", self.document_check)
        self._note(self.tr("第二十四条：调解协议已当即履行，或者双方同意不制作的，可以不制作调解书。"))

    def values(self) -> dict[str, Any]:
        return {
            "terms": self.clause_list.clauses(),
            "amount_recovered": self.amount_edit.text(),
            "make_document": self.document_check.isChecked(),
            "agreed_on": self.agreed_on_edit.date().toPython(),
        }


class FollowUpDialog(StepDialog):
    """回访 (Art. 26): date, method, reached or not, and the satisfaction when reached."""

    step = "record_follow_up"

    def _build(self) -> None:
        self.visited_on_edit = self._date_edit(latest=clock.today())
        self._row(self.tr("回访日期"), "visited_on", self.visited_on_edit)
        self.method_combo = QComboBox()
        # Stored in Chinese whatever the interface language, like the rest of the record.
        for stored, shown in (
            ("电话", self.tr("电话")),
            ("短信", self.tr("短信")),
            ("微信", self.tr("微信")),
            ("上门", self.tr("上门")),
            ("信函", self.tr("信函")),
        ):
            self.method_combo.addItem(shown, stored)
        self._row(self.tr("回访方式"), "method", self.method_combo)
        self.reached_check = QCheckBox(self.tr("已联系上当事人"))
        self.reached_check.setChecked(True)
        self._row(self.tr("联系情况"), "reached", self.reached_check)
        self.satisfaction_combo = QComboBox()
        self.satisfaction_combo.setPlaceholderText(self.tr("请选择"))
        for code in SATISFACTION:
            self.satisfaction_combo.addItem(CaseWords.satisfaction(code), code)
        self.satisfaction_combo.setCurrentIndex(-1)
        self._row(self.tr("满意度"), "satisfaction", self.satisfaction_combo)
        self.remarks_edit = self._text_edit(lines=3)
        self._row(self.tr("备注"), "remarks", self.remarks_edit)
        self.reached_check.toggled.connect(self.satisfaction_combo.setEnabled)

    def values(self) -> dict[str, Any]:
        reached = self.reached_check.isChecked()
        return {
            "visited_on": self.visited_on_edit.date().toPython(),
            "method": self.method_combo.currentData(),
            "reached": reached,
            "satisfaction": self.satisfaction_combo.currentData() if reached else None,
            "remarks": self.remarks_edit.toPlainText(),
        }
