"""The measures of DOMAIN.md, computed by SQL aggregates (never by loading rows into Python).

Percentiles are linear interpolation between closest ranks (numpy's default): PostgreSQL's
``percentile_cont``; on SQLite the two neighbouring ranks are read with ORDER BY/OFFSET.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from ..data.models import Call, Incident
from ..data.types import local_hour, seconds
from ..domain.enums import CallOutcome, IncidentStatus
from ..domain.errors import ValidationError
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
class Breakdown:
    calls_by_hour: dict[int, dict[str, int]]  # local hour -> outcome -> count
    incidents_by_category: dict[str, int]
    incidents_by_kecamatan: dict[str, int]
    incidents_by_priority: dict[int, int]
    open_at_end: int


class StatsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @staticmethod
    def _check_period(start: datetime, end: datetime) -> None:
        if end <= start:
            raise ValidationError("The end of the period is not after its start", field="to")

    def measures(self, start: datetime, end: datetime) -> dict[str, Any]:
        """The flat dict of ``stats --json`` for calls received in [start, end)."""
        self._check_period(start, end)
        out: dict[str, Any] = {}
        with self.ctx.read() as s:
            in_period = and_(Call.received_at >= start, Call.received_at < end)
            counts = dict(
                s.execute(
                    select(Call.outcome, func.count(Call.id))
                    .where(in_period)
                    .group_by(Call.outcome)
                ).all()
            )
            total = sum(counts.values())
            out["calls_total"] = total
            for o in CallOutcome:
                out[f"calls_{o.value}"] = int(counts.get(o.value, 0))
            out["prank_ratio"] = out["calls_prank"] / total if total else None
            out["abandon_ratio"] = out["calls_dropped"] / total if total else None

            inc_period = and_(
                Incident.first_received_at >= start,
                Incident.first_received_at < end,
                Incident.status != IncidentStatus.MERGED.value,
            )
            out["incidents_total"] = int(
                s.scalar(select(func.count(Incident.id)).where(inc_period)) or 0
            )

            answer = seconds(Call.received_at, Call.answered_at)
            self._percentiles(s, out, "answer_s", answer, in_period)
            for key, (a, b) in INCIDENT_INTERVALS.items():
                self._percentiles(s, out, key, seconds(a, b), inc_period)

            answered = and_(in_period, Call.answered_at.is_not(None))
            n15, n20, n_ans = s.execute(
                select(
                    func.sum(case((answer <= 15, 1), else_=0)),
                    func.sum(case((answer <= 20, 1), else_=0)),
                    func.count(Call.id),
                ).where(answered)
            ).one()
            out["answered_within_15s_pct"] = 100.0 * n15 / n_ans if n_ans else None
            out["answered_within_20s_pct"] = 100.0 * n20 / n_ans if n_ans else None
            processing = seconds(Incident.first_answered_at, Incident.dispatched_at)
            n60, n_p1 = s.execute(
                select(
                    func.sum(case((processing <= 60, 1), else_=0)), func.count(Incident.id)
                ).where(
                    inc_period,
                    Incident.priority == 1,
                    Incident.dispatched_at.is_not(None),
                    Incident.first_answered_at.is_not(None),
                )
            ).one()
            out["processing_within_60s_pct"] = 100.0 * n60 / n_p1 if n_p1 else None
        return {k: out[k] for k in measure_keys()}

    def _percentiles(
        self,
        s: Session,
        out: dict[str, Any],
        key: str,
        expr: ColumnElement[float],
        where: ColumnElement[bool],
    ) -> None:
        cond = and_(where, expr.is_not(None))
        if s.get_bind().dialect.name == "postgresql":
            row = s.execute(
                select(*(func.percentile_cont(p).within_group(expr) for _, p in PERCENTILES)).where(
                    cond
                )
            ).one()
            for (suffix, _), v in zip(PERCENTILES, row, strict=True):
                out[f"{key}_{suffix}"] = float(v) if v is not None else None
            return
        n = int(s.scalar(select(func.count()).where(cond)) or 0)
        for suffix, p in PERCENTILES:
            if n == 0:
                out[f"{key}_{suffix}"] = None
                continue
            pos = p * (n - 1)
            lo = math.floor(pos)
            vals = list(s.scalars(select(expr).where(cond).order_by(expr).limit(2).offset(lo)))
            v_lo = float(vals[0])
            v_hi = float(vals[1]) if len(vals) > 1 else v_lo
            out[f"{key}_{suffix}"] = v_lo + (v_hi - v_lo) * (pos - lo)

    def breakdown(self, start: datetime, end: datetime) -> Breakdown:
        self._check_period(start, end)
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

            closed_at = func.coalesce(
                Incident.resolved_at, Incident.cancelled_at, Incident.closed_at
            )
            open_at_end = s.scalar(
                select(func.count(Incident.id)).where(
                    Incident.first_received_at < end,
                    Incident.status != IncidentStatus.MERGED.value,
                    or_(closed_at.is_(None), closed_at >= end),
                )
            )
            return Breakdown(
                calls_by_hour=by_hour,
                incidents_by_category=group(Incident.category_code),
                incidents_by_kecamatan=group(func.coalesce(Incident.kecamatan_code, "")),
                incidents_by_priority=group(Incident.priority),
                open_at_end=int(open_at_end or 0),
            )
