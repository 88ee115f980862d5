# SPDX-License-Identifier: GPL-3.0-or-later
"""Keep the filter bar's days and the timeline in step with the grid's rows, throttled.

Both summarise the whole gallery.  Counting 10,000 entries again for every
scan batch froze the window; doing it only at the end left the timeline and
date filter empty through a long scan.

Flow: the counts behind both (``core.gallery.timeline.TimelineTally``: photos
per hour and per day) follow the model's rows — rows inserted (a scan's
slice) are added as they come, at a cost per new row.  Any other change of
the entries (rows removed, a newer version of the gallery, a linked photo)
starts a count of all rows over again, ``COUNT_SLICE`` of them per turn of
the event loop, so no turn walks the whole gallery.  ``schedule()`` (rows
came in, or a newer gallery arrived) starts a single-shot timer unless one
is running, so bursts fold into one rebuild at most every ``interval_ms``;
when it fires, the filter bar is rebuilt from the counts (a cost per day),
and the timeline on the next turn (a cost per bar), so the two never add up
in one stall.  ``refresh_now()`` counts every row and rebuilds both at once,
for a gallery that has just been opened and must look complete in its first
frame.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QObject

from gallery_app.core.gallery.timeline import TimelineTally
from gallery_app.core.models import Entry
from gallery_app.qt.models.photos import EntryRole, PhotoModel
from gallery_app.qt.throttle import Throttle
from gallery_app.ui.timeline.view import TimelineView
from gallery_app.ui.window.filter_bar import FilterBar

INTERVAL_MS = 250
COUNT_SLICE = 2000  # entries counted per turn when every row must be counted again


class OverviewRefresher(QObject):
    """Rebuilds ``filter_bar`` and ``timeline`` from the rows, at most every ``interval_ms``.

    ``current()`` gives the entry the timeline marks after a rebuild (the
    grid's current one), since a rebuilt timeline starts unmarked.
    """

    def __init__(
        self,
        model: PhotoModel,
        filter_bar: FilterBar,
        timeline: TimelineView,
        current: Callable[[], Entry | None],
        parent: QObject | None = None,
        *,
        interval_ms: int = INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._model, self._filter_bar, self._timeline = model, filter_bar, timeline
        self._current = current
        self._due = Throttle(self._rebuild_filter_bar, interval_ms, self)
        self._next = Throttle(self._rebuild_timeline, 0, self)
        self._tally: TimelineTally | None = None  # the counts of the rows; None: being counted
        self._count: tuple[Sequence[Entry], TimelineTally] = ((), TimelineTally())
        self._counting = Throttle(self._count_slice, 0, self)
        model.rowsInserted.connect(self._on_rows_inserted)
        model.rowsRemoved.connect(self._count_again)
        model.modelReset.connect(self._count_again)
        model.dataChanged.connect(self._on_data_changed)

    def schedule(self) -> None:
        """The rows changed: rebuild within ``interval_ms`` (changes meanwhile fold in)."""
        if not self._next.pending():
            self._due.schedule()  # a rebuild already due takes these rows in

    def pending(self) -> bool:
        """Whether a rebuild is still to come."""
        return self._due.pending() or self._next.pending() or self._tally is None

    def refresh_now(self) -> None:
        """Count every row and rebuild both at once (a gallery was just opened)."""
        self._due.cancel()
        self._next.cancel()
        self._counting.cancel()
        entries = self._model.entries()
        self._tally = TimelineTally()
        self._tally.add(entries)
        self._filter_bar.set_entries(entries, self._tally.day_counts())
        self._timeline.set_entries(entries, self._tally.timeline())

    # -- the counts -------------------------------------------------------------
    def _on_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        if self._tally is None:
            self._count_again()  # a count under way: start it over with these rows
        else:
            self._tally.add(self._model.entries()[first : last + 1])

    def _on_data_changed(
        self, _top: QModelIndex, _bottom: QModelIndex, roles: Sequence[int] = ()
    ) -> None:
        if not roles or EntryRole in roles:  # thumbnails and badges change no date
            self._count_again()

    def _count_again(self, *_args: object) -> None:
        self._tally = None
        self._count = (self._model.entries(), TimelineTally())
        self._counting.schedule()

    def _count_slice(self) -> None:
        entries, tally = self._count
        tally.add(entries[tally.size : tally.size + COUNT_SLICE])
        if tally.size < len(entries):
            self._counting.schedule()
            return
        self._tally = tally
        self.schedule()

    # -- the rebuilds -----------------------------------------------------------
    def _rebuild_filter_bar(self) -> None:
        if self._tally is None:
            return  # the count under way schedules the rebuild when it ends
        self._filter_bar.set_entries(self._model.entries(), self._tally.day_counts())
        self._next.schedule()

    def _rebuild_timeline(self) -> None:
        if self._tally is None:
            return
        self._timeline.set_entries(self._model.entries(), self._tally.timeline())
        self._timeline.set_current(self._current())
