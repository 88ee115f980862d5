# SPDX-License-Identifier: GPL-3.0-or-later
"""A time axis whose long empty stretches collapse into breaks.

Times are plain float seconds (:func:`seconds`), so the arithmetic is cheap.
:func:`build_axis` merges the occupied intervals and collapses every gap that
is both longer than ``MIN_BREAK`` and longer than ``BREAK_FRACTION`` of the
time still shown — one photo from 1919 in a folder of 1998–2024 sits behind a
break instead of squeezing the rest into a quarter of the axis.
:class:`AxisScale` maps seconds to pixels at a zoom (pixels per second) with
each break a fixed ``break_px`` wide.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

_EPOCH = dt.datetime(1, 1, 1)
DAY = 86_400.0
#: A gap shorter than this never collapses (a missing day is part of the story).
MIN_BREAK = 60 * DAY
#: A gap collapses when it is longer than this share of the time still shown.
BREAK_FRACTION = 0.2
MAX_BREAKS = 12
#: Empty time shown around the data, as a share of its length (at least half a day).
PAD_FRACTION = 0.03
MIN_PAD = DAY / 2


def seconds(moment: dt.datetime) -> float:
    """``moment`` (naive wall-clock time) as seconds since year 1."""
    if moment.tzinfo is not None:
        moment = moment.replace(tzinfo=None)
    return (moment - _EPOCH).total_seconds()


def moment(value: float) -> dt.datetime:
    """The inverse of :func:`seconds` (clamped to the calendar)."""
    value = min(max(value, 0.0), seconds(dt.datetime(9999, 12, 31)))
    return _EPOCH + dt.timedelta(seconds=value)


@dataclass(frozen=True)
class Axis:
    """Stretches of time shown, in order; between two of them lies a break."""

    segments: tuple[tuple[float, float], ...]

    @property
    def start(self) -> float:
        return self.segments[0][0]

    @property
    def end(self) -> float:
        return self.segments[-1][1]

    @property
    def breaks(self) -> tuple[tuple[float, float], ...]:
        """The collapsed gaps, each ``(from, to)``."""
        return tuple((a[1], b[0]) for a, b in zip(self.segments, self.segments[1:], strict=False))

    @property
    def shown_seconds(self) -> float:
        return sum(b - a for a, b in self.segments)


def _merge(intervals: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for a, b in sorted(intervals):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def build_axis(intervals: Iterable[tuple[float, float]]) -> Axis:
    """The axis over ``intervals`` (start, end seconds), long gaps collapsed."""
    merged = _merge(intervals)
    if not merged:
        today = seconds(dt.datetime.combine(dt.date.today(), dt.time()))
        return Axis(((today, today + DAY),))
    shown = merged[-1][1] - merged[0][0]
    gaps = sorted(
        ((merged[i + 1][0] - merged[i][1], i) for i in range(len(merged) - 1)), reverse=True
    )
    cut: set[int] = set()
    for length, index in gaps[:MAX_BREAKS]:
        if length < MIN_BREAK or length < BREAK_FRACTION * shown:
            break
        cut.add(index)
        shown -= length
    pad = max(PAD_FRACTION * shown, MIN_PAD)
    segments: list[tuple[float, float]] = []
    begin = merged[0][0]
    for i, (_, end) in enumerate(merged):
        if i in cut or i == len(merged) - 1:
            segments.append((begin - pad, end + pad))
            if i + 1 < len(merged):
                begin = merged[i + 1][0]
    return Axis(tuple(_merge(segments)))


class AxisScale:
    """Pixels along an :class:`Axis` at ``px_per_second``; breaks are ``break_px`` wide."""

    def __init__(self, axis: Axis, px_per_second: float, break_px: float = 28.0) -> None:
        self.axis = axis
        self.scale = px_per_second
        self.break_px = break_px
        self._starts: list[float] = []  # where each segment begins, in pixels
        self._times = [a for a, _ in axis.segments]
        x = 0.0
        for a, b in axis.segments:
            self._starts.append(x)
            x += (b - a) * px_per_second + break_px
        self.width = x - break_px

    def x_of(self, t: float) -> float:
        """Pixels from the axis start; a time inside a break sits in its middle."""
        i = max(0, bisect_right(self._times, t) - 1)
        a, b = self.axis.segments[i]
        if t <= b or i == len(self.axis.segments) - 1:
            return self._starts[i] + (t - a) * self.scale
        return self._starts[i] + (b - a) * self.scale + self.break_px / 2

    def t_of(self, x: float) -> float:
        """The time at pixel ``x`` (a pixel in a break gives the break's nearer edge)."""
        i = max(0, bisect_right(self._starts, x) - 1)
        a, b = self.axis.segments[i]
        t = a + (x - self._starts[i]) / self.scale
        return min(t, b) if i < len(self.axis.segments) - 1 else t

    def break_spans(self) -> list[tuple[float, float]]:
        """Each break as pixels ``(left, right)``."""
        return [
            (self._starts[i] + (b - a) * self.scale, self._starts[i + 1])
            for i, (a, b) in enumerate(self.axis.segments[:-1])
        ]

    def visible_segments(self, x0: float, x1: float) -> list[tuple[float, float]]:
        """The stretches of time (seconds) drawn between pixels ``x0`` and ``x1``."""
        out: list[tuple[float, float]] = []
        for i, (a, b) in enumerate(self.axis.segments):
            left = self._starts[i]
            right = left + (b - a) * self.scale
            if right < x0 or left > x1:
                continue
            first = a + max(0.0, x0 - left) / self.scale
            out.append((first, b - max(0.0, right - x1) / self.scale))
        return out
