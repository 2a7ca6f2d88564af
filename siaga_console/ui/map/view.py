"""The map widget: the web view with the folium page, a banner for problems, an info line.

Nothing here talks to the database. The page is built (or taken from the cache) on a
background thread, loaded from a local file, and only local URLs may load: a request
interceptor blocks everything else. Problems (no tiles, broken cache, a script error, a page
that does not start) are said in the banner; the rest of the console never waits on the map.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineSettings,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ...integrations.tiles import TileSource, TileStatus
from ...services.mapping import PageSpec, ensure_page
from ..error_texts import error_text
from .bridge import MapBridge
from .scheme import TILE_SCHEME, TileSchemeHandler, schemes_registered
from .webpage import LocalOnly, MapPage

log = logging.getLogger(__name__)

READY_TIMEOUT_MS = 15_000


class _Relay(QObject):
    sig_result = Signal(object, object)  # result, exception


class MapView(QWidget):
    """The map panel. ``bridge`` is the page's QWebChannel object."""

    sig_page_ready = Signal()

    def __init__(
        self,
        tile_source: TileSource | None,
        page_dir: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("map_view")
        self.page_dir = page_dir
        self.problems: dict[str, str] = {}
        self.page_path: Path | None = None
        self.load_count = 0
        self.console_errors: list[str] = []
        self._dismissed: set[str] = set()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = QWidget(self)
        self.banner.setObjectName("map_banner")
        self.banner.setStyleSheet(
            "#map_banner { background: #fff3cd; border-bottom: 1px solid #d39e00; }"
            "#map_banner QLabel { color: #5c4400; padding: 4px 6px; }"
        )
        b_layout = QHBoxLayout(self.banner)
        b_layout.setContentsMargins(0, 0, 4, 0)
        self.banner_label = QLabel(self.banner)
        self.banner_label.setObjectName("map_banner_text")
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self.banner)
        close.setText("✕")
        close.setToolTip(self.tr("Hide this message"))
        close.setAutoRaise(True)
        close.clicked.connect(self._dismiss_banner)
        b_layout.addWidget(self.banner_label, 1)
        b_layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.banner.hide()
        layout.addWidget(self.banner)

        # The view first, the profile after it: children are deleted in creation order and
        # a page must go before its profile.
        self.view = QWebEngineView(self)
        self.view.setObjectName("map_webview")
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        layout.addWidget(self.view, 1)
        self.profile = QWebEngineProfile(self)  # off the record: no disk cache, no cookies
        self.interceptor = LocalOnly(self.profile)
        self.profile.setUrlRequestInterceptor(self.interceptor)
        self.tiles: TileSchemeHandler | None = None
        if tile_source is not None and schemes_registered():
            self.tiles = TileSchemeHandler(tile_source, self.profile)
            self.profile.installUrlSchemeHandler(TILE_SCHEME, self.tiles)
            self.tiles.sig_status.connect(self._on_tile_status)
            self._on_tile_status(tile_source.status)
        elif tile_source is not None:
            log.warning("the siagatile: scheme is not registered; the map shows no tiles")
        self.page = MapPage(self.profile, self.view)
        settings = self.page.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        settings.setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False
        )
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
        self.bridge = MapBridge(self)
        self._theme_sent = ""
        self._paint_background()  # no bright flash before a dark page is ready
        self.channel = QWebChannel(self.page)
        self.channel.registerObject("siaga", self.bridge)
        self.page.setWebChannel(self.channel)
        self.view.setPage(self.page)
        self.page.loadFinished.connect(self._on_load_finished)
        self.page.renderProcessTerminated.connect(self._on_render_terminated)
        self.page.sig_console_error.connect(self._on_console_error)
        self.bridge.sig_js_error.connect(self._on_js_error)
        self.bridge.sig_ready.connect(self._on_ready)

        self.info = QWidget(self)
        self.info.setObjectName("map_info")
        i_layout = QHBoxLayout(self.info)
        i_layout.setContentsMargins(6, 2, 4, 2)
        self.info_label = QLabel(self.info)
        self.info_label.setObjectName("map_info_text")
        self.info_label.setWordWrap(True)
        self.info_button = QToolButton(self.info)
        self.info_button.setObjectName("map_info_button")
        self.info_button.hide()
        i_layout.addWidget(self.info_label, 1)
        i_layout.addWidget(self.info_button)
        self.info.hide()
        layout.addWidget(self.info)
        self._info_timer = QTimer(self)
        self._info_timer.setSingleShot(True)
        self._info_timer.timeout.connect(self.info.hide)
        self._info_action: Callable[[], None] | None = None
        self.info_button.clicked.connect(self._on_info_button)

        self._ready_timer = QTimer(self)
        self._ready_timer.setSingleShot(True)
        self._ready_timer.setInterval(READY_TIMEOUT_MS)  # set_ready_timeout() changes it
        self._ready_timer.timeout.connect(self._on_ready_timeout)
        self._relay = _Relay(self)
        self._relay.sig_result.connect(self._on_page_built)
        self._html: str | None = None
        self._shut_down = False

    # -- loading ----------------------------------------------------------------------------
    def load_spec(self, spec: PageSpec) -> None:
        """Build (or reuse) the page on a background thread, then load it."""
        page_dir = self.page_dir

        def work() -> None:
            try:
                try:
                    result: Any = ensure_page(spec, page_dir)
                except OSError as exc:  # cache not writable: show it from memory
                    log.warning("map page cache not writable (%s); loading from memory", exc)
                    result = spec.build()
                self._relay.sig_result.emit(result, None)
            except BaseException as exc:
                self._relay.sig_result.emit(None, exc)

        threading.Thread(target=work, name="siaga-map-page", daemon=True).start()

    @Slot(object, object)
    def _on_page_built(self, result: Any, exc: BaseException | None) -> None:
        if exc is not None:
            log.error("map page could not be built", exc_info=exc)
            self.set_problem(
                "page",
                self.tr("The map page could not be built: {error}").format(error=error_text(exc)),
            )
            return
        if isinstance(result, str):
            self._html = result
            self.page_path = None
        else:
            self._html = None
            self.page_path = result.path
        self.reload()

    def load_file(self, path: Path) -> None:
        """Show another page file (the benchmark's baseline); the bridge starts over."""
        self._html, self.page_path = None, path
        self.reload()

    def reload(self) -> None:
        """(Re)load the page. Every load goes through here: the bridge forgets the old page
        first (QWebEnginePage does not always say loadStarted for a second load)."""
        if self._shut_down:
            return  # the page was built after the console started closing
        self.load_count += 1
        self.bridge.reset()
        for key in ("script", "page"):
            self.set_problem(key, None)
        self._dismissed.clear()
        self.console_errors.clear()
        if self.page_path is not None:
            self.page.load(QUrl.fromLocalFile(str(self.page_path)))
        elif self._html is not None:
            self.page.setHtml(self._html, QUrl.fromLocalFile(str(self.page_dir / "page.html")))

    def _on_load_finished(self, ok: bool) -> None:
        if not ok:
            self.set_problem("page", self.tr("The map page could not be loaded."))
            return
        if not self.bridge.ready:
            self._ready_timer.start()

    def set_ready_timeout(self, ms: int) -> None:
        """How long a loaded page may take to say it is ready before the banner says so."""
        self._ready_timer.setInterval(ms)

    def _on_ready(self, info: dict[str, Any]) -> None:
        self._ready_timer.stop()
        self.set_problem("page", None)
        self._send_theme(force=True)  # a (re)loaded page starts light
        self.sig_page_ready.emit()

    # -- theme ------------------------------------------------------------------------------
    @property
    def dark(self) -> bool:
        """The console's theme, read from the palette (a theme switch changes it)."""
        return self.palette().color(QPalette.ColorRole.Window).lightness() < 128

    def _paint_background(self) -> None:
        self.page.setBackgroundColor(QColor("#1e2327" if self.dark else "#e3e8eb"))

    def _send_theme(self, force: bool = False) -> None:
        name = "dark" if self.dark else "light"
        self._paint_background()
        if force or name != self._theme_sent:
            self._theme_sent = name
            self.bridge.send({"op": "theme", "name": name})

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.bridge.ready:
            self._send_theme()  # the page follows a switch at once, without a reload

    def _on_ready_timeout(self) -> None:
        uncaught = [m for m in self.console_errors if m.startswith("Uncaught")]
        first = (uncaught or self.console_errors or [self.tr("no answer")])[0]
        self.set_problem("page", self.tr("The map did not start: {error}").format(error=first))

    def _on_render_terminated(self, status: Any, code: int) -> None:
        self.set_problem("page", self.tr("The map stopped unexpectedly; reloading it."))
        QTimer.singleShot(1500, self.reload)

    # -- problems ---------------------------------------------------------------------------
    def _on_console_error(self, message: str) -> None:
        log.info("map page console: %s", message)
        if len(self.console_errors) < 50:
            self.console_errors.append(message)
        # Uncaught exceptions only: failed tile loads are said by the tile status instead.
        if self.bridge.ready and message.startswith("Uncaught"):
            self._on_js_error(message)

    def _on_js_error(self, message: str) -> None:
        self.set_problem("script", self.tr("Map script error: {error}").format(error=message))

    def _on_tile_status(self, status: TileStatus) -> None:
        if status.kind == "offline":
            text = self.tr(
                "No connection to the map tile server: the map shows only areas already seen. "
                "Districts, incidents and units stay up to date."
            )
        elif status.kind == "cache":
            text = self.tr("The map tile cache cannot be used ({detail}).").format(
                detail=status.detail
            )
        else:
            text = None
        self.set_problem("tiles", text)

    def set_problem(self, key: str, text: str | None) -> None:
        if text is None:
            if self.problems.pop(key, None) is None:
                return
        else:
            if self.problems.get(key) == text:
                return
            self.problems[key] = text
            self._dismissed.discard(key)
        self._update_banner()

    def _update_banner(self) -> None:
        shown = [t for k, t in self.problems.items() if k not in self._dismissed]
        self.banner_label.setText("\n".join(shown))
        self.banner.setVisible(bool(shown))

    def _dismiss_banner(self) -> None:
        self._dismissed.update(self.problems)
        self._update_banner()

    # -- info line --------------------------------------------------------------------------
    def show_info(
        self,
        text: str,
        timeout_ms: int = 8000,
        action: tuple[str, Callable[[], None]] | None = None,
    ) -> None:
        """A line under the map (pick prompts, what was found). ``timeout_ms`` 0: stays."""
        self.info_label.setText(text)
        self._info_action = action[1] if action else None
        self.info_button.setVisible(action is not None)
        if action:
            self.info_button.setText(action[0])
        self.info.show()
        if timeout_ms:
            self._info_timer.start(timeout_ms)
        else:
            self._info_timer.stop()

    def hide_info(self) -> None:
        self._info_timer.stop()
        self.info.hide()

    def _on_info_button(self) -> None:
        action = self._info_action
        self.hide_info()
        if action is not None:
            action()

    # -- JavaScript -------------------------------------------------------------------------
    def run_json(self, code: str, callback: Callable[[Any], None]) -> None:
        """Run ``code`` (which must return a JSON string) and hand the parsed value on."""

        def done(value: Any) -> None:
            try:
                callback(json.loads(value) if isinstance(value, str) and value else None)
            except ValueError:
                callback(None)

        self.page.runJavaScript(code, 0, done)

    def selftest_probe(self, callback: Callable[[str], None], timeout_ms: int = 20_000) -> None:
        """Wait for the page, then check from it: Leaflet, 6 kecamatan and 67 kelurahan."""
        probe = _Probe(self, callback, timeout_ms)
        probe.start()

    def shutdown(self) -> None:
        """At quit: stop the tile threads and delete the page now, before its profile (Qt
        warns, and may crash at exit, when a profile goes before its pages)."""
        if self._shut_down:
            return
        self._shut_down = True
        self._ready_timer.stop()
        if self.tiles is not None:
            self.tiles.shutdown()
        if shiboken6.isValid(self.view):
            shiboken6.delete(self.view)  # with it its page and the page's web channel


class _Probe(QObject):
    def __init__(self, view: MapView, callback: Callable[[str], None], timeout_ms: int) -> None:
        super().__init__(view)
        self.view = view
        self.callback: Callable[[str], None] | None = callback
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(self._on_timeout)

    def start(self) -> None:
        if self.view.bridge.ready:
            self._check()
            return
        self.view.bridge.sig_ready.connect(self._on_ready)
        self.timer.start()

    def set_ready_timeout(self, ms: int) -> None:
        """How long a loaded page may take to say it is ready before the banner says so."""
        self._ready_timer.setInterval(ms)

    def _on_ready(self, info: dict[str, Any]) -> None:
        self.view.bridge.sig_ready.disconnect(self._on_ready)
        self.timer.stop()
        self._check()

    def _on_timeout(self) -> None:
        problems = "; ".join(self.view.problems.values()) or "no answer"
        self._finish(f"page not ready ({problems})"[:200])

    def _check(self) -> None:
        self.view.run_json("SiagaMap.state()", self._on_state)

    def _on_state(self, state: Any) -> None:
        if not isinstance(state, dict):
            self._finish("no state from the page")
        elif not state.get("leaflet"):
            self._finish("Leaflet not loaded")
        elif state.get("kecamatan") != 6 or state.get("kelurahan") != 67:
            self._finish(f"kecamatan={state.get('kecamatan')} kelurahan={state.get('kelurahan')}")
        else:
            self._finish("ok")

    def _finish(self, verdict: str) -> None:
        callback, self.callback = self.callback, None
        if callback is not None:
            callback(verdict)
        self.deleteLater()
