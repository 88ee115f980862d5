# SPDX-License-Identifier: GPL-3.0-or-later
"""Pins that crowd become one counted cluster, by a grid index per zoom level.

At integer zoom ``z`` the world is cut into square cells of ``cell_px``
screen pixels; the points of one cell make one :class:`Cluster` at their
mean.  Every level from 0 to :data:`MAX_LEVEL` is built at once, with numpy,
when the index is made (on the map's worker for a big gallery: about 0.25 s of CPU
for 100,000 points, most of it outside the interpreter's lock), so panning
and zooming never wait for a level and no worker runs while the hand moves.

How: the points are sorted once by the Morton code (the bits of the column
and row interleaved) of their cell at the finest level.  A cell of a coarser
level is a square of finer cells, and Morton order keeps each such square
contiguous, so every level's clusters are runs of that one order: a level is
a few arrays (mean, start, count, flags, tag per cluster), identical levels
are shared, and a cluster's members are a slice of the order, never copied.
:meth:`Level.query` finds the clusters on screen by a binary search over
their x and a mask over their y: a frame's work follows what it shows,
never the number of photos.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from gallery_app.core.geo.viewport import TILE, WorldRect

MIXED = -1  # the tag of a cluster whose points have different tags
MAX_LEVEL = 17  # the map's deepest zoom (``viewport.MAX_ZOOM``)

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Cluster:
    """Points of one grid cell: their mean, their count, their tags summed up.

    ``flags`` is the bitwise OR of the members' flags and ``tag`` their common
    tag (or ``MIXED``), so painting a cluster of 50,000 photos reads two ints.
    Two clusters are equal when they hold the same run of the index's order.
    """

    x: float
    y: float
    start: int  # where its members begin in the index's order
    count: int
    flags: int = 0
    tag: int = MIXED
    members: IntArray = field(default_factory=lambda: np.empty(0, np.int64), compare=False)


class Level:
    """The clusters of one zoom level, as arrays in the index's (Morton) order."""

    def __init__(
        self,
        order: IntArray,
        starts: IntArray,
        sums: tuple[FloatArray, FloatArray],
        flags: IntArray,
        tags: IntArray,
    ) -> None:
        self.order = order  # the index's point order, shared by every level
        self.starts = starts
        self.counts = np.diff(np.append(starts, len(order)))
        self.x = sums[0] / self.counts
        self.y = sums[1] / self.counts
        self.flags = flags
        self.tags = tags
        self._by_x = np.argsort(self.x, kind="stable")
        self._sorted_x = self.x[self._by_x]

    def __len__(self) -> int:
        return len(self.starts)

    def cluster(self, k: int) -> Cluster:
        """Cluster ``k`` of this level as a value (its members a view, not a copy)."""
        start, count = int(self.starts[k]), int(self.counts[k])
        return Cluster(
            float(self.x[k]),
            float(self.y[k]),
            start,
            count,
            int(self.flags[k]),
            int(self.tags[k]),
            self.order[start : start + count],
        )

    def clusters(self) -> list[Cluster]:
        return [self.cluster(k) for k in range(len(self))]

    def index_of(self, position: int) -> int:
        """The cluster that holds the point at ``position`` of the index's order."""
        return int(np.searchsorted(self.starts, position, side="right")) - 1

    def query_indices(self, rect: WorldRect) -> IntArray:
        """The clusters whose mean lies in ``rect``, north first (painted under the south)."""
        lo = int(np.searchsorted(self._sorted_x, rect.x0, side="left"))
        hi = int(np.searchsorted(self._sorted_x, rect.x1, side="right"))
        found = self._by_x[lo:hi]
        ys = self.y[found]
        found = found[(ys >= rect.y0) & (ys <= rect.y1)]
        return found[np.argsort(self.y[found], kind="stable")]

    def query(self, rect: WorldRect) -> list[Cluster]:
        return [self.cluster(int(k)) for k in self.query_indices(rect)]


class ClusterIndex:
    """Grid clusters of fixed world points, every level built when the index is made.

    Build it off the GUI thread for a big gallery; after that it is read-only,
    so the GUI thread queries it while a worker builds the next one.
    """

    def __init__(
        self,
        points: Sequence[tuple[float, float]] | FloatArray,
        cell_px: float = 56.0,
        flags: Sequence[int] | None = None,
        tags: Sequence[int] | None = None,
    ) -> None:
        self.points: FloatArray = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        n = len(self.points)
        self.cell_px = cell_px
        flag_arr = np.asarray(flags if flags is not None else np.zeros(n), dtype=np.int64)
        tag_arr = np.asarray(tags if tags is not None else np.full(n, MIXED), dtype=np.int64)
        self.order, self._levels = build_levels(self.points, cell_px, flag_arr, tag_arr)
        self._position = np.empty(n, dtype=np.int64)
        self._position[self.order] = np.arange(n, dtype=np.int64)

    def __len__(self) -> int:
        return len(self.points)

    def level(self, z: int) -> Level:
        return self._levels[max(0, min(MAX_LEVEL, z))]

    def position(self, point: int) -> int:
        """Where point ``point`` (an index into ``points``) sits in the index's order."""
        return int(self._position[point])

    def cluster_of(self, z: int, point: int) -> int:
        """The cluster of level ``z`` that holds point ``point``."""
        return self.level(z).index_of(self.position(point))


def cell_size(cell_px: float, z: int) -> float:
    """A cluster cell's side at level ``z``, in world units."""
    return cell_px / (TILE * 2.0**z)


def build_levels(
    points: FloatArray, cell_px: float, flags: IntArray, tags: IntArray
) -> tuple[IntArray, list[Level]]:
    """The Morton order of ``points`` and every level's clusters as runs of it."""
    finest = cell_size(cell_px, MAX_LEVEL)
    limit = math.ceil(1.0 / finest) + 1
    cols = np.clip(np.floor(points[:, 0] / finest), 0, limit).astype(np.int64)
    rows = np.clip(np.floor(points[:, 1] / finest), 0, limit).astype(np.int64)
    codes = _spread(cols) | (_spread(rows) << 1)
    order = np.argsort(codes, kind="stable")
    codes = codes[order]
    xs, ys = points[order, 0], points[order, 1]
    fs, ts = flags[order], tags[order]
    levels: list[Level] = []
    for z in range(MAX_LEVEL + 1):
        keys = codes >> (2 * (MAX_LEVEL - z))
        if len(keys):
            starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        else:
            starts = np.empty(0, dtype=np.int64)
        if levels and len(levels[-1]) == len(starts):
            levels.append(levels[-1])  # nothing splits at this level: the same clusters
            continue
        levels.append(_level(order, starts, xs, ys, fs, ts))
    return order, levels


def _level(
    order: IntArray,
    starts: IntArray,
    xs: FloatArray,
    ys: FloatArray,
    flags: IntArray,
    tags: IntArray,
) -> Level:
    if not len(starts):
        empty_f, empty_i = np.empty(0), np.empty(0, dtype=np.int64)
        return Level(order, starts, (empty_f, empty_f), empty_i, empty_i)
    sums = (np.add.reduceat(xs, starts), np.add.reduceat(ys, starts))
    low, high = np.minimum.reduceat(tags, starts), np.maximum.reduceat(tags, starts)
    tag = np.where(low == high, low, MIXED)
    return Level(order, starts, sums, np.bitwise_or.reduceat(flags, starts), tag)


def _spread(v: IntArray) -> IntArray:
    """The low 32 bits of ``v`` moved to the even bits (half of a Morton code)."""
    v = v & 0xFFFFFFFF
    v = (v | (v << 16)) & 0x0000FFFF0000FFFF
    v = (v | (v << 8)) & 0x00FF00FF00FF00FF
    v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0F
    v = (v | (v << 2)) & 0x3333333333333333
    return (v | (v << 1)) & 0x5555555555555555
