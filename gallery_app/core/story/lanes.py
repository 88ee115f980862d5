# SPDX-License-Identifier: GPL-3.0-or-later
"""Stack cards in lanes so that none overlap, and count photos per column when zoomed out."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise


def assign_lanes(
    starts: Sequence[float], widths: Sequence[float], gap: float = 0.0, max_lanes: int | None = None
) -> list[int]:
    """The lane of each item (items sorted by ``starts``), first fit from the top.

    An item that fits in no lane below ``max_lanes`` gets lane ``-1`` (the
    caller shows it as "+N more").
    """
    ends: list[float] = []  # right edge of the last item in each lane
    lanes: list[int] = []
    for start, width in zip(starts, widths, strict=True):
        lane = next((i for i, end in enumerate(ends) if end + gap <= start), len(ends))
        if max_lanes is not None and lane >= max_lanes:
            lanes.append(-1)
            continue
        if lane == len(ends):
            ends.append(start + width)
        else:
            ends[lane] = start + width
        lanes.append(lane)
    return lanes


def lanes_needed(starts: Sequence[float], widths: Sequence[float], gap: float = 0.0) -> int:
    lanes = assign_lanes(starts, widths, gap)
    return max(lanes, default=-1) + 1


def bin_counts(sorted_times: Sequence[float], edges: Sequence[float]) -> list[int]:
    """How many of ``sorted_times`` fall in each ``[edges[i], edges[i+1])``.

    Two bisections per bin, so a column count costs the same for 100 photos
    or 100,000: the view recounts only the columns on screen, every frame.
    """
    marks = [bisect_left(sorted_times, edge) for edge in edges]
    return [b - a for a, b in pairwise(marks)]
