# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a scanned folder's snapshot in a reader process, not in the window's.

Encoding 10,000 entries for the snapshot (``core.store.snapshot``) is about
0.3 s of Python.  On the scan's thread it ran in the window's process at the
end of every cold scan, taking the interpreter lock in turns with the GUI
thread, which waited for it at every call into Python.  Instead the scan
hands a reader process the folder and its files in the gallery's order; the
process takes their rows from the catalog (the scan has just stored them),
builds the same entries (``entry_from_metadata``, numbered in that order) and
writes the snapshot.  Nothing comes back: a row that is missing or of another
version means no snapshot this time (logged), as a failed write always did.
"""

from __future__ import annotations

import logging
from pathlib import Path

from gallery_app.core.gallery.entries import entry_from_metadata
from gallery_app.core.models import Gallery
from gallery_app.core.store.catalog import Catalog
from gallery_app.core.store.rows import decode_metadata
from gallery_app.core.store.snapshot import write_snapshot

log = logging.getLogger(__name__)


def store_snapshot(folder: str, title: str, gallery_id: str, files: list[str], db: str) -> bool:
    """In a worker: the snapshot of ``folder`` whose sorted photos are ``files``.

    The caller found the scan's gallery ``worth_keeping``.
    ``db`` is the catalog's database.  Returns whether the snapshot was written.
    """
    root = Path(folder)
    catalog = Catalog(Path(db))
    try:
        rows = catalog.rows_under(root)
    finally:
        catalog.close()
    entries = []
    for position, path in enumerate(files, start=1):
        row = rows.get(path)
        meta = decode_metadata(row[3]) if row is not None else None
        if meta is None:
            log.info("no snapshot of %s: %s is not in the catalog", folder, path)
            return False
        entries.append(entry_from_metadata(Path(path), position, meta, root=root))
    write_snapshot(Gallery(title=title, entries=tuple(entries), id=gallery_id, source=root))
    return True
