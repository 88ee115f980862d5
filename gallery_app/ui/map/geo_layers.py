# SPDX-License-Identifier: GPL-3.0-or-later
"""The basemap's finer layers: rivers, borders between regions, and region names.

Two entries of the basemap's ordered layers (see ``BasemapPainter``), drawn
after the countries: rivers (blue, thin, from a continent's zoom on) and the
borders between provinces or states (thin, dashed grey, from a country's zoom
on).  Region names, at close zoom, are drawn by the map view after the marks,
wherever no place name, pin or mark label is (``label_room``).  The data is read
off the GUI thread (``GeoLayerData.load_in``); until it arrives these layers
draw nothing.  Paths are built per country and level of detail, in world
units, once, and only for the countries on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QThreadPool
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen

from gallery_app.core.geo.projection import project
from gallery_app.core.geo.regions import Line, Region, RegionSet, load_regions
from gallery_app.core.geo.rivers import Rivers, load_rivers
from gallery_app.core.geo.viewport import Viewport, WorldRect
from gallery_app.qt.workers import run_task
from gallery_app.ui.common.painting import is_dark, mix

log = logging.getLogger(__name__)

REGION_BORDER_ZOOM = 5.0  # a country fills much of the view
REGION_FINE_ZOOM = 7.0
REGION_LABEL_ZOOM = 5.5


class GeoLayerData:
    """Regions and rivers, shared by every painter of one map; ``None`` until read."""

    def __init__(self, regions: RegionSet | None = None, rivers: Rivers | None = None) -> None:
        self.regions = regions
        self.rivers = rivers
        self._relay: QObject | None = None

    @property
    def ready(self) -> bool:
        return self.regions is not None and self.rivers is not None

    def load_in(self, pool: QThreadPool, on_ready: Callable[[], None]) -> None:
        """Read both files on ``pool`` (about 100 ms), then call ``on_ready`` on the GUI thread."""
        if self.ready or self._relay is not None:
            return

        def done(result: tuple[RegionSet, Rivers]) -> None:
            self.regions, self.rivers = result
            self._relay = None
            on_ready()

        def failed(message: str) -> None:
            log.warning("The map's regions and rivers could not be read: %s", message)
            self.regions, self.rivers = RegionSet(), Rivers()
            self._relay = None
            on_ready()

        self._relay = run_task(pool, lambda: (load_regions(), load_rivers()), done, failed)


@dataclass(frozen=True)
class GeoLayerColours:
    river: QColor
    region_border: QColor
    region_label: QColor

    @classmethod
    def of(cls, palette: QPalette) -> GeoLayerColours:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = is_dark(palette)
        water = QColor(96, 160, 220) if dark else QColor(64, 128, 200)
        return cls(
            river=mix(base, water, 0.55 if dark else 0.6),
            region_border=mix(base, text, 0.28 if dark else 0.3),
            region_label=mix(text, base, 0.58),
        )


class GeoLayers:
    """Paints rivers and region borders (shapes) and region names (labels) for a viewport."""

    def __init__(self, data: GeoLayerData) -> None:
        self.data = data
        self._river_paths: dict[int, QPainterPath] = {}
        self._border_paths: dict[tuple[str, int], QPainterPath] = {}
        self._regions: dict[tuple[str, str], QPainterPath] = {}

    def paint_rivers(self, p: QPainter, vp: Viewport, colours: GeoLayerColours) -> int:
        """Rivers, in world units (``p`` carries the world transform); the lines drawn."""
        rivers = self.data.rivers
        lines = rivers.lines(vp.zoom) if rivers is not None else ()
        if not lines:
            return 0
        key = id(lines)
        path = self._river_paths.get(key)
        if path is None:
            path = self._river_paths[key] = lines_path(lines)
        pen = QPen(colours.river, 1.1)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        return len(lines)

    def paint_region_borders(self, p: QPainter, vp: Viewport, colours: GeoLayerColours) -> int:
        """Dashed borders between the regions of the countries on screen; how many countries."""
        regions = self.data.regions
        if regions is None or vp.zoom < REGION_BORDER_ZOOM:
            return 0
        detail = 1 if vp.zoom >= REGION_FINE_ZOOM else 0
        shown = vp.visible()
        pen = QPen(colours.region_border, 0.9, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        pen.setDashPattern([4.0, 3.0])
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        drawn = 0
        for country in regions.countries:
            if not _box_meets(country.box, shown):
                continue
            key = (country.iso3, detail)
            path = self._border_paths.get(key)
            if path is None:
                path = self._border_paths[key] = lines_path(country.borders(detail))
            if not path.isEmpty():
                p.drawPath(path)
                drawn += 1
        return drawn

    def paint_region_labels(
        self, p: QPainter, vp: Viewport, colours: GeoLayerColours, taken: list[QRectF]
    ) -> int:
        """Region names where the region is wide enough on screen; how many were written."""
        regions = self.data.regions
        if regions is None or vp.zoom < REGION_LABEL_ZOOM:
            return 0
        shown = vp.visible()
        p.save()
        font = QFont(p.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        p.setFont(font)
        fm = QFontMetricsF(font)
        p.setPen(colours.region_label)
        written = 0
        for country in regions.countries:
            if not _box_meets(country.box, shown):
                continue
            for region in country.regions:
                written += _paint_region_label(p, vp, region, fm, taken)
        p.restore()
        return written

    def region_path(self, region: Region) -> QPainterPath:
        """A region's outline in world units, for drawing a caption's province."""
        key = (region.country, region.name)
        path = self._regions.get(key)
        if path is None:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            for ring in region.rings():
                _add_line(path, ring)
                path.closeSubpath()
            self._regions[key] = path
        return path


# Where a region's name may go, in text widths and heights from its label point, best first.
_LABEL_TRIES = ((0, 0), (0, 1.2), (0, -1.2), (0, 2.4), (0, -2.4), (-0.8, 0), (0.8, 0), (-0.8, 1.2))


def _paint_region_label(
    p: QPainter, vp: Viewport, region: Region, fm: QFontMetricsF, taken: list[QRectF]
) -> int:
    """The name at its label point, or beside it (inside the region) when a pin is there."""
    w, s, e, n = region.box
    x0, y0 = project(w, n)
    x1, y1 = project(e, s)
    name = region.name
    text_w, text_h = fm.horizontalAdvance(name), fm.height()
    if (x1 - x0) * vp.scale < text_w + 16 or (y1 - y0) * vp.scale < 2.5 * text_h:
        return 0  # too small on screen to hold its name
    sx, sy = vp.to_screen(*project(*region.label))
    if not (0 <= sx <= vp.width and 0 <= sy <= vp.height):
        return 0
    area = QRectF(QPointF(*vp.to_screen(x0, y0)), QPointF(*vp.to_screen(x1, y1)))
    for dx, dy in _LABEL_TRIES:
        box = QRectF(sx + dx * text_w - text_w / 2, sy + (dy - 0.5) * text_h, text_w, text_h)
        if area.contains(box.center()) and not any(box.intersects(t) for t in taken):
            taken.append(box)
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, name)
            return 1
    return 0


class Round(Protocol):
    """A pin or disc on screen (a mark's ``Hit``)."""

    centre: QPointF
    radius: float


def label_room(*taken: Iterable[QRectF] | Iterable[Round]) -> list[QRectF]:
    """The boxes region names must keep clear of: labels drawn, and every pin or disc."""
    boxes: list[QRectF] = []
    for group in taken:
        for item in group:
            if isinstance(item, QRectF):
                boxes.append(item)
            elif item.radius > 0:
                r = item.radius + 3
                boxes.append(QRectF(item.centre.x() - r, item.centre.y() - r, 2 * r, 2 * r))
    return boxes


def _box_meets(box: tuple[float, float, float, float], rect: WorldRect) -> bool:
    w, s, e, n = box
    x0, y0 = project(w, n)
    x1, y1 = project(e, s)
    return x0 <= rect.x1 and x1 >= rect.x0 and y0 <= rect.y1 and y1 >= rect.y0


def lines_path(lines: tuple[Line, ...]) -> QPainterPath:
    """Open lines of (lon, lat) as one path in world units."""
    path = QPainterPath()
    for line in lines:
        if len(line) >= 2:
            _add_line(path, line)
    return path


def _add_line(path: QPainterPath, line: Line) -> None:
    x, y = project(*line[0])
    path.moveTo(x, y)
    for lon, lat in line[1:]:
        x, y = project(lon, lat)
        path.lineTo(x, y)
