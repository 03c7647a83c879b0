"""Which documents a case can have now, and the case as its documents read it.

A form applies when the case holds what it prints: acceptance once accepted, refusal once
refused with its ground, the 调解书 when an agreement was recorded with a 调解书 to be made, and
so on (``why_not`` says why not, in a sentence for the user). Some forms are issued once per
session or visit rather than once per case: their "occasion" (``session:<id>``,
``follow_up:<id>``) says which one a document is about.
"""

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.vocabulary import CaseKind, CaseState, PartyRole, SessionMode
from app.models.case import Case, Party
from app.models.history import HistoryEntry
from app.models.station import ProblemKind, User
from app.models.workflow import FollowUp, MediationSession
from app.services.document_inputs import FORM_TITLES

_COMPLAINT_FORMS = {
    "complaint-register", "identity", "acceptance", "refusal", "mediation-notice", "termination",
    "agreement", "mediation-record", "follow-up",
}
_REPORT_FORMS = {"report-register", "report-result"}


@dataclass
class CaseFile:
    """A case with everything its documents draw on, read in the caller's unit of work."""

    case: Case
    sessions: list[MediationSession]
    follow_ups: list[FollowUp]
    history: list[HistoryEntry]
    users: dict[int, str]  # display names
    problem: str = ""  # the problem kind's name, e.g. 质量
    parties: dict[str, list[Party]] = field(default_factory=dict)

    def first(self, role: PartyRole) -> Party | None:
        found = self.parties.get(role.value)
        return found[0] if found else None

    def every(self, role: PartyRole) -> list[Party]:
        return self.parties.get(role.value, [])

    def entries(self, action: str) -> list[HistoryEntry]:
        return [entry for entry in self.history if entry.action == action]

    def name_of(self, entry: HistoryEntry | None) -> str:
        if entry is None:
            return ""
        return self.users.get(entry.user_id, entry.username)


def read_case_file(session: Session, case: Case) -> CaseFile:
    sessions = list(
        session.scalars(select(MediationSession).where(MediationSession.case_id == case.id).order_by(MediationSession.id))
    )
    follow_ups = list(session.scalars(select(FollowUp).where(FollowUp.case_id == case.id).order_by(FollowUp.id)))
    history = list(session.scalars(select(HistoryEntry).where(HistoryEntry.case_id == case.id).order_by(HistoryEntry.id)))
    users = dict(session.execute(select(User.id, User.display_name)).all())
    problem = session.get(ProblemKind, case.problem_code) if case.problem_code else None
    parties: dict[str, list[Party]] = {}
    for party in case.parties:
        parties.setdefault(party.role, []).append(party)
    return CaseFile(case, sessions, follow_ups, history, users, problem.name if problem else "", parties)


# --- which forms a case can have now ------------------------------------------------------------


def default_occasion(file: CaseFile, form: str) -> str | None:
    """The session or visit a new document of ``form`` is about: the latest one it fits."""
    if form == "mediation-notice":
        waiting = [s for s in file.sessions if not s.held and s.mode == SessionMode.ON_SITE.value]
        return f"session:{waiting[-1].id}" if waiting else None
    if form == "mediation-record":
        held = [s for s in file.sessions if s.held]
        return f"session:{held[-1].id}" if held else None
    if form == "follow-up":
        return f"follow_up:{file.follow_ups[-1].id}" if file.follow_ups else None
    return None


def why_not(file: CaseFile, form: str, occasion: str | None) -> str | None:
    """Why the case cannot have ``form`` (for ``occasion``) now, in a sentence; None if it can."""
    case = file.case
    kind, state = CaseKind(case.kind), CaseState(case.state)
    title = FORM_TITLES[form]
    if state is CaseState.VOIDED:
        return "案件已作废，不再出具文书。"
    if form in _COMPLAINT_FORMS and kind is not CaseKind.COMPLAINT:
        return f"{title}只用于投诉案件，本案是{kind.label}。"
    if form in _REPORT_FORMS and kind is not CaseKind.REPORT:
        return f"{title}只用于举报案件，本案是{kind.label}。"
    if form == "forward" and kind is CaseKind.INQUIRY:
        return "咨询不分送。"
    return _CONDITIONS.get(form, lambda file, occasion: None)(file, occasion)


def _forward(file: CaseFile, occasion: str | None) -> str | None:
    if file.case.state not in (CaseState.REGISTERED.value, CaseState.CHECKING.value):
        return "只有尚未作出受理决定的投诉、尚未作出立案决定的举报才能分送。"
    return None


def _identity(file: CaseFile, occasion: str | None) -> str | None:
    if file.case.state != CaseState.REGISTERED.value:
        return "投诉已作出受理决定或已结束，不再通知补交身份证明材料。"
    complainant = file.first(PartyRole.COMPLAINANT)
    if complainant is not None and complainant.id_number:
        return "投诉人已提供身份证件号码，无需通知补交。"
    return None


def _acceptance(file: CaseFile, occasion: str | None) -> str | None:
    if file.case.refusal_ground is not None:
        return "本案决定不予受理，应出具不予受理决定书。"
    if file.case.decided_on is None:
        return "本案尚未受理。"
    return None


def _refusal(file: CaseFile, occasion: str | None) -> str | None:
    return None if file.case.refusal_ground is not None else "本案没有不予受理决定。"


def _mediation_notice(file: CaseFile, occasion: str | None) -> str | None:
    if file.case.state not in (CaseState.ACCEPTED.value, CaseState.MEDIATING.value):
        return "调解已结束或尚未开始，不再通知调解。"
    meeting = session_of(file, occasion)
    if meeting is None:
        return "本案没有待举行的现场调解；请先安排现场调解（电话、网络等远程调解不发调解通知书）。"
    if meeting.held:
        return "该场调解已经举行。"
    return None


def _termination(file: CaseFile, occasion: str | None) -> str | None:
    return None if file.case.termination_ground is not None else "本案没有终止调解决定。"


def _agreement(file: CaseFile, occasion: str | None) -> str | None:
    if file.case.agreement_terms is None:
        return "本案尚未达成调解协议。"
    if not file.case.agreement_document:
        return "记录调解协议时选择了不制作调解书（协议即时履行或双方同意不制作），应保存调解记录。"
    return None


def _report_result(file: CaseFile, occasion: str | None) -> str | None:
    if not file.entries("decide_filing"):
        return "本举报尚未作出是否立案的决定。"
    reporter = file.first(PartyRole.REPORTER)
    if reporter is None or not reporter.name:
        return "匿名举报，无从告知举报人。"
    return None


def _mediation_record(file: CaseFile, occasion: str | None) -> str | None:
    if file.case.agreement_document:
        return "本案已制作调解书，无需调解记录。"
    meeting = session_of(file, occasion)
    if meeting is None or not meeting.held:
        return "本案还没有记录过已举行的调解。"
    return None


def _follow_up(file: CaseFile, occasion: str | None) -> str | None:
    return None if follow_up_of(file, occasion) is not None else "本案还没有回访记录。"


_CONDITIONS = {
    "forward": _forward,
    "identity": _identity,
    "acceptance": _acceptance,
    "refusal": _refusal,
    "mediation-notice": _mediation_notice,
    "termination": _termination,
    "agreement": _agreement,
    "report-result": _report_result,
    "mediation-record": _mediation_record,
    "follow-up": _follow_up,
}


def session_of(file: CaseFile, occasion: str | None) -> MediationSession | None:
    return next((s for s in file.sessions if occasion == f"session:{s.id}"), None)


def follow_up_of(file: CaseFile, occasion: str | None) -> FollowUp | None:
    return next((f for f in file.follow_ups if occasion == f"follow_up:{f.id}"), None)
