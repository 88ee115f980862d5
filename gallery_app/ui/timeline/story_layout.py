# SPDX-License-Identifier: GPL-3.0-or-later
"""What one frame of the story timeline shows: cards in lanes, or counted columns.

Pure arithmetic over the frame's visible stretch (no Qt): the items in view
are found by bisection on the story's sorted times, so a frame costs the same
for 100 photos or 100,000.  When the cards in view would need more lanes than
fit, or there are more than ``MAX_CARDS`` of them, the frame shows columns
with counts instead (zoom in and they become cards again).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from gallery_app.core.gallery.query import EntryFilter
from gallery_app.core.story.axis import DAY, Axis, AxisScale, seconds
from gallery_app.core.story.build import Story
from gallery_app.core.story.lanes import assign_lanes, bin_counts
from gallery_app.core.story.ticks import UNIT_SECONDS, tick_unit, ticks

CARD_W = 204.0
CARD_H = 78.0
LANE_GAP = 6.0
CARD_GAP = 8.0
MAX_CARDS = 240
COLUMN_MIN_PX = 14.0


@dataclass(frozen=True)
class CardPlace:
    """An item's card: ``x`` its left edge and ``x0``–``x1`` its span, in axis pixels."""

    index: int  # into story.items
    x: float
    lane: int
    x0: float
    x1: float


@dataclass(frozen=True)
class Column:
    x0: float
    x1: float
    t0: float
    t1: float
    count: int


@dataclass
class Frame:
    cards: list[CardPlace] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    hidden: int = 0  # cards in view that found no lane

    @property
    def shows_cards(self) -> bool:
        return not self.columns


def visible_range(story: Story, scale: AxisScale, left: float, width: float) -> tuple[int, int]:
    """Indices ``[first, last)`` of the items whose card may show in ``left``…``left+width``."""
    t_from = scale.t_of(left - CARD_W)
    t_to = scale.t_of(left + width)
    return bisect_left(story.times, t_from), bisect_right(story.times, t_to)


def card_frame(
    story: Story, scale: AxisScale, left: float, width: float, lanes: int
) -> Frame | None:
    """Cards in lanes, or ``None`` when they would not fit (the caller counts instead)."""
    first, last = visible_range(story, scale, left, width)
    if last - first > MAX_CARDS:
        return None
    starts: list[float] = []
    extents: list[float] = []
    places: list[tuple[int, float, float, float]] = []
    for index in range(first, last):
        item = story.items[index]
        x = scale.x_of(item.t)
        x0, x1 = scale.x_of(item.t0), scale.x_of(item.t1)
        start = min(x, x0)
        starts.append(start)
        extents.append(max(x + CARD_W, x1) - start)
        places.append((index, x, x0, x1))
    order = sorted(range(len(starts)), key=lambda i: starts[i])
    lane_of = assign_lanes(
        [starts[i] for i in order], [extents[i] for i in order], CARD_GAP, max(1, lanes)
    )
    frame = Frame()
    for i, lane in zip(order, lane_of, strict=True):
        if lane < 0:
            frame.hidden += 1
            continue
        index, x, x0, x1 = places[i]
        frame.cards.append(CardPlace(index, x, lane, x0, x1))
    if frame.hidden > max(3, len(places) // 3):
        return None
    return frame


def column_frame(story: Story, scale: AxisScale, left: float, width: float) -> Frame:
    """Counted columns on calendar boundaries (days, months, years…) at least
    ``COLUMN_MIN_PX`` wide, over every stretch of time in view."""
    frame = Frame()
    unit = tick_unit(scale.scale, COLUMN_MIN_PX)
    step = UNIT_SECONDS[unit]
    for t_from, t_to in scale.visible_segments(left, left + width):
        edges = [t_from, *ticks(t_from + 1, t_to, unit), t_to]
        edges = [edges[0]] + [t for t in edges[1:] if t > edges[0]]
        if len(edges) > 2 and edges[1] - edges[0] < step / 3:
            edges.pop(1)  # a sliver before the first boundary joins its neighbour
        for (t0, t1), count in zip(pairwise(edges), bin_counts(story.times, edges), strict=True):
            x0, x1 = scale.x_of(t0), scale.x_of(t1)
            frame.columns.append(Column(x0, x1, t0, t1, count))
    if not frame.columns:
        frame.columns.append(Column(left, left, 0.0, 0.0, 0))
    return frame


def layout_frame(story: Story, scale: AxisScale, left: float, width: float, lanes: int) -> Frame:
    return card_frame(story, scale, left, width, lanes) or column_frame(story, scale, left, width)


def filter_span(flt: EntryFilter, axis: Axis) -> tuple[float, float] | None:
    """The date filter's days as seconds on ``axis`` (an open end runs to the axis end)."""
    if not flt.has_date_range:
        return None
    t0 = seconds(dt.datetime.combine(flt.date_from, dt.time())) if flt.date_from else axis.start
    t1 = seconds(dt.datetime.combine(flt.date_to, dt.time())) + DAY if flt.date_to else axis.end
    return max(t0, axis.start), min(t1, axis.end)
