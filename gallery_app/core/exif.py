# SPDX-License-Identifier: GPL-3.0-or-later
"""Read the few EXIF tags Dateline shows, through exifread with a Pillow fallback.

exifread (``details=False``: no maker notes, which cost 20× the time) is the
primary reader.  When it finds nothing (it gives up on JPEGs whose EXIF follows
APP6–APP9 segments, as some cameras write them) Pillow's ``getexif()`` reads
the same tags.  Both are reduced to one small ``ExifTags`` value of decoded
text, so the precedence tables never see library types.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import IO, Any, BinaryIO, cast

import exifread

from gallery_app.core import textdecode

_log = logging.getLogger(__name__)

# Tag name -> (Pillow IFD, tag id); the name is exifread's, without its IFD prefix.
_BASE, _EXIF_IFD, _GPS_IFD = 0, 0x8769, 0x8825
PILLOW_TAGS: dict[str, tuple[int, int]] = {
    "ImageDescription": (_BASE, 0x010E),
    "Artist": (_BASE, 0x013B),
    "Copyright": (_BASE, 0x8298),
    "XPComment": (_BASE, 0x9C9C),
    "XPTitle": (_BASE, 0x9C9B),
    "XPAuthor": (_BASE, 0x9C9D),
    "DateTime": (_BASE, 0x0132),
    "Orientation": (_BASE, 0x0112),
    "DateTimeOriginal": (_EXIF_IFD, 0x9003),
    "DateTimeDigitized": (_EXIF_IFD, 0x9004),
    "SubSecTime": (_EXIF_IFD, 0x9290),
    "SubSecTimeOriginal": (_EXIF_IFD, 0x9291),
    "SubSecTimeDigitized": (_EXIF_IFD, 0x9292),
    "OffsetTime": (_EXIF_IFD, 0x9010),
    "OffsetTimeOriginal": (_EXIF_IFD, 0x9011),
    "OffsetTimeDigitized": (_EXIF_IFD, 0x9012),
    "UserComment": (_EXIF_IFD, 0x9286),
    "GPSLatitudeRef": (_GPS_IFD, 1),
    "GPSLatitude": (_GPS_IFD, 2),
    "GPSLongitudeRef": (_GPS_IFD, 3),
    "GPSLongitude": (_GPS_IFD, 4),
}
_EXIFREAD_IFDS = ("Image", "EXIF", "GPS")
_XP_TAGS = frozenset({"XPComment", "XPTitle", "XPAuthor"})
_COORD_TAGS = frozenset({"GPSLatitude", "GPSLongitude"})


@dataclass(frozen=True)
class ExifTags:
    """The EXIF tags Dateline uses, decoded: text by tag name, orientation, raw GPS."""

    text: Mapping[str, str] = field(default_factory=dict)
    orientation: int | None = None
    latitude: tuple[float, ...] | None = None
    longitude: tuple[float, ...] | None = None
    reader: str = ""

    def __bool__(self) -> bool:
        return bool(self.text) or self.orientation is not None or self.latitude is not None


def _to_bytes(values: Any) -> bytes | str | None:
    if isinstance(values, str | bytes):
        return values
    if isinstance(values, bytearray):
        return bytes(values)
    if isinstance(values, Iterable):
        try:
            return bytes(int(v) & 0xFF for v in values)
        except (TypeError, ValueError):
            return None
    return None


def _decode(name: str, raw: Any) -> str | None:
    data = _to_bytes(raw)
    if data is None:
        return None
    if name in _XP_TAGS:
        return textdecode.decode_xp(data)
    if name == "UserComment":
        return textdecode.decode_user_comment(data)
    return textdecode.decode_text(data)


def _floats(values: Any) -> tuple[float, ...] | None:
    try:
        numbers = tuple(float(v) for v in values)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    return numbers or None


def _first_int(values: Any) -> int | None:
    try:
        if isinstance(values, int):
            return values
        return int(next(iter(values)))
    except (TypeError, ValueError, StopIteration):
        return None


def _build(raw: Mapping[str, Any], reader: str) -> ExifTags:
    text: dict[str, str] = {}
    orientation = latitude = longitude = None
    for name, value in raw.items():
        if name == "Orientation":
            orientation = _first_int(value)
        elif name == "GPSLatitude":
            latitude = _floats(value)
        elif name == "GPSLongitude":
            longitude = _floats(value)
        else:
            decoded = _decode(name, value)
            if decoded:
                text[name] = decoded
    return ExifTags(text, orientation, latitude, longitude, reader)


@functools.cache
def _quiet_exifread() -> None:
    """exifread logs a warning for every PNG without EXIF; the reader reports problems itself."""
    logging.getLogger("exifread").setLevel(logging.ERROR)


def read_with_exifread(fh: IO[bytes]) -> ExifTags:
    """EXIF through exifread; empty when it finds nothing or trips over the file."""
    _quiet_exifread()
    try:
        tags = exifread.process_file(cast("BinaryIO", fh), details=False, extract_thumbnail=False)
    except Exception as error:  # exifread raises many kinds on broken files
        _log.debug("exifread failed: %s", error)
        return ExifTags()
    raw: dict[str, Any] = {}
    for ifd in _EXIFREAD_IFDS:
        for name in PILLOW_TAGS:
            tag = tags.get(f"{ifd} {name}")
            if tag is not None and name not in raw:
                raw[name] = getattr(tag, "values", tag)
    return _build(raw, "exifread")


def _pillow_value(name: str, value: Any) -> Any:
    # Pillow decodes ASCII as Latin-1; undo that so UTF-8 text survives.
    if isinstance(value, str) and name not in _COORD_TAGS:
        try:
            return value.encode("latin-1")
        except UnicodeEncodeError:
            return value
    return value


def read_with_pillow(image: Any) -> ExifTags:
    """EXIF through an open Pillow image's ``getexif()``; empty on any failure."""
    try:
        exif = image.getexif()
        ifds: dict[int, Mapping[int, Any]] = {_BASE: exif}
        for ifd in (_EXIF_IFD, _GPS_IFD):
            try:
                ifds[ifd] = exif.get_ifd(ifd)
            except Exception:  # a broken sub-IFD must not hide the base one
                ifds[ifd] = {}
        raw: dict[str, Any] = {}
        for name, (ifd, tag) in PILLOW_TAGS.items():
            value = ifds[ifd].get(tag)
            if value is not None:
                raw[name] = _pillow_value(name, value)
        return _build(raw, "Pillow")
    except Exception as error:  # Pillow raises many kinds on broken EXIF
        _log.debug("Pillow getexif failed: %s", error)
        return ExifTags()


def pillow_user_comment(image: Any) -> str | None:
    """UserComment alone through Pillow: exifread skips it when ``details=False``."""
    try:
        raw = image.getexif().get_ifd(_EXIF_IFD).get(0x9286)
    except Exception:  # broken EXIF: no comment
        return None
    return _decode("UserComment", raw) if raw is not None else None
