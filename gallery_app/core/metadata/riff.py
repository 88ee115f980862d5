# SPDX-License-Identifier: GPL-3.0-or-later
"""Date, size, credits and XMP of an AVI video, from its RIFF chunks.

Flow: the chunks are walked by seeking; ``LIST`` chunks ``hdrl``, ``strl``
and ``INFO`` are entered, ``movi`` (the frames) is skipped:

- ``avih``: the picture size and the duration (frames times the frame time);
- ``IDIT``: the moment of recording, as cameras write it (often C's
  ``ctime`` text, "Mon Mar 10 15:04:43 2003");
- ``INFO``: ``ICRD`` (creation date), ``IART`` (artist), ``ICMT``
  (comment), ``INAM`` (title), ``ISFT`` (software, where cameras put their
  model);
- ``_PMX``: an XMP packet (Adobe's).

Small chunks only are read (``_MAX_CHUNK``; XMP up to ``MAX_XMP_BYTES``);
every walk is bounded and stops at a size beyond the file.
"""

from __future__ import annotations

import os
import struct
from typing import IO

from gallery_app.core.metadata.video import (
    MAX_BOXES,
    MAX_XMP_BYTES,
    VideoTags,
    ctime_date,
    text_of,
)

_MAX_CHUNK = 64 * 1024
_LISTS = frozenset({b"hdrl", b"strl", b"INFO"})
_INFO = {
    b"IDIT": "RIFF DateTimeOriginal",
    b"ICRD": "RIFF DateCreated",
    b"IART": "RIFF Artist",
    b"ICMT": "RIFF Comment",
    b"INAM": "RIFF Title",
    b"ISFT": "RIFF Software",
}


def read_riff(fh: IO[bytes]) -> VideoTags:
    """Walk an AVI's chunks (the file starts "RIFF....AVI ")."""
    tags = VideoTags()
    size = fh.seek(0, os.SEEK_END)
    _chunks(fh, 12, size, tags, [0])
    return tags


def _chunks(fh: IO[bytes], start: int, end: int, tags: VideoTags, seen: list[int]) -> None:
    pos = start
    while pos + 8 <= end and seen[0] < MAX_BOXES:
        seen[0] += 1
        fh.seek(pos)
        kind, length = struct.unpack("<4sI", fh.read(8))
        size = min(length, end - pos - 8)  # what the file (or the parent list) really holds
        if kind == b"LIST" and size >= 4:
            if fh.read(4) in _LISTS:
                _chunks(fh, pos + 12, pos + 8 + size, tags, seen)
        elif kind == b"avih" and size >= 40:
            _avih(fh.read(40), tags)
        elif kind == b"_PMX" and size <= MAX_XMP_BYTES and tags.xmp is None:
            tags.xmp = fh.read(size)
        elif kind in _INFO and size <= _MAX_CHUNK:
            text = text_of(fh.read(size).split(b"\x00", 1)[0])
            tags.put(_INFO[kind], ctime_date(text) if kind == b"IDIT" else text)
        pos += 8 + length + (length & 1)  # chunks are padded to an even length


def _avih(body: bytes, tags: VideoTags) -> None:
    """The main AVI header: microseconds per frame, frame count, picture size."""
    per_frame, _rate, _pad, _flags, frames = struct.unpack("<IIIII", body[:20])
    width, height = struct.unpack("<II", body[32:40])
    if width and height and not tags.width:
        tags.width, tags.height = width, height
    if per_frame and frames and not tags.duration:
        tags.duration = per_frame * frames / 1e6
