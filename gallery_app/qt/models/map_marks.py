# SPDX-License-Identifier: GPL-3.0-or-later
"""The marks the map shows, kept in step with the gallery and the shared filter.

Flow: ``set_entries`` -> ``core.geo.marks.build_marks`` (reads captions and
the gazetteer, so always on a worker) -> on every date, text or file-type change of the
:class:`FilterState`, the marks of the entries it lets through ->
``core.geo.layer.build_layer`` -> ``layer_changed(MarkLayer)``.  Stepping
through the timeline's days therefore moves the marks.  The area part of the
filter does not rebuild anything: the map draws it over the same marks.
Results carry a generation number; a stale one (the gallery or the filter
moved on meanwhile) is dropped.  A layer comes with every cluster level
built (``core.geo.cluster``), off the GUI thread past ``SYNC_LIMIT`` marks,
so no work is left for the moment the hand pans or zooms.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal

from gallery_app.core.gallery.query import EntryFilter, matches_dates, matches_text, matches_type
from gallery_app.core.geo.layer import MarkLayer, build_layer
from gallery_app.core.geo.marks import Mark, build_marks
from gallery_app.core.models import Entry
from gallery_app.qt.loading import heap
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.workers import run_task

log = logging.getLogger(__name__)

SYNC_LIMIT = 5_000  # below this, work is quicker than a round trip to a worker


class MapMarks(QObject):
    layer_changed = Signal(object)  # MarkLayer

    def __init__(
        self, filter_state: FilterState, pool: QThreadPool, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._filter_state = filter_state
        self._pool = pool
        self._entries: dict[str, Entry] = {}
        self._marks: list[Mark] = []
        self._by_id: dict[str, Mark] = {}
        self._layer = MarkLayer()
        self._generation = 0
        self._ready = True
        self._dates_text = _without_area(filter_state.value)
        self._active = True
        self._behind = False  # the filter moved while the map was hidden
        # The relays under way, by ticket (run_task's relays belong to Qt and go by
        # themselves once delivered; keeping them here only names what is pending).
        self._relays: dict[int, QObject] = {}
        self._relay_ids = itertools.count()
        filter_state.changed.connect(self._on_filter_changed)

    @property
    def pool(self) -> QThreadPool:
        """The pool the map's background work runs on."""
        return self._pool

    @property
    def layer(self) -> MarkLayer:
        return self._layer

    def entry(self, entry_id: str) -> Entry | None:
        return self._entries.get(entry_id)

    def mark(self, entry_id: str) -> Mark | None:
        return self._by_id.get(entry_id)

    @property
    def ready(self) -> bool:
        """True once the marks of the last gallery given are placed."""
        return self._ready

    def set_active(self, active: bool) -> None:
        """Follow the filter only while the map is shown: a hidden map's marks are brought
        up to date when it is shown again, so stepping through days elsewhere costs nothing."""
        self._active = active
        if active and self._behind:
            self._behind = False
            self._rebuild()

    def set_entries(self, entries: Sequence[Entry]) -> None:
        """Place ``entries`` on a worker (reading captions and the gazetteer takes seconds)."""
        self._generation += 1
        self._ready = False
        self._entries = {e.id: e for e in entries}
        items, generation = list(entries), self._generation
        self._start(lambda: (generation, build_marks(items)), self._on_marks)

    def set_marks(self, entries: Sequence[Entry], marks: Sequence[Mark]) -> None:
        """Entries with marks made elsewhere (the benchmark, tests)."""
        self._generation += 1
        self._entries = {e.id: e for e in entries}
        self._on_marks((self._generation, list(marks)))

    # -- internals --------------------------------------------------------------
    def _run(self, func: Callable[[], Any], on_done: Callable[[Any], None], size: int) -> None:
        generation = self._generation
        if size <= SYNC_LIMIT:
            on_done((generation, func()))
            return
        self._start(lambda: (generation, func()), on_done)

    def _start(self, func: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        ident = next(self._relay_ids)

        def finished(result: object) -> None:
            self._relays.pop(ident, None)
            if shiboken6.isValid(self):  # not when the map closed meanwhile
                on_done(result)

        def failed(message: str) -> None:
            self._relays.pop(ident, None)
            log.warning("The map could not place the photos: %s", message)

        self._relays[ident] = run_task(self._pool, func, finished, failed)

    def _on_marks(self, result: tuple[int, list[Mark]]) -> None:
        generation, marks = result
        if generation != self._generation:
            return
        self._marks = marks
        self._by_id = {m.entry_id: m for m in marks}
        self._behind = False
        self._rebuild()

    def _on_filter_changed(self, flt: EntryFilter) -> None:
        dates_text = _without_area(flt)
        if dates_text != self._dates_text:
            self._dates_text = dates_text
            self._generation += 1
            if self._active:
                self._rebuild()
            else:
                self._behind = True

    def _rebuild(self) -> None:
        flt, entries, marks = self._dates_text, self._entries, self._marks

        def shown() -> MarkLayer:
            keep = [m for m in marks if _passes(entries.get(m.entry_id), flt)]
            return build_layer(keep)

        self._run(shown, self._on_layer, len(marks))

    def _on_layer(self, result: tuple[int, MarkLayer]) -> None:
        generation, layer = result
        if generation != self._generation:
            return
        self._layer = layer
        self._ready = True
        heap.settle()  # 100,000 marks are long-lived: keep the collector from re-walking them
        self.layer_changed.emit(layer)


def _without_area(flt: EntryFilter) -> EntryFilter:
    return replace(flt, area=None)


def _passes(entry: Entry | None, flt: EntryFilter) -> bool:
    if entry is None:
        return False
    return flt.is_empty or (
        matches_type(entry, flt) and matches_dates(entry, flt) and matches_text(entry, flt.text)
    )
