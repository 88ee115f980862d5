# SPDX-License-Identifier: GPL-3.0-or-later
"""The pixel size of a JPEG XL file, from its codestream's ``SizeHeader``.

libexiv2 reads a JPEG XL's EXIF and XMP boxes but gives no pixel size, and
decoding the picture to learn it would cost the whole decode.  The size is in
the first bytes of the codestream (ISO/IEC 18181-1, section D.2): a bare
codestream starts with it (``FF 0A``); in the ISO BMFF container it opens the
``jxlc`` box, or the first ``jxlp`` box after a 4-byte index.  The size is the
stored one; the orientation that follows it in the header is EXIF's.
"""

from __future__ import annotations

import struct
from typing import IO

_SIGNATURE = b"\xff\x0a"
_CONTAINER = b"\x00\x00\x00\x0cJXL \r\n\x87\n"
_MAX_BOXES = 1_000
# Ratio codes 1-7 of the SizeHeader: width = height * numerator / denominator.
_RATIOS = ((1, 1), (12, 10), (4, 3), (3, 2), (16, 9), (5, 4), (2, 1))


class _Bits:
    """Bits of ``data`` read least significant first, as JPEG XL packs them."""

    def __init__(self, data: bytes) -> None:
        self.value = int.from_bytes(data, "little")
        self.pos = 0

    def read(self, count: int) -> int:
        out = (self.value >> self.pos) & ((1 << count) - 1)
        self.pos += count
        return out

    def u32_size(self) -> int:
        """The U32(Bits(9), Bits(13), Bits(18), Bits(30)) + 1 of a dimension."""
        return self.read((9, 13, 18, 30)[self.read(2)]) + 1


def size_from_codestream(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a codestream's first bytes (16 are enough)."""
    if not data.startswith(_SIGNATURE) or len(data) < 12:
        return None
    bits = _Bits(data[2:14])
    small = bits.read(1)
    height = (bits.read(5) + 1) * 8 if small else bits.u32_size()
    ratio = bits.read(3)
    if ratio:
        numerator, denominator = _RATIOS[ratio - 1]
        width = height * numerator // denominator
    else:
        width = (bits.read(5) + 1) * 8 if small else bits.u32_size()
    return width, height


def read_size(fh: IO[bytes]) -> tuple[int, int] | None:
    """The size of the JPEG XL in ``fh`` (bare or boxed), or ``None`` when not found."""
    fh.seek(0)
    head = fh.read(16)
    if head.startswith(_SIGNATURE):
        return size_from_codestream(head)
    if not head.startswith(_CONTAINER):
        return None
    pos = 0
    for _ in range(_MAX_BOXES):
        fh.seek(pos)
        header = fh.read(16)
        if len(header) < 8:
            return None
        size, kind = struct.unpack(">I4s", header[:8])
        start = pos + 8
        if size == 1 and len(header) == 16:
            size, start = struct.unpack(">Q", header[8:16])[0], pos + 16
        if kind in (b"jxlc", b"jxlp"):
            fh.seek(start + (4 if kind == b"jxlp" else 0))
            return size_from_codestream(fh.read(16))
        if size < 8:
            return None
        pos += size
    return None
