"""Presence of workstations against real SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select

from siaga_console.data.models import ChangeFeed
from siaga_console.domain.enums import Role
from siaga_console.domain.permissions import Actor
from siaga_console.services.container import Services
from siaga_console.services.presence import OFFLINE, ONLINE, SIGNED_OFF, PresenceService

from ..conftest import Clock, make_actor


def at(actor: Actor, ws: str) -> Actor:
    return Actor(actor.user_id, actor.username, actor.role, ws)


def states(p: PresenceService) -> dict[str, tuple[str, str | None]]:
    return {v.name: (v.state, v.username) for v in p.list()}


def test_online_offline_signed_off(services: Services, clock: Clock) -> None:
    p = PresenceService(services.ctx, offline_after_s=45)
    ani = at(make_actor(services, Role.OPERATOR, "ani"), "WS-1")
    spv = at(make_actor(services, Role.SUPERVISOR, "spv"), "WS-SPV")
    p.sign_on(ani, "0.1.0")
    p.sign_on(spv, "0.1.0")
    assert states(p) == {"WS-1": (ONLINE, "ani"), "WS-SPV": (ONLINE, "spv")}
    started = {v.name: v.started_at for v in p.list()}

    clock.advance(seconds=30)
    p.heartbeat(ani, "0.1.0")
    clock.advance(seconds=30)  # spv missed its beats: 60 s > 45 s
    assert states(p) == {"WS-1": (ONLINE, "ani"), "WS-SPV": (OFFLINE, "spv")}
    listed = {v.name: v for v in p.list()}
    assert listed["WS-1"].started_at == started["WS-1"]  # a heartbeat keeps the start
    assert listed["WS-SPV"].seconds_since == 60
    assert [v.name for v in p.list()] == ["WS-1", "WS-SPV"]  # online first

    p.sign_off(ani)
    assert states(p)["WS-1"] == (SIGNED_OFF, None)
    # another operator sits down at WS-1
    budi = at(make_actor(services, Role.OPERATOR, "budi"), "WS-1")
    p.sign_on(budi)
    assert states(p)["WS-1"] == (ONLINE, "budi")
    with services.ctx.read() as s:
        kinds = list(
            s.scalars(
                select(ChangeFeed.kind)
                .where(ChangeFeed.entity == "workstation")
                .order_by(ChangeFeed.id)
            )
        )
    assert kinds == ["presence.on", "presence.on", "presence.off", "presence.on"]


def test_heartbeat_without_sign_on_and_sign_off_unknown(services: Services) -> None:
    p = PresenceService(services.ctx)
    ani = at(make_actor(services), "WS-NEW")
    p.sign_off(ani)  # nothing to sign off: no error, no row
    assert p.list() == []
    p.heartbeat(ani)
    assert states(p) == {"WS-NEW": (ONLINE, ani.username)}
