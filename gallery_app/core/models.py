# SPDX-License-Identifier: GPL-3.0-or-later
"""Frozen values shared by every layer: galleries, entries, dates, places.

A date carries its precision (an AP caption knows the day, a camera knows the
second) and where it came from; an undated entry has ``taken=None`` and is
never treated as 1970.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Precision(StrEnum):
    """How much of a date is known, coarsest first."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    MINUTE = "minute"
    SECOND = "second"


class ImageStatus(StrEnum):
    """What became of an entry's image file."""

    OK = "ok"
    MISSING = "missing"
    UNREADABLE = "unreadable"
    NONE = "none"


@dataclass(frozen=True)
class DateReading:
    """One way to read a date that contradicts itself, with why: the day as
    written ("the date as written") or the day its weekday points to ("the
    weekday, Sunday")."""

    day: dt.date
    reason: str


@dataclass(frozen=True)
class TakenAt:
    """When a photo was taken, as far as it is known.

    ``value`` is the local wall-clock time; ``utc_offset`` (minutes east of UTC)
    is set only when a source stated it.  ``uncertain`` marks a date whose
    source contradicts itself (a weekday that does not match, say); then
    ``readings`` holds each competing day, so a timeline can draw the span and
    an editor can offer to resolve it.  ``inferred`` marks a date no source
    wrote out (a weekday placed by the article's own date).
    """

    value: dt.datetime
    precision: Precision
    source: str
    utc_offset: int | None = None
    uncertain: bool = False
    readings: tuple[DateReading, ...] = ()
    inferred: bool = False

    @property
    def day(self) -> dt.date:
        return self.value.date()

    def iso(self) -> str:
        """ISO 8601 cut to the known precision, with the offset when known."""
        v = self.value
        if self.precision is Precision.YEAR:
            return f"{v.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{v.year:04d}-{v.month:02d}"
        if self.precision is Precision.DAY:
            return v.date().isoformat()
        text = v.strftime("%Y-%m-%dT%H:%M:%S")
        if self.utc_offset is not None:
            sign = "+" if self.utc_offset >= 0 else "-"
            hours, minutes = divmod(abs(self.utc_offset), 60)
            text += f"{sign}{hours:02d}:{minutes:02d}"
        return text


@dataclass(frozen=True)
class Location:
    """Where a photo was taken; any part may be unknown."""

    name: str | None = None
    sublocation: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    source: str | None = None

    def label(self) -> str:
        """A short human label: the dateline phrase, else its parts."""
        if self.name:
            return self.name
        parts = [p for p in (self.sublocation, self.city, self.region, self.country) if p]
        return ", ".join(parts)


@dataclass(frozen=True)
class ContextLink:
    """Where an entry sits in its article.

    ``gallery_index`` is the paragraph the gallery follows; ``paragraphs`` are
    the most related paragraphs, best first, and ``reason`` says why in words.
    """

    gallery_index: int | None = None
    paragraphs: tuple[int, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class ImageInfo:
    """What the image file itself says about its pixels."""

    status: ImageStatus
    width: int | None = None
    height: int | None = None
    orientation: int | None = None
    duration: float | None = None  # a video's length in seconds, when its header says it


@dataclass(frozen=True)
class SourceConflict:
    """Two sources inside one file that say different things about one field.

    ``kept`` is the label whose value the file's metadata shows (by the MWG
    rules), ``other`` a label that disagrees with it: "XMP dc:description"
    against "IPTC Caption-Abstract", say.
    """

    name: str
    kept: str
    kept_value: str
    other: str
    other_value: str


@dataclass(frozen=True)
class FileMetadata:
    """What a photo file says about itself, each field with the source that won."""

    caption: str | None
    title: str | None
    creator: str | None
    credit: str | None
    copyright: str | None
    taken: TakenAt | None
    location: Location | None
    info: ImageInfo
    sources: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    conflicts: tuple[SourceConflict, ...] = ()

    @classmethod
    def unreadable(cls, reason: str, status: ImageStatus = ImageStatus.UNREADABLE) -> FileMetadata:
        """A file that could not be read: no fields, the status, and one sentence why."""
        return cls(None, None, None, None, None, None, None, ImageInfo(status), {}, (reason,))


@dataclass(frozen=True)
class Correction:
    """One saved change of one field of one entry, with its reason.

    ``old`` and ``new`` are the field's text form (a date as ISO 8601 cut to its
    precision, keywords joined with "; "); ``at`` is when it was made, ISO 8601
    in UTC; ``reading`` names the reading chosen when the change resolves a
    conflict ("Sunday 29").  Kept with the entry (and in the manifest or the
    sidecar) so the original value and the reason are never lost; the value
    lives here, beside ``Entry``, because the manifest (``core.gallery``) reads
    and writes it while ``core.edits`` makes and applies it.
    """

    field: str
    old: str | None
    new: str | None
    at: str
    note: str = ""
    reading: str | None = None


@dataclass(frozen=True)
class Entry:
    """One photo of a gallery (or the placeholder for a photo not included).

    The fields above ``file`` are what the gallery shows (a manifest's values,
    filled from the file where the manifest is silent); ``file`` keeps what the
    photo file itself said, apart, so that the checks can hold the caption,
    the gallery and the file against each other as separate witnesses.
    """

    id: str
    position: int
    image: Path | None = None
    caption: str = ""
    title: str | None = None
    taken: TakenAt | None = None
    location: Location | None = None
    creator: str | None = None
    credit: str | None = None
    copyright: str | None = None
    file_photo: bool = False
    context: ContextLink | None = None
    warnings: tuple[str, ...] = ()
    info: ImageInfo | None = None
    keywords: tuple[str, ...] = ()
    corrections: tuple[Correction, ...] = ()
    field_sources: tuple[tuple[str, str], ...] = ()  # field -> the file's source label that won
    file: FileMetadata | None = field(default=None, hash=False)  # its sources map is a dict

    @property
    def image_status(self) -> ImageStatus:
        if self.info is not None:
            return self.info.status
        return ImageStatus.NONE if self.image is None else ImageStatus.MISSING


@dataclass(frozen=True)
class Article:
    """The story a gallery came from, reduced to its text."""

    headline: str
    standfirst: str = ""
    lead_credit: str | None = None
    paragraphs: tuple[str, ...] = ()
    url: str | None = None
    gallery_title: str | None = None
    gallery_index: int | None = None


@dataclass(frozen=True)
class Gallery:
    """A titled, ordered set of entries, maybe with the article around it."""

    title: str
    entries: tuple[Entry, ...] = ()
    article: Article | None = None
    id: str = ""
    source: Path | None = None
    warnings: tuple[str, ...] = field(default=())
