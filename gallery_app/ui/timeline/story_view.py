# SPDX-License-Identifier: GPL-3.0-or-later
"""The story timeline: photos as cards on a zoomable, scrollable time axis.

Data flow: :meth:`StoryView.set_entries` hands the entries (and article) to
``core.story.build.build_story`` — on the worker pool when there are many —
and keeps the :class:`Story`.  Each paint asks ``story_layout`` for the frame
in view (cards in lanes, or counted columns; by bisection on sorted times) and
``story_paint`` draws it, with thumbnails from the shared photo model for the
cards on screen only.  Input lives in ``story_input``; the shared
:class:`FilterState` is the date filter a drag sets, drawn as a band.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from gallery_app.core.gallery.badges import has_badge
from gallery_app.core.models import Article, Entry
from gallery_app.core.story.axis import DAY, AxisScale
from gallery_app.core.story.build import Story, build_story
from gallery_app.core.story.headline import headline
from gallery_app.qt.loading.heap import settle
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.photos import PhotoModel, ThumbnailRole
from gallery_app.qt.workers import run_task
from gallery_app.ui.timeline import story_paint as paint
from gallery_app.ui.timeline.story_input import StoryInput
from gallery_app.ui.timeline.story_layout import (
    CARD_H,
    CARD_W,
    LANE_GAP,
    MAX_CARDS,
    Frame,
    filter_span,
    layout_frame,
)
from gallery_app.ui.timeline.story_text import (
    card_credit,
    describe_story,
    event_label,
    seconds_of_day,
    span_label,
    when_text,
)

log = logging.getLogger(__name__)

TRAY_W = 168.0
EVENT_H = 30.0
AXIS_H = 50.0
BREAK_PX = 30.0
#: More entries than this are laid out on the worker pool.
BACKGROUND_FROM = 3000


class StoryView(StoryInput, QWidget):
    """Cards on a time axis; ←/→ walk in time order, a drag sets the date filter."""

    current_changed = Signal(object)  # Entry | None, on the user's walk or click
    open_requested = Signal(object)  # Entry
    view_changed = Signal()  # zoom or scroll: the page's heading follows
    story_ready = Signal()

    def __init__(
        self,
        filter_state: FilterState,
        pool: QThreadPool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._filter_state = filter_state
        self._pool = pool  # none: every layout on the GUI thread (tests, small tools)
        self._story = build_story(())
        self._generation = 0
        self._pending = False
        self._model: PhotoModel | None = None
        self._pps = 1.0 / DAY
        self._left = 0.0
        self._scale = AxisScale(self._story.axis, self._pps, BREAK_PX)
        self._current = -1  # index into story.walk
        self._frame: Frame | None = None
        self._asked: set[str] = set()
        self._tray_start = 0
        self._fitted = True
        self._relays: dict[int, object] = {}
        self._texts: dict[str, paint.CardText] = {}  # per entry id, for this story
        self._wrapped: dict[str, list[str]] = {}  # a headline's lines on a card
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(100, 120)
        self.setAccessibleName("Story timeline")
        filter_state.changed.connect(self.update)
        self._init_input()

    # -- contents ---------------------------------------------------------------
    def use_pool(self, pool: QThreadPool) -> None:
        """Lay big galleries out on ``pool`` (the app's work pool)."""
        self._pool = pool

    def set_thumbnail_source(self, model: PhotoModel) -> None:
        self._model = model
        model.dataChanged.connect(self._on_thumbnails_changed)
        model.modelReset.connect(self._asked.clear)

    def set_entries(self, entries: Sequence[Entry], article: Article | None = None) -> None:
        """Lay out ``entries``; keeps the current photo when it is still there."""
        self._generation += 1
        generation = self._generation
        snapshot = tuple(entries)
        if len(snapshot) < BACKGROUND_FROM or self._pool is None:
            self._take_story(generation, build_story(snapshot, article))
            return
        self._pending = True
        self.update()
        # Keep the relay referenced until it fires; a parented relay crashed
        # PySide6 when its parent was deleted after the relay's deleteLater.
        self._relays[generation] = run_task(
            self._pool,
            lambda: _settled_story(snapshot, article),
            lambda story: self._take_story(generation, story),
            lambda message: self._on_failed(generation, message),
        )

    def _on_failed(self, generation: int, message: str) -> None:
        self._relays.pop(generation, None)
        log.warning("story timeline: the layout failed: %s", message)
        if generation == self._generation:
            self._pending = False
            self.update()

    def _take_story(self, generation: int, story: Story) -> None:
        self._relays.pop(generation, None)
        if generation != self._generation:
            return  # a newer gallery came in meanwhile
        keep = self.current_entry()
        self._story = story
        self._texts.clear()
        self._wrapped.clear()
        self._pending = False
        self._asked.clear()
        self._current = story.index_of(keep.id) if keep is not None else -1
        self.fit_all()
        self._update_description()
        self.story_ready.emit()

    def story(self) -> Story:
        return self._story

    def is_pending(self) -> bool:
        return self._pending

    def current_entry(self) -> Entry | None:
        walk = self._story.walk
        return walk[self._current] if 0 <= self._current < len(walk) else None

    def set_current(self, entry: Entry | None) -> None:
        """Follow the window's current photo (no signal; scrolls it into view)."""
        index = self._story.index_of(entry.id) if entry is not None else -1
        if index != self._current:
            self._current = index
            self.ensure_current_visible()
            self.update()

    def _select(self, index: int) -> None:
        walk = self._story.walk
        if not walk:
            return
        index = max(0, min(len(walk) - 1, index))
        if index == self._current:
            return
        self._current = index
        self.ensure_current_visible()
        self.update()
        self.current_changed.emit(walk[index])

    # -- geometry -----------------------------------------------------------
    def tray_rect(self) -> QRectF:
        width = TRAY_W if self._story.undated else 0.0
        return QRectF(0, 0, width, self.height())

    def plot_rect(self) -> QRectF:
        tray = self.tray_rect().width()
        left = tray + 12 if tray else 12.0
        return QRectF(left, 0, max(40.0, self.width() - left - 12), self.height())

    def axis_y(self) -> float:
        return self.height() - AXIS_H

    def lane_count(self) -> int:
        room = self.axis_y() - 10 - (EVENT_H + 6)
        return max(1, int(room // (CARD_H + LANE_GAP)))

    def _to_view(self, x: float) -> float:
        return x - self._left + self.plot_rect().left()

    def _card_rect(self, x: float, lane: int) -> QRectF:
        top = EVENT_H + 6 + lane * (CARD_H + LANE_GAP)
        return QRectF(self._to_view(x) + 2, top, CARD_W - 4, CARD_H)

    def frame(self) -> Frame:
        """The layout in view now (cards or columns)."""
        if self._frame is None:
            plot = self.plot_rect()
            self._frame = layout_frame(
                self._story, self._scale, self._left, plot.width(), self.lane_count()
            )
        return self._frame

    def card_rect(self, entry_id: str) -> QRectF | None:
        """Where the card of ``entry_id`` is drawn, if it is on screen now."""
        for place in self.frame().cards:
            if self._story.items[place.index].entry.id == entry_id:
                return self._card_rect(place.x, place.lane)
        return None

    def visible_span(self) -> tuple[float, float]:
        plot = self.plot_rect()
        return self._scale.t_of(self._left), self._scale.t_of(self._left + plot.width())

    def pixels_per_day(self) -> float:
        return self._pps * DAY

    def _set_view(self, pps: float, left: float) -> None:
        plot = self.plot_rect()
        most = plot.width() / 1800.0  # half an hour across the view at the closest
        least = 0.25 * plot.width() / max(self._story.axis.shown_seconds, 3600.0)
        self._pps = max(least, min(most, pps))
        self._scale = AxisScale(self._story.axis, self._pps, BREAK_PX)
        slack = plot.width() * 0.5
        self._left = max(-slack, min(self._scale.width - slack, left))
        self._frame = None
        self.update()
        self._update_description()
        self.view_changed.emit()

    def sizeHint(self) -> QSize:
        return QSize(960, 520)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:  # "fit all" stays fitted as the window changes size
            self.fit_all()
        else:
            self._set_view(self._pps, self._left)

    def _update_description(self) -> None:
        self.setAccessibleDescription(describe_story(self._story, *self.visible_span()))

    # -- painting -------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        colours = paint.StoryColours.of(self.palette())
        painter.fillRect(self.rect(), colours.base)
        if self._pending:
            painter.setPen(colours.muted)
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), "Laying out…")
            return
        plot = self.plot_rect()
        painter.setClipRect(plot)
        self._paint_filter_band(painter, plot, colours)
        paint.axis_ticks(painter, self._scale, self._left, plot, self.axis_y(), colours)
        self._paint_events(painter, plot, colours)
        frame = self.frame()
        if frame.shows_cards:
            self._paint_cards(painter, frame, colours)
        else:
            self._paint_columns(painter, frame, colours)
        band = self.drag_band()
        if band is not None:
            tint = QColor(colours.accent)
            tint.setAlphaF(0.22)
            painter.fillRect(QRectF(band[0], 0, band[1] - band[0], self.axis_y()), tint)
        painter.setClipping(False)
        self._paint_tray(painter, colours)
        self._ask_thumbnails(frame)

    def _paint_filter_band(
        self, painter: QPainter, plot: QRectF, colours: paint.StoryColours
    ) -> None:
        span = filter_span(self._filter_state.value, self._story.axis)
        if span is None:
            return
        x0, x1 = (self._to_view(self._scale.x_of(t)) for t in span)
        painter.fillRect(QRectF(x0, plot.top(), x1 - x0, self.axis_y()), colours.band)

    def _paint_events(self, painter: QPainter, plot: QRectF, colours: paint.StoryColours) -> None:
        xs = [self._to_view(self._scale.x_of(seconds_of_day(e.day))) for e in self._story.events]
        for i, event in enumerate(self._story.events):
            x0 = xs[i]
            x1 = self._to_view(self._scale.x_of(seconds_of_day(event.day) + DAY))
            mid = (x0 + x1) / 2  # the label starts at the middle of its day
            room = (xs[i + 1] if i + 1 < len(xs) else plot.right()) - mid
            if x1 < plot.left() or x0 > plot.right():
                continue
            paint.event_marker(
                painter, x0, x1, 4, self.axis_y(), event_label(event), min(room, 640), colours
            )

    def _paint_cards(self, painter: QPainter, frame: Frame, colours: paint.StoryColours) -> None:
        current = self.current_entry()
        for place in frame.cards:
            item = self._story.items[place.index]
            rect = self._card_rect(place.x, place.lane)
            if item.span.reason or item.span.conflicting:
                band = rect.adjusted(0, 6, 0, -6)
                x0, x1 = self._to_view(place.x0), self._to_view(place.x1)
                label = span_label(item.span)
                paint.span_band(painter, x0, x1, band, item.span.conflicting, colours, label)
        for place in frame.cards:
            item = self._story.items[place.index]
            entry = item.entry
            text = self._texts.get(entry.id)
            if text is None:
                text = self._texts[entry.id] = paint.CardText(
                    when_text(item.span, entry),
                    headline(entry),
                    card_credit(entry),
                    has_badge(entry),
                    entry.file_photo,
                )
            selected = current is not None and current.id == entry.id
            rect = self._card_rect(place.x, place.lane)
            pixmap = self._pixmap(entry)
            paint.card(
                painter, rect, text, pixmap, selected, colours, self.palette(), self._wrapped
            )
        if len(self._texts) > 4 * MAX_CARDS:  # bounded: only what was lately on screen
            self._texts.clear()
            self._wrapped.clear()

    def _paint_columns(self, painter: QPainter, frame: Frame, colours: paint.StoryColours) -> None:
        most = max((c.count for c in frame.columns), default=0)
        current = self.current_entry()
        t_current = None
        if current is not None and 0 <= self._current < len(self._story.items):
            t_current = self._story.items[self._current].t
        top = EVENT_H + 6
        for col in frame.columns:
            rect = QRectF(self._to_view(col.x0), top, col.x1 - col.x0, self.axis_y() - top - 2)
            selected = t_current is not None and col.t0 <= t_current < col.t1
            paint.column(painter, rect, col.count, most, selected, colours)

    def _paint_tray(self, painter: QPainter, colours: paint.StoryColours) -> None:
        tray = self.tray_rect()
        if tray.width() <= 0:
            return
        undated = self._story.undated
        first_undated = len(self._story.items)
        capacity = paint.tray_capacity(tray)
        start = 0
        if self._current >= first_undated:  # keep the current one in the rows shown
            start = max(0, self._current - first_undated - capacity + 1)
        shown = undated[start : start + capacity]
        labels = [headline(e) for e in shown]
        current = self._current - first_undated - start if self._current >= first_undated else None
        paint.tray(painter, tray, labels, len(undated), current, colours)
        self._tray_start = start

    # -- thumbnails -----------------------------------------------------------
    def _pixmap(self, entry: Entry) -> QPixmap | None:
        model = self._model
        if model is None:
            return None
        row = model.row_of(entry.id)
        if row < 0:
            return None
        value = model.data(model.index(row), ThumbnailRole)
        return value if isinstance(value, QPixmap) else None

    def _ask_thumbnails(self, frame: Frame) -> None:
        model = self._model
        if model is None or not frame.cards:
            return
        ids = {self._story.items[p.index].entry.id for p in frame.cards}
        if ids <= self._asked:
            return
        self._asked = ids
        rows = [r for r in (model.row_of(i) for i in ids) if r >= 0]
        model.request_thumbnails(rows, int(CARD_H * self.devicePixelRatioF()))

    def _on_thumbnails_changed(self, top: QModelIndex, bottom: QModelIndex, *_: object) -> None:
        if self._frame is not None and self._frame.shows_cards:
            self.update()


def _settled_story(entries: tuple[Entry, ...], article: Article | None) -> Story:
    """The story, its ~10 objects per photo then frozen out of the cycle collector's
    full passes (which would otherwise stall the GUI thread, as for a scan's batches)."""
    story = build_story(entries, article)
    settle()
    return story
