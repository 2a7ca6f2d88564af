"""Call intake: one-keystroke outcomes, caller history, duplicates, the prank list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, case, func, select

from ..data.models import Call, Incident
from ..domain.enums import OPEN_STATUSES, CallOutcome, IncidentStatus
from ..domain.errors import NotFoundError, ValidationError
from ..domain.geo import haversine_m
from ..domain.permissions import Action, Actor
from ..domain.phone import HIDDEN
from ..domain.timeutil import day_span, to_wib
from .context import ServiceContext, record_change
from .incidents import add_event
from .inputs import CallInput, IncidentInput, call_columns, validate_call
from .readers import NameCache, call_view, incident_rows
from .views import CallerHistory, CallView, IncidentRow


@dataclass(frozen=True, slots=True)
class PrankOffender:
    number: str
    pranks_total: int
    pranks_max_day: int
    first_at: datetime
    last_at: datetime
    days: tuple[date, ...]
    permanent: bool  # over the total threshold: the city asks Kominfo for a block


class IntakeService:
    def __init__(self, ctx: ServiceContext, thresholds: tuple[int, int] = (5, 10)) -> None:
        self.ctx = ctx
        self.daily_threshold, self.total_threshold = thresholds

    def log_call(self, actor: Actor, call: CallInput, outcome: CallOutcome | str) -> CallView:
        """Log a call that opens no incident (prank, silent, dropped, ...)."""
        actor.require(Action.LOG_CALL)
        outcome = CallOutcome(outcome)
        if outcome in (CallOutcome.VALID, CallOutcome.DUPLICATE):
            raise ValidationError(
                "Use the incident form for outcome {outcome}", outcome=outcome.value
            )
        number, received, answered = validate_call(call)
        now = self.ctx.clock()
        received = received or now
        if answered is None and outcome is not CallOutcome.DROPPED:
            answered = now
        with self.ctx.transaction() as s:
            if call.uuid and (existing := s.scalar(select(Call).where(Call.uuid == call.uuid))):
                return call_view(existing, {}, {})  # idempotent replay from the outbox
            c = Call(
                **call_columns(call, actor, number, received, answered, now),
                outcome=outcome.value,
            )
            s.add(c)
            s.flush()
            record_change(s, actor, "call.logged", "call", c.id, now, {"outcome": outcome.value})
            return call_view(c, {actor.user_id or -1: actor.username}, {})

    def link_duplicate(self, actor: Actor, call: CallInput, incident_id: int) -> CallView:
        """Log a call about an incident already open: outcome ``duplicate``, linked to it."""
        actor.require(Action.LOG_CALL)
        number, received, answered = validate_call(call)
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            if call.uuid and (existing := s.scalar(select(Call).where(Call.uuid == call.uuid))):
                return call_view(existing, {}, {})
            inc = s.get(Incident, incident_id)
            if inc is None:
                raise NotFoundError("Incident {id} does not exist", id=incident_id)
            if not IncidentStatus(inc.status).is_open:
                raise ValidationError("Incident {number} is not open", number=inc.number)
            c = Call(
                **call_columns(call, actor, number, received or now, answered or now, now),
                outcome=CallOutcome.DUPLICATE.value,
                incident_id=inc.id,
            )
            s.add(c)
            s.flush()
            inc.updated_at = now
            add_event(s, inc, actor, "call_linked", now, call_id=c.id)
            record_change(s, actor, "call.logged", "call", c.id, now, {"outcome": c.outcome})
            record_change(s, actor, "incident.updated", "incident", inc.id, now)
            return call_view(c, {actor.user_id or -1: actor.username}, {inc.id: inc.number})

    def caller_history(self, number: str, limit: int = 10) -> CallerHistory:
        if number == HIDDEN:
            return CallerHistory(HIDDEN, 0, 0, 0, 0, False, (), ())
        today_start, today_end = day_span(to_wib(self.ctx.clock()).date())
        prank = CallOutcome.PRANK.value
        with self.ctx.read() as s:
            today = and_(Call.received_at >= today_start, Call.received_at < today_end)
            total, pranks, today_n, pranks_today = s.execute(
                select(
                    func.count(Call.id),
                    func.coalesce(func.sum(case((Call.outcome == prank, 1), else_=0)), 0),
                    func.coalesce(func.sum(case((today, 1), else_=0)), 0),
                    func.coalesce(
                        func.sum(case((and_(today, Call.outcome == prank), 1), else_=0)), 0
                    ),
                ).where(Call.caller_number == number)
            ).one()
            names = NameCache(s)
            recent_rows = list(
                s.scalars(
                    select(Call)
                    .where(Call.caller_number == number)
                    .order_by(Call.received_at.desc())
                    .limit(limit)
                )
            )
            inc_ids = {c.incident_id for c in recent_rows if c.incident_id}
            numbers = (
                dict(
                    s.execute(
                        select(Incident.id, Incident.number).where(Incident.id.in_(inc_ids))
                    ).all()
                )
                if inc_ids
                else {}
            )
            open_numbers = tuple(
                s.scalars(
                    select(Incident.number)
                    .join(Call, Call.incident_id == Incident.id)
                    .where(
                        Call.caller_number == number,
                        Incident.status.in_([st.value for st in OPEN_STATUSES]),
                    )
                    .distinct()
                )
            )
        flagged = int(pranks_today) > self.daily_threshold or int(pranks) > self.total_threshold
        return CallerHistory(
            number=number,
            total=int(total),
            today=int(today_n),
            pranks_total=int(pranks),
            pranks_today=int(pranks_today),
            flagged=flagged,
            recent=tuple(call_view(c, names.users, numbers) for c in recent_rows),
            open_incidents=open_numbers,
        )

    def find_duplicates(
        self, form: IncidentInput, *, radius_m: float = 500, window_min: int = 30
    ) -> list[IncidentRow]:
        """Open incidents of the same category near the same place in the last minutes."""
        if not form.category_code:
            return []
        since = self.ctx.clock() - timedelta(minutes=window_min)
        with self.ctx.read() as s:
            candidates = list(
                s.scalars(
                    select(Incident).where(
                        Incident.category_code == form.category_code,
                        Incident.status.in_([st.value for st in OPEN_STATUSES]),
                        Incident.first_received_at >= since,
                    )
                )
            )
            matches = []
            for inc in candidates:
                same_kel = form.kelurahan_code and inc.kelurahan_code == form.kelurahan_code
                near = (
                    form.latitude is not None
                    and form.longitude is not None
                    and inc.latitude is not None
                    and inc.longitude is not None
                    and haversine_m(form.latitude, form.longitude, inc.latitude, inc.longitude)
                    <= radius_m
                )
                if same_kel or near:
                    matches.append(inc)
            return incident_rows(s, matches)

    def prank_offenders(self, actor: Actor, since: datetime | None = None) -> list[PrankOffender]:
        """Numbers over the prank thresholds (more than N a day, or more than M in total)."""
        actor.require(Action.PRANK_LIST)
        q = select(Call.caller_number, Call.received_at).where(
            Call.outcome == CallOutcome.PRANK.value, Call.caller_number != HIDDEN
        )
        if since is not None:
            q = q.where(Call.received_at >= since)
        # Candidates first by SQL aggregate (cheap), then per-day counts for those only.
        with self.ctx.read() as s:
            totals = dict(
                s.execute(
                    select(Call.caller_number, func.count(Call.id))
                    .where(
                        Call.outcome == CallOutcome.PRANK.value,
                        Call.caller_number != HIDDEN,
                        *([Call.received_at >= since] if since else []),
                    )
                    .group_by(Call.caller_number)
                    .having(func.count(Call.id) > self.daily_threshold)
                ).all()
            )
            if not totals:
                return []
            rows = s.execute(q.where(Call.caller_number.in_(list(totals)))).all()
        per_number: dict[str, list[datetime]] = {}
        for number, at in rows:
            per_number.setdefault(number, []).append(at)
        out = []
        for number, times in per_number.items():
            per_day: dict[date, int] = {}
            for t in times:
                d = to_wib(t).date()
                per_day[d] = per_day.get(d, 0) + 1
            max_day = max(per_day.values())
            if max_day > self.daily_threshold or len(times) > self.total_threshold:
                out.append(
                    PrankOffender(
                        number,
                        len(times),
                        max_day,
                        min(times),
                        max(times),
                        tuple(sorted(d for d, n in per_day.items() if n > self.daily_threshold)),
                        len(times) > self.total_threshold,
                    )
                )
        out.sort(key=lambda o: (-o.pranks_total, o.number))
        return out
