# SPDX-License-Identifier: GPL-3.0-or-later
"""CSV for spreadsheets: one row per photo, IPTC Photo Metadata names as headers.

UTF-8 with a byte-order mark, so Excel and LibreOffice read accents right.  A
cell that starts like a formula (=, +, -, @) is prefixed with an apostrophe, so
a caption can never run as a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from gallery_app.core.exports.claims import PLACE_NAMES, claims_of
from gallery_app.core.models import Entry

HEADERS: tuple[str, ...] = (
    "Position",
    "Identifier",
    "Image",
    "Headline",
    "Description",
    "Date Created",
    "Date Precision",
    "Date Shown",
    *(label for _field, label in PLACE_NAMES),
    "GPS Latitude",
    "GPS Longitude",
    "Creator",
    "Credit Line",
    "Copyright Notice",
    "File Photo",
    "Findings",
)


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _row(entry: Entry) -> list[str]:
    c = claims_of(entry)
    loc = c.location
    place = [getattr(loc, field) if loc else None for field, _label in PLACE_NAMES]
    values: list[object] = [
        c.position,
        c.id,
        entry.image.name if entry.image else None,
        c.headline,
        c.caption,
        c.date,
        c.precision,
        c.display_date,
        *place,
        loc.lat if loc else None,
        loc.lon if loc else None,
        c.creator,
        c.credit,
        c.copyright,
        "yes" if c.file_photo else "no",
        " | ".join(c.findings),
    ]
    return [_cell(v) for v in values]


def to_csv(entries: Sequence[Entry]) -> str:
    """The CSV text, BOM first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows(_row(e) for e in entries)
    return "\ufeff" + out.getvalue()
