# SPDX-License-Identifier: GPL-3.0-or-later
"""Rivers, province borders and province names appear at their zoom; a province is drawn."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import QPointF, QRectF, QThreadPool
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from pytestqt.qtbot import QtBot

from gallery_app.core.geo.projection import project
from gallery_app.core.geo.regions import load_regions
from gallery_app.core.geo.rivers import load_rivers
from gallery_app.core.geo.viewport import Viewport
from gallery_app.core.models import Entry, Location
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.map_marks import MapMarks
from gallery_app.ui.map.basemap import world_transform
from gallery_app.ui.map.geo_layer_data import GeoLayerData
from gallery_app.ui.map.geo_layers import GeoLayerColours, GeoLayers, label_room
from gallery_app.ui.map.view import MapView

TIKRIT = (43.67861, 34.61581)
BAGHDAD = (44.40088, 33.34058)
IRAQ = project(43.7, 33.8)


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    pool = QThreadPool()
    yield pool
    pool.waitForDone()


@pytest.fixture(scope="module")
def layers() -> GeoLayers:
    return GeoLayers(GeoLayerData(load_regions(), load_rivers()))


def _vp(zoom: float) -> Viewport:
    return Viewport(cx=IRAQ[0], cy=IRAQ[1], zoom=zoom, width=640, height=480)


def _inked(image: QImage) -> int:
    """Pixels painted on a transparent image."""
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).alpha() > 0
    )


def _shapes(layers: GeoLayers, vp: Viewport, which: str) -> tuple[int, int]:
    image = QImage(vp.width, vp.height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    p = QPainter(image)
    p.setTransform(world_transform(vp))
    colours = GeoLayerColours.of(QPalette())
    drawn = getattr(layers, which)(p, vp, colours)
    p.end()
    return drawn, _inked(image)


@pytest.mark.parametrize(
    ("which", "hidden_at", "shown_at"),
    [("paint_rivers", 2.0, 3.5), ("paint_region_borders", 4.0, 5.5)],
)
def test_each_layer_draws_from_its_zoom_on(
    qtbot: QtBot, layers: GeoLayers, which: str, hidden_at: float, shown_at: float
) -> None:
    assert _shapes(layers, _vp(hidden_at), which) == (0, 0)
    drawn, inked = _shapes(layers, _vp(shown_at), which)
    assert drawn > 0 and inked > 100
    drawn_close, inked_close = _shapes(layers, _vp(8.0), which)
    assert drawn_close > 0 and inked_close > 50


def test_region_names_at_close_zoom_keep_clear_of_pins(qtbot: QtBot, layers: GeoLayers) -> None:
    image = QImage(640, 480, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    p = QPainter(image)
    colours = GeoLayerColours.of(QPalette())
    assert layers.paint_region_labels(p, _vp(4.5), colours, []) == 0
    vp = _vp(6.0)
    first = layers.paint_region_labels(p, vp, colours, [])
    assert first <= 8 and layers.unfinished  # a frame lays out a few new names, no more
    while layers.unfinished:  # the next frames lay out the others
        free = layers.paint_region_labels(p, vp, colours, [])
    at = QPointF(*vp.to_screen(*project(43.729, 34.387)))  # Sala ad-Din's label point
    taken = label_room([], [_Pin(at, 12.0)])
    (pin,) = list(taken)
    crowded = layers.paint_region_labels(p, vp, colours, taken)
    p.end()
    assert free >= 10  # Iraq's governorates and its neighbours' provinces
    assert crowded >= free - 1
    names = [QRectF(QPointF(a, b), QPointF(c, d)) for a, b, c, d in list(taken)[1:]]
    assert len(names) == crowded
    assert not any(box.intersects(QRectF(QPointF(*pin[:2]), QPointF(*pin[2:]))) for box in names)


@dataclass
class _Pin:  # what a mark's Hit says of a pin
    centre: QPointF
    radius: float


def _blue(image: QImage, colour: QColor) -> int:
    """Pixels close to the river colour."""
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            d = abs(c.red() - colour.red()) + abs(c.green() - colour.green())
            if d + abs(c.blue() - colour.blue()) < 60:
                count += 1
    return count


def test_the_map_reads_the_layers_off_the_gui_thread_and_draws_rivers_close(
    qtbot: QtBot, pool: QThreadPool
) -> None:
    state = FilterState()
    view = MapView(state, MapMarks(state, pool))
    qtbot.addWidget(view)
    view.resize(640, 480)
    view.show()
    qtbot.wait_until(view.is_settled, timeout=60_000)  # the layers arrived
    river = GeoLayerColours.of(view.palette()).river
    view.set_viewport(replace(_vp(2.0), width=view.width(), height=view.height()))
    qtbot.wait_until(view.is_settled, timeout=60_000)  # its tiles drawn on the worker
    far = _blue(view.grab().toImage(), river)
    view.set_viewport(replace(_vp(6.0), width=view.width(), height=view.height()))
    qtbot.wait_until(view.is_settled, timeout=60_000)
    close = _blue(view.grab().toImage(), river)
    assert far < 20 and close > 200  # the Tigris, the Euphrates and their branches


def test_a_caption_province_is_drawn_as_that_province(qtbot: QtBot, pool: QThreadPool) -> None:
    state = FilterState()
    view = MapView(state, MapMarks(state, pool))
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    loc = Location(
        name="Salahuddin province, Iraq",
        region="Salahuddin province",
        country="Iraq",
        country_code="IQ",
        source="caption",
    )
    with qtbot.wait_signal(view.marks.layer_changed, timeout=60_000):
        view.marks.set_entries([Entry(id="s", position=1, location=loc)])
    view.grab()
    (hit,) = view.hits
    assert hit.label == "Salahuddin province, Iraq · 1 photo"
    assert hit.path is not None and hit.radius == 0  # an area, never a pin
    on_screen = QRectF(view.rect())
    tikrit = QPointF(*view.viewport.to_screen(*project(*TIKRIT)))
    baghdad = QPointF(*view.viewport.to_screen(*project(*BAGHDAD)))
    assert on_screen.contains(tikrit) and hit.path.contains(tikrit)
    assert not hit.path.contains(baghdad)
    assert view.viewport.zoom >= 5.5  # fitted on the province, closer than the world


def test_the_layers_are_read_when_the_map_is_first_shown_not_when_the_window_is_built(
    qtbot: QtBot, pool: QThreadPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A window builds its map page at start-up; reading rivers and regions then would
    share the interpreter with the first screen and a folder's scan."""
    asked: list[GeoLayerData] = []
    real = GeoLayerData.load_in

    def counted(self: GeoLayerData, *args: object) -> None:
        asked.append(self)
        real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(GeoLayerData, "load_in", counted)
    state = FilterState()
    view = MapView(state, MapMarks(state, pool))
    qtbot.addWidget(view)
    assert asked == []
    view.resize(320, 240)
    view.show()
    assert len(asked) == 1
    qtbot.wait_until(lambda: asked[0].ready, timeout=60_000)


def test_names_left_to_lay_out_do_not_hold_the_map_once_the_zoom_leaves_them(
    qtbot: QtBot, pool: QThreadPool
) -> None:
    state = FilterState()
    view = MapView(state, MapMarks(state, pool))
    qtbot.addWidget(view)
    view.resize(640, 480)
    view.show()
    qtbot.wait_until(view.is_settled, timeout=60_000)  # the layers arrived
    view.set_viewport(replace(_vp(6.0), width=view.width(), height=view.height()))
    view.repaint()  # one frame: a few of the provinces' names, the rest left for later
    view.set_viewport(replace(_vp(4.0), width=view.width(), height=view.height()))
    view.repaint()  # no region names at this zoom: none left to lay out
    qtbot.wait_until(view.is_settled, timeout=60_000)
