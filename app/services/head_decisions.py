"""Steps that are the station head's decision (不予受理, 终止调解): the head decides at once; a
mediator's request becomes a proposal that waits for the head (see ``proposals``)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.domain import clock, validators
from app.domain.errors import IllegalTransition
from app.domain.grounds import GroundList
from app.domain.rules import Rule
from app.models.case import Case
from app.models.store import Store
from app.models.workflow import Proposal
from app.services.actor import Actor
from app.services.case_access import begin_step, decision_date, open_proposal
from app.services.changes import change

# apply(session, case, actor, ground, reason, day): records the decision on the case.
Apply = Callable[[Session, Case, Actor, int, str, date], None]


@dataclass(frozen=True)
class Outcome:
    """What a head's step did: applied now, or waiting for the station head."""

    applied: bool
    proposal_id: int | None = None


def decide_or_propose(
    store: Store,
    actor: Actor,
    case_id: int,
    *,
    step: str,
    grounds: Callable[[Rule], GroundList],
    ground: int,
    ground_label: str,
    reason: str,
    decided_on: date | None,
    apply: Apply,
) -> Outcome:
    """Check the ground against the case's rule and the reason, then decide or propose."""
    with store.session() as session:
        case, _ = begin_step(session, case_id, step, actor)
        grounds(Rule(case.rule)).get(ground, field=f"{step}.ground", label=ground_label)
        reason = validators.text(reason, field=f"{step}.reason", label="具体理由", max_length=2000, multiline=True)
        day = decision_date(decided_on, case, "decided_on", "决定日期")
        if not actor.is_head:
            return _propose(session, case, actor, step, ground, reason, day)
        apply(session, case, actor, ground, reason, day)
        return Outcome(applied=True)


def _propose(session: Session, case: Case, actor: Actor, action: str, ground: int, reason: str, day: date) -> Outcome:
    if open_proposal(session, case.id) is not None:
        raise IllegalTransition("本案已有一项待站长确认的提议，请等站长处理后再提。")
    proposal = Proposal(
        case_id=case.id,
        action=action,
        ground=ground,
        reason=reason,
        decided_on_date=day,
        proposed_by=actor.user_id,
        proposed_at=clock.now(),
    )
    session.add(proposal)
    session.flush()
    change(session, case, actor, f"propose_{action}", {}, proposal={"ground": ground, "reason": reason})
    return Outcome(applied=False, proposal_id=proposal.id)
