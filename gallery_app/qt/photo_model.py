# SPDX-License-Identifier: GPL-3.0-or-later
"""The gallery's entries as a Qt list model, with thumbnails fetched on demand.

Data flow: ``set_gallery`` resets the rows; views tell the model which rows
they show (``request_thumbnails``); the model asks its thumbnail source for
those rows only; decoded QImages come back on the GUI thread, become QPixmaps
here and ``dataChanged`` repaints the cell.  ``data()`` itself never starts a
decode, so a model with 10,000 rows does no work for rows nobody looks at.

Only a few decodes are in flight at once; the rest wait in a short queue
where the newest wishes go first and the oldest fall off, so flinging through
10,000 rows does not leave thousands of stale decodes behind it.  A generation
number inside each request key drops results that arrive after the gallery has
changed.  The pixmap cache is bounded (LRU) because a 256 px
thumbnail costs ~180 KiB; what scrolls away is decoded again when it returns.
"""

from __future__ import annotations

import html
import logging
from collections import OrderedDict
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage, QPixmap

from gallery_app.core.entry_text import (
    credit_text,
    excerpt,
    format_date,
    place_text,
    short_label,
)
from gallery_app.core.models import Entry, Gallery, ImageStatus
from gallery_app.qt.thumbnails import ThumbnailProvider
from gallery_app.qt.workers import ImageLoader

if TYPE_CHECKING:  # the merge helpers pull in the metadata readers: loaded on first use
    from gallery_app.core.entry_merge import SortKey

log = logging.getLogger(__name__)

EntryRole = Qt.ItemDataRole.UserRole + 1
ThumbnailRole = Qt.ItemDataRole.UserRole + 2
ThumbnailStateRole = Qt.ItemDataRole.UserRole + 3

_AnyIndex = QModelIndex | QPersistentModelIndex


class ThumbnailState(StrEnum):
    """What a cell can show for its picture."""

    NO_FILE = "no-file"  # the entry has no image file: paint the placeholder card
    LOADING = "loading"  # a decode is queued or running (or not yet asked for)
    READY = "ready"
    FAILED = "failed"  # the file is there but could not be decoded: the card again


class PhotoModel(QAbstractListModel):
    """One row per :class:`Entry` of the current gallery."""

    #: Emitted when no thumbnail request is outstanding any more (for
    #: ``--screenshot``: "what is visible is ready").
    thumbnails_idle = Signal()

    CACHE_LIMIT = 400
    MAX_IN_FLIGHT = 4
    MAX_QUEUED = 300

    def __init__(self, loader: ImageLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._loader.image_ready.connect(self._on_image_ready)
        self._gallery: Gallery | None = None
        self._entries: tuple[Entry, ...] = ()
        self._rows: dict[str, int] = {}
        self._generation = 0
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._sizes: dict[str, int] = {}  # entry id -> edge (device px) the pixmap was made for
        self._queued: OrderedDict[str, int] = OrderedDict()  # entry id -> edge; newest last
        self._in_flight: dict[str, int] = {}  # entry id -> edge requested
        self._failed: set[str] = set()
        self._keys: list[SortKey] | None = None  # sort keys of the rows, made on first merge
        self._provider: ThumbnailProvider | None = None

    def use_thumbnail_provider(self, provider: ThumbnailProvider) -> None:
        """Take thumbnails from the shared freedesktop cache (``app.py`` wires this).

        The provider has its own pool and queue, so many more requests may be
        in flight; a camera's embedded preview is shown while the real
        thumbnail is made.
        """
        self._provider = provider
        self.MAX_IN_FLIGHT = 96
        provider.thumbnail_ready.connect(self._on_thumbnail_ready)

    # -- contents ---------------------------------------------------------
    def set_gallery(self, gallery: Gallery | None) -> None:
        self.beginResetModel()
        self._generation += 1
        self._gallery = gallery
        self._entries = gallery.entries if gallery is not None else ()
        self._rows = {e.id: i for i, e in enumerate(self._entries)}
        self._pixmaps.clear()
        self._sizes.clear()
        self._queued.clear()
        self._in_flight.clear()
        self._failed.clear()
        self._keys = None
        if self._provider is not None:
            self._provider.clear()
        self.endResetModel()

    def gallery(self) -> Gallery | None:
        return self._gallery

    def entries(self) -> tuple[Entry, ...]:
        return self._entries

    def entry(self, row: int) -> Entry | None:
        if 0 <= row < len(self._entries):
            return self._entries[row]
        return None

    def row_of(self, entry_id: str) -> int:
        """The row of the entry with ``entry_id``, or -1."""
        if len(self._rows) != len(self._entries):  # rows came or went: rebuild once
            self._rows = {e.id: i for i, e in enumerate(self._entries)}
        return self._rows.get(entry_id, -1)

    def merge_entries(self, entries: Iterable[Entry]) -> None:
        """Add a scan's batch where each entry belongs in the order taken.

        For a folder's gallery, whose rows are kept sorted by ``sort_key``.
        Rows go in as a few inserted runs (or, for a scattered batch, at the
        end and then moved), so the selection and thumbnails stay put.
        """
        from gallery_app.core.entry_merge import insertion_runs
        from gallery_app.core.metadata import sort_key

        fresh = [e for e in entries if self.row_of(e.id) < 0]
        if not fresh:
            return
        if self._keys is None:
            self._keys = [sort_key(e) for e in self._entries]
        runs = insertion_runs(self._keys, fresh)
        if len(runs) > 24:  # one insert and one move beat many small inserts
            merged = sorted((*self._entries, *fresh), key=sort_key)
            self._append(fresh)
            self._reorder(tuple(merged))
            return
        for row, run in runs:
            self.beginInsertRows(QModelIndex(), row, row + len(run) - 1)
            self._entries = (*self._entries[:row], *(e for _, e in run), *self._entries[row:])
            self._keys[row:row] = [k for k, _ in run]
            self._rows = {}
            self.endInsertRows()

    def update_gallery(self, gallery: Gallery) -> None:
        """Take a newer version of the gallery on screen in place of the old one.

        The finished scan, a rescan of the watched folder or newly linked
        photos: rows that went are removed, new ones inserted, the rest moved
        to the gallery's order and refreshed — the selection and the
        thumbnails of unchanged photos survive (``set_gallery`` drops both).
        """
        if self._same_rows(gallery.entries):
            self._refresh_rows(gallery)
            return
        from gallery_app.core.entry_merge import row_ranges

        new_ids = {e.id for e in gallery.entries}
        gone = [row for row, e in enumerate(self._entries) if e.id not in new_ids]
        for first, last in reversed(row_ranges(gone)):
            self.beginRemoveRows(QModelIndex(), first, last)
            self._entries = self._entries[:first] + self._entries[last + 1 :]
            self._rows = {}
            self.endRemoveRows()
        old = {e.id: e for e in self._entries}
        self._append([e for e in gallery.entries if e.id not in old])
        self._gallery = gallery
        self._keys = None
        for entry in gallery.entries:
            before = old.get(entry.id)
            if before is not None and (before.image, before.image_status) != (
                entry.image,
                entry.image_status,
            ):
                self._forget_thumbnail(entry.id)
        self._reorder(gallery.entries)
        if self._entries:
            self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1))

    def _same_rows(self, entries: tuple[Entry, ...]) -> bool:
        """Whether ``entries`` are the rows already shown, in the same order.

        The usual case when a scan ends: its batches were merged in date order
        as they came, so the finished gallery only renumbers them.
        """
        rows = self._entries
        return len(rows) == len(entries) and all(
            a.id == b.id for a, b in zip(rows, entries, strict=True)
        )

    def _refresh_rows(self, gallery: Gallery) -> None:
        """``update_gallery`` for the same rows: no inserts, moves or lookups by id."""
        for before, entry in zip(self._entries, gallery.entries, strict=True):
            # A scan's final entries share image and info with its batches'.
            if before.image is entry.image and before.info is entry.info:
                continue
            if (before.image, before.image_status) != (entry.image, entry.image_status):
                self._forget_thumbnail(entry.id)
        self._entries = gallery.entries
        self._gallery = gallery
        self._keys = None
        if self._entries:
            self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1))

    def _append(self, entries: list[Entry]) -> None:
        if not entries:
            return
        start = len(self._entries)
        self.beginInsertRows(QModelIndex(), start, start + len(entries) - 1)
        self._entries = (*self._entries, *entries)
        self._keys = None
        self._rows = {}
        self.endInsertRows()

    def _reorder(self, entries: tuple[Entry, ...]) -> None:
        """Show ``entries`` (the same ids as the rows) in their order; selection follows."""
        if [e.id for e in entries] == [e.id for e in self._entries]:
            self._entries = entries
            return
        self.layoutAboutToBeChanged.emit()
        rows = {e.id: i for i, e in enumerate(entries)}
        persistent = self.persistentIndexList()
        moved = [self.index(rows[self._entries[p.row()].id]) for p in persistent]
        self._entries = entries
        self._rows = rows
        self._keys = None
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _forget_thumbnail(self, entry_id: str) -> None:
        self._pixmaps.pop(entry_id, None)
        self._sizes.pop(entry_id, None)
        self._queued.pop(entry_id, None)
        self._in_flight.pop(entry_id, None)
        self._failed.discard(entry_id)

    def replace_entry(self, entry: Entry) -> None:
        """Swap in a changed entry (say, after the user linked a photo file)."""
        row = self.row_of(entry.id)
        if row < 0:
            return
        entries = list(self._entries)
        entries[row] = entry
        self._entries = tuple(entries)
        self._forget_thumbnail(entry.id)
        index = self.index(row)
        self.dataChanged.emit(index, index)

    # -- Qt model API -------------------------------------------------------
    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.AccessibleTextRole:
            return short_label(entry)
        if role == EntryRole:
            return entry
        if role == ThumbnailRole:
            return self._pixmaps.get(entry.id)
        if role == ThumbnailStateRole:
            return self.thumbnail_state(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_html(entry)
        return None

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- thumbnails ---------------------------------------------------------
    def thumbnail_state(self, entry: Entry) -> ThumbnailState:
        if entry.image is None or entry.image_status in (ImageStatus.NONE, ImageStatus.MISSING):
            return ThumbnailState.NO_FILE
        if entry.id in self._failed:
            return ThumbnailState.FAILED
        if entry.id in self._pixmaps:
            return ThumbnailState.READY
        return ThumbnailState.LOADING

    def request_thumbnails(self, rows: Iterable[int], edge: int) -> None:
        """Make sure ``rows`` get a thumbnail of at least ``edge`` device pixels.

        Views call this with the rows on screen plus a margin; nothing else
        starts a decode.  A cached thumbnail that is already big enough (or
        at most 10 % too small) is kept; a smaller one is replaced.
        """
        edge = max(16, int(edge))
        rows = list(rows)
        self._drop_stale_requests(rows)
        wanted: list[tuple[str, int]] = []
        for row in rows:
            entry = self.entry(row)
            if entry is None or self.thumbnail_state(entry) in (
                ThumbnailState.NO_FILE,
                ThumbnailState.FAILED,
            ):
                continue
            have = max(
                self._sizes.get(entry.id, 0),
                self._in_flight.get(entry.id, 0),
            )
            if have * 1.1 >= edge:
                if entry.id in self._pixmaps:
                    self._pixmaps.move_to_end(entry.id)
                continue
            wanted.append((entry.id, edge))
        for entry_id, want in reversed(wanted):  # the first row ends up first in line
            self._queued.pop(entry_id, None)
            self._queued[entry_id] = want
        while len(self._queued) > self.MAX_QUEUED:
            self._queued.popitem(last=False)
        self._dispatch()

    def _drop_stale_requests(self, rows: list[int]) -> None:
        """When the view moved on (most of what is in flight is off screen), clear the queue."""
        if self._provider is None or not self._in_flight:
            return
        shown = {entry.id for entry in map(self.entry, rows) if entry is not None}
        stale = sum(1 for entry_id in self._in_flight if entry_id not in shown)
        if stale * 2 > len(self._in_flight):
            self._provider.clear()
            self._in_flight.clear()

    def pending_count(self) -> int:
        """Thumbnails asked for and not yet delivered."""
        return len(self._queued) + len(self._in_flight)

    def _dispatch(self) -> None:
        while self._queued and len(self._in_flight) < self.MAX_IN_FLIGHT:
            entry_id, edge = self._queued.popitem(last=True)
            entry = self.entry(self.row_of(entry_id))
            if entry is None or entry.image is None:
                continue
            self._in_flight[entry_id] = edge
            key = thumb_key(self._generation, edge, entry_id)
            self._fetch_thumbnail(key, entry.image, edge)

    def _fetch_thumbnail(self, key: str, path: Path, edge: int) -> None:
        """The one place that asks for pixels; swap it for a thumbnail cache.

        Whatever replaces it must eventually deliver ``image_ready(key, QImage)``
        on the GUI thread through ``self._on_image_ready`` (a null image for
        a file that cannot be read).
        """
        if self._provider is not None:
            self._provider.request(key, path, edge)
        else:
            self._loader.request(key, path, QSize(edge, edge))

    def _on_thumbnail_ready(self, key: str, image: QImage, is_preview: bool) -> None:
        if not is_preview:
            self._on_image_ready(key, image)
            return
        # An embedded preview: show it, keep waiting for the real one.
        parsed = parse_thumb_key(key)
        if parsed is None or parsed[0] != self._generation or image.isNull():
            return
        _, edge, entry_id = parsed
        if self._in_flight.get(entry_id) != edge or entry_id in self._sizes:
            return
        self._pixmaps[entry_id] = QPixmap.fromImage(image)  # GUI thread only
        self._evict()
        row = self.row_of(entry_id)
        if row >= 0:
            index = self.index(row)
            self.dataChanged.emit(index, index, [ThumbnailRole, ThumbnailStateRole])

    def _on_image_ready(self, key: str, image: QImage) -> None:
        parsed = parse_thumb_key(key)
        if parsed is None:
            return  # not one of ours (the loader may be shared)
        generation, edge, entry_id = parsed
        if generation != self._generation or self._in_flight.get(entry_id) != edge:
            return
        del self._in_flight[entry_id]
        row = self.row_of(entry_id)
        if image.isNull():
            log.info("no thumbnail for entry %s", entry_id)
            self._failed.add(entry_id)
        else:
            self._pixmaps[entry_id] = QPixmap.fromImage(image)  # GUI thread only
            self._pixmaps.move_to_end(entry_id)
            self._sizes[entry_id] = edge
            self._evict()
        if row >= 0:
            index = self.index(row)
            self.dataChanged.emit(index, index, [ThumbnailRole, ThumbnailStateRole])
        self._dispatch()
        if not self._queued and not self._in_flight:
            self.thumbnails_idle.emit()

    def _evict(self) -> None:
        while len(self._pixmaps) > self.CACHE_LIMIT:
            entry_id, _ = self._pixmaps.popitem(last=False)
            self._sizes.pop(entry_id, None)


_KEY_PREFIX = "thumb\n"


def thumb_key(generation: int, edge: int, entry_id: str) -> str:
    """The request key of a thumbnail; the entry id comes last, whole.

    The id of a folder's photo is its relative path, and a file name may hold
    any character but ``/`` and NUL (a newline too), so the key is read back by
    splitting off the two numbers in front and never by splitting the id.
    """
    return f"{_KEY_PREFIX}{generation}\n{edge}\n{entry_id}"


def parse_thumb_key(key: str) -> tuple[int, int, str] | None:
    """``(generation, edge, entry_id)`` of a ``thumb_key``, or None for someone else's key."""
    if not key.startswith(_KEY_PREFIX):
        return None
    parts = key[len(_KEY_PREFIX) :].split("\n", 2)
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
        return None
    return int(parts[0]), int(parts[1]), parts[2]


def tooltip_html(entry: Entry) -> str:
    """A tooltip that shows the caption literally.

    Qt guesses whether a tooltip is rich text, so a caption holding ``<b>``
    would be rendered; the ``<qt>`` wrapper forces rich text and every piece of
    entry text inside it is escaped, which shows it character for character.
    """
    lines = [format_date(entry.taken)]
    place = place_text(entry.location)
    if place:
        lines.append(place)
    body = excerpt(entry.caption, 400) if entry.caption else "No caption"
    credit = credit_text(entry)
    parts = [f"<b>{html.escape(line)}</b>" for line in lines]
    parts.append(html.escape(body))
    if credit:
        parts.append(f"<i>{html.escape(credit)}</i>")
    return "<qt>" + "<br>".join(parts) + "</qt>"
