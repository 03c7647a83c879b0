"""Issuing a case's documents (文书) and keeping them: numbers, the archive, reprints, corrections.

- Every issued document has a number (文号; the registration forms and records print it as their
  编号), ``<prefix><mark>〔<year>〕第<n>号``, e.g. ``西市监投受〔2026〕第3号``: the station's prefix,
  a mark for the kind of document (``NUMBER_MARKS``: each kind counts on its own, so without the
  mark two kinds would print the same number), the year of issue, and the count without leading
  zeros. The count is taken from ``number_sequences`` (kind ``d:<form>``) in the same
  transaction that records the document, so an issue that fails anywhere leaves no gap and no
  repeat. A draft has no number yet (the renderer marks it 样稿).
- An issued document keeps its exact PDF, its SHA-256 and that of its printed content, the
  template version, who issued it and when; the database refuses to change or delete it. A
  history row (``issue_document``) records it with the case, so it syncs like any change.
- A form already issued is never issued again: ``issue_document`` refuses (``AlreadyIssued``,
  say when the user previewed it while someone else issued it), so the inputs typed for a new
  one are never silently dropped. Printing it again is a reprint of the archived bytes
  (``document_pdf``, byte-identical). A corrected document is a separate, explicit action: a new
  document, with a new number, that points at the one it corrects; the old one stays as it was.
- A report's documents name the reporter: only the station head and the mediator handling the
  report may issue or read them (Art. 37).
- The body prints in the font the station chose in its settings (正文字体), read once per preview
  or issue. Should its file have gone, nothing is previewed or issued: the head is told to choose
  again, rather than the document quietly printing in another face.
"""

import hashlib
import json
import logging
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from app.domain import clock
from app.domain.errors import DeskError, StoreError, ValidationError
from app.domain.vocabulary import CaseKind
from app.models.archive import IssuedDocument
from app.models.case import Case
from app.models.station import NumberSequence, Station
from app.models.store import Store
from app.printing import document_data as doc
from app.printing.fonts import FontError, missing_characters
from app.printing.qr import content_digest
from app.printing.render import TEMPLATE_VERSION, render
from app.services.actor import Actor
from app.services.case_access import CaseNotFound, load_case
from app.services.case_rows import may_see_reporter
from app.services.changes import record
from app.services.document_conditions import CaseFile, default_occasion, read_case_file, why_not
from app.services.document_content import fill, printed_texts
from app.services.document_inputs import FORM_INPUTS, FORM_TITLES, ExtraInput, check_extra, check_form
from app.services.settings import OfficeContact, chosen_body_font, load_office_contact

log = logging.getLogger(__name__)

# The mark after the station's prefix, per kind of document.
NUMBER_MARKS = {
    "complaint-register": "登",
    "report-register": "举登",
    "forward": "分",
    "identity": "补",
    "acceptance": "受",
    "refusal": "不受",
    "mediation-notice": "调通",
    "termination": "终调",
    "agreement": "调",
    "report-result": "举告",
    "mediation-record": "调记",
    "follow-up": "访",
}

# Forms that print the office's phone (and, for form 4, its address): from the station settings.
_NEEDS_PHONE = {"identity", "acceptance", "mediation-notice"}
_NEEDS_ADDRESS = {"identity"}

REPORTER_PROTECTED = "举报人信息依法保密：本举报的文书只有站长和承办该举报的调解员可以出具或查看。"


class DocumentRefused(DeskError):
    """A document that cannot be issued or read, with the reason for the user."""


class AlreadyIssued(DocumentRefused):
    """The form was issued for the case already: it may be reprinted, or corrected, not issued again."""


@dataclass(frozen=True)
class IssuedView:
    id: int
    form: str
    title: str
    number: str | None
    issued_at: datetime
    issued_by_name: str
    sha256: str
    corrects_id: int | None
    corrected_by_id: int | None


@dataclass(frozen=True)
class FormChoice:
    """A form as the case stands: whether it applies now (else why not), and its current issue.

    ``issued`` is the document a print gives again, for the session or visit a new one would be
    about; ``inputs`` are the facts to type in before issuing (see ``document_inputs``).
    """

    name: str
    title: str
    applies: bool
    reason: str
    issued: IssuedView | None
    inputs: tuple[ExtraInput, ...] = ()


def available_forms(store: Store, actor: Actor, case_id: int) -> list[FormChoice]:
    """Every form, in the order of the set, as it stands for this case and this user."""
    contact = load_office_contact(store)
    with store.reading() as session:
        case = load_case(session, case_id)
        if not _may_read(case, actor):
            return [FormChoice(name, title, False, REPORTER_PROTECTED, None) for name, title in FORM_TITLES.items()]
        file = read_case_file(session, case)
        archive = _Archive(session, file)
        choices = []
        for name, title in FORM_TITLES.items():
            occasion = default_occasion(file, name)
            gap = _contact_gap(name, contact)
            reason = why_not(file, name, occasion) or (str(gap) if gap else None)
            current = archive.current(name, occasion)
            issued = archive.view(current) if current is not None else None
            choices.append(FormChoice(name, title, reason is None, reason or "", issued, FORM_INPUTS.get(name, ())))
        return choices


def draft_content(
    store: Store, actor: Actor, case_id: int, form: str, extra: dict | None = None, *, corrects: int | None = None
) -> doc.DocumentContent:
    """What the document would print if issued now (as a correction of ``corrects``, if given),
    without a number; nothing is recorded."""
    return _draft(store, actor, case_id, form, extra, corrects, _body_font(store))


def preview_document(
    store: Store, actor: Actor, case_id: int, form: str, extra: dict | None = None, *, corrects: int | None = None
) -> bytes:
    """The draft (``draft_content``) as a PDF, for the user to look at before issuing."""
    body_font = _body_font(store)
    return render(_draft(store, actor, case_id, form, extra, corrects, body_font), body_font=body_font)


def issue_document(
    store: Store, actor: Actor, case_id: int, form: str, extra: dict | None = None, *, corrects: int | None = None
) -> IssuedView:
    """Issue ``form`` for the case, numbered and archived (as a correction of ``corrects``, if given).

    Refused (``AlreadyIssued``) when the form was issued already and no correction is asked for:
    a reprint is ``document_pdf`` of the archived one.
    """
    form = check_form(form)
    contact = load_office_contact(store)
    body_font = _body_font(store)
    with store.session() as session:
        case = load_case(session, case_id)
        file, occasion = _prepare(session, case, actor, form, corrects)
        archive = _Archive(session, file)
        current = archive.current(form, occasion) if corrects is None else None
        if current is not None:
            log.info("case %s: %s already issued as document %s; not issued again", case.number, form, current.id)
            raise AlreadyIssued(
                f"{FORM_TITLES[form]}已于 {clock.format_local(current.issued_at)} 出具"
                f"（{current.number or '无文号'}），不再另行出具。"
                "要再印一份，请重新打印已出具的文书；内容有误时，请出具更正文书。"
            )
        # Numbered, rendered and recorded in this one transaction: the number is printed in the
        # PDF, and a failure anywhere gives the number back.
        today = clock.today()
        number = _next_number(session, form, today)
        content = _content(
            session, file, form, occasion, extra, contact, today=today, number=number, body_font=body_font
        )
        pdf = render(content, body_font=body_font)
        issued = IssuedDocument(
            uid=str(uuid.uuid4()),
            case_id=case.id,
            form=form,
            number=number,
            template_version=TEMPLATE_VERSION,
            issued_at=clock.now(),
            issued_by=actor.user_id,
            corrects_id=corrects,
            pdf=pdf,
            sha256=hashlib.sha256(pdf).hexdigest(),
            content_sha256=content_digest(content),
        )
        session.add(issued)
        session.flush()
        facts = {
            "document": issued.uid, "form": form, "number": number, "sha256": issued.sha256,
            "template_version": TEMPLATE_VERSION,
        }
        if occasion is not None:
            facts["occasion"] = occasion
        if corrects is not None:
            facts["corrects"] = next(d.uid for d in archive.documents if d.id == corrects)
        record(session, case, actor, "issue_document", facts)
        log.info("case %s: issued %s %s (document %s)", case.number, form, number, issued.id)
        return archive.view(issued)


def issued_documents(store: Store, actor: Actor, case_id: int) -> list[IssuedView]:
    """The documents issued for the case, oldest first; none for a user who may not read them."""
    with store.reading() as session:
        case = load_case(session, case_id)
        if not _may_read(case, actor):
            return []
        archive = _Archive(session, read_case_file(session, case))
        return [archive.view(issued) for issued in archive.documents]


def document_pdf(store: Store, actor: Actor | None, document_id: int) -> bytes:
    """The archived PDF, exactly as issued, checked against the SHA-256 kept with it.

    ``actor`` None is the command line without a signed-in user: it may reprint every document
    but a report's.
    """
    with store.reading() as session:
        issued = session.get(IssuedDocument, document_id)
        if issued is None:
            raise DocumentRefused(f"找不到这份文书（{document_id}）。")
        if not _may_read(load_case(session, issued.case_id), actor):
            raise DocumentRefused(REPORTER_PROTECTED)
        pdf, expected, number = issued.pdf, issued.sha256, issued.number
    if hashlib.sha256(pdf).hexdigest() != expected:
        log.error("issued document %s: archived bytes do not match their SHA-256", document_id)
        raise StoreError(
            f"文书{number}的存档内容与出具时的校验值不符，可能已损坏或被改动。"
            "请不要使用这份文件，报告站长并从备份恢复。"
        )
    return pdf


def case_id_by_number(store: Store, number: str) -> int:
    """The id of the case numbered ``number`` (``T2026-00017``), for the command line."""
    with store.reading() as session:
        case_id = session.scalars(select(Case.id).where(Case.number == number.strip())).first()
    if case_id is None:
        raise CaseNotFound(f"没有编号为 {number} 的案件。")
    return case_id


# --- the steps -----------------------------------------------------------------------------------


def _body_font(store: Store) -> Path | None:
    """The body font the station chose (None: the bundled one); refused when its file has gone."""
    path = chosen_body_font(store)
    if path is not None and not path.is_file():
        log.warning("the chosen body font %s is missing; nothing printed", path)
        raise FontError(
            f"本站选定的正文字体文件“{path}”已找不到，不能用它印制文书，未出具任何文书。"
            "请站长在“设置”中重新选择正文字体，或改回内置仿宋。"
        )
    return path


def _draft(
    store: Store, actor: Actor, case_id: int, form: str, extra: dict | None, corrects: int | None,
    body_font: Path | None,
) -> doc.DocumentContent:
    form = check_form(form)
    contact = load_office_contact(store)
    with store.reading() as session:
        case = load_case(session, case_id)
        file, occasion = _prepare(session, case, actor, form, corrects)
        return _content(
            session, file, form, occasion, extra, contact, today=clock.today(), number=None, body_font=body_font
        )


def _may_read(case: Case, actor: Actor | None) -> bool:
    """Art. 37: a report's documents are for the head and the mediator handling the report."""
    if case.kind != CaseKind.REPORT.value:
        return True
    return actor is not None and may_see_reporter(case, actor.role, actor.user_id)


def _prepare(
    session: Session, case: Case, actor: Actor, form: str, corrects: int | None
) -> tuple[CaseFile, str | None]:
    """The case as its documents read it, and the occasion of the document; refuses, saying why,
    when the user may not, when the form does not apply, or when ``corrects`` cannot be corrected."""
    if not _may_read(case, actor):
        raise DocumentRefused(REPORTER_PROTECTED)
    file = read_case_file(session, case)
    if corrects is None:
        occasion = default_occasion(file, form)
    else:
        occasion = _Archive(session, file).correctable(form, corrects)
    reason = why_not(file, form, occasion)
    if reason is not None:
        raise DocumentRefused(reason)
    return file, occasion


def _content(
    session: Session, file: CaseFile, form: str, occasion: str | None, extra: dict | None,
    contact: OfficeContact, *, today: date, number: str | None, body_font: Path | None,
) -> doc.DocumentContent:
    gap = _contact_gap(form, contact)
    if gap is not None:
        raise gap
    content = fill(
        file, form, office=_office(session, form, contact), issued_on=today, number=number,
        occasion=occasion, extra=check_extra(form, extra, today),
    )
    _check_characters(content, body_font)
    return content


def _contact_gap(form: str, contact: OfficeContact) -> ValidationError | None:
    """The office's phone or address, when the form prints it and the settings lack it."""
    needs = f"{FORM_TITLES[form]}要印它，站点设置中尚未填写（由站长填写）"
    if form in _NEEDS_PHONE and not contact.phone:
        return ValidationError("station.office_phone", "本站联系电话", needs)
    if form in _NEEDS_ADDRESS and not contact.address:
        return ValidationError("station.office_address", "本站通信地址", needs)
    return None


def _office(session: Session, form: str, contact: OfficeContact) -> doc.Office:
    """The issuing office; its prefix is this kind of document's, so a draft's blank number line
    reads as the issued one will."""
    station = session.scalars(select(Station)).one()
    return doc.Office(
        name=station.office_name,
        doc_prefix=station.doc_prefix + NUMBER_MARKS[form],
        station_name=station.name,
        contact_phone=contact.phone,
        address=contact.address,
    )


def _check_characters(content: doc.DocumentContent, body_font: Path | None) -> None:
    """Refuse a document that would print a character no font has (it would come out as a
    blank box), naming the character and the field it is in."""
    missing = missing_characters(content, body_font=body_font)
    if not missing:
        return
    for path, label, text in printed_texts(content):
        found = [char for char in dict.fromkeys(missing) if char in text]
        if found:
            shown = "、".join(f"“{char}”（U+{ord(char):04X}）" for char in found)
            raise ValidationError(
                path, label, f"{shown}不在打印字体中，印出来会缺字；请改用通行写法，或手写补上后再出具"
            )
    raise ValidationError("document", "文书", f"“{'”“'.join(missing)}”不在打印字体中，印出来会缺字")


def _next_number(session: Session, form: str, on: date) -> str:
    """The next 文号 of this kind of document in ``on``'s year, inside the caller's transaction."""
    sequence = session.get(NumberSequence, (f"d:{form}", on.year))
    if sequence is None:
        sequence = NumberSequence(kind=f"d:{form}", year=on.year, last=0)
        session.add(sequence)
    sequence.last += 1
    prefix = session.scalars(select(Station.doc_prefix)).one()
    return f"{prefix}{NUMBER_MARKS[form]}〔{on.year}〕第{sequence.last}号"


class _Archive:
    """The documents issued for one case (without their bytes), and which one is current."""

    def __init__(self, session: Session, file: CaseFile):
        self.documents = list(
            session.scalars(
                select(IssuedDocument)
                .options(defer(IssuedDocument.pdf))
                .where(IssuedDocument.case_id == file.case.id)
                .order_by(IssuedDocument.id)
            )
        )
        self._users = file.users
        self._corrected_by = {d.corrects_id: d.id for d in self.documents if d.corrects_id is not None}
        # Which session or visit each document is about, as its history row says.
        self._occasions = {}
        for entry in file.entries("issue_document"):
            facts = json.loads(entry.changes)
            self._occasions[facts.get("document")] = facts.get("occasion")

    def current(self, form: str, occasion: str | None) -> IssuedDocument | None:
        """The latest uncorrected document of ``form`` about ``occasion``."""
        found = [
            d for d in self.documents
            if d.form == form and d.id not in self._corrected_by and self._occasions.get(d.uid) == occasion
        ]
        return found[-1] if found else None

    def correctable(self, form: str, document_id: int) -> str | None:
        """The occasion of the document to correct; refuses one of another case or form, or one
        already corrected (correct the newest)."""
        issued = next((d for d in self.documents if d.id == document_id), None)
        if issued is None:
            raise DocumentRefused("要更正的文书不是本案出具的。")
        if issued.form != form:
            raise DocumentRefused(f"要更正的是{FORM_TITLES[issued.form]}，不是{FORM_TITLES[form]}。")
        if issued.id in self._corrected_by:
            newer = next(d for d in self.documents if d.id == self._corrected_by[issued.id])
            raise DocumentRefused(f"这份文书已由{newer.number or '另一份'}更正，请更正最新的一份。")
        return self._occasions.get(issued.uid)

    def view(self, issued: IssuedDocument) -> IssuedView:
        return IssuedView(
            id=issued.id,
            form=issued.form,
            title=FORM_TITLES[issued.form],
            number=issued.number,
            issued_at=issued.issued_at,
            issued_by_name=self._users.get(issued.issued_by, ""),
            sha256=issued.sha256,
            corrects_id=issued.corrects_id,
            corrected_by_id=self._corrected_by.get(issued.id),
        )
