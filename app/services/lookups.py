"""Look-ups that help at intake: businesses already on file, and Art. 17 signs of a complaint
that may not be ordinary consumption (the same person, phone or address in many recent cases).
Both are information for the mediator, never a block."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select

from app.domain import clock
from app.domain.vocabulary import PartyRole
from app.models.case import Business, Case, Party
from app.models.store import Store

RECENT_DAYS = 90  # "短期内" in Art. 17(2): a quarter is the window the warning looks at


@dataclass(frozen=True)
class BusinessMatch:
    id: int
    name: str
    credit_code: str | None
    address: str | None
    legal_representative: str | None
    contact: str | None
    complaints: int
    latest_numbers: list[str]


def find_businesses(store: Store, typed: str, *, limit: int = 10) -> list[BusinessMatch]:
    """Businesses whose name contains, or whose credit code starts with, what was typed."""
    typed = typed.strip()
    if not typed:
        return []
    with store.reading() as session:
        businesses = session.scalars(
            select(Business)
            .where(or_(Business.name.contains(typed, autoescape=True), Business.credit_code.startswith(typed.upper(), autoescape=True)))
            .order_by(Business.name)
            .limit(limit)
        ).all()
        matches = []
        for business in businesses:
            numbers = session.scalars(
                select(Case.number)
                .join(Party, Party.case_id == Case.id)
                .where(Party.business_id == business.id)
                .order_by(Case.id.desc())
            ).all()
            matches.append(
                BusinessMatch(
                    business.id,
                    business.name,
                    business.credit_code,
                    business.address,
                    business.legal_representative,
                    business.contact,
                    complaints=len(numbers),
                    latest_numbers=list(numbers[:5]),
                )
            )
        return matches


@dataclass(frozen=True)
class RepeatSign:
    """Other recent cases that share this detail with the case being entered."""

    detail: str  # "投诉人姓名", "电话", "地址"
    value: str
    numbers: list[str]


def repeat_signs(
    store: Store, *, name: str = "", phone: str = "", address: str = "", now: datetime | None = None
) -> list[RepeatSign]:
    """Art. 17 signs: the same complainant, phone or address in cases of the last 90 days."""
    since = (now or clock.now()) - timedelta(days=RECENT_DAYS)
    # Complainants only: a reporter's identity is not shown to whoever enters a complaint (Art. 37).
    submitters = [PartyRole.COMPLAINANT.value]
    signs = []
    with store.reading() as session:
        for detail, column, value in (
            ("投诉人姓名", Party.name, name.strip()),
            ("电话", Party.phone, phone.strip()),
            ("地址", Party.address, address.strip()),
        ):
            if not value:
                continue
            numbers = session.scalars(
                select(Case.number)
                .join(Party, Party.case_id == Case.id)
                .where(column == value, Party.role.in_(submitters), Case.received_at >= since)
                .order_by(Case.id.desc())
            ).all()
            if numbers:
                signs.append(RepeatSign(detail, value, list(dict.fromkeys(numbers))))
    return signs

