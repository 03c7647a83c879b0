"""Setting up a station and keeping its reference data: the station row, accounts, codes."""

import json
from dataclasses import dataclass

from sqlalchemy import select

from app.domain import clock, validators
from app.domain.errors import ValidationError
from app.domain.vocabulary import StationKind, UserRole
from app.models.station import Category, ProblemKind, Station
from app.models.store import Store, create_store, discard_unfinished_store
from app.paths import StationPaths, resources_dir
from app.services.accounts import add_user_in, check_new_account


@dataclass(frozen=True)
class StationInfo:
    uid: str
    name: str
    kind: StationKind
    office_name: str
    doc_prefix: str
    is_demo: bool


@dataclass(frozen=True)
class StationSetup:
    name: str
    kind: StationKind
    office_name: str
    doc_prefix: str


def check_setup(setup: StationSetup) -> StationSetup:
    """The setup with every field validated and normalised; raises ValidationError."""
    return StationSetup(
        name=validators.text(setup.name, field="station.name", label="站点名称", max_length=100, required=True),
        kind=StationKind(setup.kind),
        office_name=validators.text(
            setup.office_name, field="station.office_name", label="发文机关", max_length=100, required=True
        ),
        doc_prefix=validators.text(
            setup.doc_prefix, field="station.doc_prefix", label="文号前缀", max_length=20, required=True
        ),
    )


def set_up_station(
    store: Store,
    setup: StationSetup,
    *,
    head_username: str,
    head_name: str,
    head_password: str,
    demo: bool = False,
) -> StationInfo:
    """Record the station, its head's account and the shipped reference codes, all or nothing."""
    setup = check_setup(setup)
    with store.session() as session:
        if session.scalars(select(Station)).first() is not None:
            raise ValidationError("station", "站点", "本数据库已设置过站点")
        station = Station(
            uid=store.station_uid,
            name=setup.name,
            kind=setup.kind.value,
            office_name=setup.office_name,
            doc_prefix=setup.doc_prefix,
            is_demo=demo,
            created_at=clock.now(),
        )
        session.add(station)
        add_user_in(session, head_username, head_name, UserRole.HEAD, head_password)
        merge_codes(session, json.loads((resources_dir() / "data" / "categories.json").read_text("utf-8")))
        return _info(station)


def create_station(
    paths: StationPaths, setup: StationSetup, *, head_username: str, head_name: str, head_password: str
) -> str:
    """A new real station: the store, its key in the keyring, the head's account. Returns the
    recovery code to show once. Checked first, and undone if setting up fails, so a mistake
    never leaves a half-made station that blocks the next attempt."""
    check_setup(setup)
    check_new_account(head_username, head_name, head_password)
    store, code = create_store(paths)
    try:
        set_up_station(store, setup, head_username=head_username, head_name=head_name, head_password=head_password)
    except BaseException:
        discard_unfinished_store(store)
        raise
    store.close()
    return code


def merge_codes(session, data: dict) -> None:
    """Add or rename the category and problem codes in ``data``; codes are never removed, since
    cases keep using them."""
    for sort, top in enumerate(data["categories"]):
        session.merge(Category(code=top["code"], parent_code=None, name=top["name"], sort=sort))
        session.flush()
        for child_sort, child in enumerate(top["children"]):
            session.merge(Category(code=child["code"], parent_code=top["code"], name=child["name"], sort=child_sort))
    for sort, kind in enumerate(data["problem_kinds"]):
        session.merge(ProblemKind(code=kind["code"], name=kind["name"], sort=sort))


def _info(station: Station) -> StationInfo:
    return StationInfo(
        uid=station.uid,
        name=station.name,
        kind=StationKind(station.kind),
        office_name=station.office_name,
        doc_prefix=station.doc_prefix,
        is_demo=station.is_demo,
    )


def station_info(store: Store) -> StationInfo | None:
    with store.reading() as session:
        station = session.scalars(select(Station)).first()
        return _info(station) if station else None


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    parent_code: str | None = None


def categories(store: Store) -> list[Code]:
    """Both levels, each parent followed by its children."""
    with store.reading() as session:
        rows = session.scalars(select(Category).order_by(Category.sort)).all()
    tops = [row for row in rows if row.parent_code is None]
    ordered = []
    for top in tops:
        ordered.append(Code(top.code, top.name))
        ordered.extend(Code(r.code, r.name, r.parent_code) for r in rows if r.parent_code == top.code)
    return ordered


def problem_kinds(store: Store) -> list[Code]:
    with store.reading() as session:
        return [Code(r.code, r.name) for r in session.scalars(select(ProblemKind).order_by(ProblemKind.sort))]
