# SPDX-License-Identifier: GPL-3.0-or-later
"""The date pickers' calendars mark the days that have photos."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from gallery_app.qt.models.filter_state import FilterState
from gallery_app.ui.window.filter_bar import FilterBar
from tests.unit.ui.story_gallery import iraq_gallery

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MAR30, MAR31, APR3 = dt.date(2015, 3, 30), dt.date(2015, 3, 31), dt.date(2015, 4, 3)


@pytest.fixture
def bar(qtbot: QtBot) -> FilterBar:
    widget = FilterBar(FilterState())
    qtbot.addWidget(widget)
    widget.set_entries(iraq_gallery(undated=1).entries)
    widget.show()
    return widget


def test_both_calendars_mark_exactly_the_days_with_photos(bar: FilterBar) -> None:
    days = sorted({e.taken.day for e in iraq_gallery().entries if e.taken is not None})
    assert MAR30 in days and APR3 in days
    for edit in (bar.from_edit, bar.to_edit):
        assert bar.marked_days(edit) == days
        calendar = edit.calendarWidget()
        marked = calendar.dateTextFormat(QDate(2015, 3, 30))
        assert marked.fontWeight() == QFont.Weight.Bold
        assert marked.foreground().color().isValid()
        plain = calendar.dateTextFormat(QDate(2015, 3, 29))  # a day without photos
        assert plain.fontWeight() != QFont.Weight.Bold


def test_only_the_page_shown_is_marked_and_turning_it_marks_the_next(bar: FilterBar) -> None:
    entries = iraq_gallery().entries
    later = [
        replace(e, taken=replace(e.taken, value=e.taken.value.replace(year=2016, month=7)))
        for e in entries
        if e.taken is not None
    ][:1]
    bar.set_entries([*entries, *later])
    calendar = bar.to_edit.calendarWidget()
    calendar.setCurrentPage(2015, 3)
    assert MAR30 in bar.marked_days(bar.to_edit)
    assert later[0].taken.day not in bar.marked_days(bar.to_edit)  # a year later: not shown
    calendar.setCurrentPage(2016, 7)  # the user turns to July 2016
    assert bar.marked_days(bar.to_edit) == [later[0].taken.day]


def test_another_gallery_moves_the_marks(bar: FilterBar) -> None:
    entries = iraq_gallery().entries
    moved = [
        replace(e, taken=replace(e.taken, value=e.taken.value.replace(year=2016)))
        for e in entries
        if e.taken is not None
    ][:1]
    bar.set_entries(moved)
    only = moved[0].taken
    assert only is not None
    bar.from_edit.calendarWidget().setCurrentPage(only.day.year, only.day.month)
    assert bar.marked_days(bar.from_edit) == [only.day]  # the old days are cleared
    bar.set_entries([])
    assert bar.marked_days(bar.to_edit) == []


def test_the_same_days_are_not_set_again(bar: FilterBar, monkeypatch: pytest.MonkeyPatch) -> None:
    calendar = bar.from_edit.calendarWidget()
    calls: list[object] = []
    monkeypatch.setattr(calendar, "setDateTextFormat", lambda *a: calls.append(a))
    bar.set_entries(iraq_gallery(undated=1).entries)  # a scan batch that adds no new day
    assert calls == []


def test_a_new_palette_marks_in_its_colour(bar: FilterBar) -> None:
    from PySide6.QtGui import QColor, QPalette

    palette = bar.palette()
    palette.setColor(QPalette.ColorRole.Link, QColor("#ff8800"))
    bar.setPalette(palette)  # as a switch between light and dark does
    marked = bar.from_edit.calendarWidget().dateTextFormat(QDate(2015, 3, 30))
    assert marked.foreground().color() == QColor("#ff8800")
