# SPDX-License-Identifier: GPL-3.0-or-later
"""Frame size and duration of an ASF video (``.wmv``, ``.asf``), from its header.

Flow: an ASF file opens with one Header Object whose children are walked by
seeking (each child: a 16-byte GUID and a 64-bit size); two are read:

- File Properties: the play duration (100 ns ticks), which includes the
  preroll (in milliseconds);
- Stream Properties: for the first video stream, the encoded picture size,
  which exiftool reports as ImageWidth/ImageHeight.

Only those small objects are read (``_MAX_OBJECT``), never the data packets;
every walk is bounded and stops at a size beyond its parent.
"""

from __future__ import annotations

import os
import struct
import uuid
from typing import IO

from gallery_app.core.metadata.video import MAX_BOXES, VideoTags


def _guid(text: str) -> bytes:
    return uuid.UUID(text).bytes_le


HEADER = _guid("75B22630-668E-11CF-A6D9-00AA0062CE6C")
FILE_PROPERTIES = _guid("8CABDCA1-A947-11CF-8EE4-00C00C205365")
STREAM_PROPERTIES = _guid("B7DC0791-A9B7-11CF-8EE6-00C00C205365")
VIDEO_STREAMS = frozenset(
    {
        _guid("BC19EFC0-5B4D-11CF-A8FD-00805F5C442B"),  # video
        _guid("B61BE100-5B4E-11CF-A8FD-00805F5C442B"),  # JFIF
        _guid("35907DE0-E415-11CF-A917-00805F5C442B"),  # degradable JPEG
    }
)
_MAX_OBJECT = 64 * 1024


def read_asf(fh: IO[bytes]) -> VideoTags:
    """Walk the Header Object of the ASF file in ``fh``."""
    tags = VideoTags()
    file_size = fh.seek(0, os.SEEK_END)
    fh.seek(0)
    head = fh.read(30)
    if len(head) < 30 or head[:16] != HEADER:
        tags.notes.append("its ASF header could not be found")
        return tags
    end = min(struct.unpack("<Q", head[16:24])[0], file_size)
    pos = 30
    for _ in range(MAX_BOXES):
        if pos + 24 > end:
            break
        fh.seek(pos)
        child = fh.read(24)
        size = struct.unpack("<Q", child[16:24])[0]
        if size < 24 or pos + size > end:
            tags.notes.append("an object of the ASF header has an impossible size")
            break
        if child[:16] in (FILE_PROPERTIES, STREAM_PROPERTIES) and size <= _MAX_OBJECT:
            body = fh.read(size - 24)
            if child[:16] == FILE_PROPERTIES:
                _file_properties(body, tags)
            else:
                _stream_properties(body, tags)
        pos += size
    return tags


def _file_properties(body: bytes, tags: VideoTags) -> None:
    if len(body) < 64:
        return
    play, _send, preroll = struct.unpack("<QQQ", body[40:64])
    seconds = play / 1e7 - preroll / 1000
    if 0 < seconds < 1e8:
        tags.duration = seconds


def _stream_properties(body: bytes, tags: VideoTags) -> None:
    if tags.width or len(body) < 62 or body[:16] not in VIDEO_STREAMS:
        return
    width, height = struct.unpack("<II", body[54:62])
    if width and height:
        tags.width, tags.height = width, height
