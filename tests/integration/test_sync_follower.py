"""Followers converge on real PostgreSQL: out-of-order commits, dropped and early
notifications, two consoles editing the same incidents at once."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from siaga_console.data.engine import make_engine
from siaga_console.data.models import ChangeFeed, Unit
from siaga_console.domain.enums import Role
from siaga_console.domain.errors import ConflictError
from siaga_console.domain.permissions import Actor
from siaga_console.services.container import Services, build_services
from siaga_console.services.context import NOTIFY_CHANNEL, record_change
from siaga_console.services.inputs import CallInput, IncidentInput
from siaga_console.sync.follower import FeedFollower, FeedReader
from siaga_console.sync.listener import PgListener

from ..conftest import Clock, make_actor, new_pg_database
from ..pg import PgServer

pytestmark = pytest.mark.pg
FIRE = IncidentInput(category_code="fire", latitude=-6.12, longitude=106.15, address="Jl. Veteran")


@pytest.fixture
def pg_url(pg_server: PgServer, pg_template: str) -> str:
    return new_pg_database(pg_server, pg_template)


@pytest.fixture
def two_consoles(pg_url: str, clock: Clock) -> Iterator[tuple[Services, Services]]:
    a = build_services(make_engine(pg_url), clock=clock)
    b = build_services(make_engine(pg_url), a.ctx.gazetteer, clock)
    yield a, b
    a.close()
    b.close()


def all_feed_ids(services: Services) -> list[int]:
    with services.ctx.read() as s:
        return list(s.scalars(sa.select(ChangeFeed.id).order_by(ChangeFeed.id)))


def test_a_change_committed_late_with_a_lower_id_is_not_lost(
    two_consoles: tuple[Services, Services],
) -> None:
    a, b = two_consoles
    actor = make_actor(a)
    follower = FeedFollower(FeedReader(b.ctx), b.feed.last_id())
    slow = a.ctx.sessions()
    slow.begin()
    # A writer that has its feed id (n) but commits later (it has not reached the audit
    # lock of record_change yet): written here without that lock.
    early = ChangeFeed(kind="test.slow", entity="test", at=a.ctx.clock())
    slow.add(early)
    slow.flush()
    with a.ctx.transaction() as s:  # id n+1, committed first: its NOTIFY arrives first
        late = record_change(s, actor, "test.fast", "test", None, a.ctx.clock())
    assert late.id > early.id
    got = follower.fetch()  # woken by n+1: n cannot be read yet
    assert [e.id for e in got] == [late.id]
    assert follower.gaps and early.id in follower.gaps
    assert follower.fetch() == []  # nothing new, n still missing
    slow.commit()
    slow.close()
    got = follower.fetch()
    assert [e.id for e in got] == [early.id]  # delivered once it is visible
    assert follower.fetch() == [] and not follower.gaps


def test_a_rolled_back_id_is_given_up_after_the_grace_time(
    two_consoles: tuple[Services, Services],
) -> None:
    a, b = two_consoles
    actor = make_actor(a)
    now = [0.0]
    follower = FeedFollower(
        FeedReader(b.ctx), b.feed.last_id(), gap_grace_s=30, monotonic=lambda: now[0]
    )
    with a.ctx.sessions() as s:  # takes an id from the sequence, then rolls back
        s.begin()
        record_change(s, actor, "test.rollback", "test", None, a.ctx.clock())
        s.rollback()
    assert actor.user_id is not None
    with a.ctx.transaction() as s:
        record_change(s, actor, "test.after", "test", None, a.ctx.clock())
    assert [e.kind for e in follower.fetch()] == ["test.after"]
    assert len(follower.gaps) == 1
    now[0] = 31.0
    assert follower.fetch() == [] and follower.gaps == {}


def test_listener_and_follower_converge_with_dropped_notifications(
    two_consoles: tuple[Services, Services],
) -> None:
    """Two writers commit concurrently; the follower reads on some notifications only
    (every third is dropped on purpose) and still ends with every feed row exactly once."""
    a, b = two_consoles
    actor_a = make_actor(a)
    actor_b = make_actor(b)
    follower_start = b.feed.last_id()
    follower = FeedFollower(FeedReader(b.ctx), follower_start)
    seen: list[int] = []
    count = [0]
    lock = threading.Lock()

    def on_notify(_payload: str | None) -> None:
        with lock:
            count[0] += 1
            if count[0] % 3 == 0:
                return  # dropped
        seen.extend(e.id for e in follower.fetch())

    listener = PgListener(b.engine.url.render_as_string(hide_password=False), on_notify)
    listener.start()
    deadline = time.monotonic() + 10
    while not listener.listening and time.monotonic() < deadline:
        time.sleep(0.02)
    assert listener.listening

    def writer(services: Services, actor: Actor, n: int) -> None:
        for i in range(n):
            services.intake.log_call(actor, CallInput(f"08123{i:07d}"), "prank")

    threads = [
        threading.Thread(target=writer, args=(a, actor_a, 60)),
        threading.Thread(target=writer, args=(b, actor_b, 60)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    start = follower_start
    expected = [i for i in all_feed_ids(a) if i > start]
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with lock:
            if follower.high >= expected[-1] and not follower.gaps:
                break
        time.sleep(0.05)
    listener.stop()
    seen.extend(e.id for e in follower.fetch())  # the safety-net poll finds nothing new
    assert len(seen) == len(set(seen))  # never twice
    assert sorted(seen) == expected  # never lost
    assert listener.notifications >= 100


def test_two_consoles_editing_the_same_incidents_lose_nothing(
    two_consoles: tuple[Services, Services],
) -> None:
    """Each console appends its tokens to the same incidents' descriptions with the version
    it read, re-reading on a conflict; both race to dispatch the same unit."""
    a, b = two_consoles
    ops = {"A": make_actor(a, Role.OPERATOR), "B": make_actor(b, Role.OPERATOR)}
    ops = {k: Actor(v.user_id, v.username, v.role, f"WS-{k}") for k, v in ops.items()}
    incidents = [a.incidents.create_from_call(ops["A"], CallInput(), FIRE).id for _ in range(2)]
    with a.ctx.transaction() as s:
        unit = Unit(
            call_sign="DAMKAR-9",
            agency_code="damkar",
            unit_type="Mobil pemadam",
            status="available",
            status_changed_at=a.ctx.clock(),
            active=True,
        )
        s.add(unit)
        s.flush()
        unit_id = unit.id
    followers = {k: FeedFollower(FeedReader(s_.ctx), 0) for k, s_ in (("A", a), ("B", b))}
    conflicts = {"A": 0, "B": 0}
    dispatched: dict[str, bool] = {}
    barrier = threading.Barrier(2)

    def console(name: str, services: Services) -> None:
        actor = ops[name]
        barrier.wait()
        for i in range(6):
            for inc in incidents:
                while True:
                    row = services.incidents.rows([inc])[0]
                    text = services.incidents.detail(actor, inc).description or ""
                    try:
                        services.incidents.update(
                            actor, inc, {"description": f"{text} {name}{i}"}, row.version
                        )
                        break
                    except ConflictError:
                        conflicts[name] += 1
        row = services.incidents.rows([incidents[0 if name == "A" else 1]])[0]
        try:
            services.dispatch.dispatch(actor, row.id, [unit_id], row.version)
            dispatched[name] = True
        except ConflictError:
            dispatched[name] = False

    threads = [
        threading.Thread(target=console, args=("A", a)),
        threading.Thread(target=console, args=("B", b)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for inc in incidents:
        tokens = (a.incidents.detail(ops["A"], inc).description or "").split()
        assert sorted(tokens) == sorted(f"{n}{i}" for n in "AB" for i in range(6))
    assert sorted(dispatched.values()) == [False, True]  # the unit went to one incident
    # every change is visible on both consoles, in the same order
    seen = {k: [e.id for e in f.fetch()] for k, f in followers.items()}
    assert seen["A"] == seen["B"] == all_feed_ids(a)
    assert NOTIFY_CHANNEL == "siaga_changes"
