"""Releasing a quarantined case (重新上传): the station head, having fixed the cause or heard
from the bureau that it fixed its side, lets the case's held changes go up again.

Quarantine is nothing but the case's rejected receipts (``app.sync.outbox``), so releasing it
removes them: every change of the case is pending again and goes up at the next sync, in order,
with the case as it stands then. If the hub refuses it again, the sync quarantines it again with
the hub's new reason, as it did the first time.

The release is not a change of the case: no history row is written (history rows are what the
sync sends), only a line in the log saying who released what.
"""

import logging

from sqlalchemy import delete, select

from app.domain.errors import DeskError, IllegalTransition
from app.models.case import Case
from app.models.store import Store
from app.models.sync_state import SyncReceipt
from app.services.actor import Actor

log = logging.getLogger(__name__)

HEAD_ONLY = "只有站长可以让被隔离的案件重新上传。"


def release(store: Store, actor: Actor, case_id: int) -> int:
    """Release the quarantined case ``case_id``; returns how many refused changes are pending again.

    All or nothing, in one transaction. Only the station head may do it (``IllegalTransition``);
    a case that is not quarantined, or not there at all, is a ``DeskError`` and nothing changes.
    """
    if not actor.is_head:
        raise IllegalTransition(HEAD_ONLY)
    with store.session() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise DeskError("所选案件已不存在，无法重新上传。")
        refused = session.scalars(
            select(SyncReceipt.reason).where(SyncReceipt.case_id == case_id, SyncReceipt.status == "rejected")
        ).all()
        if not refused:
            raise DeskError(f"案件 {case.number} 没有被隔离，无需重新上传。")
        session.execute(
            delete(SyncReceipt).where(SyncReceipt.case_id == case_id, SyncReceipt.status == "rejected")
        )
        number = case.number
    log.info("%s (station head) released quarantined case %s: %d refused changes pending again (reason was: %s)",
             actor.username, number, len(refused), min(refused))
    return len(refused)
