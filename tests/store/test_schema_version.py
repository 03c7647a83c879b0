"""The schema's version is read without Alembic; Alembic is imported only when a migration is due."""

import subprocess
import sys
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

from app.models import migrate
from app.models.engine import make_engine
from app.models.station_key import new_station_key
from app.models.store import create_store
from app.paths import StationPaths

ROOT = Path(__file__).resolve().parents[2]


def test_the_newest_revision_read_from_the_files_is_alembics():
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    assert migrate.head_revision() == ScriptDirectory.from_config(config).get_current_head()


def test_an_empty_file_has_no_version_and_a_made_store_the_newest(tmp_path, store):
    empty = make_engine(tmp_path / "empty.db", new_station_key())
    try:
        assert migrate.current_revision(empty) is None
    finally:
        empty.dispose()
    assert migrate.current_revision(store.engine) == migrate.head_revision()


def test_opening_an_up_to_date_store_does_not_import_alembic(tmp_path):
    paths = StationPaths(tmp_path / "station")
    store, _code = create_store(paths, demo=True)
    store.close()
    probe = (
        "import sys\n"
        "from app.models.store import open_store\n"
        "from app.paths import StationPaths\n"
        "open_store(StationPaths(sys.argv[1]), daily_check=False).close()\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'alembic'))\n"
    )
    opened = subprocess.run(
        [sys.executable, "-c", probe, str(paths.data_dir)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert opened.stdout.strip() == "[]"
