""" "Sedang diedit oleh X di WS-2": the soft lock of the incident shown in a detail panel.

Embed ``LockBanner`` in a detail panel; call ``set_incident(id)`` when it shows another
incident (or ``None``), and ``touch()`` whenever the operator starts or continues editing it
(typing a note, pressing a status button, opening the dispatch dialog): that takes or renews
this console's lock, so the other consoles show the banner. The banner itself shows only
someone *else's* live lock.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel

from ...domain.timeutil import to_wib
from ...services.feed import FeedEntry
from ...services.locks import LockResult, LockService, LockView
from ..session import AppSession


class LockBanner(QLabel):
    sig_lock_changed = Signal(object)  # LockView | None: someone else's live lock

    def __init__(
        self,
        session: AppSession,
        locks: LockService | None = None,
        *,
        refresh_ms: int = 10_000,
    ) -> None:
        super().__init__()
        self.setObjectName("lock_banner")
        self.setWordWrap(True)
        self.setStyleSheet(
            "background: #fff3cd; color: #7a4f01; border: 1px solid #e0c36a;"
            " border-radius: 3px; padding: 3px 6px; font-weight: bold;"
        )
        self.hide()
        self.session = session
        assert session.services is not None
        self.locks = locks or LockService(session.services.ctx)
        self.incident_id: int | None = None
        self.holder: LockView | None = None  # someone else's
        self.mine: LockView | None = None
        self._last_touch = 0.0
        self._timer = QTimer(self, interval=refresh_ms)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        if session.bus is not None:
            session.bus.sig_changes.connect(self._on_changes)

    # -- the API for the detail panel ---------------------------------------------------
    def set_incident(self, incident_id: int | None) -> None:
        if incident_id == self.incident_id:
            return
        self.release()
        self.incident_id = incident_id
        self._show(None)
        self.refresh()

    def touch(self) -> None:
        """The operator edits the incident: take or renew the lock (at most every 20 s)."""
        actor, inc = self.session.actor, self.incident_id
        if actor is None or inc is None or inc < 0:
            return
        now = time.monotonic()
        if self.mine is not None and now - self._last_touch < min(20.0, self.locks.ttl_s / 3):
            return
        self._last_touch = now
        self.session.worker.submit(
            lambda: self.locks.acquire(actor, inc),
            lambda r, i=inc: self._on_acquired(i, r),
            lambda _e: None,  # offline: the lock is only a courtesy
        )

    def release(self) -> None:
        actor, inc = self.session.actor, self.incident_id
        if actor is None or inc is None or self.mine is None:
            return
        self.mine = None
        self.session.worker.submit(lambda: self.locks.release(actor, inc), None, lambda _e: None)

    def refresh(self) -> None:
        inc = self.incident_id
        if inc is None or inc < 0:
            return
        self.session.worker.submit(
            lambda: self.locks.get(inc), lambda v, i=inc: self._on_lock(i, v), lambda _e: None
        )
        if self.mine is not None and time.monotonic() - self._last_touch > self.locks.ttl_s / 2:
            self._last_touch = 0.0  # keep an editing session alive while it is shown
            self.touch()

    # -- reactions ------------------------------------------------------------------------
    def _on_changes(self, entries: list[FeedEntry]) -> None:
        if any(e.entity == "lock" and e.entity_id == self.incident_id for e in entries):
            self.refresh()

    def _on_acquired(self, incident_id: int, result: LockResult) -> None:
        if incident_id != self.incident_id:
            return
        if result.acquired:
            self.mine = result.lock
            self._show(None)
        else:
            self.mine = None
            self._show(result.lock)

    def _on_lock(self, incident_id: int, view: LockView | None) -> None:
        if incident_id != self.incident_id:
            return
        actor = self.session.actor
        if view is not None and actor is not None and view.held_by(actor):
            self.mine = view
            view = None
        self._show(view)

    def _show(self, holder: LockView | None) -> None:
        changed = holder != self.holder
        self.holder = holder
        if holder is None:
            self.hide()
            self.clear()
        else:
            self.setText(
                self.tr("Being edited by {user} at {workstation} (since {time})").format(
                    user=holder.username,
                    workstation=holder.workstation,
                    time=to_wib(holder.acquired_at).strftime("%H:%M"),
                )
            )
            self.setToolTip(
                self.tr(
                    "Another operator is working on this incident. Your changes are still "
                    "possible; if both of you change the same thing, the console asks first."
                )
            )
            self.show()
        if changed:
            self.sig_lock_changed.emit(holder)
