"""Builders of read models from ORM rows (shared by the incident, intake and dispatch services)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..data.models import Call, Dispatch, Incident, Kecamatan, Kelurahan, Unit, User
from .views import CallView, IncidentRow


class NameCache:
    """Names of places and users for one read (small tables, read once)."""

    def __init__(self, session: Session) -> None:
        self.kecamatan = dict(session.execute(select(Kecamatan.code, Kecamatan.name)).all())
        self.kelurahan = dict(session.execute(select(Kelurahan.code, Kelurahan.name)).all())
        self.users = dict(session.execute(select(User.id, User.username)).all())


def units_by_incident(session: Session, incident_ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    if not incident_ids:
        return out
    for chunk_start in range(0, len(incident_ids), 900):
        chunk = incident_ids[chunk_start : chunk_start + 900]
        q = (
            select(Dispatch.incident_id, Unit.call_sign)
            .join(Unit, Unit.id == Dispatch.unit_id)
            .where(Dispatch.incident_id.in_(chunk), Dispatch.cleared_at.is_(None))
            .order_by(Dispatch.id)
        )
        for inc_id, sign in session.execute(q):
            out.setdefault(inc_id, []).append(sign)
    return out


def incident_rows(session: Session, incidents: Iterable[Incident]) -> list[IncidentRow]:
    incidents = list(incidents)
    names = NameCache(session)
    units = units_by_incident(session, [i.id for i in incidents])
    return [
        IncidentRow(
            id=i.id,
            number=i.number,
            priority=i.priority,
            status=i.status,
            category_code=i.category_code,
            kecamatan=names.kecamatan.get(i.kecamatan_code or ""),
            kelurahan=names.kelurahan.get(i.kelurahan_code or ""),
            address=i.address,
            latitude=i.latitude,
            longitude=i.longitude,
            first_received_at=i.first_received_at,
            dispatched_at=i.dispatched_at,
            updated_at=i.updated_at,
            sensitive=i.sensitive,
            units=tuple(units.get(i.id, ())),
            operator=names.users.get(i.handler_id or i.created_by_id or -1),
            version=i.version,
        )
        for i in incidents
    ]


def call_view(c: Call, users: dict[int, str], numbers: dict[int, str]) -> CallView:
    return CallView(
        id=c.id,
        uuid=c.uuid,
        received_at=c.received_at,
        answered_at=c.answered_at,
        caller_number=c.caller_number,
        outcome=c.outcome,
        incident_id=c.incident_id,
        incident_number=numbers.get(c.incident_id) if c.incident_id else None,
        operator=users.get(c.operator_id) if c.operator_id else None,
    )
