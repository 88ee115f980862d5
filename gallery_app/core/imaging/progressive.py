# SPDX-License-Identifier: GPL-3.0-or-later
"""What a 1/8-scale decode of a progressive JPEG really reads, and nothing more.

A JPEG decoded at 1/8 scale turns each 8 × 8 block of a full-resolution
component into one pixel: the inverse DCT at that size reads the block's DC
coefficient only.  A baseline JPEG cannot skip its AC coefficients (they sit
between the DC ones in one Huffman stream), but a progressive JPEG sends them
in scans of their own, which are most of the file.  libjpeg still decodes
every scan before it outputs a line, so a 16 MP progressive wallpaper costs
several times a baseline one even for a 256 px thumbnail.

``dc_stream(data)`` rewrites the stream without those scans: the headers, every
DC scan and the AC scans of any component whose 1/8 picture comes from a
larger inverse DCT (libjpeg-turbo scales 4:2:0 chroma up by a 2 × 2 inverse
DCT instead of upsampling it; IJG libjpeg does so for any subsampled
component), then, for each component whose AC scans were left out, one tiny
scan that says "all AC coefficients are zero" (end-of-band runs).  That last part
matters: without it libjpeg would see the AC coefficients as *missing* and
"smooth" the blocks from their neighbours, changing the DC-only picture.  The
decoded 1/8-scale picture is the same, pixel for pixel, as the whole file's
(``tests/unit/core/imaging/test_progressive.py`` holds that for 4:4:4, 4:2:2,
4:2:0 and grayscale); a stream this does not understand gives ``None`` and
the caller decodes the file as it is.
"""

from __future__ import annotations

import re
import struct

_SOI, _EOI = b"\xff\xd8", b"\xff\xd9"
_SOF_PROGRESSIVE = 0xC2
# Every other start-of-frame (baseline, arithmetic, hierarchical, lossless), DNL
# and EXP: leave such streams alone.
_UNSUPPORTED = frozenset(range(0xC0, 0xD0)) - {0xC2, 0xC4, 0xC8, 0xCC} | {0xDC, 0xDF}
# The end of a scan's entropy-coded data: a 0xFF that is not a stuffed zero, a
# restart marker or a fill byte.
_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
_MAX_EOB_RUN = 32767  # EOB14: 2**14 plus 14 extra bits
# An AC Huffman table (class 1, slot 0) holding only the end-of-band run
# symbols EOB0..EOB14, each a 4-bit code equal to its run class.
_EOB_TABLE = (
    b"\xff\xc4"
    + struct.pack(">H", 2 + 1 + 16 + 15)
    + b"\x10"
    + bytes([0, 0, 0, 15] + [0] * 12)
    + bytes(r << 4 for r in range(15))
)
_NO_RESTARTS = b"\xff\xdd\x00\x04\x00\x00"


class _Frame:
    """The SOF2 header: picture size, components, and which are read as DC only at 1/8."""

    def __init__(self, payload: bytes, turbo: bool) -> None:
        height, width, count = struct.unpack_from(">HHB", payload, 1)
        self.height, self.width = int(height), int(width)
        if count == 0 or len(payload) < 6 + 3 * count or 0 in (self.width, self.height):
            raise ValueError("bad frame header")
        self.components = [
            (payload[6 + 3 * i], payload[7 + 3 * i] >> 4, payload[7 + 3 * i] & 15)
            for i in range(count)
        ]
        if any(h not in (1, 2, 4) or v not in (1, 2, 4) for _, h, v in self.components):
            raise ValueError("unusual sampling factors")
        self.h_max = max(c[1] for c in self.components)
        self.v_max = max(c[2] for c in self.components)
        self.dc_only = {cid for cid, h, v in self.components if self._one_by_one(h, v, turbo)}

    def _one_by_one(self, h: int, v: int, turbo: bool) -> bool:
        """Whether the component gets a 1 × 1 inverse DCT (its DC alone) at 1/8 scale.

        libjpeg-turbo (``jpeg_core_output_dimensions``) doubles a component's
        DCT size only while *both* its ratios to the largest sampling factors
        allow it; IJG libjpeg 9 does each direction on its own.
        """
        twice_h, twice_v = self.h_max % (2 * h) == 0, self.v_max % (2 * v) == 0
        return not (twice_h and twice_v) if turbo else not (twice_h or twice_v)

    def blocks(self, component: int) -> int:
        """8 × 8 blocks of one component: its MCUs in a scan of its own."""
        _, h, v = next(c for c in self.components if c[0] == component)
        across = -(-self.width * h // (self.h_max * 8))
        down = -(-self.height * v // (self.v_max * 8))
        return across * down


def dc_stream(data: bytes, *, turbo: bool = True) -> bytes | None:
    """``data`` without the AC scans a 1/8-scale decode ignores; None when it cannot tell.

    ``turbo``: the decoder is libjpeg-turbo (Pillow's wheels and most systems);
    False keeps the AC scans of every subsampled component, as IJG libjpeg needs.
    """
    try:
        return _carve(data, turbo)
    except (ValueError, IndexError, struct.error):
        return None


def _carve(data: bytes, turbo: bool) -> bytes | None:
    if not data.startswith(_SOI):
        return None
    kept: list[bytes] = [_SOI]
    frame: _Frame | None = None
    dropped: set[int] = set()
    pos, end = 2, len(data)
    while pos + 4 <= end:
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte before a marker
            pos += 1
            continue
        if marker == 0xD9:
            break
        if marker in _UNSUPPORTED:
            return None
        stop = pos + 2 + struct.unpack_from(">H", data, pos + 2)[0]
        if marker == _SOF_PROGRESSIVE:
            if frame is not None:
                return None
            frame = _Frame(data[pos + 4 : stop], turbo)
        if marker != 0xDA:
            kept.append(data[pos:stop])
            pos = stop
            continue
        if frame is None:
            return None
        found = _MARKER.search(data, stop)
        scan_end = found.start() if found else end
        component = _droppable(data[pos + 4 : stop], frame)
        if component is None:
            kept.append(data[pos:scan_end])
        else:
            dropped.add(component)
        pos = scan_end
    if frame is None or not dropped:
        return None
    kept.extend(_zero_ac_scans(frame, sorted(dropped)))
    kept.append(_EOI)
    return b"".join(kept)


def _droppable(header: bytes, frame: _Frame) -> int | None:
    """The component of an AC scan (Ss > 0) of a full-resolution component; else None."""
    count = header[0]
    spectral_start = header[1 + 2 * count]
    if spectral_start == 0 or count != 1:
        return None
    component = header[1]
    return component if component in frame.dc_only else None


def _zero_ac_scans(frame: _Frame, components: list[int]) -> list[bytes]:
    """One scan per component coding AC coefficients 1..63 as zero, to full precision."""
    parts = [_EOB_TABLE, _NO_RESTARTS]
    for component in components:
        parts.append(b"\xff\xda\x00\x08\x01" + bytes([component, 0x00, 1, 63, 0x00]))
        parts.append(_eob_runs(frame.blocks(component)))
    return parts


def _eob_runs(blocks: int) -> bytes:
    """Entropy-coded end-of-band runs covering ``blocks`` blocks, byte-stuffed."""
    bits, count = 0, 0
    while blocks > 0:
        run = min(blocks, _MAX_EOB_RUN)
        size = run.bit_length() - 1  # EOBn codes runs of 2**n .. 2**(n+1) - 1
        bits = (bits << (4 + size)) | (size << size) | (run - (1 << size))
        count += 4 + size
        blocks -= run
    pad = -count % 8
    bits = (bits << pad) | ((1 << pad) - 1)  # pad with 1-bits, as the standard asks
    raw = bits.to_bytes((count + pad) // 8, "big")
    return raw.replace(b"\xff", b"\xff\x00")
