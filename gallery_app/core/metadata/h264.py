# SPDX-License-Identifier: GPL-3.0-or-later
"""The frame size of an H.264 or MPEG-2 video stream, from its first parameter set.

An MPEG transport stream (AVCHD ``.mts``/``.m2ts``, broadcast ``.ts``) has no
container header that states the picture size: the size lives in the video
stream itself.  ``mpegts`` hands the first bytes of the video stream here:

- H.264 (ITU-T H.264, section 7.3.2.1.1): the sequence parameter set (NAL unit
  type 7) gives the size in macroblocks, minus the cropping rectangle, as
  exiftool's ``H264`` module reads it (1920 x 1088 coded, 1080 shown);
- MPEG-2 video (ISO/IEC 13818-2, 6.2.2.1): the sequence header (``00 00 01
  B3``) gives it in its first 24 bits.

Everything is read from bytes already in memory, with a bound on every loop.
"""

from __future__ import annotations

_MAX_GOLOMB_ZEROS = 31  # a longer prefix is damaged data, not a number
_MAX_SIDE = 16_384


class _Bits:
    """Bits of ``data`` read most significant first, with Exp-Golomb codes."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def bit(self) -> int:
        byte = self.pos >> 3
        if byte >= len(self.data):
            raise ValueError("the parameter set ends early")
        self.pos += 1
        return (self.data[byte] >> (7 - ((self.pos - 1) & 7))) & 1

    def bits(self, count: int) -> int:
        value = 0
        for _ in range(count):
            value = (value << 1) | self.bit()
        return value

    def ue(self) -> int:
        zeros = 0
        while self.bit() == 0:
            zeros += 1
            if zeros > _MAX_GOLOMB_ZEROS:
                raise ValueError("an Exp-Golomb code is too long")
        return (1 << zeros) - 1 + self.bits(zeros)

    def se(self) -> int:
        code = self.ue()
        return (code + 1) // 2 if code & 1 else -(code // 2)


def unescape(nal: bytes) -> bytes:
    """A NAL unit's payload without its emulation prevention bytes (``00 00 03``)."""
    return nal.replace(b"\x00\x00\x03", b"\x00\x00")


def _skip_scaling_lists(bits: _Bits, count: int) -> None:
    for index in range(count):
        if not bits.bit():  # seq_scaling_list_present_flag
            continue
        size = 16 if index < 6 else 64
        last = following = 8
        for _ in range(size):
            if following:
                following = (last + bits.se() + 256) % 256
            last = following or last


def sps_size(sps: bytes) -> tuple[int, int] | None:
    """(width, height) shown, from an H.264 SPS NAL unit (its header byte first)."""
    try:
        return _sps_size(_Bits(unescape(sps[1:])))
    except ValueError:
        return None


def _sps_size(bits: _Bits) -> tuple[int, int] | None:
    profile = bits.bits(8)
    bits.bits(16)  # constraint flags, level_idc
    bits.ue()  # seq_parameter_set_id
    chroma = 1
    if profile in (100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135):
        chroma = bits.ue()
        if chroma == 3:
            bits.bit()  # separate_colour_plane_flag
        bits.ue(), bits.ue(), bits.bit()  # bit depths, qpprime_y_zero_transform_bypass
        if bits.bit():  # seq_scaling_matrix_present_flag
            _skip_scaling_lists(bits, 8 if chroma != 3 else 12)
    bits.ue()  # log2_max_frame_num_minus4
    order_type = bits.ue()
    if order_type == 0:
        bits.ue()
    elif order_type == 1:
        bits.bit(), bits.se(), bits.se()
        for _ in range(min(bits.ue(), 255)):
            bits.se()
    bits.ue(), bits.bit()  # max_num_ref_frames, gaps_in_frame_num_value_allowed_flag
    width = (bits.ue() + 1) * 16
    map_units = bits.ue() + 1
    frame_only = bits.bit()
    if not frame_only:
        bits.bit()  # mb_adaptive_frame_field_flag
    bits.bit()  # direct_8x8_inference_flag
    height = (2 - frame_only) * map_units * 16
    if bits.bit():  # frame_cropping_flag: in chroma samples (4:2:0 -> 2 luma samples)
        unit_x = 2 if chroma in (1, 2) else 1
        unit_y = (2 if chroma == 1 else 1) * (2 - frame_only)
        width -= unit_x * (bits.ue() + bits.ue())
        height -= unit_y * (bits.ue() + bits.ue())
    if not (0 < width <= _MAX_SIDE and 0 < height <= _MAX_SIDE):
        return None
    return width, height


def mpeg2_size(header: bytes) -> tuple[int, int] | None:
    """(width, height) from the bytes after an MPEG-2 sequence header code."""
    if len(header) < 3:
        return None
    width = (header[0] << 4) | (header[1] >> 4)
    height = ((header[1] & 0x0F) << 8) | header[2]
    return (width, height) if width and height else None


def stream_size(data: bytes, codec: str) -> tuple[int, int] | None:
    """The size from the first parameter set in a video elementary stream's first bytes.

    ``codec`` is "h264" or "mpeg2".  Start codes are ``00 00 01``; an H.264 SPS
    runs to the next start code.
    """
    start = data.find(b"\x00\x00\x01")
    while 0 <= start < len(data) - 4:
        body = start + 3
        if codec == "mpeg2" and data[body] == 0xB3:
            return mpeg2_size(data[body + 1 : body + 4])
        if codec == "h264" and data[body] & 0x1F == 7:
            end = data.find(b"\x00\x00\x01", body)
            return sps_size(data[body : end if end > 0 else len(data)])
        start = data.find(b"\x00\x00\x01", body)
    return None
