"""A real station store syncing with a real hub over real HTTP, on SQLite and PostgreSQL hubs."""

import json
import uuid
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from app.cli_sync import connect, enroll
from app.domain.vocabulary import CaseState
from app.models.case import Case
from app.models.history import HistoryEntry
from app.models.sync_state import BureauNotice, SyncConflict
from app.services import acceptance, details
from app.services.attachments import add_attachment
from app.services.editing import edit_case
from app.sync import protocol
from app.sync.canonical import canonical_json, content_sha256
from app.sync.engine import held_cases
from app.sync.inbox import Applied, apply_page, cursor
from bureau import admin, feed
from bureau.db import session_factory
from bureau.models import Case as HubCase
from bureau.models import CaseVersion, Change, Station
from tests.services.factories import register_complaint
from tests.sync.conftest import quick_policy, run, station_code

STATION = "西湖景区消费维权服务站"


@pytest.fixture
def station(store, hub, capsys):
    enroll(store, hub.url, station_code(hub, STATION))
    assert "已登记到市局中心" in capsys.readouterr().out
    return store


def hub_session(hub):
    return session_factory(hub.engine)


def hub_holds(hub) -> dict[str, tuple[int, str]]:
    with hub_session(hub)() as session:
        return {c.uid: (c.version, c.content_sha256) for c in session.scalars(select(HubCase))}


def station_holds(store) -> dict[str, tuple[int, str]]:
    with store.reading() as session:
        return {c.case_uid: (c.version, c.content_sha256) for c in held_cases(session)}


def test_the_first_sync_sends_everything_and_verifies(station, head, hub):
    first = register_complaint(station, head)
    register_complaint(station, head, request="换货")
    acceptance.accept(station, head, first)
    report = run(station)
    assert report.verified, report.problems
    assert (report.sent, report.duplicates, report.rejected) == (3, 0, 0)
    assert hub_holds(hub) == station_holds(station)
    with hub_session(hub)() as session:
        assert session.scalar(select(func.count()).select_from(Change)) == 3
        assert session.scalars(select(Station)).one().last_verified_at is not None

    again = run(station)
    assert again.verified and again.sent == 0  # nothing pending, nothing sent twice


def test_later_work_goes_up_and_both_sides_agree(station, head, hub):
    case_id = register_complaint(station, head)
    assert run(station).verified
    edit_case(station, head, case_id, {"request": "退货退款并赔偿"})
    report = run(station)
    assert report.verified and report.sent == 1
    assert hub_holds(hub) == station_holds(station)


def test_a_dispatched_work_order_is_registered_here_and_goes_back_up(station, head, hub):
    order = protocol.WorkOrder(
        case_uid=str(uuid.uuid4()), platform_ref="1233010000202611280001", channel="12315", kind="complaint",
        received_at=datetime.now(timezone.utc) - timedelta(hours=2),
        complainant=protocol.WorkOrderParty(name="李四", phone="13900139000"),
        respondent=protocol.WorkOrderParty(name="灵隐素斋馆", address="杭州市西湖区法云弄"),
        request="退还餐费 260 元", note="请在 7 个工作日内决定是否受理",
    )
    with hub_session(hub).begin() as session:
        admin.dispatch(session, STATION, order, datetime.now(timezone.utc))
    report = run(station)
    assert report.verified, report.problems
    assert report.applied.work_orders == 1 and report.sent == 1
    with station.reading() as session:
        case = session.scalars(select(Case).where(Case.uid == order.case_uid)).one()
        assert (case.platform_ref, case.channel) == ("1233010000202611280001", "12315")
        (notice,) = session.scalars(select(BureauNotice)).all()
    assert notice.case_uid == order.case_uid and "已登记为" in notice.text
    assert order.case_uid in hub_holds(hub)


def dispatch_and_sync(station, hub) -> str:
    order = protocol.WorkOrder(
        case_uid=str(uuid.uuid4()), platform_ref="1233010000202611280002", channel="12345", kind="complaint",
        received_at=datetime.now(timezone.utc) - timedelta(hours=1),
        complainant=protocol.WorkOrderParty(name="王五"), respondent=protocol.WorkOrderParty(name="西湖游船公司"),
        request="退还船票",
    )
    with hub_session(hub).begin() as session:
        admin.dispatch(session, STATION, order, datetime.now(timezone.utc))
    assert run(station).verified
    return order.case_uid


def revoke(hub, case_uid: str) -> None:
    with hub_session(hub).begin() as session:
        admin.revoke(session, protocol.Revocation(case_uid=case_uid, reason="改派灵隐服务站"), datetime.now(timezone.utc))


def local_case(store, case_uid: str) -> Case:
    with store.reading() as session:
        return session.scalars(select(Case).where(Case.uid == case_uid)).one()


def test_a_revoked_work_order_is_voided_here(station, head, hub):
    case_uid = dispatch_and_sync(station, hub)
    revoke(hub, case_uid)
    report = run(station)
    assert report.verified, report.problems
    case = local_case(station, case_uid)
    assert case.state == CaseState.VOIDED.value and "改派灵隐服务站" in case.void_reason
    assert hub_holds(hub)[case_uid] == station_holds(station)[case_uid]  # the void went up too


def test_a_revocation_never_overwrites_unsent_local_work(station, head, hub):
    case_uid = dispatch_and_sync(station, hub)
    revoke(hub, case_uid)
    case_id = local_case(station, case_uid).id
    edit_case(station, head, case_id, {"facts": "已电话联系投诉人核实情况"})  # done offline, not sent yet
    with connect(station) as client:  # only the download: what a sync sees before its upload
        client.policy = quick_policy()
        with station.reading() as session:
            page = client.feed(cursor(session))
        with station.session() as session:
            apply_page(session, page, datetime.now(timezone.utc), Applied())
    case = local_case(station, case_uid)
    assert case.state == CaseState.REGISTERED.value and case.facts == "已电话联系投诉人核实情况"  # not voided
    with station.reading() as session:
        (conflict,) = session.scalars(select(SyncConflict)).all()
        notices = [n.text for n in session.scalars(select(BureauNotice))]
    assert json.loads(conflict.hub_value) == CaseState.VOIDED.value
    assert any("尚未上传" in text for text in notices)


def test_supervision_notices_arrive_for_the_users_work_list(station, head, hub):
    case_id = register_complaint(station, head)
    assert run(station).verified
    case_uid = local_case_uid(station, case_id)
    with hub_session(hub).begin() as session:
        admin.supervise(session, protocol.Supervision(case_uid=case_uid, text="该件已超期，请于期限内办结",
                                                      respond_by=date(2026, 12, 5)), datetime.now(timezone.utc))
    report = run(station)
    assert report.verified and report.applied.notices == 1
    with station.reading() as session:
        (notice,) = session.scalars(select(BureauNotice)).all()
    assert (notice.kind, notice.respond_by) == ("supervision", date(2026, 12, 5))


def local_case_uid(store, case_id: int) -> str:
    with store.reading() as session:
        return session.get(Case, case_id).uid


def test_a_full_resync_sends_everything_again_and_the_hub_keeps_each_change_once(station, head, hub):
    for _ in range(3):
        register_complaint(station, head)
    assert run(station).verified
    with hub_session(hub).begin() as session:
        admin.order_resync(session, STATION, datetime.now(timezone.utc))
    report = run(station)
    assert report.verified, report.problems
    assert report.duplicates == 3 and report.sent == 0
    with hub_session(hub)() as session:
        assert session.scalar(select(func.count()).select_from(Change)) == 3


def hub_changes_field(hub, case_uid: str, path: tuple[str, str], value) -> None:
    """What the hub's merge does when another copy of the store edited the case: a new version,
    sent down as a case update."""
    with hub_session(hub).begin() as session:
        case = session.scalars(select(HubCase).where(HubCase.uid == case_uid)).one()
        content = json.loads(case.content)
        content[path[0]][path[1]] = value
        case.version += 1
        case.content = canonical_json(content).decode()
        case.content_sha256 = content_sha256(content)
        session.add(CaseVersion(case_id=case.id, version=case.version, content=case.content,
                                content_sha256=case.content_sha256, at=datetime.now(timezone.utc)))
        feed.append(session, case.station_id, "case_update",
                    {"case_uid": case_uid, "version": case.version, "content": content,
                     "content_sha256": case.content_sha256}, datetime.now(timezone.utc))


def test_the_hubs_merged_version_is_taken_when_nothing_here_is_unsent(station, head, hub):
    case_id = register_complaint(station, head)
    assert run(station).verified
    case_uid = local_case_uid(station, case_id)
    hub_changes_field(hub, case_uid, ("case", "request"), "退货退款（另一台电脑所改）")
    report = run(station)
    assert report.verified, report.problems
    detail = details.case_detail(station, case_id, role=head.role)
    assert detail.request == "退货退款（另一台电脑所改）"
    assert detail.history[-1].action == "hub_update"
    assert hub_holds(hub)[case_uid] == station_holds(station)[case_uid]


def test_the_hubs_version_never_overwrites_unsent_local_changes(station, head, hub):
    case_id = register_complaint(station, head)
    assert run(station).verified
    case_uid = local_case_uid(station, case_id)
    hub_changes_field(hub, case_uid, ("case", "request"), "换货")
    edit_case(station, head, case_id, {"facts": "本站离线补充的事实"})
    with connect(station) as client:
        with station.reading() as session:
            page = client.feed(cursor(session))
        with station.session() as session:
            apply_page(session, page, datetime.now(timezone.utc), Applied())
    detail = details.case_detail(station, case_id, role=head.role)
    assert detail.request == "退货退款" and detail.facts == "本站离线补充的事实"
    with station.reading() as session:
        conflicts = {c.field: (json.loads(c.station_value), json.loads(c.hub_value))
                     for c in session.scalars(select(SyncConflict))}
    # The whole case goes to the user, both versions side by side, field by field.
    assert conflicts == {"case/request": ("退货退款", "换货"), "case/facts": ("本站离线补充的事实", "购买的玉镯经检测为染色石英岩")}


def test_a_rejected_case_is_quarantined_and_the_others_go_through(station, head, hub):
    taken = register_complaint(station, head)
    register_complaint(station, head, request="换货")
    taken_uid = local_case_uid(station, taken)
    with hub_session(hub).begin() as session:  # another station already holds a case with that ID
        other = Station(name="灵隐服务站", uid=str(uuid.uuid4()), secret="0" * 64,
                        created_at=datetime.now(timezone.utc), feed_seq=0)
        session.add(other)
        session.flush()
        session.add(HubCase(uid=taken_uid, station_id=other.id, number="T2026-09999", version=1, content="{}",
                            content_sha256=content_sha256({}), updated_at=datetime.now(timezone.utc)))
    report = run(station)
    assert not report.verified
    assert report.rejected == 1 and report.sent == 1
    with station.reading() as session:
        number = session.get(Case, taken).number
    assert report.differing_cases == [number]
    assert any("另一站点" in problem for problem in report.problems)
    with station.reading() as session:
        assert session.scalar(select(func.count()).select_from(HistoryEntry)) == 2  # nothing lost here


def test_attachments_go_up_before_the_changes_that_name_them(station, head, hub, tmp_path):
    case_id = register_complaint(station, head)
    receipt = tmp_path / "购物小票.jpg"
    receipt.write_bytes(bytes(range(256)) * 1200)  # 307,200 bytes: two chunks
    view = add_attachment(station, head, case_id, receipt)
    report = run(station)
    assert report.verified, report.problems
    assert report.attachments == 1
    assert (hub.files / view.sha256[:2] / view.sha256).read_bytes() == receipt.read_bytes()
    assert run(station).attachments == 0  # the hub has it: not sent again


def test_a_damaged_attachment_holds_back_only_its_own_case(station, head, hub, tmp_path):
    damaged_case = register_complaint(station, head)
    register_complaint(station, head, request="换货")
    photo = tmp_path / "现场照片.png"
    photo.write_bytes(b"\x89PNG" + bytes(5000))
    view = add_attachment(station, head, damaged_case, photo)
    stored = station.paths.attachments / view.sha256[:2] / view.sha256
    stored.write_bytes(b"not what was stored")
    report = run(station)
    assert not report.verified
    assert report.sent == 1 and report.rejected == 2  # the other case went up; this one's two changes wait
    assert any("现场照片" in problem or view.sha256[:12] in problem for problem in report.problems)
    assert any("附件尚未完整上传" in problem for problem in report.problems)
    with station.reading() as session:
        number = session.get(Case, damaged_case).number
    assert report.differing_cases == [number]
