# SPDX-License-Identifier: GPL-3.0-or-later
"""A corpus of hostile and broken photo files, built by the tests in ``tmp_path``.

Nothing here is checked in as a binary: every builder writes its file (or
folder layout) with Pillow and a few hand-made bytes, so the test says exactly
what is wrong with it.  Each builder returns a :class:`HostileCase`: the file
to read, a fragment the reader's warning must contain (``None`` when nothing is
wrong in the user's eyes, as with an Arabic file name), and the fields that must
still be read from the parts of the file that are sound.

    for kind, build in FILE_KINDS.items():
        case = build(tmp_path / kind)

``RACE_KINDS`` (files removed or replaced while a folder is read) need a hook
into the scan and are driven by ``test_hostile_scan.py``.
"""

from __future__ import annotations

import io
import os
import random
import struct
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from gallery_app.core.models import ImageStatus
from tests.imaging import (
    XMP_APP1_HEADER,
    exif_block,
    iptc_block,
    jpeg_segment,
    make_jpeg,
    make_png,
    photoshop_app13,
    write_sidecar,
    xmp_packet,
)

READABLE = "Readable caption from the sound part of the file"


@dataclass(frozen=True)
class HostileCase:
    """One hostile file and what a reader must make of it."""

    kind: str
    path: Path
    warning: str | None  # fragment of a warning (case-insensitive); None: no warning expected
    fields: Mapping[str, object] = field(default_factory=dict)
    status: ImageStatus | None = None
    thumbnail_ok: bool | None = None  # True: a thumbnail must be made; None: either way


Builder = Callable[[Path], HostileCase]


def make_good_photos(folder: Path, count: int = 2) -> list[Path]:
    """Sound photos beside the hostile one: they must load whatever their neighbour does."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        make_jpeg(
            folder / f"good-{i}.jpg",
            exif=exif_block(description=f"Good photo {i}", date_original=f"2015:03:3{i} 10:00:00"),
        )
        for i in range(count)
    ]


def _noise_jpeg(size: tuple[int, int] = (160, 120), **kw: object) -> bytes:
    """A JPEG with real entropy-coded data (noise compresses badly), with optional blocks."""
    rng = random.Random(7)
    image = Image.frombytes(
        "RGB", size, bytes(rng.getrandbits(8) for _ in range(size[0] * size[1] * 3))
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    segments = b""
    exif = kw.get("exif")
    if isinstance(exif, bytes):
        segments += jpeg_segment(0xE1, b"Exif\x00\x00" + exif)
    return data[:2] + segments + data[2:]


def _tiff_ifd(entries: list[tuple[int, int, int, bytes]], next_ifd: int, start: int) -> bytes:
    """A little-endian IFD at ``start``: entries are (tag, type, count, 4-byte value)."""
    out = struct.pack("<H", len(entries))
    for tag, kind, count, value in entries:
        out += struct.pack("<HHI", tag, kind, count) + value.ljust(4, b"\x00")[:4]
    return out + struct.pack("<I", next_ifd)


def _exif_raw(
    entries: list[tuple[int, int, int, bytes]], next_ifd: int = 0, tail: bytes = b""
) -> bytes:
    return b"II*\x00" + struct.pack("<I", 8) + _tiff_ifd(entries, next_ifd, 8) + tail


_ASCII, _SHORT, _LONG = 2, 3, 4


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_claiming(width: int, height: int, text: str = "") -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunks = _png_chunk(b"IHDR", ihdr)
    if text:
        chunks += _png_chunk(b"tEXt", b"Description\x00" + text.encode("latin-1"))
    chunks += _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + _png_chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def _readable_exif(**kw: object) -> bytes:
    return exif_block(description=READABLE, **kw)  # type: ignore[arg-type]


def _lol_doctype(depth: int = 9) -> str:
    decl = ['<!ENTITY lol0 "lol">']
    decl += [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, depth + 1)]
    return "<!DOCTYPE meta [" + "".join(decl) + "]>"


# --- builders ------------------------------------------------------------------------------


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


def segment_length_overrun(folder: Path) -> HostileCase:
    data = make_jpeg(folder / "x.tmp", exif=_readable_exif()).read_bytes()
    (folder / "x.tmp").unlink()
    exif_end = 2 + 2 + int.from_bytes(data[4:6], "big")
    bad = b"\xff\xe2\xff\xf0" + b"ICC junk"  # an APP2 that claims 65,520 bytes
    path = folder / "segment-overrun.jpg"
    path.write_bytes(data[:exif_end] + bad + data[exif_end:])
    return HostileCase(
        "segment_length_overrun",
        path,
        "could not be opened",
        {"caption": READABLE},
        ImageStatus.UNREADABLE,
        False,
    )


def segment_length_zero(folder: Path) -> HostileCase:
    data = make_jpeg(folder / "x.tmp", exif=_readable_exif()).read_bytes()
    (folder / "x.tmp").unlink()
    path = folder / "segment-zero.jpg"
    path.write_bytes(data[:2] + b"\xff\xe3\x00\x00" + data[2:])
    # Pillow and libjpeg step over an empty segment: a sound picture, no warning owed.
    return HostileCase(
        "segment_length_zero", path, None, {"caption": READABLE}, ImageStatus.OK, True
    )


def orientation_zero(folder: Path) -> HostileCase:
    path = make_jpeg(folder / "orientation-0.jpg", exif=_readable_exif(orientation=0))
    return HostileCase(
        "orientation_zero", path, "orientation", {"caption": READABLE}, ImageStatus.OK, True
    )


def orientation_36865(folder: Path) -> HostileCase:
    path = make_jpeg(folder / "orientation-36865.jpg", exif=_readable_exif(orientation=36865))
    return HostileCase(
        "orientation_36865", path, "orientation", {"caption": READABLE}, ImageStatus.OK, True
    )


def gps_out_of_range(folder: Path) -> HostileCase:
    path = make_jpeg(folder / "gps-out-of-range.jpg", exif=_readable_exif(gps=(123.0, 400.0)))
    return HostileCase(
        "gps_out_of_range",
        path,
        "out of range",
        {"caption": READABLE, "location": None},
        ImageStatus.OK,
        True,
    )


def gps_null_island(folder: Path) -> HostileCase:
    path = make_jpeg(folder / "gps-zero.jpg", exif=_readable_exif(gps=(0.0, 0.0)))
    return HostileCase(
        "gps_null_island",
        path,
        "exactly 0°",
        {"caption": READABLE, "location": None},
        ImageStatus.OK,
        True,
    )


def date_all_zeros(folder: Path) -> HostileCase:
    path = make_jpeg(
        folder / "date-zeros.jpg", exif=_readable_exif(date_original="0000:00:00 00:00:00")
    )
    return HostileCase(
        "date_all_zeros",
        path,
        "all zeros",
        {"caption": READABLE, "taken": None},
        ImageStatus.OK,
        True,
    )


def date_month_13(folder: Path) -> HostileCase:
    path = make_jpeg(folder / "date-13.jpg", exif=_readable_exif(date_original="2015:13:45"))
    return HostileCase(
        "date_month_13",
        path,
        "2015:13:45",
        {"caption": READABLE, "taken": None},
        ImageStatus.OK,
        True,
    )


def caption_1mb(folder: Path) -> HostileCase:
    caption = ("A long caption. " * 65_536)[: 1024 * 1024]
    path = make_png(folder / "long-caption.png", xmp=xmp_packet(description=caption))
    return HostileCase(
        "caption_1mb", path, "characters long", status=ImageStatus.OK, thumbnail_ok=True
    )


def caption_of_nuls_and_controls(folder: Path) -> HostileCase:
    path = make_jpeg(
        folder / "nul-caption.jpg",
        exif=exif_block(description=b"\x00" * 64, artist=b"Dee\x00\x00\x1b[31m"),
        xmp=xmp_packet(title="Title\u202eevil"),
    )
    return HostileCase(
        "caption_of_nuls_and_controls", path, None, {"caption": None}, ImageStatus.OK, True
    )


def arabic_name(folder: Path) -> HostileCase:
    path = make_jpeg(
        folder / "صورة من بغداد ١.jpg",
        exif=exif_block(description="جسر في بغداد", date_original="2015:03:30 09:00:00"),
    )
    return HostileCase("arabic_name", path, None, {"caption": "جسر في بغداد"}, ImageStatus.OK, True)


def non_utf8_name(folder: Path) -> HostileCase:
    made = make_jpeg(folder / "latin1.jpg", exif=_readable_exif())
    raw = os.fsencode(folder) + b"/caf\xe9 \xff.jpg"  # Latin-1 é and a stray 0xFF byte
    os.rename(made, raw)
    return HostileCase(
        "non_utf8_name",
        Path(os.fsdecode(raw)),
        "not valid utf-8",
        {"caption": READABLE},
        ImageStatus.OK,
        True,
    )


def heic_garbage(folder: Path) -> HostileCase:
    path = folder / "phone.heic"
    path.write_bytes(
        b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + random.Random(17).randbytes(2000)
    )
    return HostileCase(
        "heic_garbage", path, "heic", status=ImageStatus.UNREADABLE, thumbnail_ok=False
    )


def tiff_ifd_loop(folder: Path) -> HostileCase:
    raw = _exif_raw(
        [
            (0x0100, _SHORT, 1, struct.pack("<H", 4)),
            (0x0101, _SHORT, 1, struct.pack("<H", 4)),
            (0x010E, _ASCII, 4, b"Ed\x00\x00"),
        ],
        next_ifd=8,
    )
    path = folder / "loop.tif"
    path.write_bytes(raw)
    return HostileCase("tiff_ifd_loop", path, "", status=None, thumbnail_ok=False)


def symlink_loop(folder: Path) -> HostileCase:
    inner = folder / "inner"
    inner.mkdir()
    path = make_jpeg(inner / "in-loop.jpg", exif=_readable_exif())
    (inner / "back-up").symlink_to(folder, target_is_directory=True)
    (inner / "self").symlink_to(inner, target_is_directory=True)
    (folder / "a").symlink_to(folder / "b")
    (folder / "b").symlink_to(folder / "a")  # a dangling two-link loop
    return HostileCase("symlink_loop", path, None, {"caption": READABLE}, ImageStatus.OK, True)


def folder_40_deep(folder: Path) -> HostileCase:
    deep = folder.joinpath(*(f"d{i:02d}" for i in range(40)))
    deep.mkdir(parents=True)
    path = make_jpeg(deep / "deep.jpg", exif=_readable_exif())
    return HostileCase("folder_40_deep", path, None, {"caption": READABLE}, ImageStatus.OK, True)


def webp_header_only(folder: Path) -> HostileCase:
    path = folder / "stub.webp"
    path.write_bytes(b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 8)
    return HostileCase(
        "webp_header_only",
        path,
        "could not be opened",
        status=ImageStatus.UNREADABLE,
        thumbnail_ok=False,
    )


def xmp_in_jpeg_random(folder: Path) -> HostileCase:
    data = make_jpeg(folder / "x.tmp", exif=_readable_exif()).read_bytes()
    (folder / "x.tmp").unlink()
    path = folder / "xmp-random.jpg"
    junk = XMP_APP1_HEADER + random.Random(19).randbytes(3000)
    path.write_bytes(data[:2] + jpeg_segment(0xE1, junk) + data[2:])
    return HostileCase(
        "xmp_in_jpeg_random", path, "xmp", {"caption": READABLE}, ImageStatus.OK, True
    )


FILE_KINDS: dict[str, Builder] = {
    b.__name__: b
    for b in (
        zero_byte,
        truncated_header,
        truncated_scan,
        truncated_png,
        text_as_jpg,
        html_as_jpg,
        png_named_jpg,
        png_200k_pixels_square,
        jpeg_claiming_65k_square,
        exif_offset_past_end,
        exif_huge_count,
        exif_ifd_loop,
        exif_bad_header,
        iptc_random_bytes,
        iptc_resource_overrun,
        xmp_billion_laughs,
        xmp_bomb_inside_packet,
        xmp_external_entity,
        xmp_in_jpeg_random,
        sidecar_billion_laughs,
        sidecar_binary_junk,
        segment_length_overrun,
        segment_length_zero,
        orientation_zero,
        orientation_36865,
        gps_out_of_range,
        gps_null_island,
        date_all_zeros,
        date_month_13,
        caption_1mb,
        caption_of_nuls_and_controls,
        arabic_name,
        non_utf8_name,
        heic_garbage,
        tiff_ifd_loop,
        webp_header_only,
        symlink_loop,
        folder_40_deep,
    )
}

RACE_KINDS: tuple[str, ...] = (
    "removed_while_scanned",
    "replaced_by_text_while_scanned",
    "replaced_by_folder_while_scanned",
)


def build(kind: str, root: Path) -> HostileCase:
    """Build ``kind`` in its own folder under ``root`` (with two sound photos beside it)."""
    folder = root / kind
    make_good_photos(folder)
    return FILE_KINDS[kind](folder)
