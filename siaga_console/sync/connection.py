"""Connection helpers: which errors mean "the database is unreachable", reconnect backoff,
and the libpq parameters of a dedicated (non-pooled) PostgreSQL connection."""

from __future__ import annotations

import random
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    DBAPIError,
    DisconnectionError,
    InterfaceError,
    OperationalError,
)
from sqlalchemy.exc import (
    TimeoutError as PoolTimeoutError,
)

from ..data.engine import PG_CONNECT_ARGS, parse_url
from ..domain.errors import DatabaseError

_SQLITE_OFFLINE_HINTS = ("unable to open database", "disk i/o error", "readonly database")


def is_connection_error(exc: BaseException) -> bool:
    """True when ``exc`` says the database could not be reached (or the link broke).

    Such a failure leaves the outcome of a command unknown: the command goes to the
    outbox and its replay is idempotent. Any other error (a refused form, a conflict, a
    constraint) is the command's own answer and is shown to the operator.
    """
    if isinstance(exc, DatabaseError):  # check_connection's translation
        return exc.template.startswith("Cannot open the database")
    if isinstance(exc, DisconnectionError | PoolTimeoutError):
        return True
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        orig = exc.orig
        module = type(orig).__module__ if orig is not None else ""
        if module.startswith("psycopg"):
            import psycopg

            return isinstance(orig, psycopg.OperationalError | psycopg.InterfaceError) and not (
                # a serialization failure or deadlock is an answer, not an outage
                isinstance(
                    orig, psycopg.errors.SerializationFailure | psycopg.errors.DeadlockDetected
                )
            )
        if isinstance(exc, OperationalError | InterfaceError):
            text = str(orig or exc).lower()
            return any(h in text for h in _SQLITE_OFFLINE_HINTS)
        return False
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    return isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError)


class Backoff:
    """Exponential backoff with jitter: 0.5 s, 1 s, 2 s, ... up to ``maximum``."""

    def __init__(
        self,
        initial: float = 0.5,
        maximum: float = 15.0,
        factor: float = 2.0,
        jitter: float = 0.2,
        rng: random.Random | None = None,
    ) -> None:
        self.initial, self.maximum, self.factor, self.jitter = initial, maximum, factor, jitter
        self.failures = 0
        self.rng = rng or random.Random()

    def next_delay(self) -> float:
        base = min(self.maximum, self.initial * self.factor**self.failures)
        self.failures += 1
        return base * (1 + self.jitter * (self.rng.random() * 2 - 1))

    def reset(self) -> None:
        self.failures = 0


def libpq_params(url: str) -> dict[str, Any]:
    """Keyword arguments for ``psycopg.connect`` equivalent to the engine's connections
    (same host, user, password, database and URL query options such as ``sslmode``)."""
    parsed = parse_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValueError("not a PostgreSQL URL")
    engine = create_engine(parsed)  # no connection is made: only the dialect is used
    try:
        _args, kwargs = engine.dialect.create_connect_args(make_url(parsed))
    finally:
        engine.dispose()
    kwargs.pop("context", None)
    params = dict(PG_CONNECT_ARGS)
    params["application_name"] = "siaga-console-listener"
    params.update(kwargs)
    return params
