"""Tiles through the siagatile: scheme: a real tile server on loopback, a real cache on disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from siaga_console.integrations.tiles import TileConfig, TileSource
from siaga_console.services.mapping import TILE_URL, TileSpec

from .conftest import TileServer, page_spec, page_state, push


def source(url: str, cache: Path) -> TileSource:
    return TileSource(
        TileConfig(url=url, connect_timeout_s=1, read_timeout_s=2, backoff_s=30), cache
    )


def tiled_spec() -> Any:
    return page_spec(tiles=TileSpec(url=TILE_URL, attribution="Test tiles"))


def wait_tiles(qtbot: Any, view: Any, predicate: Any) -> dict[str, Any]:
    qtbot.waitUntil(lambda: predicate(page_state(qtbot, view)["tiles"]), timeout=15_000)
    return dict(page_state(qtbot, view)["tiles"])


def settled(tiles: dict[str, Any]) -> bool:
    """Every tile the page asked for has come or failed (and at least four came)."""
    return bool(tiles["loaded"] >= 4 and not tiles["loading"])


def test_tiles_come_from_the_server_then_from_the_cache_when_it_is_gone(
    open_map, qtbot, tile_server: TileServer, map_cache: Path
) -> None:
    view = open_map(source(tile_server.url, map_cache / "tiles"), tiled_spec())
    tiles = wait_tiles(qtbot, view, settled)
    assert tiles["errors"] == 0
    assert len(tile_server.hits) >= 4
    assert view.tiles is not None and view.tiles.served.get("network", 0) >= 4
    cached = list((map_cache / "tiles").rglob("*.tile"))
    assert len(cached) >= 4 and all(p.read_bytes() == tile_server.png for p in cached)
    assert "Test tiles" in page_state(qtbot, view)["attribution"]

    tile_server.stop()
    again = open_map(source(tile_server.url, map_cache / "tiles"), tiled_spec())
    tiles = wait_tiles(qtbot, again, settled)
    assert tiles["errors"] == 0
    assert again.tiles is not None and again.tiles.served.get("cache", 0) >= 4
    assert again.tiles.served.get("network", 0) == 0
    assert "tiles" not in again.problems


def test_losing_the_server_is_said_and_the_map_keeps_working(
    open_map, qtbot, tile_server: TileServer, map_cache: Path
) -> None:
    view = open_map(source(tile_server.url, map_cache / "tiles"), tiled_spec())
    wait_tiles(qtbot, view, settled)  # nothing under way when the server goes
    assert "tiles" not in view.problems
    tile_server.stop()
    view.page.runJavaScript("SiagaMap.map.setZoom(15, {animate: false});")  # tiles not seen yet
    qtbot.waitUntil(lambda: "tiles" in view.problems, timeout=15_000)
    assert view.banner.isVisible()
    assert "No connection to the map tile server" in view.banner_label.text()
    push(qtbot, view, {"op": "incidents", "items": [_incident(1)]})
    state = page_state(qtbot, view)
    assert state["incidents"] == 1 and (state["kecamatan"], state["kelurahan"]) == (6, 67)


def test_a_dead_tile_server_from_the_start(open_map, qtbot, dead_tile_url, map_cache) -> None:
    view = open_map(source(dead_tile_url, map_cache / "tiles"), tiled_spec())
    wait_tiles(qtbot, view, lambda t: t["errors"] >= 1)
    qtbot.waitUntil(lambda: "tiles" in view.problems, timeout=15_000)
    push(qtbot, view, {"op": "incidents", "items": [_incident(1)]})
    state = page_state(qtbot, view)
    assert state["tiles"]["loaded"] == 0 and state["incidents"] == 1
    assert (state["kecamatan"], state["kelurahan"]) == (6, 67)


def test_a_server_error_counts_as_unreachable(open_map, qtbot, tile_server, map_cache) -> None:
    tile_server.mode = "error"
    view = open_map(source(tile_server.url, map_cache / "tiles"), tiled_spec())
    qtbot.waitUntil(lambda: "tiles" in view.problems, timeout=15_000)
    tiles = wait_tiles(qtbot, view, lambda t: t["errors"] >= 10)
    # Backing off: only the requests already under way (one per pool thread) reached the
    # server; the other tiles were not asked for.
    assert 1 <= len(tile_server.hits) <= 4 < tiles["errors"]


def test_a_broken_tile_cache_is_said_and_tiles_still_load(
    open_map, qtbot, tile_server: TileServer, map_cache: Path
) -> None:
    blocker = map_cache / "tiles"
    blocker.write_text("not a directory")
    view = open_map(source(tile_server.url, blocker), tiled_spec())
    qtbot.waitUntil(lambda: "tiles" in view.problems, timeout=15_000)
    assert "tile cache cannot be used" in view.problems["tiles"]
    wait_tiles(qtbot, view, lambda t: t["loaded"] >= 4)


def _incident(ident: int) -> dict[str, Any]:
    return {
        "id": ident,
        "lat": -6.12,
        "lon": 106.15,
        "p": 1,
        "icon": "fire",
        "waiting": True,
        "title": "Kebakaran",
        "status": "Baru",
        "priority": "P1",
        "place": "Serang",
        "sensitive": False,
    }
