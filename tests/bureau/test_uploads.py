"""Receiving batches at the hub, on SQLite and PostgreSQL: exactly once, never overwritten."""

import json
import uuid
from datetime import datetime, timezone

import pytest
from sqlalchemy import func, select

from app.sync import protocol
from app.sync.canonical import content_sha256
from bureau.db import session_factory
from bureau.errors import Refused
from bureau.models import Case, CaseVersion, Change, Conflict, FeedEntry, Station
from bureau.uploads import receive_batch

NOW = datetime(2026, 11, 28, 19, 0, tzinfo=timezone.utc)


@pytest.fixture
def hub(hub_engine):
    return session_factory(hub_engine)


@pytest.fixture
def stations(hub):
    with hub.begin() as session:
        rows = [Station(name=name, uid=str(uuid.uuid4()), secret="0" * 64, created_at=NOW, feed_seq=0)
                for name in ("西湖服务站", "灵隐服务站")]
        session.add_all(rows)
    return [row.id for row in rows]


class StationCase:
    """A case as a station holds it: its content, version and changes, made like the desk makes them."""

    def __init__(self, content: dict):
        self.uid = str(uuid.uuid4())
        self.content = dict(content)
        self.version = 1
        self.synced_version = 0
        self.unsent: list[protocol.Change] = []
        self.edit(**content)

    def edit(self, **fields) -> protocol.Change:
        change = protocol.Change(
            uid=str(uuid.uuid4()), base_version=self.version, at=NOW, username="liming", action="edit",
            changes={name: [self.content.get(name), value] for name, value in fields.items()},
        )
        self.content.update(fields)
        self.version += 1
        self.unsent.append(change)
        return change

    def upload(self) -> protocol.CaseUpload:
        return protocol.CaseUpload(
            case_uid=self.uid, number="T2026-00001", synced_version=self.synced_version, changes=self.unsent,
            snapshot=self.content, version=self.version, content_sha256=content_sha256(self.content),
        )

    def confirmed(self) -> None:
        self.synced_version, self.unsent = self.version, []


def send(hub, station_id, *uploads, batch_uid=None):
    batch = protocol.Batch(uid=batch_uid or str(uuid.uuid4()), cases=list(uploads))
    with hub.begin() as session:
        return protocol.BatchAnswer.model_validate_json(
            receive_batch(session, station_id, batch, content_sha256(batch.model_dump(mode="json")), NOW)
        )


def held(hub, case_uid):
    with hub() as session:
        case = session.scalars(select(Case).where(Case.uid == case_uid)).one()
        changes = session.scalar(select(func.count()).select_from(Change).where(Change.case_id == case.id))
        return case.version, json.loads(case.content), changes


def test_a_new_case_is_kept_with_its_changes(hub, stations):
    case = StationCase({"request": "退款"})
    case.edit(state="accepted")
    answer = send(hub, stations[0], case.upload())
    assert [a.status for a in answer.changes] == ["accepted", "accepted"]
    assert answer.cases[0].version == 3 and answer.cases[0].content_sha256 == content_sha256(case.content)
    assert held(hub, case.uid) == (3, {"request": "退款", "state": "accepted"}, 2)


def test_the_same_batch_again_gets_the_same_answer_and_changes_nothing(hub, stations):
    case = StationCase({"request": "退款"})
    batch_uid = str(uuid.uuid4())
    first = send(hub, stations[0], case.upload(), batch_uid=batch_uid)
    again = send(hub, stations[0], case.upload(), batch_uid=batch_uid)
    assert again == first
    assert held(hub, case.uid)[2] == 1


def test_a_batch_id_reused_for_other_content_is_refused(hub, stations):
    case = StationCase({"request": "退款"})
    batch_uid = str(uuid.uuid4())
    send(hub, stations[0], case.upload(), batch_uid=batch_uid)
    case.edit(request="退款并赔偿")
    with pytest.raises(Refused) as refused:
        send(hub, stations[0], case.upload(), batch_uid=batch_uid)
    assert refused.value.status == 409
    assert held(hub, case.uid) == (2, {"request": "退款"}, 1)


def test_resent_changes_in_a_new_batch_are_duplicates(hub, stations):
    case = StationCase({"request": "退款"})
    send(hub, stations[0], case.upload())
    answer = send(hub, stations[0], case.upload())
    assert [a.status for a in answer.changes] == ["duplicate"] and answer.cases[0].status == "duplicate"
    assert held(hub, case.uid)[2] == 1


def test_a_lost_answer_then_more_work_is_applied_once(hub, stations):
    case = StationCase({"request": "退款"})
    send(hub, stations[0], case.upload())  # the answer never reached the station: nothing confirmed
    case.edit(state="accepted")
    answer = send(hub, stations[0], case.upload())
    assert [a.status for a in answer.changes] == ["duplicate", "accepted"]
    assert held(hub, case.uid) == (3, {"request": "退款", "state": "accepted"}, 2)
    with hub() as session:
        assert session.scalar(select(func.count()).select_from(FeedEntry)) == 0  # nothing to send down


def test_different_content_under_a_known_change_id_is_refused_and_nothing_changes(hub, stations):
    case = StationCase({"request": "退款"})
    send(hub, stations[0], case.upload())
    forged = case.upload().model_copy(
        update={"changes": [case.unsent[0].model_copy(update={"action": "void"})]}
    )
    answer = send(hub, stations[0], forged)
    assert answer.cases[0].status == "rejected" and "内容不同" in answer.cases[0].reason
    assert held(hub, case.uid) == (2, {"request": "退款"}, 1)


def test_another_stations_case_is_refused(hub, stations):
    case = StationCase({"request": "退款"})
    send(hub, stations[0], case.upload())
    case.confirmed()
    case.edit(request="撤回")
    answer = send(hub, stations[1], case.upload())
    assert answer.cases[0].status == "rejected" and "另一站点" in answer.cases[0].reason
    assert held(hub, case.uid) == (2, {"request": "退款"}, 1)


def test_edits_of_different_fields_from_two_copies_are_merged_and_sent_down(hub, stations):
    case = StationCase({"request": "退款", "state": "registered"})
    send(hub, stations[0], case.upload())
    case.confirmed()
    # A copy of the store (restored on a second PC) goes its own way from the same version.
    other = StationCase.__new__(StationCase)
    other.__dict__ = {**case.__dict__, "content": dict(case.content), "unsent": []}
    other.edit(state="accepted")
    send(hub, stations[0], other.upload())
    case.edit(request="退款并赔偿")
    answer = send(hub, stations[0], case.upload())
    assert answer.cases[0].status == "accepted"
    version, content, changes = held(hub, case.uid)
    assert content == {"request": "退款并赔偿", "state": "accepted"} and changes == 3
    assert answer.cases[0].version == version and version > case.version
    with hub() as session:
        (update,) = session.scalars(select(FeedEntry)).all()
    assert update.kind == "case_update" and json.loads(update.payload)["content"] == content


def test_the_same_field_edited_on_two_copies_is_a_conflict_keeping_both_values(hub, stations):
    case = StationCase({"request": "退款"})
    send(hub, stations[0], case.upload())
    case.confirmed()
    other = StationCase.__new__(StationCase)
    other.__dict__ = {**case.__dict__, "content": dict(case.content), "unsent": []}
    other.edit(request="换货")
    send(hub, stations[0], other.upload())
    case.edit(request="退款并赔偿")
    answer = send(hub, stations[0], case.upload())
    assert answer.cases[0].status == "conflict"
    assert [(c.field, c.station_value, c.hub_value) for c in answer.cases[0].conflicts] == [("request", "退款并赔偿", "换货")]
    assert [a.status for a in answer.changes] == ["conflict"]
    assert held(hub, case.uid)[1] == {"request": "换货"}  # not overwritten
    with hub() as session:
        (conflict,) = session.scalars(select(Conflict)).all()
    assert (json.loads(conflict.station_value), json.loads(conflict.hub_value)) == ("退款并赔偿", "换货")


def test_merging_a_case_again_from_the_same_base_keeps_each_conflict_once(hub, stations):
    case = StationCase({"request": "退款"})
    send(hub, stations[0], case.upload())
    case.confirmed()
    other = StationCase.__new__(StationCase)
    other.__dict__ = {**case.__dict__, "content": dict(case.content), "unsent": []}
    other.edit(request="换货")
    send(hub, stations[0], other.upload())
    case.edit(request="退款并赔偿")
    send(hub, stations[0], case.upload())
    case.edit(state="accepted")  # the answer was lost: the next upload still has the old base
    answer = send(hub, stations[0], case.upload())
    assert answer.cases[0].status == "conflict" and [a.status for a in answer.changes] == ["duplicate", "conflict"]
    with hub() as session:
        assert session.scalars(select(Conflict.field)).all() == ["request"]


def test_a_case_the_hub_never_had_cannot_claim_a_synced_version(hub, stations):
    case = StationCase({"request": "退款"})
    case.confirmed()
    case.edit(request="退款并赔偿")
    answer = send(hub, stations[0], case.upload())
    assert answer.cases[0].status == "rejected" and "重新同步" in answer.cases[0].reason
    with hub() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 0


def test_a_change_id_given_twice_in_one_batch_is_kept_once(hub, stations):
    first, second = StationCase({"request": "退款"}), StationCase({"request": "换货"})
    second.unsent = [first.unsent[0]]  # the same change again, under another case
    answer = send(hub, stations[0], first.upload(), second.upload())
    assert [c.status for c in answer.cases] == ["accepted", "rejected"] and "内容不同" in answer.cases[1].reason
    with hub() as session:
        assert session.scalar(select(func.count()).select_from(Change)) == 1
        assert session.scalars(select(Case.uid)).all() == [first.uid]


def test_a_batch_of_new_and_known_cases_keeps_each_row_with_its_own_case(hub, stations):
    """New cases are written at the end with the batch's versions and changes (by COPY on
    PostgreSQL), known ones through the ORM: each change and version must land on its case."""
    known = StationCase({"request": "退款"})
    send(hub, stations[0], known.upload())
    known.confirmed()
    known.edit(request="退款并赔偿")
    fresh = [StationCase({"request": f"换货{i}"}) for i in range(3)]
    fresh[1].edit(phone="13800000000")
    answer = send(hub, stations[0], fresh[0].upload(), known.upload(), fresh[1].upload(), fresh[2].upload())
    assert [c.status for c in answer.cases] == ["accepted"] * 4
    with hub() as session:
        cases = {row.uid: row for row in session.scalars(select(Case))}
        assert len(cases) == 4 and len({row.id for row in cases.values()}) == 4
        for case in (known, *fresh):
            row = cases[case.uid]
            assert (row.station_id, row.version, json.loads(row.content)) == (stations[0], case.version, case.content)
            assert row.content_sha256 == content_sha256(case.content) and row.updated_at == NOW
            versions = session.execute(
                select(CaseVersion.version, CaseVersion.content_sha256, CaseVersion.at).where(CaseVersion.case_id == row.id)
            ).all()
            assert (case.version, row.content_sha256, NOW) in versions
        kept = {row.uid: row for row in session.scalars(select(Change))}
        for case in fresh:
            for change in case.unsent:
                row = kept[change.uid]
                assert row.case_id == cases[case.uid].id and row.station_at == change.at and row.received_at == NOW
                assert json.loads(row.body) == change.model_dump(mode="json")
        assert kept[known.unsent[0].uid].case_id == cases[known.uid].id
        assert session.scalar(select(func.count()).select_from(Change)) == 6  # the known case: 2; the new ones: 1, 2 and 1
