"""Reference data: places, categories, agencies, shifts, settings; seeding a new database."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..data.models import (
    Agency,
    Category,
    CategoryAgency,
    Kecamatan,
    Kelurahan,
    Setting,
    ShiftDefinitionRow,
)
from ..domain.categories import AGENCIES, CATEGORIES
from ..domain.errors import ValidationError
from ..domain.permissions import Action, Actor
from ..domain.shifts import DEFAULT_SHIFTS, ShiftDefinition, ShiftSchedule
from .context import ServiceContext, record_change
from .views import CategoryView, PlaceView

DEFAULT_SETTINGS: dict[str, Any] = {
    "prank_daily_threshold": 5,
    "prank_total_threshold": 10,
    "duplicate_radius_m": 500,
    "duplicate_window_min": 30,
    "p1_dispatch_alert_s": 120,
    "target_answer_15s_pct": 90,
    "target_answer_20s_pct": 95,
    "target_processing_60s_pct": 90,
    "idle_lock_min": 10,
}


def seed_reference_data(
    session: Session,
    kecamatan_features: Sequence[Mapping[str, Any]],
    kelurahan_features: Sequence[Mapping[str, Any]],
) -> bool:
    """Fill an empty database's reference tables. Returns False if they were already there."""
    if session.scalar(select(Kecamatan.code).limit(1)) is not None:
        return False
    for f in kecamatan_features:
        p = f["properties"]
        session.add(
            Kecamatan(
                code=p["kode"], name=p["kecamatan"], code_bps=p["kode_bps"], area_km2=p["area_km2"]
            )
        )
    kec_codes = {f["properties"]["kecamatan"]: f["properties"]["kode"] for f in kecamatan_features}
    session.flush()
    for f in kelurahan_features:
        p = f["properties"]
        session.add(
            Kelurahan(
                code=p["kode"],
                name=p["kelurahan"],
                name_bps=p["nama_bps"],
                kecamatan_code=kec_codes[p["kecamatan"]],
                area_km2=p["area_km2"],
            )
        )
    for a in AGENCIES:
        session.add(Agency(code=a.code, name=a.name, short_name=a.short_name, active=True))
    session.flush()
    for i, c in enumerate(CATEGORIES):
        session.add(
            Category(
                code=c.code,
                label_id=c.label_id,
                label_en=c.label_en,
                default_priority=c.priority,
                sensitive=c.sensitive,
                active=True,
                sort_order=i,
            )
        )
    session.flush()
    for c in CATEGORIES:
        for ag in c.agencies:
            session.add(CategoryAgency(category_code=c.code, agency_code=ag))
    for s in DEFAULT_SHIFTS:
        session.add(
            ShiftDefinitionRow(
                name=s.name,
                label=s.label,
                start_minute=s.start_minute,
                duration_minutes=s.duration_minutes,
            )
        )
    for key, value in DEFAULT_SETTINGS.items():
        session.add(Setting(key=key, value={"v": value}))
    return True


@dataclass(frozen=True)
class ReferenceData:
    """Everything the screens need to build their choices, read once at start."""

    categories: list[CategoryView]
    kecamatan: list[PlaceView]
    kelurahan: list[PlaceView]
    agencies: dict[str, str]
    settings: dict[str, Any]


class ReferenceService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def bundle(self) -> ReferenceData:
        return ReferenceData(
            self.categories(), self.kecamatan(), self.kelurahan(), self.agencies(), self.settings()
        )

    def categories(self) -> list[CategoryView]:
        with self.ctx.read() as s:
            links: dict[str, list[str]] = {}
            for ca in s.scalars(select(CategoryAgency)):
                links.setdefault(ca.category_code, []).append(ca.agency_code)
            return [
                CategoryView(
                    c.code,
                    c.label_id,
                    c.label_en,
                    c.default_priority,
                    c.sensitive,
                    tuple(sorted(links.get(c.code, []))),
                )
                for c in s.scalars(
                    select(Category).where(Category.active.is_(True)).order_by(Category.sort_order)
                )
            ]

    def kecamatan(self) -> list[PlaceView]:
        with self.ctx.read() as s:
            return [
                PlaceView(k.code, k.name)
                for k in s.scalars(select(Kecamatan).order_by(Kecamatan.name))
            ]

    def kelurahan(self, kecamatan_code: str | None = None) -> list[PlaceView]:
        with self.ctx.read() as s:
            q = select(Kelurahan).order_by(Kelurahan.name)
            if kecamatan_code:
                q = q.where(Kelurahan.kecamatan_code == kecamatan_code)
            return [PlaceView(k.code, k.name, k.kecamatan_code) for k in s.scalars(q)]

    def agencies(self) -> dict[str, str]:
        with self.ctx.read() as s:
            return {
                a.code: a.short_name for a in s.scalars(select(Agency).order_by(Agency.short_name))
            }

    def settings(self) -> dict[str, Any]:
        out = dict(DEFAULT_SETTINGS)
        with self.ctx.read() as s:
            for row in s.scalars(select(Setting)):
                if row.value is not None and "v" in row.value:
                    out[row.key] = row.value["v"]
        return out

    def set_setting(self, actor: Actor, key: str, value: Any) -> None:
        actor.require(Action.ADMIN_SETTINGS)
        if key in DEFAULT_SETTINGS and not isinstance(value, type(DEFAULT_SETTINGS[key])):
            raise ValidationError(f"Bad value for {key}", field=key)
        with self.ctx.transaction() as s:
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value={"v": value}))
            else:
                row.value = {"v": value}
            record_change(
                s, actor, "setting.changed", "setting", None, self.ctx.clock(), {"key": key}
            )

    def schedule(self) -> ShiftSchedule:
        with self.ctx.read() as s:
            rows = list(s.scalars(select(ShiftDefinitionRow)))
        if not rows:
            return ShiftSchedule()
        return ShiftSchedule(
            [ShiftDefinition(r.name, r.label, r.start_minute, r.duration_minutes) for r in rows]
        )

    def save_schedule(self, actor: Actor, shifts: Sequence[ShiftDefinition]) -> None:
        actor.require(Action.ADMIN_SETTINGS)
        ShiftSchedule(shifts)  # validates: gaps, overlaps, names
        with self.ctx.transaction() as s:
            for row in s.scalars(select(ShiftDefinitionRow)):
                s.delete(row)
            s.flush()
            for d in shifts:
                s.add(
                    ShiftDefinitionRow(
                        name=d.name,
                        label=d.label,
                        start_minute=d.start_minute,
                        duration_minutes=d.duration_minutes,
                    )
                )
            record_change(s, actor, "shifts.changed", "settings", None, self.ctx.clock())

    def is_demo(self) -> bool:
        with self.ctx.read() as s:
            row = s.get(Setting, "demo_data")
            return bool(row and row.value and row.value.get("v"))
