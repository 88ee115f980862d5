# SPDX-License-Identifier: GPL-3.0-or-later
"""The app's thread pools, made in one place and handed to whoever runs work on them.

``app.compose()`` makes one :class:`ThreadPools` and passes each pool in
through a constructor, so no class makes a pool of its own and shutting down
is one call.  Three pools, so that clearing one never drops another's work:

- ``work``: gallery loads, photo decodes, relinks (one-off jobs, ``run_task``);
- ``thumbnails``: the grid's thumbnails, cleared whenever the folder changes;
- ``scan``: one thread, so folder scans (and quiet rescans) run one at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QThread, QThreadPool


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

    @classmethod
    def create(cls) -> ThreadPools:
        return cls(
            work=make_pool(max(2, QThreadPool.globalInstance().maxThreadCount())),
            thumbnails=make_pool(QThread.idealThreadCount()),
            scan=make_pool(1),
        )

    def clear(self) -> None:
        """Drop the jobs not started yet (running ones finish)."""
        for pool in (self.scan, self.thumbnails, self.work):
            pool.clear()

    def wait_for_done(self, msecs: int) -> None:
        """Wait up to ``msecs`` for each pool's running jobs."""
        for pool in (self.scan, self.thumbnails, self.work):
            pool.waitForDone(msecs)
