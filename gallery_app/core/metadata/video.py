# SPDX-License-Identifier: GPL-3.0-or-later
"""What a video file says about itself: the value the QuickTime and RIFF readers return.

Videos stay video cards (Dateline does not play them), but they carry the
moment, the place and the camera as photos do.  ``quicktime.read_quicktime``
(MOV, MP4) and ``riff.read_riff`` (AVI) walk the container's boxes or chunks
with a bound on every count and size, and hand back a ``VideoTags``: the
picture size, an embedded XMP packet, and flat "source label -> text" values
("QuickTime CreationDate", "RIFF DateTimeOriginal", "QuickTime
GPSCoordinates", "QuickTime Make") that ``reader`` lays beside the EXIF, IPTC
and XMP labels, so ``sources`` decides precedence in the one table.

Dates are written as ISO 8601 text: QuickTime's own header times are UTC
seconds since 1904 (as the MWG guidance and exiftool's ``QuickTimeUTC`` read
them), so they carry "Z"; Apple's ``creationdate`` key keeps the local time
and offset the phone wrote.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

MAX_XMP_BYTES = 16 * 1024 * 1024
MAX_BOXES = 10_000  # boxes or chunks looked at in one file
GPS_LABEL = "QuickTime GPSCoordinates"

_QT_EPOCH = dt.datetime(1904, 1, 1, tzinfo=dt.UTC)
_ISO6709 = re.compile(r"^\s*([+-]\d+(?:\.\d*)?)([+-]\d+(?:\.\d*)?)")
_CTIME = re.compile(
    r"^\s*[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass
class VideoTags:
    """What one pass over a video container found (size 0: not found)."""

    width: int = 0
    height: int = 0
    duration: float = 0.0  # seconds; 0: not found
    values: dict[str, str] = field(default_factory=dict)
    xmp: bytes | None = None
    notes: list[str] = field(default_factory=list)

    def put(self, label: str, text: str | None) -> None:
        """Keep the first non-blank value of ``label`` (NULs and padding dropped)."""
        if text is None:
            return
        text = text.replace("\x00", " ").strip()
        if text and label not in self.values:
            self.values[label] = text


def quicktime_time(seconds: int) -> str | None:
    """QuickTime's UTC seconds since 1904 as ISO 8601 with "Z"; 0 (not set) gives ``None``."""
    if seconds <= 0:
        return None
    try:
        moment = _QT_EPOCH + dt.timedelta(seconds=seconds)
    except OverflowError:
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def ctime_date(text: str) -> str:
    """A RIFF ``IDIT`` date written as C's ``ctime`` ("Mon Mar 10 15:04:43 2003") -> ISO 8601.

    Other spellings ("2009/10/27 12:14:34", "2003:03:10 15:04:43") are returned
    as they are: the EXIF date parser reads them.
    """
    match = _CTIME.match(text)
    if not match or match.group(1).lower() not in _MONTHS:
        return text.strip()
    month = _MONTHS.index(match.group(1).lower()) + 1
    day, hour, minute, second, year = (int(g) for g in match.groups()[1:])
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"


def parse_iso6709(text: str) -> tuple[float, float] | None:
    """ "+37.3318-122.0312+012.000/" (ISO 6709 degrees, as phones write) -> (lat, lon)."""
    match = _ISO6709.match(text)
    if not match:
        return None
    try:
        return float(match.group(1)), float(match.group(2))
    except ValueError:
        return None


def text_of(data: bytes) -> str:
    """Text of a video tag: UTF-8, or Latin-1 where it is not valid UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")
