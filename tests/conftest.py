"""Test set-up shared by every test: headless Qt, an in-memory keyring, a fresh station."""

import logging
import os

# Before anything can create a QApplication: the tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402

from app.domain import deadlines  # noqa: E402
from app.domain.calendar import WorkCalendar  # noqa: E402
from app.models.store import Store, create_store  # noqa: E402
from app.paths import StationPaths  # noqa: E402
from app.services import accounts  # noqa: E402
from app.services.actor import Actor  # noqa: E402
from app.services.station import StationSetup, set_up_station  # noqa: E402
from tests.helpers.memory_keyring import MemoryKeyring  # noqa: E402

HEAD_PASSWORD = "head-pass-2026"
MEDIATOR_PASSWORD = "mediator-pass-2026"


@pytest.fixture(autouse=True)
def memory_keyring():
    """Every test gets its own empty keyring; no test touches the machine's real one."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def shipped_calendar():
    """Imports in one test must not leak into the next."""
    deadlines.set_active_calendar(WorkCalendar.shipped())
    yield
    deadlines.set_active_calendar(WorkCalendar.shipped())


@pytest.fixture
def station_paths(tmp_path: Path) -> StationPaths:
    return StationPaths(tmp_path / "station")


@pytest.fixture
def store(station_paths: StationPaths):
    """A real encrypted store in a file (an in-memory DB would hide threading bugs)."""
    store, _code = create_store(station_paths)
    set_up_station(
        store,
        StationSetup("西湖景区消费维权服务站", "scenic_station", "杭州市西湖区市场监督管理局", "西市监投"),
        head_username="head",
        head_name="王建国",
        head_password=HEAD_PASSWORD,
    )
    yield store
    store.close()


@pytest.fixture
def head(store: Store) -> Actor:
    return accounts.authenticate(store, "head", HEAD_PASSWORD)


@pytest.fixture
def mediator(store: Store) -> Actor:
    return accounts.add_user(store, "liming", "李明", "mediator", MEDIATOR_PASSWORD)


@pytest.fixture
def detached_log_files():
    """Each command-line run adds a file handler for its data folder; drop them afterwards, so
    the test's temporary folders can go."""
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", None):
            root.removeHandler(handler)
            handler.close()
