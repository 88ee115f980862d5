# SPDX-License-Identifier: GPL-3.0-or-later
"""What the hand does on the map: wheel, pinch, +/−, drag and arrows move it;
a click selects, a double-click (or Enter) opens; Shift+drag, or ``a`` for the
area shown, filters the gallery by area and Esc clears that (a second Esc
leaves the map); Space and BackSpace step through the photos on the map;
Ctrl+0 (or 0) fits them all.
"""

from __future__ import annotations

import math
from typing import Protocol

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, SignalInstance
from PySide6.QtGui import QCursor, QKeyEvent, QMouseEvent, QNativeGestureEvent, QWheelEvent

from gallery_app.core.geo.area import GeoArea
from gallery_app.core.geo.cluster import Cluster
from gallery_app.core.geo.layer import MarkLayer
from gallery_app.core.geo.projection import unproject
from gallery_app.core.geo.viewport import Viewport
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.ui.map.marks import Hit


class MapSurface(Protocol):
    """What the input handler reads and drives of the map view (the view owns the handler,
    so the handler knows the view only by this shape: no import cycle)."""

    viewport: Viewport
    selected: str | None
    hover: Hit | None
    hover_pos: QPointF | None
    band: QRectF | None
    filter_state: FilterState
    entry_selected: SignalInstance
    entry_activated: SignalInstance
    leave_requested: SignalInstance

    @property
    def layer(self) -> MarkLayer: ...
    def set_current(self, entry_id: str | None) -> None: ...
    def set_viewport(self, vp: Viewport) -> None: ...
    def fit_all(self) -> None: ...
    def set_area(self, area: GeoArea | None) -> None: ...
    def hit_at(self, pos: QPointF, slop: float = 4.0) -> Hit | None: ...
    def rect(self) -> QRect: ...
    def update(self) -> None: ...
    def setCursor(self, cursor: QCursor | Qt.CursorShape) -> None: ...
    def unsetCursor(self) -> None: ...


CLICK_SLOP = 4.0  # pixels a press may move and still be a click
WHEEL_STEP = 0.5  # zoom levels per wheel notch
KEY_PAN = 1 / 6  # of the widget per arrow press


class MapInput:
    def __init__(self, view: MapSurface) -> None:
        self.view = view
        self._press: QPointF | None = None
        self._press_vp: Viewport | None = None
        self._banding = False
        self._dragged = False

    # -- mouse ----------------------------------------------------------------------
    def press(self, e: QMouseEvent) -> None:
        if e.button() != Qt.MouseButton.LeftButton:
            return
        self._press, self._press_vp, self._dragged = e.position(), self.view.viewport, False
        self._banding = bool(e.modifiers() & Qt.KeyboardModifier.ShiftModifier)

    def move(self, e: QMouseEvent) -> None:
        view, pos = self.view, e.position()
        if self._press is not None and self._press_vp is not None:
            delta = pos - self._press
            if not self._dragged and math.hypot(delta.x(), delta.y()) <= CLICK_SLOP:
                return
            self._dragged = True
            if self._banding:
                view.band = QRectF(self._press, pos).normalized()
                view.update()
            else:
                view.setCursor(Qt.CursorShape.ClosedHandCursor)
                view.set_viewport(self._press_vp.panned(delta.x(), delta.y()))
            return
        hit = view.hit_at(pos)
        if hit is not view.hover or hit is not None:
            view.hover, view.hover_pos = hit, pos
            view.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
            view.update()

    def release(self, e: QMouseEvent) -> None:
        view = self.view
        if e.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        if self._banding and view.band is not None:
            band = view.band
            view.band = None
            if band.width() > CLICK_SLOP and band.height() > CLICK_SLOP:
                view.set_area(self._area_of(band))
            view.update()
        elif not self._dragged:
            self.click(e.position())
        self._press = self._press_vp = None
        self._banding = self._dragged = False
        view.unsetCursor()

    def click(self, pos: QPointF) -> None:
        """Select the photo under ``pos``; a crowd zooms in on itself instead."""
        view = self.view
        hit = view.hit_at(pos)
        if hit is None:
            return
        if hit.cluster is not None and hit.cluster.count > 1 and _spread_out(view, hit.cluster):
            view.set_viewport(view.viewport.zoomed(2.0, pos.x(), pos.y()))
            return
        self.select(self._first(hit.entry_ids))

    def double_click(self, e: QMouseEvent) -> None:
        hit = self.view.hit_at(e.position())
        if hit is not None:
            entry_id = self._first(hit.entry_ids)
            self.select(entry_id)
            self.view.entry_activated.emit(entry_id)

    def wheel(self, e: QWheelEvent) -> None:
        notches = e.angleDelta().y() / 120.0
        if notches:
            pos = e.position()
            self.view.set_viewport(
                self.view.viewport.zoomed(notches * WHEEL_STEP, pos.x(), pos.y())
            )
        e.accept()

    def gesture(self, e: QEvent) -> bool:
        """Pinch to zoom (touchpads that send native zoom gestures)."""
        if not isinstance(e, QNativeGestureEvent):
            return False
        if e.gestureType() != Qt.NativeGestureType.ZoomNativeGesture:
            return False
        pos = e.position()
        steps = math.log2(max(0.1, 1.0 + e.value()))
        self.view.set_viewport(self.view.viewport.zoomed(steps, pos.x(), pos.y()))
        return True

    # -- keys -------------------------------------------------------------------------
    def handles(self, e: QKeyEvent) -> bool:
        """True for the keys the map takes before the window's shortcuts (arrows, Space...)."""
        key = e.key()
        if key == Qt.Key.Key_Escape:
            return True  # clears the area, else goes back to the grid (see key())
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return bool(self.view.selected)
        return key in _MAP_KEYS

    def key(self, e: QKeyEvent) -> bool:
        """Handle ``e``; False lets the window have it."""
        view, key = self.view, e.key()
        vp = view.viewport
        ctrl = bool(e.modifiers() & Qt.KeyboardModifier.ControlModifier)
        pans = {
            Qt.Key.Key_Left: (vp.width * KEY_PAN, 0.0),
            Qt.Key.Key_Right: (-vp.width * KEY_PAN, 0.0),
            Qt.Key.Key_Up: (0.0, vp.height * KEY_PAN),
            Qt.Key.Key_Down: (0.0, -vp.height * KEY_PAN),
        }
        if key in pans:
            view.set_viewport(vp.panned(*pans[Qt.Key(key)]))
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            view.set_viewport(vp.zoomed(1.0))
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            view.set_viewport(vp.zoomed(-1.0))
        elif key == Qt.Key.Key_0 or (ctrl and key == Qt.Key.Key_0):
            view.fit_all()
        elif key == Qt.Key.Key_A and not ctrl:
            view.set_area(self._area_of(QRectF(view.rect())))
        elif key == Qt.Key.Key_Escape and view.filter_state.value.area is not None:
            view.set_area(None)
        elif key == Qt.Key.Key_Escape:
            view.leave_requested.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and view.selected:
            view.entry_activated.emit(view.selected)
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Backspace):
            self.step(1 if key == Qt.Key.Key_Space else -1)
        else:
            return False
        return True

    def step(self, delta: int) -> None:
        """Select the next (or previous) photo on the map, in gallery order."""
        layer = self.view.layer
        if not layer.order:
            return
        at = layer.rank.get(self.view.selected or "")
        if at is None:
            at = -1 if delta > 0 else 0
        self.select(layer.order[(at + delta) % len(layer.order)])

    def select(self, entry_id: str) -> None:
        self.view.set_current(entry_id)
        self.view.entry_selected.emit(entry_id)

    # -- helpers ------------------------------------------------------------------------
    def _first(self, ids: tuple[str, ...]) -> str:
        rank = self.view.layer.rank
        return min(ids, key=lambda i: rank.get(i, 1 << 30))

    def _area_of(self, band: QRectF) -> GeoArea:
        vp = self.view.viewport
        lon1, lat1 = unproject(*vp.to_world(band.left(), band.top()))
        lon2, lat2 = unproject(*vp.to_world(band.right(), band.bottom()))
        return GeoArea.spanning(max(-180, lon1), lat1, min(180, lon2), lat2)


_MAP_KEYS = frozenset(
    {
        Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
        Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus, Qt.Key.Key_Underscore,
        Qt.Key.Key_0, Qt.Key.Key_A, Qt.Key.Key_Space, Qt.Key.Key_Backspace,
    }
)  # fmt: skip


def _spread_out(view: MapSurface, cluster: Cluster) -> bool:
    """The cluster's photos stand on more than one point (zooming in would part them)."""
    pts = view.layer.index.points[cluster.members]
    return bool(len(pts) > 1 and (pts.max(axis=0) > pts.min(axis=0)).any())
