# SPDX-License-Identifier: GPL-3.0-or-later
"""The photos the shared filter lets through, in gallery order.

Grid, filmstrip, photo navigation and the slideshow all read this proxy, and it
reads the one :class:`FilterState`; ``core.query.matches`` decides, the same
function ``gallery-cli list`` uses.  ``count_changed(shown, total)`` feeds the
status bar ("5 of 11 photos shown").

Text search folds every entry's caption, title, credit and place once and keeps
that per entry id (the same text ``core.query.searchable_text`` builds), so a
keystroke over 10,000 photos costs a substring test per row, not a re-fold.
Rows inserted or removed are counted at most twice per turn of the event loop.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Signal,
)

from gallery_app.core.gallery.query import (
    EntryFilter,
    fold,
    matches_area,
    matches_dates,
    matches_type,
    searchable_text,
)
from gallery_app.core.models import Entry
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.photos import EntryRole, PhotoModel, ThumbnailRole, ThumbnailStateRole
from gallery_app.qt.throttle import Throttle

_AnyIndex = QModelIndex | QPersistentModelIndex


class GalleryFilterProxy(QSortFilterProxyModel):
    """Filters a :class:`PhotoModel` by the shared :class:`FilterState`."""

    count_changed = Signal(int, int)  # shown, total

    def __init__(
        self, filter_state: FilterState, source: PhotoModel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._filter_state = filter_state
        self._filter: EntryFilter = filter_state.value
        self._words: list[str] = fold(self._filter.text).split()
        self._pass_all = self._filter.is_empty  # no filter: every row, at once (a reset asks all)
        self._haystacks: dict[str, str] = {}
        self._last_counts: tuple[int, int] | None = None
        self.setSourceModel(source)
        self.setDynamicSortFilter(False)  # rows keep gallery order; we re-filter on demand
        filter_state.changed.connect(self._on_filter_changed)
        source.modelAboutToBeReset.connect(self._haystacks.clear)
        source.dataChanged.connect(self._on_source_data_changed)
        source.modelReset.connect(self._emit_counts)
        # A scan slice inserts up to dozens of runs in one turn: the first change of a
        # turn is counted at once, the rest once after them.
        self._recount = Throttle(self._emit_counts, 0, self)
        for signal in (source.rowsInserted, source.rowsRemoved):
            signal.connect(self._on_rows_changed)
        self._emit_counts()

    def photo_model(self) -> PhotoModel:
        model = self.sourceModel()
        assert isinstance(model, PhotoModel)
        return model

    def filterAcceptsRow(self, source_row: int, source_parent: _AnyIndex) -> bool:
        if self._pass_all:
            return True
        entry = self.photo_model().entry(source_row)
        if entry is None or not matches_dates(entry, self._filter):
            return False
        if not matches_type(entry, self._filter):
            return False
        if not matches_area(entry, self._filter):
            return False
        if not self._words:
            return True
        haystack = self._haystacks.get(entry.id)
        if haystack is None:
            haystack = self._haystacks[entry.id] = searchable_text(entry)
        return all(word in haystack for word in self._words)

    # -- lookups ------------------------------------------------------------
    def entry(self, row: int) -> Entry | None:
        """The entry at proxy ``row`` (what the user sees as position row + 1)."""
        if not 0 <= row < self.rowCount():
            return None
        value = self.index(row, 0).data(EntryRole)
        return value if isinstance(value, Entry) else None

    def row_of(self, entry_id: str) -> int:
        """The proxy row of ``entry_id``, or -1 when it is filtered out or unknown."""
        source_row = self.photo_model().row_of(entry_id)
        if source_row < 0:
            return -1
        return self.mapFromSource(self.photo_model().index(source_row)).row()

    def visible_entries(self) -> list[Entry]:
        """The entries the filter shows, in gallery order."""
        model = self.photo_model()
        result = []
        for row in range(self.rowCount()):
            entry = model.entry(self.mapToSource(self.index(row, 0)).row())
            if entry is not None:
                result.append(entry)
        return result

    def counts(self) -> tuple[int, int]:
        """(shown, total), as last announced by ``count_changed``."""
        return self.rowCount(), self.photo_model().rowCount()

    # -- slots ----------------------------------------------------------------
    def _on_filter_changed(self, flt: EntryFilter) -> None:
        self._filter = flt
        self._words = fold(flt.text).split()
        self._pass_all = flt.is_empty
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self._emit_counts()

    def _on_source_data_changed(
        self, top: QModelIndex, bottom: QModelIndex, roles: list[int] | None = None
    ) -> None:
        if roles and set(roles) <= {ThumbnailRole, ThumbnailStateRole}:
            return  # a thumbnail arrived; the words are the same
        model = self.photo_model()
        if top.row() <= 0 and bottom.row() >= model.rowCount() - 1:
            self._haystacks.clear()  # every row: one clear beats 10,000 lookups
            return
        for row in range(top.row(), bottom.row() + 1):
            entry = model.entry(row)
            if entry is not None:
                self._haystacks.pop(entry.id, None)

    def _on_rows_changed(self) -> None:
        if not self._recount.pending():
            self._emit_counts()
        self._recount.schedule()

    def _emit_counts(self) -> None:
        counts = self.counts()
        if counts != self._last_counts:
            self._last_counts = counts
            self.count_changed.emit(*counts)
