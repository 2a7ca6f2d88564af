"""Incidents: create from a valid call, update, status changes, notes, merge, queue reads."""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ..data.models import (
    Call,
    Category,
    Dispatch,
    Incident,
    IncidentCounter,
    IncidentEvent,
    Kelurahan,
    Unit,
)
from ..domain.enums import OPEN_STATUSES, CallOutcome, IncidentStatus
from ..domain.errors import ConflictError, NotFoundError, ValidationError
from ..domain.numbering import incident_number
from ..domain.permissions import Action, Actor
from ..domain.state_machine import check_transition, manual_transitions
from ..domain.timeutil import to_wib
from .context import ServiceContext, record_change
from .inputs import (
    FORM_COLUMNS,
    CallInput,
    IncidentInput,
    call_columns,
    clean_text,
    form_columns,
    validate_call,
    validate_incident,
)
from .readers import NameCache, call_view, incident_rows, incident_rows_where
from .views import (
    CallView,
    DispatchView,
    IncidentDetail,
    IncidentRow,
    TimelineEntry,
)

# Incident timestamp column set when an incident reaches a status.
STATUS_TIMESTAMP = {
    IncidentStatus.VERIFIED: "verified_at",
    IncidentStatus.DISPATCHED: "dispatched_at",
    IncidentStatus.ON_SCENE: "on_scene_at",
    IncidentStatus.RESOLVED: "resolved_at",
    IncidentStatus.CLOSED: "closed_at",
    IncidentStatus.CANCELLED: "cancelled_at",
}
EDITABLE_FIELDS = (*FORM_COLUMNS, "sensitive")


def next_incident_number(session: Session, at: datetime) -> str:
    """Increment the day's counter inside the caller's transaction (upsert ... RETURNING)."""
    day = to_wib(at).date()
    dialect = session.get_bind().dialect.name
    ins = pg_insert(IncidentCounter) if dialect == "postgresql" else sqlite_insert(IncidentCounter)
    stmt = (
        ins.values(day=day, last=1)
        .on_conflict_do_update(
            index_elements=[IncidentCounter.day], set_={"last": IncidentCounter.last + 1}
        )
        .returning(IncidentCounter.last)
    )
    seq = session.execute(stmt).scalar_one()
    return incident_number(day, seq)


def add_event(
    session: Session,
    incident: Incident,
    actor: Actor,
    kind: str,
    at: datetime,
    *,
    from_status: str | None = None,
    to_status: str | None = None,
    text: str | None = None,
    unit_id: int | None = None,
    call_id: int | None = None,
) -> None:
    session.add(
        IncidentEvent(
            incident_id=incident.id,
            at=at,
            kind=kind,
            from_status=from_status,
            to_status=to_status,
            text=text,
            unit_id=unit_id,
            call_id=call_id,
            user_id=actor.user_id,
            workstation=actor.workstation,
        )
    )


def can_see_details(actor: Actor, incident: Incident) -> bool:
    if not incident.sensitive or actor.can(Action.VIEW_ALL_SENSITIVE):
        return True
    return actor.user_id is not None and actor.user_id in (
        incident.handler_id,
        incident.created_by_id,
    )


class IncidentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- validation helpers -------------------------------------------------------------
    def _lookups(self, s: Session) -> tuple[dict[str, tuple[int, bool]], dict[str, str]]:
        cats = {
            c.code: (c.default_priority, c.sensitive)
            for c in s.scalars(select(Category).where(Category.active.is_(True)))
        }
        parents = dict(s.execute(select(Kelurahan.code, Kelurahan.kecamatan_code)).all())
        return cats, parents

    def validate(self, form: IncidentInput) -> IncidentInput:
        with self.ctx.read() as s:
            cats, parents = self._lookups(s)
        return validate_incident(form, self.ctx.gazetteer, cats, parents)

    def _get(self, s: Session, incident_id: int, *, lock: bool = False) -> Incident:
        q = select(Incident).where(Incident.id == incident_id)
        if lock and s.get_bind().dialect.name == "postgresql":
            q = q.with_for_update()
        inc = s.scalar(q)
        if inc is None:
            raise NotFoundError("Incident {id} does not exist", id=incident_id)
        return inc

    @staticmethod
    def _check_version(inc: Incident, expected: int | None) -> None:
        if expected is not None and inc.version != expected:
            raise ConflictError(
                "Incident {number} was changed by someone else; reload and try again",
                number=inc.number,
                expected=expected,
                actual=inc.version,
            )

    # -- commands -----------------------------------------------------------------------
    def create_from_call(self, actor: Actor, call: CallInput, form: IncidentInput) -> IncidentRow:
        """Log a valid call and open its incident in one transaction."""
        actor.require(Action.HANDLE_INCIDENT)
        number, received, answered = validate_call(call)
        now = self.ctx.clock()
        received = received or now
        answered = answered or now
        with self.ctx.transaction() as s:
            if form.uuid and (
                existing := s.scalar(select(Incident).where(Incident.uuid == form.uuid))
            ):
                return incident_rows(s, [existing])[0]  # idempotent replay
            cats, parents = self._lookups(s)
            f = validate_incident(form, self.ctx.gazetteer, cats, parents)
            assert f.priority is not None
            inc = Incident(
                uuid=f.uuid or str(uuidlib.uuid4()),
                number=next_incident_number(s, received),
                status=IncidentStatus.NEW.value,
                **form_columns(f),
                first_received_at=received,
                first_answered_at=answered,
                created_by_id=actor.user_id,
                handler_id=actor.user_id,
                workstation=actor.workstation,
                created_at=now,
                updated_at=now,
            )
            s.add(inc)
            s.flush()
            c = Call(
                **call_columns(call, actor, number, received, answered, now),
                outcome=CallOutcome.VALID.value,
                incident_id=inc.id,
            )
            s.add(c)
            s.flush()
            add_event(s, inc, actor, "created", now, to_status=inc.status, call_id=c.id)
            record_change(s, actor, "call.logged", "call", c.id, now, {"outcome": c.outcome})
            record_change(s, actor, "incident.created", "incident", inc.id, now)
            return incident_rows(s, [inc])[0]

    def update(
        self, actor: Actor, incident_id: int, changes: dict[str, Any], expected_version: int | None
    ) -> IncidentRow:
        actor.require(Action.HANDLE_INCIDENT)
        unknown = set(changes) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValidationError(
                "Fields cannot be edited: {fields}", fields=", ".join(sorted(unknown))
            )
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            inc = self._get(s, incident_id, lock=True)
            self._check_version(inc, expected_version)
            current = IncidentInput(**{k: getattr(inc, k) for k in EDITABLE_FIELDS})
            merged = IncidentInput(**{**asdict(current), **changes})
            cats, parents = self._lookups(s)
            f = validate_incident(merged, self.ctx.gazetteer, cats, parents)
            before: dict[str, Any] = {}
            for k in EDITABLE_FIELDS:
                new = getattr(f, k)
                if getattr(inc, k) != new:
                    before[k] = getattr(inc, k)
                    setattr(inc, k, new)
            if not before:
                return incident_rows(s, [inc])[0]
            inc.updated_at = now
            add_event(s, inc, actor, "updated", now, text=", ".join(sorted(before)))
            record_change(
                s, actor, "incident.updated", "incident", inc.id, now, {"fields": sorted(before)}
            )
            s.flush()
            return incident_rows(s, [inc])[0]

    def change_status(
        self,
        actor: Actor,
        incident_id: int,
        target: IncidentStatus | str,
        expected_version: int | None = None,
        note: str | None = None,
        at: datetime | None = None,
    ) -> IncidentRow:
        actor.require(Action.HANDLE_INCIDENT)
        target = IncidentStatus(target)
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            inc = self._get(s, incident_id, lock=True)
            self._check_version(inc, expected_version)
            self.apply_status(s, actor, inc, target, at or now, note=note)
            s.flush()
            return incident_rows(s, [inc])[0]

    def apply_status(
        self,
        s: Session,
        actor: Actor,
        inc: Incident,
        target: IncidentStatus,
        at: datetime,
        *,
        note: str | None = None,
    ) -> None:
        """The status change itself, inside a caller's transaction (dispatch reuses it)."""
        current = IncidentStatus(inc.status)
        check_transition(current, target)
        inc.status = target.value
        col = STATUS_TIMESTAMP.get(target)
        if col and getattr(inc, col) is None:
            setattr(inc, col, at)
        inc.updated_at = at
        if target in (IncidentStatus.RESOLVED, IncidentStatus.CLOSED, IncidentStatus.CANCELLED):
            self._release_units(s, inc, at)
        add_event(
            s,
            inc,
            actor,
            "status",
            at,
            from_status=current.value,
            to_status=target.value,
            text=clean_text(note, "note"),
        )
        record_change(
            s,
            actor,
            "incident.status",
            "incident",
            inc.id,
            at,
            {"from": current.value, "to": target.value},
        )

    def _release_units(self, s: Session, inc: Incident, at: datetime) -> None:
        for d in s.scalars(
            select(Dispatch).where(Dispatch.incident_id == inc.id, Dispatch.cleared_at.is_(None))
        ):
            d.cleared_at = at
            unit = s.get(Unit, d.unit_id)
            if unit is not None and unit.current_incident_id == inc.id:
                unit.status = "returning" if inc.status != IncidentStatus.CANCELLED else "available"
                unit.status_changed_at = at
                unit.current_incident_id = None

    def add_note(self, actor: Actor, incident_id: int, text: str) -> None:
        actor.require(Action.HANDLE_INCIDENT)
        body = clean_text(text, "description")
        if not body:
            raise ValidationError("The note is empty", field="note")
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            inc = self._get(s, incident_id)
            add_event(s, inc, actor, "note", now, text=body)
            inc.updated_at = now
            record_change(s, actor, "incident.note", "incident", inc.id, now)

    def merge(self, actor: Actor, source_id: int, target_id: int) -> IncidentRow:
        """Merge ``source`` into ``target``: its calls move over, both timelines say so."""
        actor.require(Action.MERGE)
        if source_id == target_id:
            raise ValidationError("An incident cannot be merged into itself")
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            src = self._get(s, source_id, lock=True)
            dst = self._get(s, target_id, lock=True)
            if not IncidentStatus(dst.status).is_open:
                raise ValidationError("Incident {number} is not open", number=dst.number)
            check_transition(IncidentStatus(src.status), IncidentStatus.MERGED)
            moved = 0
            for c in s.scalars(select(Call).where(Call.incident_id == src.id)):
                c.incident_id = dst.id
                moved += 1
            for d in s.scalars(
                select(Dispatch).where(
                    Dispatch.incident_id == src.id, Dispatch.cleared_at.is_(None)
                )
            ):
                d.incident_id = dst.id
                unit = s.get(Unit, d.unit_id)
                if unit is not None:
                    unit.current_incident_id = dst.id
            if src.first_received_at < dst.first_received_at:
                dst.first_received_at = src.first_received_at
                dst.first_answered_at = src.first_answered_at
            dst.priority = min(dst.priority, src.priority)
            dst.sensitive = dst.sensitive or src.sensitive
            prev = src.status
            src.status = IncidentStatus.MERGED.value
            src.merged_into_id = dst.id
            src.updated_at = dst.updated_at = now
            add_event(
                s,
                src,
                actor,
                "merged",
                now,
                from_status=prev,
                to_status=src.status,
                text=dst.number,
            )
            add_event(s, dst, actor, "merged_in", now, text=f"{src.number} ({moved})")
            record_change(s, actor, "incident.merged", "incident", src.id, now, {"into": dst.id})
            record_change(s, actor, "incident.updated", "incident", dst.id, now)
            s.flush()
            return incident_rows(s, [dst])[0]

    # -- reads --------------------------------------------------------------------------
    def queue(
        self, viewer: Actor | None = None, *, recent_days: int = 7, limit: int | None = None
    ) -> list[IncidentRow]:
        """Open incidents plus those touched in the last ``recent_days`` (newest first).

        Sensitive incidents' addresses are shown only to those who may see their details.
        """
        since = self.ctx.clock() - timedelta(days=recent_days)
        open_values = [s.value for s in OPEN_STATUSES]
        with self.ctx.read() as s:
            return incident_rows_where(
                s,
                or_(Incident.status.in_(open_values), Incident.updated_at >= since),
                order_by=Incident.first_received_at.desc(),
                limit=limit,
                viewer=viewer,
            )

    def rows(self, ids: Sequence[int], viewer: Actor | None = None) -> list[IncidentRow]:
        with self.ctx.read() as s:
            return incident_rows_where(s, Incident.id.in_(list(ids)), viewer=viewer)

    def by_number(self, number: str) -> IncidentRow:
        with self.ctx.read() as s:
            inc = s.scalar(select(Incident).where(Incident.number == number.strip().upper()))
            if inc is None:
                raise NotFoundError("Incident {id} does not exist", id=number)
            return incident_rows(s, [inc])[0]

    def detail(self, actor: Actor, incident_id: int) -> IncidentDetail:
        with self.ctx.read() as s:
            inc = self._get(s, incident_id)
            names = NameCache(s)
            row = incident_rows(s, [inc])[0]
            visible = can_see_details(actor, inc)
            merged_ids = list(
                s.scalars(select(Incident.id).where(Incident.merged_into_id == inc.id))
            )
            numbers = {inc.id: inc.number}
            calls = [
                call_view(c, names.users, numbers)
                for c in s.scalars(
                    select(Call).where(Call.incident_id == inc.id).order_by(Call.received_at)
                )
            ]
            if not visible:
                calls = [
                    CallView(
                        c.id,
                        c.uuid,
                        c.received_at,
                        c.answered_at,
                        "•••",
                        c.outcome,
                        c.incident_id,
                        c.incident_number,
                        c.operator,
                    )
                    for c in calls
                ]
            unit_signs = dict(s.execute(select(Unit.id, Unit.call_sign)).all())
            events = s.scalars(
                select(IncidentEvent)
                .where(IncidentEvent.incident_id.in_([inc.id, *merged_ids]))
                .order_by(IncidentEvent.at, IncidentEvent.id)
            )
            timeline = [
                TimelineEntry(
                    e.at,
                    e.kind,
                    e.from_status,
                    e.to_status,
                    e.text if visible or e.kind != "note" else None,
                    names.users.get(e.user_id) if e.user_id else None,
                    e.workstation,
                    unit_signs.get(e.unit_id) if e.unit_id else None,
                )
                for e in events
            ]
            dispatches = [
                DispatchView(
                    d.unit_id,
                    u.call_sign,
                    u.agency_code,
                    d.dispatched_at,
                    d.en_route_at,
                    d.on_scene_at,
                    d.cleared_at,
                )
                for d, u in s.execute(
                    select(Dispatch, Unit)
                    .join(Unit, Unit.id == Dispatch.unit_id)
                    .where(Dispatch.incident_id == inc.id)
                    .order_by(Dispatch.dispatched_at)
                ).all()
            ]
            merged_into = None
            if inc.merged_into_id:
                merged_into = s.scalar(
                    select(Incident.number).where(Incident.id == inc.merged_into_id)
                )
            if inc.sensitive and visible:
                self._audit_view(actor, inc.id)
            if not visible:
                row = IncidentRow(
                    **{
                        **{f: getattr(row, f) for f in row.__slots__},  # type: ignore[attr-defined]
                        "address": None,
                    }
                )
            return IncidentDetail(
                row=row,
                kecamatan_code=inc.kecamatan_code,
                kelurahan_code=inc.kelurahan_code,
                landmark=inc.landmark if visible else None,
                caller_name=inc.caller_name if visible else None,
                description=inc.description if visible else None,
                details_hidden=not visible,
                merged_into=merged_into,
                calls=tuple(calls),
                timeline=tuple(timeline),
                dispatches=tuple(dispatches),
                allowed_statuses=tuple(
                    t.value for t in manual_transitions(IncidentStatus(inc.status))
                ),
            )

    def _audit_view(self, actor: Actor, incident_id: int) -> None:
        """Every view of a sensitive incident's details goes into the audit trail."""
        from .audit import append_audit

        with self.ctx.transaction() as s:
            append_audit(
                s, actor, "incident.viewed_sensitive", "incident", incident_id, self.ctx.clock()
            )

    def count(self) -> int:
        with self.ctx.read() as s:
            return int(s.scalar(select(func.count(Incident.id))) or 0)
