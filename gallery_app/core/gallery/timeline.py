# SPDX-License-Identifier: GPL-3.0-or-later
"""Timeline buckets: how many photos per hour, day, month or year.

The unit follows the span of the dated entries (hours under two days, days up
to about four months, months up to about six years, then years).  Undated
entries get their own bucket instead of landing on some fake date.  Every
bucket between the first and the last is present, empty ones included, so a
strip of bars shows gaps honestly.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from gallery_app.core.models import Entry, Precision


class TimeUnit(StrEnum):
    HOUR = "hour"
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class Bucket:
    """One bar: ``start`` (inclusive) to ``end`` (exclusive) and its count."""

    start: dt.datetime
    end: dt.datetime
    count: int

    def first_day(self) -> dt.date:
        return self.start.date()

    def last_day(self) -> dt.date:
        """The last calendar day the bucket covers (inclusive)."""
        return (self.end - dt.timedelta(microseconds=1)).date()


@dataclass(frozen=True)
class Timeline:
    unit: TimeUnit
    buckets: tuple[Bucket, ...]
    undated: int

    @property
    def total(self) -> int:
        return sum(b.count for b in self.buckets) + self.undated

    def index_of(self, moment: dt.datetime) -> int | None:
        for i, bucket in enumerate(self.buckets):
            if bucket.start <= moment < bucket.end:
                return i
        return None


def choose_unit(first: dt.datetime, last: dt.datetime, *, timed: bool = True) -> TimeUnit:
    """Hours under two days (only when times are known), days up to ~4 months,
    months up to ~6 years, then years."""
    span = last - first
    if span < dt.timedelta(days=2) and timed:
        return TimeUnit.HOUR
    if span <= dt.timedelta(days=124):
        return TimeUnit.DAY
    if span <= dt.timedelta(days=366 * 6):
        return TimeUnit.MONTH
    return TimeUnit.YEAR


def floor(moment: dt.datetime, unit: TimeUnit) -> dt.datetime:
    if unit is TimeUnit.HOUR:
        return moment.replace(minute=0, second=0, microsecond=0)
    if unit is TimeUnit.DAY:
        return dt.datetime.combine(moment.date(), dt.time())
    if unit is TimeUnit.MONTH:
        return dt.datetime(moment.year, moment.month, 1)
    return dt.datetime(moment.year, 1, 1)


def step(moment: dt.datetime, unit: TimeUnit) -> dt.datetime:
    if unit is TimeUnit.HOUR:
        return moment + dt.timedelta(hours=1)
    if unit is TimeUnit.DAY:
        return moment + dt.timedelta(days=1)
    if unit is TimeUnit.MONTH:
        if moment.month == 12:
            return moment.replace(year=moment.year + 1, month=1)
        return moment.replace(month=moment.month + 1)
    return moment.replace(year=moment.year + 1)


MAX_BUCKETS = 2000


def build_timeline(entries: Iterable[Entry], unit: TimeUnit | None = None) -> Timeline:
    """Count entries per bucket; the unit is chosen from the span unless given."""
    moments: list[dt.datetime] = []
    undated = 0
    timed = False
    for entry in entries:
        if entry.taken is None:
            undated += 1
        else:
            moments.append(entry.taken.value)
            timed = timed or entry.taken.precision in (Precision.MINUTE, Precision.SECOND)
    if not moments:
        return Timeline(unit or TimeUnit.DAY, (), undated)
    first, last = min(moments), max(moments)
    chosen = _widen(first, last, unit or choose_unit(first, last, timed=timed))
    counts = Counter(floor(m, chosen) for m in moments)
    return _timeline(first, last, chosen, counts, undated)


def _widen(first: dt.datetime, last: dt.datetime, unit: TimeUnit) -> TimeUnit:
    """``unit``, or a wider one: never more bars than a strip can show."""
    while unit is not TimeUnit.YEAR and _count_steps(first, last, unit) > MAX_BUCKETS:
        unit = list(TimeUnit)[list(TimeUnit).index(unit) + 1]
    return unit


def _timeline(
    first: dt.datetime,
    last: dt.datetime,
    unit: TimeUnit,
    counts: Mapping[dt.datetime, int],
    undated: int,
) -> Timeline:
    """Every bucket from ``first`` to ``last``, counted from ``counts`` (keyed by bucket start)."""
    buckets: list[Bucket] = []
    cursor = floor(first, unit)
    end = floor(last, unit)
    while cursor <= end:
        nxt = step(cursor, unit)
        buckets.append(Bucket(cursor, nxt, counts.get(cursor, 0)))
        cursor = nxt
    return Timeline(unit, tuple(buckets), undated)


class TimelineTally:
    """The counts behind a timeline, kept as entries come in.

    A folder scan adds its entries a slice at a time; ``add`` costs per new
    entry, and ``timeline()`` and ``day_counts()`` cost per bar or day, never
    per entry, so the timeline of a growing gallery of 10,000 photos is
    redrawn without walking all of them again.  ``timeline()`` equals
    ``build_timeline`` of the same entries.
    """

    def __init__(self) -> None:
        self.hours: Counter[dt.datetime] = Counter()  # hour floor -> photos
        self.days: Counter[dt.date] = Counter()  # the day of ``taken`` -> photos
        self.undated = 0
        self.size = 0  # entries added
        self._timed = False
        self._first: dt.datetime | None = None
        self._last: dt.datetime | None = None

    def add(self, entries: Iterable[Entry]) -> None:
        hours, days = self.hours, self.days
        first, last, timed = self._first, self._last, self._timed
        for entry in entries:
            self.size += 1
            taken = entry.taken
            if taken is None:
                self.undated += 1
                continue
            moment = taken.value
            hours[moment.replace(minute=0, second=0, microsecond=0)] += 1
            days[moment.date()] += 1
            if first is None or moment < first:
                first = moment
            if last is None or moment > last:
                last = moment
            timed = timed or taken.precision in (Precision.MINUTE, Precision.SECOND)
        self._first, self._last, self._timed = first, last, timed

    def day_counts(self) -> Counter[dt.date]:
        """Photos per day taken (what the date filter offers)."""
        return self.days

    def timeline(self) -> Timeline:
        first, last = self._first, self._last
        if first is None or last is None:
            return Timeline(TimeUnit.DAY, (), self.undated)
        unit = _widen(first, last, choose_unit(first, last, timed=self._timed))
        counts: Counter[dt.datetime] = Counter()
        if unit is TimeUnit.HOUR:
            counts = self.hours
        else:
            for day, count in self.days.items():
                counts[floor(dt.datetime.combine(day, dt.time()), unit)] += count
        return _timeline(first, last, unit, counts, self.undated)


def _count_steps(first: dt.datetime, last: dt.datetime, unit: TimeUnit) -> int:
    seconds = (last - first).total_seconds()
    per = {
        TimeUnit.HOUR: 3600,
        TimeUnit.DAY: 86400,
        TimeUnit.MONTH: 86400 * 28,
        TimeUnit.YEAR: 86400 * 365,
    }
    return int(seconds // per[unit]) + 1
