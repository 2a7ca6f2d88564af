"""Puts each feature's panels into the main window once the database is open.

A feature module exposes ``install(window, session) -> None``: it builds its widgets, puts
them in place with ``window.set_panel(name, widget)`` (names: ``queue`` in the centre,
``map``, ``dashboard``, ``units`` docks), adds its actions to the window's menus, and
connects to ``session.bus`` (siaga_console/ui/bus.py) for selections and changes.
"""

from __future__ import annotations

from collections.abc import Callable

from .bus import AppBus
from .main_window import MainWindow
from .session import AppSession


def install_features(window: MainWindow, session: AppSession, last_feed_id: int = 0) -> None:
    services = session.services
    assert services is not None
    bus = AppBus(services, session.worker)
    bus.setParent(window)
    session.bus = bus
    bus.sig_connection_changed.connect(window.set_connection_state)
    # Feature modules are installed here, in this order:
    for install in _feature_installers():
        install(window, session)
    bus.start(last_feed_id)


def _feature_installers() -> list[Callable[[MainWindow, AppSession], None]]:
    from .accounts import install as install_accounts
    from .dashboard import install as install_dashboard
    from .interop import install as install_interop
    from .map import install as install_map
    from .queue import install as install_queue
    from .sync import install as install_sync

    return [
        install_queue,
        install_map,
        install_dashboard,
        install_accounts,
        install_interop,
        install_sync,
    ]
