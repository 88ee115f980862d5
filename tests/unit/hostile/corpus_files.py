# SPDX-License-Identifier: GPL-3.0-or-later
"""Hostile files, first part: empty, truncated, mislabeled and oversized files, broken EXIF,
IPTC and XMP blocks, hostile sidecars."""

from __future__ import annotations

import io
import random
import struct
from pathlib import Path

from PIL import Image

from gallery_app.core.models import ImageStatus
from tests.imaging import (
    exif_block,
    iptc_block,
    jpeg_segment,
    make_jpeg,
    make_png,
    photoshop_app13,
    write_sidecar,
    xmp_packet,
)
from tests.unit.hostile.corpus_parts import (
    _ASCII,
    _LONG,
    READABLE,
    HostileCase,
    _exif_raw,
    _lol_doctype,
    _noise_jpeg,
    _png_claiming,
    _readable_exif,
)


def zero_byte(folder: Path) -> HostileCase:
    path = folder / "empty.jpg"
    path.write_bytes(b"")
    return HostileCase(
        "zero_byte",
        path,
        "not a recognisable image",
        status=ImageStatus.UNREADABLE,
        thumbnail_ok=False,
    )


def truncated_header(folder: Path) -> HostileCase:
    whole = make_jpeg(
        folder / "whole.tmp", exif=_readable_exif(), xmp=xmp_packet(title="T")
    ).read_bytes()
    (folder / "whole.tmp").unlink()
    path = folder / "cut-in-header.jpg"
    path.write_bytes(whole[:60])
    return HostileCase(
        "truncated_header",
        path,
        "could not be opened",
        status=ImageStatus.UNREADABLE,
        thumbnail_ok=False,
    )


def truncated_scan(folder: Path) -> HostileCase:
    data = _noise_jpeg(exif=_readable_exif())
    path = folder / "cut-in-picture.jpg"
    path.write_bytes(data[: len(data) * 3 // 5])
    return HostileCase("truncated_scan", path, "cut short", {"caption": READABLE}, ImageStatus.OK)


def truncated_png(folder: Path) -> HostileCase:
    buffer = io.BytesIO()
    rng = random.Random(3)
    Image.frombytes("RGB", (64, 64), bytes(rng.getrandbits(8) for _ in range(64 * 64 * 3))).save(
        buffer, "PNG"
    )
    path = folder / "cut.png"
    path.write_bytes(buffer.getvalue()[:-2000])
    return HostileCase("truncated_png", path, "cut short", status=ImageStatus.OK)


def text_as_jpg(folder: Path) -> HostileCase:
    path = folder / "notes.jpg"
    path.write_text("Shopping list:\n- milk\n- eggs\n", encoding="utf-8")
    return HostileCase(
        "text_as_jpg",
        path,
        "not a recognisable image",
        status=ImageStatus.UNREADABLE,
        thumbnail_ok=False,
    )


def html_as_jpg(folder: Path) -> HostileCase:
    path = folder / "page.jpg"
    path.write_text(
        "<!DOCTYPE html><html><body><script>alert(1)</script>"
        "<img src=x onerror=alert(2)></body></html>",
        encoding="utf-8",
    )
    return HostileCase(
        "html_as_jpg",
        path,
        "not a recognisable image",
        status=ImageStatus.UNREADABLE,
        thumbnail_ok=False,
    )


def png_named_jpg(folder: Path) -> HostileCase:
    path = make_png(folder / "really-a-png.jpg", text={"Description": READABLE})
    return HostileCase(
        "png_named_jpg", path, "really a png", {"caption": READABLE}, ImageStatus.OK, True
    )


def png_200k_pixels_square(folder: Path) -> HostileCase:
    path = folder / "bomb.png"
    path.write_bytes(_png_claiming(200_000, 200_000, "Bomb caption"))
    return HostileCase(
        "png_200k_pixels_square",
        path,
        "too large to open safely",
        status=ImageStatus.UNREADABLE,
        thumbnail_ok=False,
    )


def jpeg_claiming_65k_square(folder: Path) -> HostileCase:
    data = make_jpeg(folder / "x.tmp", exif=_readable_exif()).read_bytes()
    (folder / "x.tmp").unlink()
    sof = data.index(b"\xff\xc0")
    data = data[: sof + 5] + struct.pack(">HH", 65000, 65000) + data[sof + 9 :]
    path = folder / "huge.jpg"
    path.write_bytes(data)
    return HostileCase(
        "jpeg_claiming_65k_square",
        path,
        "too large to open safely",
        {"caption": READABLE},
        ImageStatus.UNREADABLE,
        False,
    )


def exif_offset_past_end(folder: Path) -> HostileCase:
    raw = _exif_raw(
        [
            (0x010E, _ASCII, 40, struct.pack("<I", 0xFFFF0000)),  # description far past the end
            (0x013B, _ASCII, 4, b"Ann\x00"),  # artist, inline: sound
        ]
    )
    path = make_jpeg(folder / "exif-past-end.jpg", exif=raw)
    return HostileCase(
        "exif_offset_past_end", path, "exif data", {"creator": "Ann"}, ImageStatus.OK, True
    )


def exif_huge_count(folder: Path) -> HostileCase:
    raw = _exif_raw(
        [
            (0x010E, _ASCII, 0x7FFFFFFF, struct.pack("<I", 26)),  # claims 2 GiB of text
            (0x013B, _ASCII, 4, b"Bea\x00"),
        ]
    )
    path = make_jpeg(folder / "exif-huge-count.jpg", exif=raw)
    return HostileCase(
        "exif_huge_count", path, "exif data", {"creator": "Bea"}, ImageStatus.OK, True
    )


def exif_ifd_loop(folder: Path) -> HostileCase:
    raw = _exif_raw(
        [
            (0x013B, _ASCII, 4, b"Cy\x00\x00"),
            (0x8769, _LONG, 1, struct.pack("<I", 8)),  # Exif sub-IFD: IFD0 itself
            (0x8825, _LONG, 1, struct.pack("<I", 8)),  # GPS sub-IFD: IFD0 itself
        ],
        next_ifd=8,  # the next IFD is this one again
    )
    path = make_jpeg(folder / "exif-loop.jpg", exif=raw)
    return HostileCase("exif_ifd_loop", path, "exif data", {"creator": "Cy"}, ImageStatus.OK, True)


def exif_bad_header(folder: Path) -> HostileCase:
    path = make_jpeg(
        folder / "exif-garbage.jpg",
        exif=random.Random(5).randbytes(300),
        xmp=xmp_packet(description=READABLE),
    )
    return HostileCase(
        "exif_bad_header", path, "exif data", {"caption": READABLE}, ImageStatus.OK, True
    )


def iptc_random_bytes(folder: Path) -> HostileCase:
    junk = b"\x1c\x02\x78\x00\x05Hello" + random.Random(11).randbytes(500)
    # EXIF without a description: by MWG an EXIF description would outrank the IPTC one.
    path = make_jpeg(folder / "iptc-junk.jpg", exif=exif_block(artist="Sound EXIF"), iptc=junk)
    return HostileCase(
        "iptc_random_bytes", path, "iptc data", {"caption": "Hello"}, ImageStatus.OK, True
    )


def iptc_resource_overrun(folder: Path) -> HostileCase:
    block = iptc_block({"credit": "Some Agency"})
    app13 = bytearray(photoshop_app13(block))
    size_at = len(b"Photoshop 3.0\x00") + 8
    app13[size_at : size_at + 4] = (0xFFFFFFF0).to_bytes(4, "big")  # claims ~4 GiB
    data = make_jpeg(folder / "x.tmp", exif=_readable_exif()).read_bytes()
    (folder / "x.tmp").unlink()
    path = folder / "iptc-overrun.jpg"
    path.write_bytes(data[:2] + jpeg_segment(0xED, bytes(app13)) + data[2:])
    return HostileCase(
        "iptc_resource_overrun", path, "iptc data", {"caption": READABLE}, ImageStatus.OK, True
    )


def xmp_billion_laughs(folder: Path) -> HostileCase:
    # No x:xmpmeta or rdf:RDF the reader could cut to: the DOCTYPE reaches the XML parser.
    body = (
        _lol_doctype() + '<meta xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><r:Description><dc:title>&lol9;</dc:title>'
        "</r:Description></meta>"
    )
    path = make_jpeg(folder / "xmp-bomb.jpg", exif=_readable_exif(), xmp=body.encode())
    return HostileCase(
        "xmp_billion_laughs",
        path,
        "xmp",
        {"caption": READABLE, "title": None},
        ImageStatus.OK,
        True,
    )


def xmp_bomb_inside_packet(folder: Path) -> HostileCase:
    packet = xmp_packet(title="&lol9;").replace(b"&amp;lol9;", b"&lol9;")
    packet = _lol_doctype().encode() + packet
    path = make_jpeg(folder / "xmp-bomb-packet.jpg", exif=_readable_exif(), xmp=packet)
    return HostileCase(
        "xmp_bomb_inside_packet",
        path,
        "xmp",
        {"caption": READABLE, "title": None},
        ImageStatus.OK,
        True,
    )


def xmp_external_entity(folder: Path) -> HostileCase:
    secret = folder / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    body = (
        f'<!DOCTYPE meta [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        '<meta xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><r:Description><dc:title>&xxe;</dc:title>'
        "</r:Description></meta>"
    )
    path = make_jpeg(folder / "xmp-xxe.jpg", exif=_readable_exif(), xmp=body.encode())
    return HostileCase(
        "xmp_external_entity",
        path,
        "xmp",
        {"caption": READABLE, "title": None},
        ImageStatus.OK,
        True,
    )


def sidecar_billion_laughs(folder: Path) -> HostileCase:
    path = make_jpeg(folder / "sidecar-bomb.jpg", exif=_readable_exif())
    body = (
        _lol_doctype()
        + '<meta xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&lol9;</dc:title></meta>'
    )
    write_sidecar(path, body.encode())
    return HostileCase(
        "sidecar_billion_laughs", path, "sidecar", {"caption": READABLE}, ImageStatus.OK, True
    )


def sidecar_binary_junk(folder: Path) -> HostileCase:
    path = make_jpeg(folder / "sidecar-junk.jpg", exif=_readable_exif())
    write_sidecar(path, random.Random(13).randbytes(4000))
    return HostileCase(
        "sidecar_binary_junk", path, "sidecar", {"caption": READABLE}, ImageStatus.OK, True
    )
