"""Releasing a quarantined case (重新上传), against a real hub over HTTP: only the station head
may, only a quarantined case can be, its held changes go up at the next sync, and a case the hub
refuses again is simply quarantined again with the hub's new reason.

The hub refuses the case for its size here (its limit lowered, as in test_refused_batch.py).
Shortening the long field does not make the case small enough: its history, which goes up with
it, still holds the long text; so the case is refused again until the bureau raises its limit.
"""

import logging

import pytest
from sqlalchemy import func, select

from app.domain.errors import DeskError, IllegalTransition
from app.models.history import HistoryEntry
from app.services.editing import edit_case
from app.services.sync_status import sync_overview
from app.sync.release import release
from bureau import api
from bureau.models import Change
from tests.sync.conftest import run
from tests.sync.test_refused_batch import (  # noqa: F401  (station: the fixture)
    case_number,
    incompressible_facts,
    quarantined,
    station,
)
from tests.sync.test_station_sync import hub_holds, hub_session, local_case_uid
from tests.services.factories import register_complaint


def hub_change_uids(hub) -> list[str]:
    with hub_session(hub)() as session:
        return list(session.scalars(select(Change.uid)))


def station_change_uids(store, case_id: int) -> set[str]:
    with store.reading() as session:
        return set(session.scalars(select(HistoryEntry.uid).where(HistoryEntry.case_id == case_id)))


def pending(store) -> int:
    return sync_overview(store).pending


@pytest.fixture
def refused(station, head, hub):
    """A case the hub refused for its size, and another that went up."""
    small = register_complaint(station, head)
    large = register_complaint(station, head, facts=incompressible_facts(7))
    report = run(station)
    assert report.rejected == 1
    assert quarantined(station).keys() == {case_number(station, large)}
    return small, large


def test_the_head_releases_a_case_and_it_goes_up_once_the_bureau_has_fixed_its_side(
    station, head, hub, refused, monkeypatch, caplog
):
    small, large = refused
    edit_case(station, head, large, {"facts": "已核实，事实从略。"})  # held back while quarantined
    assert sync_overview(station).held == 1 and pending(station) == 0

    # The first try after shortening: the history still carries the long text, refused again.
    assert release(station, head, large) == 1
    assert quarantined(station) == {} and pending(station) == 2
    again = run(station)
    assert again.rejected == 2 and not again.verified
    number = case_number(station, large)
    assert "413" in quarantined(station)[number]
    assert any(number in problem and "已隔离" in problem for problem in again.problems)
    assert local_case_uid(station, large) not in hub_holds(hub)

    # The bureau raises its limit and says so: the head releases the case once more.
    monkeypatch.setattr(api, "MAX_WIRE_BYTES", 8_000_000)
    with caplog.at_level(logging.INFO, logger="app.sync.release"):
        assert release(station, head, large) == 2
    assert any(head.username in r.getMessage() and number in r.getMessage() for r in caplog.records)
    report = run(station)
    assert report.verified, report.problems
    assert report.sent == 2 and report.rejected == 0
    assert quarantined(station) == {} and sync_overview(station).quarantined_cases == []
    held = hub_change_uids(hub)
    assert len(held) == len(set(held))  # each change once
    assert station_change_uids(station, large) | station_change_uids(station, small) == set(held)
    assert set(hub_holds(hub)) == {local_case_uid(station, small), local_case_uid(station, large)}


def test_a_released_case_the_hub_refuses_again_is_quarantined_again_with_the_new_reason(
    station, head, hub, refused, monkeypatch
):
    _small, large = refused
    number = case_number(station, large)
    # The bureau's answer changes: now the case's number is more than it can hold.
    monkeypatch.setattr(api, "MAX_WIRE_BYTES", 8_000_000)
    monkeypatch.setattr("bureau.upload_checks._NUMBER_LENGTH", 5)
    release(station, head, large)
    report = run(station)
    assert report.rejected == 1 and not report.verified
    reason = quarantined(station)[number]
    assert "超过 5 个字" in reason and "413" not in reason
    assert [case.reason for case in sync_overview(station).quarantined_cases] == [reason]
    assert run(station).rejected == 0  # and, quarantined again, it is not sent again


def test_a_mediator_may_not_release_a_case(station, head, mediator, refused):
    _small, large = refused
    before = quarantined(station)
    with pytest.raises(IllegalTransition, match="只有站长"):
        release(station, mediator, large)
    assert quarantined(station) == before and pending(station) == 0


def test_a_case_that_is_not_quarantined_cannot_be_released(station, head, hub, refused):
    small, large = refused
    before = quarantined(station)
    with pytest.raises(DeskError, match=f"{case_number(station, small)} 没有被隔离"):
        release(station, head, small)
    with pytest.raises(DeskError, match="不存在"):
        release(station, head, large + 1000)
    assert quarantined(station) == before


def test_the_release_writes_no_history(station, head, refused):
    _small, large = refused
    with station.reading() as session:
        before = session.scalar(select(func.count()).select_from(HistoryEntry))
    release(station, head, large)
    with station.reading() as session:
        assert session.scalar(select(func.count()).select_from(HistoryEntry)) == before
