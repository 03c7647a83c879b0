"""Which document a step calls for: the rule, and that the form does apply once the step is done."""

import pytest

from app.domain.lifecycle import STEPS
from app.services.document_inputs import FORM_TITLES
from app.services.documents import available_forms
from app.services.step_documents import STEP_FORMS, form_for_step
from tests.services.document_factories import accepted, agreed, refused, set_office_contact, terminated


def test_the_decisions_and_the_agreement_are_the_steps_that_call_for_a_document():
    assert {step: FORM_TITLES[form] for step, form in STEP_FORMS.items()} == {
        "accept": "投诉受理决定书",
        "refuse": "投诉不予受理决定书",
        "record_agreement": "投诉调解书",
        "terminate": "投诉终止调解决定书",
    }


@pytest.mark.parametrize("step", ["schedule_session", "record_session", "withdraw", "close", "edit", "void", "nope"])
def test_other_steps_call_for_none(step):
    assert form_for_step(step) is None


def test_every_step_named_is_a_step_of_the_lifecycle():
    assert set(STEP_FORMS) <= set(STEPS)


@pytest.mark.parametrize(
    ("step", "reach"),
    [("accept", accepted), ("refuse", refused), ("record_agreement", agreed), ("terminate", terminated)],
)
def test_the_form_a_step_calls_for_applies_once_the_step_is_done(store, head, step, reach):
    set_office_contact(store, head)
    case_id = reach(store, head)
    choice = next(c for c in available_forms(store, head, case_id) if c.name == form_for_step(step))
    assert choice.applies, choice.reason
    assert choice.issued is None
