"""Keeping the station's value in a conflict found on download, for a field the station never
changed itself: the choice must reach the hub, not be undone by the hub's value at the next sync.

The conflict arises when the hub's version of a case comes down while the case has unsent local
changes (a sync cut after its download, or an edit made while the sync ran)."""

import json
from datetime import datetime, timezone

import pytest
from sqlalchemy import func, select

from app.cli_sync import connect
from app.models.history import HistoryEntry
from app.models.sync_state import SyncConflict, SyncReceipt
from app.services import details
from app.services.editing import edit_case
from app.sync import conflicts
from app.sync.conflicts import KEEP_STATION, TAKE_HUB
from app.sync.inbox import Applied, apply_page, cursor
from bureau.models import Case as HubCase
from bureau.models import Change
from tests.services.factories import register_complaint
from tests.sync.conftest import quick_policy
from tests.sync.test_station_sync import (
    hub_changes_field,
    hub_holds,
    hub_session,
    local_case_uid,
    run,
    station,  # noqa: F401  (fixture)
    station_holds,
)


def download_only(store) -> Applied:
    """The download of a sync, without its upload: what a sync cut after its download leaves."""
    applied = Applied()
    with connect(store) as client:
        client.policy = quick_policy()
        with store.reading() as session:
            page = client.feed(cursor(session))
        with store.session() as session:
            apply_page(session, page, datetime.now(timezone.utc), applied)
    return applied


def hub_content(hub, case_uid: str) -> dict:
    with hub_session(hub)() as session:
        return json.loads(session.scalars(select(HubCase).where(HubCase.uid == case_uid)).one().content)


def open_paths(store, case_id: int) -> list[str]:
    return [field.path for field in conflicts.open_conflicts(store, case_id)]


@pytest.fixture
def download_conflict(station, head, hub):  # noqa: F811
    """A synced case; the hub then changes its request, the station its facts (not sent); the
    hub's version comes down: both fields are in conflict, though the station never touched request."""
    case_id = register_complaint(station, head)
    assert run(station).verified
    case_uid = local_case_uid(station, case_id)
    hub_changes_field(hub, case_uid, ("case", "request"), "换货")
    edit_case(station, head, case_id, {"facts": "本站离线补充的事实"})
    assert download_only(station).conflicts == 2
    assert open_paths(station, case_id) == ["case/facts", "case/request"]
    return case_id, case_uid


def test_keeping_the_station_value_is_recorded_and_goes_up_once(station, head, hub, download_conflict):  # noqa: F811
    case_id, _ = download_conflict
    recorded = conflicts.resolve(station, head, case_id, {"case/request": KEEP_STATION, "case/facts": KEEP_STATION})
    # Neither field changes here, but each choice is a change against the hub's version.
    assert recorded == {"request": ["换货", "退货退款"], "facts": ["购买的玉镯经检测为染色石英岩", "本站离线补充的事实"]}
    newest = details.case_detail(station, case_id, role=head.role).history[-1]
    assert newest.action == "resolve_conflict" and newest.changes == recorded
    assert open_paths(station, case_id) == []

    report = run(station)
    assert report.verified, report.problems
    with station.reading() as session:
        from_hub = select(SyncReceipt.change_uid).where(SyncReceipt.status == "from_hub")  # never go up
        local_changes = session.scalar(
            select(func.count()).select_from(HistoryEntry).where(HistoryEntry.uid.not_in(from_hub))
        )
        assert session.scalar(select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None))) == 0
    with hub_session(hub)() as session:
        assert session.scalar(select(func.count()).select_from(Change).where(Change.action == "resolve_conflict")) == 1
        assert session.scalar(select(func.count()).select_from(Change)) == local_changes  # each once
        assert session.scalar(select(func.count(func.distinct(Change.uid)))) == local_changes
    assert hub_holds(hub) == station_holds(station)


def test_both_sides_end_with_the_kept_value(station, head, hub, download_conflict):  # noqa: F811
    case_id, case_uid = download_conflict
    conflicts.resolve(station, head, case_id, {"case/request": KEEP_STATION, "case/facts": KEEP_STATION})
    report = run(station)
    assert report.verified, report.problems
    assert report.conflicts == 0  # the hub takes the choice; nothing to settle a second time
    detail = details.case_detail(station, case_id, role=head.role)
    assert (detail.request, detail.facts) == ("退货退款", "本站离线补充的事实")
    assert hub_content(hub, case_uid)["case"]["request"] == "退货退款"
    assert hub_holds(hub) == station_holds(station)
    again = run(station)  # and it stays so
    assert again.verified and again.sent == 0 and again.applied.updates == 0
    assert details.case_detail(station, case_id, role=head.role).request == "退货退款"


def test_taking_the_hubs_value_after_a_download_conflict_goes_up_too(station, head, hub, download_conflict):  # noqa: F811
    case_id, case_uid = download_conflict
    recorded = conflicts.resolve(station, head, case_id, {"case/request": TAKE_HUB, "case/facts": KEEP_STATION})
    assert recorded == {"request": ["退货退款", "换货"], "facts": ["购买的玉镯经检测为染色石英岩", "本站离线补充的事实"]}
    report = run(station)
    assert report.verified, report.problems
    detail = details.case_detail(station, case_id, role=head.role)
    assert (detail.request, detail.facts) == ("换货", "本站离线补充的事实")
    assert hub_content(hub, case_uid)["case"]["request"] == "换货"
    assert hub_holds(hub) == station_holds(station)
