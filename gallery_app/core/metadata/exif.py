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
import struct
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import IO, Any, BinaryIO, cast

import exifread
from PIL import Image

from gallery_app.core import textdecode

log = logging.getLogger(__name__)

# Tag name -> (Pillow IFD, tag id); the name is exifread's, without its IFD prefix.
BASE_IFD, EXIF_IFD, GPS_IFD = 0, 0x8769, 0x8825
_BASE, _EXIF_IFD, _GPS_IFD = BASE_IFD, EXIF_IFD, GPS_IFD
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


def build_tags(raw: Mapping[str, Any], reader: str) -> ExifTags:
    """Raw tag values by name (bytes, numbers) -> decoded ``ExifTags``, for every reader."""
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


class _ClampedReader:
    """A file whose ``read(n)`` never asks for more bytes than are left in it.

    exifread reads as many bytes as a tag claims; a damaged tag claiming 2 GiB
    made Python allocate a 2 GiB buffer before finding the file much shorter.
    exifread uses only ``read``, ``seek`` and ``tell``.
    """

    def __init__(self, fh: IO[bytes]) -> None:
        self._fh = fh
        position = fh.tell()
        self._size = fh.seek(0, 2)
        fh.seek(position)

    def read(self, n: int | None = -1) -> bytes:
        left = max(0, self._size - self._fh.tell())
        return self._fh.read(left if n is None or n < 0 or n > left else n)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._fh.seek(offset, whence)

    def tell(self) -> int:
        return self._fh.tell()


def read_with_exifread(fh: IO[bytes]) -> ExifTags:
    """EXIF through exifread; empty when it finds nothing or trips over the file."""
    _quiet_exifread()
    try:
        clamped = _ClampedReader(fh)
        tags = exifread.process_file(
            cast("BinaryIO", clamped), details=False, extract_thumbnail=False
        )
    except Exception as error:  # exifread raises many kinds on broken files
        log.debug("exifread failed: %s", error)
        return ExifTags()
    raw: dict[str, Any] = {}
    for ifd in _EXIFREAD_IFDS:
        for name in PILLOW_TAGS:
            tag = tags.get(f"{ifd} {name}")
            if tag is not None and name not in raw:
                raw[name] = getattr(tag, "values", tag)
    return build_tags(raw, "exifread")


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
            except Exception as error:  # a broken sub-IFD must not hide the base one
                log.debug("Pillow: sub-IFD %#x unreadable: %s", ifd, error)
                ifds[ifd] = {}
        if not _has_exif_block(image):
            # No EXIF block: Pillow took the orientation from XMP tiff:Orientation, which the
            # MWG guidelines leave out (orientation is EXIF's alone) and Qt does not apply.
            ifds[_BASE] = {k: v for k, v in exif.items() if k != 0x0112}
        return _from_ifds(ifds, "Pillow")
    except Exception as error:  # Pillow raises many kinds on broken EXIF
        log.debug("Pillow getexif failed: %s", error)
        return ExifTags()


def _from_ifds(ifds: Mapping[int, Mapping[int, Any]], reader: str) -> ExifTags:
    raw: dict[str, Any] = {}
    for name, (ifd, tag) in PILLOW_TAGS.items():
        value = ifds.get(ifd, {}).get(tag)
        if value is not None:
            raw[name] = _pillow_value(name, value)
    return build_tags(raw, reader)


def read_ifd_streams(streams: Mapping[int, bytes]) -> tuple[ExifTags, tuple[int, int]]:
    """EXIF kept as one TIFF stream per IFD (a CR3's CMT boxes), keyed by IFD; and the
    picture size the base IFD states ((0, 0) when it does not).  Empty on broken data."""
    ifds: dict[int, Mapping[int, Any]] = {}
    for ifd, data in streams.items():
        parsed = Image.Exif()
        try:
            parsed.load(data)
            ifds[ifd] = dict(parsed)
        except Exception as error:  # Pillow raises many kinds on broken EXIF
            log.debug("Pillow: IFD stream %#x unreadable: %s", ifd, error)
    base = ifds.get(BASE_IFD, {})
    width, height = base.get(0x0100), base.get(0x0101)
    size = (width, height) if isinstance(width, int) and isinstance(height, int) else (0, 0)
    return _from_ifds(ifds, "cr3"), size


def _has_exif_block(image: Any) -> bool:
    """Whether Pillow's ``getexif()`` read an EXIF block (the sources Pillow itself tries)."""
    info = image.info
    return bool(info.get("exif") or info.get("Raw profile type exif")) or hasattr(image, "tag_v2")


def pillow_user_comment(image: Any) -> str | None:
    """UserComment alone through Pillow: exifread skips it when ``details=False``."""
    try:
        raw = image.getexif().get_ifd(_EXIF_IFD).get(0x9286)
    except Exception as error:  # broken EXIF: no comment
        log.debug("Pillow: UserComment unreadable: %s", error)
        return None
    return _decode("UserComment", raw) if raw is not None else None


# --- Structure check ----------------------------------------------------------------------

# Bytes per value of each TIFF field type (1 BYTE … 13 IFD); unknown types are skipped.
_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
_SUB_IFD_TAGS = frozenset({_EXIF_IFD, _GPS_IFD, 0xA005})  # Exif, GPS, Interoperability
_MAX_IFDS = 64
_TAG_NAMES = {tag: name for name, (ifd, tag) in PILLOW_TAGS.items() if ifd != _GPS_IFD}


def structure_problem(data: bytes) -> str | None:
    """Why an EXIF block is damaged, in a few words, or ``None`` when its layout is sound.

    exifread and Pillow both skip what they cannot read and say nothing (or
    only to a log), so the user would never learn why a caption is missing.
    This walks the directories the readers walk (IFD0, IFD1, Exif, GPS,
    Interoperability) and checks only what they trip over: offsets and value
    sizes past the end of the block, and directories that point back to one
    another.  Maker notes are not entered.
    """
    if data.startswith(b"Exif\x00\x00"):
        data = data[6:]
    if len(data) < 8 or data[:4] not in (b"II*\x00", b"MM\x00*"):
        return "it does not start with a TIFF header"
    order = "<" if data[:2] == b"II" else ">"
    size = len(data)
    pending = [struct.unpack(order + "I", data[4:8])[0]]
    seen: set[int] = set()
    while pending:
        offset = pending.pop()
        if offset in seen:
            return "its directories point back to one another"
        if len(seen) >= _MAX_IFDS:
            return "it holds more directories than any camera writes"
        seen.add(offset)
        if offset + 2 > size:
            return "a directory offset points past its end"
        (count,) = struct.unpack(order + "H", data[offset : offset + 2])
        end = offset + 2 + 12 * count
        if end > size:
            return "a directory runs past its end"
        for pos in range(offset + 2, end, 12):
            tag, kind, n, value = struct.unpack(order + "HHII", data[pos : pos + 12])
            length = _TYPE_SIZES.get(kind, 0) * n
            if length > 4 and value + length > size:
                return f"{_TAG_NAMES.get(tag, f'tag {tag:#06x}')} points past its end"
            if tag in _SUB_IFD_TAGS and kind in (4, 13) and n == 1 and value:
                pending.append(value)
        if end + 4 <= size:
            (following,) = struct.unpack(order + "I", data[end : end + 4])
            if following:
                pending.append(following)
    return None
