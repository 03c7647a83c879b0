"""From a case to what each of its documents prints (the dataclasses of app.printing.document_data).

Every value comes from the case as stored, from the station's data, or from the inputs typed when
issuing (``document_inputs``). The articles a form cites follow the case's rule (order 121, or
order 20 for a case received before 2026-04-15), carried in ``Heading.rule`` and in the ground
lists. Privacy is decided here, before anything is laid out: papers the respondent receives show
the complainant's phone and ID numbers masked, and no complaint document mentions a report
(Art. 37); a reporter is named only to the reporter, or to the office that handles the report.
"""

import json
from dataclasses import dataclass, fields, is_dataclass
from datetime import date

from app.domain import clock
from app.domain.grounds import refusal_grounds, termination_grounds
from app.domain.privacy import mask_id, mask_phone
from app.domain.rules import Rule
from app.domain.validators import ID_TYPES
from app.domain.vocabulary import CaseKind, CaseState, PartyRole, SessionMode
from app.models.case import Party
from app.models.workflow import MediationSession
from app.printing import document_data as doc
from app.services.document_conditions import CaseFile, follow_up_of, session_of
from app.services.document_inputs import lines
from app.services.mediation import SATISFACTION

DEFAULT_RECUSAL_DAYS = 3
DEFAULT_NOTICE_MATERIALS = ("购物凭证等与投诉有关的证据材料",)


# --- what each form prints ------------------------------------------------------------------------


def fill(
    file: CaseFile, form: str, *, office: doc.Office, issued_on: date, number: str | None,
    occasion: str | None, extra: dict,
) -> doc.DocumentContent:
    """The data ``form`` prints for this case; ``why_not`` must have said it applies."""
    return _FILLERS[form](file, _Context(office, issued_on, number, occasion, extra))


@dataclass(frozen=True)
class _Context:
    office: doc.Office
    issued_on: date
    number: str | None
    occasion: str | None
    extra: dict


def _heading(file: CaseFile, context: _Context, addressee: str = "") -> doc.Heading:
    return doc.Heading(
        case_number=file.case.number,
        rule=Rule(file.case.rule).value,
        office=context.office,
        issued_on=context.issued_on,
        number=context.number,
        addressee=addressee,
    )


def _names(parties: list[Party]) -> str:
    return "、".join(p.name for p in parties if p.name)


def _complainants(file: CaseFile) -> str:
    return _names(file.every(PartyRole.COMPLAINANT))


def _both_parties(file: CaseFile) -> str:
    return _names(file.every(PartyRole.COMPLAINANT) + file.every(PartyRole.RESPONDENT))


def subject(file: CaseFile) -> str:
    """The "关于____" blank: the business complained about, and the kind of problem if known."""
    respondent = file.first(PartyRole.RESPONDENT)
    name = respondent.name if respondent else ""
    return f"{name}{file.problem}问题" if file.problem else name


def _person(party: Party | None, agent: Party | None = None, *, masked: bool = False) -> doc.PartyBlock:
    """A consumer as a form shows them; ``masked`` for a paper the respondent also receives."""
    if party is None:
        return doc.PartyBlock(name="")
    return doc.PartyBlock(
        name=party.name,
        phone=_shown(party.phone, mask_phone, masked),
        id_type=ID_TYPES.get(party.id_type or "", "") if party.id_number else "",
        id_number=_shown(party.id_number, mask_id, masked),
        address=party.address or "",
        agent_name=agent.name if agent else "",
        agent_phone=_shown(agent.phone, mask_phone, masked) if agent else "",
    )


def _shown(value: str | None, mask, masked: bool) -> str:
    return mask(value) if masked else value or ""


def _business(party: Party | None) -> doc.PartyBlock:
    if party is None:
        return doc.PartyBlock(name="")
    return doc.PartyBlock(
        name=party.name,
        phone=party.contact or party.phone or "",
        address=party.address or "",
        legal_representative=party.legal_representative or "",
    )


def _received_on(file: CaseFile) -> date:
    return clock.local_date(file.case.received_at)


def _complaint_registration(file: CaseFile, context: _Context) -> doc.ComplaintRegistration:
    case = file.case
    return doc.ComplaintRegistration(
        heading=_heading(file, context),
        received_on=_received_on(file),
        complainant=_person(file.first(PartyRole.COMPLAINANT), file.first(PartyRole.AGENT)),
        respondent=_business(file.first(PartyRole.RESPONDENT)),
        facts=case.facts,
        request=case.request,
        consent_publish=case.consent_publish,
        consent_entrusted_mediation=case.consent_entrusted_mediation,
        registered_by=file.name_of(next(iter(file.entries("register")), None)),
    )


def _report_registration(file: CaseFile, context: _Context) -> doc.ReportRegistration:
    reporter = file.first(PartyRole.REPORTER)
    return doc.ReportRegistration(
        heading=_heading(file, context),
        received_on=_received_on(file),
        reporter=_person(reporter) if reporter is not None and reporter.name else None,
        reported=_business(file.first(PartyRole.RESPONDENT)),
        clues="\n".join(text for text in (file.case.request, file.case.facts) if text),
        registered_by=file.name_of(next(iter(file.entries("register")), None)),
    )


def _forward_notice(file: CaseFile, context: _Context) -> doc.ForwardNotice:
    kind = CaseKind(file.case.kind)
    if kind is CaseKind.REPORT:
        # The notice goes to the office that will handle the report, which may know the reporter.
        reporter = file.first(PartyRole.REPORTER)
        source = reporter.name if reporter is not None and reporter.name else "匿名举报人"
    else:
        source = _complainants(file)
    return doc.ForwardNotice(
        heading=_heading(file, context, context.extra["to_office"]),
        kind=kind.label,
        source=source,
        received_on=_received_on(file),
        subject=subject(file),
        report_by=context.extra["report_by"],
        enclosures=context.extra.get("enclosures", 0),
        enclosure_pages=context.extra.get("enclosure_pages", 0),
    )


def _identity_notice(file: CaseFile, context: _Context) -> doc.IdentityNotice:
    materials = lines(context.extra.get("materials", ""))
    return doc.IdentityNotice(
        heading=_heading(file, context, _complainants(file)),
        provide_by=context.extra["provide_by"],
        **({"materials": materials} if materials else {}),
    )


def _acceptance_decision(file: CaseFile, context: _Context) -> doc.AcceptanceDecision:
    return doc.AcceptanceDecision(
        heading=_heading(file, context, _complainants(file)),
        received_on=_received_on(file),
        subject=subject(file),
        contact_person=file.users.get(file.case.mediator_id) or file.name_of(next(iter(file.entries("accept")), None)),
        contact_phone=context.office.contact_phone,
    )


def _refusal_decision(file: CaseFile, context: _Context) -> doc.RefusalDecision:
    return doc.RefusalDecision(
        heading=_heading(file, context, _complainants(file)),
        received_on=_received_on(file),
        subject=subject(file),
        grounds=refusal_grounds(Rule(file.case.rule)),
        applied_ground=file.case.refusal_ground,
    )


def _mediation_notice_data(file: CaseFile, context: _Context) -> doc.MediationNotice:
    meeting = session_of(file, context.occasion)
    return doc.MediationNotice(
        heading=_heading(file, context, _both_parties(file)),
        subject=subject(file),
        starts_at=meeting.starts_at,
        place=meeting.place,
        materials=lines(context.extra.get("materials", "")) or DEFAULT_NOTICE_MATERIALS,
        recusal_days=context.extra.get("recusal_days", DEFAULT_RECUSAL_DAYS),
        mediators=meeting.mediators,
        contact_phone=context.office.contact_phone,
    )


def _termination_decision(file: CaseFile, context: _Context) -> doc.TerminationDecision:
    return doc.TerminationDecision(
        heading=_heading(file, context, _both_parties(file)),
        subject=subject(file),
        grounds=termination_grounds(Rule(file.case.rule)),
        applied_ground=file.case.termination_ground,
    )


def _mediators(file: CaseFile) -> str:
    """Who mediated: the last session held, else the case's mediator, else who recorded the outcome."""
    held = [s for s in file.sessions if s.held]
    if held:
        return held[-1].mediators
    return file.users.get(file.case.mediator_id) or file.name_of(next(iter(file.entries("record_agreement")), None))


def _terms(file: CaseFile) -> tuple[str, ...]:
    return tuple(file.case.agreement_terms.split("\n")) if file.case.agreement_terms else ()


def _mediation_agreement(file: CaseFile, context: _Context) -> doc.MediationAgreement:
    case = file.case
    complaint = case.facts + (f"\n投诉请求：{case.request}" if case.facts else case.request)
    return doc.MediationAgreement(
        heading=_heading(file, context),
        complainant=_person(file.first(PartyRole.COMPLAINANT), file.first(PartyRole.AGENT), masked=True),
        respondent=_business(file.first(PartyRole.RESPONDENT)),
        complaint=complaint,
        terms=_terms(file),
        amount=case.amount_recovered,
        mediators=_mediators(file),
    )


def _filed(file: CaseFile) -> bool:
    decision = file.entries("decide_filing")[-1]
    return json.loads(decision.changes)["state"][1] == CaseState.FILED.value


def _report_result_notice(file: CaseFile, context: _Context) -> doc.ReportResultNotice:
    reporter = file.first(PartyRole.REPORTER)
    decided = "经核查，我局决定立案调查。" if _filed(file) else "经核查，我局决定不予立案。"
    return doc.ReportResultNotice(
        heading=_heading(file, context, reporter.name),
        subject=subject(file),
        law=context.extra["law"],
        article=context.extra["article"],
        result=context.extra.get("result") or decided + (file.case.report_decision_reason or ""),
    )


def _outcome(file: CaseFile, meeting: MediationSession) -> str:
    """What the session came to: the case's outcome if it was the last session held."""
    case = file.case
    last = [s for s in file.sessions if s.held][-1]
    if meeting.id != last.id:
        return "本次调解未达成协议。"
    if case.agreement_terms is not None:
        terms = "；".join(f"{i}. {term}" for i, term in enumerate(_terms(file), start=1))
        return f"双方达成调解协议：{terms}。协议已即时履行或双方同意不制作调解书。"
    if case.termination_ground is not None:
        grounds = termination_grounds(Rule(case.rule))
        ground = grounds.grounds[case.termination_ground - 1]
        return f"终止调解：{grounds.article}{ground.item}{ground.text}。"
    return "本次调解未达成协议。"


def _mediation_record_data(file: CaseFile, context: _Context) -> doc.MediationRecord:
    meeting = session_of(file, context.occasion)
    return doc.MediationRecord(
        heading=_heading(file, context),
        starts_at=meeting.starts_at,
        place=meeting.place,
        mode=SessionMode(meeting.mode).label,
        mediators=meeting.mediators,
        participants=meeting.participants or _both_parties(file),
        record=meeting.record or "",
        outcome=_outcome(file, meeting),
    )


def _follow_up_record(file: CaseFile, context: _Context) -> doc.FollowUpRecord:
    visit = follow_up_of(file, context.occasion)
    recorded = next(
        (e for e in file.entries("record_follow_up") if json.loads(e.changes).get("follow_up", {}).get("id") == visit.id),
        None,
    )
    return doc.FollowUpRecord(
        heading=_heading(file, context),
        on=visit.visited_on,
        method=visit.method,
        person_reached=_complainants(file) if visit.reached else "未联系上",
        satisfaction=SATISFACTION.get(visit.satisfaction or "", ""),
        remarks=visit.remarks or "",
        staff=file.name_of(recorded),
    )


_FILLERS = {
    "complaint-register": _complaint_registration,
    "report-register": _report_registration,
    "forward": _forward_notice,
    "identity": _identity_notice,
    "acceptance": _acceptance_decision,
    "refusal": _refusal_decision,
    "mediation-notice": _mediation_notice_data,
    "termination": _termination_decision,
    "agreement": _mediation_agreement,
    "report-result": _report_result_notice,
    "mediation-record": _mediation_record_data,
    "follow-up": _follow_up_record,
}


# --- where a printed text came from, to name it in a message ------------------------------------

_PART_LABELS = {
    "heading": "", "office": "本站信息·", "complainant": "投诉人", "respondent": "被投诉人",
    "reporter": "举报人", "reported": "被举报人", "grounds": "法定情形",
}
_FIELD_LABELS = {
    "name": "名称", "phone": "电话", "address": "地址", "id_number": "证件号码", "contact": "联系人",
    "legal_representative": "法定代表人", "agent_name": "委托代理人", "agent_phone": "代理人电话",
    "doc_prefix": "文号前缀", "station_name": "站点名称", "contact_phone": "联系电话",
    "number": "文号", "case_number": "案件编号", "addressee": "收件人",
    "facts": "事实依据", "request": "投诉请求", "clues": "举报线索", "registered_by": "经办人",
    "source": "投诉（举报）人", "subject": "事由", "materials": "材料", "contact_person": "联系人",
    "place": "调解地点", "mediators": "调解人员", "complaint": "投诉内容及请求", "terms": "协议条款",
    "law": "法律法规", "article": "条款", "result": "处理结果", "mode": "调解方式",
    "participants": "参加人员", "record": "调解记录", "outcome": "调解结果", "method": "回访方式",
    "person_reached": "回访对象", "satisfaction": "满意度", "remarks": "回访备注", "staff": "回访人员",
    "text": "条文",
}


def printed_texts(content: object, path: str = "", label: str = ""):
    """Every text a document prints, as ``(field path, label as the user knows it, text)``."""
    for item in fields(content):
        value = getattr(content, item.name)
        here = f"{path}{item.name}"
        if isinstance(value, str):
            yield here, label + _FIELD_LABELS.get(item.name, item.name), value
        elif is_dataclass(value):
            yield from printed_texts(value, f"{here}.", label + _PART_LABELS.get(item.name, ""))
        elif isinstance(value, tuple):
            for i, element in enumerate(value):
                if isinstance(element, str):
                    yield f"{here}.{i}", label + _FIELD_LABELS.get(item.name, item.name), element
                elif is_dataclass(element):
                    yield from printed_texts(element, f"{here}.{i}.", label + _PART_LABELS.get(item.name, ""))
