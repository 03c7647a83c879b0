"""Applying what the hub sends down. Each page of the feed and the cursor after it commit in one
transaction, so an item is applied once even if the link drops in the middle of a page.

Nothing here overwrites a case with unsent local changes: such a case gets a conflict for the
user instead, with both versions kept.
"""

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.calendar import parse_calendar_file
from app.domain.errors import CalendarError, ValidationError
from app.domain.vocabulary import CaseState, Channel, UserRole
from app.models.case import Case
from app.models.station import CalendarYear, Setting
from app.models.sync_state import BureauNotice, SyncConflict, SyncedCase, SyncReceipt
from app.services.actor import Actor
from app.services.changes import change
from app.services.drafts import CaseDraft, PartyDraft
from app.services.intake import register_work_order
from app.services.station import merge_codes
from app.sync import protocol
from app.sync.canonical import canonical_json
from app.sync.hub_versions import apply_hub_version
from app.sync.outbox import has_unsent_changes

log = logging.getLogger(__name__)

CURSOR_KEY = "sync.feed_cursor"
ODR_KEY = "reference.odr_enterprises"

# What the hub sends down was done by no local account.
BUREAU = Actor(user_id=None, username="bureau", display_name="市局中心", role=UserRole.HEAD)


@dataclass
class Applied:
    """What a sync brought down, for the summary."""

    work_orders: int = 0
    notices: int = 0
    updates: int = 0
    conflicts: int = 0
    calendar_changed: bool = False
    resync: bool = False
    problems: list[str] = field(default_factory=list)


def cursor(session: Session) -> int:
    row = session.get(Setting, CURSOR_KEY)
    return int(row.value) if row else 0


def apply_page(session: Session, page: protocol.FeedPage, now: datetime, applied: Applied) -> None:
    for item in page.items:
        _APPLY[item.kind](session, item, now, applied)
    if page.items:
        session.merge(Setting(key=CURSOR_KEY, value=str(page.items[-1].seq)))


def _notice(session: Session, item: protocol.FeedItem, case_uid: str, text: str, now: datetime, respond_by=None):
    session.add(BureauNotice(feed_seq=item.seq, kind=item.kind, case_uid=case_uid, text=text,
                             respond_by=respond_by, received_at=now))


def _work_order(session: Session, item: protocol.FeedItem, now: datetime, applied: Applied) -> None:
    order = protocol.WorkOrder.model_validate(item.payload)
    if session.scalars(select(Case).where(Case.uid == order.case_uid)).first() is not None:
        return  # already here: the page was applied before and only its answer was lost
    draft = CaseDraft(
        kind=order.kind, channel=Channel(order.channel), received_at=order.received_at,
        platform_ref=order.platform_ref,
        complainants=[PartyDraft(name=order.complainant.name, phone=order.complainant.phone,
                                 address=order.complainant.address)],
        respondent=PartyDraft(name=order.respondent.name, phone=order.respondent.phone,
                              address=order.respondent.address, credit_code=order.respondent.credit_code),
        request=order.request, facts=order.facts,
    )
    try:
        with session.begin_nested():
            registered = register_work_order(session, BUREAU, draft, order.case_uid)
    except ValidationError as exc:
        # Kept, not lost: the mediator registers it by hand from the notice.
        text = f"市局分送工单 {order.platform_ref} 内容不合格（{exc}），请按工单人工登记：{order.request}"
        applied.problems.append(text)
        _notice(session, item, order.case_uid, text, now)
        return
    applied.work_orders += 1
    note = f"：{order.note}" if order.note else ""
    _notice(session, item, order.case_uid, f"市局分送工单 {order.platform_ref}，已登记为 {registered.number}{note}", now)


def _supervision(session: Session, item: protocol.FeedItem, now: datetime, applied: Applied) -> None:
    notice = protocol.Supervision.model_validate(item.payload)
    applied.notices += 1
    _notice(session, item, notice.case_uid, f"督办：{notice.text}", now, respond_by=notice.respond_by)


def _revocation(session: Session, item: protocol.FeedItem, now: datetime, applied: Applied) -> None:
    revocation = protocol.Revocation.model_validate(item.payload)
    applied.notices += 1
    case = session.scalars(select(Case).where(Case.uid == revocation.case_uid)).first()
    if case is None or case.state == CaseState.VOIDED.value:
        _notice(session, item, revocation.case_uid, f"市局撤回分送：{revocation.reason}", now)
        return
    if has_unsent_changes(session, case.id):
        applied.conflicts += 1
        session.add(SyncConflict(case_id=case.id, field="case/state", hub_version=0, found_at=now,
                                 station_value=canonical_json(case.state).decode(),
                                 hub_value=canonical_json(CaseState.VOIDED.value).decode()))
        _notice(session, item, case.uid,
                f"市局撤回分送 {case.number}（{revocation.reason}），但本站对该案有尚未上传的办理记录，请核对后处理。", now)
        return
    change(session, case, BUREAU, "revoke_work_order",
           {"state": CaseState.VOIDED, "void_reason": f"市局撤回分送：{revocation.reason}"})
    _notice(session, item, case.uid, f"市局撤回分送 {case.number}：{revocation.reason}（已作废）", now)


def _case_update(session: Session, item: protocol.FeedItem, now: datetime, applied: Applied) -> None:
    case = session.scalars(select(Case).where(Case.uid == item.payload.get("case_uid"))).first()
    if case is None:
        applied.problems.append(f"中心发来本站没有的案件 {item.payload.get('case_uid')} 的新版本，已忽略。")
        return
    conflicts = apply_hub_version(session, case, item.payload, now, BUREAU)
    applied.updates += 1
    applied.conflicts += conflicts


def _reference(session: Session, item: protocol.FeedItem, now: datetime, applied: Applied) -> None:
    data = protocol.ReferenceData.model_validate(item.payload)
    try:
        if data.kind == "calendar":
            schedule = parse_calendar_file(data.content)
            session.merge(CalendarYear(year=schedule.year, source=schedule.source, content=data.content,
                                       imported_at=now))
            applied.calendar_changed = True
        elif data.kind == "categories":
            merge_codes(session, data.content)
        else:
            session.merge(Setting(key=ODR_KEY, value=json.dumps(data.content, ensure_ascii=False)))
    except (CalendarError, KeyError, TypeError, ValueError) as exc:
        # A bad file from the bureau must not stop the feed; the station keeps what it had.
        applied.problems.append(f"市局下发的参考数据（{data.kind}）不合格，未采用：{exc}")


def _resync(session: Session, item: protocol.FeedItem, now: datetime, applied: Applied) -> None:
    """Forget what the hub confirmed, so everything goes up again; the hub answers 'duplicate'
    for what it has. Receipts of the hub's own changes stay: those never go up."""
    session.execute(delete(SyncReceipt).where(SyncReceipt.status != "from_hub"))
    session.execute(delete(SyncedCase))
    applied.resync = True


_APPLY = {
    "work_order": _work_order,
    "supervision": _supervision,
    "revocation": _revocation,
    "case_update": _case_update,
    "reference": _reference,
    "resync": _resync,
}
