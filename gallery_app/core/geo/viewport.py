# SPDX-License-Identifier: GPL-3.0-or-later
"""What part of the world a map widget shows: a centre, a zoom and a size.

A :class:`Viewport` is a value: panning or zooming returns a new one, so the
widget, its tests and the benchmark all share the same arithmetic.  Zoom is
continuous (wheel steps of a quarter level); clustering uses its floor.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

TILE = 256.0
MIN_ZOOM = 0.0
MAX_ZOOM = 17.0


@dataclass(frozen=True)
class WorldRect:
    """A rectangle in world units (x east, y south)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1


@dataclass(frozen=True)
class Viewport:
    cx: float = 0.5
    cy: float = 0.5
    zoom: float = 1.0
    width: int = 800
    height: int = 600

    @property
    def scale(self) -> float:
        """Pixels per world unit."""
        return float(TILE * 2.0**self.zoom)

    @property
    def level(self) -> int:
        """The integer zoom level that picks the clusters and the basemap detail."""
        return math.floor(self.zoom)

    def to_screen(self, x: float, y: float) -> tuple[float, float]:
        s = self.scale
        return (x - self.cx) * s + self.width / 2, (y - self.cy) * s + self.height / 2

    def to_world(self, sx: float, sy: float) -> tuple[float, float]:
        s = self.scale
        return (sx - self.width / 2) / s + self.cx, (sy - self.height / 2) / s + self.cy

    def visible(self, margin_px: float = 0.0) -> WorldRect:
        x0, y0 = self.to_world(-margin_px, -margin_px)
        x1, y1 = self.to_world(self.width + margin_px, self.height + margin_px)
        return WorldRect(x0, y0, x1, y1)

    def resized(self, width: int, height: int) -> Viewport:
        return replace(self, width=max(1, width), height=max(1, height))

    def panned(self, dx_px: float, dy_px: float) -> Viewport:
        """Move the content by (dx, dy) pixels, as a drag does."""
        s = self.scale
        return _clamped(replace(self, cx=self.cx - dx_px / s, cy=self.cy - dy_px / s))

    def zoomed(self, steps: float, sx: float | None = None, sy: float | None = None) -> Viewport:
        """Zoom by ``steps`` levels keeping the point under (sx, sy) where it is."""
        sx = self.width / 2 if sx is None else sx
        sy = self.height / 2 if sy is None else sy
        wx, wy = self.to_world(sx, sy)
        zoom = min(MAX_ZOOM, max(self.min_zoom(), self.zoom + steps))
        out = replace(self, zoom=zoom)
        s = out.scale
        cx = wx - (sx - self.width / 2) / s
        cy = wy - (sy - self.height / 2) / s
        return _clamped(replace(out, cx=cx, cy=cy))

    def min_zoom(self) -> float:
        """Never smaller than the whole world across the view's width (no empty sides)."""
        return max(MIN_ZOOM, math.log2(max(1, self.width) / TILE))

    def fitted(self, rect: WorldRect, margin_px: float = 48.0, max_zoom: float = 9.0) -> Viewport:
        """The viewport that shows ``rect`` whole, with a margin, zoomed at most ``max_zoom``."""
        w = max(rect.x1 - rect.x0, 1e-9)
        h = max(rect.y1 - rect.y0, 1e-9)
        avail_w = max(1.0, self.width - 2 * margin_px)
        avail_h = max(1.0, self.height - 2 * margin_px)
        zoom = math.log2(min(avail_w / w, avail_h / h) / TILE)
        zoom = min(max_zoom, MAX_ZOOM, max(self.min_zoom(), zoom))
        cx, cy = (rect.x0 + rect.x1) / 2, (rect.y0 + rect.y1) / 2
        return _clamped(replace(self, cx=cx, cy=cy, zoom=zoom))


def _clamped(vp: Viewport) -> Viewport:
    return replace(vp, cx=min(1.0, max(0.0, vp.cx)), cy=min(1.0, max(0.0, vp.cy)))


def bounds_of(points: list[tuple[float, float]]) -> WorldRect | None:
    """The smallest world rectangle around ``points`` (world units), or ``None``."""
    if not points:
        return None
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return WorldRect(min(xs), min(ys), max(xs), max(ys))
