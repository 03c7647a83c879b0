"""Each station's downstream feed: work orders, supervision notices, revocations, merged cases,
reference data. Numbers count per station without gaps, and a station's numbers are issued
under a lock on its row, so they commit in order and a cursor never skips an item."""

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.sync.canonical import canonical_json
from app.sync.protocol import FEED_PAGE_SIZE, FeedItem, FeedKind, FeedPage
from bureau.models import FeedEntry, Station


def lock_station(session: Session, station_id: int) -> Station:
    """The station's row, locked until the transaction ends (SQLite: the whole file is), and read
    afresh: a copy this session read before the lock may hold a feed number another request has
    used since (PostgreSQL)."""
    return session.scalars(
        select(Station).where(Station.id == station_id).with_for_update().execution_options(populate_existing=True)
    ).one()


def append(session: Session, station_id: int, kind: FeedKind, payload: dict, now: datetime) -> FeedEntry:
    station = lock_station(session, station_id)
    station.feed_seq += 1
    entry = FeedEntry(
        station_id=station.id, seq=station.feed_seq, kind=kind, payload=canonical_json(payload).decode(), issued_at=now
    )
    session.add(entry)
    session.flush()
    return entry


def page(session: Session, station_id: int, after: int, limit: int = FEED_PAGE_SIZE) -> FeedPage:
    entries = session.scalars(
        select(FeedEntry)
        .where(FeedEntry.station_id == station_id, FeedEntry.seq > after)
        .order_by(FeedEntry.seq)
        .limit(limit + 1)
    ).all()
    items = [
        FeedItem(seq=e.seq, kind=e.kind, issued_at=e.issued_at, payload=json.loads(e.payload)) for e in entries[:limit]
    ]
    return FeedPage(items=items, more=len(entries) > limit)
