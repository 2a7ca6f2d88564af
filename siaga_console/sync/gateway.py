"""The commands the UI calls instead of the services: the database when it answers, the
outbox when it does not.

``CommandGateway`` has the services' method names and return types. Online it calls the
service (after replaying anything still queued, so the order of commands is kept). When
the database cannot be reached, the command is validated locally (same rules, reference
data read at start), written durably to the outbox, and a *provisional* result is returned
at once: a ``CallView`` / ``IncidentRow`` with a negative id and, for an incident, a
provisional number ``SRG-YYYYMMDD-L-<WS>-NNNN`` (``version`` 0) that the real number
replaces when the outbox replays. Runs on the database worker thread (one at a time).
"""

from __future__ import annotations

import logging
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from ..domain.enums import CallOutcome, IncidentStatus, UnitStatus
from ..domain.errors import DatabaseError, NotFoundError, ValidationError
from ..domain.permissions import Action, Actor
from ..domain.state_machine import ENDS_ASSIGNMENT, check_transition, check_unit_report
from ..services.inputs import CallInput, IncidentInput, clean_text, validate_call, validate_incident
from ..services.views import CallView, IncidentRow, UnitRow
from . import commands as cmds
from .connection import is_connection_error
from .outbox import Outbox, provisional_number
from .replay import ReplayReport

if TYPE_CHECKING:
    from ..services.container import Services
    from ..services.reference import ReferenceData

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class OfflineReference:
    """What local validation needs, read while the database was reachable."""

    categories: dict[str, tuple[int, bool]]
    kelurahan_parent: dict[str, str]
    kecamatan_names: dict[str, str]
    kelurahan_names: dict[str, str]

    @classmethod
    def from_bundle(cls, ref: ReferenceData) -> OfflineReference:
        return cls(
            {c.code: (c.default_priority, c.sensitive) for c in ref.categories},
            {k.code: k.parent_code or "" for k in ref.kelurahan},
            {k.code: k.name for k in ref.kecamatan},
            {k.code: k.name for k in ref.kelurahan},
        )


class CommandGateway:
    def __init__(
        self,
        services: Services,
        outbox: Outbox,
        reference: OfflineReference | None = None,
        on_offline: Callable[[BaseException], None] | None = None,
        on_replayed: Callable[[ReplayReport], None] | None = None,
    ) -> None:
        """``on_offline`` / ``on_replayed`` run on the calling (worker) thread: a Qt
        receiver hands them over with a signal."""
        self.services = services
        self.outbox = outbox
        self.reference = reference
        self.on_offline = on_offline
        self.on_replayed = on_replayed
        self.online = True
        self.last_report: ReplayReport | None = None

    # -- state ---------------------------------------------------------------------------
    def set_online(self, online: bool) -> None:
        """The follower says whether the database answers (commands skip the attempt)."""
        self.online = online

    def replay(self, actor_resolver: Callable[[Actor], Actor] | None = None) -> ReplayReport:
        report = self.outbox.replay(self.services, actor_resolver)
        self.online = not report.interrupted
        self.last_report = report
        if self.on_replayed is not None and report.outcomes:
            self.on_replayed(report)  # also after a replay made before a command
        return report

    @property
    def queued(self) -> int:
        return self.outbox.count()

    def _run(
        self,
        direct: Callable[[], T],
        command: Callable[[], cmds.Command],
        provisional: Callable[[cmds.Command], T],
    ) -> T:
        if self.online and self.outbox.has_pending():
            self.replay()  # keep the order: what was queued goes first
        if self.online and not self.outbox.has_pending():
            try:
                result = direct()
            except Exception as exc:
                if not is_connection_error(exc):
                    raise
                self.online = False
                log.warning("database unreachable, command queued: %s", exc)
                if self.on_offline is not None:
                    self.on_offline(exc)
            else:
                return result
        return provisional(self.outbox.enqueue(command()))

    def _now(self) -> datetime:
        return self.services.ctx.clock()

    # -- calls ---------------------------------------------------------------------------
    def log_call(self, actor: Actor, call: CallInput, outcome: CallOutcome | str) -> CallView:
        actor.require(Action.LOG_CALL)
        outcome = CallOutcome(outcome)
        if outcome in (CallOutcome.VALID, CallOutcome.DUPLICATE):
            raise ValidationError(
                "Use the incident form for outcome {outcome}", outcome=outcome.value
            )
        number, _r, _a = validate_call(call)
        now = self._now()
        answered = call.answered_at or (None if outcome is CallOutcome.DROPPED else now)
        call = replace(
            call,
            uuid=call.uuid or str(uuidlib.uuid4()),
            received_at=call.received_at or now,
            answered_at=answered,
        )

        def provisional(cmd: cmds.Command) -> CallView:
            assert call.received_at is not None and call.uuid is not None
            return CallView(
                -cmd.seq,
                call.uuid,
                call.received_at,
                call.answered_at,
                number,
                outcome.value,
                None,
                None,
                actor.username,
            )

        return self._run(
            lambda: self.services.intake.log_call(actor, call, outcome),
            lambda: cmds.log_call(actor, call, outcome.value, now),
            provisional,
        )

    def link_duplicate(self, actor: Actor, call: CallInput, incident_id: int) -> CallView:
        actor.require(Action.LOG_CALL)
        number, _r, _a = validate_call(call)
        now = self._now()
        call = replace(
            call,
            uuid=call.uuid or str(uuidlib.uuid4()),
            received_at=call.received_at or now,
            answered_at=call.answered_at or now,
        )

        def command() -> cmds.Command:
            ref = self._ref(incident_id)
            cmd = cmds.link_duplicate(actor, call, ref, now)
            return _with_after(cmd, self._last_on(ref))

        def provisional(cmd: cmds.Command) -> CallView:
            assert call.received_at is not None and call.uuid is not None
            return CallView(
                -cmd.seq,
                call.uuid,
                call.received_at,
                call.answered_at,
                number,
                CallOutcome.DUPLICATE.value,
                incident_id,
                None,
                actor.username,
            )

        return self._run(
            lambda: self.services.intake.link_duplicate(actor, call, incident_id),
            command,
            provisional,
        )

    # -- incidents -----------------------------------------------------------------------
    def create_from_call(self, actor: Actor, call: CallInput, form: IncidentInput) -> IncidentRow:
        actor.require(Action.HANDLE_INCIDENT)
        validate_call(call)
        now = self._now()
        call = replace(
            call,
            uuid=call.uuid or str(uuidlib.uuid4()),
            received_at=call.received_at or now,
            answered_at=call.answered_at or now,
        )
        form = replace(form, uuid=form.uuid or str(uuidlib.uuid4()))
        holder: dict[str, Any] = {}

        def command() -> cmds.Command:
            ref = self.reference
            checked = form
            if ref is not None:  # the same rules as the service, on the cached lists
                checked = validate_incident(
                    form, self.services.ctx.gazetteer, ref.categories, ref.kelurahan_parent
                )
            holder["form"] = checked
            label = provisional_number(self.outbox, actor.workstation, call.received_at or now)
            return cmds.create_incident(actor, call, form, now, label)

        def provisional(cmd: cmds.Command) -> IncidentRow:
            f: IncidentInput = holder["form"]
            ref = self.reference
            assert call.received_at is not None and cmd.provisional is not None
            return IncidentRow(
                id=-cmd.seq,
                number=cmd.provisional,
                priority=f.priority or 3,
                status=IncidentStatus.NEW.value,
                category_code=f.category_code,
                kecamatan=ref.kecamatan_names.get(f.kecamatan_code or "") if ref else None,
                kelurahan=ref.kelurahan_names.get(f.kelurahan_code or "") if ref else None,
                address=f.address,
                latitude=f.latitude,
                longitude=f.longitude,
                first_received_at=call.received_at,
                dispatched_at=None,
                updated_at=now,
                sensitive=bool(f.sensitive),
                units=(),
                operator=actor.username,
                version=0,
            )

        return self._run(
            lambda: self.services.incidents.create_from_call(actor, call, form),
            command,
            provisional,
        )

    def change_status(
        self,
        actor: Actor,
        incident_id: int,
        target: IncidentStatus | str,
        expected_version: int | None = None,
        note: str | None = None,
        at: datetime | None = None,
        *,
        known: IncidentRow | None = None,
    ) -> IncidentRow:
        """``known``: the incident as the operator last saw it (the provisional result is
        built from it when the database cannot be reached)."""
        actor.require(Action.HANDLE_INCIDENT)
        target = IncidentStatus(target)
        note = clean_text(note, "note")
        when = at or self._now()

        def command() -> cmds.Command:
            if known is None:
                raise DatabaseError(
                    "The database cannot be reached and incident {id} is not on screen",
                    id=incident_id,
                )
            check_transition(IncidentStatus(known.status), target)
            ref = self._ref(incident_id)
            cmd = cmds.change_status(actor, ref, target.value, expected_version, note, when)
            return _with_after(cmd, self._last_on(ref))

        def provisional(_cmd: cmds.Command) -> IncidentRow:
            assert known is not None
            return replace(known, status=target.value, updated_at=when)

        return self._run(
            lambda: self.services.incidents.change_status(
                actor, incident_id, target, expected_version, note, at=when
            ),
            command,
            provisional,
        )

    def add_note(self, actor: Actor, incident_id: int, text: str) -> None:
        actor.require(Action.HANDLE_INCIDENT)
        body = clean_text(text, "description")
        if not body:
            raise ValidationError("The note is empty", field="note")
        now = self._now()

        def command() -> cmds.Command:
            ref = self._ref(incident_id)
            return _with_after(cmds.add_note(actor, ref, body, now), self._last_on(ref))

        self._run(
            lambda: self.services.incidents.add_note(actor, incident_id, body),
            command,
            lambda _cmd: None,
        )

    # -- units ---------------------------------------------------------------------------
    def set_unit_status(
        self,
        actor: Actor,
        unit_id: int,
        status: UnitStatus | str,
        expected_version: int | None = None,
        *,
        known: UnitRow | None = None,
    ) -> UnitRow:
        """A unit's report (by radio). ``known``: the unit as the operator last saw it (the
        provisional result is built from it when the database cannot be reached)."""
        actor.require(Action.UNIT_STATUS)
        target = UnitStatus(status)
        when = self._now()

        def command() -> cmds.Command:
            if known is None:
                raise DatabaseError(
                    "The database cannot be reached and unit {id} is not on screen", id=unit_id
                )
            check_unit_report(target, known.call_sign, known.incident_id)
            cmd = cmds.unit_status(
                actor, unit_id, known.call_sign, target.value, expected_version, when
            )
            return _with_after(  # a chain of reports on one unit
                cmd,
                self._last_where(
                    lambda c: c.kind == cmds.UNIT_STATUS and c.payload.get("unit") == unit_id
                ),
            )

        def provisional(_cmd: cmds.Command) -> UnitRow:
            assert known is not None
            shown = replace(known, status=target.value, status_changed_at=when)
            if target in ENDS_ASSIGNMENT:
                shown = replace(shown, incident_id=None, incident_number=None)
            return shown

        return self._run(
            lambda: self.services.dispatch.set_unit_status(
                actor, unit_id, target, expected_version, at=when
            ),
            command,
            provisional,
        )

    # -- references to incidents ---------------------------------------------------------
    def _ref(self, incident_id: int) -> dict[str, Any]:
        """A real id, or the uuid of an incident that exists only in the outbox so far."""
        if incident_id >= 0:
            return {"id": incident_id}
        stored = self.outbox.get(-incident_id)
        if stored is None or stored.command.kind != cmds.CREATE_INCIDENT:
            raise NotFoundError("Incident {id} does not exist", id=incident_id)
        return {"uuid": stored.command.payload["form"]["uuid"]}

    def _last_on(self, ref: dict[str, Any]) -> str | None:
        """The last queued command that changes this incident (its version)."""

        def hit(c: cmds.Command) -> bool:
            if c.kind == cmds.CREATE_INCIDENT:
                return ref.get("uuid") is not None and c.payload["form"].get("uuid") == ref["uuid"]
            return bool(c.payload.get("incident") == ref)

        return self._last_where(hit)

    def _last_where(self, hit: Callable[[cmds.Command], bool]) -> str | None:
        """The uuid of the last queued command ``hit`` accepts."""
        last: str | None = None
        for stored in self.outbox.pending():
            if hit(stored.command):
                last = stored.command.uuid
        return last


def _with_after(cmd: cmds.Command, after: str | None) -> cmds.Command:
    if after is None:
        return cmd
    return replace(cmd, payload={**cmd.payload, "after": after})
