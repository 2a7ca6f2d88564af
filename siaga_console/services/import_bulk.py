"""Bulk writing for imports: incident numbers by day counter, multi-row INSERTs, COPY on
PostgreSQL, uuids."""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ..data.models import IncidentCounter
from ..domain.numbering import incident_number
from ..domain.timeutil import to_wib


def incident_numbers(s: Session, received: Sequence[datetime]) -> list[str]:
    """Numbers for new incidents (in order), from the day counters of
    ``incidents.next_incident_number``: the same upsert on ``incident_counters``, but one
    per WIB day of a chunk, incremented by that day's count (one round trip instead of
    one per incident: on PostgreSQL that is most of an import's time)."""
    days = [to_wib(t).date() for t in received]
    first: dict[date, int] = {}
    dialect = s.get_bind().dialect.name
    for day, count in Counter(days).items():
        ins = pg_insert if dialect == "postgresql" else sqlite_insert
        stmt = (
            ins(IncidentCounter)
            .values(day=day, last=count)
            .on_conflict_do_update(
                index_elements=[IncidentCounter.day], set_={"last": IncidentCounter.last + count}
            )
            .returning(IncidentCounter.last)
        )
        first[day] = int(s.execute(stmt).scalar_one()) - count + 1
    out = []
    for day in days:
        out.append(incident_number(day, first[day]))
        first[day] += 1
    return out


def write_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (all with the same keys) without reading anything back.

    PostgreSQL: ``COPY ... FROM STDIN``. A multi-row INSERT of a chunk spent most of an
    import in psycopg's client-side parsing of its thousands of placeholders (2,300 rows/s
    for 100,000 rows); COPY sends the values alone. The columns' own bind processing
    (UTC times, JSON) is applied as an INSERT would. SQLite: executemany."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(table.insert(), list(rows))
        return
    from psycopg import sql

    cols = list(rows[0])
    procs = [table.c[c].type.bind_processor(conn.dialect) for c in cols]
    stmt = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(sql.Identifier(c) for c in cols)
    )
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur, cur.copy(stmt) as copy:
        for row in rows:
            copy.write_row([p(row[c]) if p else row[c] for c, p in zip(cols, procs, strict=True)])


def new_uuid() -> str:
    """A random (version 4) UUID string, as ``str(uuid.uuid4())`` but cheaper (bulk rows)."""
    n = secrets.randbits(128)
    n = (n & ~(0xF000 << 64) | (0x4000 << 64)) & ~(0xC000 << 48) | (0x8000 << 48)
    h = f"{n:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
