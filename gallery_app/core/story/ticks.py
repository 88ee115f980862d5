# SPDX-License-Identifier: GPL-3.0-or-later
"""Zoom units and the tick marks of the story axis (decade, year, month, week, day, hour).

The unit drawn is the finest whose steps are at least ``min_px`` apart at the
current zoom; labels are English and fixed, like every date label of the app.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from enum import StrEnum

from gallery_app.core.story.axis import DAY, moment, seconds


class Unit(StrEnum):
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"


#: Rough length of each unit, for choosing one and for "show one day" zooms.
UNIT_SECONDS = {
    Unit.HOUR: 3600.0,
    Unit.DAY: DAY,
    Unit.WEEK: 7 * DAY,
    Unit.MONTH: 30.44 * DAY,
    Unit.YEAR: 365.25 * DAY,
    Unit.DECADE: 3652.5 * DAY,
}
#: The units a user can zoom to with the buttons and keys, finest last.
ZOOM_UNITS = (Unit.YEAR, Unit.MONTH, Unit.WEEK, Unit.DAY, Unit.HOUR)

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def tick_unit(px_per_second: float, min_px: float = 56.0) -> Unit:
    """The finest unit whose steps are at least ``min_px`` apart."""
    for unit in Unit:
        if UNIT_SECONDS[unit] * px_per_second >= min_px:
            return unit
    return Unit.DECADE


def floor_to(when: dt.datetime, unit: Unit) -> dt.datetime:
    if unit is Unit.HOUR:
        return when.replace(minute=0, second=0, microsecond=0)
    day = dt.datetime.combine(when.date(), dt.time())
    if unit is Unit.DAY:
        return day
    if unit is Unit.WEEK:
        return day - dt.timedelta(days=when.weekday())
    if unit is Unit.MONTH:
        return dt.datetime(when.year, when.month, 1)
    if unit is Unit.YEAR:
        return dt.datetime(when.year, 1, 1)
    return dt.datetime(max(1, when.year - when.year % 10), 1, 1)


def next_tick(when: dt.datetime, unit: Unit) -> dt.datetime:
    if unit is Unit.HOUR:
        return when + dt.timedelta(hours=1)
    if unit is Unit.DAY:
        return when + dt.timedelta(days=1)
    if unit is Unit.WEEK:
        return when + dt.timedelta(days=7)
    if unit is Unit.MONTH:
        return dt.datetime(when.year + (when.month == 12), when.month % 12 + 1, 1)
    step = 1 if unit is Unit.YEAR else 10
    return dt.datetime(min(9999, when.year + step), 1, 1)


def ticks(t0: float, t1: float, unit: Unit, limit: int = 2000) -> Iterator[float]:
    """Unit boundaries from ``t0`` to ``t1`` (seconds), at most ``limit`` of them."""
    when = floor_to(moment(t0), unit)
    for _ in range(limit):
        t = seconds(when)
        if t > t1:
            return
        if t >= t0:
            yield t
        following = next_tick(when, unit)
        if following <= when:
            return
        when = following


def tick_label(t: float, unit: Unit) -> str:
    """``2015``, ``Mar 2015``, ``30 Mar``, ``Mon 30 Mar`` or ``14:00``."""
    when = moment(t)
    if unit in (Unit.YEAR, Unit.DECADE):
        return str(when.year)
    if unit is Unit.MONTH:
        name = _MONTHS[when.month - 1]
        return f"{name} {when.year}" if when.month == 1 else name
    if unit is Unit.WEEK:
        return f"{when.day} {_MONTHS[when.month - 1]}"
    if unit is Unit.DAY:
        return f"{_WEEKDAYS[when.weekday()]} {when.day} {_MONTHS[when.month - 1]}"
    return f"{when.hour:02d}:00"


def context_label(t: float, unit: Unit) -> str:
    """The coarser unit a tick belongs to, for the line under the ticks ("March 2015")."""
    when = moment(t)
    if unit in (Unit.HOUR,):
        return f"{_WEEKDAYS[when.weekday()]} {when.day} {_MONTHS[when.month - 1]} {when.year}"
    if unit in (Unit.DAY, Unit.WEEK):
        return f"{_MONTHS[when.month - 1]} {when.year}"
    if unit is Unit.MONTH:
        return str(when.year)
    return ""


def context_unit(unit: Unit) -> Unit | None:
    """The unit whose boundaries start a new context label."""
    coarser = {Unit.HOUR: Unit.DAY, Unit.DAY: Unit.MONTH, Unit.WEEK: Unit.MONTH}
    return coarser.get(unit, Unit.YEAR if unit is Unit.MONTH else None)
