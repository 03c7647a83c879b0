"""A batch the hub committed whose answer never reached the station: it is kept in the store and
sent again, byte for byte, before anything newer, so the hub's stored answer comes back and the
station's later edits merge from the version that answer confirms."""

import json
import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli_sync import enroll
from app.models.case import Case
from app.models.store import open_store
from app.models.sync_state import OutgoingBatch, SyncConflict
from app.paths import StationPaths
from app.services.editing import edit_case
from app.sync import protocol
from app.sync.client import HubError
from app.sync.canonical import content_sha256
from app.sync.outbox import keep_outgoing, pending_cases, unanswered
from bureau.models import Case as HubCase
from bureau.models import Change, Conflict
from tests.services.factories import register_complaint
from tests.sync.conftest import station_code
from tests.sync.fault_proxy import CUT_AFTER, PASS
from tests.sync.test_station_sync import hub_holds, hub_session, local_case_uid, run, station_holds

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def station(store, hub, proxy, capsys):
    enroll(store, proxy.url, station_code(hub, "西湖景区消费维权服务站"))
    capsys.readouterr()
    return store


def batch_posts(proxy) -> list[str]:
    return [action for line, action in proxy.log if line.startswith("POST /v1/batches")]


def hub_case(hub, case_uid: str) -> dict:
    with hub_session(hub)() as session:
        return json.loads(session.scalars(select(HubCase).where(HubCase.uid == case_uid)).one().content)


def test_a_second_edit_after_a_lost_answer_is_not_a_conflict_with_the_first(station, head, hub, proxy):
    case_id = register_complaint(station, head)
    assert run(station).verified
    case_uid = local_case_uid(station, case_id)
    edit_case(station, head, case_id, {"request": "退款 1200 元"})
    # The hub commits the batch every time; no answer ever reaches the station.
    proxy.choose = lambda line: CUT_AFTER if line.startswith("POST /v1/batches") else PASS
    with pytest.raises(HubError):
        run(station)
    assert hub_case(hub, case_uid)["case"]["request"] == "退款 1200 元"
    edit_case(station, head, case_id, {"request": "退款 1200 元并赔偿 500 元"})  # corrected before the next sync

    proxy.choose = lambda line: PASS
    proxy.log.clear()
    report = run(station)
    assert hub_case(hub, case_uid)["case"]["request"] == "退款 1200 元并赔偿 500 元"
    assert report.verified, report.problems
    assert batch_posts(proxy) == [PASS, PASS]  # the kept batch again, then the new edit
    assert (report.sent, report.conflicts) == (2, 0)  # the first as the hub answered it then
    with station.reading() as session:
        assert session.get(Case, case_id).request == "退款 1200 元并赔偿 500 元"
        assert session.scalar(select(func.count()).select_from(SyncConflict)) == 0
        assert session.scalar(select(func.count()).select_from(OutgoingBatch)) == 0  # answered: not kept
    with hub_session(hub)() as session:
        assert session.scalar(select(func.count()).select_from(Conflict)) == 0
        assert session.scalar(select(func.count()).select_from(Change)) == 3
    assert hub_holds(hub) == station_holds(station)


def test_a_kept_batch_the_hub_refuses_goes_up_again_as_a_new_one(station, head, hub):
    case_id = register_complaint(station, head)
    assert run(station).verified
    edit_case(station, head, case_id, {"facts": "补充：有购物小票"})
    with hub_session(hub)() as hub_db:
        used_uid = hub_db.scalars(select(Change.batch_uid)).first()
    with station.session() as session:
        (pending,) = pending_cases(session)
        # Kept under a UID the hub used for other content: it refuses the batch whole (409), so
        # it took none of it, and the change must still go up.
        keep_outgoing(session, protocol.Batch(uid=used_uid, cases=[pending.upload]), datetime.now(timezone.utc))
    report = run(station)
    assert report.verified, report.problems
    assert report.sent == 1
    with station.reading() as session:
        assert unanswered(session) == []
    assert hub_holds(hub) == station_holds(station)


def test_a_store_from_before_0006_gets_the_place_for_unanswered_batches(tmp_path):
    folder = tmp_path / "old-station"
    shutil.copytree(FIXTURES / "store-0001", folder)
    store = open_store(StationPaths(folder))
    try:
        with store.reading() as session:
            case = session.scalars(select(Case)).first()
        upload = protocol.CaseUpload(
            case_uid=case.uid, number=case.number, synced_version=0,
            changes=[protocol.Change(uid=str(uuid.uuid4()), base_version=0, at=datetime.now(timezone.utc),
                                     username="head", action="register", changes={})],
            snapshot={}, version=1, content_sha256=content_sha256({}),
        )
        batch = protocol.Batch(uid=str(uuid.uuid4()), cases=[upload])
        with store.session() as session:
            body = keep_outgoing(session, batch, datetime.now(timezone.utc))
        with store.reading() as session:
            ((uid, kept, group),) = unanswered(session)
        assert (uid, kept) == (batch.uid, body) and group[0].case_id == case.id
    finally:
        store.close()
