"""Locks the console after a configurable time without keyboard or mouse activity."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Calls ``on_idle`` once after ``timeout_s`` without input; re-arms on ``reset()``."""

    def __init__(
        self,
        timeout_s: float,
        on_idle: Callable[[], None],
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.timeout_s = timeout_s
        self.on_idle = on_idle
        self.clock = clock
        self.last_input = clock()
        self.locked = False
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and not self.locked:
            self.last_input = self.clock()
        return False

    def check(self) -> None:
        if (
            self.timeout_s > 0
            and not self.locked
            and self.clock() - self.last_input >= self.timeout_s
        ):
            self.locked = True
            self.on_idle()

    def reset(self) -> None:
        self.locked = False
        self.last_input = self.clock()
