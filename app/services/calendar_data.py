"""Officially announced calendar years kept in the store, and installing them for the deadlines."""

from dataclasses import dataclass

from sqlalchemy import select

from app.domain import clock, deadlines
from app.domain.calendar import WorkCalendar, parse_calendar_file
from app.models.station import CalendarYear
from app.models.store import Store


@dataclass(frozen=True)
class ImportedYear:
    year: int
    source: str
    replaced: bool  # an earlier import of the same year was replaced


def install_calendar(store: Store) -> WorkCalendar:
    """Make the shipped calendar plus every imported year the one the deadlines use."""
    calendar = WorkCalendar.shipped()
    with store.reading() as session:
        for row in session.scalars(select(CalendarYear).order_by(CalendarYear.year)):
            calendar = calendar.with_year(parse_calendar_file(row.content))
    deadlines.set_active_calendar(calendar)
    return calendar


def import_calendar(store: Store, text: str) -> ImportedYear:
    """Check a calendar file, keep it in the store and use it from now on.

    Raises ``CalendarError`` naming the problem; a bad file changes nothing.
    """
    schedule = parse_calendar_file(text)
    with store.session() as session:
        row = session.get(CalendarYear, schedule.year)
        replaced = row is not None
        if row is None:
            row = CalendarYear(year=schedule.year)
            session.add(row)
        row.source = schedule.source
        row.content = text
        row.imported_at = clock.now()
    install_calendar(store)
    return ImportedYear(schedule.year, schedule.source, replaced)
