# SPDX-License-Identifier: GPL-3.0-or-later
"""Dates of photos: ISO 8601 of any precision, and the one rule for a plausible date.

"2015" is a year, "2015-03" a month, "2015-03-30" a day, "2015-03-30T14:05" a
minute; a trailing "Z" or "+03:00" is the offset.  The precision is kept, so a
day-only date is never shown as midnight.

Manifests (``parse_iso``) and the embedded-metadata formats (``core.metadate``:
EXIF, XMP, IPTC) all build their ``TakenAt`` through ``taken_at``, so a date
means the same wherever it was written: a real calendar date in the years
``EARLIEST_YEAR``–``LATEST_YEAR``.  Photography is younger than 1800, and a
camera whose clock says 0001 or 9999 has no date, so such values are refused
with a sentence rather than shown as the year 1 (or sorted before everything).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import cast

from gallery_app.core.models import Precision, TakenAt

EARLIEST_YEAR = 1800
LATEST_YEAR = 2200

# year, month, day, hour, minute, second, fraction, offset: digits as written, or None
DateParts = tuple[str | None, str | None, str | None, str | None, str | None, str | None,
                  str | None, str | None]  # fmt: skip

_ISO_RE = re.compile(
    r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?)?)?"
    r"\s*(Z|[+\-]\d{2}:?\d{2})?\s*$"
)


class BadDate(ValueError):
    """A date field held something that is not a plausible date; ``str()`` says what."""


def shown(text: str, limit: int = 60) -> str:
    """``text`` on one line and cut to ``limit`` characters, fit to quote in a sentence.

    A date field may hold anything a file chose to put there (line breaks,
    kilobytes of junk); a warning quotes it, it does not reproduce it.
    """
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def iso_parts(text: str) -> DateParts | None:
    """The parts of an ISO 8601 date of any precision, or None when ``text`` is not one."""
    match = _ISO_RE.match(text)
    return cast("DateParts", match.groups()) if match else None


def taken_at(parts: DateParts, source: str, original: str, *, uncertain: bool = False) -> TakenAt:
    """A ``TakenAt`` from the parts of a date, its precision set by the parts present.

    Raises ``BadDate`` for a year outside ``EARLIEST_YEAR``–``LATEST_YEAR`` or
    a day that is not in the calendar (month 13, 30 February).
    """
    year_s, month_s, day_s, hour_s, minute_s, second_s, frac_s, offset_s = parts
    year = int(year_s or 0)
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise BadDate(
            f"“{shown(original)}” is not a plausible date for a photo (year {year}; "
            f"Dateline takes {EARLIEST_YEAR} to {LATEST_YEAR})."
        )
    precision = Precision.YEAR
    if month_s is not None:
        precision = Precision.MONTH
    if day_s is not None:
        precision = Precision.DAY
    if hour_s is not None:
        precision = Precision.SECOND if second_s is not None else Precision.MINUTE
    try:
        value = dt.datetime(
            year,
            int(month_s or 1),
            int(day_s or 1),
            int(hour_s or 0),
            int(minute_s or 0),
            int(second_s or 0),
            int((frac_s or "0")[:6].ljust(6, "0")),
        )
    except ValueError as error:
        raise BadDate(f"“{shown(original)}” is not a real calendar date ({error}).") from None
    return TakenAt(value, precision, source, parse_offset(offset_s), uncertain)


def parse_iso(text: str, source: str, *, uncertain: bool = False) -> TakenAt:
    """Parse ``text``; raises ``BadDate`` (a ValueError) with a readable sentence."""
    parts = iso_parts(text)
    if parts is None:
        raise BadDate(f"“{shown(text)}” is not an ISO 8601 date (such as 2015-03-30).")
    return taken_at(parts, source, text.strip(), uncertain=uncertain)


def parse_offset(text: str | None) -> int | None:
    """'Z' -> 0, '+03:00' -> 180, '-0530' -> -330; None or junk -> None.

    The one offset parser for manifests, XMP, EXIF OffsetTime and IPTC times.
    """
    if not text:
        return None
    text = text.strip()
    if text == "Z":
        return 0
    match = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", text)
    if not match:
        return None
    minutes = int(match.group(2)) * 60 + int(match.group(3))
    if minutes > 14 * 60:
        return None
    return minutes if match.group(1) == "+" else -minutes
