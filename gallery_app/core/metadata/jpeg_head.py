# SPDX-License-Identifier: GPL-3.0-or-later
"""Read a JPEG's header segments once: the bytes up to its first scan, and what they hold.

The native reader (``native``) hands these bytes to libexiv2 from memory, so
the file is read once, from the start to the first scan (usually a few
kilobytes; never the compressed picture).  On the way the walk keeps what our
own checks need and libexiv2 does not give back: the raw EXIF block (for
``exif.structure_problem``), the APP13 segments in file order (the first IPTC
block wins, ``iptc.read_from_jpeg_segments``) and the frame size.  A file
whose markers do not lead to a frame header is ``None``: the Pillow path then
says what is wrong with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO

_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_SOS, _EOI = 0xDA, 0xD9
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})
_EXIF_HEADER = b"Exif\x00\x00"
_CHUNK = 64 * 1024
_MAX_HEAD = 64 * 1024 * 1024  # metadata beyond this is not a photo's header


@dataclass(frozen=True)
class JpegHead:
    """The header bytes of one JPEG (SOI .. SOS + EOI) and what the walk found in them."""

    data: bytes
    width: int
    height: int
    exif: bytes | None = None
    app13: list[bytes] = field(default_factory=list)


def read_head(fh: IO[bytes]) -> JpegHead | None:
    """Walk the segments from the start of ``fh``; ``None`` when there is no frame header."""
    fh.seek(0)
    buf = bytearray(fh.read(_CHUNK))
    if buf[:2] != b"\xff\xd8":
        return None
    pos, width, height = 2, 0, 0
    exif: bytes | None = None
    app13: list[bytes] = []
    while True:
        while pos + 4 > len(buf) or (buf[pos] == 0xFF and buf[pos + 1] == 0xFF):
            if pos + 4 > len(buf):
                more = fh.read(_CHUNK)
                if not more or len(buf) > _MAX_HEAD:
                    return None
                buf += more
            else:
                pos += 1  # fill bytes before a marker
        if buf[pos] != 0xFF:
            return None
        marker = buf[pos + 1]
        if marker in _STANDALONE:
            pos += 2
            continue
        if marker == _EOI:
            return None
        length = int.from_bytes(buf[pos + 2 : pos + 4], "big")
        end = pos + 2 + length
        while end > len(buf):
            more = fh.read(max(_CHUNK, end - len(buf)))
            if not more or len(buf) > _MAX_HEAD:
                return None
            buf += more
        body = bytes(buf[pos + 4 : end])
        if marker == _SOS:
            if not width or not height:
                return None
            return JpegHead(bytes(buf[:end]) + b"\xff\xd9", width, height, exif, app13)
        if marker in _SOF_MARKERS and len(body) >= 5 and not width:
            height = int.from_bytes(body[1:3], "big")
            width = int.from_bytes(body[3:5], "big")
        elif marker == 0xE1 and exif is None and body.startswith(_EXIF_HEADER):
            exif = body
        elif marker == 0xED:
            app13.append(body)
        pos = end
