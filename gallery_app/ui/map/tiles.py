# SPDX-License-Identifier: GPL-3.0-or-later
"""Draw the OpenStreetMap tiles that are at hand over the vector basemap.

Tiles come at integer zoom levels; between two levels the nearer one is
drawn scaled.  A tile not at hand yet leaves the vector basemap showing
there, so the view is never blank and never waits.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from gallery_app.core.geo.viewport import TILE, Viewport
from gallery_app.qt.map_tiles import MAX_ZOOM, TileSource


def paint_tiles(p: QPainter, vp: Viewport, source: TileSource) -> None:
    z = max(0, min(MAX_ZOOM, round(vp.zoom)))
    n = 2**z
    rect = vp.visible()
    x0, x1 = max(0, math.floor(rect.x0 * n)), min(n - 1, math.floor(rect.x1 * n))
    y0, y1 = max(0, math.floor(rect.y0 * n)), min(n - 1, math.floor(rect.y1 * n))
    source.forget_queue()
    size = TILE * 2.0 ** (vp.zoom - z)
    for x in range(x0, x1 + 1):
        for y in range(y0, y1 + 1):
            image = source.tile(z, x, y)
            if image is None:
                continue
            sx, sy = vp.to_screen(x / n, y / n)
            p.drawImage(QRectF(sx, sy, size + 0.5, size + 0.5), image)
