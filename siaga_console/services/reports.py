"""Dashboard snapshots, supervisor reports and handover notes (Qt-free).

A *snapshot* is everything the dashboard draws for one period (measures, breakdowns,
distributions, calls per slot); anyone logged in may compute it. A *report* adds what a
supervisor hands over: the incidents still open at the end of the period with their state
then and now, the handover notes, and the calls of the period (caller numbers masked unless
the actor may see them). Exports (CSV, XLSX) live in ``services/report_files.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select

from ..data.models import Call, HandoverNote, Incident, User
from ..domain.enums import IncidentStatus
from ..domain.errors import ValidationError
from ..domain.permissions import Action, Actor
from ..domain.phone import mask_number
from .context import ServiceContext, record_change
from .readers import NameCache, units_by_incident
from .reference import ReferenceService
from .stats import (
    ANSWER_EDGES,
    RESPONSE_EDGES,
    Breakdown,
    CallSlots,
    Distribution,
    Period,
    StatsService,
    Trend,
)

MAX_NOTE = 4000
MAX_REPORT_CALLS = 200_000
_ONE_SECOND = timedelta(seconds=1)


@dataclass(frozen=True, slots=True)
class Targets:
    """Targets shown against the measures (settings ``target_*``, percentages 0-100)."""

    answer_15s_pct: float = 90.0
    answer_20s_pct: float = 95.0
    processing_60s_pct: float = 90.0
    answer_p90_s: float = 15.0  # NENA: 90 % within 15 s, i.e. the 90th percentile

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> Targets:
        return cls(
            float(settings.get("target_answer_15s_pct", 90)),
            float(settings.get("target_answer_20s_pct", 95)),
            float(settings.get("target_processing_60s_pct", 90)),
        )


def kpi_status(
    value: float | None, target: float | None, *, higher_is_better: bool = True, margin: float
) -> str:
    """``good`` (target met), ``warn`` (within ``margin`` of it), ``bad``; ``none`` without
    a value or a target."""
    if value is None or target is None:
        return "none"
    gap = (value - target) if higher_is_better else (target - value)
    if gap >= 0:
        return "good"
    return "warn" if gap >= -margin else "bad"


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the dashboard draws for one period."""

    period: Period
    measures: dict[str, Any]
    breakdown: Breakdown
    slots: CallSlots
    answer: Distribution
    response: Distribution
    targets: Targets
    computed_at: datetime

    @property
    def is_empty(self) -> bool:
        return not self.measures["calls_total"] and not self.measures["incidents_total"]


@dataclass(frozen=True, slots=True)
class OpenIncident:
    id: int
    number: str
    category_code: str
    priority: int
    kecamatan: str | None
    address: str | None  # None when hidden (sensitive incident, actor without the right)
    first_received_at: datetime
    status_at_end: str
    status_now: str
    units: tuple[str, ...]
    sensitive: bool


@dataclass(frozen=True, slots=True)
class HandoverNoteView:
    id: int
    shift_key: str
    author: str | None
    text: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ReportCall:
    received_at: datetime
    answered_at: datetime | None
    caller_number: str
    outcome: str
    incident_number: str | None
    operator: str | None
    workstation: str | None


@dataclass(frozen=True, slots=True)
class ShiftReport:
    snapshot: Snapshot
    trend: Trend | None
    open_incidents: tuple[OpenIncident, ...]
    notes: tuple[HandoverNoteView, ...]
    calls: tuple[ReportCall, ...]
    calls_truncated: bool
    numbers_masked: bool
    generated_at: datetime
    generated_by: str
    is_demo: bool

    @property
    def period(self) -> Period:
        return self.snapshot.period


def status_at(inc: Incident, moment: datetime) -> str:
    """The incident's status at ``moment``, from its timestamps."""
    steps = (
        (inc.cancelled_at, IncidentStatus.CANCELLED),
        (inc.closed_at, IncidentStatus.CLOSED),
        (inc.resolved_at, IncidentStatus.RESOLVED),
        (inc.on_scene_at, IncidentStatus.ON_SCENE),
        (inc.dispatched_at, IncidentStatus.DISPATCHED),
        (inc.verified_at, IncidentStatus.VERIFIED),
    )
    for at, status in steps:
        if at is not None and at < moment:
            return status.value
    return IncidentStatus.NEW.value


class ReportService:
    def __init__(
        self, ctx: ServiceContext, stats: StatsService, reference: ReferenceService
    ) -> None:
        self.ctx = ctx
        self.stats = stats
        self.reference = reference

    # -- the dashboard --------------------------------------------------------------------
    def snapshot(self, period: Period) -> Snapshot:
        """Every number the dashboard shows for ``period`` (SQL aggregates only)."""
        start, end = period.start, period.end
        return Snapshot(
            period=period,
            measures=self.stats.measures(start, end),
            breakdown=self.stats.breakdown(start, end),
            slots=self.stats.call_slots(start, end),
            answer=self.stats.distribution(start, end, "answer_s", ANSWER_EDGES),
            response=self.stats.distribution(start, end, "response_s", RESPONSE_EDGES),
            targets=Targets.from_settings(self.reference.settings()),
            computed_at=self.ctx.clock(),
        )

    # -- the supervisor's report ----------------------------------------------------------
    def build(
        self,
        actor: Actor,
        period: Period,
        *,
        with_trend: bool = True,
        with_calls: bool = True,
        reveal_numbers: bool = True,
        reveal_sensitive: bool = True,
    ) -> ShiftReport:
        """The report of ``period``. Caller numbers are masked unless the actor may see them
        and ``reveal_numbers``; addresses of sensitive incidents likewise."""
        actor.require(Action.VIEW_REPORTS)
        snap = self.snapshot(period)
        trend = None
        if with_trend:
            schedule = self.reference.schedule()
            trend = self.stats.trend(schedule, schedule.at(period.end - _ONE_SECOND))
        show_numbers = reveal_numbers and actor.can(Action.SEE_CALLER_NUMBERS)
        show_sensitive = reveal_sensitive and actor.can(Action.VIEW_ALL_SENSITIVE)
        calls: tuple[ReportCall, ...] = ()
        truncated = False
        if with_calls:
            calls, truncated = self._calls(period, show_numbers)
        notes = self.notes(actor, period.shift_key) if period.shift_key else ()
        return ShiftReport(
            snapshot=snap,
            trend=trend,
            open_incidents=self.open_incidents(period.end, show_sensitive),
            notes=notes,
            calls=calls,
            calls_truncated=truncated,
            numbers_masked=not show_numbers,
            generated_at=self.ctx.clock(),
            generated_by=actor.username,
            is_demo=self.reference.is_demo(),
        )

    def open_incidents(self, moment: datetime, show_sensitive: bool) -> tuple[OpenIncident, ...]:
        """Incidents received before ``moment`` and still open then (most urgent first)."""
        closed_at = func.coalesce(Incident.resolved_at, Incident.cancelled_at, Incident.closed_at)
        q = (
            select(Incident)
            .where(
                Incident.first_received_at < moment,
                Incident.status != IncidentStatus.MERGED.value,
                or_(closed_at.is_(None), closed_at >= moment),
            )
            .order_by(Incident.priority, Incident.first_received_at)
        )
        with self.ctx.read() as s:
            incs = list(s.scalars(q))
            names = NameCache(s)
            units = units_by_incident(s, [i.id for i in incs])
            return tuple(
                OpenIncident(
                    id=i.id,
                    number=i.number,
                    category_code=i.category_code,
                    priority=i.priority,
                    kecamatan=names.kecamatan.get(i.kecamatan_code or ""),
                    address=i.address if (show_sensitive or not i.sensitive) else None,
                    first_received_at=i.first_received_at,
                    status_at_end=status_at(i, moment),
                    status_now=i.status,
                    units=tuple(units.get(i.id, ())),
                    sensitive=i.sensitive,
                )
                for i in incs
            )

    def _calls(self, period: Period, show_numbers: bool) -> tuple[tuple[ReportCall, ...], bool]:
        q = (
            select(
                Call.received_at,
                Call.answered_at,
                Call.caller_number,
                Call.outcome,
                Incident.number,
                User.username,
                Call.workstation,
            )
            .outerjoin(Incident, Incident.id == Call.incident_id)
            .outerjoin(User, User.id == Call.operator_id)
            .where(Call.received_at >= period.start, Call.received_at < period.end)
            .order_by(Call.received_at, Call.id)
            .limit(MAX_REPORT_CALLS + 1)
        )
        with self.ctx.read() as s:
            rows = s.execute(q).all()
        out = tuple(
            ReportCall(
                received_at=r[0],
                answered_at=r[1],
                caller_number=r[2] if show_numbers else mask_number(r[2]),
                outcome=r[3],
                incident_number=r[4],
                operator=r[5],
                workstation=r[6],
            )
            for r in rows[:MAX_REPORT_CALLS]
        )
        return out, len(rows) > MAX_REPORT_CALLS

    # -- handover notes -------------------------------------------------------------------
    def notes(self, actor: Actor, shift_key: str) -> tuple[HandoverNoteView, ...]:
        """The handover notes of a shift, oldest first (supervisors and administrators)."""
        if not actor.can(Action.HANDOVER):
            actor.require(Action.VIEW_REPORTS)
        key = self.reference.schedule().parse(shift_key).key
        with self.ctx.read() as s:
            rows = s.execute(
                select(HandoverNote, User.display_name)
                .outerjoin(User, User.id == HandoverNote.author_id)
                .where(HandoverNote.shift_key == key)
                .order_by(HandoverNote.created_at, HandoverNote.id)
            ).all()
            return tuple(
                HandoverNoteView(n.id, n.shift_key, name, n.text, n.created_at) for n, name in rows
            )

    def add_note(self, actor: Actor, shift_key: str, text: str) -> HandoverNoteView:
        """A supervisor's handover note for a shift (``YYYY-MM-DD/<name>``)."""
        actor.require(Action.HANDOVER)
        key = self.reference.schedule().parse(shift_key).key  # refuses unknown shifts
        body = (text or "").replace("\x00", "").strip()
        if not body:
            raise ValidationError("The note is empty", field="note")
        if len(body) > MAX_NOTE:
            raise ValidationError(
                "{field} is too long ({length} characters, at most {limit})",
                field="note",
                length=len(body),
                limit=MAX_NOTE,
            )
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            note = HandoverNote(shift_key=key, author_id=actor.user_id, text=body, created_at=now)
            s.add(note)
            s.flush()
            record_change(s, actor, "handover.added", "handover_note", note.id, now, {"shift": key})
            author = s.get(User, actor.user_id) if actor.user_id is not None else None
            return HandoverNoteView(
                note.id, key, author.display_name if author else actor.username, body, now
            )
