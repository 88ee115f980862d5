# SPDX-License-Identifier: GPL-3.0-or-later
"""Thumbnails for the rows the views show: asked for on demand, delivered as repaints.

Data flow: a view calls ``PhotoModel.request_thumbnails(rows, edge)`` with the
rows on screen; the model hands them to its :class:`ThumbnailFetcher`, which
notes the wishes in its ``ThumbnailBook``, sends at most ``max_in_flight()``
requests to the thumbnail provider (the freedesktop cache, with a camera's
embedded preview first) or the plain image loader, and turns each decoded
QImage that comes back on the GUI thread into a QPixmap and a ``dataChanged``
of that one row.  A generation number inside each request key drops results
that arrive after the gallery changed (``reset``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QModelIndex, QObject, QSize, SignalInstance
from PySide6.QtGui import QImage, QPixmap

from gallery_app.core.models import Entry, ImageStatus
from gallery_app.qt.loading.thumbnails import ThumbnailProvider
from gallery_app.qt.models.roles import ThumbnailRole, ThumbnailState, ThumbnailStateRole
from gallery_app.qt.models.thumbnail_book import ThumbnailBook, parse_thumb_key, thumb_key
from gallery_app.qt.workers import ImageLoader

log = logging.getLogger(__name__)

_REPAINT = [ThumbnailRole, ThumbnailStateRole]


class Rows(Protocol):
    """What the fetcher needs of the model: rows by number and by entry id, and repaints."""

    dataChanged: SignalInstance
    thumbnails_idle: SignalInstance

    def entry(self, row: int) -> Entry | None: ...
    def row_of(self, entry_id: str) -> int: ...
    def index(self, row: int, column: int = ..., parent: QModelIndex = ...) -> QModelIndex: ...


class ThumbnailFetcher(QObject):
    """The thumbnail half of the photo model: wishes, requests in flight, deliveries."""

    def __init__(
        self,
        rows: Rows,
        loader: ImageLoader,
        book: ThumbnailBook,
        max_in_flight: Callable[[], int],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows = rows
        self._loader = loader
        self._loader.image_ready.connect(self._on_image_ready)
        self._book = book
        self._max_in_flight = max_in_flight
        self._provider: ThumbnailProvider | None = None
        self.generation = 0

    def use_provider(self, provider: ThumbnailProvider) -> None:
        self._provider = provider
        provider.thumbnail_ready.connect(self._on_thumbnail_ready)

    def reset(self) -> None:
        """Another gallery: forget every thumbnail and drop what is still on its way."""
        self.generation += 1
        self._book.clear()
        if self._provider is not None:
            self._provider.clear()

    def pixmap(self, entry_id: str) -> QPixmap | None:
        return self._book.pixmaps.get(entry_id)

    def thumbnail_state(self, entry: Entry) -> ThumbnailState:
        if entry.image is None or entry.image_status in (ImageStatus.NONE, ImageStatus.MISSING):
            return ThumbnailState.NO_FILE
        if entry.id in self._book.failed:
            return ThumbnailState.FAILED
        if entry.id in self._book.pixmaps:
            return ThumbnailState.READY
        return ThumbnailState.LOADING

    def request_thumbnails(self, rows: Iterable[int], edge: int) -> None:
        """See ``PhotoModel.request_thumbnails``."""
        edge = max(16, int(edge))
        rows = list(rows)
        self._drop_stale_requests(rows)
        wanted: list[tuple[str, int]] = []
        for row in rows:
            entry = self._rows.entry(row)
            if entry is None or self.thumbnail_state(entry) in (
                ThumbnailState.NO_FILE,
                ThumbnailState.FAILED,
            ):
                continue
            if self._book.needs(entry.id, edge):
                wanted.append((entry.id, edge))
        self._book.wish(wanted)
        self._dispatch()

    def _drop_stale_requests(self, rows: list[int]) -> None:
        """When the view moved on (most of what is in flight is off screen), clear the queue."""
        in_flight = self._book.in_flight
        if self._provider is None or not in_flight:
            return
        shown = {entry.id for entry in map(self._rows.entry, rows) if entry is not None}
        stale = sum(1 for entry_id in in_flight if entry_id not in shown)
        if stale * 2 > len(in_flight):
            self._provider.clear()
            in_flight.clear()

    def pending_count(self) -> int:
        """Thumbnails asked for and not yet delivered."""
        return self._book.pending()

    def _dispatch(self) -> None:
        for entry_id, edge in self._book.take(self._max_in_flight()):
            entry = self._rows.entry(self._rows.row_of(entry_id))
            if entry is None or entry.image is None:
                continue
            self._book.sent(entry_id, edge)
            self._fetch_thumbnail(thumb_key(self.generation, edge, entry_id), entry.image, edge)

    def _fetch_thumbnail(self, key: str, path: Path, edge: int) -> None:
        """The one place that asks for pixels.

        Whatever answers must eventually deliver ``image_ready(key, QImage)``
        on the GUI thread through ``self._on_image_ready`` (a null image for
        a file that cannot be read).
        """
        if self._provider is not None:
            self._provider.request(key, path, edge)
        else:
            self._loader.request(key, path, QSize(edge, edge))

    def _repaint(self, entry_id: str) -> None:
        row = self._rows.row_of(entry_id)
        if row >= 0:
            index = self._rows.index(row)
            self._rows.dataChanged.emit(index, index, _REPAINT)

    def _on_thumbnail_ready(self, key: str, image: QImage, is_preview: bool) -> None:
        if not is_preview:
            self._on_image_ready(key, image)
            return
        # An embedded preview: show it, keep waiting for the real one.
        parsed = parse_thumb_key(key)
        if parsed is None or parsed[0] != self.generation or image.isNull():
            return
        _, edge, entry_id = parsed
        if not self._book.awaits(entry_id, edge) or entry_id in self._book.sizes:
            return
        self._book.show_preview(entry_id, QPixmap.fromImage(image))  # GUI thread only
        self._repaint(entry_id)

    def _on_image_ready(self, key: str, image: QImage) -> None:
        parsed = parse_thumb_key(key)
        if parsed is None:
            return  # not one of ours (the loader may be shared)
        generation, edge, entry_id = parsed
        if generation != self.generation or not self._book.awaits(entry_id, edge):
            return
        if image.isNull():
            log.info("no thumbnail for entry %s", entry_id)
            self._book.deliver(entry_id, None, edge)
        else:  # QPixmap: GUI thread only
            self._book.deliver(entry_id, QPixmap.fromImage(image), edge)
        self._repaint(entry_id)
        self._dispatch()
        if not self._book.pending():
            self._rows.thumbnails_idle.emit()
