"""The trend of the last shifts, with a chooser of the measure it shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...services.stats import Trend
from .charts import Series
from .charts_time import TrendChart
from .names import Names, day_ticks, shift_label
from .style import OUTCOME_COLOURS, SERIES_A, SERIES_B
from .texts import fmt_number, fmt_pct, fmt_seconds, measure_label


def _count(v: float | None) -> str:
    return "" if v is None else fmt_number(v)


def _minutes(v: float | None) -> str:
    return fmt_seconds(None if v is None else v * 60)


class TrendPanel(QWidget):
    """The trend chart with a chooser of the measure it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.cmb = QComboBox()
        self.cmb.setObjectName("dash_trend_measure")
        for key, text in (
            ("calls", self.tr("Calls per shift")),
            ("prank_ratio", self.tr("Prank ratio")),
            ("answer_15", self.tr("Answered within 15 s")),
            ("answer_s", self.tr("Answer time")),
            ("processing_60", self.tr("P1 dispatched within 60 s")),
            ("response_s", self.tr("Response time")),
            ("incidents", self.tr("Incidents per shift")),
        ):
            self.cmb.addItem(text, key)
        self.chart = TrendChart(self.tr("Last 30 shifts"))
        self.chart.setObjectName("chart_trend")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Trend of:")))
        top.addWidget(self.cmb, 1)
        lay.addLayout(top)
        lay.addWidget(self.chart, 1)
        self.cmb.currentIndexChanged.connect(self._redraw)
        self._trend: Trend | None = None
        self._names = Names()
        self._targets: tuple[float, float, float] = (90.0, 95.0, 90.0)

    def set_trend(
        self, trend: Trend | None, names: Names, targets: tuple[float, float, float]
    ) -> None:
        self._trend, self._names, self._targets = trend, names, targets
        self._redraw()

    def show_measure(self, key: str) -> None:
        self.cmb.setCurrentIndex(max(self.cmb.findData(key), 0))

    def _redraw(self) -> None:
        t = self._trend
        empty = self.tr("No data")
        if t is None:
            self.chart.set_data([], [], empty)
            return
        labels = [shift_label(p.shift_key, self._names) for p in t.periods]
        m = t.measures

        def col(k: str, scale: float = 1.0) -> list[float | None]:
            return [None if x[k] is None else x[k] * scale for x in m]

        key = self.cmb.currentData()
        target: tuple[float, str] | None = None
        fmt: Callable[[float | None], str] = _count
        series: list[Series]
        if key == "calls":
            series = [
                (measure_label("calls_total"), SERIES_A, col("calls_total")),
                (measure_label("calls_prank"), OUTCOME_COLOURS["prank"], col("calls_prank")),
                (measure_label("calls_valid"), OUTCOME_COLOURS["valid"], col("calls_valid")),
            ]
        elif key == "prank_ratio":
            series = [
                (measure_label("prank_ratio"), OUTCOME_COLOURS["prank"], col("prank_ratio", 100))
            ]
            fmt = fmt_pct
        elif key == "answer_15":
            name = measure_label("answered_within_15s_pct")
            series = [(name, SERIES_A, col("answered_within_15s_pct"))]
            target = (self._targets[0], self.tr("target {v:g} %").format(v=self._targets[0]))
            fmt = fmt_pct
        elif key == "answer_s":
            series = [
                (self.tr("median"), SERIES_A, col("answer_s_median")),
                (self.tr("90th percentile"), SERIES_B, col("answer_s_p90")),
            ]
            target = (15.0, self.tr("target 15 s"))
            fmt = fmt_seconds
        elif key == "processing_60":
            name = measure_label("processing_within_60s_pct")
            series = [(name, SERIES_A, col("processing_within_60s_pct"))]
            target = (self._targets[2], self.tr("target {v:g} %").format(v=self._targets[2]))
            fmt = fmt_pct
        elif key == "response_s":
            series = [
                (self.tr("median (min)"), SERIES_A, col("response_s_median", 1 / 60)),
                (self.tr("90th percentile (min)"), SERIES_B, col("response_s_p90", 1 / 60)),
            ]
            fmt = _minutes
        else:
            series = [(measure_label("incidents_total"), SERIES_A, col("incidents_total"))]
        ticks = day_ticks([p.shift_key for p in t.periods])
        self.chart.set_data(labels, series, empty, target, fmt, ticks)
