"""Presence: which workstations are connected and who works there (for the supervisor).

Each console signs on at start, sends a heartbeat every ``HEARTBEAT_S`` seconds and signs
off when it closes. A workstation is *online* while its last heartbeat is younger than
``offline_after_s`` (three missed beats), *offline* after that (crashed, network lost) and
*signed off* when it closed cleanly (no user).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ..data.models import Workstation
from ..domain.permissions import Actor
from .context import ServiceContext, record_change

HEARTBEAT_S = 15
ONLINE, OFFLINE, SIGNED_OFF = "online", "offline", "signed_off"


@dataclass(frozen=True, slots=True)
class PresenceView:
    name: str
    user_id: int | None
    username: str | None
    app_version: str | None
    started_at: datetime
    last_seen: datetime
    state: str  # online, offline, signed_off
    seconds_since: float


class PresenceService:
    def __init__(self, ctx: ServiceContext, offline_after_s: float = 3 * HEARTBEAT_S) -> None:
        self.ctx = ctx
        self.offline_after_s = offline_after_s

    def _upsert(self, actor: Actor, app_version: str | None, *, starting: bool) -> None:
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            dialect = s.get_bind().dialect.name
            ins = (pg_insert if dialect == "postgresql" else sqlite_insert)(Workstation)
            stmt = ins.values(
                name=actor.workstation,
                user_id=actor.user_id,
                username=actor.username,
                app_version=app_version,
                started_at=now,
                last_seen=now,
            )
            update: dict[str, Any] = {
                "user_id": stmt.excluded.user_id,
                "username": stmt.excluded.username,
                "app_version": stmt.excluded.app_version,
                "last_seen": stmt.excluded.last_seen,
            }
            if starting:
                update["started_at"] = stmt.excluded.started_at
            s.execute(stmt.on_conflict_do_update(index_elements=[Workstation.name], set_=update))
            if starting:
                record_change(
                    s, actor, "presence.on", "workstation", None, now, {"name": actor.workstation}
                )

    def sign_on(self, actor: Actor, app_version: str | None = None) -> None:
        self._upsert(actor, app_version, starting=True)

    def heartbeat(self, actor: Actor, app_version: str | None = None) -> None:
        self._upsert(actor, app_version, starting=False)

    def sign_off(self, actor: Actor) -> None:
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            row = s.get(Workstation, actor.workstation)
            if row is None:
                return
            row.user_id = None
            row.username = None
            row.last_seen = now
            record_change(
                s, actor, "presence.off", "workstation", None, now, {"name": actor.workstation}
            )

    def list(self) -> list[PresenceView]:
        now = self.ctx.clock()
        with self.ctx.read() as s:
            rows = list(s.scalars(select(Workstation)))
        out = []
        for r in rows:
            age = (now - r.last_seen).total_seconds()
            if r.username is None:
                state = SIGNED_OFF
            elif age <= self.offline_after_s:
                state = ONLINE
            else:
                state = OFFLINE
            out.append(
                PresenceView(
                    r.name,
                    r.user_id,
                    r.username,
                    r.app_version,
                    r.started_at,
                    r.last_seen,
                    state,
                    max(0.0, age),
                )
            )
        order = {ONLINE: 0, OFFLINE: 1, SIGNED_OFF: 2}
        out.sort(key=lambda p: (order[p.state], p.name))
        return out
