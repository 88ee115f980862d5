# SPDX-License-Identifier: GPL-3.0-or-later
"""Which GUI-thread handlers spent the CPU of a stall (for ``gui_stall.py --turns``).

A profile hook on the GUI thread only (``sys.setprofile`` is per thread):
every Python call that the event loop makes directly — a slot, a timer, a
virtual override such as ``filterAcceptsRow`` or ``paintEvent`` — is timed
in the thread's own CPU time (``time.thread_time``) and charged to its name.
``take()`` hands over what was charged since the last call (the heartbeat
calls it once per beat) and starts afresh.  The hook slows the GUI thread
(every call pays for it), so it finds the culprits; it does not give figures.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from types import FrameType
from typing import Any


class TurnCosts:
    """GUI-thread CPU per top-level handler, between two ``take()`` calls."""

    def __init__(self, loop_frame: FrameType) -> None:
        self._loop = loop_frame  # the frame that called app.exec(): handlers' parent
        self._costs: dict[str, float] = defaultdict(float)
        self._open: tuple[FrameType, float] | None = None

    def _hook(self, frame: FrameType, event: str, _arg: Any) -> None:
        if event == "call":
            if self._open is None and frame.f_back is self._loop:
                self._open = (frame, time.thread_time())
        elif event == "return" and self._open is not None and self._open[0] is frame:
            code = frame.f_code
            where = f"{code.co_filename.rsplit('/', 1)[-1]}:{code.co_firstlineno}"
            name = f"{code.co_qualname} ({where})"
            self._costs[name] += time.thread_time() - self._open[1]
            self._open = None

    def start(self) -> None:
        sys.setprofile(self._hook)

    def stop(self) -> None:
        sys.setprofile(None)

    def take(self) -> dict[str, float]:
        costs, self._costs = self._costs, defaultdict(float)
        return costs


def top(costs: dict[str, float], count: int = 4) -> str:
    """The ``count`` dearest handlers of ``costs`` as 'name 12.3 ms, ...'."""
    dearest = sorted(costs.items(), key=lambda kv: -kv[1])[:count]
    return ", ".join(f"{name} {seconds * 1000:.1f} ms" for name, seconds in dearest)
