# SPDX-License-Identifier: GPL-3.0-or-later
"""List a folder's photos as ready entries: a ``stat`` per file when the catalog knows them.

``list_folder`` takes each photo's stored ready entry while its size and
mtime, its sidecar's name, size and mtime, and the version still match and the day is one its
findings hold for; the others are built — from the catalog's metadata row
when that is fresh, else by reading the file — in the reader processes when
there are ``MIN_FILES`` or more, here otherwise, and stored for next time.
Files gone since the last listing are forgotten, as a scan forgets them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gallery_app.core.folders.listing import SidecarStamps, check_listable, photo_stats
from gallery_app.core.folders.pool import MIN_FILES, ReaderPool, default_workers, read_one
from gallery_app.core.listing.ready import VERSION, Ready
from gallery_app.core.metadata.values import FileMetadata, unreadable_sentence
from gallery_app.core.store.catalog import Catalog
from gallery_app.core.store.rows import decode_metadata, encode_metadata

log = logging.getLogger(__name__)

# A file to build: path, size, mtime_ns, sidecar stamp, its fresh catalog row or None.
Work = tuple[str, int, int, str, str | None]
# What building gives back: path, the metadata row when the file was read, the entry.
Built = tuple[str, str | None, Ready]


@dataclass(frozen=True, slots=True)
class Photo:
    """One listed photo: where it is, its own stat, and its ready entry."""

    path: str
    size: int
    mtime: float
    ready: Ready


@dataclass(frozen=True)
class FolderListing:
    """A folder's photos in listing order (the scan's reading order)."""

    folder: Path
    photos: list[Photo]


def list_folder(
    folder: Path, catalog: Catalog, *, today: dt.date, pool: ReaderPool | None = None
) -> FolderListing:
    """Every photo under ``folder`` with its ready entry (see the module docstring)."""
    folder = folder.absolute()
    check_listable(folder)
    day = today.isoformat()
    stored = catalog.ready_under(folder, VERSION)
    sidecars = SidecarStamps()
    found: dict[str, tuple[int, float, Ready | None]] = {}
    todo: list[tuple[str, int, int, str]] = []
    for key, stat in photo_stats(folder):
        stamp = (stat.st_size, stat.st_mtime_ns, sidecars.stamp_of(key))
        row = stored.get(key)
        ready = None
        if row is not None and row[:3] == stamp:
            ready = Ready.from_stored(row[3], row[4])
        if ready is None or not ready.fresh_on(day):
            ready = None
            todo.append((key, *stamp))
        found[key] = (stat.st_size, stat.st_mtime, ready)
    catalogued = set(stored)
    if todo:
        built, known = _build(folder, todo, catalog, today, pool)
        catalogued.update(known)
        for path, ready in built:
            size, mtime_s, _none = found[path]
            found[path] = (size, mtime_s, ready)
    gone = [path for path in catalogued if path not in found]
    if gone:
        catalog.forget(gone)
    photos = [Photo(p, s, m, r) for p, (s, m, r) in found.items() if r is not None]
    return FolderListing(folder, photos)


def _build(
    folder: Path,
    todo: list[tuple[str, int, int, str]],
    catalog: Catalog,
    today: dt.date,
    pool: ReaderPool | None,
) -> tuple[list[tuple[str, Ready]], set[str]]:
    """Build and store the entries of ``todo``; also the paths the catalog has rows of."""
    known = catalog.rows_under(folder)
    work: list[Work] = []
    for path, size, mtime, sidecar in todo:
        row = known.get(path)
        fresh = row is not None and row[:3] == (size, mtime, sidecar)
        work.append((path, size, mtime, sidecar, row[3] if fresh and row is not None else None))
    built = _run(work, folder, today, pool)
    stats = {path: (size, mtime, sidecar) for path, size, mtime, sidecar in todo}
    rows = [(p, *stats[p], row) for p, row, _ready in built if row is not None]
    catalog.put_rows(rows)
    catalog.put_ready((p, *stats[p], VERSION, ready.facts(), ready.body) for p, _r, ready in built)
    return [(p, ready) for p, _row, ready in built], set(known)


def _run(work: list[Work], folder: Path, today: dt.date, pool: ReaderPool | None) -> list[Built]:
    if len(work) < MIN_FILES or (pool is None and default_workers() < 2):
        return build_many(work, str(folder), today.isoformat())
    own = pool is None
    pool = pool or ReaderPool()
    if pool.start == "fork":  # the workers inherit the readers: imported once, here
        _load_builders()
    try:
        args = (str(folder), today.isoformat())
        return list(pool.run(build_many, work, args, _lost(*args)))
    finally:
        if own:
            pool.close()


def _load_builders() -> None:
    """Import what building entries needs (the readers, the caption rules)."""
    # deferred: a warm listing loads none of them
    import gallery_app.core.listing.build
    import gallery_app.core.metadata.reader  # noqa: F401


def build_many(work: list[Work], root: str, day: str) -> list[Built]:
    """In a reader process (or here): each file's entry, read or from its catalog row."""
    # deferred: the readers and the caption rules load only to build (in the workers)
    from gallery_app.core.listing.build import build
    from gallery_app.core.metadata.xmp import SidecarIndex

    sidecars = SidecarIndex()
    today = dt.date.fromisoformat(day)
    out: list[Built] = []
    for path, _size, _mtime, _sidecar, row in work:
        file = Path(path)
        meta = decode_metadata(row) if row is not None else None
        fresh = None
        if meta is None:
            meta = read_one(file, sidecars)
            try:
                fresh = encode_metadata(meta)
            except ValueError:  # text that is not valid Unicode: say so rather than lose it
                meta = FileMetadata.unreadable(unreadable_sentence(file.name, "odd text"))
                fresh = encode_metadata(meta)
        out.append((path, fresh, build(file, meta, Path(root), today, sidecars)))
    return out


def _lost(root: str, day: str) -> Callable[[Work], Built]:
    def lost(item: Work) -> Built:
        """A file that stopped the reader process: an entry saying so."""
        from gallery_app.core.listing.build import build  # deferred, as in build_many

        file = Path(item[0])
        reason = "the metadata reader stopped on it"
        meta = FileMetadata.unreadable(unreadable_sentence(file.name, reason))
        today = dt.date.fromisoformat(day)
        return (item[0], encode_metadata(meta), build(file, meta, Path(root), today))

    return lost
