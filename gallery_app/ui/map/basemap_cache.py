# SPDX-License-Identifier: GPL-3.0-or-later
"""The basemap as tiles drawn between frames, cached per zoom level and tile.

Filling the world's outlines costs 3–12 ms for a view (the raster fill and
the anti-aliased borders are the slow part), too much for a 16 ms frame
that also draws thousands of marks, and writing some 300 place names costs
2–3 ms more.  So the shapes and the names (placed once per zoom over the
whole world, so each tile writes its part of a name that crosses its edge)
are drawn into square QImage tiles of ``TILE`` pixels, keyed by the exact
zoom and the tile's column and row, and a frame only blits the tiles it
shows.

Where: on the GUI thread, in slices of at most ``SLICE_MS`` between frames
(a zero timer, so input and paints come first).  A worker would not take
the work off the GUI thread: PySide6 keeps the interpreter's lock through
every QPainter call, so a worker drawing a tile stops the GUI thread for as
long, at moments it cannot choose (measured: a frame of 8 ms of CPU took up
to 70 ms on the clock while a worker drew).  Drawn here, a slice never runs
inside a frame, and never while the wheel turns: a new zoom's tiles wait
until the zoom has held for ``ZOOM_PAUSE_MS``.

Flow: ``paint(vp)`` -> blit the tiles of ``vp.zoom`` that are ready; where
any is missing, first the tiles of the nearest zoom that has them, scaled
(the picture the hand just left, stretched while the new one renders), over
the whole world at ``OVERVIEW_ZOOM`` (kept for good) -> ask for the missing
tiles, nearest the middle first, then a ring around the view for the next
pan, drawn for the latest viewport only, so tiles of a zoom the hand has
already left are never drawn.  Until the first tiles are drawn (the map
just opened), the shapes are drawn in place.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict

from PySide6.QtCore import QRect, QRectF, QTimer
from PySide6.QtGui import QFont, QImage, QPainter
from PySide6.QtWidgets import QWidget

from gallery_app.core.geo.viewport import TILE as WORLD_TILE
from gallery_app.core.geo.viewport import Viewport
from gallery_app.ui.map.basemap import BasemapColours, BasemapPainter

TILE = 256  # pixels a side
SLICE_MS = 4.0  # tiles drawn in one go between frames (about 1–3 ms each)
ZOOM_PAUSE_MS = 150  # a new zoom's tiles wait until the wheel has stopped this long
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
    painter: BasemapPainter,
    keys: list[TileKey],
    colours: BasemapColours,
    dpr: float,
    font: QFont | None = None,
) -> list[tuple[TileKey, QImage]]:
    """Draw the shapes and names of ``keys`` (names in ``font``) into opaque images."""
    side = round(TILE * dpr)
    out = []
    for key in keys:
        image = QImage(side, side, QImage.Format.Format_RGB32)  # opaque: blitted, not blended
        image.setDevicePixelRatio(dpr)
        qp = QPainter(image)
        if font is not None:
            qp.setFont(font)
        painter.paint(qp, tile_viewport(key), colours)
        qp.end()
        out.append((key, image))
    return out


class BasemapCache:
    """Blits cached basemap tiles; draws the missing ones between frames."""

    def __init__(self, painter: BasemapPainter, owner: QWidget) -> None:
        self.painter = painter
        self._owner = owner  # repainted when tiles arrive
        self._tiles: OrderedDict[TileKey, QImage] = OrderedDict()
        self._zooms: dict[float, int] = {}  # tiles kept per zoom
        self._style: tuple[object, ...] = ()
        self._generation = 0  # bumped when the layers change: older tiles are dropped
        self._want: tuple[Viewport, BasemapColours, float] | None = None
        self._warm = False  # every level of detail's outlines built
        self._slice = QTimer(owner)
        self._slice.setSingleShot(True)
        self._slice.timeout.connect(self._render_slice)
        self._zoom_held = QTimer(owner)  # restarted while the zoom changes
        self._zoom_held.setSingleShot(True)
        self._zoom_held.setInterval(ZOOM_PAUSE_MS)
        self._zoom_held.timeout.connect(self._start_next)

    def paint(self, p: QPainter, vp: Viewport, colours: BasemapColours, dpr: float) -> None:
        self._restyle(colours, dpr)
        view = QRect(0, 0, vp.width, vp.height)  # whole pixels: the quick fill
        shown = tiles_of(vp)
        ready = [(key, self._tiles.get(key)) for key in shown]
        missing = any(image is None for _key, image in ready)
        stand_ins = self._fallback(vp) if missing else []
        if missing or not _world_covers(vp):
            p.fillRect(view, colours.sea)  # under missing tiles, beyond the world's edges
        if missing and not self._zooms:
            # Nothing drawn yet to stand in (the map just opened): draw in place, once.
            self.painter.paint(p, vp, colours)
        elif stand_ins:
            p.save()
            # Not smoothed: a stand-in for a frame or two, at the cost of a plain blit.
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            for target, stand_in in stand_ins:
                p.drawImage(target, stand_in)
            p.restore()
        for key, tile in ready:
            if tile is not None:
                self._tiles.move_to_end(key)
                # Whole pixels: every tile shares the same fraction, so no seams.
                p.drawImage(_target(vp, key).topLeft().toPoint(), tile)
        zoom_moved = self._want is not None and self._want[0].zoom != vp.zoom
        self._want = (vp, colours, dpr)
        if zoom_moved:
            self._slice.stop()
            self._zoom_held.start()  # the wheel may still be turning
        elif not self._zoom_held.isActive():
            self._start_next()

    def invalidate(self) -> None:
        """Draw every tile anew (new layers arrived), and build their paths ahead."""
        self._generation += 1
        self._warm = False
        self._tiles.clear()
        self._zooms.clear()

    def is_current(self, vp: Viewport) -> bool:
        """Every tile ``vp`` shows is drawn for it (nothing stretched, for screenshots)."""
        current = all(key in self._tiles for key in tiles_of(vp))
        if not current and not (self._slice.isActive() or self._zoom_held.isActive()):
            self._owner.update()  # nothing under way: the next paint asks for the tiles
        return current

    def _fallback(self, vp: Viewport) -> list[tuple[QRectF, QImage]]:
        """Stand-ins for missing tiles: the tiles of the nearest zoom that has some, scaled,
        over the world overview unless they cover the whole view; where each goes."""
        others = [z for z in self._zooms if z != vp.zoom and z <= vp.zoom + 2]
        zooms = sorted(others, key=lambda z: abs(z - vp.zoom))[:1]
        out: list[tuple[QRectF, QImage]] = []
        for zoom in zooms:
            out += self._scaled(vp, zoom)
        if zooms and len(out) == len(self._keys_at(vp, zooms[0])):
            return out  # the nearest zoom covers the view: nothing under it shows
        if OVERVIEW_ZOOM not in zooms and OVERVIEW_ZOOM in self._zooms:
            out = self._scaled(vp, OVERVIEW_ZOOM) + out
        return out

    def _keys_at(self, vp: Viewport, zoom: float) -> list[TileKey]:
        factor = 2.0 ** (vp.zoom - zoom)
        w, h = math.ceil(vp.width / factor), math.ceil(vp.height / factor)
        return tiles_of(Viewport(vp.cx, vp.cy, zoom, max(1, w), max(1, h)))

    def _scaled(self, vp: Viewport, zoom: float) -> list[tuple[QRectF, QImage]]:
        found = ((key, self._tiles.get(key)) for key in self._keys_at(vp, zoom))
        return [(_target(vp, key), image) for key, image in found if image is not None]

    def _restyle(self, colours: BasemapColours, dpr: float) -> None:
        style = (colours.key, dpr, self._generation)
        if style != self._style:  # a new palette or screen: every tile is redrawn
            self._style = style
            self._tiles.clear()
            self._zooms.clear()

    def _missing(self, limit: int) -> list[TileKey]:
        """Up to ``limit`` missing tiles: the view's, a ring around it, the world overview."""
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
                if len(batch) == limit:
                    break
        return batch

    def _start_next(self) -> None:
        if (self._missing(1) or not self._warm) and not self._slice.isActive():
            self._slice.start(0)  # after the events and paints already queued

    def _render_slice(self) -> None:
        """Draw missing tiles for the latest viewport for up to ``SLICE_MS``."""
        if self._want is None:
            return
        vp, colours, dpr = self._want
        font = self._owner.font()
        start, drawn = time.perf_counter(), 0
        if self._missing(1) and self.painter.place_labels(vp, font):
            self._start_next()  # the names of a new zoom placed: tiles in the next slices
            return
        while (time.perf_counter() - start) * 1000 < SLICE_MS:
            batch = self._missing(1)
            if not batch:  # all shown: build what the next level of detail will need
                self._warm = self.painter.warm(SLICE_MS / 1000)
                break
            for key, image in render_tiles(self.painter, batch, colours, dpr, font):
                self._keep(key, image)
            drawn += 1
        if drawn:
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
