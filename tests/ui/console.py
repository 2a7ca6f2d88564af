"""Builds a real console (main window + features) on a real database, for pytest-qt tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from siaga_console.config import Config
from siaga_console.domain.permissions import Actor
from siaga_console.services.container import Services
from siaga_console.ui.features import install_features
from siaga_console.ui.i18n import install_translators
from siaga_console.ui.main_window import MainWindow
from siaga_console.ui.session import AppSession
from siaga_console.ui.worker import DbWorker


def sqlite_services(template: Path, tmp_path: Path, clock: object) -> Services:
    """Services on a fresh copy of the migrated SQLite template (widget tests)."""
    import shutil

    from siaga_console.data.engine import make_engine
    from siaga_console.resources import gazetteer
    from siaga_console.services.container import build_services

    path = tmp_path / "console.db"
    shutil.copy(template, path)
    return build_services(make_engine(f"sqlite:///{path}"), gazetteer(), clock)  # type: ignore[arg-type]


@contextmanager
def open_console(
    qtbot: object,
    services: Services,
    actor: Actor,
    tmp_path: Path,
    db_url: str = "sqlite:///test.db",
) -> Iterator[tuple[MainWindow, AppSession]]:
    app = QApplication.instance()
    translators = install_translators(app, "id")  # the console's default language
    old_tiles = os.environ.get("SIAGA_TILE_URL")
    os.environ["SIAGA_TILE_URL"] = "none"  # no network in tests: the map shows no tiles
    worker = DbWorker()
    session = AppSession(Config(workstation="WS-TEST"), db_url, worker, language="id")
    session.services = services
    session.actor = actor
    session.reference = services.reference.bundle()
    window = MainWindow(
        session, QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    install_features(window, session, services.feed.last_id())
    window.attach(session)
    window.show()
    # Shortcuts need an active window; the offscreen platform has no window manager to give it.
    window.activateWindow()
    if window.windowHandle() is not None:
        window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)  # type: ignore[attr-defined]
    try:
        yield window, session
    finally:
        if session.bus is not None:
            session.bus.timer.stop()
        map_view = window.docks["map"].widget()
        if hasattr(map_view, "shutdown"):
            map_view.shutdown()  # the web page goes before its profile, or Qt crashes at exit
        if old_tiles is None:
            os.environ.pop("SIAGA_TILE_URL", None)
        else:
            os.environ["SIAGA_TILE_URL"] = old_tiles
        qtbot.waitUntil(lambda: worker.pending == 0, timeout=10000)  # type: ignore[attr-defined]
        worker.stop()
        window.close()
        for tr in translators:
            app.removeTranslator(tr)
