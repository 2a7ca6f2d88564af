"""The dashboard panel on a real SQLite database with a real worker thread (pytest-qt)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSettings
from PySide6.QtGui import QColor

from siaga_console.config import Config
from siaga_console.data.engine import make_engine
from siaga_console.domain.enums import CallOutcome, Role
from siaga_console.domain.permissions import Actor
from siaga_console.resources import gazetteer
from siaga_console.services.container import Services, build_services
from siaga_console.services.demo import DemoGenerator
from siaga_console.services.feed import FeedEntry
from siaga_console.services.inputs import CallInput
from siaga_console.services.reports import ReportService
from siaga_console.ui.dashboard.panel import DashboardPanel
from siaga_console.ui.dashboard.texts import fmt_measure, fmt_number
from siaga_console.ui.worker import DbWorker

from ..conftest import FAST_HASHER, Clock, make_actor


@pytest.fixture
def dash_services(sqlite_template: Path, tmp_path: Path, clock: Clock) -> Iterator[Services]:
    path = tmp_path / "dash.db"
    shutil.copy(sqlite_template, path)
    svc = build_services(make_engine(f"sqlite:///{path}"), gazetteer(), clock)
    DemoGenerator(svc.ctx, seed=3, hasher=FAST_HASHER).generate(
        3, calls_per_day=200, end=clock.now, open_incidents=3
    )
    yield svc
    svc.close()


def make_panel(qtbot, services: Services, worker: DbWorker, **kw: float) -> DashboardPanel:  # type: ignore[no-untyped-def]
    reports = ReportService(services.ctx, services.stats, services.reference)
    panel = DashboardPanel(services, reports, worker, "en", **kw)
    qtbot.addWidget(panel)
    panel.resize(1300, 1000)
    panel.show()
    panel.start()
    qtbot.waitUntil(lambda: settled(panel), timeout=10000)
    return panel


def settled(panel: DashboardPanel) -> bool:
    """A result is shown and every chart drawn (they are redrawn one per event-loop turn)."""
    return panel.last_result is not None and not panel._in_flight and not panel.view.busy


def not_blank(panel: DashboardPanel) -> int:
    """How many distinct colours a grab of the charts has (a blank widget has one or two)."""
    img = panel.view.chart_slots.grab().toImage()
    colours = {img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}
    return len(colours)


def test_live_dashboard_shows_the_current_shift(qtbot, dash_services, worker) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, dash_services, worker)
    schedule = dash_services.reference.schedule()
    inst = schedule.at(dash_services.ctx.clock())  # 29 Nov 10:00 WIB: the pagi shift
    assert inst.key == "2026-11-29/pagi"
    result = panel.last_result
    assert result is not None and result.main.period.shift_key == inst.key
    want = dash_services.stats.measures(inst.start, inst.end)
    assert want["calls_total"] > 0
    tiles = panel.view.tiles
    assert tiles["calls_total"].lbl_value.text() == fmt_number(want["calls_total"])
    assert tiles["prank_ratio"].lbl_value.text() == fmt_measure("prank_ratio", want["prank_ratio"])
    pct = want["answered_within_15s_pct"]
    assert tiles["answered_within_15s_pct"].lbl_value.text() == fmt_measure(
        "answered_within_15s_pct", pct
    )
    assert tiles["answered_within_15s_pct"].status == (
        "good" if pct >= 90 else "warn" if pct >= 80 else "bad"
    )
    assert tiles["prank_ratio"].status == "none"  # no target: no colour
    # the stacked bars add up to the calls of the shift, hours 07..14 WIB
    slots = panel.view.chart_slots
    assert slots._labels[0] == "07:00" and len(slots._labels) == 8
    assert sum(sum(v or 0 for v in s[2]) for s in slots._series) == want["calls_total"]
    assert "LIVE" in panel.header.text()
    assert not_blank(panel) > 3
    # each category's bar is labelled with its count, drawn next to the bar
    cats = panel.view.chart_category
    counts = sorted(result.main.breakdown.incidents_by_category.values(), reverse=True)
    assert cats.values.texts == [f"{c:g}" for c in counts if c > 0] and counts
    labelled = cats.grab().toImage()
    cats.values.set_labels([], cats._fg)
    assert cats.grab().toImage() != labelled
    # the trend ends with this shift and shows its fresh numbers
    trend = panel._trend
    assert trend is not None and trend.periods[-1].shift_key == inst.key
    assert len(trend.periods) == 30


def test_hover_shows_the_values(qtbot, dash_services, worker) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, dash_services, worker)
    slots = panel.view.chart_slots
    busiest = max(range(len(slots._labels)), key=lambda i: sum(s[2][i] or 0 for s in slots._series))
    total = sum(s[2][busiest] or 0 for s in slots._series)
    text = slots.hover_at(busiest, 1.0)
    assert slots._labels[busiest] in text and f"Total: {total}" in text
    assert slots.hover_at(-3, 1) == ""  # outside the bars: nothing
    answer = panel.view.chart_answer
    text = answer.hover_at(5.0, 1.0)  # the 4-6 s bin
    assert text.startswith("4–6 s") and "calls" in text
    # a real mouse move over the plot shows a label too
    vb = answer.getPlotItem().vb
    point = answer.mapFromScene(vb.mapViewToScene(QPointF(5.0, 1.0)))
    qtbot.mouseMove(answer.viewport(), point)
    qtbot.waitUntil(lambda: answer.hover_label.startswith("4–6 s"), timeout=3000)


def test_past_shift_compare_and_range(qtbot, dash_services, worker) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, dash_services, worker)
    panel.bar.choose_shift("2026-11-28/malam")
    qtbot.waitUntil(
        lambda: settled(panel) and panel.last_result.main.period.shift_key == "2026-11-28/malam",
        timeout=10000,
    )
    inst = dash_services.reference.schedule().parse("2026-11-28/malam")
    want = dash_services.stats.measures(inst.start, inst.end)
    assert panel.view.tile_text("calls_total") == fmt_number(want["calls_total"])
    assert "LIVE" not in panel.header.text()
    panel.bar.set_compare("2026-11-28/siang")
    qtbot.waitUntil(lambda: panel.last_result.other is not None, timeout=10000)
    assert panel.stack.currentWidget() is panel.compare
    table = panel.compare.table
    other = dash_services.stats.measures(*_span(dash_services, "2026-11-28/siang"))
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Calls received")
    assert table.item(row, 1).text() == fmt_number(want["calls_total"])
    assert table.item(row, 2).text() == fmt_number(other["calls_total"])
    diff = want["calls_total"] - other["calls_total"]
    assert table.item(row, 3).text() == (f"{diff:+d}" if diff else "0")
    # a date range: calls per day, and the end before the start is refused in the status
    panel.bar.set_compare(None)
    panel.bar.cmb_mode.setCurrentIndex(2)
    qtbot.waitUntil(
        lambda: settled(panel) and panel.last_result.main.period.shift_key is None, timeout=10000
    )
    assert panel.last_result.main.slots.unit == "day"
    panel.bar.date_from.setDate(panel.bar.date_to.date().addDays(3))
    qtbot.waitUntil(lambda: "not after its start" in panel.bar.lbl_status.text(), timeout=5000)


def _span(services: Services, key: str) -> tuple[datetime, datetime]:
    inst = services.reference.schedule().parse(key)
    return inst.start, inst.end


def test_empty_shift_says_no_data(qtbot, dash_services, worker) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, dash_services, worker)
    panel.bar.choose_shift("2021-01-01/malam")
    qtbot.waitUntil(
        lambda: settled(panel) and panel.last_result.main.period.shift_key == "2021-01-01/malam",
        timeout=10000,
    )
    tiles = panel.view.tiles
    assert tiles["calls_total"].lbl_value.text() == "0"
    assert tiles["prank_ratio"].lbl_value.text() == "no data"
    assert tiles["answered_within_15s_pct"].status == "none"
    assert panel.view.chart_slots._empty.isVisible()


def test_changes_refresh_debounced(qtbot, dash_services, worker, clock) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, dash_services, worker, min_interval_s=0.6)
    before = panel.last_result.main.measures["calls_total"]
    requests = panel._request
    op = make_actor(dash_services, Role.OPERATOR)
    entries = []
    for i in range(5):
        dash_services.intake.log_call(
            op, CallInput("", received_at=clock.now - timedelta(seconds=30 - i)), CallOutcome.PRANK
        )
        entries.append(FeedEntry(i, "call.logged", "call", i, "WS", None, clock.now, None))
        panel.on_changes([entries[-1]])
    panel.on_changes(
        [FeedEntry(99, "presence.seen", "workstation", None, "WS", None, clock.now, None)]
    )
    qtbot.waitUntil(
        lambda: panel.last_result.main.measures["calls_total"] == before + 5, timeout=10000
    )
    qtbot.wait(800)
    assert 1 <= panel._request - requests <= 2  # five changes, at most two refreshes
    assert panel.view.tile_text("calls_total") == fmt_number(before + 5)
    # hidden: no work, but the panel catches up when shown again
    panel.hide()
    dash_services.intake.log_call(op, CallInput("", received_at=clock.now), CallOutcome.SILENT)
    panel.on_changes([FeedEntry(7, "call.logged", "call", 7, "WS", None, clock.now, None)])
    qtbot.wait(700)
    assert panel.last_result.main.measures["calls_total"] == before + 5
    panel.show()
    qtbot.waitUntil(
        lambda: panel.last_result.main.measures["calls_total"] == before + 6, timeout=10000
    )
    assert max(panel.apply_ms) < 2000  # sanity only; the 16 ms budget is a benchmark


def test_dark_theme_colours_the_charts(qtbot, dash_services, worker) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPalette

    panel = make_panel(qtbot, dash_services, worker)
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor(30, 32, 36))
    dark.setColor(QPalette.ColorRole.Text, QColor(225, 225, 225))
    panel.view.setPalette(dark)
    img = panel.view.chart_category.grab().toImage()
    assert img.pixelColor(3, 3).lightness() < 80
    assert panel.view.chart_category.values.texts  # the bar values, light on dark too
    assert panel.view.chart_category.values._colour.lightness() > 150


def test_install_in_the_main_window(qtbot, dash_services, worker, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from siaga_console.ui.dashboard import install
    from siaga_console.ui.main_window import MainWindow
    from siaga_console.ui.session import AppSession

    for role, allowed in ((Role.SUPERVISOR, True), (Role.OPERATOR, False)):
        session = AppSession(Config(workstation="WS-TEST"), "sqlite:///x.db", worker, "en")
        session.services = dash_services
        session.actor = Actor(1, "u", role, "WS-TEST")
        window = MainWindow(
            session, QSettings(str(tmp_path / f"{role}.ini"), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(window)
        install(window, session)
        panel = window.docks["dashboard"].widget()
        assert isinstance(panel, DashboardPanel)
        actions = session.extra["report_actions"]
        assert actions.menu.menuAction().isVisible() == allowed
        assert actions.act_report.isVisible() == allowed
        window.show()
        window.docks["dashboard"].raise_()
        qtbot.waitUntil(lambda p=panel: p.last_result is not None, timeout=10000)


def test_clock_rolls_over_to_the_next_shift(qtbot, dash_services, worker, clock) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, dash_services, worker)
    clock.now = datetime(2026, 11, 29, 8, 1, tzinfo=UTC)  # 15:01 WIB: siang began
    panel._on_clock()
    qtbot.waitUntil(
        lambda: panel.last_result.main.period.shift_key == "2026-11-29/siang", timeout=10000
    )


def test_a_newer_result_replaces_waiting_chart_steps(qtbot, dash_services, worker) -> None:  # type: ignore[no-untyped-def]
    from siaga_console.services.stats import shift_period
    from siaga_console.ui.dashboard.names import slot_labels

    panel = make_panel(qtbot, dash_services, worker)
    reports = ReportService(dash_services.ctx, dash_services.stats, dash_services.reference)
    schedule = dash_services.reference.schedule()
    a = reports.snapshot(shift_period(schedule.parse("2026-11-27/siang")))
    b = reports.snapshot(shift_period(schedule.parse("2026-11-28/pagi")))
    view = panel.view
    view.apply(a, None, panel.names, False)
    assert view.busy  # the charts wait for their turns
    view.apply(b, None, panel.names, False)  # replaces a's steps
    view.apply(a, None, panel.names, False)  # a again: its charts were never drawn
    qtbot.waitUntil(lambda: not view.busy, timeout=5000)
    assert view.chart_slots._labels == slot_labels(a)
    assert view.chart_answer._counts == [*a.answer.counts, a.answer.overflow]
    assert view.tile_text("calls_total") == fmt_number(a.measures["calls_total"])


def test_a_long_value_shrinks_to_fit_a_narrow_tile(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontMetricsF

    from siaga_console.ui.dashboard.tiles import KpiTile

    tile = KpiTile("response_time", "Waktu tanggap")
    qtbot.addWidget(tile)
    tile.set_value("15 mnt 23 dtk", "median · p90 20 mnt 04 dtk")  # as seen cut off
    tile.resize(160, 100)
    tile.show()
    qtbot.waitExposed(tile)
    label = tile.lbl_value

    def fits() -> bool:
        width = QFontMetricsF(label.font()).horizontalAdvance(label.text())
        return width <= label.contentsRect().width()

    assert label.font().pointSizeF() < label.full_size and fits()
    tile.resize(700, 100)  # room again: the full size comes back
    qtbot.waitUntil(lambda: abs(label.font().pointSizeF() - label.full_size) < 0.01, timeout=2000)
    assert fits()
    tile.set_value("7", "")
    assert abs(label.font().pointSizeF() - label.full_size) < 0.01
