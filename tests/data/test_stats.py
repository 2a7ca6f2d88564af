"""Every measure against values computed independently here from the same rows (numpy)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import pytest
import sqlalchemy as sa

from siaga_console.data.models import Call, Incident
from siaga_console.domain.enums import CallOutcome
from siaga_console.domain.errors import ValidationError
from siaga_console.services.container import Services
from siaga_console.services.demo import DemoGenerator
from siaga_console.services.stats import measure_keys

from ..conftest import FAST_HASHER


def expected_measures(services: Services, start: datetime, end: datetime) -> dict[str, Any]:
    with services.ctx.read() as s:
        calls = [(c.received_at, c.answered_at, c.outcome) for c in s.scalars(sa.select(Call))]
        incs = list(s.scalars(sa.select(Incident)))
    calls = [c for c in calls if start <= c[0] < end]
    out: dict[str, Any] = {"calls_total": len(calls)}
    for o in CallOutcome:
        out[f"calls_{o.value}"] = sum(1 for c in calls if c[2] == o.value)
    n = len(calls)
    out["prank_ratio"] = out["calls_prank"] / n if n else None
    out["abandon_ratio"] = out["calls_dropped"] / n if n else None
    incs = [i for i in incs if start <= i.first_received_at < end and i.status != "merged"]
    out["incidents_total"] = len(incs)

    def pct(values: list[float], key: str) -> None:
        out[f"{key}_median"] = float(np.percentile(values, 50)) if values else None
        out[f"{key}_p90"] = float(np.percentile(values, 90)) if values else None

    def secs(a: datetime | None, b: datetime | None) -> float | None:
        return (b - a).total_seconds() if a and b else None

    answers = [secs(r, a) for r, a, _ in calls if a]
    pct([x for x in answers if x is not None], "answer_s")
    pairs = {
        "processing_s": ("first_answered_at", "dispatched_at"),
        "call_to_dispatch_s": ("first_received_at", "dispatched_at"),
        "travel_s": ("dispatched_at", "on_scene_at"),
        "response_s": ("first_received_at", "on_scene_at"),
        "resolution_s": ("first_received_at", "resolved_at"),
    }
    for key, (a, b) in pairs.items():
        vals = [secs(getattr(i, a), getattr(i, b)) for i in incs]
        pct([v for v in vals if v is not None], key)
    ans = [x for x in answers if x is not None]
    out["answered_within_15s_pct"] = 100 * sum(x <= 15 for x in ans) / len(ans) if ans else None
    out["answered_within_20s_pct"] = 100 * sum(x <= 20 for x in ans) / len(ans) if ans else None
    p1 = [
        secs(i.first_answered_at, i.dispatched_at)
        for i in incs
        if i.priority == 1 and i.dispatched_at and i.first_answered_at
    ]
    out["processing_within_60s_pct"] = (
        100 * sum(x is not None and x <= 60 for x in p1) / len(p1) if p1 else None
    )
    return out


def assert_same(got: dict[str, Any], want: dict[str, Any]) -> None:
    assert list(got) == measure_keys()
    for k in measure_keys():
        if want[k] is None:
            assert got[k] is None, k
        else:
            assert got[k] == pytest.approx(want[k], rel=1e-6, abs=1e-3), k


@pytest.fixture
def history(services: Services) -> Services:
    end = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)  # 10:00 WIB
    DemoGenerator(services.ctx, seed=5, hasher=FAST_HASHER).generate(4, calls_per_day=150, end=end)
    return services


@pytest.mark.parametrize(
    "shift",
    [
        "2026-11-27/pagi",
        "2026-11-27/siang",
        "2026-11-27/malam",
        "2026-11-28/malam",
        "2026-11-29/pagi",
    ],
)
def test_shift_measures_match_independent_computation(history: Services, shift: str) -> None:
    inst = history.reference.schedule().parse(shift)
    got = history.stats.measures(inst.start, inst.end)
    assert got["calls_total"] > 0
    assert_same(got, expected_measures(history, inst.start, inst.end))


def test_night_shift_counts_calls_after_midnight(history: Services) -> None:
    inst = history.reference.schedule().parse("2026-11-27/malam")
    midnight = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)  # 00:00 WIB on the 28th
    with history.ctx.read() as s:
        after = s.scalar(
            sa.select(sa.func.count()).where(
                Call.received_at >= midnight, Call.received_at < inst.end
            )
        )
    assert after and after > 0
    assert history.stats.measures(inst.start, inst.end)["calls_total"] > after


def test_range_measures(history: Services) -> None:
    start = datetime(2026, 11, 25, 17, 0, tzinfo=UTC)
    end = datetime(2026, 11, 28, 17, 0, tzinfo=UTC)
    assert_same(history.stats.measures(start, end), expected_measures(history, start, end))


def test_empty_shift_says_no_data(services: Services) -> None:
    inst = services.reference.schedule().parse("2020-01-01/malam")
    got = services.stats.measures(inst.start, inst.end)
    assert got["calls_total"] == 0 and got["incidents_total"] == 0
    assert got["prank_ratio"] is None and got["answer_s_median"] is None
    assert got["processing_within_60s_pct"] is None


def test_percentiles_interpolate_like_numpy(services: Services) -> None:
    # Four answered calls with answer times 1, 2, 4, 10 s: median 3.0, p90 8.2.
    from siaga_console.services.inputs import CallInput

    from ..conftest import make_actor

    op = make_actor(services)
    t0 = services.ctx.clock()
    for i, d in enumerate([1, 2, 4, 10]):
        r = t0 + timedelta(minutes=i)
        services.intake.log_call(
            op,
            CallInput("", received_at=r, answered_at=r + timedelta(seconds=d)),
            CallOutcome.SILENT,
        )
    got = services.stats.measures(t0, t0 + timedelta(hours=1))
    assert got["answer_s_median"] == pytest.approx(3.0, abs=1e-3)
    assert got["answer_s_p90"] == pytest.approx(8.2, abs=1e-3)
    assert got["answered_within_15s_pct"] == 100.0


def test_end_before_start_is_refused(services: Services) -> None:
    t = services.ctx.clock()
    with pytest.raises(ValidationError):
        services.stats.measures(t, t - timedelta(hours=1))


def test_breakdown_counts_add_up(history: Services) -> None:
    inst = history.reference.schedule().parse("2026-11-28/siang")
    b = history.stats.breakdown(inst.start, inst.end)
    m = history.stats.measures(inst.start, inst.end)
    assert sum(sum(v.values()) for v in b.calls_by_hour.values()) == m["calls_total"]
    assert set(b.calls_by_hour) <= set(range(15, 23))  # siang is 15:00-23:00 WIB
    assert sum(b.incidents_by_category.values()) == m["incidents_total"]
    assert sum(b.incidents_by_priority.values()) == m["incidents_total"]
