# SPDX-License-Identifier: GPL-3.0-or-later
"""EXIF of a Canon CR3 that libexiv2 refuses, from its ``CMT1``-``CMT4`` boxes.

libexiv2 reads a sound CR3 (``native``); some files it refuses whole as
"corrupted" for a box it does not need here.  A CR3 is ISO BMFF: its ``moov``
box holds Canon's ``uuid`` box (85C0B687-820F-11E0-8111-F4CE462B6A48), and
that holds the EXIF as four small TIFF streams: ``CMT1`` (IFD0: camera,
orientation, artist, copyright, the picture size), ``CMT2`` (the EXIF IFD:
dates), ``CMT3`` (maker notes, not read) and ``CMT4`` (GPS).  Each stream is
parsed by Pillow's EXIF reader and reduced by ``exif.build_tags`` like every
other file's.  Bounded: ``moov`` is read only up to ``MAX_MOOV_BYTES``.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import IO

from gallery_app.core.metadata import exif
from gallery_app.core.metadata.quicktime import MAX_MOOV_BYTES, boxes

_CANON_UUID = bytes.fromhex("85C0B687820F11E08111F4CE462B6A48")
_STREAMS = {b"CMT1": exif.BASE_IFD, b"CMT2": exif.EXIF_IFD, b"CMT4": exif.GPS_IFD}


@dataclass(frozen=True)
class Cr3Read:
    """The EXIF tags of a CR3 and the picture size its IFD0 states (0: not stated)."""

    exif: exif.ExifTags
    width: int = 0
    height: int = 0


def read_cr3(fh: IO[bytes]) -> Cr3Read | None:
    """The CMT boxes of ``fh`` as EXIF tags, or ``None`` when there are none."""
    moov = _moov(fh)
    if moov is None:
        return None
    streams: dict[int, bytes] = {}
    for kind, start, end in boxes(moov, 0, len(moov)):
        if kind == b"uuid" and moov[start : start + 16] == _CANON_UUID:
            for name, s, e in boxes(moov, start + 16, end):
                if name in _STREAMS:
                    streams[_STREAMS[name]] = moov[s:e]
    if exif.BASE_IFD not in streams:
        return None
    tags, size = exif.read_ifd_streams(streams)
    return Cr3Read(tags, *size)


def _moov(fh: IO[bytes]) -> bytes | None:
    fh.seek(0)
    pos = 0
    for _ in range(64):  # ftyp, moov, then the media: moov comes first in a CR3
        fh.seek(pos)
        head = fh.read(8)
        if len(head) < 8:
            return None
        size, kind = struct.unpack(">I4s", head)
        if size < 8:
            return None
        if kind == b"moov":
            return fh.read(size - 8) if size - 8 <= MAX_MOOV_BYTES else None
        pos += size
    return None
