# SPDX-License-Identifier: GPL-3.0-or-later
"""The basemap as tiles drawn off the GUI thread, cached per zoom level and tile.

Filling the world's outlines costs 3–12 ms for a view (the raster fill and
the anti-aliased borders are the slow part), too much for a 16 ms frame
that also draws thousands of marks.  So the shapes (no text: see
:meth:`BasemapPainter.paint_shapes`) are drawn into square QImage tiles of
``TILE`` pixels on a worker, keyed by the exact zoom and the tile's column
and row, and a frame only blits the tiles it shows (well under 1 ms).
Labels are drawn over them on the GUI thread, where fonts live.

Flow: ``paint(vp)`` -> blit the tiles of ``vp.zoom`` that are ready; where
any is missing, first the tiles of the nearest zoom that has them, scaled
(the picture the hand just left, stretched while the new one renders), over
the whole world at ``OVERVIEW_ZOOM`` (kept for good) -> ask for the missing
tiles, nearest the middle first, then a ring around the view for the next
pan.  One worker task at a time renders up to ``BATCH`` tiles with a
painter of its own; when it is done the next batch is picked for the latest
viewport, so tiles of a zoom the hand has already left are never drawn.
Until the first tiles arrive (the map just opened), the shapes are drawn in
place, as they were before tiles.
"""

from __future__ import annotations

import logging
import math
from collections import OrderedDict

import shiboken6
from PySide6.QtCore import QObject, QRectF, QThreadPool
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget

from gallery_app.core.geo.viewport import TILE as WORLD_TILE
from gallery_app.core.geo.viewport import Viewport
from gallery_app.qt.workers import run_task
from gallery_app.ui.map.basemap import BasemapColours, BasemapPainter

log = logging.getLogger(__name__)

TILE = 256  # pixels a side
BATCH = 4  # tiles per worker task (about 2 ms each)
LIMIT = 240  # tiles kept (256 KiB each at a device pixel ratio of 1)
OVERVIEW_ZOOM = 2.0  # the whole world in 16 tiles, kept as the last fallback
OVERVIEW_TILES = 16
AHEAD = 1  # rings of tiles drawn around the view for the next pan

TileKey = tuple[float, int, int]  # zoom, column, row


def tiles_of(vp: Viewport, ring: int = 0) -> list[TileKey]:
    """The tiles of ``vp.zoom`` that ``vp`` shows (``ring`` more on every side), middle first."""
    scale = vp.scale
    count = max(1, math.ceil(scale / TILE))  # tiles across the world at this zoom
    ox, oy = vp.width / 2 - vp.cx * scale, vp.height / 2 - vp.cy * scale
    i0, i1 = math.floor(-ox / TILE) - ring, math.floor((vp.width - ox) / TILE) + ring
    j0, j1 = math.floor(-oy / TILE) - ring, math.floor((vp.height - oy) / TILE) + ring
    mx, my = (vp.width / 2 - ox) / TILE, (vp.height / 2 - oy) / TILE
    keys = [
        (vp.zoom, i, j)
        for i in range(max(0, i0), min(count - 1, i1) + 1)
        for j in range(max(0, j0), min(count - 1, j1) + 1)
    ]
    keys.sort(key=lambda k: (k[1] + 0.5 - mx) ** 2 + (k[2] + 0.5 - my) ** 2)
    return keys


def tile_viewport(key: TileKey) -> Viewport:
    """The viewport that a tile shows (its world transform is a whole-pixel shift)."""
    zoom, i, j = key
    scale = WORLD_TILE * 2.0**zoom
    return Viewport(
        cx=(i + 0.5) * TILE / scale, cy=(j + 0.5) * TILE / scale, zoom=zoom, width=TILE, height=TILE
    )


def render_tiles(
    painter: BasemapPainter, keys: list[TileKey], colours: BasemapColours, dpr: float
) -> list[tuple[TileKey, QImage]]:
    """Draw the shapes of ``keys`` (on a worker: QImage and a painter used by no other thread)."""
    side = round(TILE * dpr)
    out = []
    for key in keys:
        image = QImage(side, side, QImage.Format.Format_RGB32)  # opaque: blitted, not blended
        image.setDevicePixelRatio(dpr)
        qp = QPainter(image)
        painter.paint_shapes(qp, tile_viewport(key), colours)
        qp.end()
        out.append((key, image))
    return out


class BasemapCache:
    """Blits cached basemap tiles; asks ``pool`` for the missing ones."""

    def __init__(self, painter: BasemapPainter, pool: QThreadPool, owner: QWidget) -> None:
        self.painter = painter
        # The worker draws with a painter of its own: a QPainterPath caches its bounds on
        # first use even when read, so two threads must never draw the same path.
        self._worker_painter = BasemapPainter(painter.basemap)
        self._pool = pool
        self._owner = owner  # repainted when tiles arrive
        self._tiles: OrderedDict[TileKey, QImage] = OrderedDict()
        self._zooms: dict[float, int] = {}  # tiles kept per zoom
        self._style: tuple[object, ...] = ()
        self._want: tuple[Viewport, BasemapColours, float] | None = None
        self._relay: QObject | None = None  # the one render under way

    def paint(self, p: QPainter, vp: Viewport, colours: BasemapColours, dpr: float) -> None:
        self._restyle(colours, dpr)
        view = QRectF(0, 0, vp.width, vp.height)
        shown = tiles_of(vp)
        ready = [(key, self._tiles.get(key)) for key in shown]
        missing = any(image is None for _key, image in ready)
        if missing or not _world_covers(vp):
            p.fillRect(view, colours.sea)  # under missing tiles, beyond the world's edges
        if missing and not self._zooms:
            # Nothing drawn yet to stand in (the map just opened, its pool busy placing
            # photos): draw in place with the GUI thread's own painter, as before tiles.
            self.painter.paint_shapes(p, vp, colours)
        elif missing:
            self._paint_fallback(p, vp)
        for key, image in ready:
            if image is not None:
                self._tiles.move_to_end(key)
                # Whole pixels: every tile shares the same fraction, so no seams.
                p.drawImage(_target(vp, key).topLeft().toPoint(), image)
        self.painter.paint_labels(p, vp, colours)  # text stays on the GUI thread
        self._want = (vp, colours, dpr)
        self._start_next()

    def is_current(self, vp: Viewport) -> bool:
        """Every tile ``vp`` shows is drawn for it (nothing stretched, for screenshots)."""
        current = all(key in self._tiles for key in tiles_of(vp))
        if not current and self._relay is None:
            self._owner.update()  # nothing under way: the next paint asks for the tiles
        return current

    def _paint_fallback(self, p: QPainter, vp: Viewport) -> None:
        """The tiles of the nearest zoom that has some, scaled; the world overview under them."""
        others = [z for z in self._zooms if z != vp.zoom and z <= vp.zoom + 2]
        zooms = sorted(others, key=lambda z: abs(z - vp.zoom))[:1]
        if OVERVIEW_ZOOM not in zooms and OVERVIEW_ZOOM in self._zooms:
            zooms.insert(0, OVERVIEW_ZOOM)
        p.save()
        # Not smoothed: a stand-in for a frame or two, drawn at the cost of a plain blit.
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        for zoom in zooms:
            factor = 2.0 ** (vp.zoom - zoom)
            w, h = math.ceil(vp.width / factor), math.ceil(vp.height / factor)
            for key in tiles_of(Viewport(vp.cx, vp.cy, zoom, max(1, w), max(1, h))):
                image = self._tiles.get(key)
                if image is not None:
                    p.drawImage(_target(vp, key), image)
        p.restore()

    def _restyle(self, colours: BasemapColours, dpr: float) -> None:
        style = (colours.key, dpr)
        if style != self._style:  # a new palette or screen: every tile is redrawn
            self._style = style
            self._tiles.clear()
            self._zooms.clear()

    def _next_batch(self) -> list[TileKey]:
        """Up to ``BATCH`` missing tiles: the view's, a ring around it, the world overview."""
        if self._want is None:
            return []
        vp = self._want[0]
        wanted = [*tiles_of(vp), *tiles_of(vp, ring=AHEAD)]
        if self._zooms.get(OVERVIEW_ZOOM, 0) < OVERVIEW_TILES:
            wanted += tiles_of(Viewport(0.5, 0.5, OVERVIEW_ZOOM, TILE * 4, TILE * 4))
        batch: list[TileKey] = []
        for key in wanted:
            if key not in self._tiles and key not in batch:
                batch.append(key)
                if len(batch) == BATCH:
                    break
        return batch

    def _start_next(self) -> None:
        if self._relay is not None or self._want is None:
            return  # one render at a time; the next batch follows the latest viewport
        batch = self._next_batch()
        if not batch:
            return
        _vp, colours, dpr = self._want
        painter, style = self._worker_painter, self._style
        self._relay = run_task(
            self._pool,
            lambda: (style, render_tiles(painter, batch, colours, dpr)),
            self._on_done,
            self._on_failed,
        )

    def _on_done(self, result: tuple[tuple[object, ...], list[tuple[TileKey, QImage]]]) -> None:
        self._relay = None
        if not shiboken6.isValid(self._owner):
            return  # the view closed while its tiles were drawn
        style, tiles = result
        if style == self._style:
            for key, image in tiles:
                self._keep(key, image)
            self._owner.update()
        self._start_next()

    def _keep(self, key: TileKey, image: QImage) -> None:
        self._tiles[key] = image
        self._zooms[key[0]] = self._zooms.get(key[0], 0) + 1
        while len(self._tiles) > LIMIT:
            old = next(k for k in self._tiles if k[0] != OVERVIEW_ZOOM)
            del self._tiles[old]
            left = self._zooms[old[0]] - 1
            if left:
                self._zooms[old[0]] = left
            else:
                del self._zooms[old[0]]

    def _on_failed(self, message: str) -> None:
        log.warning("The map's basemap could not be drawn: %s", message)
        self._relay = None


def _target(vp: Viewport, key: TileKey) -> QRectF:
    """Where tile ``key`` (of any zoom) lies in ``vp``."""
    zoom, i, j = key
    scale = WORLD_TILE * 2.0**zoom
    x0, y0 = vp.to_screen(i * TILE / scale, j * TILE / scale)
    side = TILE * vp.scale / scale
    return QRectF(x0, y0, side, side)


def _world_covers(vp: Viewport) -> bool:
    """The world fills the whole view (no sea to paint beyond its edges)."""
    scale = vp.scale
    x0, y0 = vp.width / 2 - vp.cx * scale, vp.height / 2 - vp.cy * scale
    return x0 <= 0 and y0 <= 0 and x0 + scale >= vp.width and y0 + scale >= vp.height
