"""A store made by an earlier version opens, is backed up first, and is migrated in full."""

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from app.models import migrate
from app.models.store import StoreDamaged, open_store
from app.paths import StationPaths
from app.services.queries import CaseFilter, list_cases

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_a_schema_0001_store_migrates_and_its_old_text_becomes_searchable(tmp_path):
    folder = tmp_path / "old-station"
    shutil.copytree(FIXTURES / "store-0001", folder)
    paths = StationPaths(folder)

    store = open_store(paths)

    assert migrate.current_revision(store.engine) == migrate.head_revision()
    assert list(paths.backups.glob("before-migration-0001-*.db"))
    # "龙井路" ends the second case's text; two characters at the very end were unfindable
    # before 0002 added the closing newline and the vocabulary table.
    assert [row.complainant for row in list_cases(store, CaseFilter(text="井路"))] == ["张三"]
    assert len(list_cases(store, CaseFilter(text="玉镯"))) == 1
    # 0005 gave every party its own ID for the hub.
    with store.reading() as session:
        uids = session.execute(text("SELECT uid FROM parties")).scalars().all()
    assert uids and len(set(uids)) == len(uids) and all(len(uid) == 36 for uid in uids)
    store.close()


def test_the_migrated_schema_matches_the_models(store):
    """A model changed without a migration (or the reverse) shows up here, not on a station."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app.models.tables import Base

    with store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # The search index's FTS5 shadow tables are made by the migration and have no model.
    differences = [
        d for d in differences if not (d[0] == "remove_table" and d[1].name.startswith("case_search"))
    ]
    assert differences == []


def test_a_damaged_store_is_refused_before_its_migration_could_write_to_it(tmp_path):
    folder = tmp_path / "old-station"
    shutil.copytree(FIXTURES / "store-0001", folder)
    paths = StationPaths(folder)
    # Damage one page of case data: the key, the schema and its version still read, so only
    # the whole-file check finds it (the migration itself would have run through).
    data = bytearray(paths.store.read_bytes())
    for offset in range(10 * 4096 + 100, 11 * 4096 - 100, 997):
        data[offset] ^= 0xFF
    paths.store.write_bytes(bytes(data))

    with pytest.raises(StoreDamaged, match="完整性检查未通过"):
        open_store(paths, daily_check=False)

    assert paths.store.read_bytes() == bytes(data)  # not migrated, not written at all
    # Nor backed up: a damaged copy is no backup.
    assert not paths.backups.exists() or not list(paths.backups.glob("before-migration-*"))
