"""The real map page in a QWebEngineView (offscreen, no network): asked from the page itself."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from siaga_console.resources import resource
from siaga_console.services.mapping import BOUNDARY_ATTRIBUTION, AssetSet
from siaga_console.ui.map.view import MapView
from siaga_console.ui.map.webpage import LOCAL_SCHEMES

from .conftest import js_value, page_spec, page_state, push


def incident(ident: int, lat: float, lon: float, p: int = 2, **kw: Any) -> dict[str, Any]:
    item = {
        "id": ident,
        "lat": lat,
        "lon": lon,
        "p": p,
        "icon": "fire",
        "waiting": False,
        "title": "Kebakaran",
        "status": "Baru",
        "priority": f"P{p}",
        "place": "Serang, Serang",
        "sensitive": False,
        "number": f"SRG-20261129-{ident:04d}",
        "address": "Jl. Test",
        "units": "",
    }
    item.update(kw)
    return item


def _near(rgba: list[int], rgb: tuple[int, int, int]) -> bool:
    return rgba[3] == 255 and all(abs(a - b) <= 8 for a, b in zip(rgba, rgb, strict=False))


def test_page_loads_offline_with_leaflet_and_the_real_boundaries(open_map, qtbot) -> None:
    view = open_map()
    state = page_state(qtbot, view)
    assert state["leaflet"] == "1.9.3"
    assert state["ready"] is True
    assert (state["kecamatan"], state["kelurahan"]) == (6, 67)
    assert BOUNDARY_ATTRIBUTION in state["attribution"]
    # Six kecamatan names written on the map, from the page's DOM.
    names = js_value(
        qtbot,
        view,
        "JSON.stringify([...document.querySelectorAll('.siaga-kec-label')]"
        ".map(e => e.textContent.trim()))",
    )
    assert sorted(names) == sorted(
        ["Serang", "Kasemen", "Walantaka", "Curug", "Cipocok Jaya", "Taktakan"]
    )
    # Legend, layer control and scale exist; every request the page made was local.
    controls = js_value(
        qtbot,
        view,
        "JSON.stringify({legend: !!document.getElementById('siaga-legend'),"
        " layers: document.querySelectorAll('.leaflet-control-layers').length,"
        " scale: document.querySelectorAll('.leaflet-control-scale').length,"
        " overlays: [...document.querySelectorAll('.leaflet-control-layers-overlays label')]"
        ".map(l => l.textContent.trim())})",
    )
    assert controls["legend"] and controls["layers"] == 1 and controls["scale"] == 1
    assert set(controls["overlays"]) >= {"Kecamatan", "Kelurahan", "Open incidents", "Units"}
    assert view.interceptor.blocked == []
    assert set(view.interceptor.seen) <= LOCAL_SCHEMES
    assert view.problems == {}


def test_markers_appear_move_and_recolour_without_a_reload(open_map, qtbot) -> None:
    view = open_map()
    loaded_at = page_state(qtbot, view)["loadedAt"]
    push(
        qtbot,
        view,
        {"op": "incidents", "items": [incident(1, -6.12, 106.15, p=2), incident(2, -6.15, 106.17)]},
    )
    assert page_state(qtbot, view)["incidents"] == 2
    m1 = js_value(qtbot, view, "SiagaMap.marker('incident', 1)")
    assert m1["visible"] and (m1["lat"], m1["lon"]) == (-6.12, 106.15)
    assert "p2" in m1["cls"].split() and "waiting" not in m1["cls"].split()
    assert _near(js_value(qtbot, view, "SiagaMap.pixel(1)"), (0xEF, 0x6C, 0x00))  # drawn P2
    assert not m1["pulsing"]

    push(qtbot, view, {"op": "incidents", "items": [incident(1, -6.10, 106.16, p=1, waiting=True)]})
    m1 = js_value(qtbot, view, "SiagaMap.marker('incident', 1)")
    assert (m1["lat"], m1["lon"]) == (-6.10, 106.16)
    assert {"p1", "waiting"} <= set(m1["cls"].split())
    assert _near(js_value(qtbot, view, "SiagaMap.pixel(1)"), (0xC6, 0x28, 0x28))  # redrawn P1
    assert m1["pulsing"]

    push(qtbot, view, {"op": "incidents", "items": [], "remove": [2]})
    state = page_state(qtbot, view)
    assert state["incidents"] == 1
    assert state["loadedAt"] == loaded_at and view.load_count == 1  # never reloaded


def test_calls_made_before_the_page_is_ready_wait_in_the_queue(open_map, qtbot) -> None:
    view = open_map(wait=False)
    view.bridge.send({"op": "incidents", "items": [incident(7, -6.12, 106.15)]})
    assert not view.bridge.ready and view.bridge.queued == 1
    with qtbot.waitSignal(view.bridge.sig_applied, timeout=30_000):
        pass
    assert page_state(qtbot, view)["incidents"] == 1


def test_replace_removes_what_is_no_longer_there(open_map, qtbot) -> None:
    view = open_map()
    push(qtbot, view, {"op": "incidents", "items": [incident(i, -6.12, 106.15) for i in (1, 2, 3)]})
    push(qtbot, view, {"op": "incidents", "replace": True, "items": [incident(3, -6.13, 106.15)]})
    assert page_state(qtbot, view)["incidents"] == 1
    assert js_value(qtbot, view, "SiagaMap.marker('incident', 1)") is None


def test_units_drawn_by_agency_and_status(open_map, qtbot) -> None:
    view = open_map()
    unit = {
        "id": 5,
        "lat": -6.13,
        "lon": 106.16,
        "colour": "#b71c1c",
        "icon": "fire-extinguisher",
        "st": "available",
        "title": "DAMKAR-01",
        "agency": "Damkar",
        "type": "Mobil pemadam",
        "status": "Tersedia",
        "incident": "",
        "base": "DEMO",
    }
    push(qtbot, view, {"op": "units", "items": [unit]})
    m = js_value(qtbot, view, "SiagaMap.marker('unit', 5)")
    assert "st-available" in m["cls"]
    push(qtbot, view, {"op": "units", "items": [{**unit, "st": "on_scene", "lat": -6.14}]})
    m = js_value(qtbot, view, "SiagaMap.marker('unit', 5)")
    assert "st-on_scene" in m["cls"] and m["lat"] == -6.14


def test_a_real_click_on_a_marker_reaches_python(open_map, qtbot) -> None:
    view = open_map()
    push(qtbot, view, {"op": "incidents", "items": [incident(42, -6.12, 106.15)]})
    m = js_value(qtbot, view, "SiagaMap.marker('incident', 42)")
    # The pin's tip is at the point; its head is above it.
    target = QPoint(round(m["x"]), round(m["head"]))
    with qtbot.waitSignal(view.bridge.sig_marker_clicked, timeout=5000) as sig:
        QTest.mouseClick(view.view.focusProxy(), Qt.MouseButton.LeftButton, pos=target)
    assert sig.args == ["incident", 42]


def test_text_from_the_database_is_never_html(open_map, qtbot) -> None:
    view = open_map()
    evil = '<img src=x onerror="window.pwned=1">'
    push(qtbot, view, {"op": "incidents", "items": [incident(9, -6.12, 106.15, address=evil)]})
    m = js_value(qtbot, view, "SiagaMap.marker('incident', 9)")
    with qtbot.waitSignal(view.bridge.sig_marker_clicked, timeout=5000):
        QTest.mouseClick(
            view.view.focusProxy(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(round(m["x"]), round(m["head"])),
        )
    html = js_value(qtbot, view, "JSON.stringify(SiagaMap.popup.getElement().innerHTML)")
    assert "&lt;img" in html and "<img" not in html
    assert js_value(qtbot, view, "JSON.stringify(!!window.pwned)") is False


def test_choropleth_colours_the_kecamatan(open_map, qtbot) -> None:
    from siaga_console.resources import gazetteer
    from siaga_console.services.mapping.symbols import choropleth_item

    view = open_map()
    names = dict(gazetteer().kecamatan)
    item = choropleth_item({"36.73.01": 7, "36.73.02": 1}, names)
    push(qtbot, view, {"op": "choropleth", **item})
    fills = js_value(
        qtbot,
        view,
        "JSON.stringify(Object.fromEntries(SiagaMap.cfg.choropleth.getLayers().map(l =>"
        " [l.feature.properties.kode, [l.options.fillColor, l.options.fillOpacity]])))",
    )
    assert fills["36.73.01"] == [item["colours"]["36.73.01"], 0.45]
    assert fills["36.73.02"][1] == 0.45 and fills["36.73.03"][1] == 0
    assert fills["36.73.01"][0] != fills["36.73.02"][0]
    legend = js_value(
        qtbot,
        view,
        "JSON.stringify(document.getElementById('siaga-choropleth-legend').textContent)",
    )
    assert "Serang7" in legend.replace(" ", "")


@pytest.mark.parametrize("code", ["throw new Error('boom-test')", "undefinedFunction42()"])
def test_a_script_error_is_said_and_the_map_keeps_working(open_map, qtbot, code) -> None:
    view = open_map()
    view.page.runJavaScript(f"setTimeout(function () {{ {code}; }}, 0);")
    qtbot.waitUntil(lambda: "script" in view.problems, timeout=5000)
    assert view.banner.isVisible()
    assert ("boom-test" if "boom" in code else "undefinedFunction42") in view.banner_label.text()
    push(qtbot, view, {"op": "incidents", "items": [incident(1, -6.12, 106.15)]})
    assert page_state(qtbot, view)["incidents"] == 1


def test_a_broken_operation_is_reported_and_the_rest_applied(open_map, qtbot) -> None:
    view = open_map()
    push(
        qtbot,
        view,
        {"op": "no_such_thing"},
        {"op": "incidents", "items": [incident(1, -6.12, 106.15)]},
    )
    assert page_state(qtbot, view)["incidents"] == 1
    qtbot.waitUntil(lambda: "script" in view.problems, timeout=5000)
    assert "no_such_thing" in view.problems["script"]


def test_selftest_probe_says_ok(open_map, qtbot) -> None:
    view = open_map(wait=False)
    verdicts: list[str] = []
    view.selftest_probe(verdicts.append)
    qtbot.waitUntil(lambda: bool(verdicts), timeout=30_000)
    assert verdicts == ["ok"]


def _broken_assets(tmp_path: Path, **files: str) -> AssetSet:
    copy = tmp_path / "map-assets"
    shutil.copytree(resource("map"), copy)
    for name, text in files.items():
        (copy / name).write_text(text, encoding="utf-8")
    return AssetSet(copy)


def test_a_page_that_does_not_start_is_said(open_map, qtbot, tmp_path) -> None:
    assets = _broken_assets(tmp_path, **{"vendor/leaflet-1.9.3/leaflet.js": "this is not (js"})
    view = open_map(spec=page_spec(assets=assets), wait=False)
    view.set_ready_timeout(1500)
    qtbot.waitUntil(lambda: "page" in view.problems, timeout=20_000)
    assert "The map did not start" in view.problems["page"]
    assert "Uncaught" in view.problems["page"]
    verdicts: list[str] = []
    view.selftest_probe(verdicts.append, timeout_ms=500)
    qtbot.waitUntil(lambda: bool(verdicts), timeout=5000)
    assert verdicts[0].startswith("page not ready")


def test_missing_map_files_are_said(open_map, qtbot, tmp_path) -> None:
    assets = _broken_assets(tmp_path)
    (assets.root / "vendor" / "fontawesome-free-6.2.0" / "css" / "solid.min.css").unlink()
    view = open_map(spec=page_spec(assets=assets), wait=False)
    qtbot.waitUntil(lambda: "page" in view.problems, timeout=20_000)
    assert "solid.min.css" in view.problems["page"]
    assert view.banner.isVisible()


def test_an_unwritable_page_cache_still_shows_the_map(qtbot, tmp_path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    view = MapView(None, blocker / "map")
    qtbot.addWidget(view)
    view.show()
    try:
        with qtbot.waitSignal(view.sig_page_ready, timeout=30_000):
            view.load_spec(page_spec())
        assert view.page_path is None  # shown from memory
        state = page_state(qtbot, view)
        assert (state["kecamatan"], state["kelurahan"]) == (6, 67)
    finally:
        view.shutdown()


def test_after_a_reload_the_page_starts_over_and_calls_wait_again(open_map, qtbot) -> None:
    view = open_map()
    push(qtbot, view, {"op": "incidents", "items": [incident(1, -6.12, 106.15)]})
    resets: list[bool] = []
    view.bridge.sig_reset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(view.sig_page_ready, timeout=30_000):
        view.reload()
        view.bridge.send({"op": "incidents", "items": [incident(2, -6.13, 106.16)]})
        assert view.bridge.queued == 1  # not ready: waiting
    qtbot.waitUntil(lambda: page_state(qtbot, view)["applied"] >= 1, timeout=5000)
    assert resets and view.load_count == 2
    state = page_state(qtbot, view)
    assert state["incidents"] == 1  # the new page: only what was sent after the reload
    assert js_value(qtbot, view, "SiagaMap.marker('incident', 2)") is not None


def test_the_page_follows_the_consoles_theme(open_map, qtbot) -> None:
    from PySide6.QtGui import QColor, QPalette

    view = open_map()
    probe = """JSON.stringify({
        theme: JSON.parse(SiagaMap.state()).theme,
        body: document.body.classList.contains('siaga-dark'),
        tiles: getComputedStyle(document.querySelector('.leaflet-tile-pane')).filter,
        legend: getComputedStyle(document.getElementById('siaga-legend')).backgroundColor,
        line: (function () {
            var c = null;
            SiagaMap.cfg.kecamatan.eachLayer(function (l) { c = c || l.options.color; });
            return c;
        })(),
    })"""
    light = js_value(qtbot, view, probe)
    assert light["theme"] == "light" and not light["body"] and "invert" not in light["tiles"]

    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Window, QColor(37, 39, 43))
    view.setPalette(dark)  # what a switch to the dark theme does to every widget
    qtbot.waitUntil(lambda: js_value(qtbot, view, probe)["theme"] == "dark", timeout=5000)
    night = js_value(qtbot, view, probe)
    assert night["body"] and "invert" in night["tiles"]
    assert night["legend"] != light["legend"] and night["line"] != light["line"]
    state = page_state(qtbot, view)  # the districts are still all drawn
    assert (state["kecamatan"], state["kelurahan"]) == (6, 67)

    view.setPalette(QPalette())  # and back: the boundaries get their own colour again
    qtbot.waitUntil(lambda: js_value(qtbot, view, probe)["theme"] == "light", timeout=5000)
    assert js_value(qtbot, view, probe) == light
