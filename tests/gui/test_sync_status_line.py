"""The status bar's sync line: read in the background after the window shows, and right."""

import subprocess
import sys

from app.desk import build_main_window
from tests.services.factories import register_complaint


def status_line(window) -> str:
    return window.sync.status_label.text()


def wait_for_status(qtbot, window, text: str) -> None:
    qtbot.waitUntil(lambda: status_line(window) == text, timeout=10_000)


def test_the_line_is_read_after_the_window_shows_and_again_at_each_refresh(qtbot, store, head):
    register_complaint(store, head)
    register_complaint(store, head, request="换货")
    window = build_main_window(store, head)
    qtbot.addWidget(window)
    # Built without reading it: the counts come once the event loop runs.
    assert status_line(window) == "正在读取同步状态…"
    window.show()
    wait_for_status(qtbot, window, "未同步 2 条 · 从未核验同步")

    register_complaint(store, head, request="维修")
    window.refresh()  # what a case's step or F5 does
    wait_for_status(qtbot, window, "未同步 3 条 · 从未核验同步")


def test_a_reading_that_fails_is_said_in_the_line_and_logged(qtbot, store, head, caplog, monkeypatch):
    def broken(_store):
        raise OSError("disk I/O error")

    monkeypatch.setattr("app.services.sync_status.sync_overview", broken)
    window = build_main_window(store, head)
    qtbot.addWidget(window)
    window.show()
    wait_for_status(qtbot, window, "同步状态读取失败")
    assert "the sync status could not be read" in caplog.text and "disk I/O error" in caplog.text


def test_the_desk_starts_without_the_sync_engine_and_its_http_client():
    """They cost about a tenth of the start's imports; the panel and the settings bring them."""
    probe = (
        "import sys, app.cli, app.desk; "
        "print(sorted(m for m in ('httpx', 'pydantic', 'app.sync.engine', 'app.sync.client') if m in sys.modules))"
    )
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert shown.strip() == "[]"
