# SPDX-License-Identifier: GPL-3.0-or-later
"""Python's cycle collector, run on the GUI thread only.

Python collects cycles in whichever thread happens to allocate when a
generation's count passes its threshold.  When that is a worker thread (the
map's marks, a story layout, a scan) and the garbage holds Qt objects made on
the GUI thread (the widgets of a page shown earlier, their timers), Qt deletes
them from the worker and aborts the process.  So while the window runs, the
automatic collector is off and this timer on the GUI thread does its work:
each tick it collects the oldest generation whose count has passed its
threshold, as the automatic collector would, only later and in the right
thread.  Workers that pause the collector (``gc.isenabled()`` first) leave it
off.  qutebrowser runs its collector the same way for the same reason.
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

TICK_MS = 1000


def generation_due(counts: tuple[int, int, int], thresholds: tuple[int, int, int]) -> int | None:
    """The generation the automatic collector would collect now, or None."""
    if counts[0] <= thresholds[0]:
        return None
    if counts[2] > thresholds[2]:
        return 2
    return 1 if counts[1] > thresholds[1] else 0


class GuiThreadCollector(QObject):
    """Switches the automatic collector off and collects on a GUI-thread timer instead."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = TICK_MS) -> None:
        super().__init__(parent)
        self._thresholds: tuple[int, int, int] = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def tick(self) -> int | None:
        """Collect what is due; the generation collected, or None."""
        generation = generation_due(gc.get_count(), self._thresholds)
        if generation is not None:
            gc.collect(generation)
        return generation

    def stop(self) -> None:
        """Give collection back to Python (at exit, or when the window is gone)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
