"""The one QWebChannel object between Python and the map page.

Python → page: ``send(op)`` queues an operation; queued operations go out together as one
JSON batch on ``sig_push`` once the page has said it is ready (Anki's webview pattern: calls
made while the page loads wait instead of being lost). Page → Python: the slots below,
called by ``resources/map/siaga-map.js``, re-emitted as signals.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

log = logging.getLogger(__name__)


class MapBridge(QObject):
    sig_push = Signal(str)  # a batch {"seq": n, "ops": [...]} for the page
    sig_ready = Signal(dict)  # the page is up: {"leaflet": version, "page": version}
    sig_reset = Signal()  # the page is (re)loading: what it showed is gone
    sig_marker_clicked = Signal(str, int)  # "incident" / "unit", id
    sig_map_clicked = Signal(float, float)  # lat, lon (only while picking)
    sig_js_error = Signal(str)
    sig_applied = Signal(int, float)  # batch seq, milliseconds the page took
    sig_select_result = Signal(int, bool)  # incident id, shown on the map

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ready = False
        self.info: dict[str, Any] = {}
        self._queue: list[dict[str, Any]] = []
        self._seq = 0
        self.applied_seq = 0
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self.flush)

    @property
    def queued(self) -> int:
        return len(self._queue)

    @property
    def last_seq(self) -> int:
        return self._seq

    def send(self, op: dict[str, Any]) -> None:
        """Queue one operation; it goes out with the others of this event-loop turn."""
        self._queue.append(op)
        if self.ready and not self._flush_timer.isActive():
            self._flush_timer.start()

    def flush(self) -> int:
        """Send what is queued now (when the page is ready); returns the batch number or 0."""
        self._flush_timer.stop()
        if not self.ready or not self._queue:
            return 0
        ops, self._queue = self._queue, []
        self._seq += 1
        batch = {"seq": self._seq, "ops": ops}
        self.sig_push.emit(json.dumps(batch, ensure_ascii=False, separators=(",", ":")))
        return self._seq

    def reset(self) -> None:
        """The page is (re)loading: what it showed is gone and calls wait again until it is
        ready. Calls already queued stay queued (they were never delivered)."""
        self.ready = False
        self._flush_timer.stop()
        self.sig_reset.emit()

    # -- called by the page ---------------------------------------------------------------
    @Slot(str)
    def page_ready(self, info: str) -> None:
        if self.ready:  # a new document we were not told about: it shows nothing yet
            self.reset()
        try:
            self.info = dict(json.loads(info))
        except (ValueError, TypeError):
            self.info = {}
        self.ready = True
        self.sig_ready.emit(self.info)
        self.flush()

    @Slot(str, int)
    def marker_clicked(self, kind: str, ident: int) -> None:
        self.sig_marker_clicked.emit(kind, ident)

    @Slot(float, float)
    def map_clicked(self, lat: float, lon: float) -> None:
        self.sig_map_clicked.emit(lat, lon)

    @Slot(str)
    def js_error(self, message: str) -> None:
        log.warning("map page: %s", message)
        self.sig_js_error.emit(message)

    @Slot(int, float)
    def applied(self, seq: int, ms: float) -> None:
        self.applied_seq = max(self.applied_seq, seq)
        self.sig_applied.emit(seq, ms)

    @Slot(int, bool)
    def select_result(self, ident: int, shown: bool) -> None:
        self.sig_select_result.emit(ident, shown)
