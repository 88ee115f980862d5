# SPDX-License-Identifier: GPL-3.0-or-later
"""Pins that crowd become one counted cluster, by a grid index per zoom level.

At integer zoom ``z`` the world is cut into square cells of ``cell_px``
screen pixels; the points of one cell make one :class:`Cluster` at their
mean.  A level costs one pass over the points (about 0.1 s for 100,000 in
CPython) and is cached, so panning costs nothing and zooming back is free.
:meth:`Level.query` visits only the cells on screen, or every cluster when
there are fewer clusters than cells: a frame's work depends on what it
shows, never on how many photos there are.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from gallery_app.core.geo.viewport import TILE, WorldRect

MIXED = -1  # the tag of a cluster whose points have different tags


@dataclass(frozen=True)
class Cluster:
    """Points of one grid cell: their mean, their indices, their tags summed up.

    ``flags`` is the bitwise OR of the members' flags and ``tag`` their common
    tag (or ``MIXED``), so painting a cluster of 50,000 photos reads two ints.
    """

    x: float
    y: float
    members: tuple[int, ...]  # indices into the points given to the index
    flags: int = 0
    tag: int = MIXED

    @property
    def count(self) -> int:
        return len(self.members)


class Level:
    """The clusters of one zoom level, keyed by grid cell."""

    def __init__(self, cell: float, cells: dict[tuple[int, int], Cluster]) -> None:
        self.cell = cell
        self.cells = cells

    def __len__(self) -> int:
        return len(self.cells)

    def cluster_at(self, x: float, y: float) -> Cluster | None:
        """The cluster that holds the point (x, y) of the index."""
        return self.cells.get((math.floor(x / self.cell), math.floor(y / self.cell)))

    def query(self, rect: WorldRect) -> list[Cluster]:
        i0, i1 = math.floor(rect.x0 / self.cell), math.floor(rect.x1 / self.cell)
        j0, j1 = math.floor(rect.y0 / self.cell), math.floor(rect.y1 / self.cell)
        span = (i1 - i0 + 1) * (j1 - j0 + 1)
        if span > len(self.cells):
            return [c for c in self.cells.values() if rect.contains(c.x, c.y)]
        get = self.cells.get
        found = []
        for i in range(i0, i1 + 1):
            for j in range(j0, j1 + 1):
                c = get((i, j))
                if c is not None and rect.contains(c.x, c.y):
                    found.append(c)
        return found


class ClusterIndex:
    """Grid clusters of fixed world points, built per level on demand and cached.

    ``level`` may run on a worker thread; ``cached`` is the GUI thread's
    non-blocking look-up (``None`` until the level is built).
    """

    def __init__(
        self,
        points: Sequence[tuple[float, float]],
        cell_px: float = 56.0,
        flags: Sequence[int] | None = None,
        tags: Sequence[int] | None = None,
    ) -> None:
        self.points = list(points)
        self.flags = list(flags) if flags is not None else [0] * len(self.points)
        self.tags = list(tags) if tags is not None else [MIXED] * len(self.points)
        self.cell_px = cell_px
        self._levels: dict[int, Level] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.points)

    def cached(self, z: int) -> Level | None:
        return self._levels.get(z)

    def nearest_cached(self, z: int) -> Level | None:
        """The built level closest to ``z`` (shown while ``z`` is being built)."""
        if not self._levels:
            return None
        best = min(self._levels, key=lambda k: (abs(k - z), k))
        return self._levels[best]

    def level(self, z: int) -> Level:
        found = self._levels.get(z)
        if found is not None:
            return found
        built = build_level(self.points, self.cell_px / (TILE * 2.0**z), self.flags, self.tags)
        with self._lock:
            self._levels.setdefault(z, built)
            return self._levels[z]


def build_level(
    points: Sequence[tuple[float, float]],
    cell: float,
    flags: Sequence[int] | None = None,
    tags: Sequence[int] | None = None,
) -> Level:
    groups: dict[tuple[int, int], list[int]] = {}
    inv = 1.0 / cell
    floor = math.floor
    for k, (x, y) in enumerate(points):
        key = (floor(x * inv), floor(y * inv))
        bucket = groups.get(key)
        if bucket is None:
            groups[key] = [k]
        else:
            bucket.append(k)
    cells: dict[tuple[int, int], Cluster] = {}
    for key, members in groups.items():
        n = len(members)
        sx = sum(points[m][0] for m in members)
        sy = sum(points[m][1] for m in members)
        cells[key] = Cluster(sx / n, sy / n, tuple(members), *_summary(members, flags, tags))
    return Level(cell, cells)


def _summary(
    members: list[int], flags: Sequence[int] | None, tags: Sequence[int] | None
) -> tuple[int, int]:
    flag = 0
    if flags is not None:
        for m in members:
            flag |= flags[m]
    tag = MIXED
    if tags is not None:
        first = tags[members[0]]
        tag = first if all(tags[m] == first for m in members) else MIXED
    return flag, tag
