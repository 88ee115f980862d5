# SPDX-License-Identifier: GPL-3.0-or-later
"""Paint the bundled world: sea, land, borders, lakes, rivers, regions and place labels.

Outlines are projected once per level of detail into QPainterPaths in world
units and drawn through a QTransform, so a pan repaints cached paths and
never re-projects a vertex.  Colours come from the palette, so light and
dark both look intended.  Rivers and the borders between regions are the
ordered ``shape_layers`` drawn over the countries (``geo_layers``).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QTransform,
)

from gallery_app.core.geo.basemap import Basemap, Outline, detail_for
from gallery_app.core.geo.projection import project
from gallery_app.core.geo.viewport import Viewport
from gallery_app.ui.common.painting import is_dark, mix
from gallery_app.ui.map.basemap_labels import LabelLayout
from gallery_app.ui.map.geo_layer_data import GeoLayerData
from gallery_app.ui.map.geo_layers import GeoLayerColours, GeoLayers

DETAILS = (0, 1, 2)  # the basemap's levels of detail (``detail_for``)


class BasemapColours:
    def __init__(self, palette: QPalette) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        blue = QColor(70, 130, 190)
        self.sea = mix(base, blue, 0.28 if is_dark(palette) else 0.16)
        self.land = mix(base, text, 0.06)
        self.border = mix(base, text, 0.32)
        self.label = mix(text, base, 0.35)
        self.country_label = mix(text, base, 0.55)
        self.halo = mix(base, self.land, 0.5)
        self.geo = GeoLayerColours.of(palette)
        self.key = tuple(
            c.rgba() for c in (self.sea, self.land, self.border, self.label, self.geo.river)
        )


class BasemapPainter:
    """Cached paths of a :class:`Basemap`, painted for a viewport."""

    def __init__(self, basemap: Basemap, layer_data: GeoLayerData | None = None) -> None:
        self.basemap = basemap
        self.layer_data = layer_data if layer_data is not None else GeoLayerData()
        self.geo = GeoLayers(self.layer_data)
        # Drawn over the countries, in world units, bottom first (after SHAPE_LAYERS).
        self.shape_layers = (self.geo.paint_rivers, self.geo.paint_region_borders)
        self.label_boxes: list[QRectF] = []  # where the last frame's labels went
        self._land: dict[int, QPainterPath] = {}
        self._lakes: dict[int, QPainterPath] = {}
        self._countries: dict[tuple[str, int], QPainterPath] = {}
        self._partial: dict[tuple[int, int], tuple[QPainterPath, int]] = {}  # warming up
        cities = [(c.name, project(c.lon, c.lat)) for c in basemap.cities]
        places = [(c, found) for c in basemap.countries if (found := _label_place(c)) is not None]
        self._label_layout = LabelLayout(cities, [found for _c, found in places])
        self._label_points = {
            key.upper(): found[2] for c, found in places for key in (c.iso2, c.iso3) if key
        }

    def paint(self, p: QPainter, vp: Viewport, colours: BasemapColours) -> None:
        """The whole basemap: shapes, then labels."""
        self.paint_shapes(p, vp, colours)
        self.paint_labels(p, vp, colours)

    def paint_shapes(self, p: QPainter, vp: Viewport, colours: BasemapColours) -> None:
        """Sea, each of :data:`SHAPE_LAYERS`, then rivers and region borders; no text, so a
        worker may draw them (with a painter of its own: paths cache their bounds when read)."""
        p.fillRect(QRectF(0, 0, vp.width, vp.height), colours.sea)
        detail = detail_for(vp.zoom)
        p.save()
        p.setTransform(world_transform(vp))
        for layer in SHAPE_LAYERS:
            layer(self, p, detail, colours)
        for paint_layer in self.shape_layers:
            paint_layer(p, vp, colours.geo)
        p.restore()

    def paint_labels(self, p: QPainter, vp: Viewport, colours: BasemapColours) -> None:
        """Place and country names (in ``p``'s font), placed once per zoom over the world,
        so a tile draws exactly its part of each.  Their boxes are kept: region names,
        drawn after the marks, keep clear of them."""
        self.label_boxes = self._label_layout.paint(p, vp, colours.label, colours.country_label)

    def place_labels(self, vp: Viewport, font: QFont) -> bool:
        """Place the names of ``vp``'s zoom (a few ms, once per zoom) unless they are; True
        when this did the work (a tile's slice then ends, to keep slices short)."""
        return self._label_layout.prepare(vp.zoom, font)

    def label_boxes_for(self, vp: Viewport, font: QFont) -> list[QRectF]:
        """Where :meth:`paint_labels` writes names in ``vp`` (nothing drawn); none while the
        names of ``vp``'s zoom are not placed yet (its tiles are not drawn either)."""
        return self._label_layout.boxes(vp, font)

    def label_point(self, code: str) -> tuple[float, float] | None:
        """Where a country's name goes (world units): the middle of its largest part."""
        return self._label_points.get(code.strip().upper())

    def country_path(self, code: str, detail: int) -> QPainterPath | None:
        """A country's outline in world units, for drawing a region mark."""
        outline = self.basemap.country(code)
        if outline is None:
            return None
        key = (outline.iso3 or outline.iso2 or outline.name, detail)
        path = self._countries.get(key)
        if path is None:
            path = self._countries[key] = outline_path(outline, detail)
        return path

    def land_path(self, detail: int) -> QPainterPath:
        """Every country's outline in one path (world units), built once per detail."""
        return self._built(self._land, detail, self.basemap.countries)

    def lake_path(self, detail: int) -> QPainterPath:
        """Every lake in one path (world units), built once per detail."""
        return self._built(self._lakes, detail, self.basemap.lakes)

    def warm(self, budget_s: float) -> bool:
        """Build outlines of the paths a later zoom needs (countries, lakes, rivers, region
        borders), for up to ``budget_s`` seconds (between frames, so that reaching a new level
        of detail stalls nothing); True when every path is built."""
        deadline = time.perf_counter() + budget_s
        for detail in DETAILS:
            for built, outlines in (
                (self._land, self.basemap.countries),
                (self._lakes, self.basemap.lakes),
            ):
                if detail in built:
                    continue
                path, done = self._partial.get((id(built), detail), (QPainterPath(), 0))
                while done < len(outlines):
                    path.addPath(outline_path(outlines[done], detail))
                    done += 1
                    if time.perf_counter() >= deadline:
                        self._partial[(id(built), detail)] = (path, done)
                        return False
                built[detail] = path
                self._partial.pop((id(built), detail), None)
        return self.geo.warm(deadline)

    def _built(
        self, built: dict[int, QPainterPath], detail: int, outlines: tuple[Outline, ...]
    ) -> QPainterPath:
        path = built.get(detail)
        if path is None:  # finish what warming began, if anything
            path, done = self._partial.pop((id(built), detail), (QPainterPath(), 0))
            for outline in outlines[done:]:
                path.addPath(outline_path(outline, detail))
            built[detail] = path
        return path


def _fill_land(base: BasemapPainter, p: QPainter, detail: int, colours: BasemapColours) -> None:
    # Fills without anti-aliasing (an anti-aliased world costs ~100 ms);
    # the borders drawn over them with it hide the steps.
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colours.land)
    p.drawPath(base.land_path(detail))


def _fill_lakes(base: BasemapPainter, p: QPainter, detail: int, colours: BasemapColours) -> None:
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colours.sea)
    p.drawPath(base.lake_path(detail))


def _stroke_borders(
    base: BasemapPainter, p: QPainter, detail: int, colours: BasemapColours
) -> None:
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(colours.border, 1.0)
    pen.setCosmetic(True)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(base.land_path(detail))


# The basemap's shapes, drawn in this order (each sets its own pen, brush and hints).
SHAPE_LAYERS: tuple[Callable[[BasemapPainter, QPainter, int, BasemapColours], None], ...] = (
    _fill_land,
    _fill_lakes,
    _stroke_borders,
)


def _label_place(
    outline: Outline,
) -> tuple[str, tuple[float, float, float, float], tuple[float, float]] | None:
    """Name, world box and label point (the centre of the largest ring's box)."""
    rings = outline.levels[-1] if outline.levels else ()
    boxes = []
    for ring in rings:
        pts = [project(lon, lat) for lon, lat in ring]
        xs, ys = [q[0] for q in pts], [q[1] for q in pts]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    if not boxes:
        return None
    box = max(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
    return outline.name, box, ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


def outline_path(outline: Outline, detail: int) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    levels = outline.levels
    if not levels:
        return path
    for ring in levels[min(detail, len(levels) - 1)]:
        if len(ring) < 3:
            continue
        first = project(*ring[0])
        path.moveTo(first[0], first[1])
        for lon, lat in ring[1:]:
            x, y = project(lon, lat)
            path.lineTo(x, y)
        path.closeSubpath()
    return path


def world_transform(vp: Viewport) -> QTransform:
    """World units -> widget pixels for ``vp``."""
    s = vp.scale
    return QTransform(s, 0, 0, s, vp.width / 2 - vp.cx * s, vp.height / 2 - vp.cy * s)
