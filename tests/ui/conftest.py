"""UI test setup: the map's URL scheme is registered before any QApplication exists.

Also a throwaway cache directory for the map page and tiles, a real tile server on
127.0.0.1, and ``open_map`` (a MapView with the real page loaded) with helpers that ask the
page itself (JSON back from runJavaScript).
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

# Under the throwaway home the root conftest made (SIAGA_DATA_DIR lives there too).
_home = Path(os.environ.get("SIAGA_DATA_DIR") or tempfile.mkdtemp(prefix="siaga-test-")).parent
os.environ.setdefault("SIAGA_CACHE_DIR", str(_home / "cache"))

import PySide6.QtWebEngineWidgets  # noqa: E402, F401  (before the QApplication, as Qt wants)
import pytest  # noqa: E402

from siaga_console.integrations.tiles import TileSource  # noqa: E402
from siaga_console.resources import resource  # noqa: E402
from siaga_console.services.mapping import AssetSet, PageSpec, PageTexts, TileSpec  # noqa: E402
from siaga_console.ui.map.scheme import register_schemes  # noqa: E402
from siaga_console.ui.map.view import MapView  # noqa: E402
from siaga_console.ui.worker import DbWorker  # noqa: E402

register_schemes()


@pytest.fixture
def worker(qapp: Any) -> Iterator[DbWorker]:
    """The console's database worker thread, stopped after the test."""
    w = DbWorker()
    yield w
    w.stop()


def png_tile(colour: tuple[int, int, int] = (165, 214, 167), size: int = 256) -> bytes:
    """A real PNG (one colour), made without Qt so the server thread never touches Qt."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    row = b"\x00" + bytes(colour) * size
    raw = zlib.compress(row * size)
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


class TileServer:
    """Serves /{z}/{x}/{y}.png on 127.0.0.1; ``mode`` "ok" or "error" (HTTP 500)."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        self.mode = "ok"
        self.png = png_tile()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.hits.append(self.path)
                if server.mode != "ok":
                    self.send_error(500)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(server.png)))
                self.end_headers()
                self.wfile.write(server.png)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()
        self.running = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{{z}}/{{x}}/{{y}}.png"

    def stop(self) -> None:
        if self.running:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.running = False


@pytest.fixture
def tile_server() -> Iterator[TileServer]:
    server = TileServer()
    yield server
    server.stop()


@pytest.fixture
def dead_tile_url() -> str:
    """A loopback port with nothing listening (a dead tile server)."""
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png"


@pytest.fixture
def map_cache(tmp_path: Path) -> Path:
    d = tmp_path / "cache"
    d.mkdir()
    return d


def js_value(qtbot: Any, view: MapView, code: str, timeout: int = 5000) -> Any:
    """Run ``code`` in the page (it returns a JSON string) and return the parsed value."""
    box: dict[str, Any] = {}
    view.run_json(code, lambda v: box.setdefault("v", v))
    qtbot.waitUntil(lambda: "v" in box, timeout=timeout)
    return box["v"]


def page_state(qtbot: Any, view: MapView) -> dict[str, Any]:
    state = js_value(qtbot, view, "SiagaMap.state()")
    assert isinstance(state, dict)
    return state


def push(qtbot: Any, view: MapView, *ops: dict[str, Any], timeout: int = 5000) -> int:
    """Send operations through the bridge and wait until the page has applied them."""
    for op in ops:
        view.bridge.send(op)
    expected = view.bridge.last_seq + 1
    with qtbot.waitSignal(
        view.bridge.sig_applied, timeout=timeout, check_params_cb=lambda seq, ms: seq >= expected
    ):
        assert view.bridge.flush() == expected
    return expected


def page_spec(
    texts: PageTexts | None = None,
    tiles: TileSpec | None = None,
    assets: AssetSet | None = None,
) -> PageSpec:
    return PageSpec(
        resource("geo", "serang_kecamatan.geojson"),
        resource("geo", "serang_kelurahan.geojson"),
        assets or AssetSet(resource("map")),
        texts or PageTexts(),
        tiles or TileSpec(url=None),
    )


@pytest.fixture
def open_map(qtbot: Any, map_cache: Path) -> Iterator[Callable[..., MapView]]:
    """Build a MapView, load the real page, wait until the page says it is ready."""
    views: list[MapView] = []

    def make(
        tile_source: TileSource | None = None,
        spec: PageSpec | None = None,
        wait: bool = True,
        size: tuple[int, int] = (900, 700),
    ) -> MapView:
        view = MapView(tile_source, map_cache / "map")
        qtbot.addWidget(view)
        views.append(view)
        view.resize(*size)
        view.show()
        if wait:
            with qtbot.waitSignal(view.sig_page_ready, timeout=30_000):
                view.load_spec(spec or page_spec())
        else:
            view.load_spec(spec or page_spec())
        return view

    yield make
    for view in views:
        view.shutdown()
