# SPDX-License-Identifier: GPL-3.0-or-later
"""The timeline strip: five days of the Iraq gallery, clicks, drags, keys and Esc."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from gallery_app.core.gallery.timeline import TimeUnit
from gallery_app.core.models import Entry, Precision, TakenAt
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.ui.timeline.view import UNDATED, TimelineView
from tests.unit.ui.story_gallery import iraq_gallery

MAR30, MAR31, APR1, APR2, APR3 = (
    dt.date(2015, 3, 30),
    dt.date(2015, 3, 31),
    dt.date(2015, 4, 1),
    dt.date(2015, 4, 2),
    dt.date(2015, 4, 3),
)


@pytest.fixture
def state() -> FilterState:
    return FilterState()


@pytest.fixture
def view(qtbot, state) -> TimelineView:
    widget = TimelineView(state)
    qtbot.addWidget(widget)
    widget.resize(600, 130)
    widget.set_entries(iraq_gallery().entries)
    widget.show()
    qtbot.wait_exposed(widget)
    return widget


def centre(view: TimelineView, index: int) -> QPoint:
    return view.bar_rect(index).center()


def drag(view: TimelineView, start: QPoint, end: QPoint) -> None:
    """Press, move with the button held, release: QTest cannot hold a button while moving."""
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        QPointF(start),
        view.mapToGlobal(QPointF(start)),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(end),
        view.mapToGlobal(QPointF(end)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    release = QMouseEvent(
        QEvent.Type.MouseButtonRelease,
        QPointF(end),
        view.mapToGlobal(QPointF(end)),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    for event in (press, move, release):
        QApplication.sendEvent(view, event)


def test_shows_all_five_days_including_the_empty_first_of_april(view):
    timeline = view.timeline()
    assert timeline.unit is TimeUnit.DAY
    assert [b.first_day() for b in timeline.buckets] == [MAR30, MAR31, APR1, APR2, APR3]
    assert [b.count for b in timeline.buckets] == [5, 1, 0, 1, 4]
    assert view.bar_count() == 5
    assert view.bar_label(0) == "Mon 30 Mar"
    assert view.bar_label(2) == "Wed 1 Apr"
    bars = [view.bar_rect(i) for i in range(5)]
    assert all(r.width() > 40 for r in bars)
    assert all(a.right() < b.left() + 1 for a, b in itertools.pairwise(bars))


def test_click_shows_one_day_and_a_second_click_clears(view, state, qtbot):
    with qtbot.wait_signal(state.changed):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre(view, 4))
    assert (state.value.date_from, state.value.date_to) == (APR3, APR3)
    assert view.selected_indices() == [4]
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre(view, 4))
    assert not state.value.has_date_range


def test_drag_across_bars_sets_a_range(view, state):
    drag(view, centre(view, 0), centre(view, 2))
    assert (state.value.date_from, state.value.date_to) == (MAR30, APR1)
    assert view.selected_indices() == [0, 1, 2]
    drag(view, centre(view, 4), centre(view, 3))  # right to left works too
    assert (state.value.date_from, state.value.date_to) == (APR2, APR3)


def test_escape_clears_and_keyboard_selects(view, state, qtbot):
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert (state.value.date_from, state.value.date_to) == (MAR31, MAR31)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not state.value.has_date_range
    qtbot.keyClick(view, Qt.Key.Key_End)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert (state.value.date_from, state.value.date_to) == (APR2, APR3)


def test_filter_set_elsewhere_is_highlighted_here(view, state):
    state.set_date_range(MAR31, APR2)
    assert view.selected_indices() == [1, 2, 3]
    assert "Shown: Tue 31 Mar to Thu 2 Apr" in view.accessibleDescription()


def test_current_photo_day_is_marked(view):
    entries = iraq_gallery().entries
    view.set_current(entries[3])  # photo 4, April 2
    assert view.current_index() == 3
    view.set_current(None)
    assert view.current_index() is None


def test_undated_photos_have_their_own_bar_that_toggles_them(qtbot, state):
    view = TimelineView(state)
    qtbot.addWidget(view)
    view.resize(640, 130)
    view.set_entries(iraq_gallery(undated=2).entries)
    view.show()
    assert view.bar_count() == 6
    assert view.timeline().undated == 2
    assert view.bar_rect(UNDATED).left() > view.bar_rect(4).right()
    state.set_date_range(MAR30, MAR30)
    assert not state.value.include_undated
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre(view, UNDATED))
    assert state.value.include_undated
    assert state.value.date_from == MAR30  # the day stays chosen
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre(view, UNDATED))
    assert not state.value.include_undated


def test_tooltip_names_the_day_and_count(view):
    assert view._tooltip(0).startswith("Monday 30 March 2015: 5 photos.")
    assert view._tooltip(2).startswith("Wednesday 1 April 2015: 0 photos.")


def test_search_text_shows_matching_counts(view, state):
    state.set_text("guitar")
    assert view.search_counts() == [0, 0, 0, 0, 1]


def test_accessible_name_and_empty_gallery(qtbot, state):
    view = TimelineView(state)
    qtbot.addWidget(view)
    view.set_entries([])
    assert view.accessibleName() == "Timeline"
    assert view.accessibleDescription() == "No dated photos."
    assert view.bar_count() == 0
    view.grab()  # paints without error


def _dated(i: int, when: dt.datetime, precision: Precision) -> Entry:
    return Entry(id=f"d{i}", position=i, taken=TakenAt(when, precision, "exif"))


def test_unit_follows_the_span(qtbot, state):
    view = TimelineView(state)
    qtbot.addWidget(view)
    view.resize(800, 130)
    hours = [_dated(i, dt.datetime(2015, 3, 30, 9 + i, 15), Precision.MINUTE) for i in range(4)]
    view.set_entries(hours)
    assert view.timeline().unit is TimeUnit.HOUR
    assert view.bar_label(0) == "09:00 Mon 30"
    months = [
        _dated(1, dt.datetime(2014, 1, 5), Precision.DAY),
        _dated(2, dt.datetime(2015, 6, 5), Precision.DAY),
    ]
    view.set_entries(months)
    assert view.timeline().unit is TimeUnit.MONTH
    assert view.bar_label(0) == "Jan 2014"
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre(view, 1))
    assert (state.value.date_from, state.value.date_to) == (
        dt.date(2014, 2, 1),
        dt.date(2014, 2, 28),
    )
    view.grab()


@pytest.mark.parametrize("width", [160, 220, 300, 420, 600, 1200])
def test_day_labels_never_collide(qtbot, state, width):
    """At any width, the labels drawn leave room between them and "Undated"."""
    from gallery_app.ui.timeline.paint import LABEL_GAP, label_left, label_width, labels_that_fit

    entries = list(iraq_gallery().entries)
    start = dt.datetime(2015, 1, 1, 12)
    entries += [_dated(100 + i, start + dt.timedelta(days=3 * i), Precision.DAY) for i in range(30)]
    entries.append(Entry(id="u", position=99, caption="undated"))
    view = TimelineView(state)
    qtbot.addWidget(view)
    view.resize(width, 130)
    view.set_entries(entries)
    shown = view._labels_shown(view.font())
    assert shown[0], "the first bar is always labelled"
    spans = []
    for index, on in enumerate(shown):
        if on:
            centre = view.bar_rect(index).center().x()
            wide = label_width(view._label_lines(view.timeline().buckets[index]), view.font())
            left = label_left(centre, wide, width)
            spans.append((left, left + wide))
    wide = label_width(("Undated", ""), view.font())
    left = label_left(view.bar_rect(UNDATED).center().x(), wide, width)
    spans.append((left, left + wide))
    assert spans[0][0] >= 0 and spans[-1][1] <= width, "labels stay inside the strip"
    for (_, right), (left, _) in itertools.pairwise(spans):
        assert right + LABEL_GAP <= left + 0.5
    assert labels_that_fit([], [], None) == []


def test_selected_bars_use_the_highlight_and_others_a_muted_accent(view, state):
    from PySide6.QtGui import QPalette

    state.set_date_range(MAR30, MAR30)
    image = view.grab().toImage()
    area = view.bar_rect(0)
    selected = image.pixelColor(area.center().x(), area.bottom() - 40)
    other = image.pixelColor(view.bar_rect(4).center().x(), area.bottom() - 40)
    accent = view.palette().color(QPalette.ColorRole.Highlight)
    assert abs(selected.hue() - accent.hue()) < 12 and selected.saturation() > 60
    assert other != selected and other.saturation() > 15, "other bars are tinted, not grey"
