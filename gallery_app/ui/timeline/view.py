# SPDX-License-Identifier: GPL-3.0-or-later
"""A strip of bars, one per hour, day, month or year of the gallery's span.

The strip reads and writes the shared :class:`FilterState`: a click on a bar
sets the date range to that bar's days, a drag sets a range, a second click
(or Esc) clears it.  Its own highlight is drawn from the filter, never from a
private copy, so a date set in the filter bar or on the command line shows
here too.  Empty buckets are drawn (with a "0") so a gap in the coverage is
visible; undated photos have their own bar at the end, which toggles whether
they are shown while a date range is set.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QLocale, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QToolTip, QWidget

from gallery_app.core.gallery.query import EntryFilter
from gallery_app.core.gallery.timeline import Bucket, Timeline, TimeUnit, build_timeline
from gallery_app.core.models import Entry
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.ui.timeline.paint import (
    Slot,
    TimelineColours,
    bar_area,
    label_left,
    label_width,
    labels_that_fit,
    paint_slot,
    slot_rect,
)
from gallery_app.ui.timeline.search import NOWHERE, UNDATED, SearchCounts
from gallery_app.ui.timeline.text import (
    as_tooltip,
    bucket_tooltip,
    corrected_dates,
    describe_timeline,
    label_lines,
    undated_tooltip,
)

log = logging.getLogger(__name__)


class TimelineView(QWidget):
    """Bars per bucket; click, drag, keys and Esc set the shared date filter."""

    def __init__(self, filter_state: FilterState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filter_state = filter_state
        self._entries: list[Entry] = []
        self._search = SearchCounts()  # per bar, while a search is typed
        self._timeline = Timeline(TimeUnit.DAY, (), 0)
        self._current: int | None = None  # bucket of the current photo (UNDATED for undated)
        self._cursor = 0  # keyboard focus
        self._anchor: int | None = None  # start of a drag or a Shift+arrow range
        self._drag_to: int | None = None
        self._locale = QLocale()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumHeight(96)
        self.setAccessibleName("Timeline")
        self.setToolTip("")  # tooltips are per bar, see event()
        filter_state.changed.connect(self._on_filter_changed)
        self._update_description()

    # -- public API -----------------------------------------------------------

    def set_entries(self, entries: Sequence[Entry], timeline: Timeline | None = None) -> None:
        """Show the span of ``entries`` (the whole gallery, not only what is filtered).

        ``timeline``: their bars, when the caller counted them already (a scan's tally)."""
        self._entries = list(entries)
        self._timeline = timeline if timeline is not None else build_timeline(self._entries)
        self._search.reset(self._entries, self._timeline)
        self._cursor = self._first_selected() or 0
        self._current = None
        self._recount_text(self._filter_state.value)
        self._update_description()
        self.update()

    def set_current(self, entry: Entry | None) -> None:
        """Mark the bar of the photo being looked at."""
        if entry is None:
            self._current = None
        elif entry.taken is None:
            self._current = UNDATED
        else:
            self._current = self._timeline.index_of(entry.taken.value)
        self.update()

    def timeline(self) -> Timeline:
        return self._timeline

    def current_index(self) -> int | None:
        return self._current

    def bar_count(self) -> int:
        """Bars drawn: the buckets, plus one for undated photos if there are any."""
        return len(self._timeline.buckets) + (1 if self._timeline.undated else 0)

    def bar_rect(self, index: int) -> QRect:
        """Where bar ``index`` (or :data:`UNDATED`) is drawn: its whole column."""
        slot = self._slot_rect(index)
        return slot.toAlignedRect() if slot is not None else QRect()

    def bar_label(self, index: int) -> str:
        """The label under a bar, as one line ("Mon 30 Mar")."""
        if index == UNDATED:
            return "Undated"
        return " ".join(p for p in self._label_lines(self._timeline.buckets[index]) if p)

    def search_counts(self) -> list[int] | None:
        """Per bar, the photos matching the typed search (None: no search)."""
        return self._search.per_bar

    def selected_indices(self) -> list[int]:
        return [i for i, b in enumerate(self._timeline.buckets) if self._is_selected(b)]

    def sizeHint(self) -> QSize:
        return QSize(480, 112)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 96)

    # -- filter ---------------------------------------------------------------

    def _on_filter_changed(self, flt: EntryFilter) -> None:
        self._recount_text(flt)
        self._update_description()
        self.update()

    def _recount_text(self, flt: EntryFilter) -> None:
        """How many photos of each bar match the search text and file types (None: all)."""
        self._search.recount(flt)

    def _is_selected(self, bucket: Bucket) -> bool:
        flt = self._filter_state.value
        if not flt.has_date_range:
            return False
        if flt.date_from is not None and bucket.last_day() < flt.date_from:
            return False
        return not (flt.date_to is not None and bucket.first_day() > flt.date_to)

    def _undated_shown(self) -> bool:
        flt = self._filter_state.value
        return not flt.has_date_range or flt.include_undated

    def _first_selected(self) -> int | None:
        selected = self.selected_indices()
        return selected[0] if selected else None

    def _select(self, first: int, last: int) -> None:
        lo, hi = sorted((first, last))
        buckets = self._timeline.buckets
        self._filter_state.set_date_range(buckets[lo].first_day(), buckets[hi].last_day())

    def _click(self, index: int) -> None:
        """A click on one bar: show it, or clear when it is already what is shown."""
        if index == UNDATED:
            self._filter_state.set_include_undated(not self._filter_state.value.include_undated)
            return
        bucket = self._timeline.buckets[index]
        flt = self._filter_state.value
        if (flt.date_from, flt.date_to) == (bucket.first_day(), bucket.last_day()):
            self._filter_state.clear_dates()
        else:
            self._select(index, index)

    # -- geometry -------------------------------------------------------------

    def _slot_rect(self, index: int) -> QRectF | None:
        return slot_rect(
            self.rect(), len(self._timeline.buckets), bool(self._timeline.undated), index
        )

    def _index_at(self, pos: QPoint) -> int:
        candidates: list[int] = [*range(len(self._timeline.buckets)), UNDATED]
        for index in candidates:
            slot = self._slot_rect(index)
            # The whole column counts, also above a short strip's bars.
            if slot is not None and slot.left() <= pos.x() < slot.right():
                return int(index)
        return NOWHERE

    # -- text -----------------------------------------------------------------

    def _label_lines(self, bucket: Bucket) -> tuple[str, str]:
        return label_lines(bucket, self._timeline.unit, self._locale)

    def _tooltip(self, index: int) -> str:
        if index == UNDATED:
            return undated_tooltip(self._timeline.undated, shown=self._undated_shown())
        bucket, unit = self._timeline.buckets[index], self._timeline.unit
        text = bucket_tooltip(bucket, unit, self._locale, selected=self._is_selected(bucket))
        return text + corrected_dates(self._entries, bucket)

    def _update_description(self) -> None:
        shown = [self.bar_label(i) for i in self.selected_indices()]
        text = describe_timeline(self._timeline, self._locale, shown, self._cursor)
        self.setAccessibleDescription(text)

    # -- painting -------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        buckets = self._timeline.buckets
        if not buckets and not self._timeline.undated:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No dated photos")
            return
        colours = TimelineColours.from_palette(pal)
        font = self.font()
        peak = max([b.count for b in buckets] + [self._timeline.undated, 1])
        shown_labels = self._labels_shown(font)
        preview = self._drag_preview()
        for index, bucket in enumerate(buckets):
            selected = self._is_selected(bucket) if preview is None else index in preview
            matched = None if self._search.per_bar is None else self._search.per_bar[index]
            lines = self._label_lines(bucket) if shown_labels[index] else ("", "")
            self._paint_slot(painter, index, peak, colours, bucket.count, matched, selected, lines)
        if self._timeline.undated:
            matched = None if self._search.per_bar is None else self._search.undated
            selected = self._filter_state.value.has_date_range and self._undated_shown()
            self._paint_slot(
                painter,
                UNDATED,
                peak,
                colours,
                self._timeline.undated,
                matched,
                selected,
                ("Undated", ""),
                dimmed=not self._undated_shown(),
            )

    def _paint_slot(
        self,
        painter: QPainter,
        index: int,
        peak: int,
        colours: TimelineColours,
        count: int,
        matched: int | None,
        selected: bool,
        lines: tuple[str, str],
        *,
        dimmed: bool = False,
    ) -> None:
        slot = self._slot_rect(index)
        if slot is None:
            return
        info = Slot(
            count=count,
            matched=matched,
            selected=selected,
            current=index == self._current,
            focused=self.hasFocus() and index == self._cursor,
            lines=lines,
            dimmed=dimmed,
        )
        area = bar_area(slot, self.font())
        paint_slot(painter, slot, area, peak, info, colours, self.font(), self.width())

    def _labels_shown(self, font: QFont) -> list[bool]:
        """Which day labels fit without touching each other or "Undated"."""
        buckets = self._timeline.buckets
        slots = [self._slot_rect(i) for i in range(len(buckets))]
        centres = [s.center().x() for s in slots if s is not None]
        widths = [label_width(self._label_lines(b), font) for b in buckets]
        reserved = None
        undated = self._slot_rect(UNDATED)
        if undated is not None:
            width = label_width(("Undated", ""), font)
            left = label_left(undated.center().x(), width, self.width())
            reserved = (left, left + width)
        return labels_that_fit(centres, widths, reserved, self.width())

    def _drag_preview(self) -> set[int] | None:
        if self._anchor is None or self._drag_to is None or self._drag_to < 0:
            return None
        lo, hi = sorted((self._anchor, self._drag_to))
        return set(range(lo, hi + 1))

    # -- events ---------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if (  # Esc clears a selection here before the window's Esc (leave full screen)
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self._filter_state.value.has_date_range
        ):
            event.accept()
            return True
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._index_at(event.pos())
            if index == NOWHERE:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), as_tooltip(self._tooltip(index)), self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        index = self._index_at(event.position().toPoint())
        self._anchor = index if index >= 0 else None
        self._drag_to = self._anchor
        if index >= 0:
            self._cursor = index
        elif index == UNDATED:
            self._click(UNDATED)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._anchor is not None and event.buttons() & Qt.MouseButton.LeftButton:
            index = self._index_at(event.position().toPoint())
            if index >= 0 and index != self._drag_to:
                self._drag_to = index
                self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        anchor, target = self._anchor, self._drag_to
        self._anchor = self._drag_to = None
        if (
            event.button() == Qt.MouseButton.LeftButton
            and anchor is not None
            and target is not None
        ):
            if anchor == target:
                self._click(anchor)
            else:
                self._select(anchor, target)
        self._update_description()
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        n = len(self._timeline.buckets)
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Escape and self._filter_state.value.has_date_range:
            self._filter_state.clear_dates()
        elif n and key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End):
            if shift and self._anchor is None:
                self._anchor = self._cursor
            moves = {
                Qt.Key.Key_Left: self._cursor - 1,
                Qt.Key.Key_Right: self._cursor + 1,
                Qt.Key.Key_Home: 0,
                Qt.Key.Key_End: n - 1,
            }
            self._cursor = max(0, min(n - 1, moves[Qt.Key(key)]))
            if shift and self._anchor is not None:
                self._select(self._anchor, self._cursor)
            else:
                self._anchor = None
        elif n and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self._anchor = None
            self._click(self._cursor)
        elif key == Qt.Key.Key_U and self._timeline.undated:
            self._click(UNDATED)
        else:
            super().keyPressEvent(event)
            return
        self._update_description()
        self.update()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Shift:
            self._anchor = None
        super().keyReleaseEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._update_description()
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._anchor = None
        self.update()
        super().focusOutEvent(event)
