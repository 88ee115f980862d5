# SPDX-License-Identifier: GPL-3.0-or-later
"""Date conflicts a user can resolve: the readings a contradictory caption allows.

A caption that says "Sunday, March 31, 2015" contradicts itself: March 31 was
a Tuesday.  Two readings are possible (the weekday is right: Sunday, March 29;
the date is right: Tuesday, March 31) and a third choice keeps the date as
uncertain.  The caption parser states the conflict as a warning ("The caption
says Sunday, but March 31, 2015 was a Tuesday."); ``date_conflict`` reads the
readings back from that one sentence, so this is the only place that knows
its wording.  The caption parser also hands the two days on
``TakenAt.readings``; when they are there they are used, and the warning is
only the fallback for a manifest, which keeps the warning but not the days.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from gallery_app.core.gallery.labels import MONTHS, WEEKDAYS
from gallery_app.core.models import Entry

_CONFLICT = re.compile(
    r"The caption says (?P<said>[A-Z][a-z]+day), but (?P<month>[A-Z][a-z]+) (?P<day>\d{1,2}), "
    r"(?P<year>\d{4}) was a (?P<actual>[A-Z][a-z]+day)\."
)
RESOLVED_PREFIX = "Resolved: "
UNCERTAIN = "uncertain"


@dataclass(frozen=True)
class Reading:
    """One way to read a contradictory date: its words, its date, whether it stays uncertain."""

    key: str  # "weekday", "date" or "uncertain"
    label: str  # "Sunday, March 29, 2015 (the weekday is right)"
    short: str  # what the record keeps: "Sunday 29"
    date: str  # ISO 8601 day
    uncertain: bool = False


@dataclass(frozen=True)
class DateConflict:
    """A weekday that contradicts the date, with the readings to choose from."""

    warning: str
    readings: tuple[Reading, ...]


def spoken(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}, {day.year}"


def conflict_in(warning: str) -> DateConflict | None:
    """The readings a weekday warning allows, or None when it is no such warning."""
    match = _CONFLICT.search(warning)
    if match is None or match["month"] not in MONTHS or match["said"] not in WEEKDAYS:
        return None
    try:
        written = dt.date(int(match["year"]), MONTHS.index(match["month"]) + 1, int(match["day"]))
    except ValueError:
        return None
    shift = (WEEKDAYS.index(match["said"]) - written.weekday()) % 7
    if shift > 3:
        shift -= 7  # the nearest day with that weekday, before or after
    by_weekday = written + dt.timedelta(days=shift)
    said, actual = match["said"], WEEKDAYS[written.weekday()]
    readings = (
        Reading(
            "weekday",
            f"{spoken(by_weekday)} (the weekday is right)",
            f"{said} {by_weekday.day}",
            by_weekday.isoformat(),
        ),
        Reading(
            "date",
            f"{spoken(written)} (the date is right)",
            f"{actual} {written.day}",
            written.isoformat(),
        ),
        Reading("uncertain", "Keep the date as uncertain", UNCERTAIN, written.isoformat(), True),
    )
    return DateConflict(match.group(0), readings)


def date_conflict(entry: Entry) -> DateConflict | None:
    """The entry's unresolved date conflict, if it has one.

    The caption parser hands the competing days on ``TakenAt.readings``; a
    manifest keeps only the warning, so the readings are read back from it.
    """
    resolved = any(w.startswith(RESOLVED_PREFIX) for w in entry.warnings)
    taken = entry.taken
    if taken is not None and taken.uncertain and len(taken.readings) == 2 and not resolved:
        return _from_readings(entry, taken.day, [r.day for r in taken.readings])
    for warning in entry.warnings:
        if warning.startswith(RESOLVED_PREFIX):
            continue
        found = conflict_in(warning)
        if found is not None:
            return found
    return None


def _from_readings(entry: Entry, written: dt.date, days: list[dt.date]) -> DateConflict:
    other = next((d for d in days if d != written), written)
    stated = next((w for w in entry.warnings if conflict_in(w) is not None), None)
    found = conflict_in(stated) if stated else None
    sentence = (
        found.warning
        if found
        else (f"The caption's weekday and date disagree: {spoken(other)} or {spoken(written)}.")
    )
    weekday = WEEKDAYS[other.weekday()]
    actual = WEEKDAYS[written.weekday()]
    readings = (
        Reading("weekday", f"{spoken(other)} (the weekday is right)", f"{weekday} {other.day}",
                other.isoformat()),
        Reading("date", f"{spoken(written)} (the date is right)", f"{actual} {written.day}",
                written.isoformat()),
        Reading("uncertain", "Keep the date as uncertain", UNCERTAIN, written.isoformat(), True),
    )  # fmt: skip
    return DateConflict(sentence, readings)


def resolved_text(conflict_sentence: str, reading: str, note: str, old: str | None) -> str:
    """The warning as shown once resolved: the conflict, the choice, the note, the original."""
    chosen = "kept as uncertain" if reading == UNCERTAIN else f"read as {reading}"
    text = f"{RESOLVED_PREFIX}{conflict_sentence} Chosen: {chosen}"
    if old:
        text += f" (originally {old})"
    text += "."
    if note:
        text += f" Note: {note}"
    return text
