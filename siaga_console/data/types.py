"""Column types shared by the models, and dialect-neutral SQL helpers."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Float, Integer
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import FunctionElement
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC: identical on SQLite and PostgreSQL."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]


class seconds_between(FunctionElement[float]):  # noqa: N801 - SQL function style
    """``end - start`` in seconds as a float, NULL if either is NULL."""

    type = Float()
    inherit_cache = True
    name = "seconds_between"


@compiles(seconds_between, "postgresql")
def _pg_seconds(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = list(element.clauses)
    return f"EXTRACT(EPOCH FROM ({compiler.process(end, **kw)} - {compiler.process(start, **kw)}))"


@compiles(seconds_between, "sqlite")
def _sqlite_seconds(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = list(element.clauses)
    return (
        f"((julianday({compiler.process(end, **kw)}) - "
        f"julianday({compiler.process(start, **kw)})) * 86400.0)"
    )


def seconds(start: Any, end: Any) -> seconds_between:
    """``end - start`` in seconds (columns or SQL expressions)."""
    return seconds_between(start, end)


class epoch_seconds(FunctionElement[float]):  # noqa: N801
    """Seconds since the Unix epoch of a naive-UTC timestamp column."""

    type = Float()
    inherit_cache = True
    name = "epoch_seconds"


@compiles(epoch_seconds, "postgresql")
def _pg_epoch(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    (col,) = list(element.clauses)
    return f"EXTRACT(EPOCH FROM {compiler.process(col, **kw)})"


@compiles(epoch_seconds, "sqlite")
def _sqlite_epoch(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    (col,) = list(element.clauses)
    return f"((julianday({compiler.process(col, **kw)}) - 2440587.5) * 86400.0)"


class local_hour(FunctionElement[int]):  # noqa: N801
    """Hour of day (0-23) in WIB of a naive-UTC timestamp column."""

    type = Integer()
    inherit_cache = True
    name = "local_hour"


@compiles(local_hour, "postgresql")
def _pg_local_hour(element: local_hour, compiler: SQLCompiler, **kw: Any) -> str:
    (col,) = list(element.clauses)
    return (
        f"CAST(EXTRACT(HOUR FROM ({compiler.process(col, **kw)} + INTERVAL '7 hours')) AS INTEGER)"
    )


@compiles(local_hour, "sqlite")
def _sqlite_local_hour(element: local_hour, compiler: SQLCompiler, **kw: Any) -> str:
    (col,) = list(element.clauses)
    return f"CAST(strftime('%H', {compiler.process(col, **kw)}, '+7 hours') AS INTEGER)"
