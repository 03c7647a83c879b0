"""The document a step of the case calls for (order 121 and its 式样): accepting a complaint calls
for the 投诉受理决定书, refusing it for the 不予受理决定书, an agreement for the 调解书, ending a
mediation for the 终止调解决定书.

The step never waits on its document: the desk offers it once the step has succeeded, and only
when it applies to the case then (``documents.available_forms`` says whether it does).
"""

# Step names as in ``app.domain.lifecycle.STEPS``; forms as in ``document_inputs.FORM_TITLES``.
STEP_FORMS = {
    "accept": "acceptance",
    "refuse": "refusal",
    "record_agreement": "agreement",
    "terminate": "termination",
}


def form_for_step(step: str) -> str | None:
    """The form the step ``step`` calls for, or None when it calls for none."""
    return STEP_FORMS.get(step)
