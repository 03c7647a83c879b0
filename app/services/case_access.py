"""Loading a case for a step: the lifecycle check, decision dates, open proposals."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import clock
from app.domain.errors import DeskError, ValidationError
from app.domain.lifecycle import Step, check_step
from app.domain.vocabulary import CaseKind, CaseState
from app.models.case import Case
from app.models.workflow import Proposal
from app.services.actor import Actor


class CaseNotFound(DeskError):
    pass


def load_case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise CaseNotFound(f"没有编号为 {case_id} 的案件。")
    return case


def begin_step(session: Session, case_id: int, step_name: str, actor: Actor) -> tuple[Case, Step]:
    case = load_case(session, case_id)
    step = check_step(step_name, CaseKind(case.kind), CaseState(case.state), actor.role)
    return case, step


def decision_date(value: date | None, case: Case, field: str, label: str) -> date:
    """A decision date: today unless given; never in the future, never before receipt."""
    today = clock.today()
    value = value or today
    if value > today:
        raise ValidationError(field, label, "不能晚于今天")
    if value < clock.local_date(case.received_at):
        raise ValidationError(field, label, "不能早于收到投诉的日期")
    return value


def open_proposal(session: Session, case_id: int) -> Proposal | None:
    return session.scalars(
        select(Proposal).where(Proposal.case_id == case_id, Proposal.decision.is_(None))
    ).first()
