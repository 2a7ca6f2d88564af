"""Puts each feature's panels into the main window once the database is open."""

from __future__ import annotations

from .main_window import MainWindow
from .session import AppSession


def install_features(window: MainWindow, session: AppSession) -> None:
    """Each feature adds its panels and actions here (queue, units, map, dashboard)."""
    assert session.services is not None
