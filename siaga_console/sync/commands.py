"""Outbox commands: what an operator did while the database was out of reach, as JSON.

A command has a client-made ``uuid``, a ``kind``, the acting ``actor`` and a JSON
``payload``. Kinds and what makes their replay idempotent:

- ``log_call`` / ``link_duplicate``: the call's uuid (``CallInput.uuid``): a replay with the
  same uuid returns the existing call.
- ``create_incident``: the incident's uuid (``IncidentInput.uuid``) and the call's uuid.
- ``change_status``: the timeline event it writes carries the command's own time ``at``
  (the moment the operator pressed the button, which is also the time the measures need):
  an event ``status -> target`` at exactly that time by that workstation means "already
  applied". A target status already reached by someone else is a no-op. The version the
  operator saw (``expected_version``) is checked: a change made meanwhile by another
  console is a conflict for a person, never overwritten silently.
- ``add_note``: before sending, the command is marked ``sending`` with the time; after a
  crash in that window, a note with the same text by the same user and workstation written
  since then means "already applied".
- ``unit_status``: a unit's report by radio (en route, on scene, back, available, out of
  service) at the command's time ``at`` (so the response times measure the real moment). A
  unit already in the target status is a no-op (applied before a crash, or by someone else);
  the unit's version the operator saw is checked like an incident's.

Incidents are referred to by id, or by uuid when the incident was itself created offline
(``{"id": 12}`` or ``{"uuid": "..."}``).
"""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from ..domain.enums import Role
from ..domain.permissions import Actor
from ..services.inputs import CallInput, IncidentInput

LOG_CALL = "log_call"
LINK_DUPLICATE = "link_duplicate"
CREATE_INCIDENT = "create_incident"
CHANGE_STATUS = "change_status"
ADD_NOTE = "add_note"
UNIT_STATUS = "unit_status"
KINDS = (LOG_CALL, LINK_DUPLICATE, CREATE_INCIDENT, CHANGE_STATUS, ADD_NOTE, UNIT_STATUS)


@dataclass(frozen=True, slots=True)
class Command:
    kind: str
    actor: Actor
    payload: dict[str, Any]
    created_at: datetime
    uuid: str = field(default_factory=lambda: str(uuidlib.uuid4()))
    provisional: str | None = None  # the provisional number shown for a new incident
    seq: int = 0  # assigned by the outbox


# -- (de)serialisation ----------------------------------------------------------------------
def _dt(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def parse_dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def actor_to_json(actor: Actor) -> dict[str, Any]:
    return {
        "user_id": actor.user_id,
        "username": actor.username,
        "role": actor.role.value,
        "workstation": actor.workstation,
    }


def actor_from_json(data: dict[str, Any]) -> Actor:
    return Actor(data["user_id"], data["username"], Role(data["role"]), data["workstation"])


def call_to_json(call: CallInput) -> dict[str, Any]:
    return {
        "caller_number": call.caller_number,
        "received_at": _dt(call.received_at),
        "answered_at": _dt(call.answered_at),
        "note": call.note,
        "uuid": call.uuid,
    }


def call_from_json(data: dict[str, Any]) -> CallInput:
    return CallInput(
        caller_number=data.get("caller_number") or "",
        received_at=parse_dt(data.get("received_at")),
        answered_at=parse_dt(data.get("answered_at")),
        note=data.get("note"),
        uuid=data.get("uuid"),
    )


def form_to_json(form: IncidentInput) -> dict[str, Any]:
    return asdict(form)


def form_from_json(data: dict[str, Any]) -> IncidentInput:
    return IncidentInput(**data)


# -- builders --------------------------------------------------------------------------------
def log_call(actor: Actor, call: CallInput, outcome: str, at: datetime) -> Command:
    assert call.uuid, "an outbox call needs its client-made uuid"
    return Command(LOG_CALL, actor, {"call": call_to_json(call), "outcome": outcome}, at)


def link_duplicate(
    actor: Actor, call: CallInput, incident: dict[str, Any], at: datetime
) -> Command:
    assert call.uuid
    return Command(LINK_DUPLICATE, actor, {"call": call_to_json(call), "incident": incident}, at)


def create_incident(
    actor: Actor, call: CallInput, form: IncidentInput, at: datetime, provisional: str
) -> Command:
    assert call.uuid and form.uuid
    payload = {"call": call_to_json(call), "form": form_to_json(form)}
    return Command(CREATE_INCIDENT, actor, payload, at, provisional=provisional)


def change_status(
    actor: Actor,
    incident: dict[str, Any],
    target: str,
    expected_version: int | None,
    note: str | None,
    at: datetime,
) -> Command:
    payload = {
        "incident": incident,
        "target": target,
        "expected_version": expected_version,
        "note": note,
        "at": _dt(at),
    }
    return Command(CHANGE_STATUS, actor, payload, at)


def add_note(actor: Actor, incident: dict[str, Any], text: str, at: datetime) -> Command:
    return Command(ADD_NOTE, actor, {"incident": incident, "text": text}, at)


def unit_status(
    actor: Actor,
    unit_id: int,
    call_sign: str,
    target: str,
    expected_version: int | None,
    at: datetime,
) -> Command:
    payload = {
        "unit": unit_id,
        "call_sign": call_sign,  # for the person who reads a parked command
        "target": target,
        "expected_version": expected_version,
        "at": _dt(at),
    }
    return Command(UNIT_STATUS, actor, payload, at)
