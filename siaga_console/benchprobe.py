"""Measures the console's start-up for `make bench` (process start to a usable window)."""

from __future__ import annotations

import sys
import time


def first_window(url: str, t0: float) -> None:
    """Start the real GUI on ``url``; print when the window shows and when the queue is filled."""
    import argparse

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .app import run_gui
    from .ui.map import register_schemes

    register_schemes()
    app = QApplication.instance() or QApplication(sys.argv[:1])  # so the timer below can run
    shown: dict[str, float] = {}

    def poll() -> None:
        for w in QApplication.topLevelWidgets():
            if w.objectName() == "MainWindow" and w.isVisible() and "shown" not in shown:
                shown["shown"] = (time.perf_counter() - t0) * 1000
            session = getattr(w, "session", None)
            feature = session.extra.get("queue") if session is not None else None
            if feature is not None and feature.model.all_rows():
                total = (time.perf_counter() - t0) * 1000
                print(f"first-window-ms {total:.1f} {shown.get('shown', total):.1f}", flush=True)
                app.exit(0)
                return
        QTimer.singleShot(5, poll)

    QTimer.singleShot(0, poll)
    args = argparse.Namespace(
        db=url,
        lang=None,
        theme=None,
        workstation="bench",
        selftest=False,
        demo=False,
        no_login=True,
    )
    sys.exit(run_gui(args))
