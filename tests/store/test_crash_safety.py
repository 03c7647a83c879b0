"""A process killed in the middle of writing leaves the store consistent."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models.case import Case
from app.models.history import HistoryEntry
from app.models.store import check_integrity, open_store
from app.services import queries
from tests.conftest import HEAD_PASSWORD

ROOT = Path(__file__).resolve().parent.parent.parent

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.models.store import open_store
    from app.paths import StationPaths
    from app.services import accounts, acceptance
    from tests.services.factories import register_complaint

    store = open_store(StationPaths(Path(sys.argv[1])), daily_check=False)
    head = accounts.authenticate(store, "head", sys.argv[2])
    print("ready", flush=True)
    while True:
        case_id = register_complaint(store, head)
        acceptance.accept(store, head, case_id)
    """
)


@pytest.mark.slow
def test_killed_writer_leaves_a_consistent_store(store, station_paths, head, memory_keyring):
    # The child process has its own keyring: hand it the station key through a test keyring.
    (key_hex,) = memory_keyring.secrets.values()
    shim = textwrap.dedent(
        f"""
        import keyring
        from tests.helpers.memory_keyring import MemoryKeyring
        backend = MemoryKeyring()
        backend.set_password("mediation-desk", "station-key:{store.station_uid}", "{key_hex}")
        keyring.set_keyring(backend)
        """
    )
    store.close()
    child = subprocess.Popen(
        [sys.executable, "-c", shim + WRITER, str(station_paths.data_dir), HEAD_PASSWORD],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert child.stdout.readline().strip() == "ready"
        # Let it write for a while, then kill it without warning, mid-transaction most likely.
        written = 0
        while written < 15:
            probe = open_store(station_paths, daily_check=False)
            written = queries.count_cases(probe)
            probe.close()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        child.stdout.close()

    survivor = open_store(station_paths, daily_check=False)
    check_integrity(survivor)
    with survivor.session() as session:
        cases = session.scalars(select(Case)).all()
        history_per_case = dict(
            session.execute(select(HistoryEntry.case_id, func.count()).group_by(HistoryEntry.case_id)).all()
        )
    survivor.close()
    assert len(cases) >= 15
    for case in cases:
        # Each case has its registration row, plus one for acceptance if it was accepted:
        # never a case without history, never a state change without its record.
        expected = 2 if case.state == "accepted" else 1
        assert history_per_case[case.id] == expected, case.number
        assert case.version == expected + 1
