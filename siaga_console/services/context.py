"""What every service needs: the session factory, the gazetteer, the clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from ..data.models import ChangeFeed
from ..domain.geo import Gazetteer
from ..domain.permissions import Actor
from ..domain.timeutil import utcnow

NOTIFY_CHANNEL = "siaga_changes"


class ServiceContext:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        gazetteer: Gazetteer,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.sessions = sessions
        self.gazetteer = gazetteer
        self.clock = clock

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self.sessions.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    @property
    def dialect(self) -> str:
        bind = self.sessions.kw["bind"]
        return str(bind.dialect.name)


def record_change(
    session: Session,
    actor: Actor,
    kind: str,
    entity: str,
    entity_id: int | None,
    at: datetime,
    data: dict[str, Any] | None = None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> ChangeFeed:
    """Append to the change feed and the audit trail; on PostgreSQL also NOTIFY (at commit)."""
    from .audit import append_audit  # audit imports this module

    row = ChangeFeed(
        kind=kind,
        entity=entity,
        entity_id=entity_id,
        workstation=actor.workstation,
        user_id=actor.user_id,
        at=at,
        data=data,
    )
    session.add(row)
    session.flush()
    append_audit(
        session, actor, kind, entity, entity_id, at, before, after if after is not None else data
    )
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:ch, :payload)"), {"ch": NOTIFY_CHANNEL, "payload": str(row.id)}
        )
    return row
