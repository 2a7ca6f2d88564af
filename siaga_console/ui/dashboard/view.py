"""The dashboard of one period: KPI tiles and charts. ``apply()`` only copies a precomputed
snapshot into the widgets (it runs on the GUI thread; the numbers come from the worker)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from ...services.report_files import measure_rows
from ...services.reports import Snapshot
from ...services.stats import Trend
from ..labels import OUTCOMES, label
from .charts import HBars, StackedBars
from .charts_time import HistogramChart
from .names import Names, slot_labels
from .style import MARKER, OUTCOME_COLOURS, OUTCOME_ORDER, TARGET
from .texts import fmt_measure, fmt_number, fmt_seconds, measure_label
from .tiles import KpiTile, TileGrid
from .trend import TrendPanel

STEP_GAP_MS = 10  # between two chart steps; a chart paints in 3-9 ms here


class DashboardView(QWidget):
    """Tiles and charts for one snapshot."""

    sig_settled = Signal()  # every chart shows the last snapshot applied

    TILE_KEYS = (
        "calls_total",
        "prank_ratio",
        "abandon_ratio",
        "answered_within_15s_pct",
        "answered_within_20s_pct",
        "answer_s",
        "processing_within_60s_pct",
        "response_s",
        "incidents_total",
        "open_at_end",
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        titles = {
            "calls_total": self.tr("Calls"),
            "prank_ratio": self.tr("Prank calls"),
            "abandon_ratio": self.tr("Abandoned (dropped)"),
            "answered_within_15s_pct": self.tr("Answered ≤ 15 s"),
            "answered_within_20s_pct": self.tr("Answered ≤ 20 s"),
            "answer_s": self.tr("Answer time"),
            "processing_within_60s_pct": self.tr("P1 dispatched ≤ 60 s"),
            "response_s": self.tr("Response time"),
            "incidents_total": self.tr("Incidents"),
            "open_at_end": self.tr("Open incidents"),
        }
        self.tiles = {k: KpiTile(k, titles[k]) for k in self.TILE_KEYS}
        self.tile_grid = TileGrid(list(self.tiles.values()))
        self.chart_slots = StackedBars(self.tr("Calls per hour by outcome"))
        self.chart_slots.total_label = self.tr("Total")
        self.chart_category = HBars(self.tr("Incidents by category"))
        self.chart_kecamatan = HBars(self.tr("Incidents by kecamatan"))
        self.chart_answer = HistogramChart(self.tr("Answer times (s)"))
        self.chart_answer.unit = "s"
        self.chart_answer.count_word = self.tr("calls")
        self.chart_response = HistogramChart(self.tr("Response times (min)"))
        self.chart_response.unit = "min"
        self.chart_response.count_word = self.tr("incidents")
        self.trend = TrendPanel()
        for name, chart in (
            ("chart_slots", self.chart_slots),
            ("chart_category", self.chart_category),
            ("chart_kecamatan", self.chart_kecamatan),
            ("chart_answer", self.chart_answer),
            ("chart_response", self.chart_response),
        ):
            chart.setObjectName(name)
        self.charts = QGridLayout()
        self.charts.setSpacing(6)
        self._chart_widgets: list[QWidget] = [
            self.chart_slots,
            self.chart_category,
            self.chart_answer,
            self.chart_response,
            self.chart_kecamatan,
            self.trend,
        ]
        self._chart_of = {  # the step's part -> the chart it redraws
            "slots": self.chart_slots,
            "category": self.chart_category,
            "kecamatan": self.chart_kecamatan,
            "answer": self.chart_answer,
            "response": self.chart_response,
            "trend": self.trend.chart,
        }
        self._chart_columns = 0
        self._last: dict[str, object] = {}
        self._steps: list[tuple[str, Callable[[], None]]] = []
        self._step_timer = QTimer(self)
        self._step_timer.setSingleShot(True)
        self._step_timer.setInterval(0)
        self._step_timer.timeout.connect(self._next_step)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tile_grid)
        lay.addLayout(self.charts, 1)
        self._relayout(2)

    # -- layout ---------------------------------------------------------------------------
    def _relayout(self, columns: int) -> None:
        if columns == self._chart_columns:
            return
        self._chart_columns = columns
        for w in self._chart_widgets:
            self.charts.removeWidget(w)
        for i, w in enumerate(self._chart_widgets):
            self.charts.addWidget(w, i // columns, i % columns)
            w.setMinimumHeight(220)
            w.setMaximumHeight(320)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._relayout(2 if event.size().width() >= 760 else 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            for chart in (
                self.chart_slots,
                self.chart_category,
                self.chart_kecamatan,
                self.chart_answer,
                self.chart_response,
                self.trend.chart,
            ):
                chart.apply_palette(self.palette())
            self.forget()
        super().changeEvent(event)

    # -- content --------------------------------------------------------------------------
    def apply(self, snap: Snapshot, trend: Trend | None, names: Names, live: bool) -> None:
        """Copy a computed snapshot into the tiles and charts (GUI thread, no database).

        The tiles are filled at once; each chart whose input changed is redrawn in its own
        turn of the event loop (``busy`` until done), so that no single step holds the GUI
        thread for long. A newer snapshot replaces the steps still waiting."""
        self._apply_tiles(snap, live)
        for part, _ in self._steps:  # dropped before they ran: not drawn
            self._last.pop(part, None)
        self._steps = self._chart_steps(snap, trend, names)
        if self._steps:
            self._step_timer.start(0)
        else:
            self.sig_settled.emit()

    @property
    def busy(self) -> bool:
        return bool(self._steps)

    def _next_step(self) -> None:
        if self._steps:
            self._run(*self._steps.pop(0))
        if self._steps:
            # Leave the event loop a turn of its own to paint the chart just changed (and to
            # take input) before the next one is computed: a step and a paint never add up.
            self._step_timer.start(STEP_GAP_MS)
        else:
            self.sig_settled.emit()

    def finish(self) -> None:
        """Run the waiting steps now (exports and tests)."""
        self._step_timer.stop()
        while self._steps:
            self._run(*self._steps.pop(0))
        self.sig_settled.emit()

    def _run(self, part: str, step: Callable[[], None]) -> None:
        step()
        # pyqtgraph updates a view's matrix, axes and items when the scene is first painted
        # after a change, and those updates ask for a second paint in the same turn of the
        # event loop: done here, in the step, the chart is painted once.
        self._chart_of[part].scene().prepareForPaint()

    def _chart_steps(
        self, snap: Snapshot, trend: Trend | None, names: Names
    ) -> list[tuple[str, Callable[[], None]]]:
        steps: list[tuple[str, Callable[[], None]]] = []
        empty = self.tr("No data in this period")
        m = snap.measures
        slots_title = {
            "hour": self.tr("Calls per hour by outcome"),
            "day": self.tr("Calls per day by outcome"),
            "week": self.tr("Calls per week by outcome"),
        }[snap.slots.unit]
        series = [
            (label(OUTCOMES, o), OUTCOME_COLOURS[o], snap.slots.counts.get(o, ()))
            for o in OUTCOME_ORDER
        ]
        labels = slot_labels(snap)
        if self._changed("slots", (labels, series, slots_title)):

            def slots() -> None:
                self.chart_slots.set_title(slots_title)
                self.chart_slots.set_data(labels, series, empty)

            steps.append(("slots", slots))
        b = snap.breakdown
        cats = sorted(b.incidents_by_category.items(), key=lambda kv: (-kv[1], kv[0]))
        cat_items = [(names.categories.get(k, k), v) for k, v in cats]
        if self._changed("category", cat_items):
            steps.append(("category", lambda: self.chart_category.set_data(cat_items, empty)))
        kecs = sorted(b.incidents_by_kecamatan.items(), key=lambda kv: (-kv[1], kv[0]))
        kec_items = [
            (names.kecamatan.get(k, k) if k else self.tr("(no kecamatan)"), v) for k, v in kecs
        ]
        if self._changed("kecamatan", kec_items):
            steps.append(("kecamatan", lambda: self.chart_kecamatan.set_data(kec_items, empty)))
        t = snap.targets
        a = snap.answer
        if self._changed("answer", a):
            answer_lines = [(15.0, self.tr("15 s"), TARGET), (20.0, self.tr("20 s"), TARGET)]
            steps.append(
                (
                    "answer",
                    lambda: self.chart_answer.set_data(
                        list(a.edges), [*a.counts, a.overflow], empty, answer_lines
                    ),
                )
            )
        r = snap.response
        lines = []
        if m["response_s_median"] is not None:
            lines.append((m["response_s_median"] / 60, self.tr("median"), MARKER))
        if m["response_s_p90"] is not None:
            lines.append((m["response_s_p90"] / 60, self.tr("p90"), MARKER))
        if self._changed("response", (r, lines)):
            steps.append(
                (
                    "response",
                    lambda: self.chart_response.set_data(
                        [e / 60 for e in r.edges], [*r.counts, r.overflow], empty, lines
                    ),
                )
            )
        goals = (t.answer_15s_pct, t.answer_20s_pct, t.processing_60s_pct)
        if self._changed("trend", (trend, goals, names.shifts)):
            steps.append(("trend", lambda: self.trend.set_trend(trend, names, goals)))
        return steps

    def _changed(self, part: str, value: object) -> bool:
        if part in self._last and self._last[part] == value:
            return False
        self._last[part] = value
        return True

    def forget(self) -> None:
        """Redraw everything on the next apply (after a palette change)."""
        self._last.clear()

    def _apply_tiles(self, snap: Snapshot, live: bool) -> None:
        m = snap.measures
        rows = {r.key: r for r in measure_rows(snap)}
        t = snap.targets
        tile = self.tiles
        tile["calls_total"].set_value(
            fmt_number(m["calls_total"]),
            self.tr("valid {v} · prank {p} · silent {s}").format(
                v=m["calls_valid"], p=m["calls_prank"], s=m["calls_silent"]
            ),
        )
        tile["prank_ratio"].set_value(
            fmt_measure("prank_ratio", m["prank_ratio"]), self.tr("of all calls")
        )
        tile["abandon_ratio"].set_value(
            fmt_measure("abandon_ratio", m["abandon_ratio"]),
            self.tr("{n} dropped before a word").format(n=m["calls_dropped"]),
        )
        for key, goal in (
            ("answered_within_15s_pct", t.answer_15s_pct),
            ("answered_within_20s_pct", t.answer_20s_pct),
            ("processing_within_60s_pct", t.processing_60s_pct),
        ):
            tile[key].set_value(
                fmt_measure(key, m[key]),
                self.tr("target ≥ {v:g} %").format(v=goal),
                rows[key].status,
                measure_label(key),
            )
        tile["answer_s"].set_value(
            f"{fmt_seconds(m['answer_s_median'])} / {fmt_seconds(m['answer_s_p90'])}",
            self.tr("median / p90 · target p90 ≤ {v:g} s").format(v=t.answer_p90_s),
            rows["answer_s_p90"].status,
            measure_label("answer_s_p90"),
        )
        tile["response_s"].set_value(
            f"{fmt_seconds(m['response_s_median'])}",
            self.tr("median · p90 {p90}").format(p90=fmt_seconds(m["response_s_p90"])),
            tip=measure_label("response_s_median"),
        )
        p1 = snap.breakdown.incidents_by_priority.get(1, 0)
        tile["incidents_total"].set_value(
            fmt_number(m["incidents_total"]), self.tr("{n} with priority 1").format(n=p1)
        )
        tile["open_at_end"].set_value(
            fmt_number(snap.breakdown.open_at_end),
            self.tr("open now") if live else self.tr("open at the end of the period"),
        )

    def tile_text(self, key: str) -> str:
        return self.tiles[key].lbl_value.text()
