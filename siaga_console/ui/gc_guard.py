"""Python's garbage collector runs on the GUI thread only.

The cyclic collector runs in whichever thread happens to allocate when a threshold is
crossed. If it finalises a Qt wrapper there (the map's page builder, the database worker),
the C++ object is deleted from the wrong thread and the process can crash (seen in the test
suite: a segfault "Garbage-collecting" in the map page thread). So automatic collection is
switched off and a timer on the GUI thread collects with the same thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadGc(QObject):
    def __init__(self, interval_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.check)
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
        gc.enable()
