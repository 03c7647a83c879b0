"""Reports (举报, Art. 35), inquiries, and the steps every case has: close and void.

Every step takes the signed-in ``Actor`` and the case id, raises ``IllegalTransition`` or
``ValidationError`` with a message for the user, and saves nothing when it raises.
"""


from app.domain import clock, validators
from app.domain.errors import IllegalTransition
from app.domain.vocabulary import CaseState
from app.models.store import Store
from app.services.actor import Actor
from app.services.case_access import begin_step, open_proposal
from app.services.case_rows import deadlines_of
from app.services.changes import change


def start_check(store: Store, actor: Actor, case_id: int) -> None:
    with store.session() as session:
        case, _ = begin_step(session, case_id, "start_check", actor)
        change(session, case, actor, "start_check", {"state": CaseState.CHECKING})


def extend_check(store: Store, actor: Actor, case_id: int, *, reason: str) -> None:
    """+15 working days for checking a report, approved by the head (Art. 35)."""
    reason = validators.text(reason, field="reason", label="延长理由", max_length=1000, required=True, multiline=True)
    with store.session() as session:
        case, _ = begin_step(session, case_id, "extend_check", actor)
        if case.check_extended:
            raise IllegalTransition("核查期限已延长过一次，不能再延长。")
        (deadline,) = deadlines_of(session, case, clock.today())
        if clock.today() > deadline.due:
            raise IllegalTransition(f"核查期限已于 {deadline.due} 届满，届满后不能再延长。")
        change(session, case, actor, "extend_check", {"check_extended": True}, reason=reason)


def decide_filing(store: Store, actor: Actor, case_id: int, *, file_case: bool, reason: str) -> None:
    """The decision whether to open a case (立案) on a report."""
    reason = validators.text(reason, field="reason", label="决定理由", max_length=2000, required=True, multiline=True)
    with store.session() as session:
        case, _ = begin_step(session, case_id, "decide_filing", actor)
        state = CaseState.FILED if file_case else CaseState.NOT_FILED
        change(
            session,
            case,
            actor,
            "decide_filing",
            {"state": state, "outcome_on": clock.today(), "report_decision_reason": reason},
        )


def answer_inquiry(store: Store, actor: Actor, case_id: int, *, answer: str) -> None:
    answer = validators.text(answer, field="answer", label="答复内容", max_length=5000, required=True, multiline=True)
    with store.session() as session:
        case, _ = begin_step(session, case_id, "answer", actor)
        change(session, case, actor, "answer", {"state": CaseState.ANSWERED, "answer": answer, "outcome_on": clock.today()})


# --- every kind ---------------------------------------------------------------------------------


def close(store: Store, actor: Actor, case_id: int) -> None:
    """办结. A terminated mediation is closed only once both parties were told (Art. 23)."""
    with store.session() as session:
        case, _ = begin_step(session, case_id, "close", actor)
        if case.termination_ground is not None and case.termination_notified_on is None:
            raise IllegalTransition("终止调解尚未告知双方当事人，不能办结。")
        if open_proposal(session, case.id) is not None:
            raise IllegalTransition("本案有待站长确认的提议，不能办结。")
        change(session, case, actor, "close", {"state": CaseState.CLOSED, "closed_on": clock.today()})


def void(store: Store, actor: Actor, case_id: int, *, reason: str) -> None:
    """作废: a case entered by mistake stays on file, marked void with the reason."""
    reason = validators.text(reason, field="void_reason", label="作废原因", max_length=1000, required=True, multiline=True)
    with store.session() as session:
        case, _ = begin_step(session, case_id, "void", actor)
        change(session, case, actor, "void", {"state": CaseState.VOIDED, "void_reason": reason})
