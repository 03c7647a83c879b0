"""Mediation (Art. 18–26): sessions, clock pauses, agreement, termination, withdrawal and
follow-up. Termination is the head's decision; a mediator's request becomes a proposal.

Every step takes the signed-in ``Actor`` and the case id, raises ``IllegalTransition`` or
``ValidationError`` with a message for the user, and saves nothing when it raises.
"""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import clock, validators
from app.domain.errors import IllegalTransition, ValidationError
from app.domain.grounds import termination_grounds
from app.domain.vocabulary import CaseState, PauseKind, SessionMode
from app.models.case import Case
from app.models.store import Store
from app.models.workflow import ClockPause, FollowUp, MediationSession
from app.services.actor import Actor
from app.services.case_access import begin_step, decision_date
from app.services.case_rows import deadlines_of
from app.services.changes import change, plain
from app.services.head_decisions import Outcome, decide_or_propose


def _open_pauses(session: Session, case_id: int, kind: PauseKind | None = None) -> list[ClockPause]:
    query = select(ClockPause).where(ClockPause.case_id == case_id, ClockPause.ended_on.is_(None))
    if kind is not None:
        query = query.where(ClockPause.kind == kind.value)
    return list(session.scalars(query))


def _session_fields(starts_at: datetime, place: str, mode: SessionMode, mediators: str, participants: str) -> dict:
    if starts_at.tzinfo is None:
        raise ValidationError("starts_at", "调解时间", "缺少时区")
    return {
        "starts_at": starts_at,
        "place": validators.text(place, field="place", label="调解地点", max_length=200, required=True),
        "mode": SessionMode(mode).value,
        "mediators": validators.text(mediators, field="mediators", label="调解人员", max_length=200, required=True),
        "participants": validators.text(
            participants, field="participants", label="参加人员", max_length=1000, multiline=True
        ),
    }


def _check_not_suspended(session: Session, case_id: int) -> None:
    if _open_pauses(session, case_id, PauseKind.RECUSAL):
        raise IllegalTransition("回避申请尚未决定，调解已中止（第二十一条），请先记录回避决定。")


def _check_recusal(case: Case, mediators: str) -> None:
    """A mediator who is a party (or shares a party's name) must withdraw (回避)."""
    party_names = {p.name for p in case.parties if p.name}
    for name in (n.strip() for n in mediators.replace("，", "、").replace(",", "、").split("、")):
        if name and name in party_names:
            raise ValidationError("mediators", "调解人员", f"{name} 是本案当事人，应当回避")


def schedule_session(
    store: Store,
    actor: Actor,
    case_id: int,
    *,
    starts_at: datetime,
    place: str,
    mode: SessionMode,
    mediators: str,
    participants: str = "",
) -> int:
    """Schedule a session; on-site sessions are notified in advance (Art. 20, 调解通知书)."""
    with store.session() as session:
        case, _ = begin_step(session, case_id, "schedule_session", actor)
        _check_not_suspended(session, case.id)
        fields = _session_fields(starts_at, place, mode, mediators, participants)
        _check_recusal(case, fields["mediators"])
        meeting = MediationSession(case_id=case.id, held=False, **fields)
        session.add(meeting)
        session.flush()
        started = case.mediation_started_on or clock.local_date(starts_at)
        change(
            session,
            case,
            actor,
            "schedule_session",
            {"state": CaseState.MEDIATING, "mediation_started_on": started},
            session={"id": meeting.id, **fields},
        )
        return meeting.id


def record_session(
    store: Store,
    actor: Actor,
    case_id: int,
    *,
    record: str,
    session_id: int | None = None,
    starts_at: datetime | None = None,
    place: str = "",
    mode: SessionMode = SessionMode.ON_SITE,
    mediators: str = "",
    participants: str = "",
) -> int:
    """Record a held session: a scheduled one (``session_id``), or one held without notice."""
    record = validators.text(record, field="record", label="调解记录", max_length=20000, required=True, multiline=True)
    with store.session() as session:
        case, _ = begin_step(session, case_id, "record_session", actor)
        _check_not_suspended(session, case.id)
        if session_id is not None:
            meeting = session.get(MediationSession, session_id)
            if meeting is None or meeting.case_id != case.id:
                raise ValidationError("session_id", "调解场次", "不是本案安排的场次")
            if meeting.held:
                raise ValidationError("session_id", "调解场次", "该场次已记录过")
            if participants:
                meeting.participants = validators.text(
                    participants, field="participants", label="参加人员", max_length=1000, multiline=True
                )
        else:
            if starts_at is None:
                raise ValidationError("starts_at", "调解时间", "不能为空")
            fields = _session_fields(starts_at, place, mode, mediators, participants)
            _check_recusal(case, fields["mediators"])
            meeting = MediationSession(case_id=case.id, **fields)
            session.add(meeting)
        meeting.record = record
        meeting.held = True
        session.flush()
        started = case.mediation_started_on or clock.local_date(meeting.starts_at)
        change(
            session,
            case,
            actor,
            "record_session",
            {"state": CaseState.MEDIATING, "mediation_started_on": started},
            session={"id": meeting.id, "record": record, "participants": meeting.participants},
        )
        return meeting.id


def pause_clock(
    store: Store, actor: Actor, case_id: int, *, kind: PauseKind, started_on: date, detail: str
) -> int:
    """Stop the mediation clock: 鉴定/检测 (Art. 22) or a 回避 request (Art. 21)."""
    kind = PauseKind(kind)
    detail = validators.text(detail, field="detail", label="说明", max_length=1000, required=True, multiline=True)
    with store.session() as session:
        case, _ = begin_step(session, case_id, "pause_clock", actor)
        if _open_pauses(session, case.id, kind):
            raise IllegalTransition("已有一项同类中止尚未结束。")
        if case.decided_on and started_on < case.decided_on:
            raise ValidationError("started_on", "开始日期", "不能早于受理日期")
        if started_on > clock.today():
            raise ValidationError("started_on", "开始日期", "不能晚于今天")
        for deadline in deadlines_of(session, case, clock.today()):
            if deadline.kind == "mediation" and started_on > deadline.due:
                raise IllegalTransition(
                    f"调解期限已于 {deadline.due} 届满，不能再中止计时；未达成协议的应终止调解（{deadline.article}）。"
                )
        pause = ClockPause(case_id=case.id, kind=kind.value, started_on=started_on, detail=detail)
        session.add(pause)
        session.flush()
        change(session, case, actor, "pause_clock", {}, pause={"id": pause.id, "kind": kind, "started_on": started_on, "detail": detail})
        return pause.id


def resume_clock(store: Store, actor: Actor, case_id: int, *, pause_id: int, ended_on: date, outcome: str) -> None:
    """End a pause: the test result came back, or the 回避 request was decided."""
    outcome = validators.text(outcome, field="outcome", label="结果", max_length=2000, required=True, multiline=True)
    with store.session() as session:
        case, _ = begin_step(session, case_id, "resume_clock", actor)
        pause = session.get(ClockPause, pause_id)
        if pause is None or pause.case_id != case.id or pause.ended_on is not None:
            raise ValidationError("pause_id", "中止记录", "不是本案尚未结束的中止")
        if ended_on < pause.started_on or ended_on > clock.today():
            raise ValidationError("ended_on", "结束日期", "应在开始日期与今天之间")
        pause.ended_on = ended_on
        pause.outcome = outcome
        change(session, case, actor, "resume_clock", {}, pause={"id": pause.id, "ended_on": ended_on, "outcome": outcome})


def _end_open_pauses(session: Session, case: Case, day: date) -> dict:
    """End every pause still open when mediation ends; the facts for the step's history row."""
    ended = []
    for pause in _open_pauses(session, case.id):
        pause.ended_on = max(day, pause.started_on)
        pause.outcome = pause.outcome or "调解结束"
        ended.append({"id": pause.id, "ended_on": pause.ended_on, "outcome": pause.outcome})
    return {"pauses_ended": ended} if ended else {}


def record_agreement(
    store: Store,
    actor: Actor,
    case_id: int,
    *,
    terms: list[str],
    amount_recovered: Decimal | str,
    make_document: bool,
    agreed_on: date | None = None,
) -> None:
    """调解成功: the agreed terms as numbered clauses, the amount recovered, and whether a 调解书
    is made (Art. 24: unless performed at once or both parties waive it)."""
    clauses = [
        validators.text(t, field=f"terms.{i}", label=f"协议第{i + 1}条", max_length=2000, multiline=True)
        for i, t in enumerate(terms)
    ]
    clauses = [c for c in clauses if c]
    if not clauses:
        raise ValidationError("terms", "协议内容", "至少写一条协议条款")
    recovered = validators.amount(amount_recovered, field="amount_recovered", label="挽回经济损失")
    with store.session() as session:
        case, _ = begin_step(session, case_id, "record_agreement", actor)
        _check_not_suspended(session, case.id)
        day = decision_date(agreed_on, case, "agreed_on", "达成协议日期")
        ended = _end_open_pauses(session, case, day)
        change(
            session,
            case,
            actor,
            "record_agreement",
            {
                "state": CaseState.AGREED,
                "outcome_on": day,
                "agreement_terms": "\n".join(clauses),
                "amount_recovered": recovered,
                "agreement_document": bool(make_document),
            },
            **ended,
        )


def terminate(
    store: Store, actor: Actor, case_id: int, *, ground: int, reason: str, decided_on: date | None = None
) -> Outcome:
    """终止调解 (Art. 23) on one of the rule's grounds; a mediator's request waits for the head."""
    return decide_or_propose(
        store, actor, case_id, step="terminate", grounds=termination_grounds, ground=ground,
        ground_label="终止调解理由", reason=reason, decided_on=decided_on, apply=apply_termination,
    )


def apply_termination(session: Session, case: Case, actor: Actor, ground: int, reason: str, day: date) -> None:
    ended = _end_open_pauses(session, case, day)
    change(
        session,
        case,
        actor,
        "terminate",
        {"state": CaseState.TERMINATED, "outcome_on": day, "termination_ground": ground, "termination_reason": reason},
        **ended,
    )


def notify_termination(store: Store, actor: Actor, case_id: int, *, notified_on: date | None = None) -> None:
    """Both parties told of the termination (Art. 23: within 7 working days)."""
    with store.session() as session:
        case, _ = begin_step(session, case_id, "notify_termination", actor)
        if case.termination_ground is None:
            raise IllegalTransition("本案不是终止调解结案，无需告知终止。")
        if case.termination_notified_on is not None:
            raise IllegalTransition("已记录过终止调解告知。")
        day = decision_date(notified_on, case, "notified_on", "告知日期")
        if day < case.outcome_on:
            raise ValidationError("notified_on", "告知日期", "不能早于终止调解决定日期")
        change(session, case, actor, "notify_termination", {"termination_notified_on": day})


WITHDRAWAL_GROUND = 1  # Art. 23(1) (order 20 Art. 21(1)): 投诉人撤回投诉或者双方自行和解的


def withdraw(store: Store, actor: Actor, case_id: int, *, reason: str, withdrawn_on: date | None = None) -> None:
    """The complainant withdraws the complaint.

    Once accepted, a withdrawal ends mediation on Art. 23(1), and both parties must be told
    within 7 working days like any termination; before acceptance it simply ends the case.
    """
    reason = validators.text(reason, field="withdrawal_reason", label="撤回说明", max_length=2000, multiline=True)
    with store.session() as session:
        case, _ = begin_step(session, case_id, "withdraw", actor)
        day = decision_date(withdrawn_on, case, "withdrawn_on", "撤回日期")
        fields = {"state": CaseState.WITHDRAWN, "outcome_on": day, "withdrawal_reason": reason}
        if case.state in (CaseState.ACCEPTED.value, CaseState.MEDIATING.value):
            fields |= {"termination_ground": WITHDRAWAL_GROUND, "termination_reason": reason}
        ended = _end_open_pauses(session, case, day)
        change(session, case, actor, "withdraw", fields, **ended)


SATISFACTION = {"very_satisfied": "非常满意", "satisfied": "满意", "neutral": "基本满意", "dissatisfied": "不满意"}


def record_follow_up(
    store: Store,
    actor: Actor,
    case_id: int,
    *,
    visited_on: date,
    method: str,
    reached: bool,
    satisfaction: str | None,
    remarks: str = "",
) -> int:
    """回访 (Art. 26): reached or not, and the complainant's satisfaction when reached."""
    method = validators.text(method, field="method", label="回访方式", max_length=20, required=True)
    remarks = validators.text(remarks, field="remarks", label="备注", max_length=2000, multiline=True)
    if reached and satisfaction not in SATISFACTION:
        raise ValidationError("satisfaction", "满意度", "联系上当事人时须选择满意度")
    with store.session() as session:
        case, _ = begin_step(session, case_id, "record_follow_up", actor)
        if visited_on > clock.today() or (case.outcome_on and visited_on < case.outcome_on):
            raise ValidationError("visited_on", "回访日期", "应在办理结果之后、今天之前")
        visit = FollowUp(
            case_id=case.id,
            visited_on=visited_on,
            method=method,
            reached=reached,
            satisfaction=satisfaction if reached else None,
            remarks=remarks or None,
        )
        session.add(visit)
        session.flush()
        change(
            session,
            case,
            actor,
            "record_follow_up",
            {"state": CaseState.FOLLOWED_UP},
            follow_up=plain({"id": visit.id, "visited_on": visited_on, "reached": reached, "satisfaction": satisfaction}),
        )
        return visit.id
