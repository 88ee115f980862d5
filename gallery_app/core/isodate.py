# SPDX-License-Identifier: GPL-3.0-or-later
"""ISO 8601 dates of any precision, as written in manifests and XMP.

"2015" is a year, "2015-03" a month, "2015-03-30" a day, "2015-03-30T14:05" a
minute; a trailing "Z" or "+03:00" is the offset.  The precision is kept, so a
day-only date is never shown as midnight.
"""

from __future__ import annotations

import datetime as dt
import re

from gallery_app.core.models import Precision, TakenAt

_ISO = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<mo>\d{2})(?:-(?P<d>\d{2})"
    r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?)?)?$"
)


def parse_iso(text: str, source: str, *, uncertain: bool = False) -> TakenAt:
    """Parse ``text``; raises ValueError with a readable sentence when it is no date."""
    match = _ISO.match(text.strip())
    if not match:
        raise ValueError(f"“{text}” is not an ISO 8601 date (such as 2015-03-30).")
    g = match.groupdict()
    try:
        value = dt.datetime(
            int(g["y"]),
            int(g["mo"] or 1),
            int(g["d"] or 1),
            int(g["h"] or 0),
            int(g["mi"] or 0),
            int(g["s"] or 0),
        )
    except ValueError:
        raise ValueError(f"“{text}” is not a real calendar date.") from None
    if g["s"] is not None:
        precision = Precision.SECOND
    elif g["h"] is not None:
        precision = Precision.MINUTE
    elif g["d"] is not None:
        precision = Precision.DAY
    elif g["mo"] is not None:
        precision = Precision.MONTH
    else:
        precision = Precision.YEAR
    return TakenAt(value, precision, source, parse_offset(g["tz"]), uncertain)


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
