# SPDX-License-Identifier: GPL-3.0-or-later
"""Read EXIF, IPTC and XMP in one native parse, through libexiv2 (the ``exiv2`` module).

This is the reader of first resort for the kinds in ``NATIVE_KINDS``: one
C++ parse per file gives every block, where the Python readers took three
(Pillow's marker parser, exifread, defusedxml).  Its values are reduced to the
same small types the Python readers give (``exif.ExifTags`` from the raw tag
bytes, ``iptc.IptcTags``, the flat ``"XMP prefix:Name"`` map), so the
precedence tables and the text decoding stay the one place that decides.

A JPEG is read by ``jpeg_head`` (its header segments, once) and handed to
libexiv2 from memory; the first IPTC block and the EXIF structure check use
those same bytes.  Other kinds are opened by path.  ``read_native`` returns
``None`` with a reason whenever libexiv2 cannot give a sound answer (a broken
header, a size beyond the decompression-bomb limit, a name that is not UTF-8);
``imagefile`` then falls back to the Python readers and logs that reason.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import exiv2

from gallery_app.core import textdecode
from gallery_app.core.metadata import exif, iptc, xmp
from gallery_app.core.metadata.jpeg_head import read_head

log = logging.getLogger(__name__)

# TIFF stays with Pillow: libexiv2 reads a TIFF without picture data as sound, where
# Pillow says what is wrong with it.  A TIFF-based camera RAW ("raw-tiff": named .nef,
# .cr2, .dng...) goes to libexiv2 first, which knows which of its pictures is the full-size
# one (Pillow sees the first, often a 160 px preview).  JPEG 2000, JPEG XL (ISO BMFF boxes
# ``Exif`` and ``xml ``), Canon CRW (CIFF) and CR3 (BMFF), Fujifilm RAF and Minolta MRW are
# read by libexiv2 alone: Pillow has no metadata reader for them.  So is libexiv2's own
# metadata file (EXV), which has no picture at all.
NATIVE_KINDS = frozenset(
    {"jpeg", "webp", "jp2", "jxl", "crw", "cr3", "raf", "mrw", "raw-tiff", "exv"}
)
# Kinds whose header may not give libexiv2 a pixel size (a bare JPEG XL codestream, a
# CRW without its image properties): their metadata is kept and the size looked up apart.
SIZE_OPTIONAL = frozenset({"jp2", "jxl", "crw", "cr3", "raf", "mrw", "exv"})
_GROUP_IFD = {"Image": exif.BASE_IFD, "Photo": exif.EXIF_IFD, "GPSInfo": exif.GPS_IFD}
# libexiv2's key of each EXIF tag Dateline uses -> the tag's name in ``exif.PILLOW_TAGS``.
_KEY_NAMES: dict[str, str] = {
    f"Exif.{group}.{name}": name
    for name, (ifd, _tag) in exif.PILLOW_TAGS.items()
    for group, group_ifd in _GROUP_IFD.items()
    if group_ifd == ifd or (ifd != exif.GPS_IFD and group != "GPSInfo")
}
_ASCII = exiv2.TypeId.asciiString
# Tags whose value is ASCII text (the rest: numbers, or bytes with their own encoding).
_TEXT_TAGS = frozenset(exif.PILLOW_TAGS) - {
    "Orientation",
    "GPSLatitude",
    "GPSLongitude",
    "UserComment",
    "XPComment",
    "XPTitle",
    "XPAuthor",
}
_XMP_IN_JPEG = b"http://ns.adobe.com/xap/1.0/\x00"


@dataclass(frozen=True)
class NativeRead:
    """What libexiv2 read from one file, in the Python readers' types (size 0: not given)."""

    width: int
    height: int
    exif: exif.ExifTags
    iptc: iptc.IptcTags = field(default_factory=iptc.IptcTags)
    xmp: dict[str, str] = field(default_factory=dict)
    xmp_packet: bytes | str = b""  # the XMP packet, or (JPEG) the header bytes that hold it
    xmp_problem: str | None = None  # why the embedded XMP was ignored
    exif_raw: bytes | None = None  # the JPEG's APP1 EXIF block, for the structure check


class NativeUnavailable(Exception):
    """libexiv2 gave no sound answer for this file; ``str()`` is the reason (for the log)."""


@functools.cache
def _quiet_exiv2() -> None:
    """libexiv2 logs every oddity of a file at error level; the reader says what matters itself.

    Its messages (about the file, not about Dateline) are muted at the source,
    which also spares the cost of handing each to Python's logging.
    """
    exiv2.LogMsg.setLevel(exiv2.LogMsg.Level.mute)


def read_native(fh: IO[bytes], path: Path, kind: str, max_pixels: int | None) -> NativeRead:
    """Read ``fh`` (a ``kind`` in ``NATIVE_KINDS``) with libexiv2, or raise NativeUnavailable.

    ``max_pixels`` is Pillow's warning limit: a picture of more than twice as
    many is refused, as Pillow refuses it (and Pillow then says why).
    """
    _quiet_exiv2()
    exif_raw: bytes | None = None
    app13: list[bytes] | None = None
    if kind == "jpeg":
        head = read_head(fh)
        if head is None:
            raise NativeUnavailable("its markers lead to no frame header")
        source: Any = head.data
        exif_raw, app13 = head.exif, head.app13
    else:
        name = os.fsdecode(path)
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            raise NativeUnavailable("its name is not valid UTF-8") from None
        source = name
    try:
        image = exiv2.ImageFactory.open(source)
        image.readMetadata()
        width, height = image.pixelWidth(), image.pixelHeight()
        if not width or not height:
            if kind not in SIZE_OPTIONAL:
                raise NativeUnavailable("no picture size in its header")
            width = height = 0
        if kind == "raw-tiff":
            width, height = raw_picture_size(image, path, (width, height))
        if max_pixels and width * height > 2 * max_pixels:
            raise NativeUnavailable("it claims more pixels than the decompression-bomb limit")
        tags = exif_tags(image.exifData())
        iptc_tags = (
            iptc.read_from_jpeg_segments(app13) if app13 is not None else iptc_of(image.iptcData())
        )
        values, problem = xmp_values(image, app13 is None or _XMP_IN_JPEG in source)
        packet = source if app13 is not None else image.xmpPacket()
    except exiv2.Exiv2Error as error:
        raise NativeUnavailable(f"libexiv2: {error}") from None
    return NativeRead(width, height, tags, iptc_tags, values, packet, problem, exif_raw)


def _exif_int(data: Any, key: str) -> int:
    found = data.findKey(exiv2.ExifKey(key))
    if found == data.end() or not found.count():
        return 0
    return int(found.toInt64(0))


def raw_picture_size(image: Any, path: Path, size: tuple[int, int]) -> tuple[int, int]:
    """The size exiftool's ``Composite:ImageSize`` gives a TIFF-based RAW, where it differs.

    Panasonic RW2: the crop inside the sensor borders (libexiv2 gives the
    sensor).  Phase One IIQ: the EXIF pixel dimensions (its TIFF pages are
    previews, 1 x 1 in a pruned file).  Other RAWs keep libexiv2's size.
    """
    data = image.exifData()
    if image.mimeType() == "image/x-panasonic-rw2":
        left = _exif_int(data, "Exif.PanasonicRaw.SensorLeftBorder")
        top = _exif_int(data, "Exif.PanasonicRaw.SensorTopBorder")
        right = _exif_int(data, "Exif.PanasonicRaw.ImageWidth")  # the right border
        bottom = _exif_int(data, "Exif.PanasonicRaw.ImageHeight")  # the bottom border
        if right > left and bottom > top:
            return right - left, bottom - top
    elif path.suffix.lower() == ".iiq":
        width = _exif_int(data, "Exif.Photo.PixelXDimension")
        height = _exif_int(data, "Exif.Photo.PixelYDimension")
        if width and height:
            return width, height
    return size


def exif_tags(data: Iterable[Any]) -> exif.ExifTags:
    """The EXIF tags Dateline uses, from libexiv2's datums, decoded like the Python readers'."""
    raw: dict[str, Any] = {}
    for datum in data:
        name = _KEY_NAMES.get(datum.key())
        if name is None or name in raw:
            continue
        if name in _TEXT_TAGS and datum.typeId() == _ASCII:  # the bytes as stored (escaped)
            raw[name] = datum.toString().encode("utf-8", "surrogateescape")
            continue
        value = datum.value()
        if name == "Orientation":
            raw[name] = value.toInt64(0) if value.count() else None
        elif name in ("GPSLatitude", "GPSLongitude"):
            raw[name] = [_ratio(value.toRational(i)) for i in range(value.count())]
        elif hasattr(value, "data"):  # UserComment, XP tags: raw bytes
            raw[name] = bytes(value.data())
        else:
            raw[name] = datum.toString()
    return exif.build_tags(raw, "exiv2")


def _ratio(pair: tuple[int, int]) -> float:
    numerator, denominator = pair
    return numerator / denominator if denominator else float("nan")


def iptc_of(data: Iterable[Any]) -> iptc.IptcTags:
    """IPTC from libexiv2's datums (files other than JPEG), decoded by ``iptc.decode``."""
    raw: dict[tuple[int, int], list[bytes]] = {}
    for datum in data:
        key = (datum.record(), datum.tag())
        if key not in iptc.DATASETS and key != iptc.CHARSET:
            continue
        value = datum.value()
        if hasattr(value, "data"):
            chunk = bytes(value.data())
        else:  # dates and times come back as ISO text: back to IIM's digits
            chunk = datum.toString().replace("-", "").replace(":", "").encode("ascii", "replace")
        raw.setdefault(key, []).append(chunk)
    return iptc.decode(raw)


@functools.cache
def _our_prefix(exiv2_prefix: str) -> str | None:
    """libexiv2's prefix of a namespace -> ours (it calls Iptc4xmpCore "iptc")."""
    try:
        return xmp.PREFIXES.get(exiv2.XmpProperties.ns(exiv2_prefix))
    except exiv2.Exiv2Error:
        return None


def xmp_values(image: Any, may_hold_xmp: bool) -> tuple[dict[str, str], str | None]:
    """The flat XMP map from libexiv2's datums, as ``xmp.parse_packet`` makes it.

    When libexiv2 could not parse a packet that is there, the packet goes to
    ``xmp.parse_packet`` (defusedxml), which either reads it or says why not.
    ``may_hold_xmp`` false (a JPEG header without an XMP segment) skips that check.
    """
    out: dict[str, str] = {}
    for datum in image.xmpData():
        key = datum.key()
        _, prefix, name = key.split(".", 2)
        if "[" in name or "/" in name:
            continue  # an item of a structure: not a simple value
        ours = _our_prefix(prefix)
        if ours is None:
            continue
        text = _xmp_text(datum.value())
        if text:
            out.setdefault(f"XMP {ours}:{name}", text)
    if out or not may_hold_xmp:
        return out, None
    packet: str = image.xmpPacket()
    if not packet.strip():
        return out, None
    log.info("libexiv2 could not parse an XMP packet; falling back to defusedxml")
    try:
        return xmp.parse_packet(packet.encode("utf-8", "surrogateescape")), None
    except xmp.XmpError as error:
        return {}, str(error)


def _xmp_text(value: Any) -> str | None:
    type_id = value.typeId()
    if type_id == exiv2.TypeId.langAlt:
        items = dict(value)
        chosen = items.get("x-default", next(iter(items.values()), None))
        return textdecode.clean(chosen)
    if type_id in (exiv2.TypeId.xmpSeq, exiv2.TypeId.xmpBag):
        parts = [
            t for t in (textdecode.clean(value.toString(i)) for i in range(value.count())) if t
        ]
        return xmp.LIST_JOINER.join(parts) or None
    if type_id == exiv2.TypeId.xmpAlt:
        return textdecode.clean(value.toString(0)) if value.count() else None
    if value.xmpArrayType() or value.xmpStruct():
        return None  # a structure or an array of structures
    return textdecode.clean(value.toString())
