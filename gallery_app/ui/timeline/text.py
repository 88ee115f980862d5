# SPDX-License-Identifier: GPL-3.0-or-later
"""The words of the timeline strip: bar labels, tooltips, the spoken summary.

Kept apart from the painting so that what a screen reader hears and what a
sighted user reads under a bar come from one place, in the user's locale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QLocale

from gallery_app.core.gallery.timeline import Bucket, Timeline, TimeUnit
from gallery_app.core.models import Entry
from gallery_app.ui.common.plain_text import plain_tooltip


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def photos(count: int) -> str:
    return f"{count} photo" if count == 1 else f"{count} photos"


def label_lines(bucket: Bucket, unit: TimeUnit, locale: QLocale) -> tuple[str, str]:
    """Two short lines under a bar: ("Mon", "30 Mar"), ("09:00", "Mon 30"), ("Jan", "2014")."""
    day = qdate(bucket.first_day())
    if unit is TimeUnit.HOUR:
        return bucket.start.strftime("%H:00"), locale.toString(day, "ddd d")
    if unit is TimeUnit.DAY:
        return locale.toString(day, "ddd"), locale.toString(day, "d MMM")
    if unit is TimeUnit.MONTH:
        return locale.toString(day, "MMM"), locale.toString(day, "yyyy")
    return locale.toString(day, "yyyy"), ""


def describe_bucket(bucket: Bucket, unit: TimeUnit, locale: QLocale) -> str:
    """ "Monday 30 March 2015: 5 photos" — a bar in full words."""
    first = qdate(bucket.first_day())
    if unit is TimeUnit.HOUR:
        hours = f"{bucket.start:%H:00}–{bucket.end:%H:00}"
        when = f"{locale.toString(first, 'dddd d MMMM yyyy')}, {hours}"
    elif unit is TimeUnit.DAY:
        when = locale.toString(first, "dddd d MMMM yyyy")
    elif unit is TimeUnit.MONTH:
        when = locale.toString(first, "MMMM yyyy")
    else:
        when = locale.toString(first, "yyyy")
    return f"{when}: {photos(bucket.count)}"


def describe_span(timeline: Timeline, locale: QLocale) -> str:
    """ "5 days from 30 March 2015 to 3 April 2015." or "No dated photos."."""
    buckets = timeline.buckets
    if not buckets:
        return "No dated photos."
    first = locale.toString(qdate(buckets[0].first_day()), "d MMMM yyyy")
    last = locale.toString(qdate(buckets[-1].last_day()), "d MMMM yyyy")
    return f"{len(buckets)} {timeline.unit.value}s from {first} to {last}."


def bucket_tooltip(bucket: Bucket, unit: TimeUnit, locale: QLocale, *, selected: bool) -> str:
    hint = "Click to show only these photos; drag across bars for a range; Esc clears."
    if selected:
        hint = "Shown. Click again or press Esc to show all dates."
    return f"{describe_bucket(bucket, unit, locale)}.\n{hint}"


def as_tooltip(text: str) -> str:
    """``text`` shown literally (a note may hold "<b>"), its line breaks kept."""
    return plain_tooltip(text).replace("\n", "<br>")


def corrected_dates(entries: Sequence[Entry], bucket: Bucket) -> str:
    """Lines for the photos of ``bucket`` whose date was corrected: the original and the note."""
    lines = []
    for entry in entries:
        taken = entry.taken
        if taken is None or not bucket.start <= taken.value < bucket.end:
            continue
        for record in entry.corrections:
            if record.field == "date":
                note = f" — {record.note}" if record.note else ""
                lines.append(
                    f"\nPhoto {entry.position}: date corrected, originally {record.old}{note}"
                )
                break
    return "".join(lines)


def undated_tooltip(count: int, *, shown: bool) -> str:
    state = "shown" if shown else "hidden while a date range is set"
    return (
        f"Undated: {photos(count)} ({state}).\n"
        "Click (or press U) to show or hide them alongside a date range."
    )


def describe_timeline(timeline: Timeline, locale: QLocale, shown: list[str], cursor: int) -> str:
    """The strip's accessible description: its span, what is shown, the focus, undated."""
    text = describe_span(timeline, locale)
    if shown:
        text += f" Shown: {shown[0]}"
        if len(shown) > 1:
            text += f" to {shown[-1]}"
        text += "."
    if 0 <= cursor < len(timeline.buckets):
        focus = describe_bucket(timeline.buckets[cursor], timeline.unit, locale)
        text += f" Focus: {focus}."
    if timeline.undated:
        text += f" Undated: {photos(timeline.undated)}."
    return text
