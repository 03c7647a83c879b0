"""Where the station's sync stands: each case's sync state for the list, and the counts the sync
panel and the status bar show. Read in a few queries per page or per call, never one per case.

A case's state, worst first:
- rejected (被拒收): the hub refused one of its changes; the case is quarantined (its later
  changes wait) until the bureau has looked at it;
- conflict (有冲突): a field the hub and the station hold different values for waits for a person;
- pending (待上传): a change the hub has not confirmed yet;
- synced (已同步): the hub has confirmed every change.
"""

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from sqlalchemy import func, literal, select, union_all
from sqlalchemy.orm import Session

from app.models.case import Case
from app.models.history import HistoryEntry
from app.models.station import Setting
from app.models.store import Store
from app.models.sync_state import SyncConflict, SyncReceipt


class SyncState(Enum):
    SYNCED = "synced"
    PENDING = "pending"
    CONFLICT = "conflict"
    REJECTED = "rejected"


# Worst first: a case shows the first of these that applies.
_PRECEDENCE = [SyncState.REJECTED, SyncState.CONFLICT, SyncState.PENDING]
# Three selects of the same IDs in one statement; SQLite's older limit is 999 parameters.
_SLICE = 300


def _unconfirmed():
    """History rows of cases with no receipt from the hub (a rejected one counts as a receipt)."""
    return (
        select(HistoryEntry.case_id)
        .outerjoin(SyncReceipt, SyncReceipt.change_uid == HistoryEntry.uid)
        .where(HistoryEntry.case_id.is_not(None), SyncReceipt.change_uid.is_(None))
    )


def sync_states(store: Store, case_ids: list[int]) -> dict[int, SyncState]:
    """The sync state of each of these cases (one query per 300 cases)."""
    found: dict[int, set[SyncState]] = {}
    with store.reading() as session:
        for start in range(0, len(case_ids), _SLICE):
            ids = case_ids[start : start + _SLICE]
            query = union_all(
                select(SyncReceipt.case_id, literal(SyncState.REJECTED.value))
                .where(SyncReceipt.status == "rejected", SyncReceipt.case_id.in_(ids)),
                select(SyncConflict.case_id, literal(SyncState.CONFLICT.value))
                .where(SyncConflict.resolved_at.is_(None), SyncConflict.case_id.in_(ids)),
                _unconfirmed().add_columns(literal(SyncState.PENDING.value)).where(HistoryEntry.case_id.in_(ids)),
            )
            for case_id, state in session.execute(query):
                found.setdefault(case_id, set()).add(SyncState(state))
    return {
        case_id: next((state for state in _PRECEDENCE if state in found.get(case_id, ())), SyncState.SYNCED)
        for case_id in case_ids
    }


@dataclass(frozen=True)
class CaseAttention:
    """A case the sync cannot settle by itself: in conflict, or quarantined after a rejection.

    Attributes:
        conflicts: the number of fields in unresolved conflict (0 for a quarantined case).
        reason: the hub's reason for refusing a change ("" for a conflict).
    """

    case_id: int
    number: str
    conflicts: int = 0
    reason: str = ""


@dataclass(frozen=True)
class SyncOverview:
    """The station's sync at a glance.

    Attributes:
        pending: changes waiting to go up (those of quarantined cases not counted).
        rejected: changes the hub refused.
        held: changes of quarantined cases that wait until the case is cleared.
        conflict_cases: cases with unresolved conflicts, by number.
        quarantined_cases: quarantined cases, by number, with the hub's reason.
        last_verified: when a sync last ended with both sides verified equal; None if never.
        hub_url: the hub this station enrolled with; None if it has not.
    """

    pending: int
    rejected: int
    held: int
    conflict_cases: list[CaseAttention]
    quarantined_cases: list[CaseAttention]
    last_verified: datetime | None
    hub_url: str | None

    @property
    def unsynced(self) -> int:
        """Every change the hub has not taken yet, for the status bar."""
        return self.pending + self.rejected + self.held


def _unconfirmed_count(session: Session) -> int:
    """The history rows of cases with no receipt, counted without joining them.

    Every receipt names one history row of its case: the outbox writes them for the rows it sent
    or could not send, the hub's updates for the rows they record; history rows are never
    deleted, and a full re-sync deletes receipts, which keeps this true. So the count is the
    case rows of the history minus the receipts. Both counts read one index each, where the join
    read every history row: on a 200,000-case station (948,021 rows) the whole overview now takes
    0.2 to 0.4 s, the join alone took 0.8 to 1.0 s (docs/benchmarks.md, "Desk").
    """
    changes = session.scalar(select(func.count()).select_from(HistoryEntry).where(HistoryEntry.case_id.is_not(None)))
    receipts = session.scalar(select(func.count()).select_from(SyncReceipt))
    return changes - receipts


def sync_overview(store: Store) -> SyncOverview:
    # The sync engine, its HTTP client and protocol models are imported here, not with the
    # module: the case list needs only ``sync_states``, and the desk's start does without them.
    from app.sync.engine import LAST_VERIFIED_KEY
    from app.sync.enrolment import hub_url

    quarantined = select(SyncReceipt.case_id).where(SyncReceipt.status == "rejected")
    with store.reading() as session:
        unconfirmed = _unconfirmed_count(session)
        # Quarantined cases are few: only their rows are joined with the receipts.
        held = session.scalar(
            _unconfirmed().with_only_columns(func.count()).where(HistoryEntry.case_id.in_(quarantined))
        )
        rejected = session.scalar(
            select(func.count()).select_from(SyncReceipt).where(SyncReceipt.status == "rejected")
        )
        conflicts = session.execute(
            select(Case.id, Case.number, func.count(func.distinct(SyncConflict.field)))
            .join(SyncConflict, SyncConflict.case_id == Case.id)
            .where(SyncConflict.resolved_at.is_(None))
            .group_by(Case.id, Case.number)
            .order_by(Case.number)
        ).all()
        reasons = session.execute(
            select(Case.id, Case.number, func.min(SyncReceipt.reason))
            .join(SyncReceipt, SyncReceipt.case_id == Case.id)
            .where(SyncReceipt.status == "rejected")
            .group_by(Case.id, Case.number)
            .order_by(Case.number)
        ).all()
        verified_at = session.get(Setting, LAST_VERIFIED_KEY)
    return SyncOverview(
        pending=unconfirmed - held,
        rejected=rejected,
        held=held,
        conflict_cases=[CaseAttention(case_id, number, conflicts=count) for case_id, number, count in conflicts],
        quarantined_cases=[CaseAttention(case_id, number, reason=reason) for case_id, number, reason in reasons],
        last_verified=datetime.fromisoformat(verified_at.value) if verified_at else None,
        hub_url=hub_url(store),
    )
