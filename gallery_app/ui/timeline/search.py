# SPDX-License-Identifier: GPL-3.0-or-later
"""How many photos of each timeline bar the search text and the file-type switch let through.

The folded search text, file type and bar of each entry are worked out once
per gallery (on the first search), so a keystroke in the search field only
does substring tests: 10,000 photos take a few milliseconds.
"""

from __future__ import annotations

import bisect
import datetime as dt

from gallery_app.core.gallery.file_types import FileType, file_type
from gallery_app.core.gallery.query import EntryFilter, fold, searchable_text
from gallery_app.core.gallery.timeline import Timeline
from gallery_app.core.models import Entry

UNDATED = -2  # the undated bar
NOWHERE = -1  # outside every bar


class SearchCounts:
    """Per-bar counts of the entries matching a search and the file types shown;
    ``None`` when there is no search and no type is hidden."""

    def __init__(self) -> None:
        self._entries: list[Entry] = []
        self._timeline: Timeline | None = None
        self._haystacks: list[tuple[str, FileType, int]] = []
        self.per_bar: list[int] | None = None
        self.undated = 0

    def reset(self, entries: list[Entry], timeline: Timeline) -> None:
        self._entries = entries
        self._timeline = timeline
        self._haystacks = []  # built on the first search, not for every gallery opened

    def recount(self, flt: EntryFilter) -> None:
        hidden = flt.hidden_types
        if (not flt.text.strip() and not hidden) or self._timeline is None:
            self.per_bar = None
            return
        counts = [0] * len(self._timeline.buckets)
        undated = 0
        words = fold(flt.text).split()
        if len(self._haystacks) != len(self._entries):
            starts = [b.start for b in self._timeline.buckets]
            self._haystacks = [
                (searchable_text(e), file_type(e), self._bar_of(e, starts)) for e in self._entries
            ]
        for haystack, kind, bar in self._haystacks:
            if kind in hidden or not all(word in haystack for word in words):
                continue
            if bar == UNDATED:
                undated += 1
            elif bar >= 0:
                counts[bar] += 1
        self.per_bar = counts
        self.undated = undated

    def _bar_of(self, entry: Entry, starts: list[dt.datetime]) -> int:
        """The bar ``entry`` counts in; a bisection, as galleries can be large."""
        if entry.taken is None:
            return UNDATED
        assert self._timeline is not None
        index = bisect.bisect_right(starts, entry.taken.value) - 1
        buckets = self._timeline.buckets
        if 0 <= index < len(buckets) and entry.taken.value < buckets[index].end:
            return index
        return NOWHERE
