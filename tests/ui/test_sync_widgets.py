"""The sync widgets on a real SQLite database: conflict dialog, lock banner, presence view,
refused offline changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from siaga_console.config import Config
from siaga_console.domain.enums import Role
from siaga_console.domain.permissions import Actor
from siaga_console.services.container import Services
from siaga_console.services.inputs import CallInput, IncidentInput
from siaga_console.services.locks import LockService
from siaga_console.services.presence import PresenceService
from siaga_console.sync.gateway import CommandGateway, OfflineReference
from siaga_console.sync.outbox import Outbox
from siaga_console.ui.bus import AppBus
from siaga_console.ui.session import AppSession
from siaga_console.ui.sync.conflict import ConflictDialog, differences, resolve_conflict
from siaga_console.ui.sync.lock import LockBanner
from siaga_console.ui.sync.parked import ParkedCommandsDialog
from siaga_console.ui.sync.presence import PresencePanel
from siaga_console.ui.worker import DbWorker

from ..conftest import Clock, make_actor
from .console import sqlite_services

FIRE = IncidentInput(category_code="fire", latitude=-6.12, longitude=106.15, address="Jl. Veteran")


@pytest.fixture
def services(sqlite_template: Path, tmp_path: Path, clock: Clock) -> Iterator[Services]:
    svc = sqlite_services(sqlite_template, tmp_path, clock)
    yield svc
    svc.close()


@pytest.fixture
def make_session(services: Services) -> Iterator[Any]:
    made: list[AppSession] = []

    def make(actor: Actor, bus: bool = True) -> AppSession:
        s = AppSession(Config(workstation=actor.workstation), "sqlite:///x.db", DbWorker())
        s.services, s.actor = services, actor
        if bus:
            s.bus = AppBus(services, s.worker, interval_ms=100)
            s.bus.start(services.feed.last_id())
        made.append(s)
        return s

    yield make
    for s in made:
        if s.bus is not None:
            s.bus.stop()
        s.worker.stop()


def ws(actor: Actor, name: str) -> Actor:
    return Actor(actor.user_id, actor.username, actor.role, name)


def offline_gateway(services: Services, tmp_path: Path) -> CommandGateway:
    """A gateway that the follower has told: the database does not answer."""
    gw = CommandGateway(
        services,
        Outbox(tmp_path / "o.sqlite"),
        OfflineReference.from_bundle(services.reference.bundle()),
    )
    gw.set_online(False)
    return gw


def test_conflict_dialog_shows_their_change_and_reapplies_mine(
    qtbot: Any, services: Services, make_session: Any, clock: Clock
) -> None:
    ani = ws(make_actor(services, Role.OPERATOR, "ani"), "WS-1")
    spv = ws(make_actor(services, Role.SUPERVISOR, "spv"), "WS-SPV")
    seen = services.incidents.create_from_call(ani, CallInput("081234567890"), FIRE)
    clock.advance(seconds=30)
    services.incidents.update(spv, seen.id, {"priority": 2, "address": "Jl. Baru 1"}, seen.version)
    services.incidents.add_note(spv, seen.id, "Sudah dicek lewat telepon")
    session = make_session(ani, bus=False)
    now = services.incidents.rows([seen.id])[0]
    assert [d[0] for d in differences(seen, now)] == ["priority", "address"]

    shown: list[ConflictDialog] = []
    retried: list[int] = []
    parent = LockBanner(session)  # any widget
    qtbot.addWidget(parent)
    resolve_conflict(parent, session, seen, "→ Verified", retried.append, on_shown=shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    dlg = shown[0]
    assert dlg.isVisible() and not dlg.isModal()  # the operator can still take calls
    fields = [dlg.fields.topLevelItem(i).text(0) for i in range(dlg.fields.topLevelItemCount())]
    assert len(fields) == 2
    assert dlg.fields.topLevelItem(1).text(2) == "Jl. Baru 1"
    events = [dlg.events.topLevelItem(i).text(2) for i in range(dlg.events.topLevelItemCount())]
    assert events == ["spv · WS-SPV", "spv · WS-SPV"]  # what the other console did
    assert retried == []
    dlg.btn_reapply.click()
    assert retried == [now.version]
    # the retry on the current version goes through
    services.incidents.change_status(ani, seen.id, "verified", retried[0])

    # "keep theirs": no retry
    retried.clear()
    shown.clear()
    resolve_conflict(parent, session, seen, "x", retried.append, on_shown=shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    shown[0].btn_keep.click()
    assert retried == [] and not shown[0].isVisible()


def test_lock_banner_shows_the_other_editor(
    qtbot: Any, services: Services, make_session: Any, clock: Clock
) -> None:
    ani = ws(make_actor(services, Role.OPERATOR, "ani"), "WS-1")
    budi = ws(make_actor(services, Role.OPERATOR, "budi"), "WS-2")
    inc = services.incidents.create_from_call(ani, CallInput("081234567890"), FIRE).id
    on_ani, on_budi = make_session(ani), make_session(budi)
    banner_ani, banner_budi = LockBanner(on_ani), LockBanner(on_budi)
    for b in (banner_ani, banner_budi):
        qtbot.addWidget(b)
        b.set_incident(inc)
    banner_ani.touch()  # ani starts typing a note
    qtbot.waitUntil(lambda: banner_budi.holder is not None, timeout=5000)
    assert not banner_budi.isHidden()
    assert "ani" in banner_budi.text() and "WS-1" in banner_budi.text()
    assert banner_ani.isHidden() and banner_ani.mine is not None  # not for herself
    banner_budi.touch()  # budi tries too: refused, the banner stays
    qtbot.wait(300)
    assert banner_budi.mine is None and banner_budi.holder is not None

    banner_ani.set_incident(None)  # ani moves on: her lock is released
    qtbot.waitUntil(lambda: banner_budi.holder is None, timeout=5000)
    assert banner_budi.isHidden()
    assert LockService(services.ctx).get(inc) is None


def test_presence_panel(qtbot: Any, services: Services, make_session: Any, clock: Clock) -> None:
    spv = ws(make_actor(services, Role.SUPERVISOR, "spv"), "WS-SPV")
    ani = ws(make_actor(services, Role.OPERATOR, "ani"), "WS-1")
    budi = ws(make_actor(services, Role.OPERATOR, "budi"), "WS-2")
    presence = PresenceService(services.ctx)
    for a in (spv, ani, budi):
        presence.sign_on(a, "0.1.0")
    clock.advance(seconds=60)
    presence.heartbeat(spv)
    presence.heartbeat(ani)
    panel = PresencePanel(make_session(spv))
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.table.topLevelItemCount() == 3, timeout=5000)
    rows = {
        panel.table.topLevelItem(i).text(0).split()[0]: panel.table.topLevelItem(i).text(1)
        for i in range(3)
    }
    assert rows == {"WS-1": "Online", "WS-SPV": "Online", "WS-2": "No signal"}
    assert "2" in panel.summary.text() and "1" in panel.summary.text()
    presence.sign_off(ani)  # the feed wakes the panel
    qtbot.waitUntil(
        lambda: any(panel.table.topLevelItem(i).text(1) == "Closed" for i in range(3)),
        timeout=5000,
    )


def test_parked_dialog_retries_on_the_new_version(
    qtbot: Any, services: Services, make_session: Any, tmp_path: Path
) -> None:
    ani = ws(make_actor(services, Role.OPERATOR, "ani"), "WS-1")
    spv = ws(make_actor(services, Role.SUPERVISOR, "spv"), "WS-SPV")
    row = services.incidents.create_from_call(ani, CallInput("081234567890"), FIRE)
    gw = offline_gateway(services, tmp_path)
    gw.change_status(ani, row.id, "verified", row.version, known=row)
    services.incidents.update(spv, row.id, {"priority": 2}, row.version)
    assert [o.result for o in gw.replay().outcomes] == ["conflict"]
    dlg = ParkedCommandsDialog(make_session(ani, bus=False), gw)
    qtbot.addWidget(dlg)
    assert dlg.table.topLevelItemCount() == 1
    assert "changed by someone else" in dlg.table.topLevelItem(0).text(3)
    dlg.btn_retry.click()
    qtbot.waitUntil(lambda: dlg.table.topLevelItemCount() == 0, timeout=5000)
    assert [o.result for o in gw.replay().outcomes] == ["applied"]
    assert services.incidents.rows([row.id])[0].status == "verified"


def test_parked_unit_report_is_named_and_retried_on_the_units_new_version(
    qtbot: Any, services: Services, make_session: Any, tmp_path: Path
) -> None:
    from ..data.test_services import add_unit

    ani = ws(make_actor(services, Role.OPERATOR, "ani"), "WS-1")
    spv = ws(make_actor(services, Role.SUPERVISOR, "spv"), "WS-SPV")
    row = services.incidents.create_from_call(ani, CallInput("081234567890"), FIRE)
    unit_id = add_unit(services, sign="PSC119-02")
    services.dispatch.dispatch(ani, row.id, [unit_id], row.version)
    seen = services.dispatch.units([unit_id])[0]
    gw = offline_gateway(services, tmp_path)
    gw.set_unit_status(ani, unit_id, "en_route", seen.version, known=seen)
    services.dispatch.set_unit_status(spv, unit_id, "on_scene", seen.version)
    assert [o.result for o in gw.replay().outcomes] == ["conflict"]
    dlg = ParkedCommandsDialog(make_session(ani, bus=False), gw)
    qtbot.addWidget(dlg)
    assert dlg.table.topLevelItemCount() == 1
    change = dlg.table.topLevelItem(0).text(1)
    assert "PSC119-02" in change and "Unit status" in change
    dlg.btn_retry.click()  # on top of the unit as the database has it now
    qtbot.waitUntil(lambda: dlg.table.topLevelItemCount() == 0, timeout=5000)
    assert [o.result for o in gw.replay().outcomes] == ["applied"]
    assert services.dispatch.units([unit_id])[0].status == "en_route"
