"""Soft locks: who is editing an incident, on which workstation, until when.

A soft lock never blocks a command (the version column does that): it tells the other
consoles "sedang diedit oleh X di WS-2" so two operators do not work on the same incident
unknowingly (as Ushahidi's PostLock does). A lock expires unless renewed; an expired lock
is taken over by the next operator who starts editing. The holder is a user *at* a
workstation: the same user on two consoles are two editors.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ..data.models import Incident, IncidentLock
from ..domain.errors import NotFoundError
from ..domain.permissions import Action, Actor
from .context import ServiceContext, record_change

DEFAULT_TTL_S = 90


@dataclass(frozen=True, slots=True)
class LockView:
    incident_id: int
    user_id: int | None
    username: str
    workstation: str
    acquired_at: datetime
    expires_at: datetime

    def held_by(self, actor: Actor) -> bool:
        return self.user_id == actor.user_id and self.workstation == actor.workstation

    def expired(self, now: datetime) -> bool:
        return self.expires_at <= now


@dataclass(frozen=True, slots=True)
class LockResult:
    acquired: bool
    lock: LockView  # ours when acquired, else the other holder's
    taken_over: LockView | None = None  # an expired lock of someone else that we replaced


def _view(row: Any) -> LockView:
    return LockView(
        row.incident_id, row.user_id, row.username, row.workstation, row.acquired_at, row.expires_at
    )


class LockService:
    def __init__(self, ctx: ServiceContext, ttl_s: int = DEFAULT_TTL_S) -> None:
        self.ctx = ctx
        self.ttl_s = ttl_s

    def _holder_is(self, actor: Actor) -> Any:
        return and_(
            IncidentLock.user_id.is_not_distinct_from(actor.user_id),
            IncidentLock.workstation == actor.workstation,
        )

    def acquire(self, actor: Actor, incident_id: int, ttl_s: int | None = None) -> LockResult:
        """Take (or renew) the lock; refused while someone else holds a live one."""
        actor.require(Action.HANDLE_INCIDENT)
        now = self.ctx.clock()
        expires = now + timedelta(seconds=ttl_s or self.ttl_s)
        with self.ctx.transaction() as s:
            if s.get(Incident, incident_id) is None:
                raise NotFoundError("Incident {id} does not exist", id=incident_id)
            before = s.scalar(select(IncidentLock).where(IncidentLock.incident_id == incident_id))
            previous = _view(before) if before is not None else None
            s.expunge_all()
            row = self._upsert(s, actor, incident_id, now, expires)
            if row is None:  # a live lock of someone else
                holder = s.scalar(
                    select(IncidentLock).where(IncidentLock.incident_id == incident_id)
                )
                assert holder is not None
                return LockResult(False, _view(holder))
            mine = _view(row)
            renewed = previous is not None and previous.held_by(actor)
            taken = previous if previous is not None and not renewed else None
            if not renewed:
                record_change(
                    s,
                    actor,
                    "lock.acquired",
                    "lock",
                    incident_id,
                    now,
                    {"username": actor.username, "workstation": actor.workstation},
                )
            return LockResult(True, mine, taken)

    def _upsert(
        self, s: Session, actor: Actor, incident_id: int, now: datetime, expires: datetime
    ) -> Any:
        dialect = s.get_bind().dialect.name
        ins = (pg_insert if dialect == "postgresql" else sqlite_insert)(IncidentLock)
        values = {
            "incident_id": incident_id,
            "user_id": actor.user_id,
            "username": actor.username,
            "workstation": actor.workstation,
            "acquired_at": now,
            "expires_at": expires,
        }
        stmt = ins.values(**values)
        same = self._holder_is(actor)
        upsert = stmt.on_conflict_do_update(
            index_elements=[IncidentLock.incident_id],
            set_={
                "user_id": stmt.excluded.user_id,
                "username": stmt.excluded.username,
                "workstation": stmt.excluded.workstation,
                "expires_at": stmt.excluded.expires_at,
                # a renewal keeps the time the editing started
                "acquired_at": _case_keep(same, stmt.excluded.acquired_at),
            },
            where=or_(IncidentLock.expires_at <= now, same),
        ).returning(*IncidentLock.__table__.c)
        return s.execute(upsert).first()

    def renew(self, actor: Actor, incident_id: int, ttl_s: int | None = None) -> LockResult:
        return self.acquire(actor, incident_id, ttl_s)

    def release(self, actor: Actor, incident_id: int) -> bool:
        """Drop our lock (no effect on somebody else's). True when one was dropped."""
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            result = s.execute(
                delete(IncidentLock).where(
                    IncidentLock.incident_id == incident_id, self._holder_is(actor)
                )
            )
            dropped = bool(result.rowcount)  # type: ignore[attr-defined]
            if dropped:
                record_change(s, actor, "lock.released", "lock", incident_id, now)
            return dropped

    def release_all(self, actor: Actor) -> int:
        """Drop every lock of this user at this workstation (the console closes)."""
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            ids = list(s.scalars(select(IncidentLock.incident_id).where(self._holder_is(actor))))
            if not ids:
                return 0
            s.execute(delete(IncidentLock).where(IncidentLock.incident_id.in_(ids)))
            for i in ids:
                record_change(s, actor, "lock.released", "lock", i, now)
            return len(ids)

    def get(self, incident_id: int) -> LockView | None:
        """The live lock on an incident, if any (an expired one is as good as none)."""
        now = self.ctx.clock()
        with self.ctx.read() as s:
            row = s.scalar(select(IncidentLock).where(IncidentLock.incident_id == incident_id))
            if row is None or row.expires_at <= now:
                return None
            return _view(row)

    def active(self) -> list[LockView]:
        now = self.ctx.clock()
        with self.ctx.read() as s:
            rows = s.scalars(
                select(IncidentLock)
                .where(IncidentLock.expires_at > now)
                .order_by(IncidentLock.incident_id)
            )
            return [_view(r) for r in rows]

    def purge_expired(self) -> int:
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            result = s.execute(delete(IncidentLock).where(IncidentLock.expires_at <= now))
            return int(result.rowcount)  # type: ignore[attr-defined]


def _case_keep(same: Any, new: Any) -> Any:
    from sqlalchemy import case

    return case((same, IncidentLock.acquired_at), else_=new)
