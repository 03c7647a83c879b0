"""The hub's schema, migrated on each database kind, is what its models say."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from alembic.script import ScriptDirectory

from bureau.db import HubDatabaseError, alembic_config, make_hub_engine, upgrade
from bureau.models import Base


def test_the_migrated_schema_matches_the_models(hub_engine):
    with hub_engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_upgrading_twice_changes_nothing(hub_engine):
    upgrade(hub_engine)
    with hub_engine.connect() as conn:
        current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    assert current == ScriptDirectory.from_config(alembic_config(hub_engine)).get_current_head()


def test_a_database_from_a_newer_hub_is_refused(hub_engine):
    with hub_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(HubDatabaseError, match="更新版本"):
        upgrade(hub_engine)


def test_an_unknown_database_url_is_refused_with_a_message():
    with pytest.raises(HubDatabaseError, match="不支持"):
        make_hub_engine("mysql://root@localhost/hub")
    with pytest.raises(HubDatabaseError, match="无法识别"):
        make_hub_engine("not a url at all")
