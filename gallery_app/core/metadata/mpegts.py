# SPDX-License-Identifier: GPL-3.0-or-later
"""The frame size of an MPEG transport stream (AVCHD ``.mts``/``.m2ts``, ``.ts``).

Flow, as exiftool's ``M2TS`` module reads it: the packets (188 bytes, or 192
with the 4-byte time code of BDAV/AVCHD files) are read from the start; the
program association table (PID 0) names the program map table, which names
the video stream and its type (H.264 or MPEG-2); the payload of that stream's
first packets is gathered and ``h264.stream_size`` reads the size from its
first parameter set.  At most ``MAX_PACKETS`` packets (under 1 MB) are read:
never the whole video.
"""

from __future__ import annotations

from typing import IO

from gallery_app.core.metadata import h264
from gallery_app.core.metadata.video import VideoTags

MAX_PACKETS = 4_096
_SYNC = 0x47
_VIDEO_TYPES = {0x1B: "h264", 0x02: "mpeg2", 0x01: "mpeg2"}
_GATHER = 64 * 1024  # video stream bytes looked through for the parameter set


def packet_size(head: bytes) -> tuple[int, int] | None:
    """(packet size, offset of the sync byte) when ``head`` starts a transport stream."""
    for size, offset in ((188, 0), (192, 4)):
        if len(head) >= offset + 2 * size + 1 and all(
            head[offset + n * size] == _SYNC for n in range(3)
        ):
            return size, offset
    return None


class _Stream:
    """What the walk knows so far: the PMT's PID, the video PID and its bytes."""

    def __init__(self) -> None:
        self.pmt_pid: int | None = None
        self.video_pid: int | None = None
        self.codec = ""
        self.video = bytearray()


def read_mpegts(fh: IO[bytes]) -> VideoTags:
    """The frame size of the transport stream in ``fh`` (size 0 when not found)."""
    tags = VideoTags()
    fh.seek(0)
    layout = packet_size(fh.read(3 * 192 + 8))
    if layout is None:
        tags.notes.append("its transport stream packets could not be found")
        return tags
    size, offset = layout
    stream = _Stream()
    fh.seek(0)
    for _ in range(MAX_PACKETS):
        packet = fh.read(size)
        if len(packet) < size:
            break
        packet = packet[offset:]
        if packet[0] != _SYNC:
            break
        _packet(packet, stream)
        if len(stream.video) >= _GATHER:
            break
        found = h264.stream_size(bytes(stream.video), stream.codec) if stream.video else None
        if found:
            tags.width, tags.height = found
            return tags
    found = h264.stream_size(bytes(stream.video), stream.codec) if stream.video else None
    if found:
        tags.width, tags.height = found
    return tags


def _packet(packet: bytes, stream: _Stream) -> None:
    pid = ((packet[1] & 0x1F) << 8) | packet[2]
    start = bool(packet[1] & 0x40)
    control = (packet[3] >> 4) & 0x3
    at = 4
    if control & 0x2:  # an adaptation field comes first
        at += 1 + packet[4]
    if not control & 0x1 or at >= len(packet):
        return
    payload = packet[at:]
    if pid == 0 and start:
        stream.pmt_pid = _pat(payload)
    elif pid == stream.pmt_pid and start and stream.video_pid is None:
        stream.video_pid, stream.codec = _pmt(payload)
    elif pid == stream.video_pid and stream.video_pid is not None:
        if start:
            payload = _pes_payload(payload)
        if start or stream.video:
            stream.video += payload


def _section(payload: bytes) -> bytes:
    """A PSI section's bytes after its pointer field, up to its stated length."""
    pointer = payload[0]
    section = payload[1 + pointer :]
    if len(section) < 3:
        return b""
    length = ((section[1] & 0x0F) << 8) | section[2]
    return section[: 3 + length]


def _pat(payload: bytes) -> int | None:
    """The PID of the first program's map table."""
    section = _section(payload)
    for at in range(8, len(section) - 4 - 3, 4):  # entries end before the CRC
        program = (section[at] << 8) | section[at + 1]
        if program:
            return ((section[at + 2] & 0x1F) << 8) | section[at + 3]
    return None


def _pmt(payload: bytes) -> tuple[int | None, str]:
    """(PID, codec) of the program's first video stream."""
    section = _section(payload)
    if len(section) < 12:
        return None, ""
    at = 12 + (((section[10] & 0x0F) << 8) | section[11])  # after the program info
    end = len(section) - 4
    while at + 5 <= end:
        kind = section[at]
        pid = ((section[at + 1] & 0x1F) << 8) | section[at + 2]
        if kind in _VIDEO_TYPES:
            return pid, _VIDEO_TYPES[kind]
        at += 5 + (((section[at + 3] & 0x0F) << 8) | section[at + 4])
    return None, ""


def _pes_payload(payload: bytes) -> bytes:
    """The elementary stream bytes of a PES packet's first transport packet."""
    if len(payload) < 9 or payload[:3] != b"\x00\x00\x01":
        return payload
    return payload[9 + payload[8] :]
