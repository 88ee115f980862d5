# SPDX-License-Identifier: GPL-3.0-or-later
"""Where each field of a photo's metadata may come from, strongest source first.

One declarative table per field: the order of the labels sets the
precedence, and ``metadata_resolve`` takes the first non-empty value.  The
labels are those ``imagefile`` and ``xmp`` give the values ("EXIF Artist",
"IPTC By-line", "XMP dc:creator"), so a table reads like the IPTC guidance it
follows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

CAPTION_SOURCES: tuple[str, ...] = (
    "XMP dc:description",
    "IPTC Caption-Abstract",
    "EXIF ImageDescription",
    "EXIF XPComment",
    "EXIF UserComment",
    "PNG Description",
    "PNG Comment",
)
TITLE_SOURCES: tuple[str, ...] = (
    "XMP photoshop:Headline",
    "XMP dc:title",
    "IPTC Headline",
    "IPTC Object Name",
    "EXIF XPTitle",
    "PNG Title",
)
CREATOR_SOURCES: tuple[str, ...] = (
    "XMP dc:creator",
    "IPTC By-line",
    "EXIF Artist",
    "EXIF XPAuthor",
    "PNG Author",
)
CREDIT_SOURCES: tuple[str, ...] = ("XMP photoshop:Credit", "IPTC Credit")
COPYRIGHT_SOURCES: tuple[str, ...] = (
    "XMP dc:rights",
    "IPTC Copyright Notice",
    "EXIF Copyright",
    "PNG Copyright",
)

# Keywords are a list: XMP dc:subject (a bag) and IPTC Keywords (repeated) are read as
# "a; b; c" and split again by the reader.
KEYWORD_SOURCES: tuple[str, ...] = ("XMP dc:subject", "IPTC Keywords")
KEYWORD_JOINER = "; "

TEXT_FIELDS: Mapping[str, tuple[str, ...]] = {
    "caption": CAPTION_SOURCES,
    "title": TITLE_SOURCES,
    "creator": CREATOR_SOURCES,
    "credit": CREDIT_SOURCES,
    "copyright": COPYRIGHT_SOURCES,
}

PLACE_FIELDS: Mapping[str, tuple[str, ...]] = {
    "sublocation": ("XMP Iptc4xmpCore:Location", "IPTC Sub-location"),
    "city": ("XMP photoshop:City", "IPTC City"),
    "region": ("XMP photoshop:State", "IPTC Province-State"),
    "country": ("XMP photoshop:Country", "IPTC Country"),
    "country_code": ("XMP Iptc4xmpCore:CountryCode", "IPTC Country Code"),
}


@dataclass(frozen=True)
class DateSource:
    """One place a date may come from: its label, its format and its companions."""

    label: str
    form: str  # "exif", "iso" or "iptc"
    subsec: str | None = None
    offset: str | None = None
    time: str | None = None
    weaker: bool = False


DATE_SOURCES: tuple[DateSource, ...] = (
    DateSource(
        "EXIF DateTimeOriginal", "exif", "EXIF SubSecTimeOriginal", "EXIF OffsetTimeOriginal"
    ),
    DateSource("XMP photoshop:DateCreated", "iso"),
    DateSource("IPTC Date Created", "iptc", time="IPTC Time Created"),
    DateSource("XMP exif:DateTimeOriginal", "iso"),
    DateSource(
        "EXIF DateTimeDigitized",
        "exif",
        "EXIF SubSecTimeDigitized",
        "EXIF OffsetTimeDigitized",
        weaker=True,
    ),
    DateSource("XMP xmp:CreateDate", "iso", weaker=True),
    DateSource("XMP exif:DateTimeDigitized", "iso", weaker=True),
    DateSource(
        "IPTC Digital Creation Date", "iptc", time="IPTC Digital Creation Time", weaker=True
    ),
    DateSource("EXIF DateTime", "exif", "EXIF SubSecTime", "EXIF OffsetTime", weaker=True),
)
# Longer text is cut for display (IPTC allows 2,000 bytes; a 1 MB "caption" is an attack
# on the layout engine, not something to read).
MAX_TEXT_CHARS = 20_000
WEAKER_SUFFIX = " (weaker: not the moment of capture)"
SIDECAR_SUFFIX = " (sidecar)"
GPS_EXIF, GPS_XMP = "EXIF GPS", "XMP exif:GPSLatitude/GPSLongitude"
