"""Units and dispatch: the unit board, recommendations, dispatching, unit status changes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..data.models import Agency, CategoryAgency, Dispatch, Incident, Unit
from ..domain.enums import IncidentStatus, UnitStatus
from ..domain.errors import ConflictError, NotFoundError, ValidationError
from ..domain.geo import haversine_m
from ..domain.permissions import Action, Actor
from ..domain.state_machine import ENDS_ASSIGNMENT, check_unit_report
from .context import ServiceContext, record_change
from .incidents import IncidentService, add_event
from .notifications import enqueue_dispatch_notifications
from .readers import incident_rows
from .views import IncidentRow, UnitRow, UnitSuggestion

# Unit statuses an operator may set by hand, and the dispatch timestamp each one fills.
UNIT_PROGRESS = {
    UnitStatus.EN_ROUTE: "en_route_at",
    UnitStatus.ON_SCENE: "on_scene_at",
    UnitStatus.RETURNING: "returning_at",
}


def _unit_rows(s: Session, units: Sequence[Unit]) -> list[UnitRow]:
    agencies = dict(s.execute(select(Agency.code, Agency.short_name)).all())
    inc_ids = {u.current_incident_id for u in units if u.current_incident_id}
    numbers = (
        dict(s.execute(select(Incident.id, Incident.number).where(Incident.id.in_(inc_ids))).all())
        if inc_ids
        else {}
    )
    return [
        UnitRow(
            id=u.id,
            call_sign=u.call_sign,
            agency_code=u.agency_code,
            agency=agencies.get(u.agency_code, u.agency_code),
            unit_type=u.unit_type,
            status=u.status,
            status_changed_at=u.status_changed_at,
            base_label=u.base_label,
            latitude=u.last_lat if u.last_lat is not None else u.base_lat,
            longitude=u.last_lon if u.last_lon is not None else u.base_lon,
            incident_id=u.current_incident_id,
            incident_number=numbers.get(u.current_incident_id) if u.current_incident_id else None,
            version=u.version,
        )
        for u in units
    ]


class DispatchService:
    def __init__(self, ctx: ServiceContext, incidents: IncidentService) -> None:
        self.ctx = ctx
        self.incidents = incidents

    def units(self, ids: Sequence[int] | None = None) -> list[UnitRow]:
        with self.ctx.read() as s:
            q = select(Unit).where(Unit.active.is_(True)).order_by(Unit.agency_code, Unit.call_sign)
            if ids is not None:
                q = q.where(Unit.id.in_(list(ids)))
            return _unit_rows(s, list(s.scalars(q)))

    def recommend(self, incident_id: int, limit: int = 8) -> list[UnitSuggestion]:
        """Available units, those of the category's agencies first, nearest first."""
        with self.ctx.read() as s:
            inc = s.get(Incident, incident_id)
            if inc is None:
                raise NotFoundError("Incident {id} does not exist", id=incident_id)
            agencies = set(
                s.scalars(
                    select(CategoryAgency.agency_code).where(
                        CategoryAgency.category_code == inc.category_code
                    )
                )
            )
            units = list(
                s.scalars(
                    select(Unit).where(
                        Unit.active.is_(True), Unit.status == UnitStatus.AVAILABLE.value
                    )
                )
            )
            rows = _unit_rows(s, units)
        out = []
        for r in rows:
            dist = None
            if None not in (inc.latitude, inc.longitude, r.latitude, r.longitude):
                dist = haversine_m(inc.latitude, inc.longitude, r.latitude, r.longitude)  # type: ignore[arg-type]
            out.append(UnitSuggestion(r, dist, r.agency_code in agencies))
        out.sort(
            key=lambda u: (
                not u.matches_category,
                u.distance_m is None,
                u.distance_m or 0.0,
                u.unit.call_sign,
            )
        )
        return out[:limit]

    def dispatch(
        self,
        actor: Actor,
        incident_id: int,
        unit_ids: Sequence[int],
        expected_version: int | None = None,
        at: datetime | None = None,
    ) -> IncidentRow:
        """Send units: incident status, unit board and timeline change in one transaction."""
        actor.require(Action.DISPATCH)
        if not unit_ids:
            raise ValidationError("Choose at least one unit", field="units")
        now = at or self.ctx.clock()
        with self.ctx.transaction() as s:
            inc = self.incidents._get(s, incident_id, lock=True)
            self.incidents._check_version(inc, expected_version)
            status = IncidentStatus(inc.status)
            if not status.is_open:
                raise ValidationError("Incident {number} is not open", number=inc.number)
            for uid in unit_ids:
                unit = s.get(Unit, uid, with_for_update=s.get_bind().dialect.name == "postgresql")
                if unit is None or not unit.active:
                    raise NotFoundError("Unit {id} does not exist", id=uid)
                if unit.status != UnitStatus.AVAILABLE.value:
                    raise ConflictError(
                        "Unit {unit} is not available ({status})",
                        unit=unit.call_sign,
                        status=unit.status,
                    )
                s.add(
                    Dispatch(
                        incident_id=inc.id,
                        unit_id=unit.id,
                        dispatched_at=now,
                        dispatched_by_id=actor.user_id,
                    )
                )
                unit.status = UnitStatus.DISPATCHED.value
                unit.status_changed_at = now
                unit.current_incident_id = inc.id
                add_event(s, inc, actor, "dispatched", now, unit_id=unit.id)
                record_change(
                    s,
                    actor,
                    "unit.status",
                    "unit",
                    unit.id,
                    now,
                    {"status": unit.status, "incident": inc.id},
                )
            if status in (IncidentStatus.NEW, IncidentStatus.VERIFIED):
                self.incidents.apply_status(s, actor, inc, IncidentStatus.DISPATCHED, now)
            else:
                inc.updated_at = now
                record_change(s, actor, "incident.updated", "incident", inc.id, now)
            enqueue_dispatch_notifications(s, inc, unit_ids, actor, now)
            s.flush()
            return incident_rows(s, [inc])[0]

    def set_unit_status(
        self,
        actor: Actor,
        unit_id: int,
        status: UnitStatus | str,
        expected_version: int | None = None,
        at: datetime | None = None,
    ) -> UnitRow:
        """A unit reports progress; the incident's first en-route/on-scene times follow."""
        actor.require(Action.UNIT_STATUS)
        status = UnitStatus(status)
        now = at or self.ctx.clock()
        with self.ctx.transaction() as s:
            unit = s.get(Unit, unit_id)
            if unit is None:
                raise NotFoundError("Unit {id} does not exist", id=unit_id)
            if expected_version is not None and unit.version != expected_version:
                raise ConflictError(
                    "Unit {unit} was changed by someone else; reload and try again",
                    unit=unit.call_sign,
                )
            check_unit_report(status, unit.call_sign, unit.current_incident_id)
            prev = unit.status
            unit.status = status.value
            unit.status_changed_at = now
            inc = s.get(Incident, unit.current_incident_id) if unit.current_incident_id else None
            if inc is not None:
                d = s.scalar(
                    select(Dispatch).where(
                        Dispatch.incident_id == inc.id,
                        Dispatch.unit_id == unit.id,
                        Dispatch.cleared_at.is_(None),
                    )
                )
                col = UNIT_PROGRESS.get(status)
                if d is not None and col and getattr(d, col) is None:
                    setattr(d, col, now)
                if status is UnitStatus.EN_ROUTE and inc.en_route_at is None:
                    inc.en_route_at = now
                if (
                    status is UnitStatus.ON_SCENE
                    and IncidentStatus(inc.status) is IncidentStatus.DISPATCHED
                ):
                    self.incidents.apply_status(s, actor, inc, IncidentStatus.ON_SCENE, now)
                add_event(
                    s,
                    inc,
                    actor,
                    "unit_status",
                    now,
                    unit_id=unit.id,
                    from_status=prev,
                    to_status=status.value,
                )
                inc.updated_at = now
                if status in ENDS_ASSIGNMENT:
                    if d is not None:
                        d.cleared_at = now
                    unit.current_incident_id = None
                record_change(s, actor, "incident.updated", "incident", inc.id, now)
            record_change(s, actor, "unit.status", "unit", unit.id, now, {"status": status.value})
            s.flush()
            return _unit_rows(s, [unit])[0]
