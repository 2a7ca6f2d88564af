"""Schema migrations (Alembic) driven from code: status, upgrade, and the newer-version guard."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from ..domain.errors import DatabaseError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class SchemaState(StrEnum):
    EMPTY = "empty"  # no tables at all: safe to create
    CURRENT = "current"
    BEHIND = "behind"  # an older schema: upgrade needed
    NEWER = "newer"  # written by a newer Siaga Console: refuse
    FOREIGN = "foreign"  # tables but no revision: not ours


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def schema_state(engine: Engine) -> SchemaState:
    script = ScriptDirectory.from_config(alembic_config())
    with engine.connect() as conn:
        rev = MigrationContext.configure(conn).get_current_revision()
        tables = inspect(conn).get_table_names()
    if rev is None:
        return SchemaState.EMPTY if not tables else SchemaState.FOREIGN
    if rev == script.get_current_head():
        return SchemaState.CURRENT
    known = {s.revision for s in script.walk_revisions()}
    return SchemaState.BEHIND if rev in known else SchemaState.NEWER


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to ``revision``; refuses a database written by a newer version."""
    state = schema_state(engine)
    if state is SchemaState.NEWER:
        raise DatabaseError(
            "This database was written by a newer version of Siaga Console; "
            "update the console before opening it",
            revision=current_revision(engine),
        )
    if state is SchemaState.FOREIGN:
        raise DatabaseError("This database has tables that are not Siaga Console's")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
