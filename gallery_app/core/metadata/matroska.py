# SPDX-License-Identifier: GPL-3.0-or-later
"""Frame size and duration of a Matroska or WebM video, from its EBML elements.

Flow: the EBML header is skipped, the ``Segment``'s children are walked by
seeking (clusters, the frames, are skipped by their size and never read);
``Info`` (duration in ticks of its ``TimecodeScale``) and ``Tracks`` (each
``TrackEntry``'s ``Video`` element: ``PixelWidth``/``PixelHeight``, the size
exiftool reports as ImageWidth/ImageHeight) are read whole, up to
``_MAX_MASTER`` bytes each.  Every size is checked against its parent, every
walk bounded by ``MAX_BOXES``; an element of unknown size other than the
segment ends the walk.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from typing import IO

from gallery_app.core.metadata.video import MAX_BOXES, VideoTags

EBML_MAGIC = b"\x1a\x45\xdf\xa3"
_SEGMENT, _INFO, _TRACKS, _CLUSTER = 0x18538067, 0x1549A966, 0x1654AE6B, 0x1F43B675
_TRACK_ENTRY, _VIDEO, _TRACK_TYPE = 0xAE, 0xE0, 0x83
_PIXEL_WIDTH, _PIXEL_HEIGHT = 0xB0, 0xBA
_TIMECODE_SCALE, _DURATION = 0x2AD7B1, 0x4489
_MAX_MASTER = 1024 * 1024
_UNKNOWN = -1


def _vint(data: bytes, at: int, *, keep_marker: bool) -> tuple[int, int] | None:
    """(value, length) of the variable-size integer at ``data[at]``; IDs keep their marker."""
    if at >= len(data) or data[at] == 0:
        return None
    length = 9 - data[at].bit_length()
    if at + length > len(data):
        return None
    value = int.from_bytes(data[at : at + length], "big")
    if keep_marker:
        return value, length
    value &= (1 << (7 * length)) - 1
    if value == (1 << (7 * length)) - 1:
        return _UNKNOWN, length
    return value, length


def elements(data: bytes, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """(id, body start, body end) of the elements in ``data[start:end]``; stops when damaged."""
    pos = start
    for _ in range(MAX_BOXES):
        ident = _vint(data, pos, keep_marker=True)
        size = _vint(data, pos + ident[1], keep_marker=False) if ident else None
        if ident is None or size is None:
            return
        body = pos + ident[1] + size[1]
        stop = end if size[0] == _UNKNOWN else body + size[0]
        if stop > end:
            return
        yield ident[0], body, stop
        pos = stop


def read_matroska(fh: IO[bytes]) -> VideoTags:
    """Walk the first segment of the Matroska file in ``fh``."""
    tags = VideoTags()
    file_size = fh.seek(0, os.SEEK_END)
    pos = 0
    for _ in range(MAX_BOXES):
        head = _head(fh, pos)
        if head is None:
            break
        ident, body, size = head
        if ident == _SEGMENT:
            _segment(fh, body, file_size if size == _UNKNOWN else min(body + size, file_size), tags)
            break
        if size == _UNKNOWN:
            break
        pos = body + size
    return tags


def _head(fh: IO[bytes], pos: int) -> tuple[int, int, int] | None:
    """(id, body start, size) of the element at ``pos`` of the file."""
    fh.seek(pos)
    data = fh.read(12)
    ident = _vint(data, 0, keep_marker=True)
    size = _vint(data, ident[1], keep_marker=False) if ident else None
    if ident is None or size is None:
        return None
    return ident[0], pos + ident[1] + size[1], size[0]


def _segment(fh: IO[bytes], start: int, end: int, tags: VideoTags) -> None:
    pos = start
    seen: set[int] = set()
    for _ in range(MAX_BOXES):
        head = _head(fh, pos) if pos < end else None
        if head is None or head[2] == _UNKNOWN:
            return
        ident, body, size = head
        if ident in (_INFO, _TRACKS) and size <= _MAX_MASTER and ident not in seen:
            seen.add(ident)
            fh.seek(body)
            data = fh.read(size)
            (_info if ident == _INFO else _tracks)(data, tags)
            if seen == {_INFO, _TRACKS}:
                return
        pos = body + size


def _uint(data: bytes) -> int:
    return int.from_bytes(data[:8], "big")


def _info(data: bytes, tags: VideoTags) -> None:
    scale, ticks = 1_000_000, 0.0  # TimecodeScale: nanoseconds per tick (default 1 ms)
    for ident, s, e in elements(data, 0, len(data)):
        if ident == _TIMECODE_SCALE and e > s:
            scale = _uint(data[s:e]) or scale
        elif ident == _DURATION and e - s in (4, 8):
            ticks = struct.unpack(">f" if e - s == 4 else ">d", data[s:e])[0]
    if ticks == ticks and 0 < ticks * scale / 1e9 < 1e8:  # not NaN, not absurd
        tags.duration = ticks * scale / 1e9


def _tracks(data: bytes, tags: VideoTags) -> None:
    for ident, s, e in elements(data, 0, len(data)):
        if ident != _TRACK_ENTRY or tags.width:
            continue
        width = height = 0
        video = False
        for inner, s2, e2 in elements(data, s, e):
            if inner == _TRACK_TYPE:
                video = _uint(data[s2:e2]) == 1
            elif inner == _VIDEO:
                for field, s3, e3 in elements(data, s2, e2):
                    if field == _PIXEL_WIDTH:
                        width = _uint(data[s3:e3])
                    elif field == _PIXEL_HEIGHT:
                        height = _uint(data[s3:e3])
        if video and width and height:
            tags.width, tags.height = width, height
