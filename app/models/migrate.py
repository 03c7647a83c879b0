"""Schema versions with Alembic: upgrade to the newest, back up first, refuse a newer file."""

import logging
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine

from app.domain.errors import StoreError
from app.models.engine import writer

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def is_known_revision(revision: str) -> bool:
    """True for a schema this program can open (it knows the revision, so it is not newer)."""
    try:
        return ScriptDirectory.from_config(_config()).get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, backup: Callable[[str], Path]) -> None:
    """Bring the store to the newest schema.

    Args:
        backup: called with a label before an existing store is changed; makes a backup copy.

    Raises:
        StoreError: the file was written by a newer program, so this one must not touch it.
    """
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return
    if current is not None:
        if not is_known_revision(current):
            raise StoreError(
                f"本站数据库来自更新版本的程序（数据结构版本 {current}，本程序最高支持 {head}）。"
                "为免损坏数据，本程序不会打开它；请安装最新版本的调解台。"
            )
        saved = backup(f"before-migration-{current}")
        log.info("backed up to %s before migrating %s -> %s", saved, current, head)
    config = _config()
    # One transaction for every step: a migration killed halfway leaves the old schema whole.
    with writer(engine).begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    log.info("store migrated from %s to %s", current, head)
