"""The hub's database: PostgreSQL in production, SQLite for a trial on one machine."""

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class HubDatabaseError(Exception):
    """The database cannot be used (unknown URL, newer schema); the message says why."""


def make_hub_engine(url: str) -> Engine:
    """An engine for ``url``: ``postgresql://…`` or ``sqlite:///path``."""
    try:
        parsed = make_url(url)
    except Exception:
        raise HubDatabaseError(f"数据库地址无法识别：{url}") from None
    if parsed.get_backend_name() == "postgresql":
        # psycopg 3 is the driver we ship; a bare postgresql:// would look for psycopg2.
        engine = create_engine(parsed.set(drivername="postgresql+psycopg"), pool_pre_ping=True)
    elif parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, connect_args={"check_same_thread": False})
        _configure_sqlite(engine)
    else:
        raise HubDatabaseError(f"不支持的数据库：{parsed.get_backend_name()}（支持 postgresql 和 sqlite）")
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA busy_timeout = 10000")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()
        # Our own BEGIN (below) instead of the driver's, which would start a transaction late.
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # Every hub transaction may write; taking the lock at once keeps two requests from
        # reading the same state and both acting on it.
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision; refuse a database made by a newer hub."""
    config = alembic_config(engine)
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    if current is not None and current not in known:
        raise HubDatabaseError(f"数据库来自更新版本的中心端程序（数据结构版本 {current}，本程序最高支持 {head}）。")
    if current != head:
        command.upgrade(config, "head")
        log.info("hub database migrated from %s to %s", current, head)
