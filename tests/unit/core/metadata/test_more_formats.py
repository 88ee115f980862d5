# SPDX-License-Identifier: GPL-3.0-or-later
"""JPEG XL and JPEG 2000 show their caption, date and credit; sizes are the stored ones."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin, features

from gallery_app.core.metadata import jxl
from gallery_app.core.metadata.reader import read_metadata
from gallery_app.core.models import ImageStatus
from tests.imaging import exif_block, make_tiff, xmp_packet

pillow_jxl = pytest.importorskip("pillow_jxl")
_JP2_XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")


def _picture(size: tuple[int, int]) -> Image.Image:
    return Image.linear_gradient("L").resize(size).convert("RGB")


def test_a_jpeg_xl_shows_its_caption_date_and_creator(tmp_path: Path) -> None:
    path = tmp_path / "harbour.jxl"
    _picture((48, 30)).save(
        path,
        "JXL",
        use_container=True,
        exif=exif_block(date_original="2021:07:04 09:15:00", artist="Ana Reyes"),
        xmp=xmp_packet(description="Ferries at the north quay", city="Valparaíso"),
    )
    meta = read_metadata(path)
    assert meta.info.status is ImageStatus.OK
    assert (meta.info.width, meta.info.height) == (48, 30)
    assert meta.caption == "Ferries at the north quay"
    assert meta.creator == "Ana Reyes"
    assert meta.taken is not None and meta.taken.iso().startswith("2021-07-04T09:15")
    assert meta.location is not None and meta.location.city == "Valparaíso"


@pytest.mark.parametrize("size", [(64, 40), (1000, 750), (17, 300), (5000, 2813)])
def test_a_bare_jpeg_xl_codestream_gives_its_size(tmp_path: Path, size: tuple[int, int]) -> None:
    path = tmp_path / "bare.jxl"
    _picture(size).save(path, "JXL", effort=1)
    assert path.read_bytes()[:2] == b"\xff\x0a"
    meta = read_metadata(path)
    assert meta.info.status is ImageStatus.OK
    assert (meta.info.width, meta.info.height) == size


def test_a_jpeg_xl_header_cut_off_is_unreadable_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "cut.jxl"
    path.write_bytes(b"\xff\x0a\x08")
    meta = read_metadata(path)
    assert meta.info.status is ImageStatus.UNREADABLE
    assert any("cut.jxl" in w for w in meta.warnings)
    with path.open("rb") as fh:
        assert jxl.read_size(fh) is None


@pytest.mark.skipif(not features.check("jpg_2000"), reason="Pillow built without OpenJPEG")
def test_a_jpeg_2000_shows_the_caption_and_credit_of_its_xmp_box(tmp_path: Path) -> None:
    plain = tmp_path / "plain.jp2"
    _picture((40, 24)).save(plain, "JPEG2000", no_jp2=False)
    data = plain.read_bytes()
    packet = xmp_packet(
        description="Dockers at dawn", credit="Port Archive", date_created="2008-05-01"
    )
    xmp_box = struct.pack(">I", 8 + 16 + len(packet)) + b"uuid" + _JP2_XMP_UUID + packet
    path = tmp_path / "dawn.jp2"
    path.write_bytes(data + xmp_box)  # a box after the codestream, as editors append it
    meta = read_metadata(path)
    assert meta.info.status is ImageStatus.OK
    assert (meta.info.width, meta.info.height) == (40, 24)
    assert (meta.caption, meta.credit) == ("Dockers at dawn", "Port Archive")
    assert meta.taken is not None and meta.taken.iso() == "2008-05-01"


def test_a_turned_tiff_reports_its_stored_size_and_the_turn(tmp_path: Path) -> None:
    path = make_tiff(tmp_path / "scan.tif", size=(40, 30), exif=exif_block(orientation=6))
    info = read_metadata(path).info
    assert (info.width, info.height, info.orientation) == (40, 30, 6)


def test_png_text_after_the_picture_data_is_read_whatever_its_case(tmp_path: Path) -> None:
    plain = tmp_path / "plain.png"
    _picture((8, 8)).save(plain, "PNG")
    data = plain.read_bytes()
    body = b"comment\x00Harbour at dusk"
    chunk = (
        struct.pack(">I", len(body))
        + b"tEXt"
        + body
        + struct.pack(">I", zlib.crc32(b"tEXt" + body))
    )
    path = tmp_path / "late.png"
    path.write_bytes(data[:-12] + chunk + data[-12:])  # just before IEND, after IDAT
    meta = read_metadata(path)
    assert meta.caption == "Harbour at dusk"
    assert meta.sources["caption"] == "PNG Comment"


def _tiff_stream(tags: dict[int, object]) -> bytes:
    parsed = Image.Exif()
    for tag, value in tags.items():
        parsed[tag] = value
    data = parsed.tobytes()
    return data[6:] if data.startswith(b"Exif\x00\x00") else data


def _box(kind: bytes, *parts: bytes) -> bytes:
    body = b"".join(parts)
    return struct.pack(">I", 8 + len(body)) + kind + body


def test_a_canon_cr3_shows_its_date_camera_and_full_size(tmp_path: Path) -> None:
    cmt1 = _tiff_stream(
        {0x0100: 6000, 0x0101: 4000, 0x010F: "Canon", 0x0112: 1, 0x013B: "Ana Reyes"}
    )
    cmt2 = _tiff_stream({0x9003: "2018:02:21 12:08:56"})
    canon = _box(
        b"uuid",
        bytes.fromhex("85C0B687820F11E08111F4CE462B6A48"),
        _box(b"CMT1", cmt1),
        _box(b"CMT2", cmt2),
    )
    path = tmp_path / "IMG_0001.CR3"
    path.write_bytes(
        _box(b"ftyp", b"crx \x00\x00\x00\x01crx isom") + _box(b"moov", canon) + _box(b"mdat")
    )
    meta = read_metadata(path)
    assert meta.info.status is ImageStatus.OK
    assert (meta.info.width, meta.info.height, meta.info.orientation) == (6000, 4000, 1)
    assert meta.creator == "Ana Reyes"
    assert meta.taken is not None and meta.taken.iso().startswith("2018-02-21T12:08:56")


@pytest.mark.parametrize(
    "tail",
    [
        b"",
        b"\x00\x00\x00\x04moov",
        b"\xff\xff\xff\xffmoov\x00",
        b"\x00\x00\x00\x10moov\x00\x00\x00\x09uuid",
    ],
)
def test_a_damaged_cr3_never_raises(tmp_path: Path, tail: bytes) -> None:
    path = tmp_path / "bad.cr3"
    path.write_bytes(_box(b"ftyp", b"crx \x00\x00\x00\x01crx isom") + tail)
    meta = read_metadata(path)
    assert meta.taken is None and meta.caption is None


def test_an_xmp_orientation_without_exif_is_not_the_photo_orientation(tmp_path: Path) -> None:
    """MWG: orientation is EXIF's alone; XMP tiff:Orientation is not applied (nor by Qt)."""
    path = tmp_path / "scan.png"
    packet = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        b'xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Orientation="6"/></rdf:RDF></x:xmpmeta>'
    )
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", packet.decode())
    _picture((30, 20)).save(path, "PNG", pnginfo=info)
    assert read_metadata(path).info.orientation is None
    turned = tmp_path / "turned.png"
    _picture((30, 20)).save(turned, "PNG", exif=exif_block(orientation=6))
    assert read_metadata(turned).info.orientation == 6
