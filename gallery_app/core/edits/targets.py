# SPDX-License-Identifier: GPL-3.0-or-later
"""Which files a save of corrections would write: the manifest, or the photos' sidecars.

Kept apart from the writers so the app can take fingerprints of these files
(to notice another program's changes) without loading exiv2 or Pillow.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gallery_app.core.models import Gallery


def sidecar_for(image: Path) -> Path:
    """The sidecar to write for ``image``: the existing one, else ``photo.jpg.xmp``."""
    # deferred: the XMP reader (XML parsers) loads with the first edit of a photo, not at start-up
    from gallery_app.core.metadata.xmp import find_sidecar

    return find_sidecar(image) or image.with_name(image.name + ".xmp")


def is_manifest(gallery: Gallery) -> bool:
    source = gallery.source
    return source is not None and source.is_file() and source.suffix.lower() != ".txt"


def files_to_write(gallery: Gallery, entry_ids: Sequence[str]) -> list[Path]:
    """The manifest, or the sidecars, a save of ``entry_ids`` would change."""
    if is_manifest(gallery):
        assert gallery.source is not None
        return [gallery.source]
    images = [e.image for e in gallery.entries if e.id in set(entry_ids)]
    return [sidecar_for(image) for image in images if image is not None]
