"""Models and migrations agree; old, new, foreign and broken databases are handled."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from siaga_console.data.engine import make_engine
from siaga_console.data.migrate import SchemaState, head_revision, schema_state, upgrade
from siaga_console.data.models import Base, Incident, Kecamatan, Kelurahan
from siaga_console.domain.errors import AuthenticationError, DatabaseError
from siaga_console.services.container import prepare_database

from ..conftest import new_pg_database
from ..pg import PgServer, password_role


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def blank_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'blank.db'}"
    return new_pg_database(request.getfixturevalue("pg_server"))


def test_migrations_match_models(blank_url: str) -> None:
    engine = make_engine(blank_url)
    assert schema_state(engine) is SchemaState.EMPTY
    upgrade(engine)
    assert schema_state(engine) is SchemaState.CURRENT
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    engine.dispose()
    assert diff == []


def test_prepare_seeds_places_once(blank_url: str) -> None:
    engine = make_engine(blank_url)
    prepare_database(engine)
    prepare_database(engine)  # idempotent
    with engine.connect() as c:
        assert c.scalar(sa.select(sa.func.count()).select_from(Kecamatan)) == 6
        assert c.scalar(sa.select(sa.func.count()).select_from(Kelurahan)) == 67
    engine.dispose()


def test_newer_database_is_refused_and_untouched(blank_url: str) -> None:
    engine = make_engine(blank_url)
    prepare_database(engine)
    with engine.begin() as c:
        c.execute(sa.text("UPDATE alembic_version SET version_num = '9999_future'"))
    assert schema_state(engine) is SchemaState.NEWER
    with pytest.raises(DatabaseError, match="newer version"):
        prepare_database(engine)
    with engine.connect() as c:
        assert c.scalar(sa.text("SELECT version_num FROM alembic_version")) == "9999_future"
        assert c.scalar(sa.select(sa.func.count()).select_from(Incident)) == 0
    engine.dispose()


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as c:
        c.execute(sa.text("CREATE TABLE customers (id INTEGER PRIMARY KEY)"))
    with pytest.raises(DatabaseError, match="not Siaga Console"):
        prepare_database(engine)
    engine.dispose()


def test_corrupt_sqlite_file_is_refused_and_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    payload = b"this is not a database" * 100
    path.write_bytes(payload)
    engine = make_engine(f"sqlite:///{path}")
    with pytest.raises(DatabaseError, match="damaged or not a database"):
        prepare_database(engine)
    engine.dispose()
    assert path.read_bytes() == payload


def test_unreachable_postgres_is_a_clear_error() -> None:
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/nothing")
    with pytest.raises(DatabaseError, match="Cannot open the database") as refused:
        prepare_database(engine)
    assert not isinstance(refused.value, AuthenticationError)  # nobody to ask a password of


@pytest.mark.pg
def test_a_refused_password_is_told_apart(
    pg_server: PgServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """No password, a wrong one: AuthenticationError (the console asks); the right one opens."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))  # no ~/.pgpass either
    with password_role(pg_server, "ani_mig", "s3cr3t-112") as bare:
        for url in (bare, bare.replace("ani_mig@", "ani_mig:wrong@")):
            engine = make_engine(url)
            with pytest.raises(AuthenticationError, match="refused the password of ani_mig"):
                prepare_database(engine)
            engine.dispose()
        engine = make_engine(bare.replace("ani_mig@", "ani_mig:s3cr3t-112@"))
        prepare_database(engine)
        assert schema_state(engine) is SchemaState.CURRENT
        engine.dispose()


@pytest.mark.parametrize("url", ["nonsense", "mysql://x@y/z", "sqlite+foo:///x.db"])
def test_bad_urls(url: str) -> None:
    with pytest.raises(DatabaseError):
        make_engine(url)


def test_head_revision_is_the_single_head() -> None:
    assert head_revision()
