"""All database work runs here, off the GUI thread; results come back by signal.

Modelled on Anki's TaskManager: ``submit(fn, on_done, on_error)`` runs ``fn`` on one
background thread (so database calls are serialised, as a desktop client wants) and calls
``on_done(result)`` or ``on_error(exc)`` on the GUI thread.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

_Job = tuple[int, Callable[[], Any]]


class _Runner(QThread):
    sig_finished = Signal(int, object, object)  # job id, result, exception

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("siaga-db-worker")
        self.jobs: queue.Queue[_Job | None] = queue.Queue()

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                return
            job_id, fn = job
            try:
                result = fn()
            except BaseException as exc:  # delivered to on_error on the GUI thread
                self.sig_finished.emit(job_id, None, exc)
            else:
                self.sig_finished.emit(job_id, result, None)


class DbWorker(QObject):
    """One background thread for database work."""

    sig_busy = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = _Runner()
        self._runner.sig_finished.connect(self._on_finished)
        self._callbacks: dict[
            int, tuple[Callable[[Any], None] | None, Callable[[BaseException], None] | None]
        ] = {}
        self._next = 0
        self._lock = threading.Lock()
        self._runner.start()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> int:
        with self._lock:
            self._next += 1
            job_id = self._next
        self._callbacks[job_id] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.sig_busy.emit(True)
        self._runner.jobs.put((job_id, fn))
        return job_id

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    @Slot(int, object, object)
    def _on_finished(self, job_id: int, result: Any, exc: BaseException | None) -> None:
        on_done, on_error = self._callbacks.pop(job_id, (None, None))
        if not self._callbacks:
            self.sig_busy.emit(False)
        if exc is not None:
            if on_error is not None:
                on_error(exc)
            else:
                log.error("background job failed", exc_info=exc)
        elif on_done is not None:
            on_done(result)

    def stop(self, timeout_ms: int = 10000) -> None:
        self._runner.jobs.put(None)
        self._runner.wait(timeout_ms)
