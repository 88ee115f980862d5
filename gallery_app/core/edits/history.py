# SPDX-License-Identifier: GPL-3.0-or-later
"""The record of corrections of a folder's photos, read from their sidecars.

A manifest carries its record inside (the loader applies it); a photo's record
is in its sidecar, under Dateline's namespace.  Reading it costs a parse per
sidecar, so it is done on demand (``gallery-cli list``/``history``, the edit
panel for the photo shown), and only for sidecars that mention Dateline at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from gallery_app.core.edits.sidecar import read_sidecar_record
from gallery_app.core.edits.xmpkeys import NAMESPACE
from gallery_app.core.metadata.xmp import SidecarIndex, find_sidecar
from gallery_app.core.models import Entry, Gallery

_MARK = NAMESPACE.encode("ascii")


def with_sidecar_record(entry: Entry, find: Callable[[Path], Path | None] = find_sidecar) -> Entry:
    """``entry`` with the record from its photo's sidecar (when it has none of its own).

    ``find`` finds the sidecar (``SidecarIndex.find``: one listing per folder).
    """
    if entry.corrections or entry.image is None:
        return entry
    sidecar = find(entry.image)
    if sidecar is None:
        return entry
    try:
        if _MARK not in sidecar.read_bytes():
            return entry
    except OSError:
        return entry
    return replace(entry, corrections=read_sidecar_record(entry.image))


def with_sidecar_records(gallery: Gallery) -> Gallery:
    if gallery.source is None or not gallery.source.is_dir():
        return gallery
    find = SidecarIndex().find
    return replace(gallery, entries=tuple(with_sidecar_record(e, find) for e in gallery.entries))
