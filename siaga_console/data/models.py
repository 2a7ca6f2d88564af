"""SQLAlchemy 2 typed models of the console's database.

Times are ``UTCDateTime`` (naive UTC in the database, aware UTC in Python). Every change
made by a service also writes a row in ``change_feed``: sync and the audit trail read it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from .types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# BigInteger ids on PostgreSQL, INTEGER PRIMARY KEY (rowid) on SQLite.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON()}


class Kecamatan(Base):
    __tablename__ = "kecamatan"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)  # Kemendagri, 36.73.01
    name: Mapped[str] = mapped_column(String(64), unique=True)
    code_bps: Mapped[str] = mapped_column(String(16))
    area_km2: Mapped[float] = mapped_column(Float)


class Kelurahan(Base):
    __tablename__ = "kelurahan"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)  # 36.73.04.1003
    name: Mapped[str] = mapped_column(String(64))
    name_bps: Mapped[str] = mapped_column(String(64))
    kecamatan_code: Mapped[str] = mapped_column(ForeignKey("kecamatan.code"), index=True)
    area_km2: Mapped[float] = mapped_column(Float)


class Agency(Base):
    __tablename__ = "agencies"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    short_name: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Field notification channel (issue 9): kind ('telegram'), base URL, chat id.
    channel_kind: Mapped[str | None] = mapped_column(String(32))
    channel_url: Mapped[str | None] = mapped_column(String(512))
    channel_target: Mapped[str | None] = mapped_column(String(128))


class Category(Base):
    __tablename__ = "categories"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    label_id: Mapped[str] = mapped_column(String(64))
    label_en: Mapped[str] = mapped_column(String(64))
    default_priority: Mapped[int] = mapped_column(Integer)
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class CategoryAgency(Base):
    __tablename__ = "category_agencies"
    category_code: Mapped[str] = mapped_column(ForeignKey("categories.code"), primary_key=True)
    agency_code: Mapped[str] = mapped_column(ForeignKey("agencies.code"), primary_key=True)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str | None] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]


class ShiftDefinitionRow(Base):
    __tablename__ = "shift_definitions"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    label: Mapped[str] = mapped_column(String(64))
    start_minute: Mapped[int] = mapped_column(Integer)
    duration_minutes: Mapped[int] = mapped_column(Integer)


class Unit(Base):
    __tablename__ = "units"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    call_sign: Mapped[str] = mapped_column(String(32), unique=True)
    agency_code: Mapped[str] = mapped_column(ForeignKey("agencies.code"), index=True)
    unit_type: Mapped[str] = mapped_column(String(64))
    base_label: Mapped[str | None] = mapped_column(String(128))
    base_lat: Mapped[float | None] = mapped_column(Float)
    base_lon: Mapped[float | None] = mapped_column(Float)
    last_lat: Mapped[float | None] = mapped_column(Float)
    last_lon: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16), default="available")
    status_changed_at: Mapped[datetime]
    current_incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class Incident(Base):
    __tablename__ = "incidents"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    category_code: Mapped[str] = mapped_column(ForeignKey("categories.code"))
    priority: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)
    kecamatan_code: Mapped[str | None] = mapped_column(ForeignKey("kecamatan.code"))
    kelurahan_code: Mapped[str | None] = mapped_column(ForeignKey("kelurahan.code"))
    address: Mapped[str | None] = mapped_column(String(256))
    landmark: Mapped[str | None] = mapped_column(String(256))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    caller_name: Mapped[str | None] = mapped_column(String(128))
    description: Mapped[str | None] = mapped_column(Text)
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    # The first linked call's times: incident measures are taken from them (DOMAIN.md).
    first_received_at: Mapped[datetime] = mapped_column(index=True)
    first_answered_at: Mapped[datetime | None]
    verified_at: Mapped[datetime | None]
    dispatched_at: Mapped[datetime | None]
    en_route_at: Mapped[datetime | None]
    on_scene_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    workstation: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    calls: Mapped[list[Call]] = relationship(
        back_populates="incident", foreign_keys="Call.incident_id"
    )
    __mapper_args__ = {"version_id_col": version}


class Call(Base):
    __tablename__ = "calls"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    received_at: Mapped[datetime] = mapped_column(index=True)
    answered_at: Mapped[datetime | None]
    caller_number: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(16))
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"), index=True)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    workstation: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(String(512))
    created_at: Mapped[datetime]

    incident: Mapped[Incident | None] = relationship(
        back_populates="calls", foreign_keys=[incident_id]
    )
    __table_args__ = (Index("ix_calls_caller_received", "caller_number", "received_at"),)


class Dispatch(Base):
    """One unit sent to one incident, with the unit's progress times."""

    __tablename__ = "dispatches"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    dispatched_at: Mapped[datetime]
    en_route_at: Mapped[datetime | None]
    on_scene_at: Mapped[datetime | None]
    returning_at: Mapped[datetime | None]
    cleared_at: Mapped[datetime | None]
    dispatched_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class IncidentEvent(Base):
    """The incident's timeline: every change with who, when and from which workstation."""

    __tablename__ = "incident_events"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    workstation: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str | None] = mapped_column(Text)


class ChangeFeed(Base):
    """Append-only: one row per committed change. ``id`` order is the truth for followers."""

    __tablename__ = "change_feed"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(48))  # e.g. incident.status, call.logged
    entity: Mapped[str] = mapped_column(String(24))  # call, incident, unit, ...
    entity_id: Mapped[int | None] = mapped_column(BigId)
    workstation: Mapped[str | None] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(BigId)
    at: Mapped[datetime] = mapped_column(index=True)
    data: Mapped[dict[str, Any] | None]


class IncidentCounter(Base):
    """Per-day sequence for incident numbers, incremented inside the creating transaction."""

    __tablename__ = "incident_counters"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class HandoverNote(Base):
    """The outgoing supervisor's notes for a shift (``YYYY-MM-DD/<name>``)."""

    __tablename__ = "handover_notes"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    shift_key: Mapped[str] = mapped_column(String(32), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class Notification(Base):
    """An outbound message to an agency's field channel, written in the dispatch transaction."""

    __tablename__ = "notifications"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    agency_code: Mapped[str] = mapped_column(ForeignKey("agencies.code"))
    channel_kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), index=True)  # pending, sent, failed, ...
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(512))
    payload: Mapped[dict[str, Any] | None]
    external_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class AuditEntry(Base):
    """Append-only audit trail; each entry's hash chains to the previous one."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    user_id: Mapped[int | None] = mapped_column(BigId)
    username: Mapped[str | None] = mapped_column(String(64))
    workstation: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(48))
    entity: Mapped[str | None] = mapped_column(String(24))
    entity_id: Mapped[int | None] = mapped_column(BigId, index=True)
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class IncidentLock(Base):
    """Soft lock: who is editing an incident, until when (other consoles show it)."""

    __tablename__ = "incident_locks"
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(64))
    acquired_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class Workstation(Base):
    """Presence: which consoles are connected, who is logged in there."""

    __tablename__ = "workstations"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str | None] = mapped_column(String(64))
    app_version: Mapped[str | None] = mapped_column(String(32))
    started_at: Mapped[datetime]
    last_seen: Mapped[datetime]


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[dict[str, Any] | None]


__all__ = [
    "Agency",
    "AuditEntry",
    "Base",
    "Call",
    "Category",
    "CategoryAgency",
    "ChangeFeed",
    "Dispatch",
    "HandoverNote",
    "Incident",
    "IncidentCounter",
    "IncidentEvent",
    "IncidentLock",
    "Kecamatan",
    "Kelurahan",
    "Notification",
    "Setting",
    "ShiftDefinitionRow",
    "Unit",
    "User",
    "Workstation",
]
