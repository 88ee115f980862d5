# SPDX-License-Identifier: GPL-3.0-or-later
"""How wide a photo's date really is: the span the timeline draws.

A date known to the day covers that day; to the month or year, that month or
year; to the minute or second, that moment.  A date whose caption contradicts
itself ("Sunday, March 31, 2015", but March 31 was a Tuesday) covers every
reading — from the day the weekday points to (the nearest Sunday, March 29)
to the stated day — and carries the reason in words.

:func:`date_span` is the one place that decides this.  It takes the caption
reader's readings (``TakenAt.readings``) when the entry has them, and reads
them off the entry's weekday warning otherwise (a manifest saved without
them).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from gallery_app.core.models import Entry, Precision, TakenAt

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_WARNING = re.compile(
    r"says (?P<said>[A-Z][a-z]+day), but .+? was a (?P<was>[A-Z][a-z]+day)"
)


@dataclass(frozen=True)
class DateSpan:
    """What the timeline draws for one photo.

    ``start`` is inclusive and ``end`` exclusive (equal for a moment);
    ``point`` is the stated date, where the photo's card sits; ``readings``
    lists every day the date may be (empty when there is one reading);
    ``reason`` says in words why the span is wider than its precision.
    """

    start: dt.datetime
    end: dt.datetime
    point: dt.datetime
    precision: Precision
    readings: tuple[dt.date, ...] = ()
    reason: str = ""

    @property
    def conflicting(self) -> bool:
        return len(self.readings) > 1

    @property
    def is_moment(self) -> bool:
        return self.start == self.end


def _naive(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is None else value.replace(tzinfo=None)


def _precision_span(taken: TakenAt) -> tuple[dt.datetime, dt.datetime]:
    v = _naive(taken.value)
    if taken.precision is Precision.YEAR:
        return dt.datetime(v.year, 1, 1), dt.datetime(v.year + 1, 1, 1)
    if taken.precision is Precision.MONTH:
        start = dt.datetime(v.year, v.month, 1)
        nxt = dt.datetime(v.year + (v.month == 12), v.month % 12 + 1, 1)
        return start, nxt
    if taken.precision is Precision.DAY:
        start = dt.datetime.combine(v.date(), dt.time())
        return start, start + dt.timedelta(days=1)
    return v, v


def readings_of(entry: Entry) -> tuple[tuple[dt.date, ...], str]:
    """Every day an uncertain date may be, and why; ``((), "")`` for a plain date.

    The weekday reading is the day nearest the stated one (within three days)
    that falls on the weekday the caption names.
    """
    taken = entry.taken
    if taken is None or not taken.uncertain:
        return (), ""
    if taken.readings:  # the caption reader's own readings, when it kept them
        days = tuple(sorted({reading.day for reading in taken.readings}))
        said = " or ".join(f"{r.day:%A} {r.day.day} ({r.reason})" for r in taken.readings)
        return days, next(iter(entry.warnings), f"The date may be {said}.")
    stated = taken.value.date()
    for warning in entry.warnings:
        match = _WEEKDAY_WARNING.search(warning)
        if match is None or match.group("said").lower() not in _WEEKDAYS:
            continue
        wanted = _WEEKDAYS.index(match.group("said").lower())
        shift = (wanted - stated.weekday() + 3) % 7 - 3  # -3 … +3
        implied = stated + dt.timedelta(days=shift)
        return tuple(sorted({stated, implied})), warning
    reason = next(iter(entry.warnings), "The date's source contradicts itself.")
    return (stated,), reason


def date_span(entry: Entry) -> DateSpan | None:
    """The span to draw for ``entry``; ``None`` for an undated photo (the tray)."""
    taken = entry.taken
    if taken is None:
        return None
    start, end = _precision_span(taken)
    point = start if taken.precision in (Precision.YEAR, Precision.MONTH) else _naive(taken.value)
    readings, reason = readings_of(entry)
    if len(readings) > 1:
        first = dt.datetime.combine(readings[0], dt.time())
        last = dt.datetime.combine(readings[-1], dt.time()) + dt.timedelta(days=1)
        start, end = min(start, first), max(end, last)
    elif taken.precision in (Precision.YEAR, Precision.MONTH):
        reason = f"The date is known only to the {taken.precision.value}."
    return DateSpan(start, end, point, taken.precision, readings, reason)


def matches_days(entry: Entry, first: dt.date | None, last: dt.date | None) -> bool | None:
    """Whether an uncertain date has a reading within ``first``–``last`` (inclusive).

    ``None`` when the entry has a single reading (the caller tests its day).
    """
    readings, _ = readings_of(entry)
    if len(readings) < 2:
        return None
    return any(
        (first is None or day >= first) and (last is None or day <= last) for day in readings
    )
