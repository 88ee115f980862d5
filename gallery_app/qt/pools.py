# SPDX-License-Identifier: GPL-3.0-or-later
"""The app's thread pools, made in one place and handed to whoever runs work on them.

``app.compose()`` makes one :class:`ThreadPools` and passes each pool in
through a constructor, so no class makes a pool of its own and shutting down
is one call.  Three pools, so that clearing one never drops another's work:

- ``work``: gallery loads, photo decodes, relinks (one-off jobs, ``run_task``);
- ``thumbnails``: the grid's thumbnails, cleared whenever the folder changes;
- ``scan``: one thread, so folder scans (and quiet rescans) run one at a time;
- ``map``: one thread, for placing the map's marks and drawing its basemap.

Their Python shares the interpreter lock with the GUI thread, which waits
for it each time Qt calls into Python (every slot, every cell painted):
while a worker runs Python, each such wait lasts up to the interpreter's
switch interval.  ``create()`` sets it to ``SWITCH_INTERVAL_S`` (1 ms rather
than Python's 5), which shortened the longest stalls of a 10,000-photo scan.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from PySide6.QtCore import QThread, QThreadPool

SWITCH_INTERVAL_S = 0.001  # sys.setswitchinterval while the app's pools exist


def make_pool(threads: int) -> QThreadPool:
    """A new pool of at most ``threads`` threads (at least one)."""
    pool = QThreadPool()
    pool.setMaxThreadCount(max(1, threads))
    return pool


@dataclass(frozen=True)
class ThreadPools:
    """Every thread pool of a running app."""

    work: QThreadPool
    thumbnails: QThreadPool
    scan: QThreadPool
    map: QThreadPool

    @classmethod
    def create(cls) -> ThreadPools:
        sys.setswitchinterval(SWITCH_INTERVAL_S)  # see the module's docstring
        return cls(
            work=make_pool(max(2, QThreadPool.globalInstance().maxThreadCount())),
            thumbnails=make_pool(QThread.idealThreadCount()),
            scan=make_pool(1),
            map=make_pool(1),
        )

    def clear(self) -> None:
        """Drop the jobs not started yet (running ones finish)."""
        for pool in (self.scan, self.thumbnails, self.work, self.map):
            pool.clear()

    def wait_for_done(self, msecs: int) -> None:
        """Wait up to ``msecs`` for each pool's running jobs."""
        for pool in (self.scan, self.thumbnails, self.work, self.map):
            pool.waitForDone(msecs)
