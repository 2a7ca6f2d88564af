"""Long work on a thread of its own (imports, exports, report files); the GUI only
receives progress signals.

These jobs do not go through the shared database worker (``session.worker``): a
100,000-row import takes tens of seconds, a month's report file seconds, and either would
hold up every panel's reads behind it. A job runs on a QThread of its own (an import: one
service call in one transaction); progress and the result come back by queued signals,
and ``cancel()`` asks the job to stop (an import rolls back).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

# The function a job runs: it gets report(done, fraction or -1) and cancelled().
JobFn = Callable[[Callable[[int, float], None], Callable[[], bool]], Any]


class _Thread(QThread):
    sig_progress = Signal(int, float)
    sig_finished = Signal(object, object)  # result, exception

    def __init__(self, fn: JobFn, cancel: threading.Event) -> None:
        super().__init__()
        self.setObjectName("siaga-interop-job")
        self.fn = fn
        self.cancel = cancel

    def run(self) -> None:
        try:
            result = self.fn(self.sig_progress.emit, self.cancel.is_set)
        except BaseException as exc:  # handed to the GUI thread
            self.sig_finished.emit(None, exc)
        else:
            self.sig_finished.emit(result, None)


class BackgroundJob(QObject):
    """Runs ``fn`` once on a new thread: ``sig_progress``, then ``sig_done`` or ``sig_failed``."""

    sig_progress = Signal(int, float)  # rows (or items) done, fraction 0..1 or -1 if unknown
    sig_done = Signal(object)
    sig_failed = Signal(object)

    def __init__(self, fn: JobFn, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread = _Thread(fn, self._cancel)
        self._thread.sig_progress.connect(self.sig_progress)
        self._thread.sig_finished.connect(self._on_finished)
        self.running = False
        # A running QThread must never be destroyed (Qt aborts): when the dialog goes away
        # or the application quits, ask the job to stop (it rolls back) and wait for it.
        thread, cancel = self._thread, self._cancel
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(lambda: _stop(thread, cancel))
        self.destroyed.connect(lambda: _stop(thread, cancel))

    def start(self) -> None:
        self.running = True
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, ms: int = 30_000) -> bool:
        return bool(self._thread.wait(ms))

    def _on_finished(self, result: object, exc: object) -> None:
        self.running = False
        self._thread.wait()
        if exc is not None:
            self.sig_failed.emit(exc)
        else:
            self.sig_done.emit(result)


def _stop(thread: QThread, cancel: threading.Event) -> None:
    if shiboken6.isValid(thread) and thread.isRunning():
        cancel.set()
        thread.wait(60_000)
