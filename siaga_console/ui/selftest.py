"""``siaga-console --selftest``: main window, database and map page, one-line verdict."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from .main_window import MainWindow
from .session import AppSession


class SelfTest(QObject):
    def __init__(
        self, window: MainWindow, session: AppSession, finish: Callable[[int], None]
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.finish = finish
        self.results: dict[str, str] = {}

    def start(self) -> None:
        self.results["window"] = "ok" if self.window.isVisible() else "not visible"
        services = self.session.services
        assert services is not None

        def check_db() -> dict[str, Any]:
            return {
                "incidents": services.incidents.count(),
                "kelurahan": len(services.reference.kelurahan()),
            }

        self.session.worker.submit(check_db, self._db_done, self._db_failed)

    def _db_done(self, info: dict[str, Any]) -> None:
        ok = info["kelurahan"] == 67
        self.results["database"] = "ok" if ok else f"kelurahan={info['kelurahan']}"
        self._check_map()

    def _db_failed(self, exc: BaseException) -> None:
        self.results["database"] = f"error {exc}"
        self._check_map()

    def _check_map(self) -> None:
        probe = getattr(self.window.docks["map"].widget(), "selftest_probe", None)
        if probe is None:
            self.results["map"] = "missing"
            self._done()
            return
        probe(self._map_done)

    def _map_done(self, verdict: str) -> None:
        self.results["map"] = verdict
        QTimer.singleShot(0, self._done)

    def _done(self) -> None:
        ok = all(v == "ok" for v in self.results.values())
        parts = " ".join(f"{k}={v}" for k, v in self.results.items())
        print(f"selftest: {'PASS' if ok else 'FAIL'} {parts}", flush=True)
        self.finish(0 if ok else 1)
