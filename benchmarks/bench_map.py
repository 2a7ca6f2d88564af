"""The live map: 1,000 incident markers pushed through the bridge versus regenerating and
reloading the folium page; point-in-polygon for 10,000 points on the real boundaries.

Runs a real QWebEngineView offscreen (no tiles, no network). A bridge figure is the round
trip: Python builds the batch, the page applies it and acknowledges (``applied``).
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .harness import BenchEnv, Figure, Report, median, time_ms

N_MARKERS = 1000
N_POINTS = 10_000


def _app() -> Any:
    import PySide6.QtWebEngineWidgets  # noqa: F401  (before the QApplication)
    from PySide6.QtWidgets import QApplication

    from siaga_console.ui.map.scheme import register_schemes

    app = QApplication.instance()
    if app is None:
        register_schemes()
        app = QApplication([])
    return app


def _wait(app: Any, done: Callable[[], bool], timeout_s: float = 60.0) -> None:
    end = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > end:
            raise TimeoutError("the map page did not answer")
        app.processEvents()
        time.sleep(0.0005)


def _items(rng: random.Random, bounds: tuple[float, float, float, float], p: int) -> list[Any]:
    s, w, n, e = bounds
    icons = ["fire", "bolt", "car-burst", "truck-medical", "tree", "road"]
    return [
        {
            "id": i,
            "lat": rng.uniform(s, n),
            "lon": rng.uniform(w, e),
            "p": p,
            "icon": icons[i % len(icons)],
            "waiting": False,
            "title": "Kebakaran",
            "status": "Baru",
            "priority": f"P{p}",
            "place": "Serang, Serang",
            "sensitive": False,
            "number": f"SRG-20261129-{i:04d}",
            "address": "Jl. Contoh",
            "units": "",
        }
        for i in range(N_MARKERS)
    ]


def _marker_decorator(items: list[dict[str, Any]]) -> Callable[[Any], None]:
    """Bake the same markers into the folium page (the reload baseline)."""

    def decorate(m: Any) -> None:
        import folium

        group = folium.FeatureGroup(name="Incidents (static)")
        for it in items:
            folium.Marker(
                (it["lat"], it["lon"]),
                icon=folium.DivIcon(
                    html=f'<div class="siaga-inc p{it["p"]}"><i class="fa-solid fa-{it["icon"]}">'
                    "</i></div>",
                    icon_size=(30, 30),
                    icon_anchor=(15, 30),
                    class_name="siaga-inc-icon",
                ),
                tooltip=f"{it['number']} · {it['title']}",
            ).add_to(group)
        group.add_to(m)

    return decorate


def run(env: BenchEnv, report: Report) -> None:
    _pip(report)
    _bridge_vs_reload(report)


def _pip(report: Report) -> None:
    from siaga_console.resources import gazetteer

    gaz = gazetteer()
    s, w, n, e = gaz.bounds
    rng = random.Random(112)
    lats = [rng.uniform(s, n) for _ in range(N_POINTS)]
    lons = [rng.uniform(w, e) for _ in range(N_POINTS)]
    sec = report.section("Map: point-in-polygon on the real boundaries (10,000 random points)")
    found = sum(p is not None for p in gaz.locate_many(lats, lons))
    one_by_one = median(
        time_ms(lambda: [gaz.locate(a, b) for a, b in zip(lats, lons, strict=True)], repeat=3)
    )
    batch = median(time_ms(lambda: gaz.locate_many(lats, lons), repeat=7))
    report.add(
        sec,
        Figure(
            "locate_many, 10,000 points",
            batch,
            "ms",
            baseline=one_by_one,
            baseline_name="10,000 x locate()",
            target="< 100 ms",
            ok=batch < 100,
        ),
    )
    sec.notes.append(
        f"{found} of {N_POINTS} points of the bounding box fall in a kelurahan "
        "(the rest is sea or neighbouring regencies)."
    )


def _bridge_vs_reload(report: Report) -> None:
    from siaga_console.resources import gazetteer, resource
    from siaga_console.services.mapping import AssetSet, PageSpec, PageTexts, TileSpec
    from siaga_console.services.mapping.live import LiveLayer
    from siaga_console.services.mapping.page import build_page
    from siaga_console.ui.map.view import MapView

    app = _app()
    tmp = Path(tempfile.mkdtemp(prefix="siaga-bench-map-"))
    spec = PageSpec(
        resource("geo", "serang_kecamatan.geojson"),
        resource("geo", "serang_kelurahan.geojson"),
        AssetSet(resource("map")),
        PageTexts(),
        TileSpec(url=None),
    )
    view = MapView(None, tmp)
    view.resize(1280, 800)
    view.show()
    view.load_spec(spec)
    _wait(app, lambda: view.bridge.ready)
    rng = random.Random(2026)
    bounds = gazetteer().bounds
    page_ms: list[float] = []
    view.bridge.sig_applied.connect(lambda seq, ms: page_ms.append(ms))

    def push(op: dict[str, Any]) -> None:
        view.bridge.send(op)
        seq = view.bridge.flush()
        _wait(app, lambda: view.bridge.applied_seq >= seq)

    def clear() -> None:
        push({"op": "incidents", "replace": True, "items": []})

    # The controller's path: a LiveLayer works out what changed, the bridge sends it.
    layer = LiveLayer("incidents")

    def settle() -> None:
        # Live updates come one at a time (the change feed is polled every second): let the
        # page paint the previous one first, as it would between two feed polls.
        end = time.perf_counter() + 0.3
        _wait(app, lambda: time.perf_counter() >= end)

    def timed(items: list[dict[str, Any]], back_to_back: bool = False) -> float:
        if not back_to_back:
            settle()
        t = time.perf_counter()
        op = layer.update(items)
        assert op is not None
        push(op)
        return (time.perf_counter() - t) * 1000

    results: dict[str, list[float]] = {"add": [], "move": [], "recolour": []}
    for _ in range(7):
        clear()
        layer.reset()
        items = _items(rng, bounds, 2)
        results["add"].append(timed(items))
        moved = [{**it, "lat": it["lat"] + 0.001, "lon": it["lon"] - 0.001} for it in items]
        results["move"].append(timed(moved))
        # All become priority 1; 1 in 100 also waits for dispatch (a pulsing ring each).
        recoloured = [{**it, "p": 1, "waiting": it["id"] % 100 == 0} for it in moved]
        results["recolour"].append(timed(recoloured))
        moved_again = [{**it, "lat": it["lat"] - 0.001} for it in recoloured]
        timed(moved_again)
        back = [{**it, "lat": it["lat"] + 0.001} for it in moved_again]
        results.setdefault("back_to_back", []).append(timed(back, back_to_back=True))
    # drop the first (warm-up) round
    live = {k: median(v[1:]) for k, v in results.items()}
    state: dict[str, Any] = {}
    view.run_json("SiagaMap.state()", lambda value: state.update(value or {}))
    _wait(app, lambda: bool(state))
    assert state.get("incidents") == N_MARKERS, state

    # Baseline: the same 1,000 markers baked into a regenerated folium page, reloaded.
    kec = json.loads(spec.kecamatan_file.read_text(encoding="utf-8"))
    kel = json.loads(spec.kelurahan_file.read_text(encoding="utf-8"))
    reload_ms: list[float] = []
    render_ms: list[float] = []
    for _ in range(3):
        items = _items(rng, bounds, 2)
        t = time.perf_counter()
        html = build_page(kec, kel, spec.assets, spec.texts, spec.tiles, _marker_decorator(items))
        path = tmp / "reload.html"
        path.write_text(html, encoding="utf-8")
        render_ms.append((time.perf_counter() - t) * 1000)
        view.load_file(path)
        _wait(app, lambda: view.bridge.ready)
        reload_ms.append((time.perf_counter() - t) * 1000)
    baseline = median(reload_ms)
    view.shutdown()
    view.deleteLater()

    sec = report.section("Map: 1,000 incident markers, live bridge vs regenerate + reload")
    worst = max(v for k, v in live.items() if k != "back_to_back")
    for key, label in (("add", "add"), ("move", "move"), ("recolour", "recolour")):
        report.add(
            sec,
            Figure(
                f"bridge: {label} 1,000 markers (round trip)",
                live[key],
                "ms",
                baseline=baseline,
                baseline_name="regenerate + reload",
                target="< 50 ms and >= 20x",
                ok=live[key] < 50 and baseline / live[key] >= 20,
            ),
        )
    report.add(
        sec,
        Figure(
            "regenerate the folium page with 1,000 markers and reload it",
            baseline,
            "ms",
        ),
    )
    sec.notes.append(
        f"Reload = folium render and write {median(render_ms):.0f} ms + load until the page "
        f"is ready; slowest live operation {worst:.1f} ms, ratio {baseline / worst:.0f}x. "
        f"Time spent inside the page per batch (median): {median(page_ms):.1f} ms."
    )
    sec.notes.append(
        "Each live operation is timed from a page that has painted the previous one (updates "
        "come one feed poll at a time). Sent back to back, a move also waits for the page to "
        f"paint the previous batch: {live['back_to_back']:.0f} ms (median)."
    )
