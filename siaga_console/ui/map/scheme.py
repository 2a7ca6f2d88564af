"""The ``siagatile:`` URL scheme: the map page's tiles, answered from the cache or the network.

``register_schemes()`` must run before the QApplication exists (Qt's rule for custom schemes).
The handler hands every request to a small thread pool running ``TileSource.get`` (disk and
network never block the GUI thread) and replies on the GUI thread.
"""

from __future__ import annotations

import logging
import re
from concurrent.futures import ThreadPoolExecutor

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Signal, Slot
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from ...integrations.tiles import TileResult, TileSource, TileStatus

log = logging.getLogger(__name__)

TILE_SCHEME = b"siagatile"
_TILE_PATH = re.compile(r"^/?tiles/(\d{1,2})/(\d{1,8})/(\d{1,8})(?:\.\w+)?$")


def register_schemes() -> None:
    """Register the map's URL schemes. Call once, before the QApplication is created."""
    if schemes_registered():
        return
    scheme = QWebEngineUrlScheme(TILE_SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Path)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalScheme
        | QWebEngineUrlScheme.Flag.LocalAccessAllowed
        | QWebEngineUrlScheme.Flag.CorsEnabled
    )
    QWebEngineUrlScheme.registerScheme(scheme)


def schemes_registered() -> bool:
    return bytes(QWebEngineUrlScheme.schemeByName(TILE_SCHEME).name().data()) == TILE_SCHEME


def parse_tile_path(path: str) -> tuple[int, int, int] | None:
    m = _TILE_PATH.match(path)
    if not m:
        return None
    z, x, y = (int(g) for g in m.groups())
    return z, x, y


class TileSchemeHandler(QWebEngineUrlSchemeHandler):
    sig_status = Signal(object)  # TileStatus, when it changes
    _sig_done = Signal(int, object)  # job key, TileResult (from a pool thread)

    def __init__(self, source: TileSource, parent: QObject | None = None, workers: int = 4) -> None:
        super().__init__(parent)
        self.source = source
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="siaga-tiles")
        self._jobs: dict[int, QWebEngineUrlRequestJob] = {}
        self._next = 0
        self._status: TileStatus = source.status
        self.served: dict[str, int] = {}  # origin -> count (cache, network, stale, none)
        self._sig_done.connect(self._on_done)

    @property
    def status(self) -> TileStatus:
        return self._status

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        tile = parse_tile_path(job.requestUrl().path())
        if tile is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlInvalid)
            return
        self._next += 1
        key = self._next
        self._jobs[key] = job
        job.destroyed.connect(lambda *_: self._jobs.pop(key, None))
        z, x, y = tile
        try:
            fut = self._pool.submit(self.source.get, z, x, y)
        except RuntimeError:  # the pool is shut down: the console is closing
            self._jobs.pop(key, None)
            job.fail(QWebEngineUrlRequestJob.Error.RequestAborted)
            return
        fut.add_done_callback(lambda f: self._sig_done.emit(key, f))

    @Slot(int, object)
    def _on_done(self, key: int, fut: object) -> None:
        job = self._jobs.pop(key, None)
        try:
            result: TileResult = fut.result()  # type: ignore[attr-defined]
        except Exception:
            log.exception("tile lookup failed")
            result = TileResult(None, "", "none")
        self.served[result.origin] = self.served.get(result.origin, 0) + 1
        self._check_status()
        if job is None or not shiboken6.isValid(job):
            return  # the page no longer wants it
        if result.data is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buf = QBuffer(job)
        buf.setData(QByteArray(result.data))
        buf.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(result.mime.encode(), buf)

    def _check_status(self) -> None:
        st = self.source.status
        if st != self._status:
            self._status = st
            self.sig_status.emit(st)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self.source.close()
