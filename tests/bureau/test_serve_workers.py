"""`mediation-bureau serve --workers N`: the settings each worker process builds the hub from, and
the refusals that come before anything is migrated. The hub running with two workers is tested
in tests/sync/test_hub_workers.py."""

import asyncio
import socket

import httpx
import pytest

from bureau import app_factory
from bureau.cli import main


def test_several_workers_on_sqlite_are_refused_before_anything_is_made(tmp_path, capsys):
    db = tmp_path / "hub.db"
    with socket.socket() as taken:  # were it not refused, the hub would stop at this port, not serve on
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        code = main(["serve", "--workers", "2", "--db", f"sqlite:///{db}", "--files", str(tmp_path / "files"),
                     "--port", str(taken.getsockname()[1])])
    err = capsys.readouterr().err
    assert code == 2
    assert "--workers" in err and "PostgreSQL" in err and "Traceback" not in err
    assert not db.exists() and not (tmp_path / "files").exists()


@pytest.mark.parametrize("given", ["0", "-1", "二", "２", "7", "1.5"])
def test_a_worker_count_that_is_not_1_to_6_names_the_option(given, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--workers", given, "--db", "sqlite:///unused.db"])
    assert exited.value.code == 2
    assert "--workers" in capsys.readouterr().err


def test_a_worker_builds_the_hub_from_the_settings_the_command_hands_over(hub_engine, hub_db_url, tmp_path,
                                                                           monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = app_factory.settings_environment(hub_db_url, "hub-files")
    assert settings[app_factory.FILES_VARIABLE] == str(tmp_path / "hub-files")  # absolute, whoever reads it
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    app = app_factory.app_from_environment()
    assert app.state.attachments.folder == tmp_path / "hub-files"

    async def serve_two_requests() -> tuple[int, int]:
        async with app.router.lifespan_context(app):  # the worker's start and stop, as uvicorn runs them
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://hub") as client:
                return (await client.get("/v1/time")).status_code, (await client.get("/v1/feed")).status_code

    # Unsigned, the feed is refused: the app is the hub's own, with its checks in place.
    assert asyncio.run(serve_two_requests()) == (200, 401)


def test_a_worker_started_without_the_settings_says_which_are_missing(monkeypatch):
    monkeypatch.delenv(app_factory.DB_VARIABLE, raising=False)
    monkeypatch.delenv(app_factory.FILES_VARIABLE, raising=False)
    with pytest.raises(RuntimeError, match=f"{app_factory.DB_VARIABLE}, {app_factory.FILES_VARIABLE}"):
        app_factory.app_from_environment()
