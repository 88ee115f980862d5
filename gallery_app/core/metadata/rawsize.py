# SPDX-License-Identifier: GPL-3.0-or-later
"""The picture size of camera RAWs whose size libexiv2 does not give as exiftool does.

A RAW holds several sizes (the sensor with its borders, the crop a raw
converter keeps, previews); Dateline reports the one exiftool's
``Composite:ImageSize`` reports, read from the camera's own header:

- Fujifilm RAF: its header directory (offset 0x5C) holds
  ``RawImageCroppedSize`` (tag 0x111, height then width);
- Sigma X3F: the full-size JPEG the camera embeds (an ``IMA2`` section whose
  JPEG opens with EXIF, exiftool's JpgFromRaw), else the header's size; that
  JPEG's header is handed back too, for its EXIF (date, camera, orientation);
- Panasonic RW2 and Phase One IIQ are read from libexiv2's tags (``native``):
  the crop inside the sensor borders, and the EXIF pixel dimensions.

Each read is a few small seeks with every count and length bounded; a damaged
header gives ``None``.
"""

from __future__ import annotations

import io
import os
import struct
from dataclasses import dataclass
from typing import IO

from gallery_app.core.metadata.jpeg_head import JpegHead, read_head

RAF_MAGIC = b"FUJIFILMCCD-RAW"
X3F_MAGIC = b"FOVb"
_RAF_DIRECTORY = 0x5C
_RAF_CROPPED = 0x111
_MAX_ENTRIES = 255  # as exiftool: a longer directory is damaged
_X3F_SECTIONS = 1_000
_X3F_JPEG = b"SECi\x00\x00\x02\x00\x02\x00\x00\x00\x12\x00\x00\x00"  # version 2, JPEG, type 2
_JPEG_HEAD = 1024 * 1024  # bytes of an embedded JPEG read to find its frame header


def raf_size(fh: IO[bytes]) -> tuple[int, int] | None:
    """``RawImageCroppedSize`` of a Fujifilm RAF's header directory, as (width, height)."""
    fh.seek(0)
    head = fh.read(_RAF_DIRECTORY + 4)
    if not head.startswith(RAF_MAGIC) or len(head) < _RAF_DIRECTORY + 4:
        return None
    (start,) = struct.unpack(">I", head[_RAF_DIRECTORY:])
    fh.seek(start)
    count = fh.read(4)
    if len(count) < 4 or struct.unpack(">I", count)[0] > _MAX_ENTRIES:
        return None
    for _ in range(struct.unpack(">I", count)[0]):
        entry = fh.read(4)
        if len(entry) < 4:
            return None
        tag, length = struct.unpack(">HH", entry)
        if tag != _RAF_CROPPED:
            fh.seek(length, os.SEEK_CUR)  # other entries are skipped, not read
            continue
        value = fh.read(length)
        if len(value) < 4:
            return None
        height, width = struct.unpack(">HH", value[:4])
        return (width, height) if width and height else None
    return None


@dataclass(frozen=True)
class X3f:
    """A Sigma X3F's size, and the header of its embedded JPEG (which holds its EXIF)."""

    width: int
    height: int
    jpeg: JpegHead | None = None


def x3f_size(fh: IO[bytes]) -> tuple[int, int] | None:
    """A Sigma X3F's size: its embedded full-size JPEG's, else its header's."""
    found = read_x3f(fh)
    return (found.width, found.height) if found else None


def read_x3f(fh: IO[bytes]) -> X3f | None:
    """The X3F in ``fh``: its embedded full-size JPEG's size (exiftool's), else its header's."""
    fh.seek(0)
    head = fh.read(48)
    if not head.startswith(X3F_MAGIC) or len(head) < 48:
        return None
    (version,) = struct.unpack("<I", head[4:8])
    at = 40 if version >> 16 >= 4 else 28
    width, height = struct.unpack("<II", head[at : at + 8])
    embedded = _x3f_jpeg(fh)
    if embedded:
        return X3f(embedded.width, embedded.height, embedded)
    return X3f(width, height) if width and height else None


def _x3f_jpeg(fh: IO[bytes]) -> JpegHead | None:
    """The header of the JPEG in the first ``IMA2`` section that carries EXIF."""
    file_size = fh.seek(0, os.SEEK_END)
    if file_size < 16:
        return None
    fh.seek(file_size - 4)
    (directory,) = struct.unpack("<I", fh.read(4))
    fh.seek(directory)
    head = fh.read(12)
    if len(head) < 12 or not head.startswith(b"SECd"):
        return None
    count = min(struct.unpack("<I", head[8:12])[0], _X3F_SECTIONS)
    entries = fh.read(12 * count)
    for index in range(len(entries) // 12):
        offset, length, tag = struct.unpack("<II4s", entries[12 * index : 12 * index + 12])
        if tag != b"IMA2" or length <= 32 or offset + length > file_size:
            continue
        fh.seek(offset)
        section = fh.read(min(length, 28 + _JPEG_HEAD))
        if not section.startswith(_X3F_JPEG) or section[28:32] != b"\xff\xd8\xff\xe1":
            continue
        found = read_head(io.BytesIO(section[28:]))
        if found is not None:
            return found
    return None
