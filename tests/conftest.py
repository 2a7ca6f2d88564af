"""Shared fixtures: a real SQLite file and a real PostgreSQL server for every data test."""

from __future__ import annotations

import gc
import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

# Qt and QtWebEngine must see these before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
_TMP_HOME = tempfile.mkdtemp(prefix="siaga-test-home-")
os.environ["SIAGA_DATA_DIR"] = str(Path(_TMP_HOME) / "data")
os.environ["SIAGA_CONFIG_DIR"] = str(Path(_TMP_HOME) / "config")
os.environ.pop("SIAGA_DB_URL", None)

import pytest  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402

from siaga_console.data.engine import make_engine  # noqa: E402
from siaga_console.domain.enums import Role  # noqa: E402
from siaga_console.domain.permissions import Actor  # noqa: E402
from siaga_console.resources import gazetteer  # noqa: E402
from siaga_console.services.container import Services, build_services, prepare_database  # noqa: E402

from .pg import PgServer, destroy, start_server  # noqa: E402

# Cheap argon2 parameters for test accounts (the product uses the library's defaults).
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


class Clock:
    """A controllable clock for the services (aware UTC)."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> datetime:
        self.now += timedelta(**kw)
        return self.now


@pytest.fixture(autouse=True, scope="session")
def _gc_on_the_main_thread() -> Iterator[None]:
    """As the console does (siaga_console/ui/gc_guard.py): the cyclic collector never runs
    in a worker thread, where finalising a Qt wrapper can crash the process."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        server = start_server()
    except (FileNotFoundError, OSError) as exc:
        if os.environ.get("SIAGA_REQUIRE_PG") == "1":
            pytest.fail(f"PostgreSQL is required for this run: {exc}")
        pytest.skip(f"no PostgreSQL: {exc}")
    except Exception as exc:  # initdb/pg_ctl failed: say why
        pytest.fail(f"could not start the throwaway PostgreSQL server: {exc!r}")
    try:
        yield server
    finally:
        destroy(server)


_counter = itertools.count()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tmpl") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    prepare_database(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer) -> str:
    admin = sa.create_engine(pg_server.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql("CREATE DATABASE siaga_template")
    admin.dispose()
    engine = make_engine(pg_server.url("siaga_template"))
    prepare_database(engine)
    engine.dispose()
    return "siaga_template"


def new_pg_database(server: PgServer, template: str | None = None) -> str:
    name = f"t_{os.getpid()}_{next(_counter)}"
    admin = sa.create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
    admin.dispose()
    return server.url(name)


def fresh_db_url(
    request: pytest.FixtureRequest, tmp_path: Path, backend: str, name: str = "siaga.db"
) -> str:
    """A fresh, migrated and seeded database on ``backend`` (sqlite: ``tmp_path / name``)."""
    if backend == "sqlite":
        path = tmp_path / name
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    server = request.getfixturevalue("pg_server")
    return new_pg_database(server, request.getfixturevalue("pg_template"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, migrated and seeded database: a real SQLite file or a real PostgreSQL db."""
    return fresh_db_url(request, tmp_path, request.param)


@pytest.fixture
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty SQLite database URL (no schema)."""
    return f"sqlite:///{tmp_path / 'empty.db'}"


@pytest.fixture
def clock() -> Clock:
    # 29 Nov 2026, 10:00 WIB
    return Clock(datetime(2026, 11, 29, 3, 0, tzinfo=UTC))


@pytest.fixture
def services(db_url: str, clock: Clock) -> Iterator[Services]:
    engine = make_engine(db_url)
    svc = build_services(engine, gazetteer(), clock, FAST_HASHER)
    yield svc
    svc.close()


@pytest.fixture
def second_services(
    request: pytest.FixtureRequest, db_url: str, clock: Clock, tmp_path: Path
) -> Iterator[Services]:
    """A second console: another fresh database on the same backend as ``services``."""
    backend = "sqlite" if db_url.startswith("sqlite") else "postgresql"
    svc = build_services(
        make_engine(fresh_db_url(request, tmp_path, backend, "second.db")), gazetteer(), clock
    )
    yield svc
    svc.close()


def make_actor(
    services: Services, role: Role = Role.OPERATOR, username: str | None = None
) -> Actor:
    """Create a user row and return its actor."""
    from siaga_console.data.models import User

    username = username or f"{role.value}{next(_counter)}"
    with services.ctx.transaction() as s:
        u = User(
            username=username,
            display_name=username.title(),
            role=role.value,
            password_hash=None,
            active=True,
            failed_logins=0,
            created_at=services.ctx.clock(),
        )
        s.add(u)
        s.flush()
        uid = u.id
    return Actor(uid, username, role, "WS-TEST")


@pytest.fixture
def operator(services: Services) -> Actor:
    return make_actor(services, Role.OPERATOR)


@pytest.fixture
def supervisor(services: Services) -> Actor:
    return make_actor(services, Role.SUPERVISOR)
