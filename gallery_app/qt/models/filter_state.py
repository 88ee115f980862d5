# SPDX-License-Identifier: GPL-3.0-or-later
"""The one filter the whole window shares.

The timeline, the date pickers, the search field and the command line all set
this object; the filter proxy, the status bar, photo navigation and the
slideshow all read it.  That is how a filter set in one place shows the same
photos everywhere.  The file-type switch is a standing choice, not a search:
:meth:`clear` (a different gallery opens) keeps it, and the state
(given the settings) keeps it there from one session to the next.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from gallery_app.core.gallery.file_types import FileType, hidden_text, parse_hidden
from gallery_app.core.gallery.query import EntryFilter
from gallery_app.core.geo.area import GeoArea
from gallery_app.qt.settings import Settings


class FilterState(QObject):
    """Holds an immutable :class:`EntryFilter`; emits ``changed`` on every change."""

    changed = Signal(object)  # the new EntryFilter

    def __init__(self, parent: QObject | None = None, *, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self._filter = EntryFilter()
        if settings is not None:
            _remember_file_types(self, settings)

    @property
    def value(self) -> EntryFilter:
        return self._filter

    def set_filter(self, flt: EntryFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.changed.emit(flt)

    def set_date_range(self, date_from: dt.date | None, date_to: dt.date | None) -> None:
        if date_from and date_to and date_from > date_to:
            date_from, date_to = date_to, date_from
        self.set_filter(replace(self._filter, date_from=date_from, date_to=date_to))

    def clear_dates(self) -> None:
        self.set_date_range(None, None)

    def set_include_undated(self, include: bool) -> None:
        self.set_filter(replace(self._filter, include_undated=include))

    def set_text(self, text: str) -> None:
        self.set_filter(replace(self._filter, text=text))

    def set_area(self, area: GeoArea | None) -> None:
        """The map's dragged rectangle; ``None`` clears it."""
        self.set_filter(replace(self._filter, area=area))

    def set_hidden_types(self, hidden: frozenset[FileType]) -> None:
        """The file types the file-type switch hides (empty: all files)."""
        self.set_filter(replace(self._filter, hidden_types=frozenset(hidden)))

    def clear(self) -> None:
        """Dates, search and area cleared; the file-type choice stays."""
        self.set_filter(EntryFilter(hidden_types=self._filter.hidden_types))

    def clear_all(self) -> None:
        """Everything cleared, file types too (a photo asked for must show)."""
        self.set_filter(EntryFilter())


def _remember_file_types(state: FilterState, settings: Settings) -> None:
    """Start ``state`` with the file types hidden last time, and save each change."""
    state.set_hidden_types(parse_hidden(settings.hidden_file_types))

    def save(flt: EntryFilter) -> None:
        text = hidden_text(flt.hidden_types)
        if text != settings.hidden_file_types:
            settings.hidden_file_types = text

    state.changed.connect(save)
