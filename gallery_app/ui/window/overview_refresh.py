# SPDX-License-Identifier: GPL-3.0-or-later
"""Keep the filter bar's days and the timeline in step with the grid's rows, throttled.

Both summarise the whole gallery, and rebuilding them from 10,000 entries
takes tens of milliseconds.  Done for every scan batch, or in one go with the
model update when a scan ends, that work froze the window; done only at the
end, the timeline and date filter stayed empty through a long scan.

Flow: ``schedule()`` (rows came in, or a newer gallery arrived) starts a
single-shot timer unless one is running, so bursts fold into one rebuild at
most every ``interval_ms``.  When it fires, the filter bar is rebuilt from
the model's rows, and the timeline on the next turn of the event loop, so
the two costs never add up in one stall.  ``refresh_now()`` rebuilds both at
once, for a gallery that has just been opened and must look complete in its
first frame.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from gallery_app.core.models import Entry
from gallery_app.qt.models.photos import PhotoModel
from gallery_app.qt.throttle import Throttle
from gallery_app.ui.timeline.view import TimelineView
from gallery_app.ui.window.filter_bar import FilterBar

INTERVAL_MS = 250


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
        self._entries: tuple[Entry, ...] = ()

    def schedule(self) -> None:
        """The rows changed: rebuild within ``interval_ms`` (changes meanwhile fold in)."""
        if not self._next.pending():
            self._due.schedule()  # a rebuild already due takes these rows in

    def pending(self) -> bool:
        """Whether a rebuild is still to come."""
        return self._due.pending() or self._next.pending()

    def refresh_now(self) -> None:
        """Rebuild both at once (a gallery was just opened) and drop any rebuild due."""
        self._due.cancel()
        self._next.cancel()
        entries = self._model.entries()
        self._filter_bar.set_entries(entries)
        self._timeline.set_entries(entries)

    def _rebuild_filter_bar(self) -> None:
        self._entries = self._model.entries()
        self._filter_bar.set_entries(self._entries)
        self._next.schedule()

    def _rebuild_timeline(self) -> None:
        self._timeline.set_entries(self._entries)
        self._timeline.set_current(self._current())
        self._entries = ()
