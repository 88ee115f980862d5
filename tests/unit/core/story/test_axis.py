# SPDX-License-Identifier: GPL-3.0-or-later
"""Long empty stretches collapse into breaks; pixels and times map both ways."""

from __future__ import annotations

import datetime as dt

import pytest

from gallery_app.core.story.axis import DAY, AxisScale, build_axis, moment, seconds
from gallery_app.core.story.ticks import Unit, tick_label, tick_unit, ticks


def _year(y: int) -> tuple[float, float]:
    return seconds(dt.datetime(y, 1, 1)), seconds(dt.datetime(y + 1, 1, 1))


def test_an_outlier_sits_behind_a_break_instead_of_flattening_the_axis() -> None:
    intervals = [_year(1919)] + [_year(y) for y in range(1998, 2025)]
    axis = build_axis(intervals)
    assert len(axis.breaks) == 1
    gap_from, gap_to = axis.breaks[0]
    assert moment(gap_from).year in (1919, 1920) and moment(gap_to).year in (1997, 1998)
    scale = AxisScale(axis, 1000 / axis.shown_seconds, break_px=30)
    x_1998 = scale.x_of(seconds(dt.datetime(1998, 6, 1)))
    assert x_1998 < 0.2 * scale.width  # 1998–2024 fill the axis, not its right quarter


def test_a_day_without_photos_is_no_break() -> None:
    days = [seconds(dt.datetime(2015, 3, d)) for d in (30, 31)] + [
        seconds(dt.datetime(2015, 4, d)) for d in (2, 3)
    ]
    axis = build_axis((t, t + DAY) for t in days)
    assert axis.breaks == ()
    assert axis.start < days[0] and axis.end > days[-1] + DAY


def test_pixels_and_times_round_trip_across_a_break() -> None:
    axis = build_axis([_year(1919), _year(2015), _year(2016)])
    scale = AxisScale(axis, 1e-6, break_px=40)
    for t in (seconds(dt.datetime(1919, 5, 1)), seconds(dt.datetime(2016, 2, 1))):
        assert scale.t_of(scale.x_of(t)) == pytest.approx(t, abs=1.0)
    ((left, right),) = scale.break_spans()
    assert right - left == pytest.approx(40)
    assert scale.visible_segments(left - 1, right + 1)[0][1] == axis.segments[0][1]


def test_ticks_follow_the_zoom_with_readable_labels() -> None:
    per_day = 200 / DAY  # 200 px a day
    assert tick_unit(per_day) is Unit.DAY
    assert tick_unit(1 / (30 * DAY)) is Unit.DECADE
    start = seconds(dt.datetime(2015, 3, 30))
    days = list(ticks(start, start + 4 * DAY, Unit.DAY))
    assert [tick_label(t, Unit.DAY) for t in days] == [
        "Mon 30 Mar", "Tue 31 Mar", "Wed 1 Apr", "Thu 2 Apr", "Fri 3 Apr",
    ]  # fmt: skip
    assert tick_label(seconds(dt.datetime(2015, 1, 1)), Unit.MONTH) == "Jan 2015"
