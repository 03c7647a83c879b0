"""The fixed words of the domain: kinds of case, channels, states, roles.

These are fixed by the law or by the program's own workflow. Codes the bureau may change
(goods and services categories, problem kinds) are data in the store, not listed here.
Each value is stored in the database as its string, so never rename a value.
"""

from enum import Enum


class CaseKind(str, Enum):
    COMPLAINT = "complaint"  # 投诉: a dispute to be mediated
    REPORT = "report"  # 举报: a clue of a violation, to be checked; never mediated
    INQUIRY = "inquiry"  # 咨询

    @property
    def label(self) -> str:
        return {"complaint": "投诉", "report": "举报", "inquiry": "咨询"}[self.value]

    @property
    def number_letter(self) -> str:
        """The letter that starts the case number: T for 投诉, J for 举报, Z for 咨询."""
        return {"complaint": "T", "report": "J", "inquiry": "Z"}[self.value]


class Channel(str, Enum):
    ON_SITE = "on_site"  # 来人来访
    PHONE = "phone"  # 电话
    LETTER = "letter"  # 信函
    PLATFORM_12315 = "12315"  # 全国12315平台，由市局分送
    HOTLINE_12345 = "12345"  # 12345政务服务便民热线，由市局分送

    @property
    def label(self) -> str:
        return {
            "on_site": "来人来访",
            "phone": "电话",
            "letter": "信函",
            "12315": "12315平台",
            "12345": "12345热线",
        }[self.value]

    @property
    def is_dispatched(self) -> bool:
        """Cases from the platforms reach the station as work orders; the 1-hour entry rule applies."""
        return self in (Channel.PLATFORM_12315, Channel.HOTLINE_12345)


class CaseState(str, Enum):
    # Complaint path
    REGISTERED = "registered"  # 已登记
    ACCEPTED = "accepted"  # 已受理
    NOT_ACCEPTED = "not_accepted"  # 不予受理
    MEDIATING = "mediating"  # 调解中
    AGREED = "agreed"  # 调解成功
    TERMINATED = "terminated"  # 终止调解
    WITHDRAWN = "withdrawn"  # 撤回
    FOLLOWED_UP = "followed_up"  # 已回访
    # Report path
    CHECKING = "checking"  # 核查中
    FILED = "filed"  # 已立案
    NOT_FILED = "not_filed"  # 不予立案
    # Inquiry path
    ANSWERED = "answered"  # 已答复
    # Every path
    CLOSED = "closed"  # 已办结
    VOIDED = "voided"  # 已作废

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]


_STATE_LABELS = {
    CaseState.REGISTERED: "已登记",
    CaseState.ACCEPTED: "已受理",
    CaseState.NOT_ACCEPTED: "不予受理",
    CaseState.MEDIATING: "调解中",
    CaseState.AGREED: "调解成功",
    CaseState.TERMINATED: "终止调解",
    CaseState.WITHDRAWN: "已撤回",
    CaseState.FOLLOWED_UP: "已回访",
    CaseState.CHECKING: "核查中",
    CaseState.FILED: "已立案",
    CaseState.NOT_FILED: "不予立案",
    CaseState.ANSWERED: "已答复",
    CaseState.CLOSED: "已办结",
    CaseState.VOIDED: "已作废",
}


class PartyRole(str, Enum):
    COMPLAINANT = "complainant"  # 投诉人
    RESPONDENT = "respondent"  # 被投诉人 / 被举报人
    REPORTER = "reporter"  # 举报人
    INQUIRER = "inquirer"  # 咨询人
    AGENT = "agent"  # 委托代理人


class UserRole(str, Enum):
    MEDIATOR = "mediator"  # 调解员
    HEAD = "head"  # 站长

    @property
    def label(self) -> str:
        return {"mediator": "调解员", "head": "站长"}[self.value]


class SessionMode(str, Enum):
    """How a mediation session is held (Art. 19: on site or remote)."""

    ON_SITE = "on_site"  # 现场
    ONLINE = "online"  # 网络
    PHONE = "phone"  # 电话
    AUDIO = "audio"  # 音频
    VIDEO = "video"  # 视频

    @property
    def label(self) -> str:
        return {"on_site": "现场", "online": "网络", "phone": "电话", "audio": "音频", "video": "视频"}[
            self.value
        ]


class PauseKind(str, Enum):
    """Why the mediation clock stopped."""

    TESTING = "testing"  # 鉴定、检测 (Art. 22): the time does not count
    RECUSAL = "recusal"  # 回避申请 (Art. 20): mediation is suspended until decided


class StationKind(str, Enum):
    SCENIC_STATION = "scenic_station"  # 景区消费维权服务站
    EDUCATION_BASE = "education_base"  # 消费教育基地

    @property
    def label(self) -> str:
        return {"scenic_station": "景区消费维权服务站", "education_base": "消费教育基地"}[self.value]
