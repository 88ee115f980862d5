# SPDX-License-Identifier: GPL-3.0-or-later
"""Date, place, camera and XMP of a QuickTime or MP4 video, from its ``moov`` box.

Flow: the top-level boxes and those of ``moov`` and ``trak`` are walked by
seeking (the media data, often gigabytes, and the sample tables, megabytes,
are never read); ``mvhd``, ``tkhd``, ``udta`` and ``meta`` (each at most
``MAX_MOOV_BYTES``) and an Adobe XMP ``uuid`` box are read and walked in memory:

- ``mvhd``: the movie's creation time (UTC seconds since 1904) and duration;
- ``trak/tkhd``: the first track with a picture size (the video track);
- ``udta``: ``©day`` (date), ``©xyz`` (ISO 6709 place), ``©mak``/``©mod``
  (camera), ``XMP_`` (an XMP packet), and an iTunes-style ``meta``;
- ``meta`` with ``keys``/``ilst`` (Apple's ``com.apple.quicktime.*`` keys:
  ``creationdate`` with the local offset, ``location.ISO6709``, ``make``,
  ``model``).

Every size is checked against its parent, every walk is bounded; a damaged
box ends the walk with what was found so far and a note.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from typing import IO

from gallery_app.core.metadata.video import (
    GPS_LABEL,
    MAX_BOXES,
    MAX_XMP_BYTES,
    VideoTags,
    quicktime_time,
    text_of,
)

MAX_MOOV_BYTES = 64 * 1024 * 1024  # a box read whole (user data; a CR3's moov)
_XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")
# Apple's metadata keys and iTunes/QuickTime user-data atoms -> Dateline's labels.
_KEYS = {
    b"com.apple.quicktime.creationdate": "QuickTime CreationDate",
    b"com.apple.quicktime.location.ISO6709": GPS_LABEL,
    b"com.apple.quicktime.make": "QuickTime Make",
    b"com.apple.quicktime.model": "QuickTime Model",
    b"\xa9day": "QuickTime ContentCreateDate",
    b"\xa9xyz": GPS_LABEL,
    b"\xa9mak": "QuickTime Make",
    b"\xa9mod": "QuickTime Model",
}


def boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, body start, body end) of the boxes in ``data[start:end]``; stops at a bad size."""
    pos = start
    for _ in range(MAX_BOXES):
        if pos + 8 > end:
            return
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        header = 8
        if size == 1 and pos + 16 <= end:
            size, header = struct.unpack(">Q", data[pos + 8 : pos + 16])[0], 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            return
        yield kind, pos + header, pos + size
        pos += size


def read_quicktime(fh: IO[bytes]) -> VideoTags:
    """Walk the top-level boxes of ``fh`` and read ``moov`` and an XMP ``uuid`` box."""
    tags = VideoTags()
    size = fh.seek(0, os.SEEK_END)
    for kind, start, end in _file_boxes(fh, 0, size, tags):
        if kind == b"moov":
            _moov(fh, start, end, tags)
        elif kind == b"uuid" and end - start <= MAX_XMP_BYTES + 16:
            fh.seek(start)
            data = fh.read(end - start)
            if data[:16] == _XMP_UUID and tags.xmp is None:
                tags.xmp = data[16:]
    return tags


def _file_boxes(
    fh: IO[bytes], start: int, end: int, tags: VideoTags
) -> Iterator[tuple[bytes, int, int]]:
    """(type, body start, body end) of the boxes of ``fh`` in ``[start, end)``, by seeking."""
    pos = start
    for _ in range(MAX_BOXES):
        if pos + 8 > end:
            return
        fh.seek(pos)
        head = fh.read(16)
        length, kind = struct.unpack(">I4s", head[:8])
        header = 8
        if length == 1 and len(head) == 16:
            length, header = struct.unpack(">Q", head[8:16])[0], 16
        elif length == 0:
            length = end - pos
        if length < header:
            tags.notes.append("a box of the video has an impossible size; the rest was skipped")
            return
        yield kind, pos + header, min(pos + length, end)
        pos += length


def _moov(fh: IO[bytes], start: int, end: int, tags: VideoTags) -> None:
    """The ``moov`` box by seeking: its sample tables (megabytes in a long video) are skipped."""
    for kind, s, e in _file_boxes(fh, start, end, tags):
        if kind == b"trak" and not tags.width:
            for inner, ts, te in _file_boxes(fh, s, e, tags):
                if inner == b"tkhd":
                    fh.seek(ts)
                    _tkhd(fh.read(min(te - ts, 256)), tags)
        elif kind in (b"mvhd", b"udta", b"meta") and e - s <= MAX_MOOV_BYTES:
            fh.seek(s)
            data = fh.read(e - s)
            if kind == b"mvhd":
                _mvhd(data, tags)
            elif kind == b"udta":
                _walk(data, 0, len(data), tags)
            else:
                _meta(data, 0, len(data), tags)


def _walk(data: bytes, start: int, end: int, tags: VideoTags) -> None:
    """The boxes of a ``udta``."""
    for kind, s, e in boxes(data, start, end):
        if kind == b"meta":
            _meta(data, s, e, tags)
        elif kind == b"XMP_" and tags.xmp is None and e - s <= MAX_XMP_BYTES:
            tags.xmp = data[s:e]
        elif kind in _KEYS:
            tags.put(_KEYS[kind], _user_text(data[s:e]))


def _mvhd(body: bytes, tags: VideoTags) -> None:
    """The creation time, and the duration (in units of the time scale that precedes it)."""
    if len(body) >= 12 and body[0] == 1:
        tags.put("QuickTime CreateDate", quicktime_time(struct.unpack(">Q", body[4:12])[0]))
        timing = struct.unpack(">IQ", body[20:32]) if len(body) >= 32 else (0, 0)
    elif len(body) >= 8:
        tags.put("QuickTime CreateDate", quicktime_time(struct.unpack(">I", body[4:8])[0]))
        timing = struct.unpack(">II", body[12:20]) if len(body) >= 20 else (0, 0)
    else:
        return
    scale, duration = timing
    if scale and 0 < duration / scale < 1e8:
        tags.duration = duration / scale


def _tkhd(body: bytes, tags: VideoTags) -> None:
    at = 88 if body[:1] == b"\x01" else 76  # width and height: 16.16 fixed point
    if len(body) >= at + 8:
        width, height = struct.unpack(">II", body[at : at + 8])
        if width >> 16 and height >> 16:
            tags.width, tags.height = width >> 16, height >> 16


def _user_text(body: bytes) -> str | None:
    """A user-data text atom: QuickTime's (16-bit size, language, text) or a ``data`` atom.

    A language code below 0x400 is a classic Mac one, whose text is Mac Roman.
    """
    if body[4:8] == b"data":
        return _data_text(body, 0, len(body))
    if len(body) < 4:
        return None
    size, language = struct.unpack(">HH", body[:4])
    text = body[4 : 4 + size]
    return text.decode("mac_roman") if language < 0x400 else text_of(text)


def _data_text(data: bytes, start: int, end: int) -> str | None:
    """The text of the first ``data`` atom in ``data[start:end]`` (type 1: UTF-8)."""
    for kind, s, e in boxes(data, start, end):
        if kind == b"data" and e - s >= 8:
            if struct.unpack(">I", data[s : s + 4])[0] & 0xFFFFFF in (1, 0):
                return text_of(data[s + 8 : e])
            return None
    return None


def _meta(data: bytes, start: int, end: int, tags: VideoTags) -> None:
    """A ``meta`` box: QuickTime's has no version field, MP4's (ISO full box) has four bytes."""
    if data[start + 4 : start + 8] != b"hdlr" and data[start : start + 4] == b"\x00" * 4:
        start += 4
    keys: list[bytes] = []
    for kind, s, e in boxes(data, start, end):
        if kind == b"keys" and e - s >= 8:
            keys = _keys(data, s + 8, e)
        elif kind == b"ilst":
            _ilst(data, s, e, keys, tags)


def _keys(data: bytes, start: int, end: int) -> list[bytes]:
    """The names of a ``keys`` box, in order (an ``ilst`` item names its key by index)."""
    return [data[s:e] for _namespace, s, e in boxes(data, start, end)]


def _ilst(data: bytes, start: int, end: int, keys: list[bytes], tags: VideoTags) -> None:
    for kind, s, e in boxes(data, start, end):
        index = int.from_bytes(kind, "big")
        name = keys[index - 1] if keys and 1 <= index <= len(keys) else kind
        label = _KEYS.get(name)
        if label is not None:
            tags.put(label, _data_text(data, s, e))
