"""Two shifts side by side: every measure with its difference, and the charts overlaid."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.reports import Snapshot
from ...services.stats import measure_keys
from .charts import HBars
from .charts_time import HistogramChart, TrendChart
from .names import Names, shift_label
from .style import SERIES_A, SERIES_B, STATUS_COLOURS
from .texts import fmt_measure, fmt_number, measure_label

# Lower is better for these (a rise is shown in red).
LOWER_IS_BETTER = (
    "_median",
    "_p90",
    "prank_ratio",
    "abandon_ratio",
    "calls_prank",
    "calls_dropped",
)
NEUTRAL = ("calls_total", "incidents_total", "open_at_end", "calls_valid", "calls_info")


def difference_text(key: str, a: float | None, b: float | None) -> tuple[str, str]:
    """The change from B to A as text, and good / bad / none."""
    if a is None or b is None:
        return "", "none"
    d = a - b
    if d == 0:
        return "0", "none"
    if key.endswith("_ratio"):
        text = f"{100 * d:+.1f} pt"
    elif key.endswith("_pct"):
        text = f"{d:+.1f} pt"
    elif key.endswith(("_median", "_p90")):
        text = f"{d:+.0f} s"
    else:
        text = f"{d:+.0f}"
    if d == 0 or key in NEUTRAL or (key.startswith("calls_") and key not in LOWER_IS_BETTER):
        return text, "none"
    worse = d > 0 if key.endswith(LOWER_IS_BETTER) or key in LOWER_IS_BETTER else d < 0
    return text, "bad" if worse else "good"


class CompareView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("compare_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("compare_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(260)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.chart_answer = HistogramChart(self.tr("Answer times (s)"))
        self.chart_answer.unit = "s"
        self.chart_category = HBars(self.tr("Incidents by category"))
        self.chart_slots = TrendChart(self.tr("Calls per hour of the shift"))
        self.chart_response = HistogramChart(self.tr("Response times (min)"))
        self.chart_response.unit = "min"
        grid = QGridLayout()
        for i, w in enumerate(
            (self.chart_slots, self.chart_answer, self.chart_category, self.chart_response)
        ):
            w.setMinimumHeight(220)
            grid.addWidget(w, i // 2, i % 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.table, 1)
        lay.addLayout(grid, 2)

    def apply(self, a: Snapshot, b: Snapshot, names: Names) -> None:
        name_a = shift_label(a.period.shift_key, names) or a.period.label
        name_b = shift_label(b.period.shift_key, names) or b.period.label
        self.title.setText(self.tr("{a} compared with {b}").format(a=name_a, b=name_b))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Measure"), name_a, name_b, self.tr("Difference")]
        )
        keys = [*measure_keys(), "open_at_end"]
        self.table.setRowCount(len(keys))
        for row, key in enumerate(keys):
            va = a.breakdown.open_at_end if key == "open_at_end" else a.measures[key]
            vb = b.breakdown.open_at_end if key == "open_at_end" else b.measures[key]
            diff, status = difference_text(key, va, vb)
            cells = [measure_label(key), fmt_measure(key, va), fmt_measure(key, vb), diff]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if col == 3 and status != "none":
                    item.setForeground(QBrush(QColor(STATUS_COLOURS[status])))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        empty = self.tr("No data")
        pair = (name_a, name_b)
        key = (
            f"<span style='color:{SERIES_A}'>■ {html.escape(name_a)}</span> &nbsp; "
            f"<span style='color:{SERIES_B}'>■ {html.escape(name_b)}</span>"
        )
        for chart, title in (
            (self.chart_answer, self.tr("Answer times (s)")),
            (self.chart_response, self.tr("Response times (min)")),
            (self.chart_category, self.tr("Incidents by category")),
        ):
            chart.set_title(f"{html.escape(title)} &nbsp; {key}")
        self.chart_answer.names = pair
        self.chart_answer.set_data(
            list(a.answer.edges),
            [*a.answer.counts, a.answer.overflow],
            empty,
            compare=[*b.answer.counts, b.answer.overflow],
            names=pair,
        )
        self.chart_response.names = pair
        self.chart_response.set_data(
            [e / 60 for e in a.response.edges],
            [*a.response.counts, a.response.overflow],
            empty,
            compare=[*b.response.counts, b.response.overflow],
            names=pair,
        )
        codes = sorted(
            set(a.breakdown.incidents_by_category) | set(b.breakdown.incidents_by_category),
            key=lambda c: (
                -(
                    a.breakdown.incidents_by_category.get(c, 0)
                    + b.breakdown.incidents_by_category.get(c, 0)
                )
            ),
        )
        self.chart_category.set_data(
            [
                (names.categories.get(c, c), a.breakdown.incidents_by_category.get(c, 0))
                for c in codes
            ],
            empty,
            compare=[b.breakdown.incidents_by_category.get(c, 0) for c in codes],
            names=pair,
        )
        n = max(len(a.slots.starts), len(b.slots.starts))

        def totals(s: Snapshot) -> list[float | None]:
            per = [sum(v[i] for v in s.slots.counts.values()) for i in range(len(s.slots.starts))]
            return [*per, *([None] * (n - len(per)))]

        labels = [self.tr("hour {n}").format(n=i + 1) for i in range(n)]
        self.chart_slots.set_data(
            labels,
            [(name_a, SERIES_A, totals(a)), (name_b, SERIES_B, totals(b))],
            empty,
            fmt=lambda v: "" if v is None else fmt_number(v),
        )
