# SPDX-License-Identifier: GPL-3.0-or-later
"""Checking across sources: each planted disagreement is found once; agreeing files give none."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gallery_app.core.checks.findings import Kind, Severity
from gallery_app.core.checks.run import check_gallery, with_finding_warnings
from gallery_app.core.loader import load_gallery
from gallery_app.core.metadata.reader import read_metadata
from gallery_app.core.store.links import LinkStore
from tests.imaging import exif_block, iptc_block, make_jpeg, xmp_packet

TODAY = dt.date(2026, 1, 15)
TIKRIT = (34.6158, 43.6786)
PARIS = (48.8566, 2.3522)
BAGHDAD = (33.3152, 44.3661)
AP_CAPTION = (
    "In this Monday, March 30, 2015 photo, Iraqi security forces launch a rocket in Tikrit, "
    "80 miles north of Baghdad, Iraq. (AP Photo/Khalid Mohammed)"
)
AGREEING_EXIF = {"date_original": "2015:03:30 14:05:00", "gps": TIKRIT}
AGREEING_IPTC = {"credit": "The Associated Press", "byline": "KHALID MOHAMMED"}


def _photo(folder: Path, name: str, *, exif: dict, iptc: dict, xmp: bytes | None = None) -> str:
    make_jpeg(
        folder / name,
        exif=exif_block(**exif),
        iptc=iptc_block(iptc) if iptc else None,
        xmp=xmp,
    )
    return name


def _gallery(tmp_path: Path, rows: list[tuple[str, str, str]]) -> Path:
    doc = {
        "version": 1,
        "title": "Planted",
        "entries": [
            {"id": ident, "position": i + 1, "caption": caption, "image": image}
            for i, (ident, caption, image) in enumerate(rows)
        ],
    }
    path = tmp_path / "gallery.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    f = tmp_path
    rows = [
        # agreeing, within tolerance: a day later by the camera's clock, GPS 2 km off
        (
            "agree",
            AP_CAPTION,
            _photo(
                f,
                "agree.jpg",
                exif={"date_original": "2015:03:31 01:30:00", "gps": (34.63, 43.66)},
                iptc=AGREEING_IPTC,
            ),
        ),
        (
            "date",
            AP_CAPTION,
            _photo(
                f,
                "date.jpg",
                exif={**AGREEING_EXIF, "date_original": "2008:05:30 10:00:00"},
                iptc=AGREEING_IPTC,
            ),
        ),
        (
            "place",
            AP_CAPTION,
            _photo(f, "place.jpg", exif={**AGREEING_EXIF, "gps": PARIS}, iptc=AGREEING_IPTC),
        ),
        (
            "credit",
            AP_CAPTION,
            _photo(
                f, "credit.jpg", exif=AGREEING_EXIF, iptc={**AGREEING_IPTC, "credit": "Reuters"}
            ),
        ),
        (
            "creator",
            AP_CAPTION,
            _photo(
                f, "creator.jpg", exif=AGREEING_EXIF, iptc={**AGREEING_IPTC, "byline": "Jane Doe"}
            ),
        ),
        (
            "sources",
            AP_CAPTION,
            _photo(
                f,
                "sources.jpg",
                exif=AGREEING_EXIF,
                iptc={**AGREEING_IPTC, "city": "Mosul"},
                xmp=xmp_packet(city="Tikrit"),
            ),
        ),
        (
            "metadata",
            "Iraqi soldiers rest by the road. (AP Photo/Khalid Mohammed)",
            _photo(f, "metadata.jpg", exif={"date_original": "2099:01:01 12:00:00"}, iptc={}),
        ),
        (
            "country",
            "Iraqi soldiers patrol a road in northern Iraq on Monday, March 30, 2015.",
            _photo(f, "country.jpg", exif={**AGREEING_EXIF, "gps": PARIS}, iptc={}),
        ),
        (
            "country-agree",
            "Iraqi soldiers patrol a road in northern Iraq on Monday, March 30, 2015.",
            _photo(f, "country-agree.jpg", exif={**AGREEING_EXIF, "gps": BAGHDAD}, iptc={}),
        ),
    ]
    return _gallery(tmp_path, rows)


def test_each_planted_disagreement_is_found_once(planted: Path) -> None:
    gallery = load_gallery(planted)
    found = check_gallery(gallery, read=read_metadata, today=TODAY)
    by_entry = sorted((f.entry, f.kind.value) for f in found)
    assert by_entry == [
        ("country", "place"),
        ("creator", "creator"),
        ("credit", "credit"),
        ("date", "date"),
        ("metadata", "metadata"),
        ("place", "place"),
        ("sources", "sources"),
    ]
    date = next(f for f in found if f.kind is Kind.DATE)
    assert date.severity is Severity.WARNING
    assert date.to_dict()["values"] == {"caption": "2015-03-30", "file": "2008-05-30T10:00:00"}
    assert date.to_dict()["sources"] == {
        "caption": "caption text",
        "file": "EXIF DateTimeOriginal",
    }
    assert "30 March 2015" in date.message and "30 May 2008" in date.message
    sources = next(f for f in found if f.kind is Kind.SOURCES)
    assert sources.severity is Severity.NOTICE
    assert "XMP photoshop:City" in sources.message and "IPTC City" in sources.message


def test_the_bundled_gallery_has_photo_6s_weekday_and_nothing_else() -> None:
    found = check_gallery(load_gallery(), read=read_metadata, today=TODAY)
    assert [(f.position, f.kind) for f in found] == [(6, Kind.WEEKDAY)]
    assert found[0].message == "The caption says Sunday, but March 31, 2015 was a Tuesday."
    assert found[0].to_dict()["values"] == {
        "caption": "Sunday, March 31, 2015",
        "calendar": "Tuesday",
    }


def test_linking_a_photo_from_2008_to_a_2015_caption_warns(tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "linked.jpg", exif=exif_block(date_original="2008:05:30 09:00:00"))
    links = LinkStore(tmp_path / "links.json")
    gallery = load_gallery()
    first = gallery.entries[0]
    from gallery_app.core.store.links import gallery_key

    links.set(gallery_key(gallery), first.id, photo)
    linked = links.apply(gallery)
    found = check_gallery(linked, read=read_metadata, today=TODAY)
    about_first = [f for f in found if f.entry == first.id]
    assert [f.kind for f in about_first] == [Kind.DATE]
    assert "2008" in about_first[0].message


def test_findings_become_warnings_once(planted: Path) -> None:
    gallery = load_gallery(planted)
    found = check_gallery(gallery, read=read_metadata, today=TODAY)
    warned = with_finding_warnings(gallery, found)
    date = next(e for e in warned.entries if e.id == "date")
    assert sum("2008" in w for w in date.warnings) == 1
    bundled = load_gallery()
    again = with_finding_warnings(bundled, check_gallery(bundled, today=TODAY))
    assert again.entries[5].warnings == bundled.entries[5].warnings  # the same sentence


def test_a_linked_file_that_vanished_is_no_finding(tmp_path: Path) -> None:
    gallery = load_gallery()
    links = LinkStore(tmp_path / "links.json")
    from gallery_app.core.store.links import gallery_key

    links.set(gallery_key(gallery), gallery.entries[0].id, tmp_path / "gone.jpg")
    found = check_gallery(links.apply(gallery), read=read_metadata, today=TODAY)
    assert [f.kind for f in found] == [Kind.WEEKDAY]


@pytest.mark.parametrize(
    ("claim", "file", "agree"),
    [
        ("2015-03-30", "2015-03-31T01:30:00", True),  # a camera clock in another zone
        ("2015-03-30", "2015-04-01T10:00:00", False),
        ("2015-03", "2015-03-02T10:00:00", True),  # month precision
        ("2015-03", "2015-04-01T00:10:00", False),
        ("2015", "2015-12-31T23:00:00", True),
        ("2015-03-30T14:00:00+03:00", "2015-03-30T11:30:00+00:00", True),  # same moment
        ("2015-03-30T14:00:00+03:00", "2015-03-30T14:00:00+00:00", False),  # three hours
        ("2015-03-30", "2015-03-31T00:30:00+00:00", True),
    ],
)
def test_date_tolerance_respects_precision_and_time_zones(
    claim: str, file: str, agree: bool
) -> None:
    from gallery_app.core.checks.dates import dates_agree
    from gallery_app.core.isodate import parse_iso

    assert dates_agree(parse_iso(claim, "caption"), parse_iso(file, "EXIF")) is agree


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("AP", "The Associated Press", True),
        ("ASSOCIATED PRESS", "AP Photo", True),
        ("AP", "Reuters", False),
        ("Getty Images", "AFP via Getty Images", True),
        ("Anadolu Agency", "AA", True),
    ],
)
def test_credit_spellings(a: str, b: str, agree: bool) -> None:
    from gallery_app.core.checks.names import credits_agree

    assert credits_agree(a, b) is agree
