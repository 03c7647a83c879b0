"""The domain's fixed words as the desk shows them: states, steps, channels, modes, field names.

``CaseWords`` translates each through Qt as it is read; the case detail, its history, the step
and edit dialogs use it. An unknown code shows as it is.
"""

from PySide6.QtCore import QCoreApplication

# Each table translates as it is read, with its own disambiguation: the same Chinese word is a
# state and a step (不予受理, 终止调解, 调解成功), a step and a field (回访), a field, a channel and a
# mode (电话), and each may need a different word in another language.


def _states() -> dict[str, str]:
    return {
        "registered": QCoreApplication.translate("CaseWords", "已登记", "state"),
        "accepted": QCoreApplication.translate("CaseWords", "已受理", "state"),
        "not_accepted": QCoreApplication.translate("CaseWords", "不予受理", "state"),
        "mediating": QCoreApplication.translate("CaseWords", "调解中", "state"),
        "agreed": QCoreApplication.translate("CaseWords", "调解成功", "state"),
        "terminated": QCoreApplication.translate("CaseWords", "终止调解", "state"),
        "withdrawn": QCoreApplication.translate("CaseWords", "已撤回", "state"),
        "followed_up": QCoreApplication.translate("CaseWords", "已回访", "state"),
        "checking": QCoreApplication.translate("CaseWords", "核查中", "state"),
        "filed": QCoreApplication.translate("CaseWords", "已立案", "state"),
        "not_filed": QCoreApplication.translate("CaseWords", "不予立案", "state"),
        "answered": QCoreApplication.translate("CaseWords", "已答复", "state"),
        "closed": QCoreApplication.translate("CaseWords", "已办结", "state"),
        "voided": QCoreApplication.translate("CaseWords", "已作废", "state"),
    }


def _actions() -> dict[str, str]:
    return {
        "register": QCoreApplication.translate("CaseWords", "登记", "action"),
        "accept": QCoreApplication.translate("CaseWords", "受理", "action"),
        "refuse": QCoreApplication.translate("CaseWords", "不予受理", "action"),
        "schedule_session": QCoreApplication.translate("CaseWords", "安排调解", "action"),
        "record_session": QCoreApplication.translate("CaseWords", "记录调解", "action"),
        "pause_clock": QCoreApplication.translate("CaseWords", "中止计时（鉴定检测/回避）", "action"),
        "resume_clock": QCoreApplication.translate("CaseWords", "恢复计时", "action"),
        "record_agreement": QCoreApplication.translate("CaseWords", "调解成功", "action"),
        "terminate": QCoreApplication.translate("CaseWords", "终止调解", "action"),
        "notify_termination": QCoreApplication.translate("CaseWords", "告知终止调解", "action"),
        "withdraw": QCoreApplication.translate("CaseWords", "撤回投诉", "action"),
        "record_follow_up": QCoreApplication.translate("CaseWords", "回访", "action"),
        "start_check": QCoreApplication.translate("CaseWords", "开始核查", "action"),
        "extend_check": QCoreApplication.translate("CaseWords", "延长核查期限", "action"),
        "decide_filing": QCoreApplication.translate("CaseWords", "立案决定", "action"),
        "answer": QCoreApplication.translate("CaseWords", "答复咨询", "action"),
        "close": QCoreApplication.translate("CaseWords", "办结", "action"),
        "edit": QCoreApplication.translate("CaseWords", "修改", "action"),
        "void": QCoreApplication.translate("CaseWords", "作废", "action"),
        "edit_party": QCoreApplication.translate("CaseWords", "修改当事人信息", "action"),
        "propose_refuse": QCoreApplication.translate("CaseWords", "提议不予受理（待站长确认）", "action"),
        "propose_terminate": QCoreApplication.translate("CaseWords", "提议终止调解（待站长确认）", "action"),
        "reject_refuse": QCoreApplication.translate("CaseWords", "站长驳回不予受理提议", "action"),
        "reject_terminate": QCoreApplication.translate("CaseWords", "站长驳回终止调解提议", "action"),
        "resolve_conflict": QCoreApplication.translate("CaseWords", "处理同步冲突", "action"),
    }


def _fields() -> dict[str, str]:
    return {
        "number": QCoreApplication.translate("CaseWords", "编号", "field"),
        "kind": QCoreApplication.translate("CaseWords", "类别", "field"),
        "state": QCoreApplication.translate("CaseWords", "状态", "field"),
        "platform_ref": QCoreApplication.translate("CaseWords", "平台工单号", "field"),
        "mediator_id": QCoreApplication.translate("CaseWords", "承办调解员", "field"),
        "request": QCoreApplication.translate("CaseWords", "请求事项", "field"),
        "facts": QCoreApplication.translate("CaseWords", "事实和理由", "field"),
        "amount_involved": QCoreApplication.translate("CaseWords", "涉及金额", "field"),
        "category_code": QCoreApplication.translate("CaseWords", "消费类别", "field"),
        "problem_code": QCoreApplication.translate("CaseWords", "问题类别", "field"),
        "consent_publish": QCoreApplication.translate("CaseWords", "同意公示", "field"),
        "consent_entrusted_mediation": QCoreApplication.translate("CaseWords", "同意委托调解", "field"),
        "decided_on": QCoreApplication.translate("CaseWords", "决定日期", "field"),
        "refusal_ground": QCoreApplication.translate("CaseWords", "不予受理理由", "field"),
        "refusal_reason": QCoreApplication.translate("CaseWords", "不予受理具体理由", "field"),
        "mediation_started_on": QCoreApplication.translate("CaseWords", "开始调解日期", "field"),
        "outcome_on": QCoreApplication.translate("CaseWords", "办理结果日期", "field"),
        "agreement_terms": QCoreApplication.translate("CaseWords", "调解协议", "field"),
        "agreement_document": QCoreApplication.translate("CaseWords", "制作调解书", "field"),
        "amount_recovered": QCoreApplication.translate("CaseWords", "挽回经济损失", "field"),
        "termination_ground": QCoreApplication.translate("CaseWords", "终止调解理由", "field"),
        "termination_reason": QCoreApplication.translate("CaseWords", "终止调解具体理由", "field"),
        "termination_notified_on": QCoreApplication.translate("CaseWords", "终止调解告知日期", "field"),
        "withdrawal_reason": QCoreApplication.translate("CaseWords", "撤回说明", "field"),
        "check_extended": QCoreApplication.translate("CaseWords", "核查期限已延长", "field"),
        "report_decision_reason": QCoreApplication.translate("CaseWords", "立案决定理由", "field"),
        "answer": QCoreApplication.translate("CaseWords", "答复内容", "field"),
        "closed_on": QCoreApplication.translate("CaseWords", "办结日期", "field"),
        "void_reason": QCoreApplication.translate("CaseWords", "作废原因", "field"),
        "reason": QCoreApplication.translate("CaseWords", "理由", "field"),
        "remark": QCoreApplication.translate("CaseWords", "意见", "field"),
        "ground": QCoreApplication.translate("CaseWords", "理由项", "field"),
        # A mediation session, a clock pause, a follow-up
        "session": QCoreApplication.translate("CaseWords", "调解场次", "field"),
        "starts_at": QCoreApplication.translate("CaseWords", "调解时间", "field"),
        "place": QCoreApplication.translate("CaseWords", "调解地点", "field"),
        "mode": QCoreApplication.translate("CaseWords", "调解方式", "field"),
        "mediators": QCoreApplication.translate("CaseWords", "调解人员", "field"),
        "participants": QCoreApplication.translate("CaseWords", "参加人员", "field"),
        "record": QCoreApplication.translate("CaseWords", "调解记录", "field"),
        "pause": QCoreApplication.translate("CaseWords", "中止计时", "field"),
        "started_on": QCoreApplication.translate("CaseWords", "开始日期", "field"),
        "ended_on": QCoreApplication.translate("CaseWords", "结束日期", "field"),
        "detail": QCoreApplication.translate("CaseWords", "说明", "field"),
        "outcome": QCoreApplication.translate("CaseWords", "结果", "field"),
        "follow_up": QCoreApplication.translate("CaseWords", "回访", "field"),
        "visited_on": QCoreApplication.translate("CaseWords", "回访日期", "field"),
        "method": QCoreApplication.translate("CaseWords", "回访方式", "field"),
        "reached": QCoreApplication.translate("CaseWords", "联系上当事人", "field"),
        "satisfaction": QCoreApplication.translate("CaseWords", "满意度", "field"),
        "remarks": QCoreApplication.translate("CaseWords", "备注", "field"),
        "proposal": QCoreApplication.translate("CaseWords", "提议", "field"),
        # A party's details
        "party": QCoreApplication.translate("CaseWords", "当事人", "field"),
        "name": QCoreApplication.translate("CaseWords", "姓名或名称", "field"),
        "phone": QCoreApplication.translate("CaseWords", "电话", "field"),
        "address": QCoreApplication.translate("CaseWords", "地址", "field"),
        "id_type": QCoreApplication.translate("CaseWords", "证件类型", "field"),
        "id_number": QCoreApplication.translate("CaseWords", "证件号码", "field"),
        "credit_code": QCoreApplication.translate("CaseWords", "统一社会信用代码", "field"),
        "legal_representative": QCoreApplication.translate("CaseWords", "法定代表人", "field"),
        "contact": QCoreApplication.translate("CaseWords", "联系人", "field"),
        "poa_matters": QCoreApplication.translate("CaseWords", "委托事项", "field"),
        "poa_powers": QCoreApplication.translate("CaseWords", "委托权限", "field"),
        "poa_valid_from": QCoreApplication.translate("CaseWords", "委托期限起", "field"),
        "poa_valid_to": QCoreApplication.translate("CaseWords", "委托期限止", "field"),
    }


def _kinds() -> dict[str, str]:
    return {
        "complaint": QCoreApplication.translate("CaseWords", "投诉", "kind"),
        "report": QCoreApplication.translate("CaseWords", "举报", "kind"),
        "inquiry": QCoreApplication.translate("CaseWords", "咨询", "kind"),
    }


def _channels() -> dict[str, str]:
    return {
        "on_site": QCoreApplication.translate("CaseWords", "来人来访", "channel"),
        "phone": QCoreApplication.translate("CaseWords", "电话", "channel"),
        "letter": QCoreApplication.translate("CaseWords", "信函", "channel"),
        "12315": QCoreApplication.translate("CaseWords", "12315平台", "channel"),
        "12345": QCoreApplication.translate("CaseWords", "12345热线", "channel"),
    }


def _party_roles() -> dict[str, str]:
    return {
        "complainant": QCoreApplication.translate("CaseWords", "投诉人", "party"),
        "respondent": QCoreApplication.translate("CaseWords", "被投诉人", "party"),
        "reporter": QCoreApplication.translate("CaseWords", "举报人", "party"),
        "inquirer": QCoreApplication.translate("CaseWords", "咨询人", "party"),
        "agent": QCoreApplication.translate("CaseWords", "委托代理人", "party"),
    }


def _id_types() -> dict[str, str]:
    return {
        "resident_id": QCoreApplication.translate("CaseWords", "居民身份证", "ID type"),
        "passport": QCoreApplication.translate("CaseWords", "护照", "ID type"),
        "hk_macao_permit": QCoreApplication.translate("CaseWords", "港澳居民来往内地通行证", "ID type"),
        "taiwan_permit": QCoreApplication.translate("CaseWords", "台湾居民来往大陆通行证", "ID type"),
        "foreign_permanent_id": QCoreApplication.translate("CaseWords", "外国人永久居留身份证", "ID type"),
        "other": QCoreApplication.translate("CaseWords", "其他证件", "ID type"),
    }


def _session_modes() -> dict[str, str]:
    return {
        "on_site": QCoreApplication.translate("CaseWords", "现场", "mode"),
        "online": QCoreApplication.translate("CaseWords", "网络", "mode"),
        "phone": QCoreApplication.translate("CaseWords", "电话", "mode"),
        "audio": QCoreApplication.translate("CaseWords", "音频", "mode"),
        "video": QCoreApplication.translate("CaseWords", "视频", "mode"),
    }


def _pause_kinds() -> dict[str, str]:
    return {
        "testing": QCoreApplication.translate("CaseWords", "鉴定检测", "pause"),
        "recusal": QCoreApplication.translate("CaseWords", "回避申请", "pause"),
    }


def _satisfaction() -> dict[str, str]:
    return {
        "very_satisfied": QCoreApplication.translate("CaseWords", "非常满意", "satisfaction"),
        "satisfied": QCoreApplication.translate("CaseWords", "满意", "satisfaction"),
        "neutral": QCoreApplication.translate("CaseWords", "基本满意", "satisfaction"),
        "dissatisfied": QCoreApplication.translate("CaseWords", "不满意", "satisfaction"),
    }


def _deadlines() -> dict[str, str]:
    return {
        "acceptance": QCoreApplication.translate("CaseWords", "受理决定期限", "deadline"),
        "mediation": QCoreApplication.translate("CaseWords", "调解期限", "deadline"),
        "termination_notice": QCoreApplication.translate("CaseWords", "终止调解告知期限", "deadline"),
        "report_check": QCoreApplication.translate("CaseWords", "举报核查期限", "deadline"),
    }


def _deadline_states() -> dict[str, str]:
    return {
        "on_time": QCoreApplication.translate("CaseWords", "未到期", "deadline state"),
        "due_soon": QCoreApplication.translate("CaseWords", "即将到期", "deadline state"),
        "overdue": QCoreApplication.translate("CaseWords", "已超期", "deadline state"),
        "paused": QCoreApplication.translate("CaseWords", "已中止", "deadline state"),
    }


def _word(table: dict[str, str], key: object, fallback: str = "") -> str:
    code = getattr(key, "value", key)
    word = table.get(code) if isinstance(code, str) else None
    if word is None:
        return fallback or str(code)
    return word


def category_text(names: tuple[str, ...]) -> str:
    """``商品类 › 家用电器``: a category under its parent."""
    return " › ".join(names)


class CaseWords:
    """The domain's fixed words as the desk shows them, translated; an unknown code shows as is."""

    @staticmethod
    def state(code: object) -> str:
        return _word(_states(), code)

    @staticmethod
    def action(code: str, fallback: str = "") -> str:
        """A lifecycle step (``accept``) or a history action (``propose_refuse``)."""
        return _word(_actions(), code, fallback)

    @staticmethod
    def field(name: str) -> str:
        return _word(_fields(), name)

    @staticmethod
    def kind(code: object) -> str:
        return _word(_kinds(), code)

    @staticmethod
    def channel(code: object) -> str:
        return _word(_channels(), code)

    @staticmethod
    def party_role(code: object) -> str:
        return _word(_party_roles(), code)

    @staticmethod
    def id_type(code: object) -> str:
        return _word(_id_types(), code)

    @staticmethod
    def session_mode(code: object) -> str:
        return _word(_session_modes(), code)

    @staticmethod
    def pause_kind(code: object) -> str:
        return _word(_pause_kinds(), code)

    @staticmethod
    def satisfaction(code: object) -> str:
        return _word(_satisfaction(), code)

    @staticmethod
    def deadline(kind: str, fallback: str) -> str:
        return _word(_deadlines(), kind, fallback)

    @staticmethod
    def deadline_state(code: object) -> str:
        return _word(_deadline_states(), code)
