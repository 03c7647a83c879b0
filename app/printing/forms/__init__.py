"""The twelve documents as layouts: the ten forms of the 2026 set, the 调解记录 and the 回访记录.

``build`` picks the builder for a document's data. ``TEMPLATE_VERSION`` names the wording and
layout of this set; it goes into every issued document's content digest (and so its QR code),
so a change of template is never mistaken for a change of content.
"""

from app.printing.document_data import (
    AcceptanceDecision,
    ComplaintRegistration,
    DocumentContent,
    FollowUpRecord,
    ForwardNotice,
    IdentityNotice,
    MediationAgreement,
    MediationNotice,
    MediationRecord,
    RefusalDecision,
    ReportRegistration,
    ReportResultNotice,
    TerminationDecision,
)
from app.printing.fonts import FontSet
from app.printing.forms.agreement import mediation_agreement
from app.printing.forms.notices import (
    acceptance_decision,
    forward_notice,
    identity_notice,
    mediation_notice,
    refusal_decision,
    report_result_notice,
    termination_decision,
)
from app.printing.forms.records import follow_up_record, mediation_record
from app.printing.forms.registration import complaint_registration, report_registration
from app.printing.layout import Layout

TEMPLATE_VERSION = "2026.1"

_BUILDERS = {
    ComplaintRegistration: complaint_registration,
    ReportRegistration: report_registration,
    ForwardNotice: forward_notice,
    IdentityNotice: identity_notice,
    AcceptanceDecision: acceptance_decision,
    RefusalDecision: refusal_decision,
    MediationNotice: mediation_notice,
    TerminationDecision: termination_decision,
    MediationAgreement: mediation_agreement,
    ReportResultNotice: report_result_notice,
    MediationRecord: mediation_record,
    FollowUpRecord: follow_up_record,
}


def build(content: DocumentContent, fonts: FontSet) -> Layout:
    """The laid-out pages of ``content``, whichever of the twelve documents it is."""
    try:
        builder = _BUILDERS[type(content)]
    except KeyError:
        raise TypeError(f"no form prints {type(content).__name__}") from None
    return builder(content, fonts)
