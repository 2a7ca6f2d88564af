"""The live map of Kota Serang: folium base page, live layers over one QWebChannel bridge.

``register_schemes()`` before the QApplication exists; ``install(window, session)`` puts the
map in the main window's ``map`` dock once the database is open.
"""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDockWidget

from ...integrations.tiles import TileSource, load_tile_config
from ...resources import gazetteer
from ...services.mapping import TILE_URL, TileSpec, cache_dir
from ..main_window import MainWindow
from ..session import AppSession
from .controller import MapController
from .scheme import register_schemes, schemes_registered
from .view import MapView

__all__ = ["MapController", "MapView", "install", "register_schemes"]


def install(window: MainWindow, session: AppSession) -> None:
    services = session.services
    assert services is not None
    config = load_tile_config(session.config.path, os.environ)
    root = cache_dir()
    source = TileSource(config, root / "tiles")
    threading.Thread(target=source.prune, name="siaga-tile-prune", daemon=True).start()
    view = MapView(source, root / "map")
    window.set_panel("map", view)
    dock = window.docks["map"]

    def reveal() -> None:
        dock.show()
        dock.raise_()

    tiles = TileSpec(url=TILE_URL if schemes_registered() else None, attribution=config.attribution)
    controller = MapController(
        view,
        services,
        session.worker,
        session.bus,
        gazetteer(),
        language=session.language,
        tiles=tiles,
        reveal=reveal,
    )
    _add_actions(window, dock, view)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(view.shutdown)
    controller.start()


def _add_actions(window: MainWindow, dock: QDockWidget, view: MapView) -> None:
    act_detach = QAction(
        QCoreApplication.translate("MapPanel", "Detach map to its own window"), window
    )
    act_detach.setObjectName("act_map_detach")
    act_detach.setCheckable(True)
    act_detach.setShortcut(QKeySequence("Ctrl+Shift+M"))
    act_detach.setToolTip(
        QCoreApplication.translate(
            "MapPanel", "Show the map in its own window, e.g. on the wall screen (Ctrl+Shift+M)"
        )
    )
    act_detach.toggled.connect(lambda on: detach_map(window, dock, on))
    dock.topLevelChanged.connect(act_detach.setChecked)
    act_fit = QAction(
        QCoreApplication.translate("MapPanel", "Show the whole city on the map"), window
    )
    act_fit.setObjectName("act_map_fit")
    act_fit.triggered.connect(lambda: view.bridge.send({"op": "view", "fit": True}))
    window.m_view.addSeparator()
    window.m_view.addAction(act_detach)
    window.m_view.addAction(act_fit)


def detach_map(window: MainWindow, dock: QDockWidget, floating: bool) -> None:
    """Float the map dock; with a second screen, fill that screen (a command center's wall)."""
    if dock.isFloating() == floating:
        return
    dock.setFloating(floating)
    if not floating:
        return
    dock.show()
    here = window.screen()
    others = [s for s in QGuiApplication.screens() if s is not here]
    if others:
        geo = others[0].availableGeometry()
        dock.setGeometry(geo)
    else:
        geo = here.availableGeometry()
        w, h = int(geo.width() * 0.7), int(geo.height() * 0.8)
        dock.setGeometry(geo.x() + (geo.width() - w) // 2, geo.y() + (geo.height() - h) // 2, w, h)
    dock.setWindowState(dock.windowState() & ~Qt.WindowState.WindowMinimized)
    dock.raise_()
    dock.activateWindow()
