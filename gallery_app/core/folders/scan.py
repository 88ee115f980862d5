# SPDX-License-Identifier: GPL-3.0-or-later
"""Read a folder of photos into a Gallery, through the catalog, in batches.

This is the headless heart of "open a folder": the Qt ``FolderScanner`` runs it
on a worker thread and ``gallery-cli list`` runs it in the foreground.

Flow: list the image files (fast, so the total is known at once) → for each
file, ``stat`` it and take its metadata from the catalog when size and mtime
match, else read the file and remember the result → hand entries out in
batches (every ``batch_size`` entries or ``batch_interval`` seconds, never one
call per file) → sort by date taken (undated last, path as tie-break) and
number the entries.  A cancelled scan returns what it had read, sorted, with a
warning that says so.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from gallery_app.core.errors import DatelineError
from gallery_app.core.folders.listing import iter_image_files
from gallery_app.core.gallery.entries import entry_from_metadata
from gallery_app.core.gallery.ordering import sort_key
from gallery_app.core.metadata.reader import read_metadata
from gallery_app.core.metadata.values import FileMetadata, unreadable_sentence
from gallery_app.core.models import Entry, Gallery
from gallery_app.core.store.catalog import Catalog, decode_metadata

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
    what = "file or folder" if accept_file else "folder"
    if not path.exists():
        raise DatelineError(f"{path}: no such {what}.")
    if not path.is_dir():
        raise DatelineError(f"{path}: not a {'photo file or a ' if accept_file else ''}folder.")
    try:
        with os.scandir(path):
            pass
    except OSError as exc:
        raise DatelineError(f"{path}: cannot be listed ({exc.strerror or exc}).") from None
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
) -> Gallery:
    """Every photo under ``folder`` as a sorted Gallery.

    ``on_batch(entries)`` gets the entries in reading order as they come, in
    batches; ``on_progress(done, total)`` follows each batch (and is called
    once with ``done=0`` as soon as the files are listed).  ``should_stop()``
    is polled between files.  Raises DatelineError only when the folder itself
    cannot be listed; a file that cannot be read becomes an entry with a
    warning, a file that vanished meanwhile is skipped.
    """
    folder = folder.absolute()
    files = list_image_files(folder)
    total = len(files)
    if on_progress is not None:
        on_progress(0, total)
    known = catalog.rows_under(folder) if catalog is not None else {}
    fresh: list[tuple[Path, int, int, FileMetadata]] = []
    entries: list[Entry] = []
    pending: list[Entry] = []
    seen: set[str] = set()
    last_flush = time.monotonic()
    cancelled = False

    def flush(done: int) -> None:
        nonlocal pending, last_flush
        if pending and on_batch is not None:
            on_batch(pending)
        pending = []
        last_flush = time.monotonic()
        if on_progress is not None:
            on_progress(done, total)

    for done, file in enumerate(files, start=1):
        if should_stop is not None and should_stop():
            cancelled = True
            break
        key = str(file)
        try:
            stat = file.stat()
        except OSError:
            continue  # gone since it was listed
        seen.add(key)
        meta: FileMetadata | None = None
        row = known.get(key)
        if row is not None and row[0] == stat.st_size and row[1] == stat.st_mtime_ns:
            meta = decode_metadata(row[2])
        if meta is None:
            meta = _read(file)
            if catalog is not None:
                fresh.append((file, stat.st_size, stat.st_mtime_ns, meta))
                if len(fresh) >= 500:
                    catalog.put_many(fresh)
                    fresh = []
        entry = entry_from_metadata(file, done, meta, root=folder)
        entries.append(entry)
        pending.append(entry)
        if len(pending) >= batch_size or time.monotonic() - last_flush >= batch_interval:
            flush(done)
    flush(len(entries) if cancelled else total)

    if catalog is not None:
        catalog.put_many(fresh)
        if not cancelled:
            gone = [path for path in known if path not in seen]
            if gone:
                catalog.forget(gone)

    entries.sort(key=sort_key)
    warnings: tuple[str, ...] = ()
    if cancelled:
        warnings = (f"Scan cancelled after {len(entries)} of {total} files.",)
    return Gallery(
        title=folder.name or str(folder),
        entries=tuple(replace(e, position=i) for i, e in enumerate(entries, start=1)),
        id=str(folder.resolve()),
        source=folder,
        warnings=warnings,
    )


def _read(file: Path) -> FileMetadata:
    try:
        return read_metadata(file)
    except Exception as exc:  # one odd file must not end the scan of ten thousand
        log.exception("reading metadata of %s failed", file)
        return FileMetadata.unreadable(unreadable_sentence(file.name, exc.__class__.__name__))
