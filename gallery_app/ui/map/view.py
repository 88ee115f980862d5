# SPDX-License-Identifier: GPL-3.0-or-later
"""The map widget: the bundled world, the marks, and the hand that moves them.

Each frame paints the basemap from cached paths, then the regions and
stretches, then the clusters of the integer zoom level that are on screen
(from the grid index: the cost follows what is shown, not the gallery's
size), then the area filter, the hover card, the legend and the credits.
Input (``MapInput``) turns the wheel, +/−, drags, arrows, Shift+drag, clicks
and Esc into viewport changes, selections and the shared filter's area.
"""

from __future__ import annotations

import heapq
import logging

import shiboken6
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from gallery_app.core.geo.area import GeoArea
from gallery_app.core.geo.basemap import Basemap, detail_for, load_basemap
from gallery_app.core.geo.layer import MarkLayer
from gallery_app.core.geo.projection import project
from gallery_app.core.geo.viewport import Viewport, WorldRect
from gallery_app.qt.map_tiles import ATTRIBUTION, TileSource
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.map_marks import MapMarks
from gallery_app.ui.map.basemap import BasemapColours, BasemapPainter
from gallery_app.ui.map.basemap_cache import BasemapCache
from gallery_app.ui.map.card import MAX_ENTRIES, card_lines, paint_card
from gallery_app.ui.map.geo_layer_data import GeoLayerData
from gallery_app.ui.map.geo_layers import label_room
from gallery_app.ui.map.input import MapInput
from gallery_app.ui.map.legend import paint_legend
from gallery_app.ui.map.marks import (
    Hit,
    MarkColours,
    Painted,
    paint_later_labels,
    paint_pins,
    paint_shapes,
)
from gallery_app.ui.map.sprites import SpriteCache
from gallery_app.ui.map.tiles import paint_tiles

log = logging.getLogger(__name__)

FIT_MAX_ZOOM = 6.0  # "fit all" on one town still shows its country
CREDIT = "Natural Earth"


class MapView(QWidget):
    """Where each photo was taken; emits the entry to select or to open."""

    entry_selected = Signal(str)
    entry_activated = Signal(str)
    viewport_changed = Signal(object)  # Viewport
    leave_requested = Signal()  # Esc with no area set: back to the grid

    def __init__(
        self,
        filter_state: FilterState,
        marks: MapMarks,
        basemap: Basemap | None = None,
        tiles: TileSource | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tiles = tiles
        self.filter_state = filter_state
        self.marks = marks
        self._layer_data = GeoLayerData()  # rivers and regions, read off the GUI thread
        self._given_basemap = basemap
        self._painter: BasemapPainter | None = None  # read when first needed (see _basemap)
        self._cache: BasemapCache | None = None
        self.viewport = Viewport(width=max(1, self.width()), height=max(1, self.height()))
        self.selected: str | None = None
        self.hover: Hit | None = None
        self.hover_pos: QPointF | None = None
        self.band: QRectF | None = None  # the Shift+drag rectangle, in pixels
        self._painted: Painted | None = None  # what the last frame painted, for hit tests
        self._fitted = False
        self._sprites = SpriteCache()
        self._card_cache: tuple[object, list[tuple[str, bool]]] | None = None
        self.input = MapInput(self)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(240, 180)
        self.setAccessibleName("Map")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        marks.layer_changed.connect(self._on_layer_changed)
        if tiles is not None:
            tiles.tile_ready.connect(self.update)
        filter_state.changed.connect(lambda _f: self.update())
        self._describe()

    @property
    def _basemap(self) -> BasemapPainter:
        """The bundled world, read when the map first paints (or fits), not when the window
        is built: ~0.15 s that a window whose map is never shown does not spend."""
        if self._painter is None:
            world = self._given_basemap if self._given_basemap is not None else load_basemap()
            self._painter = BasemapPainter(world, self._layer_data)
        return self._painter

    @property
    def _base(self) -> BasemapCache:
        if self._cache is None:
            self._cache = BasemapCache(self._basemap, self)
        return self._cache

    # -- public API -----------------------------------------------------------
    @property
    def layer(self) -> MarkLayer:
        return self.marks.layer

    @property
    def hits(self) -> list[Hit]:
        """Every shape the last frame painted, bottom first (worked out once when asked)."""
        painted = self._painted
        if painted is None:
            return []
        if painted.pins is not None:
            painted.hits = painted.all_hits()
            painted.pins = None
        return painted.hits

    def set_current(self, entry_id: str | None) -> None:
        if entry_id != self.selected:
            self.selected = entry_id
            self.update()

    def set_viewport(self, vp: Viewport) -> None:
        if vp != self.viewport:
            self.viewport = vp
            self.hover = None
            self.update()
            self.viewport_changed.emit(vp)

    def fit_all(self) -> None:
        """Show every mark (and every region outline) with a margin."""
        rect = self._marks_bounds()
        if rect is None:
            self.set_viewport(self.viewport.fitted(WorldRect(0, 0.1, 1, 0.9), max_zoom=0))
            return
        self.set_viewport(self.viewport.fitted(rect, max_zoom=FIT_MAX_ZOOM))

    def credit_text(self) -> str:
        """Always on screen: the basemap's source, and OpenStreetMap's when its tiles show."""
        if self.tiles is not None and self.tiles.enabled:
            return f"{ATTRIBUTION} · {CREDIT}"
        return CREDIT

    def is_settled(self) -> bool:
        """Marks placed and the basemap drawn for the viewport shown (for screenshots)."""
        ready = self.marks.ready and self._layer_data.ready
        names_done = not self._basemap.geo.unfinished  # every region name laid out
        return ready and names_done and self._base.is_current(self.viewport)

    def set_area(self, area: GeoArea | None) -> None:
        self.filter_state.set_area(area)

    def area_rect(self) -> QRectF | None:
        """The shared filter's area on screen, if any."""
        area = self.filter_state.value.area
        if area is None:
            return None
        x0, y0 = self.viewport.to_screen(*project(area.west, area.north))
        x1, y1 = self.viewport.to_screen(*project(area.east, area.south))
        return QRectF(QPointF(x0, y0), QPointF(x1, y1)).normalized()

    def hit_at(self, pos: QPointF, slop: float = 4.0) -> Hit | None:
        """The topmost shape under ``pos`` (pins before stretches before regions)."""
        best: Hit | None = None
        best_d = slop
        for hit in reversed(self.hits):
            d = hit.distance(pos)
            if d <= best_d and (best is None or d < best_d or best.path is not None):
                best, best_d = hit, d
        return best

    # -- Qt events ----------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        self.viewport = self.viewport.resized(event.size().width(), event.size().height())
        if not self._fitted and self.layer.count:
            self._fitted = True
            self.fit_all()
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        # Rivers and regions are read when the map is first shown, not when the window
        # is built: their ~0.7 s of Python on a worker would share the interpreter with
        # the first screen and a folder's scan.
        self._layer_data.load_in(self.marks.pool, self._on_geo_layers_ready)
        super().showEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        vp = self.viewport
        pal = self.palette()
        base_colours = BasemapColours(pal)
        self._base.paint(p, vp, base_colours, self.devicePixelRatioF())
        if self.tiles is not None and self.tiles.enabled:
            paint_tiles(p, vp, self.tiles)
        colours = MarkColours(pal)
        painted = Painted(self._sprites, self.devicePixelRatioF())
        layer = self.layer
        paint_shapes(p, vp, layer, self._region_paths(layer, vp), colours, painted)
        level = layer.index.level(vp.level)
        shown = level.query_indices(vp.visible(margin_px=30))
        paint_pins(p, vp, layer, level, shown, self._selected_cluster(layer), colours, painted)
        paint_later_labels(p, colours, painted)
        self._painted = painted
        if self._basemap.geo.shows_region_labels(vp):
            boxes = (*self._basemap.label_boxes_for(vp, p.font()), *painted.label_boxes)
            discs = painted.pins.discs() if painted.pins is not None else []
            room = label_room(boxes, painted.hits, discs)
            self._basemap.geo.paint_region_labels(p, vp, base_colours.geo, room)
            if self._basemap.geo.unfinished:
                QTimer.singleShot(0, self, self.update)  # the other names in the next frames
        else:
            self._basemap.geo.forget_names()  # none to lay out at this zoom
        self._paint_area(p, colours)
        credit = self.credit_text()
        paint_legend(p, QRectF(self.rect()), pal, colours, self._sprites, painted.dpr, credit)
        if self.hover is not None and self.hover_pos is not None:
            paint_card(p, self.hover_pos, self._card(self.hover), pal, QRectF(self.rect()))
        p.end()

    def _card(self, hit: Hit) -> list[tuple[str, bool]]:
        """The hover card's lines, worked out once per hovered shape."""
        key = (id(self.layer), hit.cluster or hit.ids)
        if self._card_cache is not None and self._card_cache[0] == key:
            return self._card_cache[1]
        ids = hit.entry_ids
        rank = self.layer.rank
        first = heapq.nsmallest(MAX_ENTRIES, ids, key=lambda i: rank.get(i, 1 << 30))
        entries = [e for e in (self.marks.entry(i) for i in first) if e is not None]
        mks = [m for m in (self.marks.mark(i) for i in first[:1]) if m is not None]
        lines = card_lines(entries, mks, total=len(ids))
        self._card_cache = (key, lines)
        return lines

    def _selected_cluster(self, layer: MarkLayer) -> int:
        """The cluster of the current zoom that holds the selected photo's pin, or -1."""
        k = layer.pin_of.get(self.selected or "")
        return -1 if k is None else layer.index.cluster_of(self.viewport.level, k)

    # -- internals ------------------------------------------------------------------
    def _on_layer_changed(self, layer: MarkLayer) -> None:
        self.hover = None
        if not self._fitted and layer.count:
            self._fitted = True
            self.fit_all()
        self._describe()
        self.update()

    def _on_geo_layers_ready(self) -> None:
        if shiboken6.isValid(self):  # the view may have closed while they were read
            if self._cache is not None:
                self._cache.invalidate()  # a picture drawn before they came lacks them
            self.update()

    def reset_fit(self) -> None:
        """A new gallery: fit it when its marks arrive."""
        self._fitted = False

    def _region_paths(
        self, layer: MarkLayer, vp: Viewport
    ) -> dict[str, tuple[QPainterPath, tuple[float, float]]]:
        """Each region's outline (world units) and where its label goes, by region key."""
        detail = detail_for(vp.zoom)
        out = {}
        for group in layer.regions:
            mark = group.first
            if mark.province is not None:  # a province named by the caption: drawn as itself
                path: QPainterPath | None = self._basemap.geo.region_path(mark.province)
                point: tuple[float, float] | None = project(*mark.province.label)
            else:
                code = mark.region_code or ""
                path = self._basemap.country_path(code, detail)
                point = self._basemap.label_point(code)
            if path is not None and point is not None:
                out[mark.region_key] = (path, point)
        return out

    def _marks_bounds(self) -> WorldRect | None:
        layer = self.layer
        rects = [layer.bounds] if layer.bounds is not None else []
        for path, _point in self._region_paths(layer, self.viewport).values():
            r = path.boundingRect()
            rects.append(WorldRect(r.left(), r.top(), r.right(), r.bottom()))
        if not rects:
            return None
        return WorldRect(
            min(r.x0 for r in rects),
            min(r.y0 for r in rects),
            max(r.x1 for r in rects),
            max(r.y1 for r in rects),
        )

    def _paint_area(self, p: QPainter, colours: MarkColours) -> None:
        for rect, style in (
            (self.area_rect(), Qt.PenStyle.SolidLine),
            (self.band, Qt.PenStyle.DashLine),
        ):
            if rect is None:
                continue
            fill = QColor(colours.halo)
            fill.setAlphaF(0.10)
            p.setPen(QPen(colours.halo, 2.0, style))
            p.setBrush(fill)
            p.drawRect(rect)

    def _describe(self) -> None:
        layer = self.layer
        self.setAccessibleDescription(
            f"Map of {layer.count:,} placed photos: {len(layer.pins):,} at a point, "
            f"{sum(len(g.marks) for g in layer.stretches):,} on a stretch, "
            f"{sum(len(g.marks) for g in layer.regions):,} in a region. "
            "Arrows pan, plus and minus zoom, Ctrl+0 fits all, Shift+drag filters by area, "
            "Esc clears the area."
        )

    # Event handlers delegate to MapInput (kept apart: one concern per file).
    def mousePressEvent(self, e: QMouseEvent) -> None:
        self.input.press(e)

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        self.input.move(e)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        self.input.release(e)

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:
        self.input.double_click(e)

    def wheelEvent(self, e: QWheelEvent) -> None:
        self.input.wheel(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if not self.input.key(e):
            super().keyPressEvent(e)

    def leaveEvent(self, e: QEvent) -> None:
        self.hover = None
        self.update()
        super().leaveEvent(e)

    def event(self, e: QEvent) -> bool:
        if self.input.gesture(e):
            return True
        override = e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent)
        if override and self.input.handles(e):  # type: ignore[arg-type]
            e.accept()  # the map's arrows, Space and Esc before the window's shortcuts
            return True
        return super().event(e)
