"""Puts each feature's panels into the main window once the database is open.

A feature module exposes ``install(window, session) -> None``: it builds its widgets, puts
them in place with ``window.set_panel(name, widget)`` (names: ``queue`` in the centre,
``map``, ``dashboard``, ``units`` docks), adds its actions to the window's menus, and
connects to ``session.bus`` (siaga_console/ui/bus.py) for selections and changes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QTimer

from .bus import AppBus
from .main_window import MainWindow
from .session import AppSession


def install_features(
    window: MainWindow,
    session: AppSession,
    last_feed_id: int = 0,
    *,
    staged: bool = False,
    on_done: Callable[[], None] | None = None,
) -> None:
    """Install every feature, then start the change feed and call ``on_done``.

    ``staged`` (the console's start): the queue first; the others once the queue's first
    rows have arrived, one per turn of the event loop, so the operator can take calls while
    the map and the dashboard are still being built.
    """
    services = session.services
    assert services is not None
    bus = AppBus(services, session.worker)
    bus.setParent(window)
    session.bus = bus
    bus.sig_connection_changed.connect(window.set_connection_state)
    from .queue import install as install_queue

    install_queue(window, session)
    rest = _feature_installers()

    def finish() -> None:
        bus.start(last_feed_id)
        if on_done is not None:
            on_done()

    if not staged:
        for install in rest:
            install(window, session)
        finish()
        return

    def next_feature() -> None:
        if rest:
            rest.pop(0)(window, session)
            QTimer.singleShot(0, next_feature)
        else:
            finish()

    # The worker runs jobs in order: this no-op ends after the queue's first load.
    session.worker.submit(lambda: None, lambda _: QTimer.singleShot(0, next_feature))


# The features after the queue, in the order they are installed; each module is imported
# just before it is installed (pyqtgraph, the EIDO schema... need not delay the queue).
LATER_FEATURES = ("map", "dashboard", "accounts", "interop", "sync")


def _feature_installers() -> list[Callable[[MainWindow, AppSession], None]]:
    def installer(name: str) -> Callable[[MainWindow, AppSession], None]:
        def install(window: MainWindow, session: AppSession) -> None:
            module = importlib.import_module(f"{__package__}.{name}")
            module.install(window, session)

        return install

    return [installer(name) for name in LATER_FEATURES]
