"""Trend, comparison, distributions and call slots against values computed here from the rows."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from siaga_console.data.models import Call, Incident
from siaga_console.domain.errors import ValidationError
from siaga_console.domain.timeutil import WIB
from siaga_console.services.container import Services
from siaga_console.services.demo import DemoGenerator
from siaga_console.services.stats import (
    ANSWER_EDGES,
    RESPONSE_EDGES,
    measure_keys,
    resolve_period,
)

from ..conftest import FAST_HASHER
from .test_stats import assert_same, expected_measures


@pytest.fixture
def history(services: Services) -> Services:
    end = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)  # 10:00 WIB
    DemoGenerator(services.ctx, seed=9, hasher=FAST_HASHER).generate(4, calls_per_day=150, end=end)
    return services


def test_trend_of_30_shifts_matches_each_shift(history: Services) -> None:
    schedule = history.reference.schedule()
    last = schedule.parse("2026-11-29/pagi")
    trend = history.stats.trend(schedule, last, 30)
    assert len(trend.periods) == 30 == len(trend.measures)
    assert trend.periods[-1].shift_key == "2026-11-29/pagi"
    assert trend.periods[0].shift_key == "2026-11-19/siang"
    for a, b in zip(trend.periods, trend.periods[1:], strict=False):
        assert a.end == b.start  # consecutive, no gap
    with_calls = 0
    for period, got in zip(trend.periods, trend.measures, strict=True):
        assert_same(got, expected_measures(history, period.start, period.end))
        with_calls += got["calls_total"] > 0
    assert 10 <= with_calls < 30  # four days of history: older shifts are empty


def test_measures_many_with_gaps_and_overlaps(history: Services) -> None:
    schedule = history.reference.schedule()
    a = schedule.parse("2026-11-27/pagi")
    b = schedule.parse("2026-11-28/malam")  # a gap between the two
    day = (datetime(2026, 11, 27, 0, 0, tzinfo=UTC), datetime(2026, 11, 28, 0, 0, tzinfo=UTC))
    spans = [(b.start, b.end), (a.start, a.end), day]  # out of order, the day overlaps a
    got = history.stats.measures_many(spans)
    for (start, end), m in zip(spans, got, strict=True):
        assert_same(m, expected_measures(history, start, end))
    first, second = history.stats.compare((a.start, a.end), (b.start, b.end))
    assert first == got[1] and second == got[0]


def _intervals(history: Services, key: str, start: datetime, end: datetime) -> list[float]:
    with history.ctx.read() as s:
        if key == "answer_s":
            rows = s.execute(sa.select(Call.received_at, Call.answered_at)).all()
            return [(b - a).total_seconds() for a, b in rows if b is not None and start <= a < end]
        incs = list(s.scalars(sa.select(Incident)))
    return [
        (i.on_scene_at - i.first_received_at).total_seconds()
        for i in incs
        if i.on_scene_at and i.status != "merged" and start <= i.first_received_at < end
    ]


@pytest.mark.parametrize(
    ("key", "edges"), [("answer_s", ANSWER_EDGES), ("response_s", RESPONSE_EDGES)]
)
def test_distribution_matches_binning_here(
    history: Services, key: str, edges: tuple[float, ...]
) -> None:
    start = datetime(2026, 11, 26, 0, 0, tzinfo=UTC)
    end = datetime(2026, 11, 29, 0, 0, tzinfo=UTC)
    values = _intervals(history, key, start, end)
    want = [0] * len(edges)
    for v in values:
        i = next((i for i, e in enumerate(edges[1:]) if v < e), len(edges) - 1)
        want[i] += 1
    got = history.stats.distribution(start, end, key, edges)
    assert list(got.counts) == want[:-1] and got.overflow == want[-1]
    assert got.total == len(values) > 20
    assert sum(got.counts) > 0


def test_distribution_of_an_empty_period(services: Services) -> None:
    t = datetime(2020, 1, 1, tzinfo=UTC)
    d = services.stats.distribution(t, t + timedelta(hours=8), "response_s", RESPONSE_EDGES)
    assert d.total == 0 and len(d.counts) == len(RESPONSE_EDGES) - 1
    with pytest.raises(ValueError):
        services.stats.distribution(t, t + timedelta(hours=8), "calls_total", RESPONSE_EDGES)


@pytest.mark.parametrize(
    ("start", "end", "unit"),
    [
        (
            datetime(2026, 11, 27, 16, 0, tzinfo=UTC),
            datetime(2026, 11, 28, 0, 0, tzinfo=UTC),
            "hour",
        ),
        (
            datetime(2026, 11, 25, 17, 0, tzinfo=UTC),
            datetime(2026, 11, 29, 3, 0, tzinfo=UTC),
            "day",
        ),
    ],
)
def test_call_slots_match_counting_here(
    history: Services, start: datetime, end: datetime, unit: str
) -> None:
    got = history.stats.call_slots(start, end)
    assert got.unit == unit
    width = timedelta(hours=1) if unit == "hour" else timedelta(days=1)
    origin = got.starts[0]
    if unit == "day":
        assert origin.astimezone(WIB).hour == 0  # WIB days
    assert got.starts[-1] < end <= got.starts[-1] + width
    with history.ctx.read() as s:
        rows = s.execute(sa.select(Call.received_at, Call.outcome)).all()
    want: dict[str, list[int]] = {}
    for at, outcome in rows:
        if start <= at < end:
            i = math.floor((at - origin) / width)
            want.setdefault(outcome, [0] * len(got.starts))[i] += 1
    for outcome, counts in got.counts.items():
        assert list(counts) == want.get(outcome, [0] * len(got.starts)), outcome
    assert sum(map(sum, got.counts.values())) == sum(map(sum, want.values())) > 0


def test_open_at_end_counts_incidents_open_then(history: Services) -> None:
    inst = history.reference.schedule().parse("2026-11-28/siang")
    with history.ctx.read() as s:
        incs = list(s.scalars(sa.select(Incident)))
    want = 0
    for i in incs:
        done = i.resolved_at or i.cancelled_at or i.closed_at
        if i.first_received_at < inst.end and i.status != "merged":
            want += done is None or done >= inst.end
    assert history.stats.breakdown(inst.start, inst.end).open_at_end == want


def test_resolve_period_refuses_bad_input(services: Services) -> None:
    schedule = services.reference.schedule()
    p = resolve_period(schedule, shift="2026-11-29/malam")
    assert p.shift_key == "2026-11-29/malam" and p.end - p.start == timedelta(hours=8)
    r = resolve_period(schedule, start="2026-11-01", end="2026-11-02T06:00")
    assert r.start == datetime(2026, 10, 31, 17, 0, tzinfo=UTC)
    assert r.end == datetime(2026, 11, 1, 23, 0, tzinfo=UTC)
    for kwargs in (
        {"shift": "2026-11-29/subuh"},  # unknown shift name
        {"shift": "2026-13-01/pagi"},  # bad date
        {"shift": "kemarin"},
        {"start": "2026-11-02", "end": "2026-11-01"},  # end before start
        {"start": "2026-11-02", "end": "2026-11-02"},  # empty
        {"start": "2026-11-02"},  # no end
        {"start": "2 Nov", "end": "2026-11-03"},
    ):
        with pytest.raises(ValidationError):
            resolve_period(schedule, **kwargs)  # type: ignore[arg-type]


def test_trend_on_empty_database_says_no_data(services: Services) -> None:
    schedule = services.reference.schedule()
    trend = services.stats.trend(schedule, schedule.parse("2021-06-01/malam"), 30)
    for m in trend.measures:
        assert list(m) == measure_keys()
        assert m["calls_total"] == 0 and m["prank_ratio"] is None
        assert m["answer_s_p90"] is None and m["processing_within_60s_pct"] is None
