"""The history of a case as a timeline: who, when (Beijing time), what, and each field old → new.

``CaseWords`` also lives here: the domain's fixed words (states, steps, modes, field names) as the
desk shows them, translated through Qt. The case detail and the step dialogs use it too.
"""

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.domain import clock
from app.domain.grounds import refusal_grounds, termination_grounds
from app.domain.privacy import mask_id, mask_phone
from app.domain.rules import Rule
from app.services.details import HistoryView

_CONTEXT = "CaseWords"

_STATES = {
    "registered": QT_TRANSLATE_NOOP("CaseWords", "已登记"),
    "accepted": QT_TRANSLATE_NOOP("CaseWords", "已受理"),
    "not_accepted": QT_TRANSLATE_NOOP("CaseWords", "不予受理"),
    "mediating": QT_TRANSLATE_NOOP("CaseWords", "调解中"),
    "agreed": QT_TRANSLATE_NOOP("CaseWords", "调解成功"),
    "terminated": QT_TRANSLATE_NOOP("CaseWords", "终止调解"),
    "withdrawn": QT_TRANSLATE_NOOP("CaseWords", "已撤回"),
    "followed_up": QT_TRANSLATE_NOOP("CaseWords", "已回访"),
    "checking": QT_TRANSLATE_NOOP("CaseWords", "核查中"),
    "filed": QT_TRANSLATE_NOOP("CaseWords", "已立案"),
    "not_filed": QT_TRANSLATE_NOOP("CaseWords", "不予立案"),
    "answered": QT_TRANSLATE_NOOP("CaseWords", "已答复"),
    "closed": QT_TRANSLATE_NOOP("CaseWords", "已办结"),
    "voided": QT_TRANSLATE_NOOP("CaseWords", "已作废"),
}

# The lifecycle's steps (app/domain/lifecycle.py) and the other actions the history records.
_ACTIONS = {
    "register": QT_TRANSLATE_NOOP("CaseWords", "登记"),
    "accept": QT_TRANSLATE_NOOP("CaseWords", "受理"),
    "refuse": QT_TRANSLATE_NOOP("CaseWords", "不予受理"),
    "schedule_session": QT_TRANSLATE_NOOP("CaseWords", "安排调解"),
    "record_session": QT_TRANSLATE_NOOP("CaseWords", "记录调解"),
    "pause_clock": QT_TRANSLATE_NOOP("CaseWords", "中止计时（鉴定检测/回避）"),
    "resume_clock": QT_TRANSLATE_NOOP("CaseWords", "恢复计时"),
    "record_agreement": QT_TRANSLATE_NOOP("CaseWords", "调解成功"),
    "terminate": QT_TRANSLATE_NOOP("CaseWords", "终止调解"),
    "notify_termination": QT_TRANSLATE_NOOP("CaseWords", "告知终止调解"),
    "withdraw": QT_TRANSLATE_NOOP("CaseWords", "撤回投诉"),
    "record_follow_up": QT_TRANSLATE_NOOP("CaseWords", "回访"),
    "start_check": QT_TRANSLATE_NOOP("CaseWords", "开始核查"),
    "extend_check": QT_TRANSLATE_NOOP("CaseWords", "延长核查期限"),
    "decide_filing": QT_TRANSLATE_NOOP("CaseWords", "立案决定"),
    "answer": QT_TRANSLATE_NOOP("CaseWords", "答复咨询"),
    "close": QT_TRANSLATE_NOOP("CaseWords", "办结"),
    "edit": QT_TRANSLATE_NOOP("CaseWords", "修改"),
    "void": QT_TRANSLATE_NOOP("CaseWords", "作废"),
    "edit_party": QT_TRANSLATE_NOOP("CaseWords", "修改当事人信息"),
    "propose_refuse": QT_TRANSLATE_NOOP("CaseWords", "提议不予受理（待站长确认）"),
    "propose_terminate": QT_TRANSLATE_NOOP("CaseWords", "提议终止调解（待站长确认）"),
    "reject_refuse": QT_TRANSLATE_NOOP("CaseWords", "站长驳回不予受理提议"),
    "reject_terminate": QT_TRANSLATE_NOOP("CaseWords", "站长驳回终止调解提议"),
}

_FIELDS = {
    "number": QT_TRANSLATE_NOOP("CaseWords", "编号"),
    "kind": QT_TRANSLATE_NOOP("CaseWords", "类别"),
    "state": QT_TRANSLATE_NOOP("CaseWords", "状态"),
    "platform_ref": QT_TRANSLATE_NOOP("CaseWords", "平台工单号"),
    "mediator_id": QT_TRANSLATE_NOOP("CaseWords", "承办调解员"),
    "request": QT_TRANSLATE_NOOP("CaseWords", "请求事项"),
    "facts": QT_TRANSLATE_NOOP("CaseWords", "事实和理由"),
    "amount_involved": QT_TRANSLATE_NOOP("CaseWords", "涉及金额"),
    "category_code": QT_TRANSLATE_NOOP("CaseWords", "消费类别"),
    "problem_code": QT_TRANSLATE_NOOP("CaseWords", "问题类别"),
    "consent_publish": QT_TRANSLATE_NOOP("CaseWords", "同意公示"),
    "consent_entrusted_mediation": QT_TRANSLATE_NOOP("CaseWords", "同意委托调解"),
    "decided_on": QT_TRANSLATE_NOOP("CaseWords", "决定日期"),
    "refusal_ground": QT_TRANSLATE_NOOP("CaseWords", "不予受理理由"),
    "refusal_reason": QT_TRANSLATE_NOOP("CaseWords", "不予受理具体理由"),
    "mediation_started_on": QT_TRANSLATE_NOOP("CaseWords", "开始调解日期"),
    "outcome_on": QT_TRANSLATE_NOOP("CaseWords", "办理结果日期"),
    "agreement_terms": QT_TRANSLATE_NOOP("CaseWords", "调解协议"),
    "agreement_document": QT_TRANSLATE_NOOP("CaseWords", "制作调解书"),
    "amount_recovered": QT_TRANSLATE_NOOP("CaseWords", "挽回经济损失"),
    "termination_ground": QT_TRANSLATE_NOOP("CaseWords", "终止调解理由"),
    "termination_reason": QT_TRANSLATE_NOOP("CaseWords", "终止调解具体理由"),
    "termination_notified_on": QT_TRANSLATE_NOOP("CaseWords", "终止调解告知日期"),
    "withdrawal_reason": QT_TRANSLATE_NOOP("CaseWords", "撤回说明"),
    "check_extended": QT_TRANSLATE_NOOP("CaseWords", "核查期限已延长"),
    "report_decision_reason": QT_TRANSLATE_NOOP("CaseWords", "立案决定理由"),
    "answer": QT_TRANSLATE_NOOP("CaseWords", "答复内容"),
    "closed_on": QT_TRANSLATE_NOOP("CaseWords", "办结日期"),
    "void_reason": QT_TRANSLATE_NOOP("CaseWords", "作废原因"),
    "reason": QT_TRANSLATE_NOOP("CaseWords", "理由"),
    "remark": QT_TRANSLATE_NOOP("CaseWords", "意见"),
    "ground": QT_TRANSLATE_NOOP("CaseWords", "理由项"),
    # A mediation session, a clock pause, a follow-up
    "session": QT_TRANSLATE_NOOP("CaseWords", "调解场次"),
    "starts_at": QT_TRANSLATE_NOOP("CaseWords", "调解时间"),
    "place": QT_TRANSLATE_NOOP("CaseWords", "调解地点"),
    "mode": QT_TRANSLATE_NOOP("CaseWords", "调解方式"),
    "mediators": QT_TRANSLATE_NOOP("CaseWords", "调解人员"),
    "participants": QT_TRANSLATE_NOOP("CaseWords", "参加人员"),
    "record": QT_TRANSLATE_NOOP("CaseWords", "调解记录"),
    "pause": QT_TRANSLATE_NOOP("CaseWords", "中止计时"),
    "started_on": QT_TRANSLATE_NOOP("CaseWords", "开始日期"),
    "ended_on": QT_TRANSLATE_NOOP("CaseWords", "结束日期"),
    "detail": QT_TRANSLATE_NOOP("CaseWords", "说明"),
    "outcome": QT_TRANSLATE_NOOP("CaseWords", "结果"),
    "follow_up": QT_TRANSLATE_NOOP("CaseWords", "回访"),
    "visited_on": QT_TRANSLATE_NOOP("CaseWords", "回访日期"),
    "method": QT_TRANSLATE_NOOP("CaseWords", "回访方式"),
    "reached": QT_TRANSLATE_NOOP("CaseWords", "联系上当事人"),
    "satisfaction": QT_TRANSLATE_NOOP("CaseWords", "满意度"),
    "remarks": QT_TRANSLATE_NOOP("CaseWords", "备注"),
    "proposal": QT_TRANSLATE_NOOP("CaseWords", "提议"),
    # A party's details
    "party": QT_TRANSLATE_NOOP("CaseWords", "当事人"),
    "name": QT_TRANSLATE_NOOP("CaseWords", "姓名或名称"),
    "phone": QT_TRANSLATE_NOOP("CaseWords", "电话"),
    "address": QT_TRANSLATE_NOOP("CaseWords", "地址"),
    "id_type": QT_TRANSLATE_NOOP("CaseWords", "证件类型"),
    "id_number": QT_TRANSLATE_NOOP("CaseWords", "证件号码"),
    "credit_code": QT_TRANSLATE_NOOP("CaseWords", "统一社会信用代码"),
    "legal_representative": QT_TRANSLATE_NOOP("CaseWords", "法定代表人"),
    "contact": QT_TRANSLATE_NOOP("CaseWords", "联系人"),
    "poa_matters": QT_TRANSLATE_NOOP("CaseWords", "委托事项"),
    "poa_powers": QT_TRANSLATE_NOOP("CaseWords", "委托权限"),
    "poa_valid_from": QT_TRANSLATE_NOOP("CaseWords", "委托期限起"),
    "poa_valid_to": QT_TRANSLATE_NOOP("CaseWords", "委托期限止"),
}

_KINDS = {
    "complaint": QT_TRANSLATE_NOOP("CaseWords", "投诉"),
    "report": QT_TRANSLATE_NOOP("CaseWords", "举报"),
    "inquiry": QT_TRANSLATE_NOOP("CaseWords", "咨询"),
}

_CHANNELS = {
    "on_site": QT_TRANSLATE_NOOP("CaseWords", "来人来访"),
    "phone": QT_TRANSLATE_NOOP("CaseWords", "电话"),
    "letter": QT_TRANSLATE_NOOP("CaseWords", "信函"),
    "12315": QT_TRANSLATE_NOOP("CaseWords", "12315平台"),
    "12345": QT_TRANSLATE_NOOP("CaseWords", "12345热线"),
}

_PARTY_ROLES = {
    "complainant": QT_TRANSLATE_NOOP("CaseWords", "投诉人"),
    "respondent": QT_TRANSLATE_NOOP("CaseWords", "被投诉人"),
    "reporter": QT_TRANSLATE_NOOP("CaseWords", "举报人"),
    "inquirer": QT_TRANSLATE_NOOP("CaseWords", "咨询人"),
    "agent": QT_TRANSLATE_NOOP("CaseWords", "委托代理人"),
}

_ID_TYPES = {
    "resident_id": QT_TRANSLATE_NOOP("CaseWords", "居民身份证"),
    "passport": QT_TRANSLATE_NOOP("CaseWords", "护照"),
    "hk_macao_permit": QT_TRANSLATE_NOOP("CaseWords", "港澳居民来往内地通行证"),
    "taiwan_permit": QT_TRANSLATE_NOOP("CaseWords", "台湾居民来往大陆通行证"),
    "foreign_permanent_id": QT_TRANSLATE_NOOP("CaseWords", "外国人永久居留身份证"),
    "other": QT_TRANSLATE_NOOP("CaseWords", "其他证件"),
}

_SESSION_MODES = {
    "on_site": QT_TRANSLATE_NOOP("CaseWords", "现场"),
    "online": QT_TRANSLATE_NOOP("CaseWords", "网络"),
    "phone": QT_TRANSLATE_NOOP("CaseWords", "电话"),
    "audio": QT_TRANSLATE_NOOP("CaseWords", "音频"),
    "video": QT_TRANSLATE_NOOP("CaseWords", "视频"),
}

_PAUSE_KINDS = {
    "testing": QT_TRANSLATE_NOOP("CaseWords", "鉴定检测"),
    "recusal": QT_TRANSLATE_NOOP("CaseWords", "回避申请"),
}

_SATISFACTION = {
    "very_satisfied": QT_TRANSLATE_NOOP("CaseWords", "非常满意"),
    "satisfied": QT_TRANSLATE_NOOP("CaseWords", "满意"),
    "neutral": QT_TRANSLATE_NOOP("CaseWords", "基本满意"),
    "dissatisfied": QT_TRANSLATE_NOOP("CaseWords", "不满意"),
}

_DEADLINES = {
    "acceptance": QT_TRANSLATE_NOOP("CaseWords", "受理决定期限"),
    "mediation": QT_TRANSLATE_NOOP("CaseWords", "调解期限"),
    "termination_notice": QT_TRANSLATE_NOOP("CaseWords", "终止调解告知期限"),
    "report_check": QT_TRANSLATE_NOOP("CaseWords", "举报核查期限"),
}

_DEADLINE_STATES = {
    "on_time": QT_TRANSLATE_NOOP("CaseWords", "未到期"),
    "due_soon": QT_TRANSLATE_NOOP("CaseWords", "即将到期"),
    "overdue": QT_TRANSLATE_NOOP("CaseWords", "已超期"),
    "paused": QT_TRANSLATE_NOOP("CaseWords", "已中止"),
}


def _word(table: dict[str, str], key: object, fallback: str = "") -> str:
    code = getattr(key, "value", key)
    source = table.get(code) if isinstance(code, str) else None
    if source is None:
        return fallback or str(code)
    return QCoreApplication.translate(_CONTEXT, source)


class CaseWords:
    """The domain's fixed words as the desk shows them, translated; an unknown code shows as is."""

    @staticmethod
    def state(code: object) -> str:
        return _word(_STATES, code)

    @staticmethod
    def action(code: str, fallback: str = "") -> str:
        """A lifecycle step (``accept``) or a history action (``propose_refuse``)."""
        return _word(_ACTIONS, code, fallback)

    @staticmethod
    def field(name: str) -> str:
        return _word(_FIELDS, name)

    @staticmethod
    def kind(code: object) -> str:
        return _word(_KINDS, code)

    @staticmethod
    def channel(code: object) -> str:
        return _word(_CHANNELS, code)

    @staticmethod
    def party_role(code: object) -> str:
        return _word(_PARTY_ROLES, code)

    @staticmethod
    def id_type(code: object) -> str:
        return _word(_ID_TYPES, code)

    @staticmethod
    def session_mode(code: object) -> str:
        return _word(_SESSION_MODES, code)

    @staticmethod
    def pause_kind(code: object) -> str:
        return _word(_PAUSE_KINDS, code)

    @staticmethod
    def satisfaction(code: object) -> str:
        return _word(_SATISFACTION, code)

    @staticmethod
    def deadline(kind: str, fallback: str) -> str:
        return _word(_DEADLINES, kind, fallback)

    @staticmethod
    def deadline_state(code: object) -> str:
        return _word(_DEADLINE_STATES, code)


# Facts a step records beside the case's own fields: shown as one row each, not as old → new.
_FACTS = ("session", "pause", "follow_up", "proposal", "reason")


class HistoryTimeline(QWidget):
    """Every recorded change of one case, newest first.

    Each entry is a row (when in Beijing time, who, what); its changed fields are rows under it
    reading ``字段：旧值 → 新值``. Phone and ID numbers are masked unless ``set_full_numbers(True)``.
    """

    WHEN, WHO, WHAT = range(3)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._entries: list[HistoryView] = []
        self._rule = Rule.ORDER_121
        self._full_numbers = False
        self._action = ""  # the entry being shown: tells a refusal ground from a termination ground

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("时间"), self.tr("操作人"), self.tr("事项")])
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName(self.tr("办理记录"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)

    def set_history(self, entries: list[HistoryView], rule: Rule) -> None:
        self._entries = list(entries)
        self._rule = rule
        self._fill()

    def set_full_numbers(self, full: bool) -> None:
        self._full_numbers = full
        self._fill()

    def entry_count(self) -> int:
        return self.tree.topLevelItemCount()

    def entry_texts(self, row: int) -> list[str]:
        """The entry's own columns followed by its change rows, as shown (newest entry is row 0)."""
        item = self.tree.topLevelItem(row)
        own = [item.text(column) for column in range(self.tree.columnCount())]
        return own + [item.child(i).text(0) for i in range(item.childCount())]

    def _fill(self) -> None:
        self.tree.clear()
        for entry in reversed(self._entries):
            self._action = entry.action
            item = QTreeWidgetItem([clock.format_local(entry.at), entry.username, CaseWords.action(entry.action)])
            for line in self._change_lines(entry.changes):
                QTreeWidgetItem(item, [line])
            self.tree.addTopLevelItem(item)
            # Spanning takes effect only once the item is in the tree.
            for i in range(item.childCount()):
                item.child(i).setFirstColumnSpanned(True)
        self.tree.expandAll()
        # The change rows span the first column, so size it for the time, not for them.
        metrics = self.tree.fontMetrics()
        self.tree.setColumnWidth(self.WHEN, metrics.horizontalAdvance("0000-00-00 00:00") + self.tree.indentation() + 16)
        self.tree.resizeColumnToContents(self.WHO)

    def _change_lines(self, changes: dict) -> list[str]:
        lines = []
        for name, value in changes.items():
            if name == "party" and isinstance(value, dict):
                party_changes = value.get("changes", {})
                for field_name, (old, new) in party_changes.items():
                    label = self.tr("当事人·{field}").format(field=CaseWords.field(field_name))
                    lines.append(self._change_line(label, field_name, old, new))
            elif name not in _FACTS and isinstance(value, list) and len(value) == 2:
                lines.append(self._change_line(CaseWords.field(name), name, value[0], value[1]))
            else:
                lines.append(self.tr("{field}：{value}").format(field=CaseWords.field(name), value=self._fact(value)))
        return lines

    def _change_line(self, label: str, name: str, old: object, new: object) -> str:
        return self.tr("{field}：{old} → {new}").format(
            field=label, old=self._value(name, old), new=self._value(name, new)
        )

    def _fact(self, value: object) -> str:
        if not isinstance(value, dict):
            return self._value("", value)
        parts = [
            self.tr("{field} {value}").format(field=CaseWords.field(key), value=self._value(key, item))
            for key, item in value.items()
            if key != "id"
        ]
        return self.tr("；").join(parts) if parts else self.tr("（已记录）")

    def _value(self, name: str, value: object) -> str:
        if value is None or value == "":
            return self.tr("（空）")
        if isinstance(value, bool):
            return self.tr("是") if value else self.tr("否")
        if name == "state":
            return CaseWords.state(value)
        if name == "kind" and value in _KINDS:
            return CaseWords.kind(value)
        if name == "kind" and value in _PAUSE_KINDS:
            return CaseWords.pause_kind(value)
        if name == "mode":
            return CaseWords.session_mode(value)
        if name == "satisfaction":
            return CaseWords.satisfaction(value)
        if name == "id_type":
            return CaseWords.id_type(value)
        if name in ("refusal_ground", "termination_ground", "ground") and isinstance(value, int):
            return self._ground(name, value)
        if name in ("amount_involved", "amount_recovered"):
            return self.tr("{amount} 元").format(amount=value)
        if name == "agreement_terms" and isinstance(value, str):
            return self.tr("；").join(f"{i}. {term}" for i, term in enumerate(value.split("\n"), start=1))
        if name == "starts_at" and isinstance(value, str):
            return clock.format_local(datetime.fromisoformat(value))
        if name == "phone" and not self._full_numbers:
            return mask_phone(str(value))
        if name == "id_number" and not self._full_numbers:
            return mask_id(str(value))
        if isinstance(value, dict):
            return self._fact(value)
        if isinstance(value, list):
            return self.tr("、").join(self._value(name, item) for item in value)
        return str(value)

    def _ground(self, name: str, number: int) -> str:
        """``第十六条（三）``: the item of the rule's list the ground was chosen from."""
        if name == "refusal_ground" or (name == "ground" and self._action.endswith("refuse")):
            grounds = refusal_grounds(self._rule)
        elif name == "termination_ground" or (name == "ground" and self._action.endswith("terminate")):
            grounds = termination_grounds(self._rule)
        else:
            grounds = None
        if grounds is not None and 1 <= number <= len(grounds.grounds):
            return grounds.article + grounds.grounds[number - 1].item
        return self.tr("第 {number} 项").format(number=number)
