# SPDX-License-Identifier: GPL-3.0-or-later
"""``gallery-cli list PATH --json`` of a folder, from its ready entries (``core.listing``).

The same document the general path prints (load, sidecar records, links,
checks, entries to JSON), but a folder seen before costs a ``stat`` per photo
and the stored JSON of each: no caption parsed, no entry built.  Only for a
photo folder with no filter and no photo links; anything else takes the
general path.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gallery_app.core.models import Gallery
from gallery_app.core.store.notices import StorageNotices


def ready_json(
    path: Path | None, order: str, descending: bool, notices: StorageNotices
) -> str | None:
    """The compact ``list --json`` document of the folder at ``path``, or None when
    ``path`` is not a photo folder (or a photo) or the user linked photos into it."""
    # deferred: `gallery-cli --help` must not load the readers and the caption rules
    from gallery_app.core.edits.manifest_store import readable_manifest
    from gallery_app.core.folders.pool import ReaderPool
    from gallery_app.core.gallery.ordering import SortOrder
    from gallery_app.core.listing.folder import list_folder
    from gallery_app.core.listing.output import listing_json
    from gallery_app.core.loader import classify, folder_of
    from gallery_app.core.store.catalog import Catalog
    from gallery_app.core.store.links import LinkStore

    if path is None or readable_manifest(path) != path:
        return None
    kind = classify(path)
    if kind not in ("folder", "image"):
        return None
    folder = folder_of(path, kind)
    title = folder.resolve().name or str(folder)
    source = folder.absolute()
    stub = Gallery(title=title, entries=(), id=str(source.resolve()), source=source)
    if LinkStore(notices=notices).links_of(stub):
        return None
    catalog = Catalog(notices=notices)
    pool = ReaderPool(start="fork")  # no Qt here: workers forked with the readers loaded
    try:
        listing = list_folder(folder, catalog, today=dt.date.today(), pool=pool)
    finally:
        pool.close()
        catalog.close()
    return listing_json(listing, title, SortOrder(order), descending)
