"""LISTEN siaga_changes on a dedicated autocommit connection, in a thread of its own.

Every service command sends ``pg_notify('siaga_changes', <feed id>)`` inside its
transaction; PostgreSQL delivers it to every listener at commit. The listener only wakes
the follower (``on_notify``): the follower then reads the feed from its last id, so a lost,
late or early notification never loses a change. The listener reconnects with backoff and
wakes the follower after every (re)connection, to catch up on what it could not hear.
"""

from __future__ import annotations

import contextlib
import logging
import select
import threading
import time
from collections.abc import Callable
from typing import Any

from ..services.context import NOTIFY_CHANNEL
from .connection import Backoff, libpq_params

log = logging.getLogger(__name__)


class PgListener:
    """``on_notify(payload | None)`` and ``on_state(listening, detail)`` run on the
    listener's thread: the receiver hands them over to its own thread (Qt: a signal)."""

    def __init__(
        self,
        url: str,
        on_notify: Callable[[str | None], None],
        on_state: Callable[[bool, str], None] | None = None,
        *,
        channel: str = NOTIFY_CHANNEL,
        backoff: Backoff | None = None,
        health_every_s: float = 15.0,
    ) -> None:
        self.params: dict[str, Any] = libpq_params(url)
        self.on_notify = on_notify
        self.on_state = on_state or (lambda _ok, _detail: None)
        self.channel = channel
        self.backoff = backoff or Backoff(initial=0.5, maximum=5.0)
        self.health_every_s = health_every_s
        self.listening = False
        self.notifications = 0
        self._stop = threading.Event()
        self._wake_r, self._wake_w = _pipe()
        self._thread = threading.Thread(target=self._run, name="siaga-listen", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        _poke(self._wake_w)
        if self._thread.is_alive():
            self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    # -- the thread ----------------------------------------------------------------------
    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                conn = psycopg.connect(**self.params, autocommit=True)
            except psycopg.Error as exc:
                self._set_state(False, _first_line(exc))
                self._stop.wait(self.backoff.next_delay())
                continue
            try:
                conn.execute(f"LISTEN {self.channel}")
                self.backoff.reset()
                self._set_state(True, "")
                self.on_notify(None)  # catch up on what was committed while deaf
                self._listen(conn)
            except psycopg.Error as exc:
                self._set_state(False, _first_line(exc))
                self._stop.wait(self.backoff.next_delay())
            finally:
                with contextlib.suppress(Exception):  # already broken: nothing to close
                    conn.close()
        self._set_state(False, "stopped")

    def _listen(self, conn: Any) -> None:
        """Wait on the socket (and the stop pipe); drain notifications when readable."""
        fd = conn.fileno()
        last_traffic = time.monotonic()
        while not self._stop.is_set():
            ready, _, _ = select.select([fd, self._wake_r], [], [], 1.0)
            if self._wake_r in ready:
                _drain(self._wake_r)
            if fd in ready:
                payloads = [n.payload for n in conn.notifies(timeout=0, stop_after=None)]
                self.notifications += len(payloads)
                if payloads:  # one wake-up for a burst: the follower reads them all
                    self.on_notify(payloads[-1])
                else:
                    # Readable but nothing queued: ask the connection (raises if it is dead).
                    conn.execute("SELECT 1")
                last_traffic = time.monotonic()
            elif time.monotonic() - last_traffic > self.health_every_s:
                conn.execute("SELECT 1")
                last_traffic = time.monotonic()

    def _set_state(self, ok: bool, detail: str) -> None:
        if ok != self.listening or not ok:
            self.listening = ok
            try:
                self.on_state(ok, detail)
            except Exception:  # a receiver's bug must not kill the listener
                log.exception("listener state callback failed")


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:160] if lines else type(exc).__name__


def _pipe() -> tuple[int, int]:
    import os

    r, w = os.pipe()
    os.set_blocking(r, False)
    os.set_blocking(w, False)
    return r, w


def _poke(fd: int) -> None:
    import os

    with contextlib.suppress(OSError):
        os.write(fd, b"x")


def _drain(fd: int) -> None:
    import os

    try:
        while os.read(fd, 512):
            pass
    except OSError:
        pass
