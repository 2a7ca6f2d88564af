"""The status-bar piece that says how this console keeps in step with the others."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ..bus import MODE_LISTEN, MODE_OFFLINE, MODE_POLL
from ..theme import set_tone


class SyncStatusLabel(QLabel):
    """ "Live" (LISTEN/NOTIFY), "Polling" (SQLite or LISTEN down) or "Offline", and how
    many changes wait in the outbox."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("status_sync")
        self.mode = MODE_POLL
        self.queued = 0
        self.parked = 0
        self._render()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self._render()

    def set_counts(self, queued: int, parked: int) -> None:
        self.queued, self.parked = queued, parked
        self._render()

    def _render(self) -> None:
        if self.mode == MODE_LISTEN:
            text = self.tr("Live updates")
            tip = self.tr("Changes from other workstations arrive at once (LISTEN/NOTIFY).")
            colour = "ok"
        elif self.mode == MODE_OFFLINE:
            text = self.tr("Offline: working locally")
            tip = self.tr(
                "The shared database cannot be reached. Calls, incidents and status changes "
                "are kept on this computer and sent when it is back."
            )
            colour = "error"
        else:
            text = self.tr("Updates every second")
            tip = self.tr("This console asks the database for changes every second.")
            colour = "muted"
        if self.queued:
            text += " · " + self.tr("{count} waiting to send").format(count=self.queued)
        if self.parked:
            text += " · " + self.tr("{count} need attention").format(count=self.parked)
            colour = "warn" if self.mode != MODE_OFFLINE else colour
        self.setText(text)
        self.setToolTip(tip)
        set_tone(self, colour)
