"""The append-only audit trail, with each entry's hash chained to the previous one.

Every change goes through ``record_change`` (context.py), which appends here in the same
transaction; views of a sensitive incident's details are appended too. ``verify`` walks
the chain in id order and names the first entry whose hash or link does not hold.

Concurrency: the chain needs a total order. On PostgreSQL a transaction-scoped advisory
lock serialises appends; on SQLite the write lock taken by the INSERT does, and the
entry's link is computed after its row exists.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ..data.models import AuditEntry
from ..domain.permissions import Action, Actor
from .context import ServiceContext

GENESIS = "0" * 64
_ADVISORY_KEY = 112_112_112


def _canonical(e: AuditEntry) -> bytes:
    body = {
        "id": e.id,
        "at": e.at.isoformat(timespec="microseconds"),
        "user_id": e.user_id,
        "username": e.username,
        "workstation": e.workstation,
        "action": e.action,
        "entity": e.entity,
        "entity_id": e.entity_id,
        "before": e.before,
        "after": e.after,
        "prev": e.prev_hash,
    }
    return json.dumps(body, sort_keys=True, ensure_ascii=False, default=str).encode()


def entry_hash(e: AuditEntry) -> str:
    return hashlib.sha256(_canonical(e)).hexdigest()


def append_audit(
    session: Session,
    actor: Actor,
    action: str,
    entity: str | None,
    entity_id: int | None,
    at: datetime,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _ADVISORY_KEY})
    entry = AuditEntry(
        at=at,
        user_id=actor.user_id,
        username=actor.username,
        workstation=actor.workstation,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=_jsonable(before),
        after=_jsonable(after),
        prev_hash="",
        hash="",
    )
    session.add(entry)
    session.flush()  # the row exists: on SQLite we now hold the write lock
    prev = session.scalar(
        select(AuditEntry.hash)
        .where(AuditEntry.id < entry.id)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    entry.prev_hash = prev or GENESIS
    entry.hash = entry_hash(entry)
    session.flush()
    return entry


def _jsonable(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is None:
        return None
    out: dict[str, Any] = json.loads(json.dumps(value, default=str))
    return out


@dataclass(frozen=True, slots=True)
class VerifyResult:
    checked: int
    first_broken_id: int | None
    reason: str | None

    @property
    def ok(self) -> bool:
        return self.first_broken_id is None


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime
    username: str | None
    workstation: str | None
    action: str
    entity: str | None
    entity_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class AuditService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def verify(self, batch: int = 5000) -> VerifyResult:
        """Recompute every hash and link, in id order; report the first broken one."""
        prev = GENESIS
        checked = 0
        last_id = 0
        with self.ctx.read() as s:
            while True:
                rows = list(
                    s.scalars(
                        select(AuditEntry)
                        .where(AuditEntry.id > last_id)
                        .order_by(AuditEntry.id)
                        .limit(batch)
                    )
                )
                if not rows:
                    return VerifyResult(checked, None, None)
                for e in rows:
                    if e.prev_hash != prev:
                        return VerifyResult(checked, e.id, "link to the previous entry broken")
                    if entry_hash(e) != e.hash:
                        return VerifyResult(checked, e.id, "entry changed after it was written")
                    prev = e.hash
                    checked += 1
                    last_id = e.id
                s.expunge_all()

    def search(
        self,
        actor: Actor,
        *,
        entity_id: int | None = None,
        username: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int = 500,
    ) -> list[AuditRow]:
        actor.require(Action.AUDIT)
        q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if entity_id is not None:
            q = q.where(AuditEntry.entity_id == entity_id)
        if username:
            q = q.where(func.lower(AuditEntry.username) == username.strip().lower())
        if start is not None:
            q = q.where(AuditEntry.at >= start)
        if end is not None:
            q = q.where(AuditEntry.at < end)
        with self.ctx.read() as s:
            return [
                AuditRow(
                    e.id,
                    e.at,
                    e.username,
                    e.workstation,
                    e.action,
                    e.entity,
                    e.entity_id,
                    e.before,
                    e.after,
                )
                for e in s.scalars(q)
            ]
