# SPDX-License-Identifier: GPL-3.0-or-later
"""Rules about dates: a weekday against its date, the caption's date against the file's.

Tolerances, and why:

- a caption's date is as precise as it says (a year, a month, a day, a
  minute); the file's is cut to that precision before they are compared;
- a day: one day either way, since a camera clock set to another time zone
  (or a photo made near midnight) moves the date; with UTC offsets on both
  sides the file's moment is moved to the caption's offset and must fall on
  the same day;
- a time of day: one hour with offsets on both sides, else 26 hours (the
  widest gap between two time zones' clocks, UTC+14 and UTC-12);
- the file's weaker dates (digitised, modified) are not the moment of capture
  and are not held against a caption.
"""

from __future__ import annotations

import datetime as dt
import re

from gallery_app.core.checks.findings import Issue, Severity, Witness
from gallery_app.core.checks.witnesses import CAPTION_SOURCE, Witnesses
from gallery_app.core.gallery.labels import MONTHS, WEEKDAYS, format_date
from gallery_app.core.metadata.sources import WEAKER_SUFFIX
from gallery_app.core.models import Precision, TakenAt

FIRST_PHOTOGRAPH = dt.date(1826, 1, 1)  # Niépce's view from the window at Le Gras
_MONTH_RE = r"(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY_RE = r"(?P<weekday>Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?"
# "Sunday, March 31, 2015" (AP) and "Sunday 31 March 2015" (Reuters, AFP)
_STATED = re.compile(
    rf"\b{_WEEKDAY_RE}\s+(?:{_MONTH_RE}\s+(?P<d1>\d{{1,2}}),?|(?P<d2>\d{{1,2}})\s+"
    rf"{_MONTH_RE.replace('month', 'month2')},?)\s+(?P<year>1[89]\d\d|2[01]\d\d)\b"
)
_DAY_TOLERANCE = dt.timedelta(days=1)
_TIME_TOLERANCE_ZONED = dt.timedelta(hours=1)
_TIME_TOLERANCE_UNZONED = dt.timedelta(hours=26)


def _weekday_index(word: str) -> int:
    return [w[:3] for w in WEEKDAYS].index(word[:3].title())


def weekday_rule(w: Witnesses) -> list[Issue]:
    """Each weekday the caption states next to a full date must be that date's weekday."""
    issues: list[Issue] = []
    for match in _STATED.finditer(w.entry.caption[:20_000]):
        month_word = match["month"] or match["month2"]
        month = [m[:3] for m in MONTHS].index(month_word[:3].title()) + 1
        try:
            day = dt.date(int(match["year"]), month, int(match["d1"] or match["d2"]))
        except ValueError:
            continue  # "February 30": the date rules of the parser say so
        stated, actual = _weekday_index(match["weekday"]), day.weekday()
        if stated == actual:
            continue
        said, was = WEEKDAYS[stated], WEEKDAYS[actual]
        long_date = f"{MONTHS[month - 1]} {day.day}, {day.year}"
        issues.append(
            Issue(
                f"The caption says {said}, but {long_date} was a {was}.",
                Witness("caption", CAPTION_SOURCE, f"{said}, {long_date}"),
                Witness("calendar", "calendar", was),
            )
        )
    return issues


def _claimed(w: Witnesses) -> tuple[TakenAt, Witness] | None:
    if w.caption.taken is not None:
        taken = w.caption.taken
        return taken, Witness("caption", CAPTION_SOURCE, taken.iso())
    if w.gallery.taken is not None:
        taken = w.gallery.taken
        return taken, Witness("gallery", f"gallery ({taken.source})", taken.iso())
    return None


def _cut(value: dt.datetime, precision: Precision) -> tuple[int, ...]:
    full = (value.year, value.month, value.day)
    return full[: {Precision.YEAR: 1, Precision.MONTH: 2}.get(precision, 3)]


def dates_agree(claim: TakenAt, file: TakenAt) -> bool:
    """Whether the file's moment fits the claimed date within the tolerances above."""
    coarse = min(claim.precision, file.precision, key=list(Precision).index)
    if coarse in (Precision.YEAR, Precision.MONTH):
        return _cut(claim.value, coarse) == _cut(file.value, coarse)
    zoned = claim.utc_offset is not None and file.utc_offset is not None
    moment = file.value
    if zoned:
        assert claim.utc_offset is not None and file.utc_offset is not None
        moment += dt.timedelta(minutes=claim.utc_offset - file.utc_offset)
    if coarse is Precision.DAY:
        gap = abs(moment.date() - claim.value.date())
        return gap == dt.timedelta(0) if zoned else gap <= _DAY_TOLERANCE
    limit = _TIME_TOLERANCE_ZONED if zoned else _TIME_TOLERANCE_UNZONED
    return abs(moment - claim.value) <= limit


def date_rule(w: Witnesses) -> list[Issue]:
    """The caption's (else the gallery's) date against the file's moment of capture."""
    claimed = _claimed(w)
    file = w.file.taken if w.file is not None else None
    if claimed is None or file is None or WEAKER_SUFFIX in file.source:
        return []
    taken, claim = claimed
    if dates_agree(taken, file):
        return []
    who = "caption" if claim.role == "caption" else "gallery"
    return [
        Issue(
            f"The {who} dates this photo {format_date(taken)}, but the file's "
            f"{file.source} says {format_date(file)}.",
            claim,
            Witness("file", file.source, file.iso()),
        )
    ]


def future_until(file: TakenAt, today: dt.date) -> dt.date | None:
    """The last day ``metadata_rule`` judges ``file``'s date as it does ``today``
    (``None``: every later day alike)."""
    last_future_day = file.value.date() - _DAY_TOLERANCE - dt.timedelta(days=1)
    return last_future_day if today <= last_future_day else None


def metadata_rule(w: Witnesses) -> list[Issue]:
    """A file's capture date in the future, or before photography existed."""
    file = w.file.taken if w.file is not None else None
    if file is None:
        return []
    day = file.value.date()
    if day > w.today + _DAY_TOLERANCE:
        why, limit = "is in the future", Witness("calendar", "today", w.today.isoformat())
    elif day < FIRST_PHOTOGRAPH:
        why = "is before the first photograph (1826)"
        limit = Witness("calendar", "first photograph", "1826")
    else:
        return []
    return [
        Issue(
            f"The file's {file.source} ({format_date(file)}) {why}.",
            Witness("file", file.source, file.iso()),
            limit,
        )
    ]


def file_photo_rule(w: Witnesses) -> list[Issue]:
    """A "file photo" must be older than the story: not after it, nor from the day before.

    Needs the article's publication date (``Witnesses.published``); a gallery
    that does not know it gives no finding of this kind.
    """
    if w.published is None or not w.caption.file_photo:
        return []
    taken = w.file.taken if w.file is not None and w.file.taken else w.caption.taken
    if taken is None:
        return []
    day = taken.value.date()
    if day > w.published:
        why = "was taken after the story was published"
    elif day >= w.published - dt.timedelta(days=1):
        why = "was taken the day before the story or on its day"
    else:
        return []
    return [
        Issue(
            f"The caption calls this a file photo, but it {why} ({format_date(taken)}).",
            Witness("caption", CAPTION_SOURCE, "file photo"),
            Witness("file" if w.file and w.file.taken else "caption", taken.source, taken.iso()),
            Severity.NOTICE if day <= w.published else None,
        )
    ]
