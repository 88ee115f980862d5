# SPDX-License-Identifier: GPL-3.0-or-later
"""ASF/WMV, Matroska and MPEG transport stream videos: frame size and length from their headers.

Each test builds the container's bytes itself; the damaged ones never raise and
the long ones are not read whole.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from gallery_app.core.metadata import asf, h264, matroska, mpegts, sniff
from gallery_app.core.metadata.details import read_details
from gallery_app.core.metadata.reader import read_metadata
from gallery_app.core.models import ImageStatus

# ---------------------------------------------------------------- ASF


def _asf_object(guid: bytes, body: bytes) -> bytes:
    return guid + struct.pack("<Q", 24 + len(body)) + body


def _asf_file(width: int, height: int, seconds: float, preroll_ms: int = 3000) -> bytes:
    ticks = int((seconds + preroll_ms / 1000) * 1e7)
    props = bytes(16) + struct.pack("<QQQQQQ", 1000, 0, 1, ticks, ticks, preroll_ms) + bytes(16)
    audio = _asf_object(
        asf.STREAM_PROPERTIES,
        asf._guid("F8699E40-5B4D-11CF-A8FD-00805F5C442B") + bytes(38) + bytes(18),
    )
    video_guid = asf._guid("BC19EFC0-5B4D-11CF-A8FD-00805F5C442B")
    video = _asf_object(
        asf.STREAM_PROPERTIES,
        video_guid + bytes(16) + bytes(22) + struct.pack("<IIBH", width, height, 2, 40),
    )
    children = _asf_object(asf.FILE_PROPERTIES, props) + audio + video
    header = asf.HEADER + struct.pack("<QIBB", 30 + len(children), 3, 1, 2) + children
    return header + b"data packets" * 100


def test_a_wmv_gives_its_frame_size_and_length(tmp_path: Path) -> None:
    path = tmp_path / "clip.wmv"
    path.write_bytes(_asf_file(640, 480, 42.5))
    meta = read_metadata(path)
    assert (meta.info.width, meta.info.height) == (640, 480)
    assert meta.info.duration == pytest.approx(42.5)
    assert meta.info.status is ImageStatus.UNREADABLE  # a video card, not a photo
    assert meta.warnings == ()  # and not a failure


def test_an_asf_header_with_an_impossible_size_says_so(tmp_path: Path) -> None:
    data = bytearray(_asf_file(640, 480, 10))
    data[30 + 16 : 30 + 24] = struct.pack("<Q", 1 << 60)  # the first child's size
    path = tmp_path / "bad.wmv"
    path.write_bytes(bytes(data))
    meta = read_metadata(path)
    assert meta.info.width is None
    assert any("impossible size" in w for w in meta.warnings)


# ---------------------------------------------------------------- Matroska


def _ebml(ident: int, body: bytes) -> bytes:
    size = len(body) | (1 << 56)  # an 8-byte size, as muxers often write it
    return ident.to_bytes((ident.bit_length() + 7) // 8, "big") + size.to_bytes(8, "big") + body


def _uint(ident: int, value: int) -> bytes:
    return _ebml(ident, value.to_bytes(4, "big"))


def _mkv(width: int, height: int, ms: float, cluster: bytes = b"") -> bytes:
    header = _ebml(0x1A45DFA3, _ebml(0x4282, b"matroska"))
    info = _ebml(0x1549A966, _uint(0x2AD7B1, 1_000_000) + _ebml(0x4489, struct.pack(">d", ms)))
    audio = _ebml(0xAE, _uint(0xD7, 2) + _uint(0x83, 2))
    size = _ebml(0xE0, _uint(0xB0, width) + _uint(0xBA, height))
    video = _ebml(0xAE, _uint(0xD7, 1) + _uint(0x83, 1) + size)
    tracks = _ebml(0x1654AE6B, audio + video)
    clusters = _ebml(0x1F43B675, cluster) if cluster else b""
    # The segment's size "unknown" (all ones), as a live recording leaves it.
    segment = b"\x18\x53\x80\x67\x01\xff\xff\xff\xff\xff\xff\xff" + clusters + info + tracks
    return header + segment


def test_a_matroska_video_gives_its_pixel_size_and_length(tmp_path: Path) -> None:
    path = tmp_path / "clip.mkv"
    path.write_bytes(_mkv(704, 576, 148_608.0))
    meta = read_metadata(path)
    assert (meta.info.width, meta.info.height) == (704, 576)
    assert meta.info.duration == pytest.approx(148.608)
    assert meta.warnings == ()


def test_the_clusters_of_a_matroska_video_are_skipped_not_read(tmp_path: Path) -> None:
    path = tmp_path / "long.webm"
    path.write_bytes(_mkv(1280, 720, 1000.0, cluster=bytes(8 * 1024 * 1024)))
    read = 0
    with path.open("rb") as raw:
        real_read = raw.read

        def counting_read(n: int = -1) -> bytes:
            nonlocal read
            data = real_read(n)
            read += len(data)
            return data

        raw.read = counting_read  # type: ignore[method-assign]
        found = matroska.read_matroska(raw)
    assert (found.width, found.height) == (1280, 720)
    assert read < 64 * 1024


@pytest.mark.parametrize("cut", [5, 13, 40, 90])
def test_a_truncated_matroska_video_never_raises(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "cut.mkv"
    path.write_bytes(_mkv(704, 576, 1000.0)[:cut])
    meta = read_metadata(path)
    assert meta.info.status is ImageStatus.UNREADABLE
    assert meta.info.width is None


def test_a_huge_element_size_ends_the_walk(tmp_path: Path) -> None:
    data = _mkv(704, 576, 1000.0).replace(b"\x15\x49\xa9\x66\x01", b"\x15\x49\xa9\x66\x01\x7f", 1)[
        :200
    ]
    path = tmp_path / "huge.mkv"
    path.write_bytes(data)
    assert read_metadata(path).info.width is None


# ---------------------------------------------------------------- MPEG-TS and H.264


class _BitWriter:
    def __init__(self) -> None:
        self.bits: list[int] = []

    def put(self, value: int, count: int) -> None:
        self.bits += [(value >> (count - 1 - i)) & 1 for i in range(count)]

    def ue(self, value: int) -> None:
        code = value + 1
        self.put(0, code.bit_length() - 1)
        self.put(code, code.bit_length())

    def data(self) -> bytes:
        bits = self.bits + [1] + [0] * (-(len(self.bits) + 1) % 8)  # stop bit, byte aligned
        return bytes(int("".join(map(str, bits[i : i + 8])), 2) for i in range(0, len(bits), 8))


def _sps(width_mbs: int, height_units: int, crop_bottom: int, profile: int = 100) -> bytes:
    bits = _BitWriter()
    bits.put(profile, 8)
    bits.put(0, 8)
    bits.put(40, 8)  # level 4.0
    bits.ue(0)  # sps id
    if profile >= 100:
        bits.ue(1), bits.ue(0), bits.ue(0)  # 4:2:0, 8-bit luma and chroma
        bits.put(0, 1), bits.put(0, 1)  # no bypass, no scaling matrix
    bits.ue(0)  # log2_max_frame_num_minus4
    bits.ue(0), bits.ue(0)  # pic_order_cnt_type 0, its lsb
    bits.ue(4), bits.put(0, 1)  # ref frames, no gaps
    bits.ue(width_mbs - 1), bits.ue(height_units - 1)
    bits.put(1, 1), bits.put(1, 1)  # frame_mbs_only, direct_8x8
    bits.put(1 if crop_bottom else 0, 1)
    if crop_bottom:
        bits.ue(0), bits.ue(0), bits.ue(0), bits.ue(crop_bottom)
    bits.put(0, 1)  # no VUI
    return b"\x67" + bits.data()


def test_an_h264_parameter_set_gives_the_cropped_frame_size() -> None:
    assert h264.sps_size(_sps(120, 68, 4)) == (1920, 1080)  # 1088 coded, 8 rows cropped
    assert h264.sps_size(_sps(40, 30, 0, profile=66)) == (640, 480)
    assert h264.sps_size(b"\x67\x64") is None  # cut short


def _ts_packet(pid: int, payload: bytes, *, start: bool, prefix: bool) -> bytes:
    head = bytes([0x47, (0x40 if start else 0) | (pid >> 8), pid & 0xFF, 0x10])
    packet = head + payload[:184]
    packet += b"\xff" * (188 - len(packet))
    return (b"\x00\x00\x00\x00" if prefix else b"") + packet


def _section(table: int, body: bytes) -> bytes:
    length = 5 + len(body) + 4  # after the length field: ids, body, CRC
    head = bytes([table, 0xB0 | (length >> 8), length & 0xFF])
    return b"\x00" + head + bytes(5) + body + bytes(4)


def _transport_stream(sps: bytes, *, prefix: bool) -> bytes:
    pat = _section(0x00, b"\x00\x01\xe1\x00")  # program 1 -> PMT on PID 0x100
    audio = b"\x81\xe1\x02\xf0\x00"
    video = b"\x1b\xe1\x01\xf0\x00"  # H.264 on PID 0x101
    pmt = _section(0x02, b"\xe1\x01\xf0\x00" + audio + video)
    pes = b"\x00\x00\x01\xe0\x00\x00\x80\x80\x05" + bytes(5) + b"\x00\x00\x00\x01\x09\xf0"
    pes += b"\x00\x00\x00\x01" + sps + b"\x00\x00\x00\x01\x68\xee"
    packets = [
        _ts_packet(0, pat, start=True, prefix=prefix),
        _ts_packet(0x100, pmt, start=True, prefix=prefix),
        _ts_packet(0x102, b"audio", start=True, prefix=prefix),
        _ts_packet(0x101, pes, start=True, prefix=prefix),
    ]
    return b"".join(packets) * 3


@pytest.mark.parametrize(("prefix", "name"), [(True, "clip.mts"), (False, "clip.ts")])
def test_a_transport_stream_gives_the_size_of_its_h264_stream(
    tmp_path: Path, prefix: bool, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(_transport_stream(_sps(120, 68, 4), prefix=prefix))
    assert sniff.sniff_bytes(path.read_bytes()[: sniff.HEAD_SIZE]) is sniff.MPEGTS
    meta = read_metadata(path)
    assert (meta.info.width, meta.info.height) == (1920, 1080)
    assert meta.warnings == ()


def test_a_transport_stream_without_video_is_read_only_so_far(tmp_path: Path) -> None:
    path = tmp_path / "audio.m2ts"
    path.write_bytes(_ts_packet(0x102, b"audio", start=True, prefix=True) * 10_000)
    with path.open("rb") as raw:
        found = mpegts.read_mpegts(raw)
        assert raw.tell() <= (mpegts.MAX_PACKETS + 1) * 192
    assert found.width == 0


def test_the_details_of_a_wmv_give_its_size_and_length_without_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "clip.wmv"
    path.write_bytes(_asf_file(640, 480, 42.5))
    details = read_details(path)
    assert (details.width, details.height, details.format) == (640, 480, "ASF/WMV video")
    assert details.duration == pytest.approx(42.5)
    assert details.problem is None


def test_a_file_libexiv2_refuses_is_said_plainly(tmp_path: Path) -> None:
    path = tmp_path / "odd.jpg"
    path.write_bytes(b"not a picture at all" * 8)
    problem = read_details(path).problem
    assert problem is not None and problem.startswith("The tags of odd.jpg could not be listed: ")
    assert "ErrorCode" not in problem and str(tmp_path) not in problem


def test_every_video_kind_sniffed_has_a_header_reader() -> None:
    from gallery_app.core.metadata import otherkinds

    assert set(otherkinds._VIDEO_READERS) == sniff.VIDEO_KEYS
