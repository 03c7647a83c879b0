"""Money is exact fen; times keep their zone."""

from datetime import datetime, timezone
from decimal import Decimal

import pytest
from sqlalchemy import text

from app.domain import clock
from app.domain.vocabulary import UserRole
from app.models.types import Money, UtcDateTime
from app.services import details
from tests.services.factories import register_complaint


def test_money_is_stored_as_integer_fen(store, head):
    case_id = register_complaint(store, head, amount_involved="1,234.56")
    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT amount_involved FROM cases WHERE id = :id"), {"id": case_id}).scalar()
    assert stored == 123456
    assert details.case_detail(store, case_id, role=UserRole.HEAD).amount_involved == Decimal("1234.56")


@pytest.mark.parametrize("value", [Decimal("0.001"), 12.5])
def test_money_refuses_fractions_of_a_fen_and_floats(value):
    with pytest.raises((ValueError, TypeError)):
        Money().process_bind_param(value, None)


def test_times_are_stored_in_utc_and_read_back_as_the_same_moment():
    beijing = datetime(2026, 4, 15, 0, 30, tzinfo=clock.CHINA)
    stored = UtcDateTime().process_bind_param(beijing, None)
    assert stored.startswith("2026-04-14T16:30:00")
    assert UtcDateTime().process_result_value(stored, None) == beijing
    assert clock.local_date(UtcDateTime().process_result_value(stored, None)) == beijing.date()


def test_a_time_without_zone_is_refused():
    with pytest.raises(ValueError, match="time zone"):
        UtcDateTime().process_bind_param(datetime(2026, 4, 15, 8, 0), None)
    assert UtcDateTime().process_bind_param(datetime(2026, 4, 15, 8, 0, tzinfo=timezone.utc), None)
