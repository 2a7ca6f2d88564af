"""The tile cache and fetcher against a real HTTP server on 127.0.0.1. No Qt."""

from __future__ import annotations

import os
import socket
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from siaga_console.integrations.tiles import (
    OSM_TILE_URL,
    TileCache,
    TileConfig,
    TileSource,
    image_type,
    load_tile_config,
)
from siaga_console.services.mapping import OSM_ATTRIBUTION


def png(colour: tuple[int, int, int] = (10, 120, 200), size: int = 4) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        return struct.pack(">I", len(data)) + kind + data + crc

    raw = zlib.compress((b"\x00" + bytes(colour) * size) * size)
    ihdr = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


class Server:
    """/{z}/{x}/{y}.png; ``status`` and ``body`` can be changed by the test."""

    def __init__(self, port: int = 0) -> None:
        self.hits: list[str] = []
        self.status = 200
        self.body = png()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.hits.append(self.path)
                self.send_response(outer.status)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(outer.body)))
                self.end_headers()
                self.wfile.write(outer.body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    yield s
    s.stop()


class FakeClock:
    """Monotonic seconds under the test's control (the backoff's clock)."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def dead_url() -> str:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png"


def source(url: str | None, root: Path | None, clock: FakeClock | None = None) -> TileSource:
    cfg = TileConfig(url=url, connect_timeout_s=1, read_timeout_s=2, backoff_s=20)
    return TileSource(cfg, root, clock=clock or FakeClock())


def test_fetched_once_then_served_from_the_cache(server: Server, tmp_path: Path) -> None:
    src = source(server.url, tmp_path)
    first = src.get(12, 3263, 2133)
    assert (first.origin, first.data, first.mime) == ("network", server.body, "image/png")
    assert server.hits == ["/12/3263/2133.png"]
    second = src.get(12, 3263, 2133)
    assert second.origin == "cache" and second.data == server.body
    assert len(server.hits) == 1
    assert src.cache is not None and src.cache.path(12, 3263, 2133).read_bytes() == server.body
    assert src.status.online and src.status.kind == "ok"


def test_a_user_agent_is_sent(tmp_path: Path) -> None:
    seen: list[str] = []

    class H(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.headers.get("User-Agent", ""))
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
        assert source(url, tmp_path).get(1, 0, 0).origin == "none"
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert seen and seen[0].startswith("SiagaConsole/")


def test_when_the_server_dies_old_tiles_are_served_and_it_is_left_alone(
    server: Server, tmp_path: Path
) -> None:
    clock = FakeClock()
    src = TileSource(
        TileConfig(url=server.url, max_age_s=60, connect_timeout_s=1, backoff_s=20),
        tmp_path,
        clock=clock,
    )
    assert src.get(10, 815, 529).origin == "network"
    assert src.cache is not None
    old = time.time() - 3600
    os.utime(src.cache.path(10, 815, 529), (old, old))  # older than max_age: stale
    server.stop()

    stale = src.get(10, 815, 529)
    assert stale.origin == "stale" and stale.data == server.body
    assert not src.status.online and src.status.kind == "offline"
    assert src.get(10, 815, 530).origin == "none"  # never seen, no network
    assert not src.network_allowed()  # backing off: no request for a while
    clock.t += 21
    assert src.network_allowed()


def test_it_comes_back_online(tmp_path: Path) -> None:
    clock = FakeClock()
    dead = dead_url()
    src = TileSource(TileConfig(url=dead, connect_timeout_s=1, backoff_s=5), tmp_path, clock=clock)
    assert src.get(3, 1, 1).origin == "none" and not src.status.online
    # A server starts answering on that port: after the backoff the next tile is fetched.
    revived = Server(port=int(dead.split(":")[2].split("/")[0]))
    try:
        assert src.get(3, 1, 1).origin == "none"  # still backing off
        assert revived.hits == []
        clock.t += 6
        assert src.get(3, 1, 1).origin == "network"
        assert src.status.online and src.status.kind == "ok"
    finally:
        revived.stop()


def test_server_errors_trip_the_backoff_but_a_missing_tile_does_not(
    server: Server, tmp_path: Path
) -> None:
    src = source(server.url, tmp_path)
    server.status = 404
    assert src.get(5, 1, 1).origin == "none"
    assert src.status.online and src.network_allowed()
    server.status = 503
    assert src.get(5, 1, 2).origin == "none"
    assert not src.status.online and not src.network_allowed()
    hits = len(server.hits)
    src.get(5, 1, 3)
    assert len(server.hits) == hits  # not asked while backing off


def test_something_that_is_not_an_image_is_not_kept(server: Server, tmp_path: Path) -> None:
    server.body = b"<html>captive portal</html>"
    src = source(server.url, tmp_path)
    assert src.get(4, 2, 2).origin == "none"
    assert src.cache is not None and not src.cache.path(4, 2, 2).exists()


def test_a_broken_cache_root_is_said_and_the_network_still_serves(
    server: Server, tmp_path: Path
) -> None:
    blocker = tmp_path / "tiles"
    blocker.write_text("a file where the cache should be")
    src = source(server.url, blocker)
    assert src.cache is None
    assert src.status.kind == "cache" and not src.status.cache_ok
    assert src.get(6, 3, 3).origin == "network"


def test_a_corrupt_cached_tile_is_thrown_away_and_fetched_again(
    server: Server, tmp_path: Path
) -> None:
    src = source(server.url, tmp_path)
    assert src.cache is not None
    path = src.cache.path(7, 5, 5)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00\x00garbage")
    result = src.get(7, 5, 5)
    assert result.origin == "network" and path.read_bytes() == server.body


def test_no_server_configured_means_cache_only(server: Server, tmp_path: Path) -> None:
    online = source(server.url, tmp_path)
    online.get(8, 1, 1)
    offline = TileSource(TileConfig(url=None), tmp_path)
    assert offline.status.kind == "disabled"
    assert offline.get(8, 1, 2).origin == "none"
    assert len(server.hits) == 1
    # The cache of one tile server is not mixed with another's (or with none).
    assert offline.get(8, 1, 1).origin == "none"


@pytest.mark.parametrize(("z", "x", "y"), [(-1, 0, 0), (23, 0, 0), (2, 4, 0), (2, 0, -1)])
def test_impossible_tiles_are_refused_without_asking(
    z: int, x: int, y: int, server: Server, tmp_path: Path
) -> None:
    assert source(server.url, tmp_path).get(z, x, y).origin == "none"
    assert server.hits == []


def test_prune_keeps_the_newest_tiles(tmp_path: Path) -> None:
    cache = TileCache(tmp_path, "x")
    for i in range(5):
        cache.write(3, 0, i, png(size=8))
        t = time.time() - 100 + i
        os.utime(cache.path(3, 0, i), (t, t))
    n, total = cache.size()
    assert n == 5
    removed = cache.prune(total - 1)
    assert removed == 1 and not cache.path(3, 0, 0).exists() and cache.path(3, 0, 4).exists()


def test_image_type() -> None:
    assert image_type(png()) == "image/png"
    assert image_type(b"\xff\xd8\xff\xe0rest") == "image/jpeg"
    assert image_type(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image/webp"
    assert image_type(b"RIFF\x00\x00\x00\x00WAVE") is None
    assert image_type(b"<html>") is None


def test_tile_settings(tmp_path: Path) -> None:
    assert load_tile_config(None, {}).url == OSM_TILE_URL
    assert load_tile_config(None, {}).attribution == OSM_ATTRIBUTION
    assert load_tile_config(None, {"SIAGA_TILE_URL": "none"}).url is None
    ini = tmp_path / "siaga-console.ini"
    ini.write_text(
        "[map]\ntile_url = http://tiles.example.test/{z}/{x}/{y}.png\ntile_cache_mb = 64\n"
        "tile_max_age_days = 2\n",
        encoding="utf-8",
    )
    cfg = load_tile_config(ini, {})
    assert cfg.url == "http://tiles.example.test/{z}/{x}/{y}.png"
    assert cfg.attribution == "Map tiles: tiles.example.test"
    assert cfg.cache_max_bytes == 64 * 1024 * 1024 and cfg.max_age_s == 2 * 86400
    env = {"SIAGA_TILE_URL": "http://127.0.0.1:9/{z}/{x}/{y}.png", "SIAGA_TILE_ATTRIBUTION": "Lab"}
    cfg = load_tile_config(ini, env)
    assert (cfg.url, cfg.attribution) == (env["SIAGA_TILE_URL"], "Lab")
    ini.write_text("[map]\ntile_cache_mb = lots\n", encoding="utf-8")
    assert load_tile_config(ini, {}).cache_max_bytes == TileConfig().cache_max_bytes
