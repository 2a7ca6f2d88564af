"""The measures of DOMAIN.md, computed by SQL aggregates (never by loading rows into Python).

Percentiles are linear interpolation between closest ranks (numpy's default): PostgreSQL's
``percentile_cont``; on SQLite a window query numbers the rows of each group and the two
neighbouring ranks are picked by aggregate. Several periods (a 30-shift trend, a comparison)
are computed together: each row gets its period's index from a CASE expression and every
query groups by it, so the number of queries does not grow with the number of periods.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, and_, case, cast, func, literal_column, or_, select, true
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from ..data.models import Call, Incident
from ..data.types import epoch_seconds, local_hour, seconds
from ..domain.enums import CallOutcome, IncidentStatus
from ..domain.errors import ValidationError
from ..domain.shifts import ShiftInstance, ShiftSchedule
from ..domain.timeutil import parse_wib, to_wib, wib_midnight
from .context import ServiceContext

INCIDENT_INTERVALS: dict[str, tuple[Any, Any]] = {
    "processing_s": (Incident.first_answered_at, Incident.dispatched_at),
    "call_to_dispatch_s": (Incident.first_received_at, Incident.dispatched_at),
    "travel_s": (Incident.dispatched_at, Incident.on_scene_at),
    "response_s": (Incident.first_received_at, Incident.on_scene_at),
    "resolution_s": (Incident.first_received_at, Incident.resolved_at),
}
INTERVAL_KEYS = ("answer_s", *INCIDENT_INTERVALS)
PERCENTILES = (("median", 0.5), ("p90", 0.9))
# Histogram edges (seconds) of the dashboard's distributions; the last bin is "or more".
ANSWER_EDGES = tuple(float(x) for x in range(0, 62, 2))  # 0-60 s by 2 s
RESPONSE_EDGES = tuple(float(x) for x in range(0, 3720, 120))  # 0-60 min by 2 min
TREND_SHIFTS = 30

Span = tuple[datetime, datetime]


def measure_keys() -> list[str]:
    """Every key of ``stats --json``, in output order."""
    keys = [
        "calls_total",
        *(f"calls_{o.value}" for o in CallOutcome),
        "prank_ratio",
        "abandon_ratio",
        "incidents_total",
    ]
    keys += [f"{k}_{suffix}" for k in INTERVAL_KEYS for suffix, _ in PERCENTILES]
    keys += ["answered_within_15s_pct", "answered_within_20s_pct", "processing_within_60s_pct"]
    return keys


@dataclass(frozen=True, slots=True)
class Period:
    """A period of the measures: a shift, or a WIB range ([start, end), aware UTC)."""

    start: datetime
    end: datetime
    label: str
    shift_key: str | None = None


@dataclass(frozen=True, slots=True)
class Breakdown:
    calls_by_hour: dict[int, dict[str, int]]  # local hour -> outcome -> count
    incidents_by_category: dict[str, int]
    incidents_by_kecamatan: dict[str, int]
    incidents_by_priority: dict[int, int]
    open_at_end: int


@dataclass(frozen=True, slots=True)
class Distribution:
    """Counts of an interval measure in bins ``[edges[i], edges[i+1])``, then ``overflow``."""

    key: str
    edges: tuple[float, ...]
    counts: tuple[int, ...]
    overflow: int

    @property
    def total(self) -> int:
        return sum(self.counts) + self.overflow


@dataclass(frozen=True, slots=True)
class CallSlots:
    """Calls per time slot (an hour for a shift or a day or two; a day or a week beyond)."""

    unit: str  # "hour", "day" or "week"
    starts: tuple[datetime, ...]  # aware UTC
    counts: dict[str, tuple[int, ...]]  # outcome -> count per slot


@dataclass(frozen=True, slots=True)
class Trend:
    periods: tuple[Period, ...]  # oldest first
    measures: tuple[dict[str, Any], ...]


def resolve_period(
    schedule: ShiftSchedule,
    shift: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> Period:
    """The period of ``--shift KEY`` or ``--from A --to B`` (WIB dates or date-times)."""
    if shift:
        inst = schedule.parse(shift)
        return shift_period(inst)
    if not start or not end:
        raise ValidationError("--to is required with --from", field="to")
    try:
        a, b = parse_wib(start), parse_wib(end)
    except ValueError as exc:
        raise ValidationError("{reason}", field="from", reason=str(exc)) from exc
    if b <= a:
        raise ValidationError("The end of the period is not after its start", field="to")
    return Period(a, b, f"{start} .. {end}")


def shift_period(inst: ShiftInstance) -> Period:
    return Period(inst.start, inst.end, inst.key, inst.key)


def _check_period(start: datetime, end: datetime) -> None:
    if end <= start:
        raise ValidationError("The end of the period is not after its start", field="to")


def _bucket(col: Any, spans: Sequence[Span]) -> ColumnElement[Any]:
    """The index of the span containing ``col`` (NULL outside every span).

    A binary search written as nested CASE expressions over the spans sorted by start, so a
    row costs about log2(len(spans)) comparisons. Spans must not overlap.
    """
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])

    def node(lo: int, hi: int) -> ColumnElement[Any]:
        if lo == hi:
            i = order[lo]
            return case((col < spans[i][1], literal_column(str(i))), else_=None)
        mid = (lo + hi + 1) // 2
        return case((col < spans[order[mid]][0], node(lo, mid - 1)), else_=node(mid, hi))

    return node(0, len(order) - 1)


def _within(col: Any, spans: Sequence[Span]) -> ColumnElement[bool]:
    return and_(col >= min(a for a, _ in spans), col < max(b for _, b in spans))


def _overlap(spans: Sequence[Span]) -> bool:
    ordered = sorted(spans)
    return any(ordered[i][1] > ordered[i + 1][0] for i in range(len(ordered) - 1))


class StatsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- the flat measures ----------------------------------------------------------------
    def measures(self, start: datetime, end: datetime) -> dict[str, Any]:
        """The flat dict of ``stats --json`` for calls received in [start, end)."""
        return self.measures_many([(start, end)])[0]

    def measures_many(self, spans: Sequence[Span]) -> list[dict[str, Any]]:
        """The measures of several periods, computed together (a fixed number of queries)."""
        for a, b in spans:
            _check_period(a, b)
        if not spans:
            return []
        if _overlap(spans):  # a row may belong to several periods: one at a time
            return [self.measures_many([sp])[0] for sp in spans]
        with self.ctx.read() as s:
            out: list[dict[str, Any]] = [{} for _ in spans]
            self._call_counts(s, spans, out)
            self._incident_counts(s, spans, out)
            answer = seconds(Call.received_at, Call.answered_at)
            self._percentiles(s, spans, out, {"answer_s": answer}, Call.received_at)
            self._percentiles(
                s,
                spans,
                out,
                {k: seconds(a, b) for k, (a, b) in INCIDENT_INTERVALS.items()},
                Incident.first_received_at,
                Incident.status != IncidentStatus.MERGED.value,
            )
        keys = measure_keys()
        return [{k: m.get(k) for k in keys} for m in out]

    def _call_counts(self, s: Session, spans: Sequence[Span], out: list[dict[str, Any]]) -> None:
        answer = seconds(Call.received_at, Call.answered_at)
        bucket = _bucket(Call.received_at, spans).label("b")
        q = (
            select(
                bucket,
                Call.outcome,
                func.count(Call.id),
                func.count(Call.answered_at),
                func.sum(case((answer <= 15, 1), else_=0)),
                func.sum(case((answer <= 20, 1), else_=0)),
            )
            .where(_within(Call.received_at, spans))
            .group_by(bucket, Call.outcome)
        )
        acc = [[0, 0, 0] for _ in spans]  # answered, <=15 s, <=20 s
        for b, outcome, n, n_ans, n15, n20 in s.execute(q):
            if b is None:
                continue
            m = out[int(b)]
            m[f"calls_{outcome}"] = m.get(f"calls_{outcome}", 0) + int(n)
            acc[int(b)][0] += int(n_ans)
            acc[int(b)][1] += int(n15 or 0)
            acc[int(b)][2] += int(n20 or 0)
        for m, (n_ans, n15, n20) in zip(out, acc, strict=True):
            for o in CallOutcome:
                m.setdefault(f"calls_{o.value}", 0)
            total = sum(m[f"calls_{o.value}"] for o in CallOutcome)
            m["calls_total"] = total
            m["prank_ratio"] = m["calls_prank"] / total if total else None
            m["abandon_ratio"] = m["calls_dropped"] / total if total else None
            m["answered_within_15s_pct"] = 100.0 * n15 / n_ans if n_ans else None
            m["answered_within_20s_pct"] = 100.0 * n20 / n_ans if n_ans else None

    def _incident_counts(
        self, s: Session, spans: Sequence[Span], out: list[dict[str, Any]]
    ) -> None:
        processing = seconds(Incident.first_answered_at, Incident.dispatched_at)
        p1_measured = and_(
            Incident.priority == 1,
            Incident.dispatched_at.is_not(None),
            Incident.first_answered_at.is_not(None),
        )
        bucket = _bucket(Incident.first_received_at, spans).label("b")
        q = (
            select(
                bucket,
                func.count(Incident.id),
                func.sum(case((and_(p1_measured, processing <= 60), 1), else_=0)),
                func.sum(case((p1_measured, 1), else_=0)),
            )
            .where(
                _within(Incident.first_received_at, spans),
                Incident.status != IncidentStatus.MERGED.value,
            )
            .group_by(bucket)
        )
        for m in out:
            m["incidents_total"] = 0
            m["processing_within_60s_pct"] = None
        for b, n, n60, n_p1 in s.execute(q):
            if b is None:
                continue
            m = out[int(b)]
            m["incidents_total"] = int(n)
            m["processing_within_60s_pct"] = 100.0 * int(n60 or 0) / n_p1 if n_p1 else None

    def _percentiles(
        self,
        s: Session,
        spans: Sequence[Span],
        out: list[dict[str, Any]],
        exprs: dict[str, ColumnElement[float]],
        time_col: Any,
        *extra: ColumnElement[bool],
    ) -> None:
        for m in out:
            for key in exprs:
                for suffix, _ in PERCENTILES:
                    m[f"{key}_{suffix}"] = None
        where = and_(_within(time_col, spans), *extra)
        bucket = _bucket(time_col, spans).label("b")
        if self.ctx.dialect == "postgresql":
            # percentile_cont ignores NULL inputs: one query for every interval.
            cols = [
                func.percentile_cont(p).within_group(expr)
                for expr in exprs.values()
                for _, p in PERCENTILES
            ]
            for b, *values in s.execute(select(bucket, *cols).where(where).group_by(bucket)):
                if b is None:
                    continue
                names = [f"{k}_{suffix}" for k in exprs for suffix, _ in PERCENTILES]
                for name, v in zip(names, values, strict=True):
                    out[int(b)][name] = float(v) if v is not None else None
            return
        for key, expr in exprs.items():
            self._sqlite_percentiles(s, bucket, expr, and_(where, expr.is_not(None)), key, out)

    @staticmethod
    def _sqlite_percentiles(
        s: Session,
        bucket: Any,
        expr: ColumnElement[float],
        where: ColumnElement[bool],
        key: str,
        out: list[dict[str, Any]],
    ) -> None:
        # The values are computed once (a materialised CTE), ranked within their period, and
        # only the two neighbouring ranks of each percentile leave the database.
        values = select(bucket, expr.label("x")).where(where).cte("v").prefix_with("MATERIALIZED")
        ranked = select(
            values.c.b,
            values.c.x,
            func.row_number().over(partition_by=values.c.b, order_by=values.c.x).label("rn"),
            func.count().over(partition_by=values.c.b).label("n"),
        ).subquery()
        wanted = []
        for _, p in PERCENTILES:
            rank = cast(p * (ranked.c.n - 1), Integer)  # floor: the values are not negative
            wanted += [rank + 1, rank + 2]
        q = select(ranked.c.b, ranked.c.n, ranked.c.rn, ranked.c.x).where(ranked.c.rn.in_(wanted))
        picked: dict[int, tuple[int, dict[int, float]]] = {}
        for b, n, rn, x in s.execute(q):
            if b is not None:
                picked.setdefault(int(b), (int(n), {}))[1][int(rn)] = float(x)
        for b, (n, by_rank) in picked.items():
            for suffix, p in PERCENTILES:
                pos = p * (n - 1)
                lo = math.floor(pos)
                v_lo = by_rank[lo + 1]
                v_hi = by_rank.get(lo + 2, v_lo)
                out[b][f"{key}_{suffix}"] = v_lo + (v_hi - v_lo) * (pos - lo)

    # -- several periods ------------------------------------------------------------------
    def trend(
        self, schedule: ShiftSchedule, last: ShiftInstance, count: int = TREND_SHIFTS
    ) -> Trend:
        """The measures of ``count`` consecutive shifts ending with ``last`` (oldest first)."""
        periods = tuple(shift_period(i) for i in schedule.previous(last, count))
        rows = self.measures_many([(p.start, p.end) for p in periods])
        return Trend(periods, tuple(rows))

    def compare(self, a: Span, b: Span) -> tuple[dict[str, Any], dict[str, Any]]:
        first, second = self.measures_many([a, b])
        return first, second

    # -- shapes for the charts ------------------------------------------------------------
    def distribution(
        self, start: datetime, end: datetime, key: str, edges: Sequence[float]
    ) -> Distribution:
        """How ``key`` (an interval of INTERVAL_KEYS) is distributed over the period."""
        _check_period(start, end)
        if len(edges) < 2 or list(edges) != sorted(edges):
            raise ValueError("edges must be increasing")
        if key == "answer_s":
            expr, time_col = seconds(Call.received_at, Call.answered_at), Call.received_at
            extra: ColumnElement[bool] = true()
        elif key in INCIDENT_INTERVALS:
            expr, time_col = seconds(*INCIDENT_INTERVALS[key]), Incident.first_received_at
            extra = Incident.status != IncidentStatus.MERGED.value
        else:
            raise ValueError(f"not an interval measure: {key}")
        nbins = len(edges) - 1
        binned = case(*((expr < e, i) for i, e in enumerate(edges[1:])), else_=nbins).label("bin")
        q = (
            select(binned, func.count())
            .where(time_col >= start, time_col < end, expr.is_not(None), extra)
            .group_by(binned)
        )
        counts = [0] * (nbins + 1)
        with self.ctx.read() as s:
            for i, n in s.execute(q):
                counts[int(i)] = int(n)
        return Distribution(key, tuple(float(e) for e in edges), tuple(counts[:-1]), counts[-1])

    def call_slots(self, start: datetime, end: datetime) -> CallSlots:
        """Calls per hour (up to two days), per WIB day (up to 93 days), else per week."""
        _check_period(start, end)
        span = end - start
        if span <= timedelta(days=2):
            unit, width, origin = "hour", timedelta(hours=1), start
        else:
            unit, width = ("day", timedelta(days=1))
            if span > timedelta(days=93):
                unit, width = "week", timedelta(days=7)
            origin = wib_midnight(to_wib(start).date()).astimezone(start.tzinfo)
        n = math.ceil((end - origin) / width)
        starts = tuple(origin + i * width for i in range(n))
        offset = epoch_seconds(Call.received_at) - origin.timestamp()
        ratio = offset / width.total_seconds()
        floor: ColumnElement[Any] = (
            func.floor(ratio) if self.ctx.dialect == "postgresql" else cast(ratio, Integer)
        )
        index = floor.label("slot")
        q = (
            select(index, Call.outcome, func.count(Call.id))
            .where(Call.received_at >= start, Call.received_at < end)
            .group_by(index, Call.outcome)
        )
        counts: dict[str, list[int]] = {o.value: [0] * n for o in CallOutcome}
        with self.ctx.read() as s:
            for i, outcome, c in s.execute(q):
                k = min(max(int(i), 0), n - 1)
                counts.setdefault(outcome, [0] * n)[k] += int(c)
        return CallSlots(unit, starts, {k: tuple(v) for k, v in counts.items()})

    def breakdown(self, start: datetime, end: datetime) -> Breakdown:
        _check_period(start, end)
        with self.ctx.read() as s:
            hour = local_hour(Call.received_at)
            by_hour: dict[int, dict[str, int]] = {}
            q = (
                select(hour, Call.outcome, func.count(Call.id))
                .where(Call.received_at >= start, Call.received_at < end)
                .group_by(hour, Call.outcome)
            )
            for h, outcome, n in s.execute(q):
                by_hour.setdefault(int(h), {})[outcome] = int(n)
            inc_period = and_(
                Incident.first_received_at >= start,
                Incident.first_received_at < end,
                Incident.status != IncidentStatus.MERGED.value,
            )

            def group(col: Any) -> dict[Any, int]:
                return {
                    k: int(n)
                    for k, n in s.execute(
                        select(col, func.count(Incident.id)).where(inc_period).group_by(col)
                    )
                }

            return Breakdown(
                calls_by_hour=by_hour,
                incidents_by_category=group(Incident.category_code),
                incidents_by_kecamatan=group(func.coalesce(Incident.kecamatan_code, "")),
                incidents_by_priority=group(Incident.priority),
                open_at_end=self._open_at(s, end),
            )

    @staticmethod
    def _open_at(s: Session, moment: datetime) -> int:
        """Incidents received before ``moment`` and neither resolved nor cancelled by then."""
        closed_at = func.coalesce(Incident.resolved_at, Incident.cancelled_at, Incident.closed_at)
        return int(
            s.scalar(
                select(func.count(Incident.id)).where(
                    Incident.first_received_at < moment,
                    Incident.status != IncidentStatus.MERGED.value,
                    or_(closed_at.is_(None), closed_at >= moment),
                )
            )
            or 0
        )
