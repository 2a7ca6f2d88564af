"""The application bus: cross-panel signals and the change-feed follower.

Panels never call each other: the queue emits ``sig_incident_selected``, the map listens;
the map emits ``sig_location_picked``, the intake form listens. Changes committed by any
workstation arrive as ``sig_changes(list[FeedEntry])`` (polling the feed here; on PostgreSQL
the sync package wakes it with LISTEN/NOTIFY).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ..services.container import Services
from ..services.feed import FeedEntry
from .worker import DbWorker


class AppBus(QObject):
    sig_changes = Signal(list)  # list[FeedEntry], ordered by id
    sig_incident_selected = Signal(int)  # incident id (queue -> map, detail)
    sig_incident_activated = Signal(int)  # open its detail (map click, double click)
    sig_location_picked = Signal(float, float)  # lat, lon clicked on the map
    sig_pick_location_requested = Signal(bool)  # intake form asks the map for a click
    sig_connection_changed = Signal(bool, str)  # online, detail
    sig_actor_changed = Signal(object)  # Actor: operator switch / unlock as another user

    def __init__(self, services: Services, worker: DbWorker, interval_ms: int = 1000) -> None:
        super().__init__()
        self.services = services
        self.worker = worker
        self.last_id = 0
        self._in_flight = False
        self._online = True
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self, last_id: int) -> None:
        self.last_id = last_id
        self.timer.start()

    def poll(self) -> None:
        """Read the feed after ``last_id`` on the worker; emit what is new."""
        if self._in_flight:
            return
        self._in_flight = True
        since = self.last_id
        self.worker.submit(lambda: self.services.feed.since(since), self._on_rows, self._on_error)

    def _on_rows(self, rows: list[FeedEntry]) -> None:
        self._in_flight = False
        if not self._online:
            self._online = True
            self.sig_connection_changed.emit(True, "")
        if rows:
            self.last_id = rows[-1].id
            self.sig_changes.emit(rows)

    def _on_error(self, exc: BaseException) -> None:
        self._in_flight = False
        if self._online:
            self._online = False
            self.sig_connection_changed.emit(False, str(exc).splitlines()[0][:120])
