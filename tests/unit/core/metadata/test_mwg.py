# SPDX-License-Identifier: GPL-3.0-or-later
"""MWG 2.0 reconciliation, as ``exiftool -use MWG`` reads files: a table of files we write.

Each file carries the same fields in IPTC-IIM and XMP with different values, and a
Photoshop IPTC digest (image resource 0x0425) that is absent, matches the IIM block or
is stale (the IIM was changed by a tool that does not know XMP). EXIF, where it has
the field, outranks both.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from gallery_app.core.metadata.reader import read_metadata
from tests.imaging import exif_block, iptc_block, jpeg_segment, make_jpeg, xmp_packet

IPTC = {
    "caption": "Caption in IPTC",
    "byline": "Iptc Person",
    "credit": "IPTC Agency",
    "copyright": "© IPTC",
    "city": "Basra",
    "country": "Iraq",
    "date": "20150330",
}
XMP = {
    "description": "Caption in XMP",
    "creator": "Xmp Person",
    "credit": "XMP Agency",
    "rights": "© XMP",
    "city": "Mosul",
    "country": "Iraq",
    "date_created": "2015-04-02",
}


def _irb(code: int, data: bytes) -> bytes:
    return (
        b"8BIM"
        + code.to_bytes(2, "big")
        + b"\x00\x00"
        + len(data).to_bytes(4, "big")
        + data
        + (b"\x00" if len(data) % 2 else b"")
    )


def app13_with_digest(iim: bytes, digest: str) -> bytes:
    """An APP13 segment with the IIM resource and, unless ``digest`` is "absent", 0x0425."""
    payload = b"Photoshop 3.0\x00" + _irb(0x0404, iim)
    if digest == "matching":
        payload += _irb(0x0425, hashlib.md5(iim).digest())
    elif digest == "stale":
        payload += _irb(0x0425, hashlib.md5(iim + b"before an edit").digest())
    return jpeg_segment(0xED, payload)


def write_photo(path: Path, digest: str, *, exif: bytes | None = None) -> Path:
    iim = iptc_block(
        {
            "caption": IPTC["caption"],
            "byline": IPTC["byline"],
            "credit": IPTC["credit"],
            "copyright": IPTC["copyright"],
            "city": IPTC["city"],
            "country": IPTC["country"],
            (2, 55): IPTC["date"],
        }
    )
    return make_jpeg(
        path,
        exif=exif,
        xmp=xmp_packet(**XMP),
        segments_before_exif=[app13_with_digest(iim, digest)],
    )


def _fields(path: Path) -> dict[str, object]:
    meta = read_metadata(path)
    assert meta.location is not None and meta.taken is not None
    return {
        "caption": meta.caption,
        "creator": meta.creator,
        "credit": meta.credit,
        "copyright": meta.copyright,
        "city": meta.location.city,
        "date": meta.taken.iso(),
    }


XMP_WINS = {
    "caption": "Caption in XMP",
    "creator": "Xmp Person",
    "credit": "XMP Agency",
    "copyright": "© XMP",
    "city": "Mosul",
    "date": "2015-04-02",
}
IPTC_WINS = {
    "caption": "Caption in IPTC",
    "creator": "Iptc Person",
    "credit": "IPTC Agency",
    "copyright": "© IPTC",
    "city": "Basra",
    "date": "2015-03-30",
}


@pytest.mark.parametrize(
    ("digest", "expected"),
    [("absent", XMP_WINS), ("matching", XMP_WINS), ("stale", IPTC_WINS)],
)
def test_the_iptc_digest_decides_between_iim_and_xmp(
    tmp_path: Path, digest: str, expected: dict[str, str]
) -> None:
    assert _fields(write_photo(tmp_path / f"{digest}.jpg", digest)) == expected


@pytest.mark.parametrize("digest", ["absent", "matching", "stale"])
def test_a_non_blank_exif_value_wins_for_description_creator_copyright_and_date(
    tmp_path: Path, digest: str
) -> None:
    exif = exif_block(
        description="Caption in EXIF",
        artist="Exif Person",
        copyright="© EXIF",
        date_original="2015:03:31 10:20:30",
    )
    fields = _fields(write_photo(tmp_path / "e.jpg", digest, exif=exif))
    assert fields["caption"] == "Caption in EXIF"
    assert fields["creator"] == "Exif Person"
    assert fields["copyright"] == "© EXIF"
    assert fields["date"] == "2015-03-31T10:20:30"
    # credit and the place have no EXIF field: the digest still decides
    side = IPTC_WINS if digest == "stale" else XMP_WINS
    assert (fields["credit"], fields["city"]) == (side["credit"], side["city"])


def test_blank_exif_does_not_win(tmp_path: Path) -> None:
    exif = exif_block(description="   ", artist="")
    fields = _fields(write_photo(tmp_path / "b.jpg", "absent", exif=exif))
    assert fields["caption"] == "Caption in XMP"
    assert fields["creator"] == "Xmp Person"


@pytest.mark.parametrize(
    ("digest", "kept", "other"),
    [
        ("matching", "XMP dc:description", "IPTC Caption-Abstract"),
        ("stale", "IPTC Caption-Abstract", "XMP dc:description"),
    ],
)
def test_where_the_sources_disagree_is_recorded(
    tmp_path: Path, digest: str, kept: str, other: str
) -> None:
    meta = read_metadata(write_photo(tmp_path / "c.jpg", digest))
    caption = [c for c in meta.conflicts if c.name == "caption"]
    assert [(c.kept, c.other) for c in caption] == [(kept, other)]
    names = {c.name for c in meta.conflicts}
    assert names == {"caption", "creator", "credit", "copyright", "city", "taken"}


def test_agreeing_sources_record_no_conflict(tmp_path: Path) -> None:
    iim = iptc_block({"caption": "Same words", "credit": "AP", "byline": "Ann Lee"})
    path = make_jpeg(
        tmp_path / "same.jpg",
        exif=exif_block(description="Same  words", artist="ANN LEE"),
        xmp=xmp_packet(description="Same words", credit="AP", creator="Ann Lee"),
        segments_before_exif=[app13_with_digest(iim, "matching")],
    )
    assert read_metadata(path).conflicts == ()


def test_a_caption_cut_at_the_iptc_limit_is_not_a_disagreement(tmp_path: Path) -> None:
    long = "Iraqi security forces launch a rocket in Tikrit. " * 60
    iim = iptc_block({"caption": long[:2000]})
    path = make_jpeg(
        tmp_path / "cut.jpg",
        xmp=xmp_packet(description=long),
        segments_before_exif=[app13_with_digest(iim, "absent")],
    )
    assert read_metadata(path).conflicts == ()
