# SPDX-License-Identifier: GPL-3.0-or-later
"""What a user sees of a photo's own metadata: caption, credits, date, place, size."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PIL import Image

from gallery_app.core.gallery.entries import entry_from_file
from gallery_app.core.gallery.ordering import sort_key
from gallery_app.core.metadata.reader import read_metadata
from gallery_app.core.models import ImageStatus, Precision
from tests.imaging import (
    exif_block,
    iptc_block,
    jpeg_segment,
    make_jpeg,
    make_png,
    make_tiff,
    user_comment,
    write_sidecar,
    xmp_packet,
)


def test_caption_precedence_exif_then_xmp_then_iptc(tmp_path: Path) -> None:
    """MWG: a non-blank EXIF description wins; without a digest XMP outranks IPTC."""
    photo = make_jpeg(
        tmp_path / "a.jpg",
        exif=exif_block(description="from EXIF"),
        iptc=iptc_block({"caption": "from IPTC"}),
        xmp=xmp_packet(description="from XMP"),
    )
    meta = read_metadata(photo)
    assert meta.caption == "from EXIF"
    assert meta.sources["caption"] == "EXIF ImageDescription"

    no_exif = make_jpeg(
        tmp_path / "b.jpg",
        iptc=iptc_block({"caption": "from IPTC"}),
        xmp=xmp_packet(description="from XMP"),
    )
    assert read_metadata(no_exif).sources["caption"] == "XMP dc:description"


@pytest.mark.parametrize(
    ("exif", "expected", "source"),
    [
        ({"xp_comment": "Grüße aus Köln"}, "Grüße aus Köln", "EXIF XPComment"),
        (
            {"user_comment": user_comment("Über den Wolken", "UNICODE")},
            "Über den Wolken",
            "EXIF UserComment",
        ),
        ({"user_comment": user_comment("plain words")}, "plain words", "EXIF UserComment"),
        ({"description": "Zürich, café"}, "Zürich, café", "EXIF ImageDescription"),
    ],
)
def test_exif_text_encodings_are_decoded(
    tmp_path: Path, exif: dict, expected: str, source: str
) -> None:
    meta = read_metadata(make_jpeg(tmp_path / "a.jpg", exif=exif_block(**exif)))
    assert meta.caption == expected
    assert meta.sources["caption"] == source


def test_camera_boilerplate_is_not_a_caption(tmp_path: Path) -> None:
    photo = make_jpeg(
        tmp_path / "a.jpg",
        exif=exif_block(
            description="OLYMPUS DIGITAL CAMERA  ", user_comment=user_comment("Lake at noon")
        ),
    )
    meta = read_metadata(photo)
    assert meta.caption == "Lake at noon"
    for text in ("SONY DSC", "DCIM\\100GOPRO", "KONICA MINOLTA DIGITAL CAMERA", "default"):
        only = make_jpeg(tmp_path / "b.jpg", exif=exif_block(description=text))
        assert read_metadata(only).caption is None, text


def test_credits_and_title_tables(tmp_path: Path) -> None:
    photo = make_jpeg(
        tmp_path / "a.jpg",
        exif=exif_block(artist="EXIF Artist", copyright="EXIF ©"),
        iptc=iptc_block(
            {
                "byline": ["Ann Lee", "Bo Kim"],
                "credit": "Agency",
                "headline": "Flood",
                "copyright": "© Agency",
            }
        ),
    )
    meta = read_metadata(photo)
    assert (meta.creator, meta.credit, meta.title, meta.copyright) == (
        "EXIF Artist",  # MWG: a non-blank EXIF creator and copyright win
        "Agency",
        "Flood",
        "EXIF ©",
    )
    assert meta.sources["creator"] == "EXIF Artist"
    iptc_only = make_jpeg(tmp_path / "b.jpg", iptc=iptc_block({"byline": ["Ann Lee", "Bo Kim"]}))
    assert read_metadata(iptc_only).creator == "Ann Lee; Bo Kim"


def test_exif_date_with_subseconds_and_offset(tmp_path: Path) -> None:
    photo = make_jpeg(
        tmp_path / "a.jpg",
        exif=exif_block(
            date_original="2019:07:14 18:30:05", subsec_original="5", offset_original="-04:00"
        ),
    )
    taken = read_metadata(photo).taken
    assert taken is not None
    assert taken.value == dt.datetime(2019, 7, 14, 18, 30, 5, 500000)
    assert taken.utc_offset == -240
    assert taken.precision is Precision.SECOND
    assert taken.source == "EXIF DateTimeOriginal"


def test_bad_dates_fall_through_with_a_warning(tmp_path: Path) -> None:
    photo = make_jpeg(
        tmp_path / "a.jpg",
        exif=exif_block(date_original="0000:00:00 00:00:00", date_time="2015:13:45 10:00:00"),
        iptc=iptc_block({"date_created": "20150302", "time_created": "101500+0100"}),
    )
    meta = read_metadata(photo)
    assert meta.taken is not None
    assert meta.taken.value == dt.datetime(2015, 3, 2, 10, 15)
    assert meta.taken.utc_offset == 60
    assert meta.sources["taken"] == "IPTC Date Created"
    assert any("0000:00:00" in w for w in meta.warnings)


def test_weaker_dates_are_marked_and_partial_xmp_dates_keep_precision(tmp_path: Path) -> None:
    weak = make_jpeg(tmp_path / "a.jpg", exif=exif_block(date_time="2010:01:02 03:04:05"))
    taken = read_metadata(weak).taken
    assert taken is not None and "weaker" in taken.source
    partial = make_jpeg(tmp_path / "b.jpg", xmp=xmp_packet(date_created="2015-06"))
    taken = read_metadata(partial).taken
    assert taken is not None and taken.precision is Precision.MONTH and taken.iso() == "2015-06"


def test_no_date_means_undated(tmp_path: Path) -> None:
    assert read_metadata(make_jpeg(tmp_path / "a.jpg")).taken is None


def test_place_from_xmp_and_iptc_with_gps(tmp_path: Path) -> None:
    photo = make_jpeg(
        tmp_path / "a.jpg",
        exif=exif_block(gps=(-33.8568, 151.2153)),
        iptc=iptc_block(
            {"city": "Sydney", "state": "NSW", "country": "Australia", "country_code": "AU"}
        ),
        xmp=xmp_packet(sublocation="Opera House"),
    )
    loc = read_metadata(photo).location
    assert loc is not None
    assert loc.label() == "Opera House, Sydney, NSW, Australia"
    assert loc.country_code == "AU"
    assert loc.lat == pytest.approx(-33.8568, abs=1e-4)
    assert loc.lon == pytest.approx(151.2153, abs=1e-4)


def test_gps_only_location_and_xmp_fallback(tmp_path: Path) -> None:
    exif_gps = read_metadata(
        make_jpeg(tmp_path / "a.jpg", exif=exif_block(gps=(48.8584, 2.2945)))
    ).location
    assert exif_gps is not None and exif_gps.source == "EXIF GPS"
    xmp_gps = read_metadata(
        make_jpeg(tmp_path / "b.jpg", xmp=xmp_packet(gps=(51.5, -0.125)))
    ).location
    assert xmp_gps is not None and xmp_gps.lon == pytest.approx(-0.125, abs=1e-5)


@pytest.mark.parametrize("gps", [(0.0, 0.0), (213.6, 10.0)])
def test_impossible_gps_is_missing_with_warning(tmp_path: Path, gps: tuple[float, float]) -> None:
    meta = read_metadata(make_jpeg(tmp_path / "a.jpg", exif=exif_block(gps=gps)))
    assert meta.location is None
    assert any("GPS" in w for w in meta.warnings)


def test_orientation_and_size(tmp_path: Path) -> None:
    good = read_metadata(
        make_jpeg(tmp_path / "a.jpg", size=(40, 30), exif=exif_block(orientation=6))
    )
    assert (good.info.status, good.info.width, good.info.height, good.info.orientation) == (
        ImageStatus.OK,
        40,
        30,
        6,
    )
    odd = read_metadata(make_jpeg(tmp_path / "b.jpg", exif=exif_block(orientation=9)))
    assert odd.info.orientation is None
    assert any("orientation" in w for w in odd.warnings)


def test_exif_after_other_app_segments_is_still_read(tmp_path: Path) -> None:
    photo = make_jpeg(
        tmp_path / "a.jpg",
        exif=exif_block(description="after APP6", date_original="2020:02:02 02:02:02"),
        segments_before_exif=[
            jpeg_segment(0xE6, b"NITF\x00" + bytes(40)),
            jpeg_segment(0xE8, bytes(16)),
        ],
    )
    meta = read_metadata(photo)
    assert meta.caption == "after APP6"
    assert meta.taken is not None


def test_first_of_two_iptc_blocks_wins(tmp_path: Path) -> None:
    photo = make_jpeg(
        tmp_path / "a.jpg",
        iptc=[iptc_block({"caption": "first"}), iptc_block({"caption": "second"})],
    )
    assert read_metadata(photo).caption == "first"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("latin-1", "Café in Zürich"), ("mac_roman", "José Mourinho in Zürich")],
)
def test_iptc_without_charset_in_legacy_encodings(tmp_path: Path, encoding: str, text: str) -> None:
    block = iptc_block({"caption": text}, encoding=encoding, declare_utf8=False)
    assert read_metadata(make_jpeg(tmp_path / "a.jpg", iptc=block)).caption == text


@pytest.mark.parametrize("sidecar_name", ["a.xmp", "a.jpg.xmp"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_sidecar_overrides_embedded(tmp_path: Path, sidecar_name: str, encoding: str) -> None:
    photo = make_jpeg(tmp_path / "a.jpg", xmp=xmp_packet(description="embedded"))
    write_sidecar(
        photo,
        xmp_packet(description="from sidecar", city="Lyon"),
        encoding=encoding,
        name=sidecar_name,
    )
    meta = read_metadata(photo)
    assert meta.caption == "from sidecar"
    assert meta.sources["caption"] == "XMP dc:description (sidecar)"
    assert meta.location is not None and meta.location.city == "Lyon"


def test_broken_sidecar_and_xmp_are_warnings(tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "a.jpg", exif=exif_block(description="still here"))
    (tmp_path / "a.xmp").write_text("<x:xmpmeta><rdf:RDF>", encoding="utf-8")
    meta = read_metadata(photo)
    assert meta.caption == "still here"
    assert any("a.xmp" in w for w in meta.warnings)


def test_xml_bombs_in_xmp_are_refused(tmp_path: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/">&b;</x:xmpmeta>'
    )
    meta = read_metadata(make_jpeg(tmp_path / "a.jpg", xmp=bomb))
    assert meta.info.status is ImageStatus.OK
    assert any("XMP" in w for w in meta.warnings)


def test_png_and_tiff_metadata(tmp_path: Path) -> None:
    png = make_png(
        tmp_path / "a.png", xmp=xmp_packet(description="png caption"), text={"Author": "Pat"}
    )
    meta = read_metadata(png)
    assert (meta.caption, meta.creator) == ("png caption", "Pat")
    tiff = make_tiff(
        tmp_path / "b.tif",
        exif=exif_block(date_original="2001:02:03 04:05:06"),
        iptc=iptc_block({"caption": "tiff caption"}),
    )
    meta = read_metadata(tiff)
    assert meta.caption == "tiff caption"
    assert meta.taken is not None and meta.taken.value.year == 2001


def test_mislabeled_file_is_read_by_content_with_warning(tmp_path: Path) -> None:
    real_png = make_png(tmp_path / "x.png", xmp=xmp_packet(description="really a png"))
    fake = real_png.rename(tmp_path / "holiday.jpg")
    meta = read_metadata(fake)
    assert meta.caption == "really a png"
    assert meta.info.status is ImageStatus.OK
    assert any("PNG" in w and "holiday.jpg" in w for w in meta.warnings)

    video = tmp_path / "clip.jpg"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(64))
    meta = read_metadata(video)
    assert meta.info.status is ImageStatus.UNREADABLE
    assert any("video" in w for w in meta.warnings)


def test_bad_files_never_raise(tmp_path: Path) -> None:
    truncated = tmp_path / "t.jpg"
    truncated.write_bytes(b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM\x00*")
    assert read_metadata(truncated).info.status is ImageStatus.UNREADABLE
    empty = tmp_path / "e.jpg"
    empty.write_bytes(b"")
    assert read_metadata(empty).info.status is ImageStatus.UNREADABLE
    gone = read_metadata(tmp_path / "vanished.jpg")
    assert gone.info.status is ImageStatus.MISSING
    assert gone.warnings and "vanished.jpg" in gone.warnings[0]


def test_decompression_bomb_is_unreadable_not_decoded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = make_jpeg(tmp_path / "a.jpg", size=(200, 200), exif=exif_block(description="big"))
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    meta = read_metadata(photo)
    assert meta.info.status is ImageStatus.UNREADABLE
    assert any("too large" in w for w in meta.warnings)
    assert meta.caption == "big"


def test_entry_from_file_and_sort_key(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    late = make_jpeg(
        tmp_path / "sub" / "late.jpg", exif=exif_block(date_original="2020:01:01 10:00:00")
    )
    early = make_jpeg(tmp_path / "early.jpg", exif=exif_block(date_original="2019:01:01 10:00:00"))
    undated = make_jpeg(tmp_path / "a_undated.jpg")
    entries = [entry_from_file(p, i, root=tmp_path) for i, p in enumerate((late, undated, early))]
    assert entries[0].id == "sub/late.jpg"
    assert entries[1].caption == ""
    ordered = sorted(entries, key=sort_key)
    assert [e.id for e in ordered] == ["early.jpg", "sub/late.jpg", "a_undated.jpg"]
