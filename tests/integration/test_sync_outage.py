"""A real PostgreSQL server stopped (``pg_ctl stop -m immediate``) in the middle of a stream
of writes and started again: every call logged during the outage is in the database
afterwards, exactly once. Uses its own throwaway server, not the shared one."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from siaga_console.data.engine import make_engine
from siaga_console.data.models import Call
from siaga_console.services.container import Services, build_services, prepare_database
from siaga_console.services.inputs import CallInput, IncidentInput
from siaga_console.sync.connection import is_connection_error
from siaga_console.sync.follower import FeedFollower, FeedReader
from siaga_console.sync.gateway import CommandGateway, OfflineReference
from siaga_console.sync.listener import PgListener
from siaga_console.sync.outbox import Outbox

from .. import pg
from ..conftest import make_actor, new_pg_database
from ..pg import PgServer

pytestmark = pytest.mark.pg


@pytest.fixture(scope="module")
def own_server() -> Iterator[PgServer]:
    """A server of this module's own: its tests stop and start it."""
    with pg.own_server() as server:
        admin = sa.create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.exec_driver_sql("CREATE DATABASE outage_template")
        admin.dispose()
        engine = make_engine(server.url("outage_template"))
        prepare_database(engine)
        engine.dispose()
        yield server


@pytest.fixture
def stack(own_server: PgServer) -> Iterator[Services]:
    url = new_pg_database(own_server, "outage_template")
    services = build_services(make_engine(url))
    yield services
    services.close()


def wait_until(cond: object, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("condition not reached")


def test_stop_in_the_middle_of_writes_loses_nothing(
    own_server: PgServer, stack: Services, tmp_path: Path
) -> None:
    actor = make_actor(stack)
    outbox = Outbox(tmp_path / "outbox.sqlite", stack.engine.url.render_as_string())
    gateway = CommandGateway(stack, outbox, OfflineReference.from_bundle(stack.reference.bundle()))
    total = 120
    written: list[str] = []
    provisional: list[int] = []
    errors: list[BaseException] = []
    progress = threading.Event()

    def stream() -> None:
        for i in range(total):
            try:
                view = gateway.log_call(actor, CallInput(f"08129{i:07d}", uuid=f"s-{i}"), "prank")
            except BaseException as exc:  # a write the operator would have seen refused
                errors.append(exc)
                return
            written.append(f"s-{i}")
            if view.id < 0:
                provisional.append(i)
            if i == 40:
                progress.set()
            time.sleep(0.01)

    writer = threading.Thread(target=stream)
    writer.start()
    assert progress.wait(30)
    own_server.stop("immediate")  # mid-stream
    time.sleep(0.5)
    own_server.start()
    writer.join(60)
    assert errors == []  # the operator never saw a failure
    assert len(written) == total
    assert provisional, "some calls went to the outbox during the outage"
    assert not gateway.online

    # what the bus does when a read succeeds again: replay, in order
    report = gateway.replay()
    assert not report.interrupted and report.conflicts == []
    assert report.remaining == 0 and gateway.online
    gateway.replay()  # twice: nothing changes
    with stack.ctx.read() as s:
        rows = list(s.scalars(sa.select(Call.uuid).where(Call.uuid.like("s-%"))))
    assert sorted(rows) == sorted(written)  # all of them, exactly once (uuid is unique)
    assert len(rows) == total
    outbox.close()


def test_offline_during_the_whole_outage_then_replay_with_incidents(
    own_server: PgServer, stack: Services, tmp_path: Path
) -> None:
    actor = make_actor(stack)
    outbox = Outbox(tmp_path / "outbox.sqlite")
    gateway = CommandGateway(stack, outbox, OfflineReference.from_bundle(stack.reference.bundle()))
    own_server.stop("immediate")
    t = time.perf_counter()
    row = gateway.create_from_call(
        actor,
        CallInput("081234567890"),
        IncidentInput(category_code="fire", latitude=-6.12, longitude=106.15),
    )
    first_ms = (time.perf_counter() - t) * 1000
    gateway.change_status(actor, row.id, "verified", known=row)
    for i in range(5):
        gateway.log_call(actor, CallInput(f"0813{i:08d}"), "silent")
    assert row.number.startswith("SRG-") and "-L-" in row.number
    assert outbox.count() == 7
    assert first_ms < 10_000  # connection refused is immediate; no hanging UI call
    own_server.start()
    report = gateway.replay()
    assert [o.result for o in report.outcomes] == ["applied"] * 7
    real = stack.incidents.by_number(report.renumbered[row.number])
    assert real.status == "verified"
    outbox.close()


def test_listener_reconnects_and_catches_up(own_server: PgServer, stack: Services) -> None:
    actor = make_actor(stack)
    follower = FeedFollower(FeedReader(stack.ctx), stack.feed.last_id())
    seen: list[int] = []
    states: list[bool] = []
    lock = threading.Lock()

    def on_notify(_p: str | None) -> None:
        with lock:
            try:
                seen.extend(e.id for e in follower.fetch())
            except Exception as exc:
                assert is_connection_error(exc)

    listener = PgListener(
        stack.engine.url.render_as_string(hide_password=False),
        on_notify,
        lambda ok, _d: states.append(ok),
    )
    listener.backoff.initial = 0.1
    listener.start()
    wait_until(lambda: listener.listening)
    stack.intake.log_call(actor, CallInput("081234567890"), "prank")
    wait_until(lambda: len(seen) >= 1)  # call.logged
    own_server.stop("immediate")
    wait_until(lambda: not listener.listening)
    own_server.start()
    wait_until(lambda: listener.listening)
    stack.intake.log_call(actor, CallInput("081234567891"), "prank")
    wait_until(lambda: follower.high == stack.feed.last_id())
    listener.stop()
    assert states[0] is True and False in states and states[-1] is False  # stop() says so
    assert len(seen) == len(set(seen))
