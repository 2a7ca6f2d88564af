"""Charts of distributions and trends: a histogram with reference lines, lines over shifts."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from .charts import Chart, Series, count_axis, hide_bars, index_ticks, set_bars
from .style import MARKER, SERIES_A, SERIES_B


class HistogramChart(Chart):
    """A distribution in bins (the last one is 'or more'), with vertical reference lines."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._bar_a, self._bar_b = self.bars(2)
        self._lines: list[pg.InfiniteLine] = []
        self._edges: list[float] = []
        self._counts: list[int] = []
        self._b: list[int] | None = None
        self.unit = ""
        self.count_word = ""
        self.names = ("", "")

    def set_data(
        self,
        edges: Sequence[float],
        counts: Sequence[int],
        empty: str,
        lines: Sequence[tuple[float, str, str]] = (),
        compare: Sequence[int] | None = None,
        names: tuple[str, str] = ("", ""),
    ) -> None:
        """``edges``: the lower edge of each bin in display units, the last one "or more"
        (len(edges) == len(counts))."""
        width = edges[1] - edges[0]
        self._edges = [*edges, edges[-1] + width]
        self._counts = list(counts)
        self._b = list(compare) if compare is not None else None
        self.names = names
        x0 = np.array(self._edges[:-1])
        if self._b is None:
            brushes = [SERIES_A] * (len(counts) - 1) + ["#90a4ae"]
            set_bars(self._bar_a, x0, width * 0.92, 0.0, np.array(counts), brushes=brushes)
            hide_bars(self._bar_b)
        else:
            a, b = np.array(counts), np.array(self._b)
            set_bars(self._bar_a, x0, width * 0.46, 0.0, a, brushes=None, brush=SERIES_A)
            set_bars(self._bar_b, x0 + width * 0.46, width * 0.46, 0.0, b, brush=SERIES_B)
        top = max(list(counts) + (self._b or []) + [0])
        while len(self._lines) < len(lines):
            line = pg.InfiniteLine(
                angle=90, label="", labelOpts={"position": 0.92, "anchors": [(0, 0), (0, 0)]}
            )
            self.getPlotItem().vb.addItem(line, ignoreBounds=True)
            self._lines.append(line)
        for i, line in enumerate(self._lines):
            line.setVisible(i < len(lines))
            if i < len(lines):
                x, text, colour = lines[i]
                if getattr(line, "_look", None) != (text, colour):
                    line._look = (text, colour)
                    line.setPen(pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine))
                    line.label.setFormat(text)
                    line.label.setColor(colour)
                    line.label.setPosition(0.93 - 0.13 * i)  # labels of close lines do not overlap
                line.setValue(x)
        ticks = [(e, f"{e:g}") for e in self._edges[:-2:5]]
        ticks.append((self._edges[-2], f"≥{self._edges[-2]:g}"))
        self.getPlotItem().getAxis("bottom").setTicks([ticks])
        count_axis(self.getPlotItem().getAxis("left"), top)
        pad = (self._edges[-1] - self._edges[0]) * 0.01
        self.set_range(self._edges[0] - pad, self._edges[-1] + pad, 0, max(top * 1.15, 1))
        mid = (self._edges[0] + self._edges[-1]) / 2
        self.show_empty(empty if top == 0 else None, mid, 0.5)

    def hover_text(self, x: float, y: float) -> str | None:
        if not self._counts or not self._edges[0] <= x < self._edges[-1]:
            return None
        width = self._edges[1] - self._edges[0]
        i = min(int((x - self._edges[0]) // width), len(self._counts) - 1)
        if i == len(self._counts) - 1:
            span = f"≥ {self._edges[i]:g} {self.unit}"
        else:
            span = f"{self._edges[i]:g}–{self._edges[i + 1]:g} {self.unit}"
        total = sum(self._counts)
        share = f" ({100 * self._counts[i] / total:.0f} %)" if total else ""
        if self._b is None:
            return f"{span}\n{self._counts[i]} {self.count_word}{share}"
        return f"{span}\n{self.names[0]}: {self._counts[i]}\n{self.names[1]}: {self._b[i]}"


class TrendChart(Chart):
    """Measures over the last shifts (lines with points), with an optional target line."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.getPlotItem().addLegend(
            offset=(4, 4), colCount=3, labelTextSize="8pt", labelTextColor=self._fg
        )
        self._curves: list[pg.PlotDataItem] = []
        self._target = pg.InfiniteLine(
            angle=0,
            pen=pg.mkPen(MARKER, width=1.5, style=Qt.PenStyle.DashLine),
            label="",
            labelOpts={"position": 0.02, "color": MARKER, "anchors": [(0, 1), (0, 1)]},
        )
        self._target.hide()
        self.getPlotItem().vb.addItem(self._target, ignoreBounds=True)
        self._labels: list[str] = []
        self._series: list[Series] = []
        self.fmt: Callable[[float | None], str] = lambda v: "" if v is None else f"{v:g}"

    def set_data(
        self,
        labels: Sequence[str],
        series: Sequence[Series],
        empty: str,
        target: tuple[float, str] | None = None,
        fmt: Callable[[float | None], str] | None = None,
        ticks: Sequence[str] | None = None,
    ) -> None:
        """``labels`` are shown on hover; ``ticks`` (same length, '' for none) on the axis."""
        self._labels, self._series = list(labels), list(series)
        if fmt is not None:
            self.fmt = fmt
        xs = np.arange(len(labels), dtype=float)
        while len(self._curves) < len(series):
            curve = pg.PlotDataItem(symbol="o", symbolSize=5, symbolPen=None, connect="finite")
            self.getPlotItem().addItem(curve)
            self._curves.append(curve)
        top = 0.0
        legend = []
        for i, curve in enumerate(self._curves):
            if i >= len(series):
                curve.setData([], [])
                continue
            name, colour, values = series[i]
            ys = np.array([np.nan if v is None else float(v) for v in values])
            finite = ys[np.isfinite(ys)]
            top = max(top, float(finite.max()) if finite.size else 0.0)
            if getattr(curve, "_colour", None) != colour:
                curve._colour = colour
                curve.setPen(pg.mkPen(colour, width=2))
                curve.setSymbolBrush(colour)
            if finite.size:
                curve.setData(xs, ys)
            else:  # nothing to draw (and pyqtgraph warns on an all-NaN series)
                curve.setData([], [])
            legend.append((curve, name))
        self.set_legend(legend)
        self._target.setVisible(target is not None)
        if target is not None:
            top = max(top, target[0])
            self._target.setValue(target[0])
            if self._target.label.format != target[1]:
                self._target.label.setFormat(target[1])
        if ticks is None:
            axis_ticks = index_ticks(self._labels, most=6)
        else:
            axis_ticks = [[(float(i), t) for i, t in enumerate(ticks) if t]]
        self.getPlotItem().getAxis("bottom").setTicks(axis_ticks)
        self.set_range(-0.5, max(len(labels), 1) - 0.5, 0, top * 1.3 if top else 1)
        self.show_empty(empty if top == 0 else None, (len(labels) - 1) / 2 if labels else 0, 0.5)

    def hover_text(self, x: float, y: float) -> str | None:
        i = round(x)
        if not 0 <= i < len(self._labels):
            return None
        lines = [self._labels[i]]
        lines += [f"{name}: {self.fmt(values[i])}" for name, _, values in self._series]
        return "\n".join(lines)
