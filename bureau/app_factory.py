"""The hub's app as each uvicorn worker process builds it.

With ``--workers N`` uvicorn starts fresh processes that get nothing from the command line but an
import string, so ``mediation-bureau serve`` hands its settings over in the environment and every
worker builds the same app from them. The workers share nothing in memory: feed numbers, nonces,
enrolment codes and the attachments' progress live in the database (under row locks and unique
keys), the files in the files folder. The schema is migrated by the command, once, before any
worker starts; a worker never migrates.
"""

import logging
import os
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bureau.api import create_app
from bureau.db import make_hub_engine

# MEDIATION_BUREAU_DB is also where the command line looks when --db is not given.
DB_VARIABLE = "MEDIATION_BUREAU_DB"
FILES_VARIABLE = "MEDIATION_BUREAU_FILES"
IMPORT_STRING = "bureau.app_factory:app_from_environment"
APPLICATION_NAME = "mediation-bureau worker"


def settings_environment(db_url: str, files: Path) -> dict[str, str]:
    """The variables a worker builds its app from. The files folder is made absolute here: the
    workers share the command's folder, but the folder must not depend on where each looks."""
    return {DB_VARIABLE: db_url, FILES_VARIABLE: str(Path(files).resolve())}


def app_from_environment() -> FastAPI:
    """The hub's app for ``settings_environment``'s variables; uvicorn calls this in each worker."""
    missing = [name for name in (DB_VARIABLE, FILES_VARIABLE) if not os.environ.get(name)]
    if missing:
        raise RuntimeError(f"中心端工作进程缺少设置：{', '.join(missing)}（请用 mediation-bureau serve 启动）。")
    # A worker is a new process: without this its own log lines (bureau.*) would go nowhere.
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    engine = make_hub_engine(_named_for_this_worker(os.environ[DB_VARIABLE]))
    app = create_app(engine, Path(os.environ[FILES_VARIABLE]))

    @asynccontextmanager
    async def lifespan(_app):
        yield
        engine.dispose()  # close the worker's connections rather than drop them at exit

    app.router.lifespan_context = lifespan
    return app


def _named_for_this_worker(db_url: str) -> str:
    """On PostgreSQL, the worker's connections carry its process ID as their application name, so
    pg_stat_activity shows which worker holds which connection (and what waits on whom)."""
    try:
        url = make_url(db_url)
    except ArgumentError:
        return db_url  # make_hub_engine says what is wrong with it
    if url.get_backend_name() != "postgresql" or "application_name" in url.query:
        return db_url
    return url.update_query_dict({"application_name": f"{APPLICATION_NAME} {os.getpid()}"}).render_as_string(
        hide_password=False
    )
