# SPDX-License-Identifier: GPL-3.0-or-later
"""The gallery's entries as a Qt list model, with thumbnails fetched on demand.

Data flow: ``set_gallery`` resets the rows; views tell the model which rows
they show (``request_thumbnails``); the model asks its thumbnail source for
those rows only (``thumbnail_fetch.ThumbnailFetcher`` does that half);
decoded QImages come back on the GUI thread, become QPixmaps and
``dataChanged`` repaints the cell.  ``data()`` itself never starts a
decode, so a model with 10,000 rows does no work for rows nobody looks at.
A scan's entries come in slices (``merge_entries``), each run of neighbours
one ``beginInsertRows``: nothing on that path touches every row.

Only a few decodes are in flight at once, the newest wishes first, and a
generation number inside each request key drops results that arrive after
the gallery changed; ``thumbnail_book.ThumbnailBook`` keeps that ledger and
the bounded pixmap cache.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from gallery_app.core.gallery.labels import short_label
from gallery_app.core.gallery.ordering import (
    KeyFunc,
    SortOrder,
    insertion_runs,
    key_for,
    row_ranges,
)
from gallery_app.core.models import Entry, Gallery
from gallery_app.qt.checks import FindingsBook
from gallery_app.qt.loading.thumbnails import ThumbnailProvider
from gallery_app.qt.models.roles import EntryRole as EntryRole
from gallery_app.qt.models.roles import FindingsRole as FindingsRole
from gallery_app.qt.models.roles import ThumbnailRole as ThumbnailRole
from gallery_app.qt.models.roles import ThumbnailState as ThumbnailState
from gallery_app.qt.models.roles import ThumbnailStateRole as ThumbnailStateRole
from gallery_app.qt.models.thumbnail_book import ThumbnailBook
from gallery_app.qt.models.thumbnail_book import parse_thumb_key as parse_thumb_key
from gallery_app.qt.models.thumbnail_fetch import ThumbnailFetcher
from gallery_app.qt.models.tooltip import tooltip_html
from gallery_app.qt.workers import ImageLoader

log = logging.getLogger(__name__)

_AnyIndex = QModelIndex | QPersistentModelIndex
_ID = attrgetter("id")
MAX_RUNS = 64  # a batch scattered wider than this goes in as one insert and one move


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
        self._gallery: Gallery | None = None
        self._entries: tuple[Entry, ...] = ()
        self._rows: dict[str, int] = {}  # entry id -> row; emptied when rows move, made on use
        self._ids: set[str] = set()  # the ids of the rows, kept as batches come in
        self._book = ThumbnailBook(self.CACHE_LIMIT, self.MAX_QUEUED)
        self._fetcher = ThumbnailFetcher(self, loader, self._book, lambda: self.MAX_IN_FLIGHT, self)
        self._findings: FindingsBook | None = None
        self._order = ("date", False)  # a SortOrder value and descending

    def use_thumbnail_provider(self, provider: ThumbnailProvider) -> None:
        """Take thumbnails from the shared freedesktop cache (``app.py`` wires this).

        The provider has its own pool and queue, so many more requests may be
        in flight; a camera's embedded preview is shown while the real
        thumbnail is made.
        """
        self.MAX_IN_FLIGHT = 96
        self._fetcher.use_provider(provider)

    def use_findings(self, book: FindingsBook) -> None:
        """Serve ``book``'s findings as ``FindingsRole`` (grid badges), repainted on change."""
        self._findings = book
        book.watch(self, self.entries, EntryRole)
        book.changed.connect(self._on_findings_changed)

    def _on_findings_changed(self) -> None:
        if self._entries:  # one signal for all rows: O(1)
            self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1), [FindingsRole])

    # -- order --------------------------------------------------------------
    def _key(self) -> KeyFunc:
        return key_for(SortOrder(self._order[0]), self._order[1])

    def _ordered(self, entries: Iterable[Entry]) -> tuple[Entry, ...]:
        return tuple(sorted(entries, key=self._key()))

    def _in_order(self, gallery: Gallery, in_time_order: bool) -> tuple[Entry, ...]:
        if in_time_order and self._order == (SortOrder.DATE.value, False):
            return gallery.entries  # sorted by sort_key on a worker already
        return self._ordered(gallery.entries)

    def sort_order(self) -> tuple[str, bool]:
        return self._order

    def set_sort_order(self, order: str, descending: bool = False) -> None:
        """List the rows in ``order`` (a ``SortOrder`` value); selection and thumbnails stay."""
        if (order, descending) == self._order:
            return
        self._order = (order, descending)
        self._reorder(self._ordered(self._entries))

    # -- contents ---------------------------------------------------------
    def set_gallery(
        self,
        gallery: Gallery | None,
        order: tuple[str, bool] | None = None,
        *,
        in_time_order: bool = False,
    ) -> None:
        """Show ``gallery``, its rows in ``order`` (default: the order kept, time order first).

        ``in_time_order``: as for ``update_gallery``.
        """
        if order is not None:
            self._order = order
        self.beginResetModel()
        self._fetcher.reset()
        self._gallery = gallery
        self._entries = self._in_order(gallery, in_time_order) if gallery is not None else ()
        self._rows = {e.id: i for i, e in enumerate(self._entries)}
        self._ids = set(self._rows)
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

        For a folder's gallery, whose rows are kept sorted.  A batch is a
        scanner's slice (at most ``SLICE_SIZE`` entries a turn), and each run
        of neighbours goes in with one ``beginInsertRows``: the filter proxy
        and the views take in the new rows only, so a slice costs the same
        into 100 rows or 10,000 (no re-sort, no re-filter of every row, no
        sort key made per row shown: places are found by bisection).  The
        selection, scroll and thumbnails stay put.
        """
        ids = self._ids
        fresh = [e for e in entries if e.id not in ids]
        if not fresh:
            return
        ids.update(e.id for e in fresh)
        key = self._key()
        runs = insertion_runs(self._entries, fresh, key, row_key=key)
        if len(runs) > MAX_RUNS:  # a big scattered batch: one insert and one move
            merged = sorted((*self._entries, *fresh), key=key)
            self._append(fresh)
            self._reorder(tuple(merged))
            return
        for row, run in runs:
            self.beginInsertRows(QModelIndex(), row, row + len(run) - 1)
            self._entries = self._entries[:row] + tuple(e for _, e in run) + self._entries[row:]
            self._rows = {}
            self.endInsertRows()

    def update_gallery(self, gallery: Gallery, *, in_time_order: bool = False) -> None:
        """Take a newer version of the gallery on screen in place of the old one.

        The finished scan, a rescan of the watched folder or newly linked
        photos: rows that went are removed, new ones inserted, the rest moved
        to the gallery's order and refreshed — the selection and the
        thumbnails of unchanged photos survive (``set_gallery`` drops both).
        ``in_time_order``: the caller vouches that the entries are sorted by
        ``sort_key`` already (a scan sorts on its worker), so the time order
        needs no sort on the GUI thread (~20-90 ms at 10,000).
        """
        original, gallery = (
            gallery,
            replace(gallery, entries=self._in_order(gallery, in_time_order)),
        )
        if self._same_rows(gallery.entries):
            self._refresh_rows(gallery)
            self._gallery = original
            return
        new_ids = {e.id for e in gallery.entries}
        gone = [row for row, e in enumerate(self._entries) if e.id not in new_ids]
        for first, last in reversed(row_ranges(gone)):
            self.beginRemoveRows(QModelIndex(), first, last)
            self._entries = self._entries[:first] + self._entries[last + 1 :]
            self._rows = {}
            self.endRemoveRows()
        old = {e.id: e for e in self._entries}
        self._append([e for e in gallery.entries if e.id not in old])
        self._gallery = original
        for entry in gallery.entries:
            before = old.get(entry.id)
            if before is not None and (before.image, before.image_status) != (
                entry.image,
                entry.image_status,
            ):
                self._forget_thumbnail(entry.id)
        self._reorder(gallery.entries)
        self._ids = {e.id for e in self._entries}
        if self._entries:
            self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1))

    def _same_rows(self, entries: tuple[Entry, ...]) -> bool:
        """Whether ``entries`` are the rows already shown, in the same order.

        The usual case when a scan ends: its batches were merged in date order
        as they came, so the finished gallery only renumbers them.
        """
        rows = self._entries
        return len(rows) == len(entries) and list(map(_ID, rows)) == list(map(_ID, entries))

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
        if self._entries:
            self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1))

    def _append(self, entries: list[Entry]) -> None:
        if not entries:
            return
        start = len(self._entries)
        self.beginInsertRows(QModelIndex(), start, start + len(entries) - 1)
        self._entries = (*self._entries, *entries)
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
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _forget_thumbnail(self, entry_id: str) -> None:
        self._book.forget(entry_id)

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
            return self._fetcher.pixmap(entry.id)
        if role == ThumbnailStateRole:
            return self._fetcher.thumbnail_state(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_html(entry)
        if role == FindingsRole:
            return self._findings.for_entry(entry.id) if self._findings is not None else ()
        return None

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- thumbnails (``thumbnail_fetch.ThumbnailFetcher`` does the work) ------
    def thumbnail_state(self, entry: Entry) -> ThumbnailState:
        return self._fetcher.thumbnail_state(entry)

    def request_thumbnails(self, rows: Iterable[int], edge: int) -> None:
        """Make sure ``rows`` get a thumbnail of at least ``edge`` device pixels.

        Views call this with the rows on screen plus a margin; nothing else
        starts a decode.  A cached thumbnail that is already big enough (or
        at most 10 % too small) is kept; a smaller one is replaced.
        """
        self._fetcher.request_thumbnails(rows, edge)

    def pending_count(self) -> int:
        """Thumbnails asked for and not yet delivered."""
        return self._fetcher.pending_count()
