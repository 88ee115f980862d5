# SPDX-License-Identifier: GPL-3.0-or-later
"""The basemap's shapes and names are drawn as tiles between frames, per zoom, and stretched
meanwhile."""

from __future__ import annotations

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
    painter.paint(qp, tile_viewport(key), colours)
    qp.end()
    assert tile == whole


def test_tiles_are_drawn_between_frames_and_not_while_the_wheel_turns(
    qtbot: QtBot, view: MapView, monkeypatch: pytest.MonkeyPatch
) -> None:
    _settle(qtbot, view)  # (until the first tiles come, the map draws in place)
    drawn: list[float] = []
    in_frame: list[bool] = []
    real_render, real_paint = basemap_cache.render_tiles, MapView.paintEvent
    painting = [False]

    def render(painter: BasemapPainter, keys: list, *args: object) -> object:
        drawn.extend(k[0] for k in keys)
        in_frame.append(painting[0])
        return real_render(painter, keys, *args)  # type: ignore[arg-type]

    def paint(self: MapView, event: object) -> None:
        painting[0] = True
        real_paint(self, event)  # type: ignore[arg-type]
        painting[0] = False

    monkeypatch.setattr(basemap_cache, "render_tiles", render)
    monkeypatch.setattr(MapView, "paintEvent", paint)
    for _ in range(3):  # three wheel steps, one frame each, no pause between them
        view.set_viewport(view.viewport.zoomed(0.25))
        view.repaint()
    assert drawn == []  # nothing drawn for zooms the hand is only passing through
    _settle(qtbot, view)
    assert drawn and set(drawn) == {view.viewport.zoom}
    assert not any(in_frame)  # a frame only blits: tiles are drawn between frames


def test_a_tile_writes_its_part_of_a_name_that_crosses_its_edge(qtbot: QtBot) -> None:
    painter = BasemapPainter(load_basemap())
    colours = BasemapColours(QPalette())
    vp = Viewport(*BAGHDAD, zoom=6.0, width=4 * TILE, height=4 * TILE)
    whole = QImage(vp.width, vp.height, QImage.Format.Format_RGB32)
    qp = QPainter(whole)
    painter.paint(qp, vp, colours)
    qp.end()
    tiled = QImage(vp.width, vp.height, QImage.Format.Format_RGB32)
    tiled.fill(colours.sea)
    qp = QPainter(tiled)
    for key, image in basemap_cache.render_tiles(painter, tiles_of(vp), colours, 1.0):
        x0, y0 = vp.to_screen(key[1] * TILE / vp.scale, key[2] * TILE / vp.scale)
        qp.drawImage(round(x0), round(y0), image)
    qp.end()
    assert _differing(whole, tiled) < 0.002 * vp.width * vp.height  # the same names, whole


def _differing(a: QImage, b: QImage) -> int:
    """Pixels that differ visibly (the tiles sit on whole pixels, the view on a fraction)."""
    step, count = 2, 0
    for y in range(0, a.height(), step):
        for x in range(0, a.width(), step):
            ca, cb = a.pixelColor(x, y), b.pixelColor(x, y)
            if abs(ca.lightness() - cb.lightness()) > 60:
                count += step * step
    return count


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
    view.set_viewport(view.viewport.zoomed(0.5))
    assert not view.is_settled()  # the new zoom's tiles wait for the wheel to stop
    assert _land_pixel(view) == land  # the desert is still land, not in an empty sea
    _settle(qtbot, view)
    assert _land_pixel(view) == land


def test_each_zoom_keeps_its_tiles(qtbot: QtBot, view: MapView) -> None:
    _settle(qtbot, view)
    qtbot.keyClick(view, "+")
    _settle(qtbot, view)
    qtbot.keyClick(view, "-")
    assert view.is_settled()  # back at the zoom before: drawn at once, nothing to render


def test_outlines_are_built_ahead_in_short_steps_and_match_those_built_at_once(
    qtbot: QtBot,
) -> None:
    warmed = BasemapPainter(load_basemap())
    steps = 0
    while not warmed.warm(0.0):  # no time at all: one outline a step
        steps += 1
    assert steps > 100  # hundreds of countries and lakes, a few at a time
    at_once = BasemapPainter(load_basemap())
    for detail in (0, 1, 2):
        assert warmed.land_path(detail).elementCount() == at_once.land_path(detail).elementCount()
        assert warmed.lake_path(detail).elementCount() == at_once.lake_path(detail).elementCount()
