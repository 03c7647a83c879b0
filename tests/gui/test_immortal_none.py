"""The desk outlives PySide6's lost references to None (app.views.immortal_none)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# More void Qt calls than None has references when the desk's package is imported: without the
# guard this child dies with "Fatal Python error: none_dealloc".
CHILD = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
application = QApplication([])
label = QLabel()
calls = sys.getrefcount(None) + 10_000
import app.views
for _ in range(calls):
    label.setText("调解")
print("survived", calls)
"""


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_many_void_qt_calls_do_not_use_up_none():
    finished = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.startswith("survived")
