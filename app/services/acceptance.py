"""受理 and 不予受理 (Art. 15–16). Refusal is the station head's decision: a mediator's
refusal becomes a proposal that waits for the head (see ``proposals``).

Every step takes the signed-in ``Actor`` and the case id, raises ``IllegalTransition`` or
``ValidationError`` with a message for the user, and saves nothing when it raises.
"""

from datetime import date

from sqlalchemy.orm import Session

from app.domain.errors import ValidationError
from app.domain.grounds import refusal_grounds
from app.domain.vocabulary import CaseState, PartyRole
from app.models.case import Case
from app.models.store import Store
from app.services.actor import Actor
from app.services.case_access import begin_step, decision_date
from app.services.head_decisions import Outcome, decide_or_propose
from app.services.changes import change
from app.services.drafts import missing_for_acceptance


def _acceptance_gaps(case: Case) -> list[str]:
    complainant = next((p for p in case.parties if p.role == PartyRole.COMPLAINANT.value), None)
    respondent = next((p for p in case.parties if p.role == PartyRole.RESPONDENT.value), None)
    gaps = missing_for_acceptance(
        {
            "投诉人姓名": complainant and complainant.name,
            "投诉人电话": complainant and complainant.phone,
            "投诉人通讯地址": complainant and complainant.address,
            "被投诉人名称": respondent and respondent.name,
            "被投诉人地址": respondent and respondent.address,
            "投诉请求": case.request,
            "事实依据": case.facts,
        }
    )
    for agent in (p for p in case.parties if p.role == PartyRole.AGENT.value):
        # Art. 11: an agent needs a power of attorney stating matters, powers and period.
        gaps += missing_for_acceptance(
            {
                "代理人身份证明": agent.id_number,
                "委托事项": agent.poa_matters,
                "委托权限": agent.poa_powers,
                "委托期限": agent.poa_valid_to and agent.poa_valid_to.isoformat(),
            }
        )
    return gaps


def accept(store: Store, actor: Actor, case_id: int, *, decided_on: date | None = None) -> None:
    """受理 (Art. 15): only when the Art. 10 facts are complete."""
    with store.session() as session:
        case, _ = begin_step(session, case_id, "accept", actor)
        gaps = _acceptance_gaps(case)
        if gaps:
            raise ValidationError("case", "受理", "受理前须补全：" + "、".join(gaps))
        day = decision_date(decided_on, case, "decided_on", "受理日期")
        change(session, case, actor, "accept", {"state": CaseState.ACCEPTED, "decided_on": day})


def refuse(
    store: Store, actor: Actor, case_id: int, *, ground: int, reason: str, decided_on: date | None = None
) -> Outcome:
    """不予受理 (Art. 16) on one of the rule's grounds; a mediator's refusal waits for the head."""
    return decide_or_propose(
        store, actor, case_id, step="refuse", grounds=refusal_grounds, ground=ground,
        ground_label="不予受理理由", reason=reason, decided_on=decided_on, apply=apply_refusal,
    )


def apply_refusal(session: Session, case: Case, actor: Actor, ground: int, reason: str, day: date) -> None:
    change(
        session,
        case,
        actor,
        "refuse",
        {"state": CaseState.NOT_ACCEPTED, "decided_on": day, "refusal_ground": ground, "refusal_reason": reason},
    )
