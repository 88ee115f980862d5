# SPDX-License-Identifier: GPL-3.0-or-later
"""Which entries a filter shows: date range, undated toggle, text search, map area, file types.

The GUI's filter proxy and ``gallery-cli list`` both call :func:`matches`, so a
filter set anywhere shows the same photos everywhere.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from gallery_app.core.gallery.file_types import FileType, file_type
from gallery_app.core.gallery.labels import file_name
from gallery_app.core.gallery.uncertainty import matches_days
from gallery_app.core.geo.area import GeoArea, entry_in_area
from gallery_app.core.models import Entry


@dataclass(frozen=True)
class EntryFilter:
    """Inclusive calendar days; ``None`` leaves that end open.

    ``include_undated`` decides what happens to entries with no date while a
    date range is set (with no range they are always shown).  It is off by
    default everywhere — timeline, pickers, ``gallery-app --from`` and
    ``gallery-cli list --from`` — so "April 3" means the photos of April 3.
    ``area`` is the rectangle dragged on the map (``None``: anywhere).
    ``hidden_types`` are the file types the file-type switch hides (videos,
    files that cannot be shown, RAWs); photos are never hidden by type.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    include_undated: bool = False
    text: str = ""
    area: GeoArea | None = None
    hidden_types: frozenset[FileType] = frozenset()

    @property
    def has_date_range(self) -> bool:
        return self.date_from is not None or self.date_to is not None

    @property
    def is_empty(self) -> bool:
        return (
            not self.has_date_range
            and not self.text.strip()
            and self.area is None
            and not self.hidden_types
        )


def fold(text: str) -> str:
    """Case- and accent-insensitive form for searching ("Tikrīt" finds "tikrit")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def searchable_text(entry: Entry) -> str:
    """Caption, title, creator, credit, place and file name, folded, in one string."""
    parts: list[str] = [entry.caption, entry.title or "", entry.creator or "", entry.credit or ""]
    if entry.image is not None:
        parts.append(file_name(entry))  # "BytheWater · 1920x1080.jpg" finds "bythewater"
    loc = entry.location
    if loc is not None:
        parts += [
            loc.name or "",
            loc.sublocation or "",
            loc.city or "",
            loc.region or "",
            loc.country or "",
            loc.country_code or "",
        ]
    return fold("\n".join(parts))


def matches_dates(entry: Entry, flt: EntryFilter) -> bool:
    if not flt.has_date_range:
        return True
    if entry.taken is None:
        return flt.include_undated
    if entry.taken.uncertain:  # any of its readings will do
        any_reading = matches_days(entry, flt.date_from, flt.date_to)
        if any_reading is not None:
            return any_reading
    day = entry.taken.day
    if flt.date_from is not None and day < flt.date_from:
        return False
    return not (flt.date_to is not None and day > flt.date_to)


def matches_text(entry: Entry, text: str) -> bool:
    """Every word of ``text`` must occur somewhere in the entry."""
    words = fold(text).split()
    if not words:
        return True
    haystack = searchable_text(entry)
    return all(word in haystack for word in words)


def matches_area(entry: Entry, flt: EntryFilter) -> bool:
    return flt.area is None or entry_in_area(entry, flt.area)


def matches_type(entry: Entry, flt: EntryFilter) -> bool:
    return not flt.hidden_types or file_type(entry) not in flt.hidden_types


def matches(entry: Entry, flt: EntryFilter) -> bool:
    return (
        matches_type(entry, flt)
        and matches_dates(entry, flt)
        and matches_text(entry, flt.text)
        and matches_area(entry, flt)
    )


def filter_entries(entries: Iterable[Entry], flt: EntryFilter) -> list[Entry]:
    return [e for e in entries if matches(e, flt)]


def parse_day(text: str) -> dt.date:
    """Parse YYYY-MM-DD; raises ValueError with a readable sentence."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"“{text}” is not a date of the form YYYY-MM-DD.") from None
