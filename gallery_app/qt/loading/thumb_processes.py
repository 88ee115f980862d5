# SPDX-License-Identifier: GPL-3.0-or-later
"""The grid's thumbnails made in worker processes, one per core, handed back as pixels.

Why processes: a thumbnail made on a thread of the window's process holds the
interpreter lock for a tenth to a sixth of its time (Pillow's header parsing,
the PNG encoder, which keeps the lock, the cache's names), so two threads do
not give two cores and every thumbnail takes turns with the GUI thread.  In
a process of its own (``core.store.thumbjob.make_pixels``: the same cache
entry the CLI writes) none of that touches the window; what comes back is
the thumbnail's raw pixels, about 200 KB, turned into a QImage on the
receiving side.

Data flow: ``ThumbnailProvider``'s full phase asks ``accept(backlog)``; the
processes are started only once thumbnails pile up (``START_BACKLOG``: a
folder of a few photos is done on the threads before two interpreters could
even start) and used once each has loaded its decoders; until then, and if
they cannot start at all, the threads make the thumbnails as before.
``submit`` calls ``done(MadeThumb)`` on the pool's result thread.  A worker
that dies (a native decoder crashing on a hostile file) breaks the pool: it
is restarted and every job it held is tried once more; a job that breaks the
new pool too gives ``failed`` (the card's placeholder), not a crash of the
window.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from gallery_app.core.folders.pool import ReaderPool
from gallery_app.core.store import thumbjob
from gallery_app.core.store.thumbjob import MadeThumb

if TYPE_CHECKING:
    from concurrent.futures import Future

log = logging.getLogger(__name__)

START_BACKLOG = 8  # thumbnails outstanding before the processes are worth starting
NICENESS = 5  # below the window (0), above the scan's readers (10)

Done = Callable[[MadeThumb], None]


class ThumbnailProcesses:
    """Worker processes for thumbnails: started on a backlog, restarted when one dies."""

    def __init__(self, pool: ReaderPool, *, start_backlog: int = START_BACKLOG) -> None:
        self.pool = pool
        self._start_backlog = start_backlog
        self._lock = threading.Lock()
        self._state = "idle"  # -> "starting" -> "ready"; "off" when they cannot run here
        self._warming = 0
        self._epoch = 0  # bumped each time a broken pool is replaced
        self._futures: set[Future[MadeThumb]] = set()
        self.made = 0  # thumbnails the workers handed back (benchmarks and tests read it)

    @classmethod
    def create(cls, workers: int | None = None) -> ThumbnailProcesses:
        return cls(ReaderPool(workers, niceness=NICENESS))

    def ready(self) -> bool:
        return self._state == "ready"

    def accept(self, backlog: int) -> bool:
        """True when a job should go to the processes; starts them when ``backlog`` calls."""
        if self._state == "ready":
            return True
        if self._state == "idle" and backlog >= self._start_backlog:
            self.start()
        return False

    def start(self) -> None:
        """Start the workers without waiting; jobs go to them once every one is warm."""
        with self._lock:
            if self._state != "idle":
                return
            self._state, self._warming = "starting", self.pool.workers
        try:
            warmups = [self.pool.submit(thumbjob.warm) for _ in range(self.pool.workers)]
        except (OSError, RuntimeError) as exc:  # BrokenProcessPool is a RuntimeError
            self._give_up(exc)
            return
        for future in warmups:
            future.add_done_callback(self._on_warm)

    def _on_warm(self, future: Future[int]) -> None:
        error = future.exception() if not future.cancelled() else None
        if future.cancelled() or error is not None:
            self._give_up(error or RuntimeError("cancelled"))
            return
        with self._lock:
            self._warming -= 1
            if self._warming == 0 and self._state == "starting":
                self._state = "ready"
                log.info("thumbnails are made in %d worker processes", self.pool.workers)

    def _give_up(self, error: BaseException) -> None:
        with self._lock:
            if self._state == "off":
                return
            self._state = "off"
        log.warning("thumbnail processes cannot run here (%s); thumbnails use threads", error)
        self.pool.close()

    def submit(self, path: Path, size: str, done: Done) -> None:
        """Make the thumbnail of ``path`` at the cache ``size``; ``done`` gets the result."""
        self._submit(str(path), size, done, retried=False)

    def _submit(self, path: str, size: str, done: Done, *, retried: bool) -> None:
        epoch = self._epoch
        try:
            future = self.pool.submit(thumbjob.make_pixels, path, size)
        except RuntimeError:  # a broken pool (BrokenProcessPool), or one already shut down
            self._replace(epoch)
            future = self.pool.submit(thumbjob.make_pixels, path, size)
        with self._lock:
            self._futures.add(future)
        future.add_done_callback(lambda f: self._finished(f, path, size, done, retried, epoch))

    def _finished(
        self, future: Future[MadeThumb], path: str, size: str, done: Done, retried: bool, epoch: int
    ) -> None:
        with self._lock:
            self._futures.discard(future)
        if future.cancelled():
            return  # the view moved on (``cancel``): nobody waits for it
        # deferred: multiprocessing loads with the first worker, not with the window
        from concurrent.futures.process import BrokenProcessPool

        error = future.exception()
        if error is None:
            self.made += 1
            done(future.result())
        elif isinstance(error, BrokenProcessPool) and not retried:
            log.warning("a thumbnail process stopped; %s is tried again", path)
            self._replace(epoch)
            self._submit(path, size, done, retried=True)
        else:
            log.warning("no thumbnail for %s: its worker process failed (%s)", path, error)
            done(MadeThumb(None, failed=True))

    def _replace(self, epoch: int) -> None:
        """Close a broken pool once (many jobs report the same break)."""
        with self._lock:
            if epoch != self._epoch:
                return
            self._epoch += 1
        self.pool.close()

    def cancel(self) -> None:
        """Drop the jobs no worker has started (the running ones finish, unheard)."""
        with self._lock:
            waiting = list(self._futures)
        for future in waiting:
            future.cancel()

    def close(self) -> None:
        """Stop the workers (the app is closing)."""
        self.cancel()
        with self._lock:
            self._state = "off"
        self.pool.close()
