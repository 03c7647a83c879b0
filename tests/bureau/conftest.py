"""Hub tests run on SQLite always and on PostgreSQL where it is reachable."""

from tests.helpers.hub_db import hub_db_url, hub_engine, pg_template  # noqa: F401
