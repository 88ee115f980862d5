# SPDX-License-Identifier: GPL-3.0-or-later
"""The filter bar: pickers, day presets, undated toggle and throttled search."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from gallery_app.qt.models.filter_state import FilterState
from gallery_app.ui.window.filter_bar import SEARCH_DELAY_MS, FilterBar
from tests.unit.ui.story_gallery import iraq_gallery

MAR30, APR3 = dt.date(2015, 3, 30), dt.date(2015, 4, 3)

# Qt's offscreen platform warns whenever a shown top-level window with a layout
# sets its minimum size; that is the test platform talking, not the widget.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def state() -> FilterState:
    return FilterState()


@pytest.fixture
def bar(qtbot, state) -> FilterBar:
    widget = FilterBar(state)
    qtbot.addWidget(widget)
    widget.set_entries(iraq_gallery(undated=1).entries)
    widget.show()
    return widget


def test_one_preset_per_day_with_photos_and_all_dates(bar):
    items = [bar.preset_combo.itemText(i) for i in range(bar.preset_combo.count())]
    assert items == [
        "All dates",
        "Mon 30 Mar 2015 (5)",
        "Tue 31 Mar 2015 (1)",
        "Thu 2 Apr 2015 (1)",
        "Fri 3 Apr 2015 (4)",
    ]  # no preset for April 1: it has no photos


def test_preset_sets_the_day_and_the_pickers_follow(bar, state):
    bar.preset_combo.activated.emit(4)
    assert (state.value.date_from, state.value.date_to) == (APR3, APR3)
    assert bar.from_edit.date() == QDate(2015, 4, 3)
    assert bar.to_edit.text() == "2015-04-03"
    assert bar.undated_check.isEnabled()
    bar.preset_combo.activated.emit(0)
    assert not state.value.has_date_range
    assert bar.from_edit.text() == "Any"


def test_pickers_set_an_open_or_closed_range(bar, state):
    bar.from_edit.setDate(QDate(2015, 3, 31))
    assert (state.value.date_from, state.value.date_to) == (dt.date(2015, 3, 31), None)
    bar.to_edit.setDate(QDate(2015, 4, 2))
    assert state.value.date_to == dt.date(2015, 4, 2)
    assert bar.preset_combo.currentIndex() == -1  # a range is no single preset
    bar.all_dates_button.click()
    assert not state.value.has_date_range
    assert bar.preset_combo.currentIndex() == 0


def test_filter_set_elsewhere_shows_in_the_pickers(bar, state):
    state.set_date_range(MAR30, MAR30)
    assert bar.from_edit.date() == QDate(2015, 3, 30)
    assert bar.preset_combo.currentText() == "Mon 30 Mar 2015 (5)"
    state.set_date_range(dt.date(2014, 1, 1), None)  # before the gallery's first day
    assert bar.from_edit.date() == QDate(2014, 1, 1)
    assert bar.from_edit.text() == "2014-01-01"


def test_include_undated_toggle(bar, state):
    state.set_date_range(MAR30, MAR30)
    assert not bar.undated_check.isChecked()  # a day means that day's photos
    bar.undated_check.click()
    assert state.value.include_undated is True
    state.set_include_undated(False)
    assert not bar.undated_check.isChecked()


def test_search_is_throttled_to_the_last_keystroke(bar, state, qtbot):
    changes: list[str] = []
    state.changed.connect(lambda flt: changes.append(flt.text))
    qtbot.keyClicks(bar.search_edit, "guitar")
    assert changes == []  # nothing per keystroke
    with qtbot.wait_signal(state.changed, timeout=SEARCH_DELAY_MS * 10):
        pass
    assert changes == ["guitar"]
    assert state.value.text == "guitar"


def test_enter_applies_at_once_and_escape_clears(bar, state, qtbot):
    qtbot.keyClicks(bar.search_edit, "tikrit")
    qtbot.keyClick(bar.search_edit, Qt.Key.Key_Return)
    assert state.value.text == "tikrit"
    qtbot.keyClick(bar.search_edit, Qt.Key.Key_Escape)
    qtbot.wait_until(lambda: state.value.text == "")


def test_focus_search_and_accessible_names(bar, qtbot):
    bar.window().activateWindow()
    bar.search_edit.setText("old")
    bar.focus_search()
    qtbot.wait_until(bar.search_edit.hasFocus)
    assert bar.search_edit.selectedText() == "old"
    for widget in (
        bar.from_edit,
        bar.to_edit,
        bar.preset_combo,
        bar.all_dates_button,
        bar.undated_check,
        bar.search_edit,
    ):
        assert widget.accessibleName()
