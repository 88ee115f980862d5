# SPDX-License-Identifier: GPL-3.0-or-later
"""The basemap's place and country names, placed once per zoom and blitted as static text.

Laying out some 400 names and testing them for overlap took 2–7 ms a frame,
on the GUI thread (fonts are not for workers).  A zoom's placement does not
change while the hand pans, so it is worked out once per zoom over the whole
world (places first, then countries, never two overlapping, a country only
where it is wide enough on screen for its name) and kept; a frame then
draws the names whose anchor is on screen as ``QStaticText``, laid out the
first time a name shows (placing measures only widths).
Placing over the whole world rather than the view also keeps names from
popping in and out while panning.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QStaticText

from gallery_app.core.geo.viewport import TILE, Viewport

CITY_LABEL_ZOOM = 4.0
COUNTRY_LABEL_ZOOM = 2.5
KEPT = 8  # placements kept (zoom levels)
DOT = 3.0  # a place's dot, and a pixel to spare
CELL = 128.0  # pixels: the grid the overlap test files boxes under

Place = tuple[str, tuple[float, float]]  # name, world point
Country = tuple[str, tuple[float, float, float, float], tuple[float, float]]  # name, box, point


@dataclass(frozen=True)
class Placed:
    x: float  # world units: the anchor (a place's dot, a country's middle)
    y: float
    dx: float  # pixels from the anchor to the text's top left
    dy: float
    name: str  # "": a place whose dot shows but whose name did not fit
    city: bool
    w: float = 0.0  # the text's size in pixels (0 when no name is written)
    h: float = 0.0

    def reach(self) -> tuple[float, float, float, float]:
        """Pixels from the anchor that the dot and the name cover: left, top, right, bottom."""
        return (
            min(self.dx, -DOT),
            min(self.dy, -DOT),
            max(self.dx + self.w, DOT),
            max(self.dy + self.h, DOT),
        )


class LabelLayout:
    """Placements of ``cities`` and ``countries`` per zoom and font, painted for a viewport."""

    def __init__(self, cities: list[Place], countries: list[Country]) -> None:
        self._cities = cities
        self._countries = countries
        self._placed: OrderedDict[tuple[float, str], list[Placed]] = OrderedDict()
        self._texts: dict[tuple[str, str], QStaticText] = {}
        self._widths: dict[str, tuple[list[float], float, float]] = {}
        self._grids: OrderedDict[tuple[float, str], dict[tuple[int, int], list[Placed]]] = (
            OrderedDict()
        )

    def paint(
        self, p: QPainter, vp: Viewport, city_pen: QColor, country_pen: QColor
    ) -> list[QRectF]:
        """Draw the names placed for ``vp``'s zoom that reach into ``vp`` (a tile, or the
        view); return the screen boxes they took."""
        city_font, country_font = _fonts(p.font())
        shown = self._shown(vp, city_font, country_font)
        scale, half_w, half_h = vp.scale, vp.width / 2, vp.height / 2
        p.save()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(city_pen)
        boxes: list[QRectF] = []
        dots = [q for q in shown if q.city]
        for q in dots:
            p.drawEllipse(
                QPointF((q.x - vp.cx) * scale + half_w, (q.y - vp.cy) * scale + half_h), 2.2, 2.2
            )
        for font, pen, city in ((city_font, city_pen, True), (country_font, country_pen, False)):
            p.setFont(font)
            p.setPen(pen)
            font_key = font.key()
            for q in shown:
                if q.city is city and q.name:
                    sx = (q.x - vp.cx) * scale + half_w + q.dx
                    sy = (q.y - vp.cy) * scale + half_h + q.dy
                    text = self._text(q.name, font, font_key)
                    p.drawStaticText(QPointF(sx, sy), text)
                    boxes.append(QRectF(QPointF(sx, sy), text.size()))
        p.restore()
        return boxes

    def boxes(self, vp: Viewport, font: QFont) -> list[QRectF]:
        """The screen boxes of the names :meth:`paint` writes in ``vp`` (nothing drawn);
        none when the names of ``vp``'s zoom are not placed yet (placing is for tiles)."""
        city_font, country_font = _fonts(font)
        if (vp.zoom, city_font.key()) not in self._grids:
            return []
        scale, half_w, half_h = vp.scale, vp.width / 2, vp.height / 2
        return [
            QRectF(
                (q.x - vp.cx) * scale + half_w + q.dx,
                (q.y - vp.cy) * scale + half_h + q.dy,
                q.w,
                q.h,
            )
            for q in self._shown(vp, city_font, country_font)
            if q.name
        ]

    def prepare(self, zoom: float, font: QFont) -> bool:
        """Place the names of ``zoom`` in ``font`` unless they are; True when this placed them."""
        city_font, country_font = _fonts(font)
        if (zoom, city_font.key()) in self._grids:
            return False
        self._grid_for(zoom, city_font, country_font)
        return True

    def _grid_for(
        self, zoom: float, city_font: QFont, country_font: QFont
    ) -> dict[tuple[int, int], list[Placed]]:
        key = (zoom, city_font.key())
        grid = self._grids.get(key)
        if grid is None:
            grid = self._grids[key] = _grid(self._placement(zoom, city_font, country_font), zoom)
            if len(self._grids) > KEPT:
                self._grids.popitem(last=False)
        return grid

    def _shown(self, vp: Viewport, city_font: QFont, country_font: QFont) -> list[Placed]:
        """The placed names whose dot or text reaches into ``vp``, by a grid of cells."""
        grid = self._grid_for(vp.zoom, city_font, country_font)
        scale = vp.scale
        x0, y0 = (vp.cx * scale - vp.width / 2), (vp.cy * scale - vp.height / 2)
        x1, y1 = x0 + vp.width, y0 + vp.height
        seen: dict[int, Placed] = {}
        for i in range(math.floor(x0 / CELL), math.floor(x1 / CELL) + 1):
            for j in range(math.floor(y0 / CELL), math.floor(y1 / CELL) + 1):
                for q in grid.get((i, j), ()):
                    left, top, right, bottom = q.reach()
                    ax, ay = q.x * scale, q.y * scale
                    if ax + left < x1 and ax + right > x0 and ay + top < y1 and ay + bottom > y0:
                        seen[id(q)] = q
        return list(seen.values())

    def _placement(self, zoom: float, city_font: QFont, country_font: QFont) -> list[Placed]:
        key = (zoom, city_font.key())
        found = self._placed.get(key)
        if found is None:
            found = self._placed[key] = self._place(zoom, city_font, country_font)
            if len(self._placed) > KEPT:
                self._placed.popitem(last=False)
        return found

    def _place(self, zoom: float, city_font: QFont, country_font: QFont) -> list[Placed]:
        """Greedy over the world: places first, then countries; no two boxes overlap.

        Only arithmetic on widths measured once per font, so a new zoom costs little."""
        scale = TILE * 2.0**zoom
        taken = Boxes()
        out: list[Placed] = []
        if zoom >= CITY_LABEL_ZOOM:
            widths, ascent, h = self._metrics(city_font, [n for n, _p in self._cities])
            for (name, (x, y)), w in zip(self._cities, widths, strict=True):
                left, top = x * scale + 5, y * scale - 4 - ascent
                shown = taken.add(left, top, left + w, top + h)  # the dot shows either way
                if shown:
                    out.append(Placed(x, y, 5, -4 - ascent, name, True, w, h))
                else:
                    out.append(Placed(x, y, 5, -4 - ascent, "", True))
        if zoom >= COUNTRY_LABEL_ZOOM:
            widths, _ascent, h = self._metrics(country_font, [c[0] for c in self._countries])
            for (name, (x0, _y0, x1, _y1), (lx, ly)), w in zip(
                self._countries, widths, strict=True
            ):
                if (x1 - x0) * scale < w + 8:
                    continue
                left, top = lx * scale - w / 2, ly * scale - h / 2
                if taken.add(left, top, left + w, top + h):
                    out.append(Placed(lx, ly, -w / 2, -h / 2, name, False, w, h))
        return out

    def _metrics(self, font: QFont, names: list[str]) -> tuple[list[float], float, float]:
        """Each name's width, the ascent and the line height in ``font`` (measured once)."""
        key = font.key()
        found = self._widths.get(key)
        if found is None or len(found[0]) != len(names):
            fm = QFontMetricsF(font)
            found = ([fm.horizontalAdvance(n) for n in names], fm.ascent(), fm.height())
            self._widths[key] = found
        return found

    def _text(self, name: str, font: QFont, font_key: str) -> QStaticText:
        key = (name, font_key)
        found = self._texts.get(key)
        if found is None:
            found = self._texts[key] = QStaticText(name)
            found.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
            found.prepare(font=font)
        return found


class Boxes:
    """Boxes filed by grid cell, so a new box is tested only against its neighbours."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}

    def add(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        """File the box unless it overlaps one filed before; True when filed."""
        cells = _cells(x0, y0, x1, y1)
        for c in cells:
            for a0, b0, a1, b1 in self._cells.get(c, ()):
                if x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
                    return False
        self._file(cells, (x0, y0, x1, y1))
        return True

    def __iter__(self) -> Iterator[tuple[float, float, float, float]]:
        """Every box filed (left, top, right, bottom), each once, in the order filed."""
        seen: dict[tuple[float, float, float, float], None] = {}
        for boxes in self._cells.values():
            seen.update(dict.fromkeys(boxes))
        return iter(seen)

    def file(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """File the box whatever it overlaps (something already drawn)."""
        self._file(_cells(x0, y0, x1, y1), (x0, y0, x1, y1))

    def _file(self, cells: list[tuple[int, int]], box: tuple[float, float, float, float]) -> None:
        for c in cells:
            self._cells.setdefault(c, []).append(box)


def _cells(x0: float, y0: float, x1: float, y1: float) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i in range(math.floor(x0 / CELL), math.floor(x1 / CELL) + 1)
        for j in range(math.floor(y0 / CELL), math.floor(y1 / CELL) + 1)
    ]


def _grid(placed: list[Placed], zoom: float) -> dict[tuple[int, int], list[Placed]]:
    """Each placed name filed under every ``CELL`` of world pixels it reaches into."""
    scale = TILE * 2.0**zoom
    grid: dict[tuple[int, int], list[Placed]] = {}
    for q in placed:
        left, top, right, bottom = q.reach()
        ax, ay = q.x * scale, q.y * scale
        for c in _cells(ax + left, ay + top, ax + right, ay + bottom):
            grid.setdefault(c, []).append(q)
    return grid


def _fonts(base: QFont) -> tuple[QFont, QFont]:
    city = QFont(base)
    city.setItalic(True)
    country = QFont(base)
    country.setCapitalization(QFont.Capitalization.AllUppercase)
    country.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 112)
    return city, country
