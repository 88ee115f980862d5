# SPDX-License-Identifier: GPL-3.0-or-later
"""One rule for a plausible photo date, whether a manifest or the file itself wrote it.

A year before 1800 or after 2200 is a camera's unset clock or junk: the file's
reader warns and falls through to the next source, a manifest is refused
with a sentence — and both agree on where the line is.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gallery_app.core.errors import ManifestError
from gallery_app.core.gallery.manifest import load_manifest
from gallery_app.core.isodate import EARLIEST_YEAR, LATEST_YEAR, BadDate, parse_iso
from gallery_app.core.metadata.dates import parse_exif_date, parse_iptc_date, parse_iso_date
from gallery_app.core.metadata.reader import read_metadata
from tests.imaging import exif_block, make_jpeg

IMPLAUSIBLE = ["0001-01-01", "0900-06-01T10:00:00", "1799-12-31", "2201-01-01", "9999-12-31"]
PLAUSIBLE = ["1800-01-01", "1865-04-09", "2015-03-30T14:05:09+03:00", "2200-12-31"]


def _manifest_with_date(tmp_path: Path, date: str) -> Path:
    path = tmp_path / "gallery.json"
    doc = {
        "version": 1,
        "title": "T",
        "entries": [{"id": "01", "position": 1, "caption": "c", "dateCreated": date}],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_the_rule_is_1800_to_2200() -> None:
    assert (EARLIEST_YEAR, LATEST_YEAR) == (1800, 2200)


@pytest.mark.parametrize("date", IMPLAUSIBLE)
def test_every_reader_refuses_the_same_years(tmp_path: Path, date: str) -> None:
    exif_text = date.replace("-", ":")[:10] + " 10:00:00"
    iptc_text = date[:10].replace("-", "")
    for parse in (
        lambda: parse_iso(date, "manifest"),
        lambda: parse_iso_date(date, "XMP"),
        lambda: parse_exif_date(exif_text, "EXIF"),
        lambda: parse_iptc_date(iptc_text, None, "IPTC"),
    ):
        with pytest.raises(BadDate, match="not a plausible date for a photo"):
            parse()
    with pytest.raises(ManifestError, match=r"entries\[0\]\.dateCreated: .*not a plausible date"):
        load_manifest(_manifest_with_date(tmp_path, date))


@pytest.mark.parametrize("date", PLAUSIBLE)
def test_every_reader_takes_the_same_years(tmp_path: Path, date: str) -> None:
    from_manifest = parse_iso(date, "manifest")
    assert parse_iso_date(date, "XMP").value == from_manifest.value
    taken = load_manifest(_manifest_with_date(tmp_path, date)).entries[0].taken
    assert taken is not None and taken.iso() == from_manifest.iso()


def test_photo_with_year_one_in_exif_is_undated_with_a_warning(tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "a.jpg", exif=exif_block(date_original="0001:01:01 00:00:00"))
    meta = read_metadata(photo)
    assert meta.taken is None
    assert any("plausible" in w for w in meta.warnings)


def test_manifest_keeps_its_precision_and_fraction_of_a_second() -> None:
    taken = parse_iso("2015-03-30T14:05:09.250+03:00", "manifest")
    assert taken.iso() == "2015-03-30T14:05:09+03:00"
    assert taken.value.microsecond == 250_000
    assert parse_iso("2015-03", "manifest").iso() == "2015-03"
