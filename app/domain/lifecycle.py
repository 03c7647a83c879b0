"""The case lifecycle as a state machine: which step is allowed from which state, and for whom.

Complaints (投诉) follow order 121 Art. 15–26: accept or refuse, mediate, agree or terminate
or withdraw, follow up, close. Reports (举报) are checked and a case is filed (立案) or not
(Art. 35). Inquiries are answered. Any case entered by mistake is voided, never deleted.
"""

from dataclasses import dataclass

from app.domain.errors import IllegalTransition
from app.domain.vocabulary import CaseKind, CaseState, UserRole

S = CaseState
COMPLAINT = frozenset({CaseKind.COMPLAINT})
REPORT = frozenset({CaseKind.REPORT})
INQUIRY = frozenset({CaseKind.INQUIRY})
EVERY_KIND = frozenset(CaseKind)


@dataclass(frozen=True)
class Step:
    name: str
    label: str  # as the user sees it
    kinds: frozenset[CaseKind]
    from_states: frozenset[CaseState]
    to_state: CaseState | None  # None: the state does not change (or the step chooses it)
    head_only: bool = False  # only the station head may do it
    head_confirms: bool = False  # a mediator may only propose it; the head confirms


def _step(name, label, kinds, from_states, to_state, **flags) -> Step:
    return Step(name, label, kinds, frozenset(from_states), to_state, **flags)


IN_MEDIATION = {S.ACCEPTED, S.MEDIATING}
FINISHED_MEDIATION = {S.AGREED, S.TERMINATED, S.WITHDRAWN, S.FOLLOWED_UP}

STEPS: dict[str, Step] = {
    step.name: step
    for step in [
        _step("accept", "受理", COMPLAINT, {S.REGISTERED}, S.ACCEPTED),
        _step("refuse", "不予受理", COMPLAINT, {S.REGISTERED}, S.NOT_ACCEPTED, head_confirms=True),
        _step("schedule_session", "安排调解", COMPLAINT, IN_MEDIATION, S.MEDIATING),
        _step("record_session", "记录调解", COMPLAINT, IN_MEDIATION, S.MEDIATING),
        _step("pause_clock", "中止计时（鉴定检测/回避）", COMPLAINT, IN_MEDIATION, None),
        _step("resume_clock", "恢复计时", COMPLAINT, IN_MEDIATION, None),
        _step("record_agreement", "调解成功", COMPLAINT, IN_MEDIATION, S.AGREED),
        _step("terminate", "终止调解", COMPLAINT, IN_MEDIATION, S.TERMINATED, head_confirms=True),
        _step("notify_termination", "告知终止调解", COMPLAINT, {S.TERMINATED, S.WITHDRAWN, S.FOLLOWED_UP}, None),
        _step("withdraw", "撤回投诉", COMPLAINT, {S.REGISTERED} | IN_MEDIATION, S.WITHDRAWN),
        _step("record_follow_up", "回访", COMPLAINT, FINISHED_MEDIATION, S.FOLLOWED_UP),
        _step("start_check", "开始核查", REPORT, {S.REGISTERED}, S.CHECKING),
        _step("extend_check", "延长核查期限", REPORT, {S.REGISTERED, S.CHECKING}, None, head_only=True),
        _step("decide_filing", "立案决定", REPORT, {S.CHECKING}, None),
        _step("answer", "答复咨询", INQUIRY, {S.REGISTERED}, S.ANSWERED),
        _step(
            "close",
            "办结",
            EVERY_KIND,
            {S.NOT_ACCEPTED, S.FILED, S.NOT_FILED, S.ANSWERED} | FINISHED_MEDIATION,
            S.CLOSED,
        ),
        _step("edit", "修改", EVERY_KIND, set(CaseState) - {S.CLOSED, S.VOIDED}, None),
        _step("void", "作废", EVERY_KIND, set(CaseState) - {S.VOIDED}, S.VOIDED),
    ]
}


def check_step(name: str, kind: CaseKind, state: CaseState, role: UserRole) -> Step:
    """The step, if this user may take it now; otherwise a clear ``IllegalTransition``.

    A ``head_confirms`` step passes for a mediator too: the caller turns it into a proposal.
    """
    step = STEPS[name]
    if kind not in step.kinds:
        raise IllegalTransition(f"{kind.label}案件没有“{step.label}”这一步。")
    if state not in step.from_states:
        raise IllegalTransition(f"案件当前为“{state.label}”，不能{step.label}。")
    if step.head_only and role is not UserRole.HEAD:
        raise IllegalTransition(f"“{step.label}”须由站长办理。")
    # Voiding a case that has left registration undoes legal work; the head decides that.
    if name == "void" and state is not S.REGISTERED and role is not UserRole.HEAD:
        raise IllegalTransition("已进入办理程序的案件只能由站长作废。")
    return step


def allowed_steps(kind: CaseKind, state: CaseState, role: UserRole) -> list[Step]:
    """Every step this user may take on a case in this state, in a stable order."""
    allowed = []
    for name in STEPS:
        try:
            allowed.append(check_step(name, kind, state, role))
        except IllegalTransition:
            continue
    return allowed
