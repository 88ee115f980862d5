# SPDX-License-Identifier: GPL-3.0-or-later
"""Exports a reader can trust: each format well formed, text escaped, and read back unchanged."""

from __future__ import annotations

import csv
import html
import io
import json
from pathlib import Path

import pytest

from gallery_app.core.errors import DatelineError
from gallery_app.core.exports.reading import read_foreign
from gallery_app.core.exports.writer import ExportCancelled, export_gallery
from gallery_app.core.loader import load_gallery
from tests.unit.core.exports.gallery_fixture import HOSTILE, claims, make_gallery

# What the TimelineJS 3 JSON format requires of a document (Knight Lab's "JSON format").
_DATE_KEYS = ("year", "month", "day", "hour", "minute", "second", "millisecond")


def _check_timelinejs(doc: dict) -> None:
    assert isinstance(doc["events"], list) and doc["events"]
    assert set(doc["title"]) <= {"text", "media", "background", "unique_id"}
    ids = [event["unique_id"] for event in doc["events"]]
    assert len(ids) == len(set(ids))
    for event in doc["events"]:
        start = event["start_date"]
        assert set(start) <= set(_DATE_KEYS) | {"display_date"}
        assert int(start["year"])  # year is required, the rest optional and numeric
        assert all(str(v).lstrip("-").isdigit() for k, v in start.items() if k in _DATE_KEYS)
        assert "text" in event or "media" in event
        if "media" in event:
            assert event["media"]["url"] and event["media"]["credit"]


def test_timelinejs_is_well_formed_escaped_and_honest_about_doubt(tmp_path: Path) -> None:
    gallery = make_gallery(tmp_path / "g")
    out = tmp_path / "out" / "story.json"
    result = export_gallery(gallery, gallery.entries, "timelinejs", out)
    doc = json.loads(out.read_text("utf-8"))
    _check_timelinejs(doc)
    events = {e["unique_id"]: e for e in doc["events"]}
    assert len(events) == 4 and result.notes == ("1 undated photos are not on the timeline.",)
    assert events["photo-05"]["start_date"] == {"year": "2015", "month": "3"}
    assert events["photo-03"]["start_date"]["minute"] == "5"
    assert events["photo-02"]["display_date"] == "Sunday 29 or Tuesday 31 March 2015"
    assert "<script>" not in events["photo-03"]["text"]["text"]
    assert "&lt;script&gt;" in events["photo-03"]["text"]["text"]
    media = events["photo-01"]["media"]
    assert (out.parent / media["url"]).is_file() and (out.parent / media["thumbnail"]).is_file()
    assert media["credit"] == "AP" and media["link"] == "https://example.org/story"
    assert "media" not in events["photo-02"]  # a missing photo: no media, never an invented one


def test_media_base_references_photos_instead_of_copying(tmp_path: Path) -> None:
    gallery = make_gallery(tmp_path / "g")
    out = tmp_path / "story.json"
    export_gallery(gallery, gallery.entries, "timelinejs", out, media_base="https://cdn.example/p")
    media = json.loads(out.read_text("utf-8"))["events"][0]["media"]
    assert media["url"] == "https://cdn.example/p/IMG 0001.jpg"
    assert not (tmp_path / "story-media").exists()


@pytest.mark.parametrize("fmt", ["timelinejs", "iiif"])
def test_an_export_reads_back_as_the_same_gallery(tmp_path: Path, fmt: str) -> None:
    gallery = make_gallery(tmp_path / "g")
    out = tmp_path / "out" / f"{fmt}.json"
    export_gallery(gallery, gallery.entries, fmt, out)
    back = load_gallery(out, read_files=False)
    kept = [e for e in gallery.entries if fmt == "iiif" or e.taken is not None]
    assert [claims(e) for e in back.entries] == [claims(e) for e in kept]
    assert back.title and back.article is not None


def test_iiif_loads_into_prezi3_and_keeps_the_offline_validator_rules(tmp_path: Path) -> None:
    from iiif_prezi3 import Manifest

    gallery = make_gallery(tmp_path / "g")
    out = tmp_path / "manifest.json"
    export_gallery(gallery, gallery.entries, "iiif", out, media_base="https://example.org/g")
    data = json.loads(out.read_text("utf-8"))
    Manifest(**data)  # the IIIF community's models accept it
    assert data["@context"][-1] == "http://iiif.io/api/presentation/3/context.json"
    assert data["requiredStatement"]["value"]["en"]  # a viewer MUST show the credit
    assert data["homepage"][0]["id"] == "https://example.org/story"
    for canvas in data["items"]:
        assert canvas["id"].startswith("https://") and canvas["type"] == "Canvas"
        assert canvas["width"] > 0 and canvas["height"] > 0
        assert all(isinstance(v, list) for v in canvas["label"].values())
        for page in canvas.get("items", []):
            for anno in page["items"]:
                assert anno["motivation"] == "painting" and anno["target"] == canvas["id"]
    first = data["items"][0]
    assert first["navDate"] == "2015-03-30T00:00:00Z"
    assert first["navPlace"]["features"][0]["geometry"]["coordinates"] == [43.67861, 34.61581]
    placeholder = data["items"][1]
    assert "items" not in placeholder or not placeholder["items"]
    assert "convoy" in placeholder["summary"]["en"][0]


def test_csv_opens_with_iptc_headers_bom_and_inert_formulas(tmp_path: Path) -> None:
    gallery = make_gallery(tmp_path / "g")
    out = tmp_path / "photos.csv"
    export_gallery(gallery, gallery.entries, "csv", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["Identifier"] for r in rows] == ["01", "02", "03", "04", "05"]
    assert rows[0]["Description"] == "Iraqi forces near Tikrit, Iraq."
    assert rows[0]["City"] == "Tikrit" and rows[0]["Credit Line"] == "AP"
    assert rows[2]["Description"] == HOSTILE
    assert rows[3]["Credit Line"] == "Unknown"  # the credit is always filled
    assert "Tuesday" in rows[1]["Findings"]


def test_web_page_escapes_text_and_makes_no_external_request(tmp_path: Path) -> None:
    gallery = make_gallery(tmp_path / "g")
    out = tmp_path / "web"
    export_gallery(gallery, gallery.entries, "html", out)
    page = (out / "index.html").read_text("utf-8")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "\\u003cscript\\u003e" in page  # the slideshow's JSON cannot close its script tag
    assert "default-src 'none'" in html.unescape(page)
    assert "http://" not in page.replace("https://example.org/story", "")
    assert sorted(p.name for p in (out / "photos").iterdir()) == [
        "0001-IMG-0001-thumb.jpg",
        "0001-IMG-0001.jpg",
    ]


def test_a_cancelled_export_writes_nothing(tmp_path: Path) -> None:
    gallery = make_gallery(tmp_path / "g")
    out = tmp_path / "story.json"
    with pytest.raises(ExportCancelled):
        export_gallery(gallery, gallery.entries, "timelinejs", out, cancelled=lambda: True)
    assert not out.exists() and not (tmp_path / "story-media").exists()


def test_an_unwritable_target_is_a_sentence(tmp_path: Path) -> None:
    gallery = make_gallery(tmp_path / "g")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatelineError, match="cannot be written"):
        export_gallery(gallery, gallery.entries, "csv", blocker / "photos.csv")


def test_json_that_is_neither_format_is_not_taken_for_one(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text('{"events": "nope", "type": "Thing"}')
    assert read_foreign(other) is None
    with pytest.raises(DatelineError):
        load_gallery(other)
