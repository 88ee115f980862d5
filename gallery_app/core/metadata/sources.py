# SPDX-License-Identifier: GPL-3.0-or-later
"""Where each field of a photo's metadata may come from, strongest source first.

One declarative table per field: the order of the labels sets the
precedence, and ``resolve`` takes the first non-empty value.  The labels are
those ``imagefile`` and ``xmp`` give the values ("EXIF Artist", "IPTC
By-line", "XMP dc:creator"), so a table reads like the guidance it follows.

The order is that of the Metadata Working Group's guidelines (MWG 2.0, as
``exiftool -use MWG`` reads them): for description, creator, copyright and
date a non-blank EXIF value comes first; then XMP before IPTC-IIM.  That last
order holds while the IPTC digest Photoshop stored (``IPTC_DIGEST_STORED``) is
absent or still matches the IIM block: when it no longer matches, a tool that
does not know XMP changed the IIM last, so ``mwg.ordered`` moves every IPTC
label ahead of the XMP ones — the same rule for every field, credit and the
place included.  ``SAME_FIELD`` lists the labels that carry one value in the
three standards, so that ``mwg.conflicts`` can say where they disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

CAPTION_SOURCES: tuple[str, ...] = (
    "EXIF ImageDescription",
    "XMP dc:description",
    "IPTC Caption-Abstract",
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
    "EXIF Artist",
    "XMP dc:creator",
    "IPTC By-line",
    "EXIF XPAuthor",
    "PNG Author",
)
CREDIT_SOURCES: tuple[str, ...] = ("XMP photoshop:Credit", "IPTC Credit")
COPYRIGHT_SOURCES: tuple[str, ...] = (
    "EXIF Copyright",
    "XMP dc:rights",
    "IPTC Copyright Notice",
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

# The labels that hold one field in EXIF, XMP and IPTC-IIM: where they differ inside one
# file, the file details and the checks say so (the title is left out: its two pairs,
# Headline and Object Name / dc:title, mean different things).
SAME_FIELD: Mapping[str, tuple[str, ...]] = {
    "caption": ("EXIF ImageDescription", "XMP dc:description", "IPTC Caption-Abstract"),
    "creator": ("EXIF Artist", "XMP dc:creator", "IPTC By-line"),
    "credit": ("XMP photoshop:Credit", "IPTC Credit"),
    "copyright": ("EXIF Copyright", "XMP dc:rights", "IPTC Copyright Notice"),
    **{name: labels for name, labels in PLACE_FIELDS.items()},
}
SAME_DATE: tuple[str, ...] = (
    "EXIF DateTimeOriginal",
    "XMP photoshop:DateCreated",
    "IPTC Date Created",
)
# Photoshop image resource 0x0425 (the MD5 of the IIM block when it was last written by a
# tool that knows XMP) and the MD5 of the IIM block as the file holds it now, in hex.
IPTC_DIGEST_STORED = "Photoshop IPTCDigest"
IPTC_DIGEST_CURRENT = "IPTC block MD5"


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
    # Videos (``video``): Apple's key keeps the local time and offset; an AVI's IDIT is the
    # camera's clock; QuickTime's movie header is UTC; ``©day`` and INFO ICRD may be a year.
    DateSource("QuickTime CreationDate", "iso"),
    DateSource("RIFF DateTimeOriginal", "iso"),
    DateSource("QuickTime CreateDate", "iso"),
    DateSource("QuickTime ContentCreateDate", "iso"),
    DateSource("RIFF DateCreated", "iso"),
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
GPS_VIDEO = "QuickTime GPSCoordinates"  # ISO 6709 text, as phones write it in a video
