# SPDX-License-Identifier: GPL-3.0-or-later
"""Metadata in PNG text chunks, GIF XMP and metadata-only JPEGs reaches the caption."""

from __future__ import annotations

import binascii
import struct
import zlib
from pathlib import Path

from PIL import Image

from gallery_app.core.metadata import containers
from gallery_app.core.metadata.reader import read_metadata
from tests.imaging import exif_block, iptc_block, jpeg_segment, photoshop_app13, xmp_packet


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def _png(path: Path, *chunks: bytes) -> Path:
    base = path.with_suffix(".base.png")
    Image.new("RGB", (8, 6), (10, 200, 10)).save(base, "PNG")
    data = base.read_bytes()
    base.unlink()
    ihdr_end = 8 + 8 + 13 + 4
    path.write_bytes(data[:ihdr_end] + b"".join(chunks) + data[ihdr_end:])
    return path


def _raw_profile(name: str, data: bytes) -> bytes:
    hexed = binascii.hexlify(data)
    lines = b"\n".join(hexed[i : i + 72] for i in range(0, len(hexed), 72))
    return b"\n%s\n%8d\n%s\n" % (name.encode(), len(data), lines)


def _ztxt(key: bytes, text: bytes) -> bytes:
    return _chunk(b"zTXt", key + b"\x00\x00" + zlib.compress(text))


def test_png_raw_profiles_give_iptc_and_exif(tmp_path: Path) -> None:
    iim = iptc_block({"caption": "Flood in Derna", "city": "Derna"})
    exif = exif_block(artist="Ana Lopez")
    path = _png(
        tmp_path / "a.png",
        _ztxt(b"Raw profile type iptc", _raw_profile("iptc", iim)),
        _ztxt(b"Raw profile type exif", _raw_profile("exif", b"Exif\x00\x00" + exif)),
    )
    meta = read_metadata(path)
    assert meta.caption == "Flood in Derna"
    assert meta.creator == "Ana Lopez"


def test_png_itxt_xmp_and_exif_chunk(tmp_path: Path) -> None:
    packet = xmp_packet(description="Dawn over Kyiv")
    itxt = _chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + packet)
    path = _png(tmp_path / "b.png", itxt, _chunk(b"eXIf", exif_block(artist="Ivan P")))
    meta = read_metadata(path)
    assert meta.caption == "Dawn over Kyiv"
    assert meta.creator == "Ivan P"


def test_one_oversized_chunk_costs_that_chunk_not_the_file(tmp_path: Path) -> None:
    big = _ztxt(b"Comment", b"A" * (containers.MAX_TEXT_BYTES + 10))
    packet = xmp_packet(description="Still read")
    itxt = _chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + packet)
    path = _png(tmp_path / "c.png", big, itxt)
    meta = read_metadata(path)
    assert meta.info.status.value == "ok"
    assert meta.caption == "Still read"
    assert any("skipped" in w for w in meta.warnings)


def test_gif_xmp(tmp_path: Path) -> None:
    path = tmp_path / "d.gif"
    Image.new("P", (4, 4)).save(path, "GIF")
    data = path.read_bytes()
    packet = xmp_packet(title="A GIF with XMP")
    ext = b"\x21\xff\x0bXMP DataXMP" + packet + b"\x01" + bytes(range(255, -1, -1)) + b"\x00"
    path.write_bytes(data[:-1] + ext + data[-1:])
    assert read_metadata(path).title == "A GIF with XMP"


def test_metadata_only_jpeg_keeps_its_iptc(tmp_path: Path) -> None:
    app13 = photoshop_app13(iptc_block({"caption": "Only metadata here"}))
    path = tmp_path / "e.jpg"
    path.write_bytes(b"\xff\xd8" + jpeg_segment(0xED, app13) + b"\xff\xd9")
    assert read_metadata(path).caption == "Only metadata here"
