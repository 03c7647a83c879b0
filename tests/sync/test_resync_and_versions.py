"""Version numbers after the hub's own versions came into play: a re-sync after the station took
a hub version, an answer under the hub's number, a case too big for one batch, and a case the
station cannot package at all. In each, the sync goes on; nothing stops it for good."""

import uuid
from datetime import datetime, timezone

import pytest
from pydantic import ValidationError
from sqlalchemy import func, select, update

from app.models.case import Case
from app.services.changes import change
from app.services.editing import edit_case
from app.services.sync_status import sync_overview
from app.sync import protocol
from app.sync.canonical import content_sha256
from app.sync.engine import SyncReport, _upload
from bureau import admin
from bureau.models import Change
from tests.services.factories import register_complaint
from tests.sync.conftest import quick_policy
from tests.sync.test_station_sync import (  # noqa: F401 (station is a fixture)
    STATION,
    connect,
    hub_changes_field,
    hub_holds,
    hub_session,
    local_case_uid,
    run,
    station,
    station_holds,
)


def upload_only(store) -> None:
    """The upload phase of a sync; the link then drops before the feed is read."""
    with connect(store) as client:
        client.policy = quick_policy()
        for _ in _upload(store, client, SyncReport(), lambda *a: None, lambda: datetime.now(timezone.utc)):
            pass


def order_resync(hub) -> None:
    with hub_session(hub).begin() as session:
        admin.order_resync(session, STATION, datetime.now(timezone.utc))


def test_a_resync_after_a_taken_hub_version_still_syncs(station, head, hub):
    case_id = register_complaint(station, head)
    assert run(station).verified
    hub_changes_field(hub, local_case_uid(station, case_id), ("case", "request"), "换货")
    assert run(station).verified  # taken here as a hub_update row, which never goes up
    edit_case(station, head, case_id, {"facts": "之后本站补充的事实"})
    assert run(station).verified
    order_resync(hub)
    # Everything goes up again, with a gap in the versions where the hub's own change was.
    report = run(station)
    assert report.verified, report.problems
    assert (report.duplicates, report.rejected) == (2, 0)
    assert hub_holds(hub) == station_holds(station)


def test_an_accepted_merge_under_the_hubs_number_leaves_the_case_syncable(station, head, hub):
    case_id = register_complaint(station, head)
    assert run(station).verified
    case_uid = local_case_uid(station, case_id)
    # The hub's merge (another copy of the store) changed the request; the station made the
    # same edit before that came down, so the hub answers 'accepted' under a number of its own.
    hub_changes_field(hub, case_uid, ("case", "request"), "换货")
    edit_case(station, head, case_id, {"request": "换货"})
    upload_only(station)  # the feed that would have renumbered the case here never arrives
    assert station_holds(station)[case_uid] == hub_holds(hub)[case_uid]
    edit_case(station, head, case_id, {"facts": "之后本站补充的事实"})
    report = run(station)
    assert report.verified, report.problems
    # The hub's update queued before the station's upload is older than what the hub has since
    # confirmed: it does not put the old facts back.
    with station.reading() as session:
        case = session.get(Case, case_id)
        assert (case.request, case.facts) == ("换货", "之后本站补充的事实")
    assert hub_holds(hub)[case_uid] == station_holds(station)[case_uid]
    assert run(station).verified


def test_a_case_with_more_changes_than_a_batch_holds_goes_up_in_parts(station, head, hub):
    case_id = register_complaint(station, head)
    register_complaint(station, head, request="换货")
    with station.session() as session:  # a long-running case: one change more than a batch may carry
        case = session.get(Case, case_id)
        for n in range(protocol.MAX_BATCH_CHANGES):
            change(session, case, head, "edit", {"facts": f"第 {n + 1} 次补充的事实"})
    report = run(station)
    assert report.verified, report.problems
    assert (report.sent, report.rejected) == (protocol.MAX_BATCH_CHANGES + 2, 0)
    with hub_session(hub)() as session:
        assert session.scalar(select(func.count()).select_from(Change)) == protocol.MAX_BATCH_CHANGES + 2
    assert hub_holds(hub) == station_holds(station)

    order_resync(hub)  # and all of it again, where the hub has every change already
    again = run(station)
    assert again.verified, again.problems
    assert (again.sent, again.duplicates) == (0, protocol.MAX_BATCH_CHANGES + 2)
    assert hub_holds(hub) == station_holds(station)


def test_a_case_the_station_cannot_package_is_quarantined_and_the_rest_goes_on(station, head, hub):
    broken = register_complaint(station, head)
    register_complaint(station, head, request="换货")
    edit_case(station, head, broken, {"facts": "补充的事实"})
    with station.session() as session:  # a damaged store: the case's version went back
        session.execute(update(Case).where(Case.id == broken).values(version=1))
    edit_case(station, head, broken, {"facts": "再次补充的事实"})
    with station.reading() as session:
        number = session.get(Case, broken).number

    report = run(station)  # no exception: the one case is held back
    assert not report.verified
    assert (report.sent, report.rejected) == (1, 3)
    assert any(number in problem and "base versions increasing" in problem for problem in report.problems)
    assert report.differing_cases == [number]
    assert local_case_uid(station, broken) not in hub_holds(hub)
    (quarantined,) = sync_overview(station).quarantined_cases
    assert quarantined.number == number and "本站无法将该案件打包上传" in quarantined.reason
    assert not run(station).verified  # still held back, and still no exception


def a_change(base_version: int) -> protocol.Change:
    return protocol.Change(uid=str(uuid.uuid4()), base_version=base_version, at=datetime.now(timezone.utc),
                           username="liming", action="edit", changes={"facts": ["旧", "新"]})


def an_upload(bases: list[int], *, synced_version: int, version: int) -> protocol.CaseUpload:
    snapshot = {"case": {"facts": "新"}}
    return protocol.CaseUpload(
        case_uid=str(uuid.uuid4()), number="T2026-00001", synced_version=synced_version,
        changes=[a_change(base) for base in bases], snapshot=snapshot, version=version,
        content_sha256=content_sha256(snapshot),
    )


def test_an_upload_needs_its_changes_in_order_and_a_version_beyond_them():
    # A gap where the station took the hub's version, and bases under the hub's own numbering.
    assert an_upload([0, 2], synced_version=0, version=3).version == 3
    assert an_upload([3, 4], synced_version=7, version=8).version == 8
    with pytest.raises(ValidationError, match="base versions increasing"):
        an_upload([3, 3], synced_version=0, version=5)
    with pytest.raises(ValidationError, match="base versions increasing"):
        an_upload([4, 3], synced_version=0, version=5)
    with pytest.raises(ValidationError, match="above the last change"):
        an_upload([3, 4], synced_version=0, version=4)
    with pytest.raises(ValidationError, match="above the last change's base version and the synced"):
        an_upload([3, 4], synced_version=7, version=7)  # the hub keeps a version 7 already

