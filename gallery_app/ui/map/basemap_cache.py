# SPDX-License-Identifier: GPL-3.0-or-later
"""The basemap as a picture one screen wider than the view, drawn off the GUI thread.

Only the shapes are drawn on the worker; the labels are drawn over the picture
on the GUI thread every frame.  The worker is switched off for now
(``OFF_THREAD``): see there why.

Filling the world's outlines costs 10–130 ms a frame (anti-aliased fills are
the slow part), too much for a 16 ms budget.  So the basemap is rendered
into a QImage half a view larger on every side, on a worker, and a frame only
blits it (about 1 ms).  Panning past the margin or zooming asks for a new
picture; until it arrives the old one is drawn shifted or scaled (up to one
zoom level), so the hand never waits.  Only the first frame and jumps of
more than a level ("fit all") render in place.  One render at a time: a
newer request replaces a waiting one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

import shiboken6
from PySide6.QtCore import QObject, QPointF, QRectF, QThreadPool
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget

from gallery_app.core.geo.viewport import Viewport
from gallery_app.qt.workers import run_task
from gallery_app.ui.map.basemap import BasemapColours, BasemapPainter

log = logging.getLogger(__name__)

MARGIN = 0.5  # of the view's width and height, on each side
# Drawing on a worker while the window paints crashed (a segmentation fault or bus error in
# about one test run in four on the offscreen platform, text or not), so the picture is not
# drawn off the GUI thread until that is understood: every frame draws the basemap in place
# (10-130 ms at the slowest zoom levels, measured by bench/map_pan.py).
OFF_THREAD = False


@dataclass(frozen=True)
class _Picture:
    image: QImage
    vp: Viewport  # what the image shows (larger than the view)
    colours_key: tuple[int, ...]


class BasemapCache:
    """Blits a cached basemap picture; asks ``pool`` for a new one when needed."""

    def __init__(self, painter: BasemapPainter, pool: QThreadPool, owner: QWidget) -> None:
        self.painter = painter
        # The worker draws with a painter of its own: a QPainterPath caches its bounds on
        # first use even when read, so two threads must never draw the same path.
        self._worker_painter = BasemapPainter(painter.basemap, painter.layer_data)
        self._pool = pool
        self._owner = owner  # repainted when a new picture arrives
        self._picture: _Picture | None = None
        self._busy = False
        self._pending: tuple[Viewport, BasemapColours, float] | None = None
        self._relay: QObject | None = None

    def paint(self, p: QPainter, vp: Viewport, colours: BasemapColours, dpr: float) -> None:
        pic = self._picture
        if pic is None or pic.colours_key != colours.key or abs(pic.vp.zoom - vp.zoom) > 1.0:
            # Nothing fit to stretch (the first frame, a jump such as "fit all"): draw in place.
            self.painter.paint(p, vp, colours)
            self._request(vp, colours, dpr)
            return
        _blit(p, pic, vp, colours)
        self.painter.paint_labels(p, vp, colours)  # text stays on the GUI thread
        if pic.vp.zoom != vp.zoom or not _covers(pic.vp, vp):
            self._request(vp, colours, dpr)

    def invalidate(self) -> None:
        """Draw the next frame anew (new layers arrived)."""
        self._picture = None

    def is_current(self, vp: Viewport) -> bool:
        """The picture shows ``vp`` as it is (nothing stretched, nothing pending)."""
        if not OFF_THREAD:
            return True  # drawn in place every frame
        pic = self._picture
        return pic is not None and pic.vp.zoom == vp.zoom and _covers(pic.vp, vp) and not self._busy

    def _request(self, vp: Viewport, colours: BasemapColours, dpr: float) -> None:
        self._pending = (vp, colours, dpr)
        if not self._busy and OFF_THREAD:
            self._start_next()

    def _start_next(self) -> None:
        if self._pending is None:
            return
        vp, colours, dpr = self._pending
        self._pending = None
        big = replace(
            vp, width=round(vp.width * (1 + 2 * MARGIN)), height=round(vp.height * (1 + 2 * MARGIN))
        )
        painter = self._worker_painter  # only ever used by the one render under way
        self._busy = True

        def render() -> _Picture:
            image = QImage(
                round(big.width * dpr),
                round(big.height * dpr),
                QImage.Format.Format_ARGB32_Premultiplied,
            )
            image.setDevicePixelRatio(dpr)
            qp = QPainter(image)
            painter.paint_shapes(qp, big, colours)
            qp.end()
            return _Picture(image, big, colours.key)

        self._relay = run_task(self._pool, render, self._on_done, self._on_failed)

    def _on_done(self, picture: _Picture) -> None:
        self._busy = False
        self._relay = None
        if not shiboken6.isValid(self._owner):
            return  # the view closed while its picture was drawn
        self._picture = picture
        self._start_next()
        self._owner.update()

    def _on_failed(self, message: str) -> None:
        log.warning("The map's basemap could not be drawn: %s", message)
        self._busy = False
        self._relay = None


def _covers(big: Viewport, vp: Viewport) -> bool:
    have, need = big.visible(), vp.visible()
    return have.x0 <= need.x0 and have.y0 <= need.y0 and have.x1 >= need.x1 and have.y1 >= need.y1


def _blit(p: QPainter, pic: _Picture, vp: Viewport, colours: BasemapColours) -> None:
    """Draw the picture where its world lies in ``vp`` (shifted, and scaled while zooming)."""
    x0, y0 = vp.to_screen(*pic.vp.to_world(0, 0))
    x1, y1 = vp.to_screen(*pic.vp.to_world(pic.vp.width, pic.vp.height))
    target = QRectF(QPointF(x0, y0), QPointF(x1, y1))
    if not target.contains(QRectF(0, 0, vp.width, vp.height)):
        p.fillRect(QRectF(0, 0, vp.width, vp.height), colours.sea)
    p.drawImage(target, pic.image)
