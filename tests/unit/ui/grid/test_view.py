# SPDX-License-Identifier: GPL-3.0-or-later
"""GridView: opens photos from keyboard and mouse, resizes, fetches only what is seen."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from gallery_app.core.models import Gallery
from gallery_app.qt.models.filter_proxy import GalleryFilterProxy
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.photos import PhotoModel
from gallery_app.ui.grid.view import MAX_THUMBNAIL, MIN_THUMBNAIL, GridView
from tests.unit.photo_samples import photo_gallery, wire_gallery
from tests.unit.qt.models.test_photos import FakeLoader, requested_id


@pytest.fixture
def grid(qtbot) -> GridView:
    loader = FakeLoader()
    model = PhotoModel(loader)  # type: ignore[arg-type]
    proxy = GalleryFilterProxy(FilterState(), model)
    view = GridView(proxy, thumbnail_size=128)
    qtbot.addWidget(view)
    view.resize(700, 500)
    model.set_gallery(wire_gallery())
    view.show()
    qtbot.waitExposed(view)
    view.loader = loader  # type: ignore[attr-defined]
    return view


def test_enter_opens_the_current_photo(grid, qtbot) -> None:
    assert grid.accessibleName() == "Photos"
    assert grid.current_entry().id == "e01"  # the first photo is current from the start
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.current_entry().id == "e02"
    with qtbot.wait_signal(grid.activated_entry) as opened:
        qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert opened.args[0].id == "e02"


def test_double_click_opens_that_photo(grid, qtbot) -> None:
    point = grid.cell_center(2)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert grid.current_entry().id == "e03"
    with qtbot.wait_signal(grid.activated_entry) as opened:
        qtbot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened.args[0].id == "e03"


def wheel(view: GridView, dy: int, modifiers: Qt.KeyboardModifier) -> None:
    pos = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        pos,
        QPointF(view.viewport().mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(0, dy),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_ctrl_wheel_and_slider_resize_cells(grid, qtbot) -> None:
    before = grid.visualRect(grid.model().index(0, 0)).height()
    with qtbot.wait_signal(grid.thumbnail_size_changed) as changed:
        wheel(grid, 240, Qt.KeyboardModifier.ControlModifier)
    assert changed.args == [160]
    assert grid.visualRect(grid.model().index(0, 0)).height() == before + 32
    grid.set_thumbnail_size(10_000)
    assert grid.thumbnail_size() == MAX_THUMBNAIL
    grid.set_thumbnail_size(1)
    assert grid.thumbnail_size() == MIN_THUMBNAIL
    wheel(grid, -120, Qt.KeyboardModifier.NoModifier)  # a plain wheel scrolls, no resize
    assert grid.thumbnail_size() == MIN_THUMBNAIL


def test_filter_shows_one_day_and_keeps_a_current_photo(grid) -> None:
    proxy = grid.model()
    proxy._filter_state.set_date_range(dt.date(2015, 4, 3), dt.date(2015, 4, 3))
    proxy._filter_state.set_include_undated(False)
    assert proxy.rowCount() == 3
    assert grid.current_entry() is not None
    assert grid.current_entry().taken.day == dt.date(2015, 4, 3)
    assert grid.select_entry("e10")
    assert not grid.select_entry("e01")  # filtered out


def test_thumbnails_requested_only_near_the_viewport(qtbot, tmp_path) -> None:
    base = photo_gallery(tmp_path).entries[0]
    entries = tuple(replace(base, id=f"p{i:03d}", position=i) for i in range(300))
    loader = FakeLoader()
    model = PhotoModel(loader)  # type: ignore[arg-type]
    model.MAX_IN_FLIGHT = 10_000  # let every wish through, to count them
    view = GridView(GalleryFilterProxy(FilterState(), model), thumbnail_size=128)
    qtbot.addWidget(view)
    view.resize(600, 400)
    model.set_gallery(Gallery(title="many", entries=entries))
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait_until(lambda: len(loader.requests) > 0)
    first = {requested_id(r[0]) for r in loader.requests}
    assert "p000" in first
    assert len(first) < 60  # a few screens' worth, not 300
    view.scrollToBottom()
    qtbot.wait_until(lambda: any("p299" in r[0] for r in loader.requests))
    assert len({r[0] for r in loader.requests}) < 120
