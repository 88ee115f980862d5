# SPDX-License-Identifier: GPL-3.0-or-later
"""Camera RAWs report the picture size exiftool reports (its Composite:ImageSize).

Fujifilm RAF: the cropped size of its header directory; Sigma X3F: its embedded
full-size JPEG's, else its header's; Panasonic RW2: the crop inside the sensor
borders; Phase One IIQ: the EXIF pixel dimensions.  Each file is built here.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image

from gallery_app.core.imaging import kinds
from gallery_app.core.metadata import rawsize
from gallery_app.core.metadata.reader import read_metadata
from gallery_app.core.models import ImageStatus
from tests.imaging import exif_block, jpeg_segment


def _raf(entries: list[tuple[int, bytes]], count: int | None = None) -> bytes:
    head = bytearray(b"FUJIFILMCCD-RAW 0201FF383501FinePix S5Pro".ljust(0x5C, b"\x00"))
    directory = struct.pack(">I", len(entries) if count is None else count)
    directory += b"".join(struct.pack(">HH", tag, len(v)) + v for tag, v in entries)
    start = 0x5C + 4 * 8
    return bytes(head) + struct.pack(">I", start) + bytes(28) + directory + bytes(64)


def test_a_raf_reports_the_cropped_size_of_its_header_directory(tmp_path: Path) -> None:
    data = _raf(
        [
            (0x100, struct.pack(">HH", 1444, 4352)),  # full size, borders included
            (0x110, struct.pack(">HH", 10, 48)),
            (0x111, struct.pack(">HH", 1424, 4256)),  # cropped: height, then width
        ]
    )
    assert rawsize.raf_size(io.BytesIO(data)) == (4256, 1424)


@pytest.mark.parametrize(
    "data",
    [
        b"FUJIFILMCCD-RAW ",  # cut in the header
        _raf([(0x111, struct.pack(">HH", 1424, 4256))], count=100_000),  # absurd count
        _raf([(0x111, b"\x05")]),  # value too short
        _raf([(0x111, struct.pack(">HH", 1424, 4256))])[: 0x5C + 40],  # directory cut
    ],
)
def test_a_damaged_raf_header_gives_no_size(data: bytes) -> None:
    assert rawsize.raf_size(io.BytesIO(data)) is None


def _jpeg(size: tuple[int, int]) -> bytes:
    """A JPEG that opens with its EXIF segment, as Sigma's embedded JPEG does (no JFIF)."""
    out = io.BytesIO()
    Image.new("RGB", size, "grey").save(out, "JPEG")
    data = out.getvalue()
    data = data[:2] + data[4 + int.from_bytes(data[4:6], "big") :]  # Pillow's JFIF segment
    exif = exif_block(description="Harbour at dawn", date_original="2009:11:28 13:05:20")
    return data[:2] + jpeg_segment(0xE1, b"Exif\x00\x00" + exif) + data[2:]


def _x3f(version: int, size: tuple[int, int], jpeg: bytes | None) -> bytes:
    header = bytearray(b"FOVb" + struct.pack("<I", version) + bytes(120))
    at = 40 if version >> 16 >= 4 else 28
    header[at : at + 8] = struct.pack("<II", *size)
    sections = b""
    entries = []
    if jpeg is not None:
        section = b"SECi\x00\x00\x02\x00\x02\x00\x00\x00\x12\x00\x00\x00" + bytes(12) + jpeg
        entries.append((len(header), len(section), b"IMA2"))
        sections += section
    directory_at = len(header) + len(sections)
    directory = b"SECd" + struct.pack("<II", 0x20000, len(entries))
    directory += b"".join(struct.pack("<II4s", *e) for e in entries)
    return bytes(header) + sections + directory + struct.pack("<I", directory_at)


def test_an_x3f_reports_its_embedded_full_size_jpeg_else_its_header(tmp_path: Path) -> None:
    with_jpeg = tmp_path / "dp2.x3f"
    with_jpeg.write_bytes(_x3f(0x20003, (2640, 1760), _jpeg((264, 176))))
    meta = read_metadata(with_jpeg)
    assert (meta.info.width, meta.info.height) == (264, 176)
    assert meta.info.status is ImageStatus.OK and meta.warnings == ()
    assert meta.caption == "Harbour at dawn"  # the embedded JPEG's EXIF is the X3F's metadata
    assert meta.taken is not None and meta.taken.iso() == "2009-11-28T13:05:20"
    assert kinds.classify(with_jpeg).family == "raw"
    bare = tmp_path / "sd14.x3f"
    bare.write_bytes(_x3f(0x20000, (2268, 1512), None))
    assert read_metadata(bare).info.width == 2268
    newer = tmp_path / "quattro.x3f"
    newer.write_bytes(_x3f(0x40000, (5424, 3616), None))
    assert (read_metadata(newer).info.width, read_metadata(newer).info.height) == (5424, 3616)


def test_a_damaged_x3f_says_so(tmp_path: Path) -> None:
    path = tmp_path / "cut.x3f"
    path.write_bytes(b"FOVb\x00\x00\x02\x00")
    meta = read_metadata(path)
    assert meta.info.status is ImageStatus.UNREADABLE
    assert any("header is damaged" in w for w in meta.warnings)
    pointer_past_end = _x3f(0x20000, (2268, 1512), None)[:-4] + struct.pack("<I", 1 << 31)
    assert rawsize.x3f_size(io.BytesIO(pointer_past_end)) == (2268, 1512)


def _tiff(magic: bytes, ifd0: list[tuple[int, int, int]], exif: list[tuple[int, int]]) -> bytes:
    """A little-endian TIFF: IFD0 entries (tag, type, value) and an EXIF IFD of LONGs."""
    entries = list(ifd0)
    exif_at = 8 + 2 + 12 * (len(entries) + 1) + 4
    if exif:
        entries.append((0x8769, 4, exif_at))
    entries.sort()
    body = struct.pack("<H", len(entries))
    for tag, kind, value in entries:
        count_value = struct.pack("<I", value) if kind == 4 else struct.pack("<HH", value, 0)
        body += struct.pack("<HHI", tag, kind, 1) + count_value
    body += struct.pack("<I", 0)
    exif_ifd = struct.pack("<H", len(exif))
    exif_ifd += b"".join(struct.pack("<HHII", tag, 4, 1, value) for tag, value in exif)
    exif_ifd += struct.pack("<I", 0)
    data = magic + struct.pack("<I", 8) + body
    data = data.ljust(exif_at, b"\x00")
    return data + exif_ifd + bytes(64)


def test_an_rw2_reports_the_crop_inside_its_sensor_borders(tmp_path: Path) -> None:
    sensor = [(1, 7, 0), (2, 3, 3724), (3, 3, 2754)]  # version, sensor width and height
    borders = [(4, 3, 6), (5, 3, 8), (6, 3, 2742), (7, 3, 3656)]  # top, left, bottom, right
    path = tmp_path / "lx3.rw2"
    path.write_bytes(_tiff(b"IIU\x00", sensor + borders, []))
    meta = read_metadata(path)
    assert (meta.info.width, meta.info.height) == (3648, 2736)


def test_an_iiq_reports_its_exif_pixel_dimensions(tmp_path: Path) -> None:
    path = tmp_path / "back.iiq"
    path.write_bytes(
        _tiff(b"II*\x00", [(256, 4, 1), (257, 4, 1), (277, 3, 1)], [(0xA002, 7320), (0xA003, 5484)])
    )
    meta = read_metadata(path)
    assert (meta.info.width, meta.info.height) == (7320, 5484)
