# SPDX-License-Identifier: GPL-3.0-or-later
"""The basemap's finer layers: rivers, borders between regions, and region names.

Two entries of the basemap's ordered layers (see ``BasemapPainter``), drawn
after the countries: rivers (blue, thin, from a continent's zoom on) and the
borders between provinces or states (thin, dashed grey, from a country's zoom
on).  Region names, at close zoom, are drawn by the map view after the marks,
wherever no place name, pin or mark label is (``label_room``).  The data is read
and its paths built off the GUI thread (``geo_layer_data``); until it arrives
these layers draw nothing.  A frame visits only the countries on screen.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QStaticText,
)

from gallery_app.core.geo.regions import Region
from gallery_app.core.geo.viewport import Viewport, WorldRect
from gallery_app.ui.common.painting import is_dark, mix
from gallery_app.ui.map.basemap_labels import Boxes
from gallery_app.ui.map.geo_layer_data import (
    GeoLayerData,
    LabelPlace,
    PathKey,
    WorldBox,
    add_line,
    lines_path,
    project_packed,
)

log = logging.getLogger(__name__)

REGION_BORDER_ZOOM = 5.0  # a country fills much of the view
REGION_FINE_ZOOM = 7.0
REGION_LABEL_ZOOM = 5.5
NEW_NAMES = 8  # region names laid out in one frame (about 0.2 ms each the first time)


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
            river=mix(base, water, 0.7 if dark else 0.75),
            region_border=mix(base, text, 0.28 if dark else 0.3),
            region_label=mix(text, base, 0.58),
        )


class GeoLayers:
    """Paints rivers and region borders (shapes) and region names (labels) for a viewport."""

    def __init__(self, data: GeoLayerData) -> None:
        self.data = data
        self._paths: dict[PathKey, QPainterPath] = {}  # this painter's own
        self._regions: dict[tuple[str, str], QPainterPath] = {}
        self._texts: dict[str, tuple[QStaticText, float, float]] = {}
        self._text_font: str = ""
        self._new_texts = 0
        self.unfinished = False  # the last frame left names to lay out: paint again

    def paint_rivers(self, p: QPainter, vp: Viewport, colours: GeoLayerColours) -> int:
        """Rivers, in world units (``p`` carries the world transform); the lines drawn."""
        rivers = self.data.rivers
        level = rivers.level_for(vp.zoom) if rivers is not None else None
        if rivers is None or level is None:
            return 0
        pen = QPen(colours.river, 1.0)  # a cosmetic pen of 1 px takes the fast stroker
        pen.setCosmetic(True)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(self._path(("", level), rivers.packed[level], rivers.scale))
        return len(rivers.packed[level])

    def paint_region_borders(self, p: QPainter, vp: Viewport, colours: GeoLayerColours) -> int:
        """Dashed borders between the regions of the countries on screen; how many countries."""
        regions = self.data.regions
        if regions is None or vp.zoom < REGION_BORDER_ZOOM:
            return 0
        detail = 1 if vp.zoom >= REGION_FINE_ZOOM else 0
        shown = vp.visible()
        pen = QPen(colours.region_border, 1.0, Qt.PenStyle.CustomDashLine)
        pen.setCosmetic(True)
        pen.setDashPattern([4.0, 3.0])
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        drawn = 0
        boxes = self.data.boxes
        for country in regions.countries:
            box = boxes.get(country.iso3)
            if box is None or not _meets(box, shown):
                continue
            packed = country.packed_borders[min(detail, len(country.packed_borders) - 1)]
            path = self._path((country.iso3, detail), packed, country.scale)
            if not path.isEmpty():
                p.drawPath(path)
                drawn += 1
        return drawn

    def shows_region_labels(self, vp: Viewport) -> bool:
        """Whether :meth:`paint_region_labels` writes anything at ``vp``'s zoom."""
        return self.data.regions is not None and vp.zoom >= REGION_LABEL_ZOOM

    def forget_names(self) -> None:
        """No region names are drawn now: none are left to lay out either."""
        self.unfinished = False

    def paint_region_labels(
        self,
        p: QPainter,
        vp: Viewport,
        colours: GeoLayerColours,
        taken: Boxes | Iterable[QRectF],
    ) -> int:
        """Region names where the region is big enough on screen and nothing else is (``taken``:
        see :func:`label_room`); how many were written."""
        if not self.shows_region_labels(vp):
            return 0
        room = taken if isinstance(taken, Boxes) else label_room(taken)
        shown = vp.visible()
        p.save()
        font = QFont(p.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        p.setFont(font)
        if font.key() != self._text_font:
            self._texts.clear()
            self._text_font = font.key()
        min_w = 3 * QFontMetricsF(font).height() / vp.scale  # no name fits a smaller region
        p.setPen(colours.region_label)
        written = 0
        self._new_texts = 0
        self.unfinished = False
        for iso3, box in self.data.boxes.items():
            if not _meets(box, shown):
                continue
            for place in self.data.labels.get(iso3, ()):
                if place.box[2] - place.box[0] < min_w:
                    break  # largest first: the rest are smaller still
                if shown.contains(place.x, place.y):
                    written += self._label(p, vp, place, room)
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
                add_line(path, ring)
                path.closeSubpath()
            self._regions[key] = path
        return path

    def warm(self, deadline: float) -> bool:
        """Build the paths of rivers and region borders ahead (between frames) until
        ``deadline`` (``time.perf_counter``); True when every one read so far is built."""
        for key in self.data.lines:
            if key not in self._paths:
                self._paths[key] = lines_path(self.data.lines[key])
                if time.perf_counter() >= deadline:
                    return False
        return True

    def _path(self, key: PathKey, packed: tuple[str, ...], scale: float) -> QPainterPath:
        """A cached path: from the worker's projected lines, or projected here if none."""
        path = self._paths.get(key)
        if path is None:
            projected = self.data.lines.get(key)
            if projected is None:
                projected = project_packed(packed, scale)
            path = self._paths[key] = lines_path(projected)
        return path

    def _label(self, p: QPainter, vp: Viewport, place: LabelPlace, taken: Boxes) -> int:
        """The name at its label point, or beside it (inside the region) when a pin is there."""
        found = self._texts.get(place.name)
        if found is None and self._new_texts >= NEW_NAMES:
            self.unfinished = True  # laid out by the next frames: one frame lays out a few
            return 0
        if found is None:
            self._new_texts += 1
            text = QStaticText(place.name)
            text.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
            text.prepare(font=p.font())
            size = text.size()
            found = self._texts[place.name] = (text, size.width(), size.height())
        text, text_w, text_h = found
        scale = vp.scale
        x0, y0, x1, y1 = place.box
        if (x1 - x0) * scale < text_w + 16 or (y1 - y0) * scale < 2.5 * text_h:
            return 0  # too small on screen to hold its name
        ox, oy = vp.width / 2 - vp.cx * scale, vp.height / 2 - vp.cy * scale
        sx, sy = place.x * scale + ox, place.y * scale + oy
        left, top, right, bottom = (
            x0 * scale + ox,
            y0 * scale + oy,
            x1 * scale + ox,
            y1 * scale + oy,
        )
        for dx, dy in _LABEL_TRIES:
            bx, by = sx + dx * text_w - text_w / 2, sy + (dy - 0.5) * text_h
            mx, my = bx + text_w / 2, by + text_h / 2
            inside = left <= mx <= right and top <= my <= bottom
            if inside and taken.add(bx, by, bx + text_w, by + text_h):
                p.drawStaticText(QPointF(bx, by), text)
                return 1
        return 0


# Where a region's name may go, in text widths and heights from its label point, best first.
_LABEL_TRIES = ((0, 0), (0, 1.2), (0, -1.2), (0, 2.4), (0, -2.4), (-0.8, 0), (0.8, 0), (-0.8, 1.2))


class Round(Protocol):
    """A pin or disc on screen (a mark's ``Hit``)."""

    centre: QPointF
    radius: float


def label_room(
    boxes: Iterable[QRectF],
    rounds: Iterable[Round] = (),
    discs: Iterable[tuple[float, float, float]] = (),
) -> Boxes:
    """What region names must keep clear of: labels drawn, pins and discs (as ``Round`` or
    as centre x, y and radius), filed by grid cell for quick overlap tests."""
    room = Boxes()
    for b in boxes:
        room.file(b.left(), b.top(), b.right(), b.bottom())
    from_rounds = ((i.centre.x(), i.centre.y(), i.radius) for i in rounds)
    for x, y, radius in itertools.chain(discs, from_rounds):
        if radius > 0:
            r = radius + 3
            room.file(x - r, y - r, x + r, y + r)
    return room


def _meets(box: WorldBox, rect: WorldRect) -> bool:
    x0, y0, x1, y1 = box
    return x0 <= rect.x1 and x1 >= rect.x0 and y0 <= rect.y1 and y1 >= rect.y0
