"""Frozen read models handed to the UI and the CLI (never live ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class CallView:
    id: int
    uuid: str
    received_at: datetime
    answered_at: datetime | None
    caller_number: str
    outcome: str
    incident_id: int | None
    incident_number: str | None
    operator: str | None


@dataclass(frozen=True, slots=True)
class CallerHistory:
    number: str
    total: int
    today: int
    pranks_total: int
    pranks_today: int
    flagged: bool
    recent: tuple[CallView, ...]
    open_incidents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IncidentRow:
    """One row of the queue."""

    id: int
    number: str
    priority: int
    status: str
    category_code: str
    kecamatan: str | None
    kelurahan: str | None
    address: str | None
    latitude: float | None
    longitude: float | None
    first_received_at: datetime
    dispatched_at: datetime | None
    updated_at: datetime
    sensitive: bool
    units: tuple[str, ...]
    operator: str | None
    version: int


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    at: datetime
    kind: str
    from_status: str | None
    to_status: str | None
    text: str | None
    user: str | None
    workstation: str | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class DispatchView:
    unit_id: int
    call_sign: str
    agency_code: str
    dispatched_at: datetime
    en_route_at: datetime | None
    on_scene_at: datetime | None
    cleared_at: datetime | None


@dataclass(frozen=True, slots=True)
class IncidentDetail:
    row: IncidentRow
    kecamatan_code: str | None
    kelurahan_code: str | None
    landmark: str | None
    caller_name: str | None
    description: str | None
    details_hidden: bool
    merged_into: str | None
    calls: tuple[CallView, ...]
    timeline: tuple[TimelineEntry, ...]
    dispatches: tuple[DispatchView, ...]
    allowed_statuses: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class UnitRow:
    id: int
    call_sign: str
    agency_code: str
    agency: str
    unit_type: str
    status: str
    status_changed_at: datetime
    base_label: str | None
    latitude: float | None
    longitude: float | None
    incident_id: int | None
    incident_number: str | None
    version: int


@dataclass(frozen=True, slots=True)
class UnitSuggestion:
    unit: UnitRow
    distance_m: float | None
    matches_category: bool


@dataclass(frozen=True, slots=True)
class CategoryView:
    code: str
    label_id: str
    label_en: str
    default_priority: int
    sensitive: bool
    agencies: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlaceView:
    code: str
    name: str
    parent_code: str | None = None
