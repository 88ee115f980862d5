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
from collections.abc import Iterable
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
    chosen = unit or choose_unit(first, last, timed=timed)
    # Never more bars than a strip can show: widen the unit instead.
    while chosen is not TimeUnit.YEAR and _count_steps(first, last, chosen) > MAX_BUCKETS:
        chosen = list(TimeUnit)[list(TimeUnit).index(chosen) + 1]
    counts = Counter(floor(m, chosen) for m in moments)
    buckets: list[Bucket] = []
    cursor = floor(first, chosen)
    end = floor(last, chosen)
    while cursor <= end:
        nxt = step(cursor, chosen)
        buckets.append(Bucket(cursor, nxt, counts.get(cursor, 0)))
        cursor = nxt
    return Timeline(chosen, tuple(buckets), undated)


def _count_steps(first: dt.datetime, last: dt.datetime, unit: TimeUnit) -> int:
    seconds = (last - first).total_seconds()
    per = {
        TimeUnit.HOUR: 3600,
        TimeUnit.DAY: 86400,
        TimeUnit.MONTH: 86400 * 28,
        TimeUnit.YEAR: 86400 * 365,
    }
    return int(seconds // per[unit]) + 1
