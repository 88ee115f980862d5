# SPDX-License-Identifier: GPL-3.0-or-later
"""A timeline kept up as a scan's slices come in shows the same bars as one built at once."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from gallery_app.core.gallery.timeline import TimelineTally, TimeUnit, build_timeline
from gallery_app.core.models import Entry, Precision, TakenAt


def _entry(n: int, when: dt.datetime | None, precision: Precision = Precision.SECOND) -> Entry:
    taken = TakenAt(when, precision, "test") if when else None
    return Entry(id=str(n), position=n, caption=f"caption {n}", taken=taken)


def _entries(span: dt.timedelta, count: int, seed: int, precision: Precision) -> list[Entry]:
    rng = random.Random(seed)
    start = dt.datetime(2015, 3, 30, 6, 0)
    return [
        _entry(n, None if rng.random() < 0.05 else start + span * rng.random(), precision)
        for n in range(count)
    ]


@pytest.mark.parametrize(
    ("span", "precision", "unit"),
    [
        (dt.timedelta(hours=30), Precision.SECOND, TimeUnit.HOUR),
        (dt.timedelta(hours=30), Precision.DAY, TimeUnit.DAY),
        (dt.timedelta(days=49), Precision.SECOND, TimeUnit.DAY),
        (dt.timedelta(days=800), Precision.MINUTE, TimeUnit.MONTH),
        (dt.timedelta(days=365 * 30), Precision.SECOND, TimeUnit.YEAR),
    ],
)
def test_slices_added_one_by_one_give_the_bars_of_the_whole(
    span: dt.timedelta, precision: Precision, unit: TimeUnit
) -> None:
    entries = _entries(span, 700, seed=len(str(span)), precision=precision)
    tally = TimelineTally()
    for start in range(0, len(entries), 40):
        tally.add(entries[start : start + 40])
        assert tally.timeline() == build_timeline(entries[: start + 40])
    assert tally.timeline().unit is unit
    assert tally.size == 700
    dated = [e for e in entries if e.taken is not None]
    assert sum(tally.day_counts().values()) == len(dated)
    assert tally.timeline().undated == 700 - len(dated)


def test_an_empty_or_undated_gallery_has_no_bars() -> None:
    tally = TimelineTally()
    assert tally.timeline() == build_timeline([])
    tally.add([_entry(1, None), _entry(2, None)])
    assert tally.timeline() == build_timeline([_entry(1, None), _entry(2, None)])
    assert tally.timeline().undated == 2
    assert not tally.day_counts()
