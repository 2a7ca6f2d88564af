"""Soft locks on incidents against real SQLite and PostgreSQL: acquire, renew, expiry,
taking over an expired lock, release, and the feed rows other consoles follow."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from siaga_console.data.models import ChangeFeed, IncidentLock
from siaga_console.domain.enums import Role
from siaga_console.domain.errors import NotFoundError, PermissionDenied
from siaga_console.domain.permissions import Actor
from siaga_console.services.container import Services
from siaga_console.services.inputs import CallInput
from siaga_console.services.locks import LockService

from ..conftest import Clock, make_actor
from .test_services import FIRE_AT_SERANG


def new_incident(services: Services, actor: Actor) -> int:
    return services.incidents.create_from_call(actor, CallInput("081234567890"), FIRE_AT_SERANG).id


def at(actor: Actor, workstation: str) -> Actor:
    return Actor(actor.user_id, actor.username, actor.role, workstation)


def feed_kinds(services: Services) -> list[tuple[str, int | None]]:
    with services.ctx.read() as s:
        rows = s.execute(
            select(ChangeFeed.kind, ChangeFeed.entity_id)
            .where(ChangeFeed.entity == "lock")
            .order_by(ChangeFeed.id)
        ).all()
    return [(k, i) for k, i in rows]


def test_acquire_refuse_expire_take_over(services: Services, clock: Clock) -> None:
    ani = at(make_actor(services, Role.OPERATOR, "ani"), "WS-1")
    budi = at(make_actor(services, Role.OPERATOR, "budi"), "WS-2")
    inc = new_incident(services, ani)
    locks = LockService(services.ctx, ttl_s=60)

    first = locks.acquire(ani, inc)
    assert first.acquired and first.lock.username == "ani" and first.lock.workstation == "WS-1"
    assert first.taken_over is None

    refused = locks.acquire(budi, inc)
    assert not refused.acquired
    assert (refused.lock.username, refused.lock.workstation) == ("ani", "WS-1")
    assert locks.get(inc) == first.lock

    clock.advance(seconds=30)
    renewed = locks.renew(ani, inc)
    assert renewed.acquired
    assert renewed.lock.acquired_at == first.lock.acquired_at  # editing started then
    assert renewed.lock.expires_at > first.lock.expires_at

    clock.advance(seconds=59)
    assert not locks.acquire(budi, inc).acquired  # renewed: still live
    clock.advance(seconds=2)
    assert locks.get(inc) is None  # expired is as good as none
    taken = locks.acquire(budi, inc)
    assert taken.acquired and taken.lock.username == "budi"
    assert taken.taken_over is not None and taken.taken_over.username == "ani"
    assert not locks.acquire(ani, inc).acquired  # ani lost it

    # the same user on another workstation is another editor
    assert not locks.acquire(at(budi, "WS-3"), inc).acquired

    assert locks.release(ani, inc) is False  # not hers
    assert locks.release(budi, inc) is True
    assert locks.get(inc) is None
    assert locks.acquire(ani, inc).acquired
    assert [k for k, _ in feed_kinds(services)] == [
        "lock.acquired",  # ani
        "lock.acquired",  # budi took over (renewals write nothing)
        "lock.released",
        "lock.acquired",
    ]


def test_active_list_release_all_purge(services: Services, clock: Clock) -> None:
    ani = at(make_actor(services), "WS-1")
    a, b, c = (new_incident(services, ani) for _ in range(3))
    locks = LockService(services.ctx, ttl_s=60)
    locks.acquire(ani, a)
    locks.acquire(ani, b, ttl_s=10)
    budi = at(make_actor(services), "WS-2")
    locks.acquire(budi, c)
    assert [x.incident_id for x in locks.active()] == sorted([a, b, c])
    clock.advance(seconds=11)
    assert [x.incident_id for x in locks.active()] == sorted([a, c])
    assert locks.purge_expired() == 1
    assert locks.release_all(ani) == 1
    assert [x.incident_id for x in locks.active()] == [c]


def test_bad_input(services: Services) -> None:
    locks = LockService(services.ctx)
    ani = make_actor(services)
    with pytest.raises(NotFoundError):
        locks.acquire(ani, 999_999)
    nobody = Actor(None, "viewer", Role.OPERATOR, "WS-9")
    inc = new_incident(services, ani)
    assert locks.acquire(nobody, inc).acquired  # a user without id is still a holder
    assert locks.release(nobody, inc)


def test_permission_needed(services: Services) -> None:
    from siaga_console.domain import permissions

    ani = make_actor(services)
    inc = new_incident(services, ani)
    weak = Actor(ani.user_id, "x", Role.OPERATOR, "WS-1")
    saved = permissions.GRANTS[Role.OPERATOR]
    permissions.GRANTS[Role.OPERATOR] = frozenset()
    try:
        with pytest.raises(PermissionDenied):
            LockService(services.ctx).acquire(weak, inc)
    finally:
        permissions.GRANTS[Role.OPERATOR] = saved


def test_two_consoles_race_for_one_lock(services: Services, db_url: str, clock: Clock) -> None:
    """Four threads with their own engines (four consoles): exactly one gets the lock."""
    from siaga_console.data.engine import make_engine, make_session_factory
    from siaga_console.services.context import ServiceContext

    base = make_actor(services)
    inc = new_incident(services, base)
    engines = [make_engine(db_url) for _ in range(4)]
    stacks = [
        ServiceContext(make_session_factory(e), services.ctx.gazetteer, clock) for e in engines
    ]
    results: list[bool] = []
    barrier = threading.Barrier(len(stacks))

    def go(i: int) -> None:
        barrier.wait()
        r = LockService(stacks[i]).acquire(at(base, f"WS-{i}"), inc)
        results.append(r.acquired)

    threads = [threading.Thread(target=go, args=(i,)) for i in range(len(stacks))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for e in engines:
        e.dispose()
    assert sorted(results) == [False] * 3 + [True]
    with services.ctx.read() as s:
        assert len(list(s.scalars(select(IncidentLock)))) == 1
