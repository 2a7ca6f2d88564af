"""The bus follows the feed: LISTEN/NOTIFY wakes it on PostgreSQL, polling on SQLite, and a
stopped server turns the console offline and back, with the outbox replayed."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from siaga_console.data.engine import make_engine
from siaga_console.data.models import Call
from siaga_console.domain.enums import UnitStatus
from siaga_console.domain.permissions import Actor
from siaga_console.services.container import Services, build_services, prepare_database
from siaga_console.services.inputs import CallInput, IncidentInput
from siaga_console.ui.bus import MODE_LISTEN, MODE_OFFLINE, MODE_POLL, AppBus
from siaga_console.ui.theme import tone
from siaga_console.ui.worker import DbWorker

from .. import pg
from ..conftest import Clock, make_actor, new_pg_database
from ..data.test_services import add_unit
from ..pg import PgServer
from .console import open_console, sqlite_services


def collect(bus: AppBus) -> list[Any]:
    got: list[Any] = []
    bus.sig_changes.connect(lambda rows: got.extend(rows))
    return got


@pytest.mark.pg
def test_notify_wakes_the_bus_at_once(
    qtbot: Any, pg_server: PgServer, pg_template: str, clock: Clock, worker: DbWorker
) -> None:
    url = new_pg_database(pg_server, pg_template)
    here = build_services(make_engine(url), clock=clock)
    there = build_services(make_engine(url), here.ctx.gazetteer, clock)
    actor = make_actor(there)
    # polling only every minute: what arrives within seconds came through NOTIFY
    bus = AppBus(here, worker, interval_ms=60_000, safety_interval_ms=60_000)
    got = collect(bus)
    bus.start(here.feed.last_id())
    qtbot.waitUntil(lambda: bus.mode == MODE_LISTEN, timeout=10_000)
    assert bus.listener is not None and bus.listener.listening
    for i in range(5):
        t = time.perf_counter()
        with qtbot.waitSignal(bus.sig_changes, timeout=3000):
            there.intake.log_call(actor, CallInput(f"08121234560{i}"), "prank")
        assert time.perf_counter() - t < 3
    assert [e.kind for e in got] == ["call.logged"] * 5
    assert len({e.id for e in got}) == 5
    bus.stop()
    assert bus.listener is None
    here.close()
    there.close()


def test_sqlite_polls(
    qtbot: Any, sqlite_template: Path, tmp_path: Path, clock: Clock, worker: DbWorker
) -> None:
    services = sqlite_services(sqlite_template, tmp_path, clock)
    actor = make_actor(services)
    bus = AppBus(services, worker, interval_ms=100)
    got = collect(bus)
    bus.start(services.feed.last_id())
    assert bus.listener is None and bus.mode == MODE_POLL
    services.intake.log_call(actor, CallInput("081234567890"), "silent")
    qtbot.waitUntil(lambda: len(got) == 1, timeout=3000)
    assert bus.last_id == got[0].id
    bus.stop()
    services.close()


@pytest.fixture(scope="module")
def own_server() -> Iterator[PgServer]:
    with pg.own_server() as server:
        engine = make_engine(server.url("postgres"))
        prepare_database(engine)
        engine.dispose()
        yield server


@pytest.mark.pg
def test_outage_shows_offline_keeps_working_and_replays(
    qtbot: Any, own_server: PgServer, tmp_path: Path, clock: Clock
) -> None:
    from siaga_console.ui.sync import SyncFeature

    url = own_server.url("postgres")
    services: Services = build_services(make_engine(url), clock=clock)
    actor: Actor = make_actor(services)
    with open_console(qtbot, services, actor, tmp_path, db_url=url) as (window, session):
        bus = session.bus
        assert bus is not None
        bus.backoff.initial = bus.backoff.maximum = 0.3
        sync = SyncFeature(window, session, outbox_dir=tmp_path / "data")
        gateway = sync.gateway
        qtbot.waitUntil(lambda: bus.mode == MODE_LISTEN, timeout=10_000)
        assert "langsung" in sync.status.text().lower()  # the console speaks Indonesian
        # a unit sent to an incident while the database answers, selected on the board
        unit_id = add_unit(services)
        fire = services.incidents.create_from_call(
            actor,
            CallInput("081233334444"),
            IncidentInput("fire", latitude=-6.12, longitude=106.15),
        )
        services.dispatch.dispatch(actor, fire.id, [unit_id], fire.version)
        board = session.extra["queue"].units  # type: ignore[attr-defined]
        board.reload()

        def board_status() -> str | None:
            return next((u.status for u in board.model.rows if u.id == unit_id), None)

        qtbot.waitUntil(lambda: board_status() == "dispatched", timeout=5000)
        row = next(i for i, u in enumerate(board.model.rows) if u.id == unit_id)
        board.table.setCurrentIndex(board.model.index(row, 0))

        own_server.stop("immediate")
        with qtbot.waitSignal(bus.sig_connection_changed, timeout=10_000) as blocker:
            pass
        assert blocker.args[0] is False
        assert bus.mode == MODE_OFFLINE and not gateway.online
        assert tone("error") in window.lbl_connection.styleSheet()  # red: not connected
        assert "Offline" in sync.status.text() or "Luring" in sync.status.text()

        # the operator keeps logging calls: confirmed at once, provisional ids
        views: list[Any] = []
        for i in range(3):
            session.worker.submit(
                lambda i=i: gateway.log_call(actor, CallInput(f"0812000000{i}"), "prank"),
                views.append,
            )
        qtbot.waitUntil(lambda: len(views) == 3, timeout=5000)
        assert all(v.id < 0 for v in views)
        # and opening an incident: a provisional row in the queue, as the intake shows it
        form = IncidentInput(category_code="fire", latitude=-6.12, longitude=106.15)
        rows: list[Any] = []
        session.worker.submit(
            lambda: gateway.create_from_call(actor, CallInput("081211112222"), form),
            rows.append,
        )
        qtbot.waitUntil(lambda: len(rows) == 1, timeout=5000)
        model = session.extra["queue"].model  # type: ignore[attr-defined]
        model.upsert(rows)
        assert "-L-WSTEST-" in rows[0].number and model.get(rows[0].id) is not None
        # the unit reports by radio: the board shows it at once, the report waits its turn
        board.set_status(UnitStatus.EN_ROUTE)
        qtbot.waitUntil(lambda: board_status() == "en_route", timeout=5000)
        assert not board.error.text()
        sync.refresh_counts()
        assert sync.status.queued == 5

        own_server.start()
        with qtbot.waitSignal(sync.sig_replayed, timeout=20_000) as replayed:
            pass
        report = replayed.args[0]
        assert report.applied == 5 and not report.interrupted
        assert services.dispatch.units([unit_id])[0].status == "en_route"
        real = report.renumbered[rows[0].number]
        assert model.get(rows[0].id) is None  # the provisional row gave way ...
        qtbot.waitUntil(  # ... to the real one, through the feed
            lambda: any(r.number == real for r in model.all_rows()), timeout=10_000
        )
        assert bus.online and gateway.online
        with services.ctx.read() as s:
            uuids = set(s.scalars(sa.select(Call.uuid)))
        assert {v.uuid for v in views} <= uuids
        qtbot.waitUntil(lambda: bus.mode == MODE_LISTEN, timeout=10_000)
        sync.refresh_counts()
        assert sync.status.queued == 0
        bus.stop()
    services.close()
