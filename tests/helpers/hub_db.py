"""Hub databases for the tests: SQLite always and on PostgreSQL where it is reachable.

PostgreSQL: each test gets a database of its own, made through the admin URL in
``MEDIATION_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432/postgres``) and dropped after.
"""

import os
import uuid

import psycopg
import pytest
from sqlalchemy.engine import make_url

from bureau.db import make_hub_engine, upgrade

PG_ADMIN_URL = os.environ.get("MEDIATION_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def _pg_reachable() -> str | None:
    try:
        with psycopg.connect(PG_ADMIN_URL, connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return f"PostgreSQL at {PG_ADMIN_URL} not reachable ({exc.__class__.__name__}); set MEDIATION_TEST_PG"


PG_UNREACHABLE = _pg_reachable()


@pytest.fixture(scope="session")
def pg_template():
    """One migrated PostgreSQL database per test run; each test copies it, which is far quicker
    than migrating a new database every time."""
    if PG_UNREACHABLE is not None:
        yield None
        return
    name = f"hub_template_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    engine = make_hub_engine(make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False))
    upgrade(engine)
    engine.dispose()
    yield name
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.skipif(PG_UNREACHABLE is not None, reason=str(PG_UNREACHABLE))),
    ]
)
def hub_db_url(request, tmp_path, pg_template):
    """The URL of a hub database of each kind: empty for SQLite, migrated for PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hub.db'}"
        return
    name = f"hub_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    try:
        yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def hub_engine(hub_db_url):
    engine = make_hub_engine(hub_db_url)
    upgrade(engine)
    yield engine
    engine.dispose()
