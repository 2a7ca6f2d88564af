"""Administrator: agencies, units, categories (and settings/shifts in reference.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select

from ..data.models import Agency, Category, CategoryAgency, Unit
from ..domain.enums import UnitStatus
from ..domain.errors import NotFoundError, ValidationError
from ..domain.permissions import Action, Actor
from .context import ServiceContext, record_change

CODE_RE = re.compile(r"^[a-z0-9_]{2,32}$")


@dataclass(frozen=True, slots=True)
class AgencyInput:
    code: str
    name: str
    short_name: str
    active: bool = True
    channel_kind: str | None = None
    channel_url: str | None = None
    channel_target: str | None = None


@dataclass(frozen=True, slots=True)
class UnitInput:
    call_sign: str
    agency_code: str
    unit_type: str
    base_label: str | None = None
    base_lat: float | None = None
    base_lon: float | None = None
    active: bool = True
    id: int | None = None


@dataclass(frozen=True, slots=True)
class CategoryInput:
    code: str
    label_id: str
    label_en: str
    default_priority: int
    sensitive: bool
    agencies: tuple[str, ...]
    active: bool = True


def _text(value: str | None, field: str, limit: int, required: bool = True) -> str | None:
    text = (value or "").replace("\x00", "").strip()
    if not text:
        if required:
            raise ValidationError("{field} is required", field=field)
        return None
    if len(text) > limit:
        raise ValidationError(
            "{field} is too long ({length} characters, at most {limit})",
            field=field,
            length=len(text),
            limit=limit,
        )
    return text


def _snapshot(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    return {f: getattr(obj, f) for f in fields}


class AdminService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- agencies -------------------------------------------------------------------------
    AGENCY_FIELDS = (
        "name",
        "short_name",
        "active",
        "channel_kind",
        "channel_url",
        "channel_target",
    )

    def agencies(self) -> list[AgencyInput]:
        with self.ctx.read() as s:
            return [
                AgencyInput(
                    a.code,
                    a.name,
                    a.short_name,
                    a.active,
                    a.channel_kind,
                    a.channel_url,
                    a.channel_target,
                )
                for a in s.scalars(select(Agency).order_by(Agency.short_name))
            ]

    def save_agency(self, actor: Actor, a: AgencyInput) -> None:
        actor.require(Action.ADMIN_REFERENCE)
        code = (a.code or "").strip().lower()
        if not CODE_RE.match(code):
            raise ValidationError(
                "Codes are 2 to 32 lowercase letters, digits or underscores", field="code"
            )
        values = {
            "name": _text(a.name, "name", 128),
            "short_name": _text(a.short_name, "short_name", 32),
            "active": bool(a.active),
            "channel_kind": _text(a.channel_kind, "channel_kind", 32, required=False),
            "channel_url": _text(a.channel_url, "channel_url", 512, required=False),
            "channel_target": _text(a.channel_target, "channel_target", 128, required=False),
        }
        if values["channel_url"] and not str(values["channel_url"]).startswith(
            ("http://", "https://")
        ):
            raise ValidationError(
                "The channel URL must start with http:// or https://", field="channel_url"
            )
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            row = s.get(Agency, code)
            before = _snapshot(row, self.AGENCY_FIELDS) if row else None
            if row is None:
                row = Agency(code=code, **values)
                s.add(row)
            else:
                for k, v in values.items():
                    setattr(row, k, v)
            record_change(
                s,
                actor,
                "agency.saved",
                "agency",
                None,
                now,
                before=before,
                after={"code": code, **values},
            )

    # -- units ----------------------------------------------------------------------------
    def units(self) -> list[UnitInput]:
        """Every unit, active or not (the dispatch board shows only active ones)."""
        with self.ctx.read() as s:
            return [
                UnitInput(
                    u.call_sign,
                    u.agency_code,
                    u.unit_type,
                    u.base_label,
                    u.base_lat,
                    u.base_lon,
                    u.active,
                    u.id,
                )
                for u in s.scalars(select(Unit).order_by(Unit.agency_code, Unit.call_sign))
            ]

    UNIT_FIELDS = (
        "call_sign",
        "agency_code",
        "unit_type",
        "base_label",
        "base_lat",
        "base_lon",
        "active",
    )

    def save_unit(self, actor: Actor, u: UnitInput) -> int:
        actor.require(Action.ADMIN_REFERENCE)
        sign = _text(u.call_sign, "call_sign", 32)
        assert sign is not None
        sign = sign.upper()
        unit_type = _text(u.unit_type, "unit_type", 64)
        label = _text(u.base_label, "base_label", 128, required=False)
        if (u.base_lat is None) != (u.base_lon is None):
            raise ValidationError("Give both latitude and longitude", field="latitude")
        if u.base_lat is not None and u.base_lon is not None:
            self.ctx.gazetteer.check(u.base_lat, u.base_lon)
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            if s.get(Agency, u.agency_code) is None:
                raise ValidationError(
                    "Unknown agency {code}", field="agency_code", code=u.agency_code
                )
            clash = s.scalar(select(Unit.id).where(Unit.call_sign == sign))
            if clash is not None and clash != u.id:
                raise ValidationError(
                    "Call sign {sign} is already used", field="call_sign", sign=sign
                )
            if u.id is None:
                row = Unit(
                    call_sign=sign,
                    agency_code=u.agency_code,
                    unit_type=unit_type,
                    base_label=label,
                    base_lat=u.base_lat,
                    base_lon=u.base_lon,
                    status=UnitStatus.AVAILABLE.value,
                    status_changed_at=now,
                    active=u.active,
                )
                s.add(row)
                before = None
            else:
                found = s.get(Unit, u.id)
                if found is None:
                    raise NotFoundError("Unit {id} does not exist", id=u.id)
                row = found
                before = _snapshot(row, self.UNIT_FIELDS)
                row.call_sign, row.agency_code, row.unit_type = sign, u.agency_code, unit_type  # type: ignore[assignment]
                row.base_label, row.base_lat, row.base_lon = label, u.base_lat, u.base_lon
                row.active = u.active
            s.flush()
            record_change(
                s,
                actor,
                "unit.saved",
                "unit",
                row.id,
                now,
                before=before,
                after=_snapshot(row, self.UNIT_FIELDS),
            )
            return row.id

    # -- categories -----------------------------------------------------------------------
    def save_category(self, actor: Actor, c: CategoryInput) -> None:
        actor.require(Action.ADMIN_REFERENCE)
        code = (c.code or "").strip().lower()
        if not CODE_RE.match(code):
            raise ValidationError(
                "Codes are 2 to 32 lowercase letters, digits or underscores", field="code"
            )
        if c.default_priority not in (1, 2, 3, 4):
            raise ValidationError("Priority must be 1 to 4", field="priority")
        label_id = _text(c.label_id, "label_id", 64)
        label_en = _text(c.label_en, "label_en", 64)
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            known = set(s.scalars(select(Agency.code)))
            unknown = sorted(set(c.agencies) - known)
            if unknown:
                raise ValidationError(
                    "Unknown agency {code}", field="agencies", code=", ".join(unknown)
                )
            row = s.get(Category, code)
            before = None
            if row is None:
                order = len(list(s.scalars(select(Category.code))))
                row = Category(
                    code=code,
                    label_id=label_id,
                    label_en=label_en,
                    default_priority=c.default_priority,
                    sensitive=c.sensitive,
                    active=c.active,
                    sort_order=order,
                )
                s.add(row)
            else:
                before = {
                    "label_id": row.label_id,
                    "label_en": row.label_en,
                    "default_priority": row.default_priority,
                    "sensitive": row.sensitive,
                    "active": row.active,
                }
                row.label_id, row.label_en = label_id, label_en  # type: ignore[assignment]
                row.default_priority, row.sensitive = c.default_priority, c.sensitive
                row.active = c.active
            s.flush()
            s.execute(delete(CategoryAgency).where(CategoryAgency.category_code == code))
            for ag in sorted(set(c.agencies)):
                s.add(CategoryAgency(category_code=code, agency_code=ag))
            record_change(
                s,
                actor,
                "category.saved",
                "category",
                None,
                now,
                before=before,
                after={
                    "code": code,
                    "label_id": label_id,
                    "default_priority": c.default_priority,
                    "sensitive": c.sensitive,
                    "agencies": sorted(c.agencies),
                },
            )
