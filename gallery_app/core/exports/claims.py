# SPDX-License-Identifier: GPL-3.0-or-later
"""The claims of one entry as every export format carries them.

A date keeps its precision ("2015-03", not a made-up first of the month) and a
date in doubt says so in words ("Sunday 29 or Tuesday 31 March 2015"); the
credit is always filled (the agency, else the creator, else "Unknown"); the
entry's warnings travel along as findings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gallery_app.core.gallery.labels import format_date
from gallery_app.core.isodate import BadDate, parse_iso
from gallery_app.core.models import Entry, Location, Precision, TakenAt

UNKNOWN_CREDIT = "Unknown"

#: The place fields of an entry by their IPTC Photo Metadata names.
PLACE_NAMES: tuple[tuple[str, str], ...] = (
    ("name", "Location Shown"),
    ("sublocation", "Sublocation"),
    ("city", "City"),
    ("region", "Province or State"),
    ("country", "Country"),
    ("country_code", "Country Code"),
)


@dataclass(frozen=True)
class Claims:
    """What one photo's caption and file claim, as plain text and numbers."""

    id: str
    position: int
    title: str | None  # the entry's own headline, when it has one
    headline: str  # the title, else the caption's first sentence
    caption: str
    date: str | None  # ISO 8601 cut to the precision
    precision: str | None
    display_date: str
    uncertain: bool
    place: str
    location: Location | None
    creator: str | None
    credit: str
    copyright: str | None
    file_photo: bool
    findings: tuple[str, ...]


def date_iso(taken: TakenAt | None) -> str | None:
    """ISO 8601 at the precision known ("2015-03-30", "2015-03-30T14:05+03:00")."""
    if taken is None:
        return None
    if taken.precision is Precision.MINUTE:
        return taken.iso()[:16] + taken.iso()[19:]
    return taken.iso()


def parse_date(text: str | None, precision: str | None, source: str) -> TakenAt | None:
    """The ``TakenAt`` an export wrote (``date_iso``), or None when absent or broken."""
    if not text:
        return None
    try:
        taken = parse_iso(text, source)
    except BadDate:
        return None
    if precision and precision in Precision.__members__.values():
        taken = TakenAt(taken.value, Precision(precision), source, taken.utc_offset)
    return taken


def weekday_readings(entry: Entry) -> tuple[dt.date, ...]:
    """The days a date in doubt may mean: the stated day and the day its weekday names.

    A caption that says "Sunday, March 31, 2015" (a Tuesday) may mean Sunday 29
    or Tuesday 31: the nearest earlier day with the stated weekday and the date.
    """
    taken = entry.taken
    if taken is None or not taken.uncertain or taken.precision is Precision.YEAR:
        return ()
    for word in _WEEKDAYS:
        if word in entry.caption:
            stated = taken.value.date()
            back = (stated.weekday() - _WEEKDAYS.index(word)) % 7
            return tuple(sorted({stated - dt.timedelta(days=back), stated}))
    return (taken.value.date(),)


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def display_date(entry: Entry) -> str:
    """The date in words; a date in doubt names each reading."""
    readings = weekday_readings(entry)
    if len(readings) == 2:
        first, last = readings
        month = last.strftime("%B %Y")
        if first.month != last.month:
            month = f"{first.strftime('%B')} / {month}"
        return f"{first.strftime('%A')} {first.day} or {last.strftime('%A')} {last.day} {month}"
    return format_date(entry.taken)


def headline(entry: Entry, max_chars: int = 80) -> str:
    """The entry's headline, else the caption's first sentence, shortened."""
    if entry.title:
        return entry.title
    first = entry.caption.split(". ")[0].strip()
    if len(first) <= max_chars:
        return first or entry.id
    return first[: max_chars - 1].rsplit(" ", 1)[0] + "…"


def claims_of(entry: Entry) -> Claims:
    taken = entry.taken
    loc = entry.location
    return Claims(
        id=entry.id,
        position=entry.position,
        title=entry.title,
        headline=headline(entry),
        caption=entry.caption,
        date=date_iso(taken),
        precision=taken.precision.value if taken else None,
        display_date=display_date(entry),
        uncertain=bool(taken and taken.uncertain),
        place=loc.label() if loc else "",
        location=loc,
        creator=entry.creator,
        credit=entry.credit or entry.creator or UNKNOWN_CREDIT,
        copyright=entry.copyright,
        file_photo=entry.file_photo,
        findings=tuple(entry.warnings),
    )
