"""Enrolment codes on SQLite and PostgreSQL: a code hands out a station's secret once, repeats it
only to the same station soon after, and stops working once another code replaces it."""

import uuid
from datetime import datetime, timedelta, timezone

import pytest

from app.sync.protocol import Enrolment
from bureau.db import session_factory
from bureau.enrolment import ANSWER_REPEATED_FOR, add_station, enrol, reissue_code
from bureau.errors import Refused

NOW = datetime(2026, 11, 28, 19, 0, tzinfo=timezone.utc)
STATION = "西湖服务站"


@pytest.fixture
def hub(hub_engine):
    return session_factory(hub_engine)


def use(hub, code: str, station_uid: str, at: datetime):
    with hub.begin() as session:
        return enrol(session, Enrolment(code=code, station_uid=station_uid, station_name=STATION), at)


def test_a_lost_answer_is_repeated_to_the_same_station_for_a_day_only(hub):
    with hub.begin() as session:
        code = add_station(session, STATION, NOW)
    station_uid = str(uuid.uuid4())
    first = use(hub, code, station_uid, NOW)
    assert use(hub, code, station_uid, NOW + ANSWER_REPEATED_FOR) == first
    # The station UID travels in clear on every request: a year later the slip is worth nothing.
    with pytest.raises(Refused, match="已被使用") as refused:
        use(hub, code, station_uid, NOW + timedelta(days=365))
    assert refused.value.status == 409


def test_a_new_code_retires_the_ones_issued_before(hub):
    with hub.begin() as session:
        lost = add_station(session, STATION, NOW)  # the slip went missing ...
    with hub.begin() as session:
        replacement = reissue_code(session, STATION, NOW)  # ... so the administrator issued another
    with pytest.raises(Refused, match="登记码无效") as refused:
        use(hub, lost, str(uuid.uuid4()), NOW + timedelta(days=1))
    assert refused.value.status == 401
    assert use(hub, replacement, str(uuid.uuid4()), NOW + timedelta(days=1)).station_name == STATION


def test_enrolling_again_retires_the_code_used_before(hub):
    with hub.begin() as session:
        old_code = add_station(session, STATION, NOW)
    station_uid = str(uuid.uuid4())
    use(hub, old_code, station_uid, NOW)
    # The keyring lost the secret: the same store enrols again with a new code the same day.
    with hub.begin() as session:
        new_code = reissue_code(session, STATION, NOW + timedelta(hours=1))
    use(hub, new_code, station_uid, NOW + timedelta(hours=2))
    # The old slip must not hand out the new secret, though it was used by this very station UID.
    with pytest.raises(Refused, match="登记码无效") as refused:
        use(hub, old_code, station_uid, NOW + timedelta(hours=3))
    assert refused.value.status == 401
