"""The feed's numbers when an administrator's command and a station's batch both add to it."""

import uuid
from datetime import datetime, timezone

from sqlalchemy import select

from app.sync import protocol
from bureau import admin, feed
from bureau.db import session_factory
from bureau.models import FeedEntry, Station

NOW = datetime(2026, 11, 28, 19, 0, tzinfo=timezone.utc)
STATION = "西湖服务站"


def test_a_command_numbers_after_an_item_a_batch_added_since_it_read_the_station(hub_engine):
    sessions = session_factory(hub_engine)
    with sessions.begin() as session:
        session.add(Station(name=STATION, uid=str(uuid.uuid4()), secret="0" * 64, created_at=NOW, feed_seq=0))
    with sessions() as command:
        command.begin()
        station = admin.station_named(command, STATION)  # read before anything is locked
        if hub_engine.dialect.name == "postgresql":
            # SQLite's BEGIN IMMEDIATE holds the whole file: this interleaving cannot happen there.
            with sessions.begin() as batch:
                feed.append(batch, station.id, "case_update", {"case_uid": str(uuid.uuid4())}, NOW)
        admin.order_resync(command, STATION, NOW)
        admin.publish_reference(command, protocol.ReferenceData(kind="categories", content={}), NOW, STATION)
        command.commit()
    with sessions() as session:
        kinds = session.execute(select(FeedEntry.seq, FeedEntry.kind).order_by(FeedEntry.seq)).all()
    expected = ["resync", "reference"]
    if hub_engine.dialect.name == "postgresql":
        expected.insert(0, "case_update")
    assert kinds == list(enumerate(expected, start=1))
