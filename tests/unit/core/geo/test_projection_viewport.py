# SPDX-License-Identifier: GPL-3.0-or-later
"""Web Mercator and the viewport: points land where a web map puts them."""

from __future__ import annotations

import pytest

from gallery_app.core.geo.distance import distance_km, format_km
from gallery_app.core.geo.projection import MAX_LAT, project, unproject
from gallery_app.core.geo.viewport import Viewport, WorldRect, bounds_of


def test_projection_corners_and_centre() -> None:
    assert project(0, 0) == pytest.approx((0.5, 0.5))
    assert project(-180, MAX_LAT) == pytest.approx((0.0, 0.0), abs=1e-9)
    assert project(180, -MAX_LAT) == pytest.approx((1.0, 1.0), abs=1e-9)


def test_projection_round_trips_tikrit() -> None:
    x, y = project(43.67861, 34.61581)
    assert unproject(x, y) == pytest.approx((43.67861, 34.61581))


def test_poles_are_clamped_not_infinite() -> None:
    assert project(0, 90) == project(0, MAX_LAT)


def test_north_is_up() -> None:
    assert project(44.4, 33.3)[1] > project(43.7, 34.6)[1]  # Baghdad lies south of Tikrit


def test_zoom_keeps_the_point_under_the_pointer() -> None:
    vp = Viewport(cx=0.6, cy=0.4, zoom=5, width=1000, height=700)
    before = vp.to_world(200, 150)
    after = vp.zoomed(1.5, 200, 150)
    assert after.zoom == 6.5
    assert after.to_world(200, 150) == pytest.approx(before)


def test_pan_moves_content_with_the_drag() -> None:
    vp = Viewport(cx=0.5, cy=0.5, zoom=4, width=800, height=600)
    x, y = vp.to_world(100, 100)
    moved = vp.panned(30, -20)
    assert moved.to_screen(x, y) == pytest.approx((130, 80))


def test_zoom_is_bounded() -> None:
    vp = Viewport(zoom=3, width=512, height=512)
    assert vp.zoomed(-10).zoom == pytest.approx(1.0)  # the world fills the width
    assert vp.zoomed(40).zoom == 17


def test_fit_shows_the_rectangle_and_caps_zoom() -> None:
    tikrit, baghdad = project(43.68, 34.62), project(44.40, 33.34)
    rect = bounds_of([tikrit, baghdad])
    assert rect is not None
    vp = Viewport(width=1280, height=800).fitted(rect, max_zoom=6)
    assert vp.zoom == 6
    for point in (tikrit, baghdad):
        sx, sy = vp.to_screen(*point)
        assert 0 < sx < 1280 and 0 < sy < 800
    wide = Viewport(width=1280, height=800).fitted(WorldRect(0.1, 0.2, 0.9, 0.7), max_zoom=9)
    x0, _ = wide.to_screen(0.1, 0.5)
    x1, _ = wide.to_screen(0.9, 0.5)
    assert x0 >= 47 and x1 <= 1233


def test_distance_baghdad_tikrit() -> None:
    km = distance_km(44.40088, 33.34058, 43.67861, 34.61581)
    assert 150 < km < 160  # "80 miles north of Baghdad"
    assert format_km(km) == f"{km:,.0f} km"
    assert format_km(3.24) == "3.2 km"
