"""Engine and session factory: SQLite (WAL, foreign keys) by default, PostgreSQL when shared."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.engine.url import URL
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from ..domain.errors import AuthenticationError, DatabaseError, UnreachableError

# libpq options of every PostgreSQL connection: fail fast when the server is unreachable
# and notice a dead peer (cable pulled, server host down) within about 25 s through TCP
# keepalives. TLS options (sslmode, sslrootcert, sslcert, sslkey) come from the URL's
# query string and reach libpq unchanged.
PG_CONNECT_ARGS: dict[str, Any] = {
    "connect_timeout": 5,
    "application_name": "siaga-console",
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,  # ms: a write that nobody acknowledges fails, not hangs
}


def parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError("Not a database URL: {url}", url=url) from exc
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseError(
            "Unsupported database {backend}: use sqlite:/// or postgresql+psycopg://",
            backend=backend,
        )
    if backend == "postgresql" and parsed.drivername != "postgresql+psycopg":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def safe_url(url: str | URL) -> str:
    """The URL with its password hidden, for messages and the status bar."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid URL>"


def sqlite_url_for(path: Path) -> str:
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str, *, create_dir: bool = True, echo: bool = False) -> Engine:
    """Build an engine. Raises DatabaseError with a clear message for a bad URL."""
    parsed = parse_url(url)
    try:
        if parsed.get_backend_name() == "sqlite":
            db = parsed.database
            if db and db != ":memory:" and create_dir:
                parent = Path(db).expanduser().resolve().parent
                try:
                    parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise DatabaseError(
                        "Cannot create the data directory {path}: {reason}",
                        path=str(parent),
                        reason=exc.strerror,
                    ) from exc
            engine = create_engine(parsed, echo=echo, connect_args={"timeout": 10})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(
                parsed,
                echo=echo,
                # A desktop client: one database worker thread plus short reads (presence,
                # locks); the change-feed listener has its own dedicated connection.
                pool_size=2,
                max_overflow=3,
                pool_timeout=10,
                pool_pre_ping=True,  # a connection left from before an outage is replaced
                pool_recycle=1800,
                connect_args=dict(PG_CONNECT_ARGS),
            )
    except NoSuchModuleError as exc:
        raise DatabaseError("Unsupported database driver in {url}", url=safe_url(url)) from exc
    return engine


def check_connection(engine: Engine) -> None:
    """Open a connection and run a trivial query; translate failures into DatabaseError."""
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
                if mode != "wal" and engine.url.database not in (None, "", ":memory:"):
                    conn.exec_driver_sql("PRAGMA journal_mode=WAL")
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
            else:
                conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        if _refused_password(exc):
            raise AuthenticationError(
                "The database {url} refused the password of {user}: {reason}",
                url=safe_url(engine.url),
                user=engine.url.username or "",
                reason=_reason(exc),
            ) from exc
        raise UnreachableError(
            "Cannot open the database {url}: {reason}",
            url=safe_url(engine.url),
            reason=_reason(exc),
        ) from exc
    except SADatabaseError as exc:
        raise DatabaseError(
            "The database {url} is damaged or not a database: {reason}",
            url=safe_url(engine.url),
            reason=_reason(exc),
        ) from exc


# SQLSTATE 28P01 invalid_password (not 28000: pg_hba.conf rejecting the host is no password
# question); libpq's own message when the server wants a password and got none has no SQLSTATE.
_AUTH_STATES = {"28P01"}
_AUTH_TEXTS = ("password authentication failed", "no password supplied")


def _refused_password(exc: OperationalError) -> bool:
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) in _AUTH_STATES:
        return True
    text_ = str(orig if orig is not None else exc)
    return any(t in text_ for t in _AUTH_TEXTS)


def _reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    text_ = str(orig if orig is not None else exc).strip().splitlines()
    return text_[0] if text_ else type(exc).__name__


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def backup_sqlite(engine: Engine) -> Path | None:
    """Copy an SQLite database next to itself (online backup API) before a migration."""
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return None
    src = Path(str(engine.url.database))
    stamp = 0
    while (dest := src.with_name(f"{src.name}.bak{stamp or ''}")).exists():
        stamp += 1
    raw = engine.raw_connection()
    try:
        target = sqlite3.connect(dest)
        try:
            raw.driver_connection.backup(target)  # type: ignore[union-attr]
        finally:
            target.close()
    finally:
        raw.close()
    return dest
