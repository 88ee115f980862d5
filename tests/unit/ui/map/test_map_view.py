# SPDX-License-Identifier: GPL-3.0-or-later
"""The map from the keyboard and the mouse: zoom, pan, fit, select, open, area filter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QThreadPool
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gallery_app.core.gallery.manifest import load_manifest
from gallery_app.core.geo.projection import project
from gallery_app.core.models import Entry, Location
from gallery_app.core.paths import bundled_gallery_path
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.map_marks import SYNC_LIMIT, MapMarks
from gallery_app.ui.map.view import MapView

NO_MOD = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    pool = QThreadPool()
    yield pool
    pool.waitForDone()


@pytest.fixture
def view(qtbot: QtBot, pool: QThreadPool) -> MapView:
    state = FilterState()
    widget = MapView(state, MapMarks(state, pool))
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    with qtbot.wait_signal(widget.marks.layer_changed, timeout=60_000):
        widget.marks.set_entries(load_manifest(bundled_gallery_path()).entries)
    assert widget.marks.ready
    widget.grab()  # one paint: the hits are known
    return widget


def _screen(view: MapView, lon: float, lat: float) -> QPointF:
    return QPointF(*view.viewport.to_screen(*project(lon, lat)))


TIKRIT = (43.67861, 34.61581)
ROAD_MIDDLE = ((43.67861 + 44.40088) / 2, (34.61581 + 33.34058) / 2)


def _mouse(view: MapView, kind: QEvent.Type, pos: QPointF, buttons=LEFT, mods=NO_MOD) -> None:
    button = LEFT if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(kind, pos, view.mapToGlobal(pos), button, buttons, mods)
    QApplication.sendEvent(view, event)


def _drag(view: MapView, start: QPointF, end: QPointF, mods=NO_MOD) -> None:
    _mouse(view, QEvent.Type.MouseButtonPress, start, mods=mods)
    for k in range(1, 6):
        _mouse(view, QEvent.Type.MouseMove, start + (end - start) * (k / 5), mods=mods)
    _mouse(view, QEvent.Type.MouseButtonRelease, end, buttons=Qt.MouseButton.NoButton, mods=mods)


def test_opens_fitted_on_tikrit_and_the_road(view: MapView) -> None:
    labels = {h.label for h in view.hits}
    assert "Tikrit · 9 photos" in labels
    assert "the main road between Baghdad and Tikrit · 2 photos" in labels
    p = _screen(view, *TIKRIT)
    assert view.rect().contains(p.toPoint())
    assert "11 placed photos" in view.accessibleDescription()


def test_zoom_with_keys_and_wheel(qtbot: QtBot, view: MapView) -> None:
    z = view.viewport.zoom
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.viewport.zoom == z + 1
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.viewport.zoom == z - 1
    pos = _screen(view, *TIKRIT)
    wheel = QWheelEvent(
        pos,
        view.mapToGlobal(pos),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        NO_MOD,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, wheel)
    assert view.viewport.zoom == z
    assert _screen(view, *TIKRIT).x() == pytest.approx(pos.x(), abs=0.01)  # stays under the pointer


def test_pan_with_arrows_and_drag_and_fit_again(qtbot: QtBot, view: MapView) -> None:
    before = _screen(view, *TIKRIT)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert _screen(view, *TIKRIT).x() > before.x()  # the map moves right: we look west
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert _screen(view, *TIKRIT).y() < before.y()
    fitted = view.viewport
    start = _screen(view, *TIKRIT)
    _drag(view, QPointF(500, 350), QPointF(400, 300))
    moved = _screen(view, *TIKRIT) - start
    assert (moved.x(), moved.y()) == pytest.approx((-100, -50))
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.viewport.zoom == pytest.approx(fitted.zoom)


def test_click_selects_and_double_click_opens(qtbot: QtBot, view: MapView) -> None:
    road = _screen(view, *ROAD_MIDDLE)
    with qtbot.wait_signal(view.entry_selected) as selected:
        _mouse(view, QEvent.Type.MouseButtonPress, road)
        _mouse(view, QEvent.Type.MouseButtonRelease, road, buttons=Qt.MouseButton.NoButton)
    assert selected.args == ["07"]
    assert view.selected == "07"
    tikrit = _screen(view, *TIKRIT)
    with qtbot.wait_signal(view.entry_activated) as opened:
        _mouse(view, QEvent.Type.MouseButtonDblClick, tikrit)
    assert opened.args == ["01"]


def test_keyboard_steps_through_photos_and_enter_opens(qtbot: QtBot, view: MapView) -> None:
    with qtbot.wait_signal(view.entry_selected) as first:
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert first.args == ["01"]
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert view.selected == "11"
    with qtbot.wait_signal(view.entry_activated) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == ["11"]


def test_shift_drag_filters_by_area_and_esc_clears(qtbot: QtBot, view: MapView) -> None:
    baghdad = _screen(view, 44.40088, 33.34058)
    _drag(
        view,
        baghdad - QPointF(20, 20),
        baghdad + QPointF(20, 20),
        mods=Qt.KeyboardModifier.ShiftModifier,
    )
    area = view.filter_state.value.area
    assert area is not None and area.contains(44.40088, 33.34058)
    assert not area.contains(*TIKRIT)
    assert view.area_rect() is not None
    view.grab()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.filter_state.value.area is None
    with qtbot.wait_signal(view.leave_requested):  # a second Esc leaves the map
        qtbot.keyClick(view, Qt.Key.Key_Escape)


def test_a_filters_by_the_area_shown(qtbot: QtBot, view: MapView) -> None:
    qtbot.keyClick(view, Qt.Key.Key_A)
    area = view.filter_state.value.area
    assert area is not None and area.contains(*TIKRIT)


def test_the_map_follows_the_date_filter(view: MapView) -> None:
    april3 = dt.date(2015, 4, 3)
    view.filter_state.set_date_range(april3, april3)
    layer = view.layer
    assert sorted(m.entry_id for m in layer.pins) == ["09", "11"]
    assert [len(g.marks) for g in layer.stretches] == [2]
    view.filter_state.set_date_range(dt.date(2015, 3, 31), dt.date(2015, 3, 31))
    assert [m.entry_id for m in view.layer.pins] == ["06"] and not view.layer.stretches


def test_hover_shows_the_card(view: MapView) -> None:
    _mouse(view, QEvent.Type.MouseMove, _screen(view, *TIKRIT), buttons=Qt.MouseButton.NoButton)
    assert view.hover is not None and len(view.hover.entry_ids) == 9
    assert not view.grab().isNull()


def test_a_country_only_place_is_drawn_as_its_outline(qtbot: QtBot, pool: QThreadPool) -> None:
    state = FilterState()
    view = MapView(state, MapMarks(state, pool))
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    loc = Location(name="northern Iraq", country="Iraq", country_code="IQ", source="caption")
    with qtbot.wait_signal(view.marks.layer_changed, timeout=60_000):
        view.marks.set_entries([Entry(id="r", position=1, caption="<b>not bold</b>", location=loc)])
    view.grab()
    (hit,) = view.hits
    assert hit.path is not None and hit.label == "Iraq · 1 photo"
    assert 0 < view.viewport.zoom <= 6


def test_big_galleries_are_placed_off_the_gui_thread(qtbot: QtBot, pool: QThreadPool) -> None:
    state = FilterState()
    marks = MapMarks(state, pool)
    entries = [
        Entry(
            id=str(k),
            position=k,
            location=Location(lat=(k % 170) - 85.0, lon=(k % 359) - 179.5, source="EXIF GPS"),
        )
        for k in range(SYNC_LIMIT + 10)
    ]
    with qtbot.wait_signal(marks.layer_changed, timeout=60_000) as changed:
        marks.set_entries(entries)
    assert len(changed.args[0].pins) == SYNC_LIMIT + 10
    # Every cluster level comes with the layer: nothing is left to build while the hand moves.
    assert sum(c.count for c in marks.layer.index.level(3).clusters()) == SYNC_LIMIT + 10


def test_online_tiles_show_their_attribution(qtbot: QtBot, pool: QThreadPool, tmp_path) -> None:
    from gallery_app.qt.map_tiles import TileSource

    state = FilterState()
    tiles = TileSource(pool, enabled=False, cache=tmp_path)
    view = MapView(state, MapMarks(state, pool), tiles=tiles)
    qtbot.addWidget(view)
    assert "OpenStreetMap" not in view.credit_text()
    tiles.enabled = True
    assert view.credit_text().startswith("© OpenStreetMap contributors")


def test_gps_and_caption_that_disagree_are_both_drawn_and_joined(
    qtbot: QtBot, pool: QThreadPool
) -> None:
    state = FilterState()
    view = MapView(state, MapMarks(state, pool))
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    caption = "Iraqi forces in Tikrit, 80 miles north of Baghdad, Iraq, Friday, April 3, 2015."
    loc = Location(lat=33.3406, lon=44.4009, source="EXIF GPS")  # Baghdad, 150 km away
    with qtbot.wait_signal(view.marks.layer_changed, timeout=60_000):
        view.marks.set_entries([Entry(id="g", position=1, caption=caption, location=loc)])
    view.set_viewport(view.viewport.zoomed(2.0))
    view.grab()
    labels = [h.label for h in view.hits]
    assert "Tikrit" in labels  # the caption's place, as a ring beside the GPS pin
    mark = view.marks.mark("g")
    assert mark is not None and mark.disagreement is not None
    assert 150 < mark.disagreement.km < 160


def test_the_status_bar_shows_the_area_and_clears_it(qtbot: QtBot) -> None:
    from gallery_app.core.geo.area import GeoArea
    from gallery_app.ui.map.area_status import AreaStatus

    state = FilterState()
    status = AreaStatus(state)
    qtbot.addWidget(status)
    assert status.isHidden()
    state.set_area(GeoArea(42.0, 33.1, 45.1, 35.2))
    assert not status.isHidden()
    assert status.label.text() == "Area: 33.10° N – 35.20° N, 42.00° E – 45.10° E"
    qtbot.mouseClick(status.clear_button, Qt.MouseButton.LeftButton)
    assert state.value.area is None and status.isHidden()


def test_the_world_is_read_when_the_map_first_paints_not_when_it_is_built(
    qtbot: QtBot, pool: QThreadPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gallery_app.ui.map import view as view_module

    reads: list[int] = []
    real = view_module.load_basemap
    monkeypatch.setattr(view_module, "load_basemap", lambda: reads.append(1) or real())
    state = FilterState()
    widget = MapView(state, MapMarks(state, pool))
    qtbot.addWidget(widget)
    assert reads == []  # a window whose map is never shown never reads it
    widget.resize(640, 400)
    widget.show()
    widget.grab()
    assert reads == [1]


def test_pins_with_no_place_name_get_no_empty_label(qtbot: QtBot, pool: QThreadPool) -> None:
    state = FilterState()
    view = MapView(state, MapMarks(state, pool))
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    entries = [
        Entry(id=str(k), position=k, location=Location(lat=48.0 + k, lon=2.0, source="EXIF GPS"))
        for k in range(3)
    ]
    with qtbot.wait_signal(view.marks.layer_changed, timeout=60_000):
        view.marks.set_entries(entries)
    view.grab()
    assert len(view.hits) == 3 and all(h.label == "" for h in view.hits)
    painted = view._painted
    assert painted is not None and painted.label_boxes == []  # no blank label beside a pin


def test_a_regions_name_near_the_edge_stays_whole_on_screen(
    qtbot: QtBot, pool: QThreadPool
) -> None:
    state = FilterState()
    view = MapView(state, MapMarks(state, pool))
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    loc = Location(region="Washington", country="United States", country_code="US")
    with qtbot.wait_signal(view.marks.layer_changed, timeout=60_000):
        view.marks.set_entries([Entry(id="w", position=1, location=loc)])
    x, y = project(-120.5, 47.4)  # the middle of Washington state, put near the left edge
    scale = 256 * 2.0**4
    view.set_viewport(replace(view.viewport, zoom=4.0, cx=x + (400 - 10) / scale, cy=y))
    view.grab()
    painted = view._painted
    assert painted is not None and painted.label_boxes
    (box,) = painted.label_boxes
    assert box.left() >= 0 and box.right() <= view.width()
