# SPDX-License-Identifier: GPL-3.0-or-later
"""Videos stay video cards, but show when and where they were taken, and with what camera."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from gallery_app.core.gallery.entries import entry_from_file
from gallery_app.core.metadata.details import read_details
from gallery_app.core.metadata.quicktime import read_quicktime
from gallery_app.core.metadata.reader import read_metadata
from gallery_app.core.models import ImageStatus
from tests.imaging import xmp_packet

_QT_1904 = 2_082_844_800  # seconds from 1904-01-01 to 1970-01-01
_XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")


def box(kind: bytes, *parts: bytes) -> bytes:
    body = b"".join(parts)
    return struct.pack(">I", 8 + len(body)) + kind + body


def mvhd(unix_seconds: int | None) -> bytes:
    created = 0 if unix_seconds is None else unix_seconds + _QT_1904
    return box(b"mvhd", b"\x00\x00\x00\x00", struct.pack(">II", created, created), bytes(88))


def tkhd(width: int, height: int) -> bytes:
    return box(
        b"tkhd", b"\x00\x00\x00\x07", bytes(72), struct.pack(">II", width << 16, height << 16)
    )


def udta_text(kind: bytes, text: str) -> bytes:
    data = text.encode("utf-8")
    return box(kind, struct.pack(">HH", len(data), 0x15C7), data)  # a packed ISO language


def apple_keys(items: dict[str, str]) -> bytes:
    """``meta`` with ``keys`` and ``ilst``, as iPhones write their creation date and place."""
    keys = b"".join(box(b"mdta", name.encode()) for name in items)
    ilst = b"".join(
        box(struct.pack(">I", i), box(b"data", struct.pack(">II", 1, 0), value.encode()))
        for i, value in enumerate(items.values(), start=1)
    )
    return box(
        b"meta",
        box(b"hdlr", bytes(8), b"mdta", bytes(13)),
        box(b"keys", b"\x00\x00\x00\x00", struct.pack(">I", len(items)), keys),
        box(b"ilst", ilst),
    )


def make_mov(path: Path, *moov_parts: bytes, after: bytes = b"") -> Path:
    ftyp = box(b"ftyp", b"qt  ", b"\x00\x00\x02\x00", b"qt  ")
    path.write_bytes(ftyp + box(b"mdat", bytes(64)) + box(b"moov", *moov_parts) + after)
    return path


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack("<4sI", kind, len(body)) + body + (b"\x00" if len(body) % 2 else b"")


def riff_list(kind: bytes, *parts: bytes) -> bytes:
    return chunk(b"LIST", kind + b"".join(parts))


def make_avi(path: Path, *extra: bytes, idit: bytes = b"Mon Mar 10 15:04:43 2003\n\x00") -> Path:
    avih = bytearray(56)
    avih[32:40] = struct.pack("<II", 320, 240)
    hdrl = riff_list(b"hdrl", chunk(b"avih", bytes(avih)), chunk(b"IDIT", idit))
    body = b"AVI " + hdrl + riff_list(b"movi", chunk(b"00dc", bytes(100))) + b"".join(extra)
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    return path


def test_an_iphone_movie_shows_its_local_time_place_and_camera(tmp_path: Path) -> None:
    movie = make_mov(
        tmp_path / "IMG_0001.MOV",
        mvhd(1_565_440_392),  # 2019-08-10 12:33:12 UTC
        box(b"trak", tkhd(1920, 1080)),
        apple_keys(
            {
                "com.apple.quicktime.creationdate": "2019-08-10T14:33:12+0200",
                "com.apple.quicktime.location.ISO6709": "+48.8584+002.2945+035.000/",
                "com.apple.quicktime.make": "Apple",
                "com.apple.quicktime.model": "iPhone 8",
            }
        ),
    )
    meta = read_metadata(movie)
    assert meta.info.status is ImageStatus.UNREADABLE  # still a video card, not a photo
    assert (meta.info.width, meta.info.height) == (1920, 1080)
    assert meta.taken is not None
    assert meta.taken.iso().startswith("2019-08-10T14:33:12+02:00")  # the phone's own clock
    assert meta.sources["taken"] == "QuickTime CreationDate"
    assert meta.location is not None
    assert (meta.location.lat, meta.location.lon) == pytest.approx((48.8584, 2.2945))
    entry = entry_from_file(movie, 1)
    assert entry.taken == meta.taken and entry.location == meta.location
    details = read_details(movie)
    assert (details.width, details.height, details.problem) == (1920, 1080, None)
    summary = dict(details.summary)
    assert (summary["Camera make"], summary["Camera model"]) == ("Apple", "iPhone 8")


def test_the_movie_header_time_is_utc_and_user_data_gives_place_and_camera(
    tmp_path: Path,
) -> None:
    movie = make_mov(
        tmp_path / "clip.mp4",
        mvhd(1_589_206_715),  # 2020-05-11 14:18:35 UTC
        box(b"trak", tkhd(270, 480)),
        box(
            b"udta",
            udta_text(b"\xa9xyz", "-33.8568+151.2153/"),
            udta_text(b"\xa9mak", "GoPro"),
            udta_text(b"\xa9mod", "HERO8 Black"),
        ),
    )
    meta = read_metadata(movie)
    assert meta.taken is not None and meta.taken.iso() == "2020-05-11T14:18:35+00:00"
    assert meta.location is not None and meta.location.lat == pytest.approx(-33.8568)
    assert meta.location.source == "QuickTime GPSCoordinates"
    assert dict(read_details(movie).summary)["Camera model"] == "HERO8 Black"


def test_xmp_in_a_movie_gives_its_caption_and_credit(tmp_path: Path) -> None:
    packet = xmp_packet(description="Launch day at the harbour", creator=["Ana Reyes"])
    movie = make_mov(
        tmp_path / "clip.mov",
        mvhd(None),  # no time set: no date rather than 1904
        box(b"udta", box(b"XMP_", packet)),
    )
    meta = read_metadata(movie)
    assert (meta.caption, meta.creator, meta.taken) == (
        "Launch day at the harbour",
        "Ana Reyes",
        None,
    )
    uuid_movie = make_mov(tmp_path / "uuid.mp4", mvhd(None), after=box(b"uuid", _XMP_UUID, packet))
    assert read_metadata(uuid_movie).caption == "Launch day at the harbour"


def test_an_avi_shows_the_camera_clock_and_its_xmp(tmp_path: Path) -> None:
    packet = xmp_packet(creator=["Phil"])
    video = make_avi(tmp_path / "MVI_0001.AVI", chunk(b"_PMX", packet))
    meta = read_metadata(video)
    assert meta.info.status is ImageStatus.UNREADABLE
    assert (meta.info.width, meta.info.height) == (320, 240)
    assert meta.taken is not None and meta.taken.iso() == "2003-03-10T15:04:43"
    assert meta.sources["taken"] == "RIFF DateTimeOriginal"
    assert meta.creator == "Phil"
    other = make_avi(tmp_path / "b.avi", idit=b"2009/10/27 12:14:34\x00")
    taken = read_metadata(other).taken
    assert taken is not None and taken.iso() == "2009-10-27T12:14:34"


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00qt  \xff\xff\xff\xffmoov",  # size past the end
        b"\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00qt  \x00\x00\x00\x01moov",  # cut 64-bit size
        b"\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00qt  \x00\x00\x00\x04moov",  # smaller than header
        b"RIFF\xff\xff\xff\xffAVI LIST\xff\xff\xff\x7fhdrlavih\x40\x00\x00\x00",
        b"RIFF\x04\x00\x00\x00AVI ",
    ],
)
def test_damaged_videos_give_a_card_and_never_raise(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / ("bad.avi" if data.startswith(b"RIFF") else "bad.mov")
    path.write_bytes(data)
    meta = read_metadata(path)
    assert meta.info.status is ImageStatus.UNREADABLE
    assert meta.taken is None
    # Still a video card; a video is not called a failure ("not a photo") on its card.
    assert not any("not a photo" in w for w in meta.warnings)


def test_the_sample_tables_of_a_long_movie_are_not_read(tmp_path: Path) -> None:
    tables = box(b"mdia", box(b"minf", box(b"stbl", bytes(4 * 1024 * 1024))))
    movie = make_mov(
        tmp_path / "long.mov", mvhd(1_589_206_715), box(b"trak", tkhd(640, 360), tables)
    )
    read = 0
    with movie.open("rb") as raw:
        real_read = raw.read

        def counting_read(n: int = -1) -> bytes:
            nonlocal read
            data = real_read(n)
            read += len(data)
            return data

        raw.read = counting_read  # type: ignore[method-assign]
        found = read_quicktime(raw)
    assert (found.width, found.height) == (640, 360)
    assert 0 < read < 64 * 1024


def test_a_movie_and_an_avi_give_their_length(tmp_path: Path) -> None:
    header = b"\x00\x00\x00\x00" + struct.pack(">IIII", 0, 0, 600, 600 * 42)  # 42 s at 600/s
    movie = make_mov(tmp_path / "clip.mov", box(b"mvhd", header, bytes(80)), tkhd(640, 360))
    assert read_metadata(movie).info.duration == pytest.approx(42.0)
    avi = tmp_path / "clip.avi"
    avih = bytearray(56)
    avih[0:4] = struct.pack("<I", 40_000)  # 25 frames a second
    avih[16:20] = struct.pack("<I", 250)
    avih[32:40] = struct.pack("<II", 320, 240)
    body = b"AVI " + riff_list(b"hdrl", chunk(b"avih", bytes(avih)))
    avi.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    assert read_metadata(avi).info.duration == pytest.approx(10.0)
