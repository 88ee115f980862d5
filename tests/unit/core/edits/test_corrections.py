# SPDX-License-Identifier: GPL-3.0-or-later
"""Corrections on the bundled gallery: photo 6's date conflict, the record, the user's copy."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from gallery_app.core import paths
from gallery_app.core.edits.apply import apply_correction, make_correction, original_value
from gallery_app.core.edits.conflicts import conflict_in, date_conflict
from gallery_app.core.edits.fields import EditError, iim_excess
from gallery_app.core.edits.manifest_store import save_to_manifest
from gallery_app.core.edits.ondisk import ChangedOnDisk, fingerprint
from gallery_app.core.edits.save import save_corrections
from gallery_app.core.gallery.manifest import load_manifest
from gallery_app.core.loader import load_gallery
from gallery_app.core.models import Gallery

NOTE = "Weekday says Sunday; the AP's own archive dates it March 29"


def _photo6(gallery: Gallery):  # type: ignore[no-untyped-def]
    return next(e for e in gallery.entries if e.id == "06")


def _resolve_photo6(reading_key: str = "weekday") -> Gallery:
    gallery = load_gallery(None)
    entry = _photo6(gallery)
    conflict = date_conflict(entry)
    assert conflict is not None
    reading = next(r for r in conflict.readings if r.key == reading_key)
    record = make_correction(entry, "date", reading.date, note=NOTE, reading=reading.short)
    fixed = apply_correction(entry, record)
    gallery = replace(gallery, entries=tuple(fixed if e.id == "06" else e for e in gallery.entries))
    save_corrections(gallery, {"06": [record]})
    return load_gallery(None)


def test_photo6_offers_sunday_29_tuesday_31_or_uncertain() -> None:
    conflict = date_conflict(_photo6(load_gallery(None)))
    assert conflict is not None
    assert [(r.key, r.date) for r in conflict.readings] == [
        ("weekday", "2015-03-29"),
        ("date", "2015-03-31"),
        ("uncertain", "2015-03-31"),
    ]
    assert conflict.readings[0].label.startswith("Sunday, March 29, 2015")


def test_resolving_photo6_saves_a_user_copy_and_keeps_the_original() -> None:
    shipped = paths.bundled_gallery_path()
    before = shipped.read_bytes()
    gallery = _resolve_photo6()
    entry = _photo6(gallery)
    assert gallery.source == paths.bundled_copy_path()
    assert shipped.read_bytes() == before  # the shipped gallery is never written
    assert entry.taken is not None and entry.taken.iso() == "2015-03-29"
    assert not entry.taken.uncertain
    assert entry.warnings[0].startswith("Resolved: The caption says Sunday")
    assert NOTE in entry.warnings[0] and "originally 2015-03-31" in entry.warnings[0]
    assert original_value(entry, "date") == "2015-03-31"
    raw = json.loads(paths.bundled_copy_path().read_text(encoding="utf-8"))
    item = next(i for i in raw["entries"] if i["id"] == "06")
    assert raw["version"] == 2
    assert item["dateCreated"] == "2015-03-31"  # the original stays in the record
    assert item["corrections"][0]["new"] == "2015-03-29"
    assert item["corrections"][0]["reading"] == "Sunday 29"


def test_keeping_it_uncertain_is_recorded_as_resolved() -> None:
    entry = _photo6(_resolve_photo6("uncertain"))
    assert entry.taken is not None and entry.taken.uncertain
    assert "kept as uncertain" in entry.warnings[0]
    assert date_conflict(entry) is None


def test_caption_correction_never_overwrites_the_original_caption() -> None:
    gallery = load_gallery(None)
    entry = gallery.entries[0]
    record = make_correction(entry, "caption", "A shorter caption.", note="house style")
    fixed = apply_correction(entry, record)
    gallery = replace(gallery, entries=(fixed, *gallery.entries[1:]))
    save_corrections(gallery, {entry.id: [record]})
    raw = json.loads(paths.bundled_copy_path().read_text(encoding="utf-8"))
    assert raw["entries"][0]["caption"] == entry.caption
    again = load_gallery(None).entries[0]
    assert again.caption == "A shorter caption."
    assert original_value(again, "caption") == entry.caption


def test_version1_manifest_migrates_to_version2(tmp_path) -> None:  # type: ignore[no-untyped-def]
    manifest = tmp_path / "gallery.json"
    manifest.write_text(
        json.dumps({"version": 1, "title": "T", "entries": [{"id": "a", "caption": "x"}]}),
        encoding="utf-8",
    )
    gallery = load_manifest(manifest)
    record = make_correction(gallery.entries[0], "credit", "AP")
    save_to_manifest(manifest, {"a": [record]}, expected=fingerprint(manifest))
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert data["version"] == 2 and data["entries"][0]["corrections"][0]["new"] == "AP"
    assert load_gallery(manifest).entries[0].credit == "AP"


def test_manifest_changed_on_disk_is_not_overwritten(tmp_path) -> None:  # type: ignore[no-untyped-def]
    manifest = tmp_path / "gallery.json"
    manifest.write_text(
        json.dumps({"version": 2, "title": "T", "entries": [{"id": "a", "caption": "x"}]}),
        encoding="utf-8",
    )
    seen = fingerprint(manifest)
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"T"', '"T2"'), "utf-8")
    gallery = load_gallery(manifest)
    record = make_correction(gallery.entries[0], "credit", "AP")
    with pytest.raises(ChangedOnDisk, match="changed"):
        save_corrections(gallery, {"a": [record]}, expected={manifest: seen})
    assert "corrections" not in manifest.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("date", "31/03/2015", "not an ISO 8601 date"),
        ("lat", "95", "between -90 and 90"),
        ("country_code", "Iraq", "not a country code"),
        ("colour", "red", "not a field that can be corrected"),
    ],
)
def test_bad_values_get_a_sentence(name: str, value: str, message: str) -> None:
    entry = load_gallery(None).entries[0]
    with pytest.raises(EditError, match=message):
        make_correction(entry, name, value)


def test_date_keeps_precision_and_time_zone() -> None:
    entry = load_gallery(None).entries[0]
    fixed = apply_correction(entry, make_correction(entry, "date", "2015-03-29T14:05+03:00"))
    assert fixed.taken is not None
    assert fixed.taken.iso() == "2015-03-29T14:05:00+03:00"
    assert fixed.taken.utc_offset == 180


def test_iim_limits() -> None:
    assert iim_excess("credit", "x" * 32) == 0
    assert iim_excess("credit", "x" * 40) == 8
    assert iim_excess("keywords", "short; " + "y" * 70) == 6
    assert iim_excess("lat", "12.5") == 0


def test_conflict_reading_ignores_other_warnings() -> None:
    assert conflict_in("The photo file “a.jpg” is missing.") is None


def test_a_nonsense_record_in_a_manifest_is_skipped_with_a_warning(tmp_path) -> None:  # type: ignore[no-untyped-def]
    manifest = tmp_path / "gallery.json"
    records = [
        {"field": "date", "old": None, "new": "2015-13-45", "at": "2015-04-01T10:00:00Z"},
        {"field": "credit", "old": None, "new": "AP", "at": "2015-04-01T10:00:00Z"},
    ]
    entry = {"id": "a", "caption": "x", "corrections": records}
    manifest.write_text(
        json.dumps({"version": 2, "title": "T", "entries": [entry]}), encoding="utf-8"
    )
    loaded = load_gallery(manifest).entries[0]
    assert loaded.credit == "AP" and loaded.taken is None
    assert "recorded correction of date" in loaded.warnings[0]


def test_readings_from_the_caption_parser_are_used() -> None:
    import datetime as dt

    from gallery_app.core.models import DateReading, Entry, Precision, TakenAt

    taken = TakenAt(
        dt.datetime(2015, 3, 31),
        Precision.DAY,
        "caption",
        uncertain=True,
        readings=(
            DateReading(dt.date(2015, 3, 29), "the weekday, Sunday"),
            DateReading(dt.date(2015, 3, 31), "the date as written"),
        ),
    )
    conflict = date_conflict(
        Entry(id="x", position=1, caption="Sunday, March 31, 2015", taken=taken)
    )
    assert conflict is not None
    assert [r.date for r in conflict.readings] == ["2015-03-29", "2015-03-31", "2015-03-31"]
    assert conflict.readings[0].short == "Sunday 29"
