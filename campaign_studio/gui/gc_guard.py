"""Python's garbage collector runs on the interface thread only.

The preview's render workers and the export thread run Python. Left automatic, a collection can start in
one of them and free a Qt object that lives on the interface thread, which crashes Qt (seen as a
segmentation fault "Garbage-collecting" in the export thread). The well-known remedy: switch automatic
collection off and collect from a timer on the interface thread, as often as the collector's own
thresholds would.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class MainThreadCollector(QObject):
    """Collects garbage on the thread that created it (the interface thread), never in a worker."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, as the automatic collector would."""
        first, second, third = gc.get_count()
        if first > self.threshold[0]:
            gc.collect(0)
            if second > self.threshold[1]:
                gc.collect(1)
                if third > self.threshold[2]:
                    gc.collect(2)

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()
