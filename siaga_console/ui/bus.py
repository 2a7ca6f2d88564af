"""The application bus: cross-panel signals and the change-feed follower.

Panels never call each other: the queue emits ``sig_incident_selected``, the map listens;
the map emits ``sig_location_picked``, the intake form listens. Changes committed by any
workstation arrive as ``sig_changes(list[FeedEntry])``, ordered by id, each entry once.

How changes are noticed (the Qt-free parts are in ``siaga_console/sync``):
- PostgreSQL: a ``PgListener`` thread LISTENs on a dedicated connection; a NOTIFY (sent
  by the committing transaction) makes that thread read the feed at once (not the DB
  worker, which may be busy with a long query) and post the rows here. Polling (on the
  worker) stays on as a safety net at ``safety_interval_ms``.
- SQLite, or while LISTEN is down: polling every ``interval_ms``.
- The database does not answer: ``sig_connection_changed(False, detail)`` at once, then
  retries with backoff; when a read succeeds again, ``sig_connection_changed(True, "")``.
The feed id is the truth (``FeedFollower``): a dropped, early or late notification only
changes *when* a read happens, never *what* is delivered.
"""

from __future__ import annotations

import contextlib
import logging
import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from ..services.container import Services
from ..services.feed import FeedEntry
from ..sync.connection import Backoff
from ..sync.follower import FeedFollower, FeedReader
from ..sync.listener import PgListener
from .worker import DbWorker

log = logging.getLogger(__name__)

MODE_LISTEN, MODE_POLL, MODE_OFFLINE = "listen", "poll", "offline"


class AppBus(QObject):
    sig_changes = Signal(list)  # list[FeedEntry], ordered by id
    sig_incident_selected = Signal(int)  # incident id (queue -> map, detail)
    sig_incident_activated = Signal(int)  # open its detail (map click, double click)
    sig_location_picked = Signal(float, float)  # lat, lon clicked on the map
    sig_pick_location_requested = Signal(bool)  # intake form asks the map for a click
    sig_connection_changed = Signal(bool, str)  # online, detail
    sig_actor_changed = Signal(object)  # Actor: operator switch / unlock as another user
    sig_sync_mode_changed = Signal(str)  # "listen", "poll" or "offline"
    _sig_wake = Signal(str)  # from the listener thread (queued to this object's thread)
    _sig_listen_state = Signal(bool, str)
    _sig_rows = Signal(list)  # feed rows read on any thread, posted in the order read

    def __init__(
        self,
        services: Services,
        worker: DbWorker,
        interval_ms: int = 1000,
        *,
        listen: bool = True,
        safety_interval_ms: int = 10_000,
        backoff: Backoff | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self.worker = worker
        self.interval_ms = interval_ms
        self.safety_interval_ms = safety_interval_ms
        self.follower = FeedFollower(FeedReader(services.ctx))
        self.backoff = backoff or Backoff(initial=1.0, maximum=5.0)
        self.listener: PgListener | None = None
        self._listen_wanted = listen and services.engine.dialect.name == "postgresql"
        self._listening = False
        self._in_flight = False
        self._again = False
        self._online = True
        self._mode = ""
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self._post_lock = threading.Lock()
        self._sig_wake.connect(self._on_wake)
        self._sig_listen_state.connect(self._on_listen_state)
        self._sig_rows.connect(self._on_rows)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    # -- life cycle ------------------------------------------------------------------------
    def start(self, last_id: int) -> None:
        self.follower.reset(last_id)
        self.timer.start()
        if self._listen_wanted and self.listener is None:
            url = self.services.engine.url.render_as_string(hide_password=False)
            self.listener = PgListener(url, self._wake_from_thread, self._state_from_thread)
            self.listener.start()
        self._set_mode()

    @Slot()
    def stop(self) -> None:
        self.timer.stop()
        if self.listener is not None:
            self.listener.stop()
            self.listener = None

    @property
    def last_id(self) -> int:
        return self.follower.high

    @property
    def online(self) -> bool:
        return self._online

    @property
    def mode(self) -> str:
        return self._mode

    # -- the listener thread's callbacks (never touch Qt objects there but signals) ----------
    def _wake_from_thread(self, payload: str | None) -> None:
        """A NOTIFY: read the feed right here on the listener thread (the DB worker may be
        busy with a long query) and post the rows; on any failure let the poll report."""
        try:
            try:
                self._fetch_and_post()
            except Exception:
                self._sig_wake.emit(payload or "")
        except RuntimeError:  # the bus is gone (window closed): stop listening
            if self.listener is not None:
                self.listener._stop.set()

    def _state_from_thread(self, listening: bool, detail: str) -> None:
        with contextlib.suppress(RuntimeError):
            self._sig_listen_state.emit(listening, detail)

    @Slot(str)
    def _on_wake(self, _payload: str) -> None:
        self.poll()

    @Slot(bool, str)
    def _on_listen_state(self, listening: bool, _detail: str) -> None:
        self._listening = listening
        self._set_mode()

    # -- following the feed ------------------------------------------------------------------
    def _fetch_and_post(self) -> None:
        """Any thread: read what is new and post it to the bus's thread, in read order."""
        with self._post_lock:
            self._sig_rows.emit(self.follower.fetch())

    @Slot()
    def poll(self) -> None:
        """Read what is new on the worker; emit it. A wake-up during a read reads again."""
        if self._in_flight:
            self._again = True
            return
        self._in_flight = True
        self._again = False
        self.worker.submit(self._fetch_and_post, self._on_poll_done, self._on_error)

    def _on_poll_done(self, _result: object) -> None:
        self._in_flight = False
        if self._again:
            self.poll()

    @Slot(list)
    def _on_rows(self, rows: list[FeedEntry]) -> None:
        if not self._online:
            self._online = True
            self.backoff.reset()
            self.sig_connection_changed.emit(True, "")
        self._set_mode()
        if rows:
            self.sig_changes.emit(rows)

    def _on_error(self, exc: BaseException) -> None:
        self._in_flight = False
        self._again = False
        delay_ms = int(self.backoff.next_delay() * 1000)
        if self.timer.isActive():
            self.timer.start(delay_ms)
        if self._online:
            self._online = False
            log.warning("feed read failed: %s", exc)
            self.sig_connection_changed.emit(False, _first_line(exc))
        self._set_mode()

    def _set_mode(self) -> None:
        if not self._online:
            mode = MODE_OFFLINE
        elif self._listening:
            mode = MODE_LISTEN
        else:
            mode = MODE_POLL
        if mode != MODE_OFFLINE and self.timer.isActive():
            wanted = self.safety_interval_ms if mode == MODE_LISTEN else self.interval_ms
            if self.timer.interval() != wanted:
                self.timer.setInterval(wanted)
        if mode != self._mode:
            self._mode = mode
            self.sig_sync_mode_changed.emit(mode)


def _first_line(exc: BaseException) -> str:
    """The gist of a driver error for the status bar: "Connection refused", not libpq's
    whole sentence with host and port."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    if not text:
        return type(exc).__name__
    return text[0].rsplit("failed: ", 1)[-1].strip()[:80]
