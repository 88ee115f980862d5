# SPDX-License-Identifier: GPL-3.0-or-later
"""Open a folder without freezing the window: scan on a pool, report in batches, watch.

``FolderScanner.start(folder)`` runs ``core.folder_scan.scan_folder`` on a
worker thread, which hands the reading of files to worker processes (the
``ReaderPool`` given, one per core) and turns their rows into entries.  The
core batches every 200 entries or 100 ms; the GUI thread takes each batch in
slices of at most ``slice_size`` entries, one slice per turn of the event loop
(``entries_added``), so no turn inserts more than a frame's worth of rows
(the slice grows or shrinks with what the last one cost, ``SLICE_BUDGET_S``),
with ``progress(done, total, rate)`` after each batch, then ``finished(gallery)``
with the complete, sorted gallery once every slice is in — or
``failed(sentence)`` when the folder cannot be listed.  ``cancel()`` stops
between two files; the scan then finishes with what it had read (the gallery
carries a warning saying so).

With ``hold_check=True`` (the app), a folder shown from its snapshot is
checked against the disk once ``screen_ready()`` says the window's first
screen is painted with its thumbnails (at most ``CHECK_HOLD_S`` later): the
check shares the interpreter with the GUI thread and would slow that screen.

Every result carries the number of the scan it belongs to, so anything from
an older scan (the user opened another folder meanwhile) is dropped here.

While a folder is open its directories and photos are watched
(``folder_watch.FolderWatch``: files edited in place too); a change starts a quiet
rescan after ``rescan_delay_ms`` (changes that arrive meanwhile are folded
into it).  Thanks to the catalog only changed files are read, and the result
comes as ``rescanned(gallery)`` — no batches, no progress — for the model to
take in place of the old gallery.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from gallery_app.core.errors import DatelineError
from gallery_app.core.folders.pool import ReaderPool
from gallery_app.core.models import Entry, Gallery
from gallery_app.core.store.catalog import Catalog
from gallery_app.core.store.snapshot import load_snapshot, save_snapshot, worth_keeping
from gallery_app.qt.loading.folder_watch import FolderWatch
from gallery_app.qt.throttle import Throttle

log = logging.getLogger(__name__)


def scan_folder(*args: Any, **kwargs: Any) -> Gallery:
    """``core.folder_scan.scan_folder``, imported on the worker at the first scan.

    The metadata readers behind it (exifread, Pillow's plugins, XMP) cost tens
    of milliseconds to import; the window must not wait for them to appear.
    """
    from gallery_app.core.folders.scan import scan_folder as scan

    return scan(*args, **kwargs)


CHECK_HOLD_S = 2.0  # longest a snapshot's check waits for the first screen (screen_ready)
SLICE_SIZE = 40  # entries taken in on the first turn of the event loop
SLICE_BUDGET_S = 0.006  # what one turn may spend taking entries in (a frame is 16 ms)
SLICE_RANGE = (2, 400)  # the fewest and most entries a turn takes in


class _Relay(QObject):
    """Carries results from the worker to the GUI thread (queued), tagged with the scan number."""

    batch = Signal(int, object)
    snapshot = Signal(int, object)
    progress = Signal(int, int, int)
    done = Signal(int, object)
    failed = Signal(int, str)


class _ScanJob(QRunnable):
    def __init__(
        self,
        scan_id: int,
        folder: Path,
        catalog: Catalog | None,
        relay: _Relay,
        stop: threading.Event,
        quiet: bool,
        readers: ReaderPool | None,
        screen_ready: threading.Event | None = None,
        hold_s: float | None = CHECK_HOLD_S,
    ) -> None:
        super().__init__()
        self._hold_s = hold_s
        self._scan_id, self._folder, self._catalog = scan_id, folder, catalog
        self._relay, self._stop, self._quiet = relay, stop, quiet
        self._readers = readers
        self._screen_ready = screen_ready

    def run(self) -> None:
        sid, relay = self._scan_id, self._relay
        if not self._quiet:
            shown = load_snapshot(self._folder)
            if shown is not None:
                relay.snapshot.emit(sid, shown)
                # The check shares the interpreter with the GUI thread: it starts once
                # the snapshot's first screen is painted with its thumbnails.
                if self._screen_ready is not None:
                    self._screen_ready.wait(self._hold_s)
                    if self._stop.is_set():  # cancelled or closing before the check began
                        stopped = "The check against the disk was stopped before it began."
                        relay.done.emit(sid, replace(shown, warnings=(stopped,)))
                        return
        try:
            gallery = scan_folder(
                self._folder,
                self._catalog,
                on_batch=None if self._quiet else lambda b: relay.batch.emit(sid, list(b)),
                on_progress=None if self._quiet else lambda d, t: relay.progress.emit(sid, d, t),
                should_stop=self._stop.is_set,
                pool=self._readers,
            )
        except DatelineError as exc:
            relay.failed.emit(sid, str(exc))
        except Exception as exc:  # a worker must never take the app down
            log.exception("scanning %s failed", self._folder)
            relay.failed.emit(sid, f"The folder {self._folder.name} could not be read ({exc}).")
        else:
            relay.done.emit(sid, gallery)
            self._keep(gallery)

    def _keep(self, gallery: Gallery) -> None:
        """The snapshot for the next opening (~5 MB of JSON at 10,000 photos).

        Written by a reader process from the catalog's rows when there are
        both (encoding it here took the interpreter lock from the GUI thread);
        this thread waits for it without holding the lock, so the snapshot is
        there when the job ends, as before.  Else, or if that fails, here.
        """
        if not worth_keeping(gallery):
            return
        # deferred: the entry builder brings the metadata readers (Pillow), not for the first frame
        from gallery_app.core.folders.snapshot_job import store_snapshot

        catalog, readers = self._catalog, self._readers
        files = [str(e.image) for e in gallery.entries if e.image is not None]
        if readers is not None and catalog is not None and not catalog.memory_only:
            args = (str(gallery.source), gallery.title, gallery.id, files, str(catalog.path))
            future = (
                readers.offer(store_snapshot, *args) if len(files) == len(gallery.entries) else None
            )
            try:
                if future is not None and future.result() is True:
                    return
            except Exception as exc:  # a dead reader process: write it here instead
                log.info("the snapshot of %s is written here: %s", gallery.source, exc)
        save_snapshot(gallery)


class FolderScanner(QObject):
    """Scans one folder at a time in the background and keeps it up to date.

    Signals (all on the GUI thread): ``entries_added(list[Entry])``,
    ``progress(done, total, rate_per_second)``, ``finished(Gallery)``,
    ``failed(str)``, ``rescanned(Gallery)``.
    """

    entries_added = Signal(object)  # list[Entry]
    snapshot = Signal(object)  # Gallery: the folder as last seen, before the scan checks it
    progress = Signal(int, int, float)
    finished = Signal(object)  # Gallery
    failed = Signal(str)
    rescanned = Signal(object)  # Gallery

    def __init__(
        self,
        catalog: Catalog | None,
        pool: QThreadPool,
        parent: QObject | None = None,
        *,
        rescan_delay_ms: int = 1000,
        watch: bool = True,
        readers: ReaderPool | None = None,
        slice_size: int | None = None,
        hold_check: bool = False,
    ) -> None:
        super().__init__(parent)
        self._hold_check = hold_check  # a snapshot's check waits for screen_ready()
        self._hold_s: float | None = CHECK_HOLD_S
        self._catalog = catalog
        self._readers = readers
        self._slice_size = slice_size  # fixed (tests), else adapted to SLICE_BUDGET_S
        self._slice = slice_size or SLICE_SIZE
        self._queue: deque[Entry] = deque()
        self._finish: Callable[[], None] | None = None  # held back until the queue is empty
        self._drain = QTimer(self)
        self._drain.setInterval(0)
        self._drain.timeout.connect(self._take_slice)
        self._pool = pool  # one thread: scans run one at a time
        self._relay = _Relay(self)
        self._relay.batch.connect(self._on_batch)
        self._relay.snapshot.connect(self._on_snapshot)
        self._relay.progress.connect(self._on_progress)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._scan_id = 0
        self._quiet_ids: set[int] = set()
        self._stop = threading.Event()
        self._screen_ready = threading.Event()
        self._running = False
        self._started_at = 0.0
        self._folder: Path | None = None
        self._watch = watch
        self._folder_watch = FolderWatch(pool, self)
        self._folder_watch.changed.connect(self._on_folder_changed)
        self._rescan = Throttle(self._on_rescan_due, rescan_delay_ms, self)
        self._rescan_wanted = False

    # -- public --------------------------------------------------------------

    def folder(self) -> Path | None:
        return self._folder

    def is_running(self) -> bool:
        return self._running

    def start(self, folder: Path) -> None:
        """Scan ``folder`` (dropping any scan under way) and watch it afterwards."""
        self._stop_watching()
        self._folder = folder
        self._launch(quiet=False)

    def cancel(self) -> None:
        """Stop the running scan between two files; it finishes with what it has."""
        self._stop.set()
        self._screen_ready.set()  # a check held for the first screen goes, and stops at once

    def stop(self) -> None:
        """Cancel, stop watching and forget the folder (the view closed it)."""
        self.cancel()
        self._queue.clear()
        self._finish = None
        self._drain.stop()
        self._scan_id += 1
        self._running = False
        self._stop_watching()
        self._folder = None

    def hold_until_asked(self) -> None:
        """A snapshot's check waits for ``screen_ready()`` (or a cancel) however long it takes.

        For ``--screenshot``, which shows the snapshot and exits: a check started
        meanwhile would only slow the picture and be thrown away.
        """
        self._hold_s = None

    def screen_ready(self) -> None:
        """The window's first screen is on screen: a snapshot's check may start now."""
        self._screen_ready.set()

    def close_readers(self) -> None:
        """Stop the reader processes (the app is closing)."""
        if self._readers is not None:
            self._readers.close()

    # -- internals -----------------------------------------------------------

    def _launch(self, *, quiet: bool) -> None:
        assert self._folder is not None
        self._stop.set()  # the previous scan, if any, stops soon; its results are dropped
        self._stop = threading.Event()
        self._scan_id += 1
        if quiet:
            self._quiet_ids.add(self._scan_id)
        else:
            self._running = True
        self._started_at = time.monotonic()
        if not quiet:
            self._screen_ready.set()  # a scan still holding for the screen goes (and is dropped)
            self._screen_ready = threading.Event()
            self._queue.clear()
            self._finish = None
            self._drain.stop()
            self._slice = self._slice_size or SLICE_SIZE  # another folder: learn its cost again
        job = _ScanJob(
            self._scan_id,
            self._folder,
            self._catalog,
            self._relay,
            self._stop,
            quiet,
            self._readers,
            self._screen_ready if self._hold_check and not quiet else None,
            self._hold_s,
        )
        self._pool.start(job)

    def _on_batch(self, scan_id: int, entries: list[Entry]) -> None:
        if scan_id == self._scan_id and entries:
            self._queue.extend(entries)
            if not self._drain.isActive():
                self._drain.start()

    def _on_snapshot(self, scan_id: int, gallery: Gallery) -> None:
        if scan_id == self._scan_id and self._running:
            self.snapshot.emit(gallery)

    def _take_slice(self) -> None:
        """One turn's share of the entries that came in: at most ``slice_size``."""
        count = min(self._slice, len(self._queue))
        if count:
            started = time.perf_counter()
            self.entries_added.emit([self._queue.popleft() for _ in range(count)])
            self._adapt_slice(count, time.perf_counter() - started)
        if self._queue:
            return
        self._drain.stop()
        finish, self._finish = self._finish, None
        if finish is not None:
            finish()

    def _adapt_slice(self, count: int, spent: float) -> None:
        """Size the next slice so that taking it in fits ``SLICE_BUDGET_S``.

        What a row costs depends on the rows shown, the filter and the views
        listening; halfway steps keep one slow turn (the machine was busy)
        from swinging the size.
        """
        if self._slice_size is not None or count < self._slice:
            return  # fixed by the caller, or a short slice that says little
        fits = int(SLICE_BUDGET_S * count / spent) if spent > 0 else SLICE_RANGE[1]
        low, high = SLICE_RANGE
        self._slice = max(low, min(high, (self._slice + fits) // 2))

    def _on_progress(self, scan_id: int, done: int, total: int) -> None:
        if scan_id != self._scan_id:
            return
        elapsed = time.monotonic() - self._started_at
        rate = done / elapsed if elapsed > 0 and done else 0.0
        self.progress.emit(done, total, rate)

    def _on_done(self, scan_id: int, gallery: Gallery) -> None:
        quiet = scan_id in self._quiet_ids
        self._quiet_ids.discard(scan_id)
        if scan_id != self._scan_id:
            return
        if self._queue:  # slices still to take in: finish after the last one
            self._finish = lambda: self._finished(gallery, quiet)
            return
        self._finished(gallery, quiet)

    def _finished(self, gallery: Gallery, quiet: bool) -> None:
        if quiet:
            self.rescanned.emit(gallery)
        else:
            self._running = False
            self.finished.emit(gallery)
        self._watch_gallery(gallery)
        if self._rescan_wanted:
            self._rescan.schedule()

    def _on_failed(self, scan_id: int, message: str) -> None:
        quiet = scan_id in self._quiet_ids
        self._quiet_ids.discard(scan_id)
        if scan_id != self._scan_id:
            return
        if quiet:
            log.warning("rescan failed: %s", message)
            return
        self._running = False
        self.failed.emit(message)

    def _watch_gallery(self, gallery: Gallery) -> None:
        if self._watch and self._folder is not None:
            self._folder_watch.watch(self._folder, gallery)

    def _stop_watching(self) -> None:
        self._rescan.cancel()
        self._rescan_wanted = False
        self._folder_watch.clear()

    def _on_folder_changed(self) -> None:
        self._rescan_wanted = True
        self._rescan.schedule()  # changes meanwhile fold into the one rescan

    def _on_rescan_due(self) -> None:
        if self._folder is None or not self._rescan_wanted:
            return
        if self._running or self._quiet_ids:
            return  # _on_done starts the timer again once the current scan ends
        self._rescan_wanted = False
        self._launch(quiet=True)
