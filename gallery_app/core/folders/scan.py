# SPDX-License-Identifier: GPL-3.0-or-later
"""Read a folder of photos into a Gallery, through the catalog, in batches.

This is the headless heart of "open a folder": the Qt ``FolderScanner`` runs it
on a worker thread and ``gallery-cli list`` runs it in the foreground.

Flow: list the image files (fast, so the total is known at once) → for each
file, ``stat`` it and take its metadata from the catalog when its size and
mtime, and its sidecar's, match, else read the file and remember the result → hand entries out in
batches (every ``batch_size`` entries or ``batch_interval`` seconds, never one
call per file) → sort by date taken (undated last, path as tie-break) and
number the entries.  A cancelled scan returns what it had read, sorted, with a
warning that says so.
"""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from gallery_app.core.folders.listing import SidecarStamps, check_listable, iter_image_files
from gallery_app.core.folders.pool import MIN_FILES, ReaderPool, default_workers
from gallery_app.core.gallery.entries import entry_from_metadata
from gallery_app.core.gallery.ordering import sort_key
from gallery_app.core.metadata.reader import read_metadata
from gallery_app.core.metadata.values import FileMetadata, unreadable_sentence
from gallery_app.core.metadata.xmp import SidecarIndex
from gallery_app.core.models import Entry, Gallery
from gallery_app.core.store.catalog import Catalog, Row
from gallery_app.core.store.rows import decode_metadata, encode_metadata

log = logging.getLogger(__name__)

BatchCallback = Callable[[list[Entry]], None]
ProgressCallback = Callable[[int, int], None]
StopCheck = Callable[[], bool]


def list_image_files(path: Path, *, accept_file: bool = False) -> list[Path]:
    """The photo files under the folder ``path``, or a DatelineError with a sentence.

    The one listing behind the app's folder scan, ``gallery-cli list`` and
    ``gallery-cli thumbnails``; with ``accept_file`` a single file stands for
    itself (the thumbnails command takes a photo or a folder).  A folder that
    exists but cannot be read is said so, not shown as an empty gallery.
    """
    if accept_file and path.is_file():
        return [path]
    check_listable(path, accept_file=accept_file)
    return list(iter_image_files(path))


def scan_folder(
    folder: Path,
    catalog: Catalog | None = None,
    *,
    on_batch: BatchCallback | None = None,
    on_progress: ProgressCallback | None = None,
    should_stop: StopCheck | None = None,
    batch_size: int = 200,
    batch_interval: float = 0.1,
    pool: ReaderPool | None = None,
) -> Gallery:
    """Every photo under ``folder`` as a sorted Gallery.

    ``on_batch(entries)`` gets the entries in reading order as they come, in
    batches; ``on_progress(done, total)`` follows each batch (and is called
    once with ``done=0`` as soon as the files are listed).  ``should_stop()``
    is polled between files.  Files the catalog knows come first; the others,
    when there are ``MIN_FILES`` or more, are read by ``pool`` (worker
    processes) — or, without one, by a pool made for this scan when there is
    more than one core; fewer are read here.  Raises DatelineError only when
    the folder itself cannot be listed; a file that cannot be read becomes an
    entry with a warning, a file that vanished meanwhile is skipped.
    """
    folder = folder.absolute()
    files = list_image_files(folder)
    scan = _Scan(folder, len(files), on_batch, on_progress, batch_size, batch_interval)
    if on_progress is not None:
        on_progress(0, len(files))
    known = catalog.rows_under(folder) if catalog is not None else {}
    misses = scan.take_known(files, known, should_stop)
    own_pool = None
    if len(misses) < MIN_FILES:
        pool = None  # quicker read here than handed over
    elif pool is None and default_workers() > 1:
        pool = own_pool = ReaderPool()
    try:
        scan.read(misses, catalog, pool, should_stop)
    finally:
        if own_pool is not None:
            own_pool.close()
    scan.flush(force=True)
    if catalog is not None and not scan.cancelled:
        gone = [path for path in known if path not in scan.seen]
        if gone:
            catalog.forget(gone)
    return scan.gallery()


Stat = tuple[Path, int, int, str]  # file, size, mtime_ns, sidecar stamp


class _Scan:
    """The state of one scan: entries so far, the batch being filled, what was seen."""

    def __init__(
        self,
        folder: Path,
        total: int,
        on_batch: BatchCallback | None,
        on_progress: ProgressCallback | None,
        batch_size: int,
        batch_interval: float,
    ) -> None:
        self.folder, self.total = folder, total
        self.on_batch, self.on_progress = on_batch, on_progress
        self.batch_size, self.batch_interval = batch_size, batch_interval
        self.entries: list[Entry] = []
        self.pending: list[Entry] = []
        self.seen: set[str] = set()
        self.sidecars = SidecarStamps()  # a row is fresh while photo and sidecar are unchanged
        self.cancelled = False
        self.last_flush = time.monotonic()

    def add(self, file: Path, meta: FileMetadata) -> None:
        entry = entry_from_metadata(file, len(self.entries) + 1, meta, root=self.folder)
        self.entries.append(entry)
        self.pending.append(entry)
        if (
            len(self.pending) >= self.batch_size
            or time.monotonic() - self.last_flush >= self.batch_interval
        ):
            self.flush()

    def flush(self, force: bool = False) -> None:
        if self.pending and self.on_batch is not None:
            self.on_batch(self.pending)
        self.pending = []
        self.last_flush = time.monotonic()
        if self.on_progress is not None:
            done = len(self.entries) if (self.cancelled or not force) else self.total
            self.on_progress(done, self.total)

    def take_known(
        self, files: list[Path], known: dict[str, Row], should_stop: StopCheck | None
    ) -> list[Stat]:
        """Add the files the catalog knows unchanged; return the others to read.

        Only ``stat`` and a catalog row per file: ``should_stop`` is asked every 500.
        """
        misses: list[Stat] = []
        for n, file in enumerate(files):
            if n and n % 500 == 0 and should_stop is not None and should_stop():
                self.cancelled = True
                break
            key = str(file)
            try:
                stat = file.stat()
            except OSError:
                continue  # gone since it was listed
            self.seen.add(key)
            row = known.get(key)
            meta = None
            stamp = (stat.st_size, stat.st_mtime_ns, self.sidecars.stamp_of(file))
            if row is not None and row[:3] == stamp:
                meta = decode_metadata(row[3])
            if meta is None:
                misses.append((file, *stamp))
            else:
                self.add(file, meta)
        return misses

    def read(
        self,
        misses: list[Stat],
        catalog: Catalog | None,
        pool: ReaderPool | None,
        should_stop: StopCheck | None,
    ) -> None:
        """Read the files the catalog did not know, storing each row as it comes."""
        if self.cancelled or not misses:
            return
        stats = {file: (size, mtime, sidecar) for file, size, mtime, sidecar in misses}
        fresh: list[tuple[Path, int, int, str, str]] = []
        for file, row in self._rows(misses, pool, should_stop):
            meta = decode_metadata(row)
            if meta is None:
                continue
            self.add(file, meta)
            if catalog is not None:
                fresh.append((file, *stats[file], row))
                if len(fresh) >= 500:
                    catalog.put_rows(fresh)
                    fresh = []
        if catalog is not None:
            catalog.put_rows(fresh)
        self.cancelled = self.cancelled or (
            should_stop is not None and should_stop() and len(self.entries) < len(self.seen)
        )

    def _rows(
        self, misses: list[Stat], pool: ReaderPool | None, should_stop: StopCheck | None
    ) -> Iterator[tuple[Path, str]]:
        files = [file for file, *_stamp in misses]
        if pool is not None:
            yield from pool.read(files, should_stop)
            return
        sidecars = SidecarIndex()
        for file in files:
            if should_stop is not None and should_stop():
                return
            meta = _read(file, sidecars)
            try:
                yield file, encode_metadata(meta)
            except ValueError:
                log.info("%s: metadata with text that is not valid Unicode", file)

    def gallery(self) -> Gallery:
        self.entries.sort(key=sort_key)
        warnings: tuple[str, ...] = ()
        if self.cancelled:
            warnings = (f"Scan cancelled after {len(self.entries)} of {self.total} files.",)
        return Gallery(
            title=self.folder.name or str(self.folder),
            entries=tuple(_numbered(e, i) for i, e in enumerate(self.entries, start=1)),
            id=str(self.folder.resolve()),
            source=self.folder,
            warnings=warnings,
        )


def _numbered(entry: Entry, position: int) -> Entry:
    """``replace(entry, position=position)``, at a third of its cost.

    The scan's thread numbers 10,000 entries at its end, in the window's
    process, beside the GUI thread: ``dataclasses.replace`` (which calls the
    generated ``__init__`` with every field) took ~0.14 s of it.  A shallow
    copy with the one field set, as the frozen dataclass's own ``__init__``
    sets its fields, gives the same entry.
    """
    numbered = copy.copy(entry)
    object.__setattr__(numbered, "position", position)
    return numbered


def _read(file: Path, sidecars: SidecarIndex) -> FileMetadata:
    try:
        return read_metadata(file, sidecars)
    except Exception as exc:  # one odd file must not end the scan of ten thousand
        log.exception("reading metadata of %s failed", file)
        return FileMetadata.unreadable(unreadable_sentence(file.name, exc.__class__.__name__))
