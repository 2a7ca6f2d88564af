"""``siaga_console.ui.map.install`` in a real main window with a real SQLite database."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction

from siaga_console.config import Config
from siaga_console.data.engine import make_engine
from siaga_console.resources import gazetteer
from siaga_console.services.container import build_services
from siaga_console.ui.bus import AppBus
from siaga_console.ui.main_window import MainWindow
from siaga_console.ui.map import MapView, install
from siaga_console.ui.session import AppSession
from siaga_console.ui.worker import DbWorker

from ..conftest import Clock


@pytest.fixture
def window(
    qtbot: Any, sqlite_template: Path, tmp_path: Path, clock: Clock, monkeypatch: Any
) -> Iterator[MainWindow]:
    monkeypatch.setenv("SIAGA_TILE_URL", "none")  # no network in tests
    path = tmp_path / "siaga.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    services = build_services(make_engine(url), gazetteer(), clock)
    worker = DbWorker()
    session = AppSession(Config(path=tmp_path / "none.ini"), url, worker, services=services)
    win = MainWindow(session, QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    session.bus = AppBus(services, worker)
    install(win, session)
    win.show()
    yield win
    map_view = win.docks["map"].widget()
    if isinstance(map_view, MapView):
        map_view.shutdown()
    worker.stop()
    services.close()


def test_the_map_is_in_its_dock_and_passes_the_selftest_probe(qtbot, window) -> None:
    widget = window.docks["map"].widget()
    assert isinstance(widget, MapView)
    verdicts: list[str] = []
    widget.selftest_probe(verdicts.append)
    qtbot.waitUntil(lambda: bool(verdicts), timeout=30_000)
    assert verdicts == ["ok"]


def test_the_map_can_be_detached_and_put_back(qtbot, window) -> None:
    act = window.findChild(QAction, "act_map_detach")
    assert act is not None and act in window.m_view.actions()
    dock = window.docks["map"]
    act.trigger()
    assert dock.isFloating() and act.isChecked()
    screen = window.screen().availableGeometry()  # one screen here: 70 % x 80 % of it
    assert dock.width() >= 0.6 * screen.width() and dock.height() >= 0.6 * screen.height()
    act.trigger()
    assert not dock.isFloating() and not act.isChecked()
    dock.setFloating(True)  # by the dock's own button: the action follows
    assert act.isChecked()


def test_a_pick_request_brings_the_map_to_the_front(qtbot, window) -> None:
    dock = window.docks["map"]
    window.docks["dashboard"].raise_()
    dock.hide()
    assert window.session.bus is not None
    window.session.bus.sig_pick_location_requested.emit(True)
    assert dock.isVisible()
    view = dock.widget()
    assert isinstance(view, MapView) and view.info.isVisible()
