"""Keeps the map in step with the database and the other panels.

Reads go through the database worker (never on the GUI thread); what changed arrives as
``bus.sig_changes`` and only the changed incidents and units are read again and pushed to
the page. Selection is two-way (queue → map highlight, marker click → queue + detail), and
while the intake form asks for a location the next map click is checked against the real
boundaries and handed back as ``bus.sig_location_picked``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer

from ...domain.errors import ValidationError
from ...domain.geo import Gazetteer
from ...resources import resource
from ...services.container import Services
from ...services.feed import FeedEntry
from ...services.mapping import AssetSet, PageSpec, TileSpec
from ...services.mapping.live import LiveLayer
from ...services.mapping.symbols import (
    Labels,
    choropleth_item,
    incident_item,
    on_map,
    unit_item,
)
from ...services.views import IncidentRow, UnitRow
from ..bus import AppBus
from ..error_texts import error_text
from ..worker import DbWorker
from .texts import category_labels, make_labels, make_page_texts
from .view import MapView

log = logging.getLogger(__name__)

CHOROPLETH_DELAY_MS = 2000


@dataclass(frozen=True)
class Snapshot:
    incidents: list[IncidentRow]
    units: list[UnitRow]
    counts: dict[str, int]
    shift_end: datetime
    now: datetime


class MapController(QObject):
    def __init__(
        self,
        view: MapView,
        services: Services,
        worker: DbWorker,
        bus: AppBus | None,
        gazetteer: Gazetteer,
        language: str = "id",
        tiles: TileSpec | None = None,
        reveal: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.bridge = view.bridge
        self.services = services
        self.worker = worker
        self.bus = bus
        self.gazetteer = gazetteer
        self.language = language
        self.tiles = tiles or TileSpec()
        self.reveal = reveal
        self.labels: Labels | None = None
        self.kecamatan_names = {code: name for code, name in gazetteer.kecamatan}
        self.incidents: dict[int, IncidentRow] = {}
        self.units: dict[int, UnitRow] = {}
        self.counts: dict[str, int] = {}
        self.selected: int | None = None
        self.picking = False
        self.live_incidents = LiveLayer("incidents")  # what the page shows
        self.live_units = LiveLayer("units")
        self._synced = False  # the page has (or has queued) the full state
        self._loaded = False
        self._busy = False
        self._pending_incidents: set[int] = set()
        self._pending_units: set[int] = set()
        self._choropleth_timer = QTimer(self)
        self._choropleth_timer.setSingleShot(True)
        self._choropleth_timer.setInterval(CHOROPLETH_DELAY_MS)
        self._choropleth_timer.timeout.connect(self.refresh_choropleth)
        self._shift_timer = QTimer(self)
        self._shift_timer.setSingleShot(True)
        self._shift_timer.timeout.connect(self.refresh_choropleth)

        self.bridge.sig_ready.connect(self._on_page_ready)
        self.bridge.sig_reset.connect(self._on_page_reset)
        self.bridge.sig_marker_clicked.connect(self._on_marker_clicked)
        self.bridge.sig_map_clicked.connect(self._on_map_clicked)
        self.bridge.sig_select_result.connect(self._on_select_result)
        if bus is not None:
            bus.sig_changes.connect(self.on_changes)
            bus.sig_incident_selected.connect(self.select_incident)
            bus.sig_pick_location_requested.connect(self.set_picking)

    # -- start ------------------------------------------------------------------------------
    def start(self) -> None:
        """Read the reference data, build or reuse the page, read the live layers."""
        services = self.services

        def read() -> tuple[dict[str, str], dict[str, str]]:
            cats = category_labels(services.reference.categories(), self.language)
            return cats, services.reference.agencies()

        self.worker.submit(read, self._on_reference, self._on_error)

    def _on_reference(self, result: tuple[dict[str, str], dict[str, str]]) -> None:
        categories, agencies = result
        self.labels = make_labels(categories, agencies)
        spec = PageSpec(
            resource("geo", "serang_kecamatan.geojson"),
            resource("geo", "serang_kelurahan.geojson"),
            AssetSet(resource("map")),
            make_page_texts(self.labels),
            self.tiles,
        )
        self.view.load_spec(spec)
        self.refresh_all()

    def _on_error(self, exc: BaseException) -> None:
        log.warning("map data not read: %s", exc)
        self._busy = False
        self.view.set_problem(
            "data",
            self.tr("The map could not read the incidents: {error}").format(error=error_text(exc)),
        )

    # -- full refresh -----------------------------------------------------------------------
    def refresh_all(self) -> None:
        services = self.services

        def read() -> Snapshot:
            now = services.ctx.clock()
            shift = services.reference.schedule().at(now)
            rows = [r for r in services.incidents.queue() if on_map(r)]
            counts = services.stats.breakdown(shift.start, shift.end).incidents_by_kecamatan
            return Snapshot(rows, services.dispatch.units(), counts, shift.end, now)

        self.worker.submit(read, self._on_snapshot, self._on_error)

    def _on_snapshot(self, snap: Snapshot) -> None:
        self.view.set_problem("data", None)
        self.incidents = {r.id: r for r in snap.incidents}
        self.units = {u.id: u for u in snap.units}
        self.counts = dict(snap.counts)
        self._loaded = True
        self._schedule_shift_change(snap.shift_end, snap.now)
        self.push_all()

    def push_all(self) -> None:
        """Send the whole state (replacing what the page shows)."""
        if self.labels is None or not self._loaded:
            return
        labels = self.labels
        self._send(
            self.live_incidents.replace(
                incident_item(r, labels) for r in self.incidents.values() if on_map(r)
            )
        )
        self._send(
            self.live_units.replace(
                unit_item(u, labels)
                for u in self.units.values()
                if u.latitude is not None and u.longitude is not None
            )
        )
        self.bridge.send({"op": "choropleth", **choropleth_item(self.counts, self.kecamatan_names)})
        if self.selected is not None:
            self.bridge.send({"op": "select", "id": self.selected})
        self.bridge.send({"op": "pick", "on": self.picking})
        self._synced = True

    def _send(self, op: dict[str, Any] | None) -> None:
        if op is not None:
            self.bridge.send(op)

    def _on_page_ready(self, info: dict[str, Any]) -> None:
        if not self._synced:
            self.push_all()

    def _on_page_reset(self) -> None:
        self._synced = False
        self.live_incidents.reset()
        self.live_units.reset()

    # -- changes ----------------------------------------------------------------------------
    def on_changes(self, entries: Iterable[FeedEntry]) -> None:
        touched = False
        for e in entries:
            if e.entity_id is None:
                continue
            if e.entity == "incident":
                self._pending_incidents.add(e.entity_id)
                touched = True
            elif e.entity == "unit":
                self._pending_units.add(e.entity_id)
        if touched and not self._choropleth_timer.isActive():
            self._choropleth_timer.start()
        self._kick()

    def _kick(self) -> None:
        if self._busy or not (self._pending_incidents or self._pending_units):
            return
        inc_ids, self._pending_incidents = sorted(self._pending_incidents), set()
        unit_ids, self._pending_units = sorted(self._pending_units), set()
        services = self.services
        self._busy = True

        def read() -> tuple[list[int], list[IncidentRow], list[int], list[UnitRow]]:
            rows = services.incidents.rows(inc_ids) if inc_ids else []
            units = services.dispatch.units(unit_ids) if unit_ids else []
            return inc_ids, rows, unit_ids, units

        self.worker.submit(read, self._on_changed_rows, self._on_error)

    def _on_changed_rows(
        self, result: tuple[list[int], list[IncidentRow], list[int], list[UnitRow]]
    ) -> None:
        self._busy = False
        inc_ids, rows, unit_ids, units = result
        self.apply_rows(inc_ids, rows, unit_ids, units)
        self._kick()

    def apply_rows(
        self,
        inc_ids: Iterable[int],
        rows: Iterable[IncidentRow],
        unit_ids: Iterable[int],
        units: Iterable[UnitRow],
    ) -> None:
        """Upsert what is on the map, remove what left it (closed, merged, no position)."""
        by_id = {r.id: r for r in rows}
        items, gone = [], []
        for ident in inc_ids:
            row = by_id.get(ident)
            if row is not None and on_map(row):
                self.incidents[ident] = row
                if self.labels is not None:
                    items.append(incident_item(row, self.labels))
            else:
                self.incidents.pop(ident, None)
                gone.append(ident)
        self._send(self.live_incidents.update(items, gone))
        u_by_id = {u.id: u for u in units}
        u_items, u_gone = [], []
        for ident in unit_ids:
            unit = u_by_id.get(ident)
            if unit is not None and unit.latitude is not None and unit.longitude is not None:
                self.units[ident] = unit
                if self.labels is not None:
                    u_items.append(unit_item(unit, self.labels))
            else:
                self.units.pop(ident, None)
                u_gone.append(ident)
        self._send(self.live_units.update(u_items, u_gone))

    # -- choropleth -------------------------------------------------------------------------
    def refresh_choropleth(self) -> None:
        services = self.services

        def read() -> tuple[dict[str, int], datetime, datetime]:
            now = services.ctx.clock()
            shift = services.reference.schedule().at(now)
            counts = services.stats.breakdown(shift.start, shift.end).incidents_by_kecamatan
            return counts, shift.end, now

        self.worker.submit(read, self._on_counts, self._on_error)

    def _on_counts(self, result: tuple[dict[str, int], datetime, datetime]) -> None:
        counts, shift_end, now = result
        self.counts = dict(counts)
        self._schedule_shift_change(shift_end, now)
        self.bridge.send({"op": "choropleth", **choropleth_item(self.counts, self.kecamatan_names)})

    def _schedule_shift_change(self, shift_end: datetime, now: datetime) -> None:
        wait = (shift_end - now) + timedelta(seconds=1)
        ms = int(min(max(wait.total_seconds(), 1.0), 3600.0) * 1000)
        self._shift_timer.start(ms)

    # -- selection --------------------------------------------------------------------------
    def select_incident(self, incident_id: int) -> None:
        self.selected = incident_id
        self.bridge.send({"op": "select", "id": incident_id})

    def _on_select_result(self, incident_id: int, shown: bool) -> None:
        if shown or incident_id != self.selected:
            return
        self.view.show_info(self.tr("This incident is not on the map (closed, or no coordinates)."))

    def _on_marker_clicked(self, kind: str, ident: int) -> None:
        if kind != "incident" or self.bus is None:
            return
        self.bus.sig_incident_selected.emit(ident)
        self.bus.sig_incident_activated.emit(ident)

    # -- picking a location -----------------------------------------------------------------
    def set_picking(self, on: bool) -> None:
        self.picking = on
        self.bridge.send({"op": "pick", "on": on})
        if on:
            if self.reveal is not None:
                self.reveal()
            self.view.show_info(
                self.tr("Click the map to set the incident's location."),
                timeout_ms=0,
                action=(self.tr("Cancel"), lambda: self.set_picking(False)),
            )
        else:
            self.view.hide_info()

    def _on_map_clicked(self, lat: float, lon: float) -> None:
        if not self.picking:
            return
        try:
            place = self.gazetteer.check(lat, lon)
        except ValidationError as exc:
            message = error_text(exc)
            self.bridge.send({"op": "picked", "lat": lat, "lon": lon, "ok": False, "text": message})
            self.view.show_info(
                self.tr("Refused: {reason}. Click inside Kota Serang.").format(reason=message),
                timeout_ms=0,
                action=(self.tr("Cancel"), lambda: self.set_picking(False)),
            )
            return
        text = self.tr("Kelurahan {kelurahan}, Kecamatan {kecamatan}").format(
            kelurahan=place.kelurahan, kecamatan=place.kecamatan
        )
        self.picking = False
        self.bridge.send({"op": "pick", "on": False})
        self.bridge.send({"op": "picked", "lat": lat, "lon": lon, "ok": True, "text": text})
        self.view.show_info(f"{text} ({lat:.5f}, {lon:.5f})")
        if self.bus is not None:
            self.bus.sig_location_picked.emit(lat, lon)
