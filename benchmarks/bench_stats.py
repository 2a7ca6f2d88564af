"""Shift measures, the 30-shift trend and a month on 1,000,000 calls (SQLite and PostgreSQL),
against a baseline that loads the period's rows into Python and computes the same numbers;
and the GUI-thread part of a dashboard refresh (applying a precomputed result)."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import sqlalchemy as sa

from .harness import BenchEnv, Figure, Report, median, time_ms


def _python_measures(services: Any, spans: list[tuple[datetime, datetime]]) -> list[dict[str, Any]]:
    """The baseline: the rows of the whole span into Python, then the measures per period."""
    from siaga_console.data.models import Call, Incident
    from siaga_console.domain.enums import CallOutcome

    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    with services.ctx.read() as s:
        calls = s.execute(
            sa.select(Call.received_at, Call.answered_at, Call.outcome).where(
                Call.received_at >= lo, Call.received_at < hi
            )
        ).all()
        incs = s.execute(
            sa.select(
                Incident.first_received_at,
                Incident.first_answered_at,
                Incident.dispatched_at,
                Incident.on_scene_at,
                Incident.resolved_at,
                Incident.priority,
            ).where(
                Incident.first_received_at >= lo,
                Incident.first_received_at < hi,
                Incident.status != "merged",
            )
        ).all()
    out = []
    for a, b in spans:
        cs = [c for c in calls if a <= c[0] < b]
        m: dict[str, Any] = {"calls_total": len(cs)}
        for o in CallOutcome:
            m[f"calls_{o.value}"] = sum(1 for c in cs if c[2] == o.value)
        ans = [(c[1] - c[0]).total_seconds() for c in cs if c[1]]
        m["answer_s_median"] = float(np.percentile(ans, 50)) if ans else None
        m["answer_s_p90"] = float(np.percentile(ans, 90)) if ans else None
        m["answered_within_15s_pct"] = 100 * sum(x <= 15 for x in ans) / len(ans) if ans else None
        ii = [i for i in incs if a <= i[0] < b]
        m["incidents_total"] = len(ii)
        for key, (x, y) in {
            "processing_s": (1, 2),
            "call_to_dispatch_s": (0, 2),
            "travel_s": (2, 3),
            "response_s": (0, 3),
            "resolution_s": (0, 4),
        }.items():
            v = [(i[y] - i[x]).total_seconds() for i in ii if i[x] and i[y]]
            m[f"{key}_median"] = float(np.percentile(v, 50)) if v else None
            m[f"{key}_p90"] = float(np.percentile(v, 90)) if v else None
        out.append(m)
    return out


def _check(sql: list[dict[str, Any]], py: list[dict[str, Any]]) -> bool:
    for a, b in zip(sql, py, strict=True):
        for k, v in b.items():
            w = a[k]
            if (v is None) != (w is None) or (v is not None and abs(v - w) > 1e-3 * max(1, abs(v))):
                return False
    return True


def _db_section(report: Report, title: str, url: str) -> Any:
    from siaga_console.data.models import Call
    from siaga_console.services.container import open_services
    from siaga_console.services.reports import ReportService
    from siaga_console.services.stats import shift_period

    services = open_services(url, migrate=False)
    sec = report.section(title)
    schedule = services.reference.schedule()
    with services.ctx.read() as s:
        last = s.scalar(sa.select(sa.func.max(Call.received_at)))
        n_calls = s.scalar(sa.select(sa.func.count(Call.id)))
    inst = schedule.previous(schedule.at(last), 2)[0]  # the last complete shift
    shift = (inst.start, inst.end)
    trend = [(p.start, p.end) for p in schedule.previous(inst, 30)]
    month = (inst.end - timedelta(days=30), inst.end)
    stats = services.stats
    reports = ReportService(services.ctx, stats, services.reference)
    sec.notes.append(
        f"{n_calls:,} calls; shift {inst.key}; trend {len(trend)} shifts; month = 30 days to "
        "its end. Baseline: the same measures from the period's rows loaded into Python (numpy)."
    )

    def py(spans: list[tuple[datetime, datetime]]) -> Any:
        return lambda: _python_measures(services, spans)

    cases = [
        ("one shift: measures", lambda: stats.measures(*shift), py([shift]), "< 100 ms"),
        (
            "one shift: full dashboard snapshot (measures, breakdowns, distributions, slots)",
            lambda: reports.snapshot(shift_period(inst)),
            None,
            "< 100 ms",
        ),
        ("30-shift trend", lambda: stats.measures_many(trend), py(trend), "< 500 ms"),
        ("month range: measures", lambda: stats.measures(*month), py([month]), ""),
    ]
    for name, fn, baseline, target in cases:
        t = median(time_ms(fn, repeat=5))
        base = median(time_ms(baseline, repeat=3)) if baseline else None
        limit = float(target.split()[1]) if target else None
        report.add(
            sec,
            Figure(
                name,
                t,
                "ms",
                baseline=base,
                baseline_name="rows into Python",
                target=target,
                ok=(t < limit) if limit else None,
            ),
        )
    same = _check(stats.measures_many(trend), _python_measures(services, trend)) and _check(
        [stats.measures(*month)], _python_measures(services, [month])
    )
    sec.notes.append(f"SQL and Python baseline agree on every compared measure: {same}.")
    return services, inst


def _gui_section(report: Report, services: Any, inst: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from siaga_console.services.reports import ReportService
    from siaga_console.services.stats import shift_period
    from siaga_console.ui.dashboard.panel import DashboardPanel, Result, load_reference
    from siaga_console.ui.dashboard.period_bar import Choice
    from siaga_console.ui.worker import DbWorker

    app = QApplication.instance() or QApplication([])
    from siaga_console.ui.gc_guard import GuiThreadGc

    gc_guard = GuiThreadGc(parent=app)  # as in the console: the collector on a GUI timer
    sec = report.section("Dashboard refresh: GUI-thread time (applying a precomputed result)")
    reports = ReportService(services.ctx, services.stats, services.reference)
    ref = load_reference(services, "id")
    worker = DbWorker()
    panel = DashboardPanel(services, reports, worker, "id")
    panel.reference, panel.names = ref, ref.names
    panel.resize(1300, 1000)
    panel.show()
    app.processEvents()
    schedule = ref.schedule
    keys = [i.key for i in schedule.previous(inst, 12)]
    results = []
    for n, key in enumerate(keys):
        p = shift_period(schedule.parse(key))
        trend = services.stats.trend(schedule, schedule.parse(key))
        results.append(Result(n, Choice("shift", shift=key), reports.snapshot(p), None, trend, key))
    # live: the same shift again and again with a new trend point each time (as a refresh does)
    live = [
        Result(100 + n, Choice("shift", shift=keys[-1]), results[-1].main, None, None, keys[-1])
        for n in range(10)
    ]
    panel.apply(results[0])
    panel.view.finish()
    app.processEvents()
    gc_guard.settle()  # start-up is over, as the console says once its features are in
    # The GUI thread's longest stall: a 0 ms heartbeat timer records the time between turns
    # of the event loop while a result is applied, its charts redrawn step by step and painted.
    beats: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        beats.append((now - last[0]) * 1000)
        last[0] = now

    heart = QTimer()
    heart.setInterval(0)
    heart.timeout.connect(beat)
    applied, stalls, whole = [], [], []
    for r in results[1:] + live:
        beats.clear()
        t = time.perf_counter()
        panel.apply(r)
        applied.append((time.perf_counter() - t) * 1000)
        last[0] = time.perf_counter()
        heart.start()
        turns = 0
        while panel.view.busy or turns < 3:  # the steps, then the paint of the last one
            app.processEvents()
            turns += 1
        heart.stop()
        whole.append((time.perf_counter() - t) * 1000)
        stalls.append(max([applied[-1], *beats]))
    report.add(sec, Figure("apply (tiles, queue the charts), median", median(applied), "ms"))
    report.add(
        sec,
        Figure(
            "longest GUI stall per refresh, median",
            median(stalls),
            "ms",
            target="< 16 ms",
            ok=median(stalls) < 16,
        ),
    )
    report.add(
        sec,
        Figure(
            "longest GUI stall per refresh, max",
            max(stalls),
            "ms",
            target="< 16 ms",
            ok=max(stalls) < 16,
        ),
    )
    report.add(sec, Figure("whole refresh drawn and painted, median", median(whole), "ms"))
    sec.notes.append(
        f"{len(applied)} results applied to a 1300x1000 offscreen panel: 11 different shifts "
        "(every tile and chart changes) then 10 refreshes of one shift (unchanged charts are "
        "skipped). The numbers are computed on the worker thread; each changed chart is "
        "redrawn in its own turn of the event loop. A stall is the longest time between two "
        "turns of the event loop (apply, a chart step, or a paint). Python's collector "
        "runs on a GUI-thread timer, as in the console (siaga_console/ui/gc_guard.py)."
    )
    gc_guard.stop()
    worker.stop()
    panel.close_charts()
    panel.close()
    panel.deleteLater()
    app.processEvents()


def run(env: BenchEnv, report: Report) -> None:
    services, inst = _db_section(report, "Stats on 1M calls: SQLite", env.big_sqlite())
    _gui_section(report, services, inst)
    services.close()
    pg_services, _ = _db_section(report, "Stats on 1M calls: PostgreSQL", env.big_pg())
    pg_services.close()
