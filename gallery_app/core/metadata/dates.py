# SPDX-License-Identifier: GPL-3.0-or-later
"""Parse the date formats of EXIF, XMP and IPTC into ``TakenAt`` values.

Each format keeps its precision (XMP may say only "2015-06"), and its UTC
offset when the source states one.  Impossible dates ("0000:00:00 00:00:00",
month 13) raise ``BadDate`` with a sentence so the reader can warn and fall
through to the next source instead of showing the year 0 or 1970.
"""

from __future__ import annotations

import re
from typing import cast

from gallery_app.core.isodate import BadDate, DateParts, iso_parts, shown, taken_at
from gallery_app.core.models import TakenAt

__all__ = ["BadDate", "parse_exif_date", "parse_iptc_date", "parse_iso_date", "shown"]

_EXIF_RE = re.compile(
    r"^\s*(\d{4})[:\-/.](\d{1,2})[:\-/.](\d{1,2})"
    r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|[+\-]\d{2}:?\d{2})?\s*$"
)
_IPTC_DATE_RE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_IPTC_TIME_RE = re.compile(r"^\s*(\d{2})(\d{2})(\d{2})?\s*([+\-]\d{4})?\s*$")


def _exif_parts(text: str) -> DateParts | None:
    match = _EXIF_RE.match(text)
    return cast("DateParts", match.groups()) if match else None


def parse_exif_date(
    text: str, source: str, *, subsec: str | None = None, offset: str | None = None
) -> TakenAt:
    """EXIF "YYYY:MM:DD HH:MM:SS" plus its SubSecTime and OffsetTime companions."""
    found = _exif_parts(text)
    if found is None:
        raise BadDate(f"“{shown(text)}” is not a date.")
    year, month, day, hour, minute, second, frac, zone = found
    if subsec and frac is None and subsec.strip().isdigit() and second is not None:
        frac = subsec.strip()
    if offset and zone is None:
        zone = offset
    return taken_at((year, month, day, hour, minute, second, frac, zone), source, text.strip())


def parse_iso_date(text: str, source: str) -> TakenAt:
    """XMP dates: ISO 8601 of any precision from "YYYY" to seconds with an offset."""
    parts = iso_parts(text) or _exif_parts(text)
    if parts is None:
        raise BadDate(f"“{shown(text)}” is not a date.")
    return taken_at(parts, source, text.strip())


def parse_iptc_date(date: str, time: str | None, source: str) -> TakenAt:
    """IPTC 2:55 "CCYYMMDD" with 2:60 "HHMMSS±HHMM" (either may be partial)."""
    m = _IPTC_DATE_RE.match(date)
    if not m:
        # Some writers put ISO dates into IPTC anyway.
        return parse_iso_date(date, source)
    year, month, day = m.groups()
    month_opt = month if month != "00" else None
    day_opt = day if day != "00" and month_opt else None
    hour = minute = second = offset = None
    if time and day_opt:
        t = _IPTC_TIME_RE.match(time)
        if t:
            hour, minute, second, offset = t.groups()
    parts: DateParts = (year, month_opt, day_opt, hour, minute, second, None, offset)
    return taken_at(parts, source, date)
