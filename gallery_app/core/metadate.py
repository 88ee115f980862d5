# SPDX-License-Identifier: GPL-3.0-or-later
"""Parse the date formats of EXIF, XMP and IPTC into ``TakenAt`` values.

Each format keeps its precision (XMP may say only "2015-06"), and its UTC
offset when the source states one.  Impossible dates ("0000:00:00 00:00:00",
month 13) raise ``BadDate`` with a sentence so the reader can warn and fall
through to the next source instead of showing the year 0 or 1970.
"""

from __future__ import annotations

import datetime as dt
import re

from gallery_app.core.isodate import parse_offset
from gallery_app.core.models import Precision, TakenAt


class BadDate(ValueError):
    """A date field held something that is not a real date; ``str()`` says what."""


def shown(text: str, limit: int = 60) -> str:
    """``text`` on one line and cut to ``limit`` characters, fit to quote in a sentence.

    A date field may hold anything a file chose to put there (line breaks,
    kilobytes of junk); a warning quotes it, it does not reproduce it.
    """
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


_EXIF_RE = re.compile(
    r"^\s*(\d{4})[:\-/.](\d{1,2})[:\-/.](\d{1,2})"
    r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|[+\-]\d{2}:?\d{2})?\s*$"
)
_ISO_RE = re.compile(
    r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?)?)?"
    r"\s*(Z|[+\-]\d{2}:?\d{2})?\s*$"
)
_IPTC_DATE_RE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_IPTC_TIME_RE = re.compile(r"^\s*(\d{2})(\d{2})(\d{2})?\s*([+\-]\d{4})?\s*$")


def _build(parts: tuple[str | None, ...], source: str, original: str) -> TakenAt:
    year_s, month_s, day_s, hour_s, minute_s, second_s, frac_s, offset_s = parts
    year = int(year_s or 0)
    month = int(month_s) if month_s else None
    day = int(day_s) if day_s else None
    precision = Precision.YEAR
    if month is not None:
        precision = Precision.MONTH
    if day is not None:
        precision = Precision.DAY
    if hour_s is not None:
        precision = Precision.SECOND if second_s is not None else Precision.MINUTE
    if year < 1800 or year > 2200:
        raise BadDate(f"“{shown(original)}” is not a real date (year {year}).")
    try:
        value = dt.datetime(
            year,
            month or 1,
            day or 1,
            int(hour_s or 0),
            int(minute_s or 0),
            int(second_s or 0),
            int((frac_s or "0")[:6].ljust(6, "0")),
        )
    except ValueError as error:
        raise BadDate(f"“{shown(original)}” is not a real date ({error}).") from None
    return TakenAt(
        value=value, precision=precision, source=source, utc_offset=parse_offset(offset_s)
    )


def parse_exif_date(
    text: str, source: str, *, subsec: str | None = None, offset: str | None = None
) -> TakenAt:
    """EXIF "YYYY:MM:DD HH:MM:SS" plus its SubSecTime and OffsetTime companions."""
    m = _EXIF_RE.match(text)
    if not m:
        raise BadDate(f"“{shown(text)}” is not a date.")
    parts = list(m.groups())
    if subsec and parts[6] is None and subsec.strip().isdigit() and parts[5] is not None:
        parts[6] = subsec.strip()
    if offset and parts[7] is None:
        parts[7] = offset
    return _build(tuple(parts), source, text.strip())


def parse_iso_date(text: str, source: str) -> TakenAt:
    """XMP dates: ISO 8601 of any precision from "YYYY" to seconds with an offset."""
    m = _ISO_RE.match(text) or _EXIF_RE.match(text)
    if not m:
        raise BadDate(f"“{shown(text)}” is not a date.")
    return _build(m.groups(), source, text.strip())


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
    return _build((year, month_opt, day_opt, hour, minute, second, None, offset), source, date)
