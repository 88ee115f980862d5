# SPDX-License-Identifier: GPL-3.0-or-later
"""What span the timeline draws for a date, and how the date filter treats a conflict."""

from __future__ import annotations

import datetime as dt

from gallery_app.core.gallery.query import EntryFilter, matches_dates
from gallery_app.core.gallery.uncertainty import date_span
from gallery_app.core.models import DateReading, Entry, Precision, TakenAt

D = dt.datetime
WEEKDAY_WARNING = "The caption says Sunday, but March 31, 2015 was a Tuesday."


def _conflict() -> Entry:
    taken = TakenAt(D(2015, 3, 31), Precision.DAY, "caption", uncertain=True)
    return Entry("06", 6, taken=taken, warnings=(WEEKDAY_WARNING,))


def test_a_weekday_conflict_spans_every_reading_with_its_reason() -> None:
    span = date_span(_conflict())
    assert span is not None
    assert span.readings == (dt.date(2015, 3, 29), dt.date(2015, 3, 31))
    assert (span.start, span.end) == (D(2015, 3, 29), D(2015, 4, 1))
    assert span.point == D(2015, 3, 31)  # the card sits on the stated day
    assert span.conflicting and "Sunday" in span.reason


def test_month_and_year_dates_span_their_month_and_year() -> None:
    month = date_span(Entry("m", 1, taken=TakenAt(D(2015, 12, 1), Precision.MONTH, "caption")))
    year = date_span(Entry("y", 2, taken=TakenAt(D(1919, 1, 1), Precision.YEAR, "exif")))
    assert month is not None and (month.start, month.end) == (D(2015, 12, 1), D(2016, 1, 1))
    assert year is not None and (year.start, year.end) == (D(1919, 1, 1), D(1920, 1, 1))
    assert "month" in month.reason and not month.conflicting


def test_a_day_covers_the_day_a_moment_is_a_moment_and_undated_has_no_span() -> None:
    day = date_span(Entry("d", 1, taken=TakenAt(D(2015, 4, 3), Precision.DAY, "caption")))
    moment = date_span(Entry("s", 2, taken=TakenAt(D(2015, 4, 3, 9, 5), Precision.SECOND, "exif")))
    assert day is not None and (day.start, day.end) == (D(2015, 4, 3), D(2015, 4, 4))
    assert moment is not None and moment.is_moment and not moment.reason
    assert date_span(Entry("u", 3)) is None


def test_the_date_filter_matches_any_reading_of_a_conflict() -> None:
    entry = _conflict()
    sunday = EntryFilter(dt.date(2015, 3, 29), dt.date(2015, 3, 29))
    monday = EntryFilter(dt.date(2015, 3, 30), dt.date(2015, 3, 30))
    tuesday = EntryFilter(dt.date(2015, 3, 31), dt.date(2015, 3, 31))
    assert matches_dates(entry, sunday) and matches_dates(entry, tuesday)
    assert not matches_dates(entry, monday)  # between the readings is not a reading


def test_the_caption_readers_readings_are_taken_first() -> None:
    readings = (
        DateReading(dt.date(2015, 3, 31), "the date as written"),
        DateReading(dt.date(2015, 3, 29), "the weekday, Sunday"),
    )
    taken = TakenAt(D(2015, 3, 31), Precision.DAY, "caption", uncertain=True, readings=readings)
    span = date_span(Entry("06", 6, taken=taken))  # no warning to read them from
    assert span is not None and span.readings == (dt.date(2015, 3, 29), dt.date(2015, 3, 31))
    assert "Sunday 29 (the weekday, Sunday)" in span.reason
