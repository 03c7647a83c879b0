"""What the sync panel calls, as plain callables (``SyncServices``), and ``for_store``, which binds
the real ones: the counts, one sync with the hub, the conflict dialog's services, and releasing a
quarantined case (重新上传)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.services.sync_status import SyncOverview, sync_overview
from app.sync import enrolment
from app.sync.engine import SyncProgress, SyncReport, run_sync
from app.sync.release import release
from app.sync.retry import RetryPolicy
from app.views.conflict_dialog import ConflictServices

if TYPE_CHECKING:
    from app.models.store import Store
    from app.services.actor import Actor

# A sync's steps, and the report it returns.
SyncSteps = Generator[SyncProgress, None, SyncReport]


@dataclass(frozen=True)
class SyncServices:
    """What the sync panel needs, as plain callables; ``for_store`` binds the real ones.

    Attributes:
        overview: the counts and the last verified sync now.
        sync: one sync with the hub; stops (SyncCancelled) soon after the event is set, and
            at once (SyncAlreadyRunning) while another sync of the station runs.
        conflicts: for the conflict dialog opened from the panel.
        release: lets a quarantined case (by id) go up again at the next sync; returns how many
            refused changes are pending again (DeskError if it may not, or is not quarantined).
        may_release: whether the signed-in user may release a case (the station head only).
    """

    overview: Callable[[], SyncOverview]
    sync: Callable[[threading.Event], SyncSteps]
    conflicts: ConflictServices
    release: Callable[[int], int]
    may_release: bool

    @classmethod
    def for_store(cls, store: Store, actor: Actor, *, policy: Callable[..., RetryPolicy] = RetryPolicy) -> SyncServices:
        def sync(cancel: threading.Event) -> SyncSteps:
            with enrolment.connect(store, policy=policy(cancel=cancel)) as client:
                return (yield from run_sync(store, client))

        return cls(
            overview=lambda: sync_overview(store),
            sync=sync,
            conflicts=ConflictServices.for_store(store, actor),
            release=lambda case_id: release(store, actor, case_id),
            may_release=actor.is_head,
        )
