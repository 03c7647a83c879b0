"""Schema versions with Alembic: upgrade to the newest, back up first, refuse a newer file.

Finding the store up to date, as every start does, needs no Alembic: the store's version is one
SQL statement and the newest one is read from the migration files. Alembic itself (about 0.1 s
to import, most of it its PostgreSQL and SQL Server modules) is imported only when a migration
is due or an unknown version has to be looked up.
"""

import logging
import re
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from app.domain.errors import StoreError
from app.models.engine import writer

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"

# A migration's own lines naming it and the one it revises, as script.py.mako writes them.
_REVISION_LINE = re.compile(r"^(revision|down_revision) = (?:None|['\"]([^'\"]+)['\"])$", re.MULTILINE)


def _config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest schema this program knows: the one revision no other migration revises."""
    revisions, revised = set(), set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        for name, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8")):
            (revisions if name == "revision" else revised).add(value)
    heads = revisions - revised - {""}
    if len(heads) != 1:
        raise StoreError(f"本程序的数据结构迁移脚本有误：找到 {len(heads)} 个最新版本。")
    return heads.pop()


def is_known_revision(revision: str) -> bool:
    """True for a schema this program can open (it knows the revision, so it is not newer)."""
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        return ScriptDirectory.from_config(_config()).get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(engine: Engine) -> str | None:
    """The store's schema version; None for a store without any schema yet."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


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
    from alembic import command

    config = _config()
    # One transaction for every step: a migration killed halfway leaves the old schema whole.
    with writer(engine).begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    log.info("store migrated from %s to %s", current, head)
