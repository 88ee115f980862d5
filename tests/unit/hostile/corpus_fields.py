# SPDX-License-Identifier: GPL-3.0-or-later
"""Hostile files, second part: broken segments, impossible field values, odd names and
containers, links and deep folders."""

from __future__ import annotations

import os
import random
import struct
from pathlib import Path

from gallery_app.core.models import ImageStatus
from tests.imaging import (
    XMP_APP1_HEADER,
    exif_block,
    jpeg_segment,
    make_jpeg,
    make_png,
    xmp_packet,
)
from tests.unit.hostile.corpus_parts import (
    _ASCII,
    _SHORT,
    READABLE,
    HostileCase,
    _exif_raw,
    _readable_exif,
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
