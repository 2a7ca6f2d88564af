"""EidoIncident <-> the database: read an incident for export, write an imported one.

An imported incident keeps its EIDO identity: its uuid comes from the tracking identifier
(``model.uuid_for``), a foreign tracking id is kept in an ``eido_imported`` timeline event
and used again on export, calls keep their EIDO call id in ``calls.external_id``. Merges
and links that the tables cannot hold (the other incident is not here) are kept as
``eido_relation`` timeline events, so an export gives them back.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from ...data.models import (
    Agency,
    Call,
    Category,
    Dispatch,
    Incident,
    IncidentEvent,
    Unit,
    User,
)
from ...domain.enums import IncidentStatus
from ...domain.errors import FormErrors, ValidationError
from ...domain.geo import Gazetteer
from ...domain.permissions import Action, Actor
from ...domain.phone import HIDDEN, normalize_number
from ..context import record_change
from ..import_rows import Lookups
from ..incidents import can_see_details, next_incident_number
from ..inputs import IncidentInput, form_columns, validate_incident
from ..readers import NameCache
from .model import (
    TIME_FIELDS,
    EidoCall,
    EidoDispatch,
    EidoIncident,
    EidoNote,
    EidoRelation,
    ExchangeError,
    Ids,
    uuid_for,
)

IMPORTED = "eido_imported"
RELATION = "eido_relation"
CALL_ID_PREFIX = "urn:emergency:uid:callid:"
STATUS_TIMES = (
    ("dispatched_at", IncidentStatus.DISPATCHED),
    ("on_scene_at", IncidentStatus.ON_SCENE),
    ("resolved_at", IncidentStatus.RESOLVED),
    ("closed_at", IncidentStatus.CLOSED),
    ("cancelled_at", IncidentStatus.CANCELLED),
)


def tracking_id(s: Session, inc: Incident, ids: Ids) -> str:
    text = s.scalar(
        select(IncidentEvent.text)
        .where(IncidentEvent.incident_id == inc.id, IncidentEvent.kind == IMPORTED)
        .order_by(IncidentEvent.id)
        .limit(1)
    )
    return text.split()[0] if text else ids.incident(inc.uuid)


def _call_id(c: Call, ids: Ids) -> str:
    ext = c.external_id or ""
    return ext if ext.startswith(CALL_ID_PREFIX) else ids.call(c.uuid)


def load_incident(s: Session, actor: Actor, inc: Incident, ids: Ids) -> EidoIncident:
    """The incident as the actor may see it (sensitive details only for those allowed)."""
    names = NameCache(s)
    visible = can_see_details(actor, inc)
    see_numbers = actor.can(Action.SEE_CALLER_NUMBERS) and visible
    label = s.scalar(select(Category.label_id).where(Category.code == inc.category_code))
    calls = [
        EidoCall(
            uuid=c.uuid,
            call_id=_call_id(c, ids),
            received_at=c.received_at,
            answered_at=c.answered_at,
            number=c.caller_number if see_numbers and c.caller_number != HIDDEN else None,
            outcome=c.outcome,
            operator=names.users.get(c.operator_id) if c.operator_id else None,
            note=c.note if visible else None,
        )
        for c in s.scalars(
            select(Call).where(Call.incident_id == inc.id).order_by(Call.received_at, Call.id)
        )
    ]
    dispatches = [
        EidoDispatch(
            call_sign=u.call_sign,
            agency_code=a.code,
            agency_name=a.name,
            unit_type=u.unit_type,
            dispatched_at=d.dispatched_at,
            en_route_at=d.en_route_at,
            on_scene_at=d.on_scene_at,
            returning_at=d.returning_at,
            cleared_at=d.cleared_at,
            dispatcher=names.users.get(d.dispatched_by_id) if d.dispatched_by_id else None,
        )
        for d, u, a in s.execute(
            select(Dispatch, Unit, Agency)
            .join(Unit, Unit.id == Dispatch.unit_id)
            .join(Agency, Agency.code == Unit.agency_code)
            .where(Dispatch.incident_id == inc.id)
            .order_by(Dispatch.dispatched_at, Dispatch.id)
        )
    ]
    events = list(
        s.scalars(
            select(IncidentEvent)
            .where(IncidentEvent.incident_id == inc.id)
            .order_by(IncidentEvent.at, IncidentEvent.id)
        )
    )
    notes = [
        EidoNote(e.at, e.text or "", names.users.get(e.user_id) if e.user_id else None)
        for e in events
        if e.kind == "note" and e.text and visible
    ]
    relations: list[EidoRelation] = []
    if inc.merged_into_id:
        dst = s.get(Incident, inc.merged_into_id)
        if dst is not None:
            relations.append(EidoRelation("merge", "REPLACED", tracking_id(s, dst, ids)))
    for src in s.scalars(select(Incident).where(Incident.merged_into_id == inc.id)):
        relations.append(EidoRelation("merge", "REPLACING", tracking_id(s, src, ids)))
    seen = {r.key() for r in relations}
    for e in events:
        if e.kind == RELATION and e.text:
            kind, direction, target, *reason = e.text.split(" ", 3)
            r = EidoRelation(kind, direction, target, reason[0] if reason else None)
            if r.key() not in seen:
                seen.add(r.key())
                relations.append(r)
    return EidoIncident(
        uuid=inc.uuid,
        tracking_id=tracking_id(s, inc, ids),
        number=inc.number,
        category_code=inc.category_code,
        category_label=label or inc.category_code,
        priority=inc.priority,
        status=inc.status,
        kecamatan=names.kecamatan.get(inc.kecamatan_code or ""),
        kelurahan=names.kelurahan.get(inc.kelurahan_code or ""),
        kecamatan_code=inc.kecamatan_code,
        kelurahan_code=inc.kelurahan_code,
        address=inc.address if visible else None,
        landmark=inc.landmark if visible else None,
        latitude=inc.latitude,
        longitude=inc.longitude,
        caller_name=inc.caller_name if visible else None,
        description=inc.description if visible else None,
        sensitive=inc.sensitive,
        times={k: getattr(inc, k) for k in TIME_FIELDS},
        updated_at=inc.updated_at,
        creator=names.users.get(inc.created_by_id) if inc.created_by_id else None,
        calls=calls,
        dispatches=dispatches,
        notes=notes,
        relations=relations,
        details_hidden=not visible,
    )


class IncidentWriter:
    """Writes one parsed EIDO incident in the caller's transaction."""

    def __init__(self, s: Session, actor: Actor, gazetteer: Gazetteer, now: datetime) -> None:
        self.s = s
        self.actor = actor
        self.gazetteer = gazetteer
        self.now = now
        self.lookups = Lookups(s)
        self.users = dict(s.execute(select(User.username, User.id)).all())

    def _place(self, e: EidoIncident) -> IncidentInput:
        kec = kel = None
        try:
            kec = self.lookups.kecamatan_code(e.kecamatan) if e.kecamatan else None
            kel = self.lookups.kelurahan_code(e.kelurahan, kec) if e.kelurahan else None
        except ValidationError as exc:
            e.warnings.append(f"place not found here: {exc.message}")
            kec = kel = None
        lat, lon, address = e.latitude, e.longitude, e.address
        if lat is not None and lon is not None and not self.gazetteer.in_city(lat, lon):
            e.warnings.append(f"({lat:.5f}, {lon:.5f}) is outside Kota Serang: kept in the address")
            address = f"{address or ''} [{lat:.5f}, {lon:.5f}]".strip()
            lat = lon = None
        category = e.category_code if e.category_code in self.lookups.categories else "other"
        priority = e.priority if e.priority in (1, 2, 3, 4) else None
        form = IncidentInput(
            category_code=category,
            priority=priority,
            kecamatan_code=kec,
            kelurahan_code=kel,
            address=(address or "")[:256] or None,
            landmark=(e.landmark or "")[:256] or None,
            latitude=lat,
            longitude=lon,
            caller_name=(e.caller_name or "")[:128] or None,
            description=(e.description or "")[:4000] or None,
            sensitive=e.sensitive,
        )
        try:
            return validate_incident(
                form, self.gazetteer, self.lookups.categories, self.lookups.parents
            )
        except FormErrors as exc:
            raise ExchangeError(
                "The EIDO incident cannot be stored: {reason}",
                reason="; ".join(x.message for x in exc.errors),
            ) from exc

    def write(self, e: EidoIncident) -> tuple[int, bool]:
        """(incident id, created?): an incident already here (same uuid) is left as it is."""
        s = self.s
        existing = s.scalar(select(Incident.id).where(Incident.uuid == e.uuid))
        if existing is not None:
            return int(existing), False
        f = self._place(e)
        times = dict(e.times)
        first = times.get("first_received_at") or e.updated_at
        times["first_received_at"] = first
        if e.dispatches:
            times["dispatched_at"] = times.get("dispatched_at") or min(
                d.dispatched_at for d in e.dispatches
            )
        status = e.status if e.status in {x.value for x in IncidentStatus} else "new"
        merged_into = None
        for r in e.relations:
            if r.kind == "merge" and r.direction == "REPLACED":
                merged_into = s.scalar(
                    select(Incident.id).where(Incident.uuid == uuid_of(r.tracking_id))
                )
        assert f.priority is not None
        inc = Incident(
            uuid=e.uuid,
            number=next_incident_number(s, first),
            status=status,
            **form_columns(f),
            merged_into_id=merged_into,
            created_by_id=self.users.get(e.creator or "", self.actor.user_id),
            handler_id=None,
            workstation=self.actor.workstation,
            created_at=self.now,
            updated_at=e.updated_at,
            **{k: v for k, v in times.items() if k in TIME_FIELDS},
        )
        s.add(inc)
        s.flush()
        self._calls(inc, e)
        self._dispatches(inc, e)
        self._events(inc, e, merged_into)
        record_change(
            s,
            self.actor,
            "incident.imported",
            "incident",
            inc.id,
            self.now,
            {"tracking_id": e.tracking_id},
        )
        return inc.id, True

    def _calls(self, inc: Incident, e: EidoIncident) -> None:
        rows: list[dict[str, Any]] = []
        for c in e.calls:
            ext = c.call_id if len(c.call_id) <= 64 else None
            taken = self.s.scalar(
                select(Call.id).where(or_(Call.uuid == c.uuid, Call.external_id == (ext or c.uuid)))
            )
            if taken is not None:
                e.warnings.append(f"call {c.call_id} is already here: not added again")
                continue
            note = c.note
            number = _number(c.number)
            if number is None:
                number = HIDDEN
                note = f"{note or ''} callback tel:{c.number}".strip()[:512]
            rows.append(
                {
                    "uuid": c.uuid,
                    "external_id": ext,
                    "received_at": c.received_at,
                    "answered_at": c.answered_at,
                    "caller_number": number,
                    "outcome": c.outcome,
                    "incident_id": inc.id,
                    "operator_id": self.users.get(c.operator) if c.operator else None,
                    "workstation": self.actor.workstation,
                    "note": note,
                    "created_at": self.now,
                }
            )
        if rows:
            self.s.execute(insert(Call), rows)

    def _dispatches(self, inc: Incident, e: EidoIncident) -> None:
        s = self.s
        agencies = set(s.scalars(select(Agency.code)))
        for d in e.dispatches:
            unit = s.scalar(select(Unit).where(Unit.call_sign == d.call_sign))
            if unit is None:
                if d.agency_code not in agencies:
                    e.warnings.append(
                        f"unit {d.call_sign} of {d.agency_name}: agency not known here"
                    )
                    continue
                unit = Unit(
                    call_sign=d.call_sign,
                    agency_code=d.agency_code,
                    unit_type=d.unit_type or "-",
                    base_label="EIDO",
                    status="available",
                    status_changed_at=self.now,
                    active=False,
                )
                s.add(unit)
                s.flush()
            s.add(
                Dispatch(
                    incident_id=inc.id,
                    unit_id=unit.id,
                    dispatched_at=d.dispatched_at,
                    en_route_at=d.en_route_at,
                    on_scene_at=d.on_scene_at,
                    returning_at=d.returning_at,
                    cleared_at=d.cleared_at,
                    dispatched_by_id=self.users.get(d.dispatcher) if d.dispatcher else None,
                )
            )

    def _events(self, inc: Incident, e: EidoIncident, merged_into: int | None) -> None:
        actor = self.actor

        def event(
            at: datetime,
            kind: str,
            text: str | None = None,
            *,
            user_id: int | None = actor.user_id,
            from_status: str | None = None,
            to_status: str | None = None,
        ) -> None:
            self.s.add(
                IncidentEvent(
                    incident_id=inc.id,
                    at=at,
                    kind=kind,
                    text=text,
                    from_status=from_status,
                    to_status=to_status,
                    user_id=user_id,
                    workstation=actor.workstation,
                )
            )

        event(inc.first_answered_at or inc.first_received_at, "created", to_status="new")
        event(self.now, IMPORTED, " ".join(x for x in (e.tracking_id, e.issuer, e.number) if x))
        current = "new"
        for col, st in STATUS_TIMES:
            at = getattr(inc, col)
            if at is not None:
                event(at, "status", from_status=current, to_status=st.value)
                current = st.value
        for n in e.notes:
            event(n.at, "note", n.text, user_id=self.users.get(n.user) if n.user else None)
        for r in e.relations:
            if r.kind == "merge" and r.direction == "REPLACED" and merged_into is not None:
                continue
            event(
                self.now,
                RELATION,
                " ".join(x for x in (r.kind, r.direction, r.tracking_id, r.reason) if x),
            )


def uuid_of(tracking: str) -> str:
    return uuid_for(tracking, "incidentid")


def _number(raw: str | None) -> str | None:
    """E.164 of a callback number, or None when it cannot be trusted.

    A tel: URI without "+" is local to the sender's country (RFC 3966): which country is
    not known here, so such a number is kept in the call's note rather than guessed.
    """
    if not raw:
        return HIDDEN
    if not raw.startswith("+"):
        return None
    try:
        return normalize_number(raw)
    except ValidationError:
        return None
