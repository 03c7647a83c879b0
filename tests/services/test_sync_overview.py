"""The sync overview counts changes without joining every history row with the receipts; its
numbers must be those of the join, whatever mix of receipts the station holds."""

import uuid
from datetime import datetime, timezone

from sqlalchemy import delete, select

from app.models.history import HistoryEntry
from app.models.sync_state import SyncReceipt
from app.services.editing import edit_case
from app.services.sync_status import sync_overview
from tests.services.factories import register_complaint


def history_uids(store, case_id: int) -> list[str]:
    with store.reading() as session:
        rows = select(HistoryEntry.uid).where(HistoryEntry.case_id == case_id).order_by(HistoryEntry.id)
        return list(session.scalars(rows))


def add_receipt(store, case_id: int, uid: str, status: str, reason: str = "") -> None:
    with store.session() as session:
        session.add(
            SyncReceipt(change_uid=uid, case_id=case_id, status=status, reason=reason, at=datetime.now(timezone.utc))
        )


def joined_counts(store) -> tuple[int, int, int]:
    """(pending, held, rejected) worked out row by row, as the join did."""
    with store.reading() as session:
        rows = session.execute(
            select(HistoryEntry.case_id, HistoryEntry.uid).where(HistoryEntry.case_id.is_not(None))
        ).all()
        receipts = dict(session.execute(select(SyncReceipt.change_uid, SyncReceipt.status)).all())
        quarantined = set(session.scalars(select(SyncReceipt.case_id).where(SyncReceipt.status == "rejected")))
    waiting = [case_id for case_id, uid in rows if uid not in receipts]
    held = sum(1 for case_id in waiting if case_id in quarantined)
    rejected = sum(1 for status in receipts.values() if status == "rejected")
    return len(waiting) - held, held, rejected


def overview_counts(store) -> tuple[int, int, int]:
    overview = sync_overview(store)
    return overview.pending, overview.held, overview.rejected


def test_the_counts_match_the_join_through_a_stations_receipts(store, head):
    synced, quarantined, from_hub, untouched = (register_complaint(store, head, request=r) for r in "甲乙丙丁")
    for case_id in (synced, quarantined, from_hub):
        edit_case(store, head, case_id, {"facts": "补充：有购物小票"})
    with store.session() as session:  # a change of the station itself, not of a case: never sent
        session.add(HistoryEntry(uid=str(uuid.uuid4()), case_id=None, at=datetime.now(timezone.utc), user_id=None,
                                 username="head", action="settings", base_version=0, changes="{}"))
    before = overview_counts(store)
    assert before == joined_counts(store) and before[0] == 7

    for uid in history_uids(store, synced):
        add_receipt(store, synced, uid, "accepted")
    first, *later = history_uids(store, quarantined)
    add_receipt(store, quarantined, first, "rejected", "该案件属于另一站点。")
    add_receipt(store, from_hub, history_uids(store, from_hub)[0], "from_hub")
    assert later, "the quarantined case needs changes held behind its rejected one"

    pending, held, rejected = overview_counts(store)
    assert (pending, held, rejected) == joined_counts(store)
    assert (held, rejected) == (len(later), 1)
    assert pending == len(history_uids(store, from_hub)) - 1 + len(history_uids(store, untouched))
    assert sync_overview(store).unsynced == pending + held + rejected

    with store.session() as session:  # a full re-sync ordered by the hub forgets the station's receipts
        session.execute(delete(SyncReceipt).where(SyncReceipt.status != "from_hub"))
    assert overview_counts(store) == joined_counts(store) == (before[0] - 1, 0, 0)
