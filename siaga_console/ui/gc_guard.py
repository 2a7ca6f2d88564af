"""Python's garbage collector runs on the GUI thread only, in short steps.

The cyclic collector runs in whichever thread happens to allocate when a threshold is
crossed. If it finalises a Qt wrapper there (the map's page builder, the database worker),
the C++ object is deleted from the wrong thread and the process can crash (seen in the test
suite: a segfault "Garbage-collecting" in the map page thread). So automatic collection is
switched off and a timer on the GUI thread collects with the same thresholds.

Pauses: a started console holds about 300,000 objects the collector tracks (modules, Qt
wrappers, reference data, the queue's rows); one full collection of them took 130-200 ms
here, a visible freeze, and the first young collection after start-up as long (nothing had
been collected yet). Almost all of those objects live as long as the console, so once
start-up is over (``settle``) they are moved out of the collector's sight with
``gc.freeze()``; later collections only walk what was made since. Checking often (every
100 ms) keeps each young collection small. The few cycles left over from start-up (about
2,000 objects) are kept rather than paying a full collection for them.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

SETTLE_AT_THE_LATEST_MS = 60_000  # if nobody says start-up is over (a failed start)


class GuiThreadGc(QObject):
    def __init__(self, interval_ms: int = 100, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.settled = False
        gc.disable()
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.check)
        # Nothing is collected while the console starts: the objects made now are the ones
        # that live as long as it does, and walking them is the cost to avoid.
        self._deadline = QTimer(self, singleShot=True, interval=SETTLE_AT_THE_LATEST_MS)
        self._deadline.timeout.connect(self.settle)
        self._deadline.start()

    def settle(self) -> None:
        """Start-up is over: freeze what exists now and collect from here on. (Called again
        after the deadline, it freezes what start-up made since.)"""
        self.settled = True
        self._deadline.stop()
        gc.freeze()
        if not self.timer.isActive():
            self.timer.start()

    def check(self) -> None:
        c0, c1, c2 = gc.get_count()
        t0, t1, t2 = self.threshold
        if c0 > t0:
            gc.collect(0)
            if c1 > t1:
                gc.collect(1)
                if c2 > t2:
                    gc.collect(2)

    def stop(self) -> None:
        self.timer.stop()
        self._deadline.stop()
        gc.enable()
