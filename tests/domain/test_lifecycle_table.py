"""Every step from every state, for every kind and role: allowed exactly where the table says."""

import pytest

from app.domain.errors import IllegalTransition
from app.domain.lifecycle import STEPS, allowed_steps, check_step
from app.domain.vocabulary import CaseKind, CaseState, UserRole

S = CaseState
EXPECTED_COMPLAINT_STEPS = {
    S.REGISTERED: {"accept", "refuse", "withdraw", "edit", "void"},
    S.ACCEPTED: {"schedule_session", "record_session", "pause_clock", "resume_clock", "record_agreement",
                 "terminate", "withdraw", "edit", "void"},
    S.MEDIATING: {"schedule_session", "record_session", "pause_clock", "resume_clock", "record_agreement",
                  "terminate", "withdraw", "edit", "void"},
    S.NOT_ACCEPTED: {"close", "edit", "void"},
    S.AGREED: {"record_follow_up", "close", "edit", "void"},
    S.TERMINATED: {"notify_termination", "record_follow_up", "close", "edit", "void"},
    S.WITHDRAWN: {"notify_termination", "record_follow_up", "close", "edit", "void"},
    S.FOLLOWED_UP: {"notify_termination", "record_follow_up", "close", "edit", "void"},
    S.CLOSED: {"void"},
    S.VOIDED: set(),
}


@pytest.mark.parametrize("state", list(EXPECTED_COMPLAINT_STEPS))
def test_head_may_take_exactly_these_complaint_steps(state):
    names = {step.name for step in allowed_steps(CaseKind.COMPLAINT, state, UserRole.HEAD)}
    assert names == EXPECTED_COMPLAINT_STEPS[state]


@pytest.mark.parametrize("kind", list(CaseKind))
@pytest.mark.parametrize("state", list(CaseState))
@pytest.mark.parametrize("name", list(STEPS))
def test_every_illegal_step_is_refused_with_a_message(kind, state, name):
    step = STEPS[name]
    legal = kind in step.kinds and state in step.from_states
    if legal:
        assert check_step(name, kind, state, UserRole.HEAD) is step
    else:
        with pytest.raises(IllegalTransition) as refused:
            check_step(name, kind, state, UserRole.HEAD)
        assert step.label in str(refused.value) or kind.label in str(refused.value)


def test_head_only_steps_are_refused_to_mediators():
    with pytest.raises(IllegalTransition, match="须由站长办理"):
        check_step("extend_check", CaseKind.REPORT, S.CHECKING, UserRole.MEDIATOR)
    with pytest.raises(IllegalTransition, match="只能由站长作废"):
        check_step("void", CaseKind.COMPLAINT, S.ACCEPTED, UserRole.MEDIATOR)
    assert check_step("void", CaseKind.COMPLAINT, S.REGISTERED, UserRole.MEDIATOR).name == "void"


def test_report_and_inquiry_paths():
    report_steps = {s.name for s in allowed_steps(CaseKind.REPORT, S.CHECKING, UserRole.HEAD)}
    assert report_steps == {"extend_check", "decide_filing", "edit", "void"}
    inquiry_steps = {s.name for s in allowed_steps(CaseKind.INQUIRY, S.REGISTERED, UserRole.MEDIATOR)}
    assert inquiry_steps == {"answer", "edit", "void"}
