"""What the sync panel calls, as plain callables (``SyncServices``), and ``for_store``, which binds
the real ones: the counts, one sync with the hub, and the conflict dialog's services."""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.services.sync_status import SyncOverview, sync_overview
from app.sync import enrolment
from app.sync.engine import SyncProgress, SyncReport, run_sync
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
    """

    overview: Callable[[], SyncOverview]
    sync: Callable[[threading.Event], SyncSteps]
    conflicts: ConflictServices

    @classmethod
    def for_store(cls, store: Store, actor: Actor, *, policy: Callable[..., RetryPolicy] = RetryPolicy) -> SyncServices:
        def sync(cancel: threading.Event) -> SyncSteps:
            with enrolment.connect(store, policy=policy(cancel=cancel)) as client:
                return (yield from run_sync(store, client))

        return cls(
            overview=lambda: sync_overview(store),
            sync=sync,
            conflicts=ConflictServices.for_store(store, actor),
        )
