"""The map against a real SQLite database: live layers, two-way selection, picking a place."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import shapely
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from siaga_console.data.engine import make_engine
from siaga_console.data.models import Unit
from siaga_console.domain.enums import Role
from siaga_console.domain.permissions import Actor
from siaga_console.resources import gazetteer, load_geojson
from siaga_console.services.container import Services, build_services
from siaga_console.services.inputs import CallInput, IncidentInput
from siaga_console.services.mapping import TileSpec
from siaga_console.ui.bus import AppBus
from siaga_console.ui.map.controller import MapController
from siaga_console.ui.map.view import MapView
from siaga_console.ui.worker import DbWorker

from ..conftest import Clock, make_actor
from .conftest import js_value, page_state


@pytest.fixture
def map_services(sqlite_template: Path, tmp_path: Path, clock: Clock) -> Iterator[Services]:
    path = tmp_path / "siaga.db"
    shutil.copy(sqlite_template, path)
    svc = build_services(make_engine(f"sqlite:///{path}"), gazetteer(), clock)
    yield svc
    svc.close()


@dataclass
class Live:
    view: MapView
    controller: MapController
    bus: AppBus
    services: Services
    actor: Actor


def add_unit(services: Services, sign: str, lat: float, lon: float) -> int:
    with services.ctx.transaction() as s:
        u = Unit(
            call_sign=sign,
            agency_code="damkar",
            unit_type="Mobil pemadam",
            base_label="DEMO pos",
            base_lat=lat,
            base_lon=lon,
            status="available",
            status_changed_at=services.ctx.clock(),
            active=True,
        )
        s.add(u)
        s.flush()
        return u.id


def new_incident(services: Services, actor: Actor, **kw: Any) -> int:
    fields = {
        "category_code": "fire",
        "latitude": -6.12,
        "longitude": 106.15,
        "address": "Jl. Ahmad Yani No. 1",
        **kw,
    }
    return int(
        services.incidents.create_from_call(actor, CallInput(""), IncidentInput(**fields)).id
    )


@pytest.fixture
def live(qtbot: Any, map_services: Services, map_cache: Path) -> Iterator[Live]:
    actor = make_actor(map_services, Role.SUPERVISOR)
    worker = DbWorker()
    bus = AppBus(map_services, worker, interval_ms=100)
    view = MapView(None, map_cache / "map")
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    controller = MapController(
        view, map_services, worker, bus, gazetteer(), language="id", tiles=TileSpec(url=None)
    )
    yield Live(view, controller, bus, map_services, actor)
    bus.timer.stop()
    view.shutdown()
    worker.stop()


def start(qtbot: Any, live: Live) -> None:
    with qtbot.waitSignal(live.view.sig_page_ready, timeout=30_000):
        live.controller.start()
    qtbot.waitUntil(lambda: page_state(qtbot, live.view)["applied"] >= 1, timeout=10_000)
    live.bus.start(live.services.feed.last_id())


def marker(qtbot: Any, view: MapView, ident: int, kind: str = "incident") -> Any:
    return js_value(qtbot, view, f"SiagaMap.marker('{kind}', {ident})")


def test_open_incidents_and_units_from_the_database_are_drawn(qtbot, live) -> None:
    s, a = live.services, live.actor
    fire = new_incident(s, a)  # P1, nobody dispatched yet: pulses
    tree = new_incident(s, a, category_code="fallen_tree", latitude=-6.15, longitude=106.17)
    closed = new_incident(s, a, category_code="other", latitude=-6.14, longitude=106.16)
    s.incidents.change_status(a, closed, "cancelled", note="test")
    kdrt = new_incident(s, a, category_code="domestic_violence", latitude=-6.13, longitude=106.14)
    unit = add_unit(s, "DAMKAR-01", -6.118, 106.152)
    start(qtbot, live)
    state = page_state(qtbot, live.view)
    assert state["incidents"] == 3 and state["units"] == 1
    assert marker(qtbot, live.view, closed) is None
    assert {"p1", "waiting"} <= set(marker(qtbot, live.view, fire)["cls"].split())
    assert "waiting" not in marker(qtbot, live.view, tree)["cls"].split()
    assert "st-available" in marker(qtbot, live.view, unit, "unit")["cls"]
    # A sensitive report shows category, place and status only.
    item = js_value(qtbot, live.view, f"JSON.stringify(SiagaMap.incidents[{kdrt}].siaga)")
    assert item["sensitive"] is True
    assert "address" not in item and "number" not in item
    assert item["title"] == "KDRT" and item["place"]


def test_changes_move_through_without_reloading_the_page(qtbot, live) -> None:
    start(qtbot, live)
    s, a = live.services, live.actor
    ident = new_incident(s, a)
    qtbot.waitUntil(lambda: marker(qtbot, live.view, ident) is not None, timeout=10_000)
    row = s.incidents.change_status(a, ident, "verified")
    unit = add_unit(s, "DAMKAR-02", -6.118, 106.152)
    s.dispatch.dispatch(a, ident, [unit], row.version)
    qtbot.waitUntil(
        lambda: "waiting" not in marker(qtbot, live.view, ident)["cls"].split(), timeout=10_000
    )
    qtbot.waitUntil(
        lambda: (
            (marker(qtbot, live.view, unit, "unit") or {}).get("cls", "").endswith("st-dispatched")
        ),
        timeout=10_000,
    )
    s.incidents.change_status(a, ident, "resolved")
    qtbot.waitUntil(lambda: marker(qtbot, live.view, ident) is None, timeout=10_000)
    assert live.view.load_count == 1


def test_selecting_in_the_queue_centres_and_highlights(qtbot, live) -> None:
    s, a = live.services, live.actor
    far = new_incident(s, a, latitude=-6.19, longitude=106.20)
    start(qtbot, live)
    with qtbot.waitSignal(live.view.bridge.sig_select_result, timeout=5000) as sig:
        live.bus.sig_incident_selected.emit(far)
    assert sig.args == [far, True]
    assert "selected" in marker(qtbot, live.view, far)["cls"].split()
    centre = js_value(qtbot, live.view, "JSON.stringify(SiagaMap.map.getCenter())")
    assert abs(centre["lat"] + 6.19) < 1e-3 and abs(centre["lng"] - 106.20) < 1e-3


def test_selecting_an_incident_not_on_the_map_says_so(qtbot, live) -> None:
    start(qtbot, live)
    with qtbot.waitSignal(live.view.bridge.sig_select_result, timeout=5000):
        live.bus.sig_incident_selected.emit(99_999)
    assert live.view.info.isVisible()
    assert "not on the map" in live.view.info_label.text()


def test_clicking_a_marker_selects_it_in_the_queue_and_opens_it(qtbot, live) -> None:
    ident = new_incident(live.services, live.actor)
    start(qtbot, live)
    m = marker(qtbot, live.view, ident)
    with (
        qtbot.waitSignal(live.bus.sig_incident_selected, timeout=5000) as selected,
        qtbot.waitSignal(live.bus.sig_incident_activated, timeout=5000) as activated,
    ):
        QTest.mouseClick(
            live.view.view.focusProxy(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(round(m["x"]), round(m["head"])),
        )
    assert selected.args == [ident] and activated.args == [ident]


def _kelurahan_point(name: str) -> tuple[float, float]:
    for f in load_geojson("serang_kelurahan.geojson")["features"]:
        if f["properties"]["kelurahan"] == name:
            pt = shapely.geometry.shape(f["geometry"]).representative_point()
            return pt.y, pt.x
    raise AssertionError(name)


def _click_at(qtbot: Any, view: MapView, lat: float, lon: float) -> None:
    pt = js_value(
        qtbot, view, f"JSON.stringify(SiagaMap.map.latLngToContainerPoint([{lat}, {lon}]))"
    )
    QTest.mouseClick(
        view.view.focusProxy(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(round(pt["x"]), round(pt["y"])),
    )


def test_a_click_while_picking_gives_the_place_to_the_intake_form(qtbot, live) -> None:
    start(qtbot, live)
    live.bus.sig_pick_location_requested.emit(True)
    qtbot.waitUntil(lambda: page_state(qtbot, live.view)["picking"] is True, timeout=5000)
    assert "Click the map" in live.view.info_label.text()
    lat, lon = _kelurahan_point("Cipete")
    with qtbot.waitSignal(live.bus.sig_location_picked, timeout=5000) as sig:
        _click_at(qtbot, live.view, lat, lon)
    got_lat, got_lon = sig.args
    place = gazetteer().locate(got_lat, got_lon)
    assert place is not None and (place.kelurahan, place.kecamatan) == ("Cipete", "Curug")
    assert abs(got_lat - lat) < 0.002 and abs(got_lon - lon) < 0.002
    assert "Kelurahan Cipete, Kecamatan Curug" in live.view.info_label.text()
    qtbot.waitUntil(lambda: page_state(qtbot, live.view)["picking"] is False, timeout=5000)


def test_a_click_outside_kota_serang_is_refused(qtbot, live) -> None:
    start(qtbot, live)
    live.bus.sig_pick_location_requested.emit(True)
    qtbot.waitUntil(lambda: page_state(qtbot, live.view)["picking"] is True, timeout=5000)
    lat, lon = -6.21, 106.22  # inside the view, south-east of Curug: outside the city
    assert gazetteer().locate(lat, lon) is None
    with qtbot.assertNotEmitted(live.bus.sig_location_picked, wait=500):
        _click_at(qtbot, live.view, lat, lon)
        qtbot.waitUntil(lambda: "outside Kota Serang" in live.view.info_label.text(), timeout=5000)
    assert live.controller.picking is True  # still waiting for a good click
    live.bus.sig_pick_location_requested.emit(False)
    qtbot.waitUntil(lambda: page_state(qtbot, live.view)["picking"] is False, timeout=5000)


def test_the_choropleth_counts_this_shift_per_kecamatan(qtbot, live) -> None:
    s, a = live.services, live.actor
    for _ in range(3):
        new_incident(s, a)  # Kecamatan Serang (36.73.01)
    new_incident(
        s, a, latitude=_kelurahan_point("Cipete")[0], longitude=_kelurahan_point("Cipete")[1]
    )
    start(qtbot, live)
    choro = js_value(qtbot, live.view, "JSON.stringify(SiagaMap.choro.counts)")
    assert choro["36.73.01"] == 3 and choro["36.73.04"] == 1 and choro["36.73.02"] == 0
    fills = js_value(
        qtbot,
        live.view,
        "JSON.stringify(Object.fromEntries(SiagaMap.cfg.choropleth.getLayers().map(l =>"
        " [l.feature.properties.kode, l.options.fillOpacity])))",
    )
    assert fills["36.73.01"] > 0 and fills["36.73.04"] > 0 and fills["36.73.02"] == 0


def test_after_the_page_reloads_the_state_is_pushed_again(qtbot, live) -> None:
    s, a = live.services, live.actor
    ident = new_incident(s, a)
    unit = add_unit(s, "DAMKAR-09", -6.118, 106.152)
    start(qtbot, live)
    live.bus.sig_incident_selected.emit(ident)
    with qtbot.waitSignal(live.view.sig_page_ready, timeout=30_000):
        live.view.reload()  # what a renderer crash leads to
    qtbot.waitUntil(lambda: page_state(qtbot, live.view)["incidents"] == 1, timeout=10_000)
    state = page_state(qtbot, live.view)
    assert state["units"] == 1 and state["selected"] == ident
    assert marker(qtbot, live.view, unit, "unit") is not None
