"""The dashboard panel: period chooser, the single or compare view, and the refresh logic.

Every number is computed on the database worker (``worker.submit``); the GUI thread only
applies a finished result. Refreshes are debounced: at most one every ``min_interval_s``,
never two at once, and none while the panel is hidden (it catches up when shown). The
30-shift trend is recomputed when its last shift changes or every ``trend_max_age_s``; in
between, its last point is taken from the live snapshot.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from ...domain.shifts import ShiftSchedule
from ...domain.timeutil import to_wib
from ...services.container import Services
from ...services.feed import FeedEntry
from ...services.reports import ReportService, Snapshot
from ...services.stats import Period, Trend
from ..error_texts import error_text
from ..worker import DbWorker
from .compare import CompareView
from .names import Names, shift_label
from .period_bar import LIVE, RANGE, Choice, PeriodBar
from .view import DashboardView

RELEVANT = ("call.", "incident.", "dispatch.", "unit.", "demo.", "import.", "calls.")
ONE_SECOND = timedelta(seconds=1)


@dataclass(frozen=True, slots=True)
class Reference:
    schedule: ShiftSchedule
    names: Names


@dataclass(frozen=True, slots=True)
class Result:
    request: int
    choice: Choice
    main: Snapshot
    other: Snapshot | None
    trend: Trend | None  # None: keep the cached one
    trend_key: str


def load_reference(services: Services, language: str) -> Reference:
    """Runs on the worker: the schedule and the names of codes."""
    schedule = services.reference.schedule()
    cats = {
        c.code: (c.label_id if language == "id" else c.label_en)
        for c in services.reference.categories()
    }
    kecs = {k.code: k.name for k in services.reference.kecamatan()}
    return Reference(schedule, Names(cats, kecs, {d.name: d.label for d in schedule.shifts}))


class DashboardPanel(QWidget):
    sig_applied = Signal(float)  # milliseconds spent applying a result on the GUI thread
    sig_failed = Signal(str)

    def __init__(
        self,
        services: Services,
        reports: ReportService,
        worker: DbWorker,
        language: str = "id",
        *,
        min_interval_s: float = 3.0,
        trend_max_age_s: float = 300.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_panel")
        self.services, self.reports, self.worker = services, reports, worker
        self.language = language
        self.min_interval_s = min_interval_s
        self.trend_max_age_s = trend_max_age_s
        self.reference: Reference | None = None
        self.names = Names()
        self.bar = PeriodBar(to_wib(self.now()).date())
        self.header = QLabel()
        self.header.setObjectName("dashboard_header")
        self.header.setWordWrap(True)
        font = self.header.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.header.setFont(font)
        self.view = DashboardView()
        self.compare = CompareView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.compare)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.stack)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.bar)
        lay.addWidget(self.header)
        lay.addWidget(scroll, 1)
        self.bar.sig_changed.connect(lambda: self.request_refresh(force=True))
        self.bar.sig_refresh_requested.connect(lambda: self.request_refresh(force=True, trend=True))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)
        self._clock = QTimer(self)
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self._on_clock)
        self._clock.start()
        self._in_flight = False
        self._dirty = False
        self._force_trend = False
        self._last_start = -1e9
        self._request = 0
        self._live_key = ""
        self.last_result: Result | None = None
        self._trend: Trend | None = None
        self._trend_key = ""
        self._trend_at = -1e9
        self.apply_ms: list[float] = []

    def now(self) -> datetime:
        return self.services.ctx.clock()

    # -- starting -------------------------------------------------------------------------
    def start(self) -> None:
        """Read the schedule and the names, then show the current shift."""
        self.worker.submit(
            lambda: load_reference(self.services, self.language), self._on_reference, self._fail
        )

    def _on_reference(self, ref: Reference) -> None:
        self.reference = ref
        self.names = ref.names
        current = ref.schedule.at(self.now()).key
        self.bar.set_shift_names(ref.schedule, current)
        self.request_refresh(force=True, trend=True)

    # -- refreshing -----------------------------------------------------------------------
    def on_changes(self, entries: list[FeedEntry]) -> None:
        """From the bus: refresh (debounced) when calls or incidents changed."""
        if any(e.kind.startswith(("shifts.", "setting.")) for e in entries):
            self.start()
            return
        if any(e.kind.startswith(RELEVANT) for e in entries):
            self.request_refresh()

    def request_refresh(self, *, force: bool = False, trend: bool = False) -> None:
        self._force_trend |= trend
        if self.reference is None or self._in_flight or (not force and not self.isVisible()):
            self._dirty = True
            return
        wait = self.min_interval_s - (time.monotonic() - self._last_start)
        if not force and wait > 0:
            self._dirty = False
            if not self._timer.isActive():
                self._timer.start(int(wait * 1000) + 1)
            return
        self._timer.stop()
        self._start()

    def _start(self) -> None:
        ref = self.reference
        if ref is None:
            return
        choice = self.bar.choice()
        self._live_key = ref.schedule.at(self.now()).key
        try:
            main, other = choice.periods(ref.schedule, self._live_key)
        except Exception as exc:
            self.bar.set_status(error_text(exc))
            return
        trend_key = main.shift_key if main.shift_key else ref.schedule.at(main.end - ONE_SECOND).key
        need_trend = (
            self._force_trend
            or trend_key != self._trend_key
            or time.monotonic() - self._trend_at > self.trend_max_age_s
        )
        self._force_trend = False
        self._request += 1
        request = self._request
        self._in_flight, self._dirty = True, False
        self._last_start = time.monotonic()
        self.bar.set_status(self.tr("Computing…"))
        reports, schedule = self.reports, ref.schedule

        def compute() -> Result:
            trend = None
            if need_trend:
                trend = reports.stats.trend(schedule, schedule.parse(trend_key))
            return Result(
                request,
                choice,
                reports.snapshot(main),
                reports.snapshot(other) if other else None,
                trend,
                trend_key,
            )

        self.worker.submit(compute, self._on_result, self._fail)

    def _on_result(self, result: Result) -> None:
        self._in_flight = False
        if result.request == self._request:
            self.apply(result)
        if self._dirty:
            self._dirty = False
            self.request_refresh()

    def apply(self, result: Result) -> None:
        """Show a computed result (GUI thread only; times itself)."""
        t0 = time.perf_counter()
        if result.trend is not None:
            self._trend, self._trend_key, self._trend_at = (
                result.trend,
                result.trend_key,
                time.monotonic(),
            )
        trend = (
            _with_last(self._trend, result.main) if self._trend_key == result.trend_key else None
        )
        live = result.choice.mode == LIVE
        main = result.main
        if result.other is not None:
            self.compare.apply(main, result.other, self.names)
            self.stack.setCurrentWidget(self.compare)
        else:
            self.view.apply(main, trend, self.names, live)
            self.stack.setCurrentWidget(self.view)
        self.header.setText(self._title(main.period, result.choice))
        stamp = to_wib(main.computed_at).strftime("%H:%M:%S")
        self.bar.set_status(self.tr("Updated {time} WIB").format(time=stamp))
        self.last_result = result
        ms = (time.perf_counter() - t0) * 1000
        self.apply_ms.append(ms)
        self.sig_applied.emit(ms)

    def _title(self, period: Period, choice: Choice) -> str:
        start, end = to_wib(period.start), to_wib(period.end)
        span = f"{start:%d-%m-%Y %H:%M} – {end:%d-%m-%Y %H:%M} WIB"
        if choice.mode == RANGE:
            return self.tr("Period {label}").format(label=period.label) + f"  ·  {span}"
        name = shift_label(period.shift_key, self.names)
        text = self.tr("Shift {name}").format(name=name) + f"  ·  {span}"
        if choice.mode == LIVE:
            text += "  ·  " + self.tr("LIVE")
        return text

    def _fail(self, exc: BaseException) -> None:
        self._in_flight = False
        msg = error_text(exc)
        self.bar.set_status(self.tr("Not updated: {error}").format(error=msg))
        self.sig_failed.emit(msg)

    def _on_clock(self) -> None:
        ref = self.reference
        if ref is None or self.bar.choice().mode != LIVE:
            return
        if ref.schedule.at(self.now()).key != self._live_key:  # a new shift began
            self.request_refresh(force=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            QTimer.singleShot(0, lambda: self.request_refresh(force=True))

    # -- what the report actions need -----------------------------------------------------
    def current_period(self) -> Period | None:
        return self.last_result.main.period if self.last_result else None

    def close_charts(self) -> None:
        self._timer.stop()
        self._clock.stop()


def _with_last(trend: Trend | None, snap: Snapshot) -> Trend | None:
    """The cached trend with its last point replaced by the fresher snapshot of that shift."""
    if trend is None or not trend.periods or trend.periods[-1].shift_key != snap.period.shift_key:
        return trend
    return replace(trend, measures=(*trend.measures[:-1], snap.measures))
