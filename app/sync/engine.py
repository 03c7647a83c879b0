"""One end-of-day sync: back up, check the clock, send what is pending, take what came down, and
verify that hub and station hold the same. It reports progress by yielding, so the desk can show a
bar and the command line a line of text, and it stops cleanly on cancel between requests.

Success means verified: the report says ``verified`` only when every change has a receipt and the
hub's digests of the station's cases equal the station's own. A station syncs once at a time: a
second sync while one runs ends at once (``SyncAlreadyRunning``), having done nothing.
"""

import logging
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import clock
from app.models.archive import Attachment
from app.models.case import Case
from app.models.history import HistoryEntry
from app.models.station import Setting
from app.models.store import Store
from app.models.sync_state import SyncedCase, SyncReceipt
from app.services.calendar_data import install_calendar
from app.sync import attachments_up, protocol
from app.sync.client import HubClient, HubError
from app.sync.inbox import Applied, apply_page, cursor
from app.sync.outbox import (
    HeldBack,
    PendingCase,
    batch_of,
    batches,
    forget_outgoing,
    keep_outgoing,
    package,
    quarantine,
    quarantined_case_ids,
    record_answer,
    refused_by_hub,
    unanswered,
)
from app.sync.snapshot import case_content_sha256
from app.sync.sync_lock import one_sync_at_a_time

log = logging.getLogger(__name__)

CLOCK_WARNING_SECONDS = 300
LAST_VERIFIED_KEY = "sync.last_verified_at"
# Work orders and revocations that come down make new local changes; they go up in the same
# sync. A few rounds settle it; more would mean the two sides keep feeding each other.
MAX_ROUNDS = 4
# A new batch refused whole with one of these is refused for what it holds: its cases go one by
# one, and a case refused alone is quarantined. 401/403 (the station's credentials) and any
# other answer (a wrong address, say) would refuse every case alike: the sync stops instead.
REFUSED_FOR_CONTENT = {400, 413, 422}


@dataclass(frozen=True)
class SyncProgress:
    phase: str
    done: int
    total: int
    bytes_sent: int
    bytes_received: int


@dataclass
class SyncReport:
    verified: bool = False
    sent: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    attachments: int = 0
    applied: Applied = field(default_factory=Applied)
    clock_offset: float = 0.0
    backup: Path | None = None
    differing_cases: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def clock_warning(self) -> str | None:
        if abs(self.clock_offset) <= CLOCK_WARNING_SECONDS:
            return None
        direction = "慢" if self.clock_offset > 0 else "快"
        return f"本机时钟比市局中心{direction} {abs(self.clock_offset) / 60:.0f} 分钟，请校准本机时间。"


def run_sync(
    store: Store, client: HubClient, *, now: Callable[[], datetime] = clock.now
) -> Generator[SyncProgress, None, SyncReport]:
    """One whole sync, holding the station's sync lock from its first step to its end, however it
    ends (finished, failed, cancelled or closed)."""
    with one_sync_at_a_time(store.paths):
        return (yield from _sync(store, client, now))


def _sync(store: Store, client: HubClient, now: Callable[[], datetime]) -> Generator[SyncProgress, None, SyncReport]:
    report = SyncReport()

    def progress(phase: str, done: int = 0, total: int = 0) -> SyncProgress:
        return SyncProgress(phase, done, total, client.bytes_sent, client.bytes_received)

    report.backup = store.backup("before-sync")
    yield progress("已备份")
    report.clock_offset = client.hub_time()
    if report.clock_warning:
        report.problems.append(report.clock_warning)

    for _ in range(MAX_ROUNDS):
        sent_any = yield from _upload(store, client, report, progress, now)
        got_any = yield from _download(store, client, report, progress, now)
        if not sent_any and not got_any and not report.applied.resync:
            break
        report.applied.resync = False

    yield progress("核验")
    _verify(store, client, report, now)
    return report


def _upload(store: Store, client: HubClient, report: SyncReport, progress, now) -> Generator[SyncProgress, None, bool]:
    sent_any = yield from _resend_unanswered(store, client, report, progress, now)
    # A case with more changes than one part holds goes up part by part: each pass sends the
    # next part of each, packaged after the hub answered the one before.
    sent_first: set[str] = set()
    while True:
        with store.reading() as session:
            pending, unpackable = package(session)
        if unpackable:
            with store.session() as session:
                for case in unpackable:
                    quarantine(session, case, now())
                    _count_quarantined(report, case)
        firsts = {p.upload.changes[0].uid for p in pending}
        if firsts & sent_first:
            # The hub answered a part without a receipt for it: sending it again would not help.
            report.problems.append("中心的答复缺少部分办理记录的回执，未收到回执的记录留待下次同步。")
            return sent_any
        sent_first |= firsts
        if not pending:
            return sent_any
        # Attachments first: a change that names a file must never reach the hub before the file.
        report.attachments += yield from attachments_up.upload(
            store, client, [p.case_id for p in pending], progress, report.problems
        )
        total = sum(len(p.upload.changes) for p in pending)
        done = 0
        for batch, group in batches(pending):
            client.policy.check()
            _send_new_batch(store, client, report, batch, group, now)
            done += sum(len(case.changes) for case in batch.cases)
            yield progress("上传办理记录", done, total)
        sent_any = True
        if not any(p.partial for p in pending):
            return sent_any


def _send_new_batch(store: Store, client: HubClient, report: SyncReport, batch: protocol.Batch,
                    group: list[PendingCase], now) -> None:
    """Send a batch packaged now, kept until its answer is recorded. One the hub refuses whole for
    what it holds was not taken: with several cases in it, each goes again alone, so only the
    case the hub refuses is quarantined, with the hub's reason, and the others go on."""
    with store.session() as session:
        body = keep_outgoing(session, batch, now())
    try:
        answer = client.send_batch_body(body)
    except HubError as exc:
        if exc.status not in REFUSED_FOR_CONTENT:
            raise  # the link, the credentials or the address: the batch is kept for next time
        log.warning("new batch %s of %d case(s) refused whole (%s)", batch.uid, len(group), exc)
        if len(group) > 1:
            with store.session() as session:
                forget_outgoing(session, batch.uid)
            for case in group:
                client.policy.check()
                _send_new_batch(store, client, report, batch_of([case]), [case], now)
            return
        refused = refused_by_hub(group[0], str(exc))
        with store.session() as session:  # one transaction: never dropped without quarantine
            forget_outgoing(session, batch.uid)
            quarantine(session, refused, now())
        _count_quarantined(report, refused)
        return
    with store.session() as session:
        record_answer(session, group, answer, now())
    _count_answers(report, answer)


def _count_quarantined(report: SyncReport, case: HeldBack) -> None:
    report.rejected += len(case.change_uids)
    report.problems.append(f"案件 {case.number} 已隔离，暂不上传：{case.reason}")


def _resend_unanswered(store: Store, client: HubClient, report: SyncReport, progress,
                       now) -> Generator[SyncProgress, None, bool]:
    """Batches whose answer never came go first, byte for byte: the hub answers one it took as it
    did then, and takes one it never saw. Their files went up before they were first sent."""
    with store.session() as session:
        kept = unanswered(session)
    total = sum(len(case.upload.changes) for _uid, _body, group in kept for case in group)
    done = 0
    for batch_uid, body, group in kept:
        client.policy.check()
        try:
            answer = client.send_batch_body(body)
        except HubError as exc:
            if exc.status is None or exc.status in (401, 403):
                raise  # the link or the station's credentials, not this batch: try again next time
            # Refused as a whole, so not taken: its changes go up again in a new batch.
            log.warning("unanswered batch %s refused on resend (%s); its changes go in a new batch", batch_uid, exc)
            with store.session() as session:
                forget_outgoing(session, batch_uid)
            continue
        with store.session() as session:
            record_answer(session, group, answer, now())
        _count_answers(report, answer)
        done += sum(len(case.upload.changes) for case in group)
        yield progress("上传办理记录", done, total)
    return bool(kept)


def _count_answers(report: SyncReport, answer: protocol.BatchAnswer) -> None:
    for change in answer.changes:
        if change.status == "accepted":
            report.sent += 1
        elif change.status == "duplicate":
            report.duplicates += 1
        elif change.status == "conflict":
            report.conflicts += 1
        else:
            report.rejected += 1
            report.problems.append(f"中心拒收变更 {change.uid}：{change.reason}")


def _download(store: Store, client: HubClient, report: SyncReport, progress, now) -> Generator[SyncProgress, None, bool]:
    got_any = False
    while True:
        client.policy.check()
        with store.reading() as session:
            after = cursor(session)
        page = client.feed(after)
        if page.items:
            got_any = True
            with store.session() as session:
                apply_page(session, page, now(), report.applied)
            yield progress("接收市局下发", page.items[-1].seq, page.items[-1].seq)
        if not page.more:
            break
    if report.applied.calendar_changed:
        install_calendar(store)
        report.applied.calendar_changed = False
    return got_any


def held_cases(session: Session) -> list[protocol.HeldCase]:
    """Each case's version and content hash; the hash confirmed at the last sync where the case has
    not changed since, so a verify does not rebuild every case of a large station."""
    confirmed = {row.case_id: row for row in session.scalars(select(SyncedCase))}
    held = []
    for case in session.scalars(select(Case)):
        synced = confirmed.get(case.id)
        if synced is not None and synced.synced_version == case.version:
            digest = synced.content_sha256
        else:
            digest = case_content_sha256(session, case)
        held.append(protocol.HeldCase(case_uid=case.uid, version=case.version, content_sha256=digest))
    return held


def _claim(session: Session) -> tuple[protocol.Verification, list[protocol.HeldCase]]:
    held = held_cases(session)
    from_hub = select(SyncReceipt.change_uid).where(SyncReceipt.status == "from_hub")
    changes = session.scalar(
        select(func.count()).select_from(HistoryEntry)
        .where(HistoryEntry.case_id.is_not(None), HistoryEntry.uid.not_in(from_hub))
    )
    attachments = session.scalar(select(func.count(func.distinct(Attachment.sha256))))
    claim = protocol.Verification(case_count=len(held), buckets=protocol.bucket_digests(held),
                                  change_count=changes, attachment_count=attachments)
    return claim, held


def _verify(store: Store, client: HubClient, report: SyncReport, now) -> None:
    with store.reading() as session:
        claim, held = _claim(session)
        quarantined = quarantined_case_ids(session)
    answer = client.verify(claim)
    if answer.matches and not quarantined:
        report.verified = True
        with store.session() as session:
            session.merge(Setting(key=LAST_VERIFIED_KEY, value=now().isoformat()))
        return
    differing: set[str] = set()
    for bucket in answer.differing_buckets:
        cases = [case for case in held if protocol.bucket_of(case.case_uid) == bucket]
        found = client.verify_bucket(protocol.BucketCheck(bucket=bucket, cases=cases))
        differing.update(found.differing + found.missing_at_hub + found.unknown_at_station)
    with store.reading() as session:
        numbers = dict(session.execute(select(Case.uid, Case.number)).all())
        for case_id in quarantined:
            differing.add(session.get(Case, case_id).uid)
    report.differing_cases = sorted(numbers.get(uid, uid) for uid in differing)
    if answer.hub_change_count != claim.change_count:
        report.problems.append(f"办理记录数不一致：本站 {claim.change_count} 条，中心 {answer.hub_change_count} 条。")
    if answer.hub_attachment_count != claim.attachment_count:
        report.problems.append(f"附件数不一致：本站 {claim.attachment_count} 个，中心 {answer.hub_attachment_count} 个。")
    if report.differing_cases:
        report.problems.append("本站与中心不一致的案件：" + "、".join(report.differing_cases[:20]))
