# SPDX-License-Identifier: GPL-3.0-or-later
"""The map in the real window: M shows it, its area filters the grid, Esc goes back."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gallery_app.app import Composition, Options, start
from gallery_app.core.geo.area import GeoArea
from gallery_app.core.paths import bundled_gallery_path
from gallery_app.ui.map.page import MapPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_the_area_drawn_on_the_map_filters_the_grid(
    make_app: Callable[..., Composition], qtbot: QtBot
) -> None:
    app = make_app((1100, 760), show=True)
    with qtbot.wait_signal(app.window.gallery_shown, timeout=20_000):
        start(app, Options(path=bundled_gallery_path()))
    assert app.window.findChild(MapPage, "map_page") is None  # built when first shown
    view_map = next(a for a in app.window.actions() if a.text() == "&Map")
    view_map.trigger()  # View → Map (M)
    page = app.window.findChild(MapPage, "map_page")
    assert page is not None
    assert page.is_shown()
    qtbot.wait_until(page.is_ready, timeout=60_000)
    assert page.marks.layer.count == 11
    page.view.set_area(GeoArea.spanning(44.0, 33.0, 44.8, 33.6))  # around Baghdad
    proxy = app.window.parts.proxy
    assert proxy.counts() == (2, 11)  # the two photos on the road from Baghdad
    assert not page.area_status.isHidden()
    assert "2 of 11 photos shown" in app.window.count_label.text()
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    assert proxy.counts() == (11, 11) and page.is_shown()
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    assert not page.is_shown()
