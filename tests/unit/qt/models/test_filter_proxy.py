# SPDX-License-Identifier: GPL-3.0-or-later
"""GalleryFilterProxy follows the shared FilterState and reports its counts."""

from __future__ import annotations

import datetime as dt

import pytest

from gallery_app.qt.models.filter_proxy import GalleryFilterProxy
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.photos import PhotoModel
from tests.unit.photo_samples import wire_gallery
from tests.unit.qt.models.test_photos import FakeLoader


@pytest.fixture
def proxy(qtbot) -> GalleryFilterProxy:
    model = PhotoModel(FakeLoader())  # type: ignore[arg-type]
    proxy = GalleryFilterProxy(FilterState(), model)
    model.set_gallery(wire_gallery())
    return proxy


def test_everything_shown_without_a_filter(proxy) -> None:
    assert proxy.counts() == (11, 11)
    assert [e.id for e in proxy.visible_entries()][:3] == ["e01", "e02", "e03"]


def test_one_day_filters_grid_and_counts(proxy, qtbot) -> None:
    state = proxy._filter_state
    day = dt.date(2015, 3, 30)
    with qtbot.wait_signal(proxy.count_changed) as counted:
        state.set_date_range(day, day)
    assert counted.args == [5, 11]  # five that day; the undated one only on request
    state.set_include_undated(True)
    assert proxy.counts() == (6, 11)
    state.set_include_undated(False)
    assert proxy.counts() == (5, 11)
    assert [e.taken.day for e in proxy.visible_entries()] == [day] * 5
    assert proxy.entry(0).id == "e01"
    assert proxy.row_of("e04") == -1  # filtered out
    assert proxy.row_of("e05") == 3


def test_undated_entries_follow_the_toggle(proxy) -> None:
    state = proxy._filter_state
    state.set_date_range(dt.date(2015, 4, 3), None)
    assert [e.id for e in proxy.visible_entries()] == ["e07", "e09", "e10"]
    state.set_include_undated(True)
    assert [e.id for e in proxy.visible_entries()] == ["e07", "e09", "e10", "e11"]


def test_text_search_and_clear(proxy, qtbot) -> None:
    state = proxy._filter_state
    state.set_text("GUITAR")
    assert [e.id for e in proxy.visible_entries()] == ["e07"]
    with qtbot.wait_signal(proxy.count_changed) as counted:
        state.clear()
    assert counted.args == [11, 11]


def test_new_gallery_updates_counts(proxy, qtbot) -> None:
    model = proxy.photo_model()
    with qtbot.wait_signal(proxy.count_changed) as counted:
        model.set_gallery(None)
    assert counted.args == [0, 0]
    assert proxy.entry(0) is None


def test_search_sees_an_entry_changed_later(proxy) -> None:
    from dataclasses import replace

    model = proxy.photo_model()
    proxy._filter_state.set_text("palace")
    assert [e.id for e in proxy.visible_entries()] == ["e11"]
    model.replace_entry(replace(model.entry(0), caption="A palace by the river"))
    proxy._filter_state.set_text("palace river")
    assert [e.id for e in proxy.visible_entries()] == ["e01"]
