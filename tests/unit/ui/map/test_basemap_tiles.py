# SPDX-License-Identifier: GPL-3.0-or-later
"""The basemap's shapes are drawn on a worker as tiles, per zoom, and stretched meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from pytestqt.qtbot import QtBot

from gallery_app.core.geo.basemap import load_basemap
from gallery_app.core.geo.projection import project
from gallery_app.core.geo.viewport import Viewport
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.map_marks import MapMarks
from gallery_app.ui.map import basemap_cache
from gallery_app.ui.map.basemap import BasemapColours, BasemapPainter
from gallery_app.ui.map.basemap_cache import TILE, tile_viewport, tiles_of
from gallery_app.ui.map.view import MapView

BAGHDAD = project(44.40088, 33.34058)
DESERT = project(41.5, 32.5)  # western Iraq: land, and no town's name nearby


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)  # as the app's map pool
    yield pool
    pool.waitForDone()


@pytest.fixture
def view(qtbot: QtBot, pool: QThreadPool) -> MapView:
    state = FilterState()
    widget = MapView(state, MapMarks(state, pool))
    qtbot.addWidget(widget)
    widget.resize(640, 400)
    widget.show()
    widget.set_viewport(Viewport(*BAGHDAD, zoom=5.0, width=640, height=400))
    return widget


def _settle(qtbot: QtBot, view: MapView) -> None:
    view.repaint()
    qtbot.wait_until(lambda: view.is_settled(), timeout=30_000)


def test_the_tiles_cover_the_view_middle_first_and_stay_in_the_world() -> None:
    vp = Viewport(*BAGHDAD, zoom=5.0, width=640, height=400)
    keys = tiles_of(vp)
    assert len(keys) == len(set(keys)) and all(k[0] == 5.0 for k in keys)
    first = keys[0]  # the middle of the view lies in the first tile
    assert (first[1], first[2]) == (BAGHDAD[0] * vp.scale // TILE, BAGHDAD[1] * vp.scale // TILE)
    covered = {(i, j) for _z, i, j in keys}
    assert len(covered) >= (640 // TILE) * (400 // TILE)
    world = Viewport(0.5, 0.5, 1.0, 2000, 2000)  # the view is larger than the world
    assert sorted((i, j) for _z, i, j in tiles_of(world)) == [(0, 0), (0, 1), (1, 0), (1, 1)]


def test_a_tile_matches_the_same_place_drawn_whole(qtbot: QtBot) -> None:
    painter = BasemapPainter(load_basemap())
    colours = BasemapColours(QPalette())
    key = tiles_of(Viewport(*BAGHDAD, zoom=5.0, width=TILE, height=TILE))[0]
    tile = basemap_cache.render_tiles(painter, [key], colours, 1.0)[0][1]
    whole = QImage(TILE, TILE, QImage.Format.Format_RGB32)
    qp = QPainter(whole)
    painter.paint_shapes(qp, tile_viewport(key), colours)
    qp.end()
    assert tile == whole


def test_shapes_are_drawn_off_the_gui_thread_and_labels_on_it(
    qtbot: QtBot, view: MapView, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: dict[str, set[bool]] = {"shapes": set(), "labels": set()}
    real_shapes, real_labels = BasemapPainter.paint_shapes, BasemapPainter.paint_labels

    def shapes(self: BasemapPainter, *args: object) -> None:
        threads["shapes"].add(threading.current_thread() is threading.main_thread())
        real_shapes(self, *args)  # type: ignore[arg-type]

    def labels(self: BasemapPainter, *args: object) -> None:
        threads["labels"].add(threading.current_thread() is threading.main_thread())
        real_labels(self, *args)  # type: ignore[arg-type]

    _settle(qtbot, view)  # (until the first tiles come, the map draws in place)
    monkeypatch.setattr(BasemapPainter, "paint_shapes", shapes)
    monkeypatch.setattr(BasemapPainter, "paint_labels", labels)
    qtbot.keyClick(view, "+")
    _settle(qtbot, view)
    assert threads == {"shapes": {False}, "labels": {True}}


def _land_pixel(view: MapView) -> QColor:
    x, y = view.viewport.to_screen(*DESERT)
    return view.grab().toImage().pixelColor(round(x), round(y))


def test_zooming_stretches_the_old_tiles_until_the_new_ones_come(
    qtbot: QtBot, view: MapView, monkeypatch: pytest.MonkeyPatch
) -> None:
    _settle(qtbot, view)
    land = _land_pixel(view)
    colours = BasemapColours(view.palette())
    assert land.name() == colours.land.name()
    gate = threading.Event()
    real = basemap_cache.render_tiles

    def slow(*args: object) -> object:
        gate.wait(20)  # the worker is busy: the new zoom's tiles cannot be ready yet
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(basemap_cache, "render_tiles", slow)
    view.set_viewport(view.viewport.zoomed(0.5))
    assert not view.is_settled()
    assert _land_pixel(view) == land  # the desert is still land, not in an empty sea
    gate.set()
    _settle(qtbot, view)
    assert _land_pixel(view) == land


def test_each_zoom_keeps_its_tiles(qtbot: QtBot, view: MapView) -> None:
    _settle(qtbot, view)
    qtbot.keyClick(view, "+")
    _settle(qtbot, view)
    qtbot.keyClick(view, "-")
    assert view.is_settled()  # back at the zoom before: drawn at once, nothing to render
