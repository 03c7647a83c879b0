"""Which statutory limits are running for a case, from the facts that start and stop them."""

from dataclasses import dataclass, field
from datetime import date

from app.domain.deadlines import (
    Deadline,
    acceptance_deadline,
    mediation_deadline,
    report_check_deadline,
    termination_notice_deadline,
)
from app.domain.rules import Rule
from app.domain.vocabulary import CaseKind, CaseState

S = CaseState


@dataclass(frozen=True)
class CaseClock:
    """The dates a case's limits depend on."""

    kind: CaseKind
    state: CaseState
    rule: Rule
    received_on: date
    decided_on: date | None = None  # 受理 date
    outcome_on: date | None = None  # the termination decision, for the notice limit
    terminated: bool = False  # mediation ended on an Art. 23 ground (a withdrawal included)
    termination_notified_on: date | None = None
    check_extended: bool = False
    pauses: list[tuple[date, date | None]] = field(default_factory=list)


def live_deadlines(clock: CaseClock, today: date) -> list[Deadline]:
    """The limits still running: each ends when the step it asks for is done."""
    running = []
    if clock.kind is CaseKind.COMPLAINT:
        if clock.state is S.REGISTERED:
            running.append(acceptance_deadline(clock.received_on, clock.rule))
        elif clock.state in (S.ACCEPTED, S.MEDIATING) and clock.decided_on:
            running.append(mediation_deadline(clock.decided_on, clock.rule, clock.pauses, today))
        # Withdrawal during mediation ends it on Art. 23(1) too, so both are to be told.
        if clock.terminated and clock.termination_notified_on is None and clock.outcome_on:
            if clock.state in (S.TERMINATED, S.WITHDRAWN, S.FOLLOWED_UP):
                running.append(termination_notice_deadline(clock.outcome_on, clock.rule))
    elif clock.kind is CaseKind.REPORT and clock.state in (S.REGISTERED, S.CHECKING):
        running.append(report_check_deadline(clock.received_on, clock.check_extended))
    return running


def nearest(deadlines: list[Deadline]) -> Deadline | None:
    return min(deadlines, key=lambda d: d.due, default=None)
