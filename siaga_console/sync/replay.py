"""Replaying the outbox against the database, in order, idempotently."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..data.models import Incident, IncidentEvent, Unit
from ..domain.enums import IncidentStatus, UnitStatus
from ..domain.errors import (
    ConflictError,
    FormErrors,
    NotFoundError,
    SiagaError,
    TransitionError,
)
from ..domain.permissions import Actor
from . import commands as cmds
from .connection import is_connection_error

if TYPE_CHECKING:
    from ..services.container import Services
    from .outbox import Outbox, StoredCommand

APPLIED, ALREADY, CONFLICT, FAILED = "applied", "already", "conflict", "failed"


@dataclass(frozen=True, slots=True)
class ReplayOutcome:
    seq: int
    uuid: str
    kind: str
    result: str  # applied, already, conflict, failed
    provisional: str | None = None
    incident_id: int | None = None
    number: str | None = None  # the real incident number, when there is one
    error: SiagaError | None = None
    command: cmds.Command | None = None
    version: int | None = None  # the incident's (a unit command: the unit's) version after it


@dataclass
class ReplayReport:
    outcomes: list[ReplayOutcome] = field(default_factory=list)
    interrupted: bool = False  # the database went away again: the rest stays queued
    error: str | None = None
    remaining: int = 0

    def count(self, result: str) -> int:
        return sum(1 for o in self.outcomes if o.result == result)

    @property
    def applied(self) -> int:
        return self.count(APPLIED)

    @property
    def already(self) -> int:
        return self.count(ALREADY)

    @property
    def conflicts(self) -> list[ReplayOutcome]:
        return [o for o in self.outcomes if o.result in (CONFLICT, FAILED)]

    @property
    def renumbered(self) -> dict[str, str]:
        """Provisional incident number -> real number."""
        return {o.provisional: o.number for o in self.outcomes if o.provisional and o.number}


def replay(
    outbox: Outbox,
    services: Services,
    actor_resolver: Callable[[Actor], Actor] | None = None,
    *,
    limit: int | None = None,
) -> ReplayReport:
    report = ReplayReport()
    clock = services.ctx.clock
    todo = outbox.pending()
    if limit is not None:
        todo = todo[:limit]
    for stored in todo:
        cmd = stored.command
        actor = actor_resolver(cmd.actor) if actor_resolver else cmd.actor
        crashed_while_sending = stored.state == "sending"
        outbox.mark_sending(cmd.seq, clock())
        try:
            outcome = _apply(outbox, services, cmd, actor, stored, crashed_while_sending)
        except Exception as exc:
            if is_connection_error(exc):
                # Unknown outcome: stays 'sending'; the next replay checks before resending.
                report.interrupted = True
                report.error = str(exc).strip().splitlines()[0][:200] if str(exc) else None
                break
            err = exc if isinstance(exc, SiagaError) else None
            kind = CONFLICT if isinstance(exc, ConflictError | TransitionError) else FAILED
            outbox.mark(cmd.seq, kind, clock(), error=_error_json(exc))
            report.outcomes.append(
                ReplayOutcome(
                    cmd.seq, cmd.uuid, cmd.kind, kind, cmd.provisional, None, None, err, cmd
                )
            )
            continue
        outbox.mark(
            cmd.seq,
            "done",
            clock(),
            result={
                "id": outcome.incident_id,
                "number": outcome.number,
                "version": outcome.version,
                "result": outcome.result,
            },
        )
        report.outcomes.append(outcome)
    report.remaining = outbox.count()
    return report


def _error_json(exc: BaseException) -> dict[str, Any]:
    if isinstance(exc, SiagaError):
        params = {k: v for k, v in exc.params.items() if isinstance(v, str | int | float | None)}
        out: dict[str, Any] = {"template": exc.template, "params": params, "message": exc.message}
        if isinstance(exc, FormErrors):
            out["errors"] = [e.message for e in exc.errors]
        return out
    return {"template": None, "params": {}, "message": f"{type(exc).__name__}: {exc}"}


def resolve_incident(services: Services, ref: dict[str, Any]) -> int:
    if ref.get("id") is not None:
        return int(ref["id"])
    with services.ctx.read() as s:
        found = s.scalar(select(Incident.id).where(Incident.uuid == ref.get("uuid")))
    if found is None:
        raise NotFoundError("Incident {id} does not exist", id=str(ref.get("uuid")))
    return int(found)


def current_version(services: Services, cmd: cmds.Command) -> int | None:
    """The version now in the database of what a versioned command changes (a unit, or an
    incident): "send again" applies a parked command on top of it. None for the others."""
    if cmd.kind == cmds.UNIT_STATUS:
        with services.ctx.read() as s:
            return s.scalar(select(Unit.version).where(Unit.id == int(cmd.payload["unit"])))
    if cmd.kind == cmds.CHANGE_STATUS:
        return _version(services, resolve_incident(services, cmd.payload["incident"]))
    return None


def _version(services: Services, incident_id: int) -> int | None:
    with services.ctx.read() as s:
        return s.scalar(select(Incident.version).where(Incident.id == incident_id))


def _expected(outbox: Outbox, services: Services, p: dict[str, Any], inc_id: int) -> int | None:
    """The version the command may apply to: the one the operator saw, or, for a command
    made after another queued one on the same incident, the version that one left."""
    try:
        return _after_version(outbox, p)
    except _EarlierNotApplied:
        pass
    with services.ctx.read() as s:
        number = s.scalar(select(Incident.number).where(Incident.id == inc_id))
    raise ConflictError(
        "An earlier change to incident {number} was not applied; check it and try again",
        number=number or str(inc_id),
    )


class _EarlierNotApplied(Exception):
    """The earlier queued command a command follows was not applied (parked, dropped)."""


def _after_version(outbox: Outbox, p: dict[str, Any]) -> int | None:
    """The expected version (see ``_expected``)."""
    after = p.get("after")
    if not after:
        v = p.get("expected_version")
        return int(v) if v is not None else None
    prev = outbox.by_uuid(str(after))
    if (
        prev is None
        or prev.state != "done"
        or not prev.result
        or prev.result.get("version") is None
    ):
        raise _EarlierNotApplied
    return int(prev.result["version"])


def _unit_status(
    outbox: Outbox,
    services: Services,
    cmd: cmds.Command,
    actor: Actor,
    done: Callable[..., ReplayOutcome],
) -> ReplayOutcome:
    p = cmd.payload
    unit_id = int(p["unit"])
    target = UnitStatus(p["target"])
    at = cmds.parse_dt(p.get("at")) or cmd.created_at
    with services.ctx.read() as s:
        unit = s.get(Unit, unit_id)
        if unit is None:
            raise NotFoundError("Unit {id} does not exist", id=unit_id)
        status, version, call_sign = unit.status, unit.version, unit.call_sign
    if status == target.value:  # applied before a crash, or by someone else: nothing to do
        return done(ALREADY, None, None, version)
    try:
        expected = _after_version(outbox, p)
    except _EarlierNotApplied:
        raise ConflictError(
            "An earlier change to unit {unit} was not applied; check it and try again",
            unit=call_sign,
        ) from None
    row = services.dispatch.set_unit_status(actor, unit_id, target, expected, at=at)
    return done(APPLIED, None, None, row.version)


def _apply(
    outbox: Outbox,
    services: Services,
    cmd: cmds.Command,
    actor: Actor,
    stored: StoredCommand,
    crashed_while_sending: bool,
) -> ReplayOutcome:
    p = cmd.payload

    def done(
        result: str,
        incident_id: int | None = None,
        number: str | None = None,
        version: int | None = None,
    ) -> ReplayOutcome:
        if incident_id is not None and version is None:
            version = _version(services, incident_id)
        return ReplayOutcome(
            cmd.seq,
            cmd.uuid,
            cmd.kind,
            result,
            cmd.provisional,
            incident_id,
            number,
            None,
            cmd,
            version,
        )

    if cmd.kind == cmds.LOG_CALL:
        view = services.intake.log_call(actor, cmds.call_from_json(p["call"]), p["outcome"])
        return done(APPLIED, view.incident_id)
    if cmd.kind == cmds.LINK_DUPLICATE:
        inc_id = resolve_incident(services, p["incident"])
        view = services.intake.link_duplicate(actor, cmds.call_from_json(p["call"]), inc_id)
        return done(APPLIED, inc_id, view.incident_number)
    if cmd.kind == cmds.CREATE_INCIDENT:
        form = cmds.form_from_json(p["form"])
        row = services.incidents.create_from_call(actor, cmds.call_from_json(p["call"]), form)
        return done(APPLIED, row.id, row.number, row.version)
    if cmd.kind == cmds.CHANGE_STATUS:
        return _change_status(outbox, services, cmd, actor, done)
    if cmd.kind == cmds.UNIT_STATUS:
        return _unit_status(outbox, services, cmd, actor, done)
    if cmd.kind == cmds.ADD_NOTE:
        inc_id = resolve_incident(services, p["incident"])
        if (
            crashed_while_sending
            and stored.attempt_at
            and _note_exists(services, inc_id, actor, p["text"], stored.attempt_at)
        ):
            return done(ALREADY, inc_id)
        services.incidents.add_note(actor, inc_id, p["text"])
        return done(APPLIED, inc_id)
    raise ValueError(f"unknown outbox command {cmd.kind!r}")


def _change_status(
    outbox: Outbox,
    services: Services,
    cmd: cmds.Command,
    actor: Actor,
    done: Callable[..., ReplayOutcome],
) -> ReplayOutcome:
    p = cmd.payload
    inc_id = resolve_incident(services, p["incident"])
    target = IncidentStatus(p["target"])
    at = cmds.parse_dt(p.get("at")) or cmd.created_at
    with services.ctx.read() as s:
        inc = s.get(Incident, inc_id)
        if inc is None:
            raise NotFoundError("Incident {id} does not exist", id=inc_id)
        applied = s.scalar(
            select(IncidentEvent.id).where(
                IncidentEvent.incident_id == inc_id,
                IncidentEvent.kind == "status",
                IncidentEvent.to_status == target.value,
                IncidentEvent.at == at,
                IncidentEvent.workstation == actor.workstation,
            )
        )
        status, version, number = inc.status, inc.version, inc.number
    if applied is not None:
        return done(ALREADY, inc_id, number, version)
    if status == target.value:
        return done(ALREADY, inc_id, number, version)  # somebody else already did it
    expected = _expected(outbox, services, p, inc_id)
    row = services.incidents.change_status(actor, inc_id, target, expected, p.get("note"), at=at)
    return done(APPLIED, inc_id, row.number, row.version)


def _note_exists(
    services: Services, incident_id: int, actor: Actor, text: str, since: datetime
) -> bool:
    with services.ctx.read() as s:
        found = s.scalar(
            select(IncidentEvent.id).where(
                IncidentEvent.incident_id == incident_id,
                IncidentEvent.kind == "note",
                IncidentEvent.text == text.strip(),
                IncidentEvent.user_id == actor.user_id,
                IncidentEvent.workstation == actor.workstation,
                IncidentEvent.at >= since,
            )
        )
    return found is not None
