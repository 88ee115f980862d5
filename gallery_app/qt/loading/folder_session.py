# SPDX-License-Identifier: GPL-3.0-or-later
"""Open a folder of photos progressively; everything else as before.

``FolderGalleryLoader`` is the app's ``GalleryLoader``: every way of opening
(Ctrl+O, drag and drop, the command line, a path handed over by a second
launch) ends in ``load(path)``.  Manifests and articles go through the base
class (one worker, one ``loaded``).  A folder — or a photo, which opens its
folder — goes through the ``FolderScanner``:

1. ``started(path)``, then at once ``loaded(gallery)`` with the folder's
   gallery still empty, so the window shows its title and an empty grid;
2. ``entries_added(list[Entry])`` for each batch the scan reads (the photo
   model slots them in date order) and ``scan_progress(done, total, rate)``;
3. ``updated(gallery)`` with the complete, sorted gallery (the user's photo
   links laid over it), and ``scan_finished(sentence)``;
4. while the folder stays open, ``updated(gallery)`` again whenever the
   watched folder changes.

Every folder gallery it emits (``loaded`` or ``updated``) is in time order
(``sort_key``), sorted on the scan's worker — the user's links change no date
or position — and ``in_time_order(gallery)`` says so, so that the photo model
need not sort 10,000 entries again on the GUI thread.

A folder of 500 photos or more seen before opens from its snapshot (the
last sorted gallery, ``core.store.snapshot``): between steps 1 and 2 it
comes as ``updated``, before the scan has checked it, and step 3 corrects it
in place.  With ``progressive=False`` (``--screenshot``) the batches are kept
back and the first complete gallery — the snapshot, else the scanned one —
comes as the one ``loaded``.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from gallery_app.core.errors import DatelineError
from gallery_app.core.loader import classify, folder_of
from gallery_app.core.models import Entry, Gallery
from gallery_app.core.store.links import LinkStore
from gallery_app.qt.loading import heap
from gallery_app.qt.loading.gallery import GalleryLoader, LoadFunction
from gallery_app.qt.loading.scanner import FolderScanner

log = logging.getLogger(__name__)


def empty_folder_gallery(folder: Path) -> Gallery:
    """What the window shows the moment a folder is opened: its name, no photos yet.

    Same id and source as the scanned gallery, so recent galleries and the
    user's links treat both as one.
    """
    resolved = folder.resolve()
    return Gallery(title=resolved.name or str(folder), entries=(), id=str(resolved), source=folder)


CHECK_CANCELLED = "Checking stopped: the photos are shown as they were when last opened."


def scan_summary(gallery: Gallery, seconds: float) -> str:
    """The sentence the status bar shows when a scan ends."""
    if gallery.warnings:
        return f"{gallery.warnings[0]} The photos read so far are shown."
    count = len(gallery.entries)
    noun = "photo" if count == 1 else "photos"
    return f"Read {count:,} {noun} in {seconds:.1f} s."


class FolderGalleryLoader(GalleryLoader):
    """A ``GalleryLoader`` that scans folders in the background, batch by batch."""

    scan_started = Signal(object)  # Path of the folder
    entries_added = Signal(object)  # list[Entry]
    scan_progress = Signal(int, int, float)  # done, total, files per second
    scan_finished = Signal(str)  # a sentence for the status bar
    updated = Signal(object)  # Gallery: a newer version of the one on screen

    def __init__(
        self,
        pool: QThreadPool,
        load: LoadFunction,
        scanner: FolderScanner,
        links: LinkStore | None = None,
        parent: QObject | None = None,
        *,
        progressive: bool = True,
    ) -> None:
        super().__init__(pool, load, links, parent)
        self._scanner = scanner
        self._link_store = links
        self._progressive = progressive
        self._scanning = False
        self._shown = False  # the window already has this folder's (partial) gallery
        self._from_snapshot = False  # what the window shows is the folder as last seen
        self._started_at = 0.0
        self._sorted: tuple[Gallery | None, Gallery | None] = (None, None)
        scanner.entries_added.connect(self._on_entries_added)
        scanner.snapshot.connect(self._on_snapshot)
        scanner.progress.connect(self.scan_progress)
        scanner.finished.connect(self._on_finished)
        scanner.failed.connect(self._on_failed)
        scanner.rescanned.connect(self._on_rescanned)

    @property
    def busy(self) -> bool:
        return super().busy or self._scanning

    @property
    def scanning(self) -> bool:
        return self._scanning

    def in_time_order(self, gallery: Gallery) -> bool:
        """Whether ``gallery`` is one this loader emitted from a folder (sorted by ``sort_key``)."""
        return any(gallery is sorted_ for sorted_ in self._sorted)

    def _emit(self, gallery: Gallery, *, update: bool) -> None:
        self._sorted = (self._sorted[-1], gallery)  # the one shown and the one before
        (self.updated if update else self.loaded).emit(gallery)

    def load(self, path: Path | None) -> None:
        folder = _folder_to_scan(path)
        if folder is None:
            self._scanner.stop()
            self._scanning = False
            super().load(path)
            return
        super().cancel()  # a manifest still loading must not replace the folder
        self._scanning = True
        self._shown = self._progressive
        self._from_snapshot = False
        self._started_at = time.monotonic()
        self.started.emit(path)
        self.scan_started.emit(folder)
        self._scanner.start(folder)
        if self._progressive:
            self.loaded.emit(empty_folder_gallery(folder))

    def cancel_scan(self) -> None:
        """Stop reading; the photos read so far stay, sorted, as the gallery."""
        self._scanner.cancel()

    def stop(self) -> None:
        """Stop scanning and watching (the app is closing)."""
        self._scanner.stop()
        self._scanning = False

    # -- scanner slots -----------------------------------------------------------
    def _with_links(self, gallery: Gallery) -> Gallery:
        return self._link_store.apply(gallery) if self._link_store is not None else gallery

    def _on_entries_added(self, entries: list[Entry]) -> None:
        if self._progressive and self._scanning:
            self.entries_added.emit(entries)
        heap.settle()  # the batch is long-lived now: no collector pauses over it

    def _on_snapshot(self, gallery: Gallery) -> None:
        """The folder as it was last seen: shown at once, corrected when the scan ends."""
        if not self._scanning:
            return
        gallery = self._with_links(gallery)
        self._from_snapshot = True
        self._emit(gallery, update=self._shown)
        self._shown = True
        heap.settle()

    def _on_finished(self, gallery: Gallery) -> None:
        gallery = self._with_links(gallery)
        self._scanning = False
        if gallery.warnings and self._from_snapshot:
            # The check was cancelled: the folder as last seen is more than what was checked.
            self.scan_finished.emit(CHECK_CANCELLED)
            return
        sentence = scan_summary(gallery, time.monotonic() - self._started_at)
        log.info("%s: %s", gallery.source, sentence)
        self._emit(gallery, update=self._shown)
        self._shown = True
        self.scan_finished.emit(sentence)
        heap.settle()

    def _on_failed(self, sentence: str) -> None:
        self._scanning = False
        self.scan_finished.emit("")
        self.failed.emit(sentence)

    def _on_rescanned(self, gallery: Gallery) -> None:
        if self._shown and not self._scanning:
            self._emit(self._with_links(gallery), update=True)


def _folder_to_scan(path: Path | None) -> Path | None:
    """The folder ``path`` opens, or None when it is a manifest, an article or unreadable."""
    if path is None:
        return None
    try:
        kind = classify(path)
    except DatelineError:
        return None  # the base loader says why, in one sentence
    if kind not in ("folder", "image"):
        return None
    return folder_of(path, kind)
