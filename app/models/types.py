"""Column types that keep money exact and times unambiguous."""

from datetime import datetime, timezone
from decimal import Decimal

from sqlalchemy import Integer, String
from sqlalchemy.types import TypeDecorator

from app.domain.validators import from_fen, to_fen


class Money(TypeDecorator):
    """A yuan amount as ``Decimal`` in Python, integer fen (分) in the database.

    Refuses an amount with fractions of a fen instead of rounding it away.
    """

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"money must be a Decimal, not {type(value).__name__}")
        return to_fen(value)

    def process_result_value(self, value, dialect):
        return None if value is None else from_fen(value)


class UtcDateTime(TypeDecorator):
    """An aware ``datetime``, stored as ISO 8601 text in UTC.

    SQLite has no time-zone type; text in UTC sorts correctly and keeps the zone explicit.
    A naive datetime is refused: its zone would be a guess.
    """

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: a stored time needs its time zone")
        return value.astimezone(timezone.utc).isoformat(timespec="microseconds")

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return datetime.fromisoformat(value)
