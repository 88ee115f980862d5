# SPDX-License-Identifier: GPL-3.0-or-later
"""Date filter, search and timeline buckets: the functions grid, slideshow and CLI share."""

from __future__ import annotations

import datetime as dt

import pytest

from gallery_app.core.gallery.query import EntryFilter, filter_entries, matches_text, parse_day
from gallery_app.core.gallery.timeline import TimeUnit, build_timeline, choose_unit
from gallery_app.core.models import Entry, Location, Precision, TakenAt


def _entry(
    n: int, when: dt.datetime | None, precision: Precision = Precision.DAY, **kw: object
) -> Entry:
    taken = TakenAt(when, precision, "test") if when else None
    return Entry(id=str(n), position=n, caption=f"caption {n}", taken=taken, **kw)  # type: ignore[arg-type]


IRAQ = [
    _entry(1, dt.datetime(2015, 3, 30)),
    _entry(2, dt.datetime(2015, 3, 31)),
    _entry(3, dt.datetime(2015, 4, 2)),
    _entry(4, dt.datetime(2015, 4, 3)),
    _entry(5, dt.datetime(2015, 4, 3)),
    _entry(6, None),
]


def _ids(entries: list[Entry]) -> list[str]:
    return [e.id for e in entries]


def test_one_day_range_is_inclusive_and_leaves_undated_out_when_asked() -> None:
    day = dt.date(2015, 4, 3)
    assert _ids(filter_entries(IRAQ, EntryFilter(day, day, include_undated=False))) == ["4", "5"]
    assert _ids(filter_entries(IRAQ, EntryFilter(day, day, include_undated=True))) == [
        "4",
        "5",
        "6",
    ]


def test_open_ended_ranges() -> None:
    assert _ids(
        filter_entries(IRAQ, EntryFilter(date_from=dt.date(2015, 4, 1), include_undated=False))
    ) == ["3", "4", "5"]
    assert _ids(
        filter_entries(IRAQ, EntryFilter(date_to=dt.date(2015, 3, 31), include_undated=False))
    ) == ["1", "2"]


def test_no_filter_shows_everything_including_undated() -> None:
    assert len(filter_entries(IRAQ, EntryFilter(include_undated=False))) == 6


def test_a_time_of_day_never_pushes_a_photo_out_of_its_day() -> None:
    late = _entry(9, dt.datetime(2015, 4, 3, 23, 59, 59), Precision.SECOND)
    day = dt.date(2015, 4, 3)
    assert filter_entries([late], EntryFilter(day, day)) == [late]


def test_search_covers_caption_title_creator_credit_and_place_case_and_accent_blind() -> None:
    entry = Entry(
        id="x",
        position=1,
        caption="Shiite militiamen celebrate at one of Saddam Hussein's palaces",
        title="Victory",
        creator="Khalid Mohammed",
        credit="AP",
        location=Location(name="Tikrīt", country="Iraq"),
    )
    for text in ("PALACES", "khalid", "ap", "tikrit", "iraq victory", "  "):
        assert matches_text(entry, text), text
    assert not matches_text(entry, "palaces baghdad")


def test_parse_day_gives_a_sentence() -> None:
    assert parse_day("2015-04-03") == dt.date(2015, 4, 3)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_day("03/04/2015")


def test_timeline_has_a_bar_per_day_including_empty_days_and_an_undated_bucket() -> None:
    timeline = build_timeline(IRAQ)
    assert timeline.unit is TimeUnit.DAY
    days = [(b.first_day().isoformat(), b.count) for b in timeline.buckets]
    assert days == [
        ("2015-03-30", 1),
        ("2015-03-31", 1),
        ("2015-04-01", 0),
        ("2015-04-02", 1),
        ("2015-04-03", 2),
    ]
    assert timeline.undated == 1
    assert timeline.total == 6


@pytest.mark.parametrize(
    ("span", "timed", "unit"),
    [
        (dt.timedelta(hours=5), True, TimeUnit.HOUR),
        (dt.timedelta(hours=5), False, TimeUnit.DAY),
        (dt.timedelta(days=5), True, TimeUnit.DAY),
        (dt.timedelta(days=400), True, TimeUnit.MONTH),
        (dt.timedelta(days=365 * 30), True, TimeUnit.YEAR),
    ],
)
def test_unit_follows_the_span(span: dt.timedelta, timed: bool, unit: TimeUnit) -> None:
    start = dt.datetime(2015, 3, 30, 8)
    assert choose_unit(start, start + span, timed=timed) is unit


def test_hour_buckets_for_a_single_afternoon() -> None:
    entries = [_entry(i, dt.datetime(2015, 3, 30, 13 + i, 5), Precision.MINUTE) for i in range(3)]
    timeline = build_timeline(entries)
    assert timeline.unit is TimeUnit.HOUR
    assert [b.start.hour for b in timeline.buckets] == [13, 14, 15]


def test_month_buckets_roll_over_december() -> None:
    entries = [_entry(1, dt.datetime(2014, 11, 5)), _entry(2, dt.datetime(2015, 6, 1))]
    timeline = build_timeline(entries)
    assert timeline.unit is TimeUnit.MONTH
    assert [b.start.strftime("%Y-%m") for b in timeline.buckets][:3] == [
        "2014-11",
        "2014-12",
        "2015-01",
    ]
    assert len(timeline.buckets) == 8


def test_only_undated_entries_give_no_bars() -> None:
    timeline = build_timeline([_entry(1, None), _entry(2, None)])
    assert timeline.buckets == () and timeline.undated == 2
