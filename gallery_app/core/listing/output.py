# SPDX-License-Identifier: GPL-3.0-or-later
"""A folder listing as ``gallery-cli list --json`` prints it, joined from ready entries.

Positions are the time order (``gallery.ordering.sort_key``: the time taken,
undated last, then the order the files were listed in, which is the order a
scan reads them); the other orders mirror ``ordering.key_for`` on what the
listing already knows (name, the photo's own size and mtime), descending with
the unknown kept last.  Only the id and the position are encoded here; every
other byte is the stored entry's.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import orjson

from gallery_app.core.gallery.export import gallery_to_dict
from gallery_app.core.gallery.ordering import SortOrder
from gallery_app.core.listing.folder import FolderListing, Photo
from gallery_app.core.models import Gallery
from gallery_app.core.textdecode import printable

Numbered = tuple[int, str, Photo]  # position, id, photo
Key = Callable[[Numbered], tuple[Any, ...]]


def numbered(listing: FolderListing) -> list[Numbered]:
    """The photos in time order with their positions (1, 2, …) and ids."""
    prefix = listing.folder.as_posix().rstrip("/") + "/"
    order = sorted(
        range(len(listing.photos)),
        key=lambda i: (0, taken, i) if (taken := listing.photos[i].ready.taken) else (1, "", i),
    )
    out = []
    for position, index in enumerate(order, start=1):
        photo = listing.photos[index]
        ident = photo.path[len(prefix) :] if photo.path.startswith(prefix) else photo.path
        out.append((position, printable(ident), photo))
    return out


def _name(item: Numbered) -> str:
    return os.path.basename(item[2].path).casefold()


def _tie(item: Numbered) -> tuple[int, str, str]:
    return (item[0], _name(item), item[2].path)


_KEYS: dict[SortOrder, Key] = {
    SortOrder.DATE: lambda n: (0, *_tie(n)),  # the positions are the time order
    SortOrder.POSITION: lambda n: (0, *_tie(n)),
    SortOrder.NAME: lambda n: (0, _name(n), n[0], n[1]),
    SortOrder.MTIME: lambda n: (0, n[2].mtime, *_tie(n)),
    SortOrder.SIZE: lambda n: (0, n[2].size, *_tie(n)),
}


def ordered(items: list[Numbered], order: SortOrder, descending: bool) -> list[Numbered]:
    """``items`` in ``order``; descending keeps undated entries last in time order."""
    key = _KEYS[order]
    if order is SortOrder.DATE and descending:
        dated = [n for n in items if n[2].ready.taken is not None]
        undated = [n for n in items if n[2].ready.taken is None]
        return sorted(dated, key=key, reverse=True) + sorted(undated, key=key, reverse=True)
    return sorted(items, key=key, reverse=descending)


def listing_json(listing: FolderListing, title: str, order: SortOrder, descending: bool) -> str:
    """The whole ``list --json`` document (compact, not yet made inert: ``for_json``)."""
    items = numbered(listing)
    header = gallery_to_dict(
        Gallery(title=title, entries=(), id=str(listing.folder.resolve()), source=listing.folder)
    )["gallery"]
    header["total"] = len(items)
    parts = [
        f'{{"id":{orjson.dumps(ident).decode()},"position":{position},{photo.ready.body[1:]}'
        for position, ident, photo in ordered(items, order, descending)
    ]
    return f'{{"gallery":{orjson.dumps(header).decode()},"entries":[{",".join(parts)}]}}'
