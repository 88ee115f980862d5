# SPDX-License-Identifier: GPL-3.0-or-later
"""Keys, wheel, drags and tooltips of the story timeline, and its zoom and scroll moves.

Keys: ←/→ walk the photos in time order (the undated last), Home/End the
first and last; + and − zoom around the current photo, 0 (or Ctrl+0) fits all,
F fits the date filter's range; Y, M, W, D and H show one year, month, week,
day or hour around the current photo; Shift+←/→ and PageUp/PageDown scroll;
Enter opens the photo; Esc clears the date filter.  The wheel zooms around
the pointer (Shift+wheel scrolls); a drag with the middle or right button
scrolls; a left drag across the axis sets the date filter, a click selects a
card and a double click opens it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QHelpEvent, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QToolTip, QWidget

from gallery_app.core.story.axis import DAY, moment, seconds
from gallery_app.core.story.headline import headline
from gallery_app.core.story.ticks import UNIT_SECONDS, Unit
from gallery_app.ui.common.plain_text import plain_tooltip
from gallery_app.ui.timeline import story_paint as paint
from gallery_app.ui.timeline.story_layout import CARD_W, MAX_CARDS
from gallery_app.ui.timeline.story_text import break_tooltip, event_tooltip, item_tooltip

if TYPE_CHECKING:
    from gallery_app.core.models import Entry
    from gallery_app.core.story.axis import AxisScale
    from gallery_app.core.story.build import Story
    from gallery_app.qt.models.filter_state import FilterState
    from gallery_app.ui.timeline.story_layout import Frame

ZOOM_STEP = 1.5
_UNIT_KEYS = {
    Qt.Key.Key_Y: Unit.YEAR,
    Qt.Key.Key_M: Unit.MONTH,
    Qt.Key.Key_W: Unit.WEEK,
    Qt.Key.Key_D: Unit.DAY,
    Qt.Key.Key_H: Unit.HOUR,
}


_OWN_KEYS = frozenset(
    {
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Plus,
        Qt.Key.Key_Equal,
        Qt.Key.Key_Minus,
        Qt.Key.Key_Underscore,
        Qt.Key.Key_0,
        Qt.Key.Key_F,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
    }
)


class StoryInput:
    """Mixed into :class:`StoryView`; every method works on the view's state."""

    if TYPE_CHECKING:  # provided by StoryView
        _story: Story
        _scale: AxisScale
        _filter_state: FilterState
        _pps: float
        _left: float
        _current: int
        _fitted: bool
        _tray_start: int
        open_requested: Any

        def plot_rect(self) -> QRectF: ...
        def tray_rect(self) -> QRectF: ...
        def axis_y(self) -> float: ...
        def frame(self) -> Frame: ...
        def card_rect(self, entry_id: str) -> QRectF | None: ...
        def current_entry(self) -> Entry | None: ...
        def visible_span(self) -> tuple[float, float]: ...
        def _set_view(self, pps: float, left: float) -> None: ...
        def _select(self, index: int) -> None: ...
        def _card_rect(self, x: float, lane: int) -> QRectF: ...
        def _to_view(self, x: float) -> float: ...

    def _init_input(self) -> None:
        self._press: QPointF | None = None
        self._drag_to: float | None = None
        self._pan_from: tuple[float, float] | None = None

    # -- moves ----------------------------------------------------------------
    def fit_all(self) -> None:
        """The whole axis in view (breaks included), the last cards' width spared."""
        plot = self.plot_rect()
        axis = self._story.axis
        spare = CARD_W if len(self._story.items) <= MAX_CARDS else 0.0  # the last cards' width
        room = plot.width() - spare - len(axis.breaks) * 30.0
        self._set_view(max(room, plot.width() * 0.3) / max(axis.shown_seconds, 3600.0), -8.0)
        self._fitted = True

    def fit_selection(self) -> None:
        """The date filter's days in view; without one, the current photo's day."""
        flt = self._filter_state.value
        first, last = flt.date_from, flt.date_to
        current = self.current_entry()
        if first is None and last is None:
            if current is None or current.taken is None:
                self.fit_all()
                return
            first = last = current.taken.value.date()
        start = _day_seconds(first) if first else self._story.axis.start
        end = _day_seconds(last) + DAY if last else self._story.axis.end
        self.show_span(start, end)

    def show_span(self, start: float, end: float) -> None:
        self._fitted = False
        plot = self.plot_rect()
        pps = max(1.0, plot.width() - CARD_W) / max(end - start, 60.0)
        self._set_view(pps, 0.0)
        self._set_view(self._pps, self._scale.x_of(start))

    def zoom_to_unit(self, unit: Unit) -> None:
        """One ``unit`` across the view, around the current photo (or the middle)."""
        centre = self._centre_time()
        length = UNIT_SECONDS[unit]
        if unit is Unit.DAY:  # a calendar day, not 24 hours astride two
            start = _day_seconds(moment(centre).date())
            self.show_span(start, start + DAY)
            return
        self.show_span(centre - length / 2, centre + length / 2)

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        self._fitted = False
        plot = self.plot_rect()
        if anchor_x is None:
            rect = self._current_card_rect()
            anchor_x = rect.center().x() if rect is not None else plot.center().x()
        t = self._scale.t_of(self._left + anchor_x - plot.left())
        self._set_view(self._pps * factor, self._left)
        self._set_view(self._pps, self._scale.x_of(t) - (anchor_x - plot.left()))

    def pan_by(self, pixels: float) -> None:
        self._fitted = False
        self._set_view(self._pps, self._left + pixels)

    def ensure_current_visible(self) -> None:
        index = self._current
        if not 0 <= index < len(self._story.items):
            return
        x = self._scale.x_of(self._story.items[index].t)
        plot = self.plot_rect()
        if x < self._left or x + CARD_W > self._left + plot.width():
            self._set_view(self._pps, x - (plot.width() - CARD_W) / 2)

    def _centre_time(self) -> float:
        if 0 <= self._current < len(self._story.items):
            return self._story.items[self._current].t + 1.0
        t0, t1 = self.visible_span()
        return (t0 + t1) / 2

    def _current_card_rect(self) -> QRectF | None:
        entry = self.current_entry()
        return self.card_rect(entry.id) if entry is not None else None

    # -- keys ------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        width = self.plot_rect().width()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            if shift:
                self.pan_by(step * width / 4)
            else:
                self._select(self._current + step if self._current >= 0 else 0)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self._select(0 if key == Qt.Key.Key_Home else len(self._story.walk) - 1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.pan_by((-1 if key == Qt.Key.Key_PageUp else 1) * width * 0.9)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.fit_all()
        elif key == Qt.Key.Key_F:
            self.fit_selection()
        elif key in _UNIT_KEYS and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_to_unit(_UNIT_KEYS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            entry = self.current_entry()
            if entry is not None:
                self.open_requested.emit(entry)
        elif key == Qt.Key.Key_Escape and self._filter_state.value.has_date_range:
            self._filter_state.clear_dates()
        else:
            QWidget.keyPressEvent(self, event)  # type: ignore[arg-type]
            return
        event.accept()

    def _owns_key(self, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        if key == Qt.Key.Key_Escape:
            return self._filter_state.value.has_date_range
        return key in _OWN_KEYS or key in _UNIT_KEYS

    # -- pointer ---------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier or abs(delta.x()) > abs(delta.y()):
            self.pan_by(-(delta.x() or delta.y()) / 120 * self.plot_rect().width() / 8)
        elif delta.y():
            self.zoom_by(ZOOM_STEP ** (delta.y() / 120), event.position().x())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cast(QWidget, self).setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position()
        if event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.RightButton):
            self._pan_from = (pos.x(), self._left)
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self._walk_index_at(pos)
        if hit is not None:
            self._select(hit)
            return
        if self.plot_rect().contains(pos):
            self._press, self._drag_to = pos, None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._pan_from is not None:
            x0, left = self._pan_from
            self._fitted = False
            self._set_view(self._pps, left - (pos.x() - x0))
        elif self._press is not None and abs(pos.x() - self._press.x()) > 4:
            self._drag_to = pos.x()
            cast(QWidget, self).update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and self._drag_to is not None:
            a, b = sorted((self._press.x(), self._drag_to))
            self._set_dates(self._time_at(a), self._time_at(b))
        self._press, self._drag_to, self._pan_from = None, None, None
        cast(QWidget, self).update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self._walk_index_at(event.position())
        if hit is not None:
            self._select(hit)
            self.open_requested.emit(self._story.walk[hit])

    def _time_at(self, x: float) -> float:
        return self._scale.t_of(self._left + x - self.plot_rect().left())

    def _set_dates(self, t0: float, t1: float) -> None:
        first, last = moment(t0).date(), moment(t1).date()
        self._filter_state.set_date_range(first, last)

    def drag_band(self) -> tuple[float, float] | None:
        if self._press is None or self._drag_to is None:
            return None
        a, b = sorted((self._press.x(), self._drag_to))
        return a, b

    def _walk_index_at(self, pos: QPointF) -> int | None:
        """The walk index of the card or tray row under ``pos``."""
        tray = self.tray_rect()
        if tray.contains(pos):
            for row in range(paint.tray_capacity(tray)):
                if paint.tray_row(tray, row).contains(pos):
                    index = len(self._story.items) + self._tray_start + row
                    return index if index < len(self._story.walk) else None
            return None
        frame = self.frame()
        for place in reversed(frame.cards):
            if self._card_rect(place.x, place.lane).contains(pos):
                return place.index
        return None

    def event(self, event: QEvent) -> bool:
        if (  # the view's keys before the window's shortcuts (→, Home, F, Esc…)
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._owns_key(event)
        ):
            event.accept()
            return True
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), plain_tooltip(text), cast(QWidget, self))
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return QWidget.event(self, event)  # type: ignore[arg-type]

    def _tooltip_at(self, pos: QPointF) -> str:
        hit = self._walk_index_at(pos)
        if hit is not None and hit < len(self._story.items):
            return item_tooltip(self._story.items[hit])
        if hit is not None:
            return self._story.walk[hit].caption or headline(self._story.walk[hit])
        for (t0, t1), (x0, x1) in zip(
            self._story.axis.breaks, self._scale.break_spans(), strict=True
        ):
            if self._to_view(x0) <= pos.x() <= self._to_view(x1):
                return break_tooltip(t0, t1)
        if pos.y() < 34 or abs(pos.y() - self.axis_y()) < 8:
            for ev in self._story.events:
                start = _day_seconds(ev.day)
                x0 = self._to_view(self._scale.x_of(start))
                if x0 - 6 <= pos.x() <= max(x0 + 200, self._to_view(self._scale.x_of(start + DAY))):
                    return event_tooltip(ev)
        return ""


def _day_seconds(day: dt.date) -> float:
    return seconds(dt.datetime.combine(day, dt.time()))
