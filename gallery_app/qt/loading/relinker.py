# SPDX-License-Identifier: GPL-3.0-or-later
"""Relink missing photos: match a chosen folder's files to a gallery's entries, off the GUI thread.

Flow: ``Relinker.relink(gallery, folder)`` runs ``core.relink.relink_missing``
on the pool (it scans the folder through the catalog, so a second attempt is
instant); back on the GUI thread the matches are stored as the user's links
(``LinkStore``, in the user's data folder — bundled resources are never
touched) and ``relinked(gallery, count)`` carries the gallery with the links
laid over it; ``failed(sentence)`` when the folder cannot be read.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from gallery_app.core.models import Gallery, ImageStatus
from gallery_app.core.store.catalog import Catalog
from gallery_app.core.store.links import LinkStore, gallery_key
from gallery_app.qt.workers import run_task

log = logging.getLogger(__name__)


def _relink_missing(gallery: Gallery, folder: Path, catalog: Catalog | None) -> dict[str, Path]:
    """``core.relink.relink_missing``, imported on the worker (it pulls in the metadata readers)."""
    from gallery_app.core.folders.relink import relink_missing

    return relink_missing(gallery, folder, catalog)


def needs_relinking(gallery: Gallery | None) -> bool:
    """Whether ``gallery`` has entries whose photo is missing or was never included."""
    if gallery is None:
        return False
    return any(e.image_status in (ImageStatus.MISSING, ImageStatus.NONE) for e in gallery.entries)


class Relinker(QObject):
    """Finds moved or never-included photos in a folder and links them."""

    relinked = Signal(object, int)  # Gallery with the links applied, number newly linked
    failed = Signal(str)

    def __init__(
        self,
        pool: QThreadPool,
        links: LinkStore,
        catalog: Catalog | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self._links = links
        self._catalog = catalog
        # Relays stay referenced (unparented, like GalleryLoader's) until the next request.
        self._relays: list[QObject] = []

    def relink(self, gallery: Gallery, folder: Path) -> None:
        """Match ``gallery``'s missing photos against the files under ``folder``."""
        self._relays = [
            run_task(
                self._pool,
                lambda: _relink_missing(gallery, folder, self._catalog),
                lambda found: self._on_found(gallery, found),
                self._on_error,
            )
        ]

    def _on_found(self, gallery: Gallery, found: dict[str, Path]) -> None:
        self._links.set_many(gallery_key(gallery), found)
        log.info("relinked %d photos of %s", len(found), gallery_key(gallery))
        self.relinked.emit(self._links.apply(gallery), len(found))

    def _on_error(self, message: str) -> None:
        self.failed.emit(message)
