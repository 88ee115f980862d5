# SPDX-License-Identifier: GPL-3.0-or-later
"""Corrections on a folder of photos: XMP sidecars other tools read, image bytes untouched."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from gallery_app.core.edits.apply import apply_correction, make_correction
from gallery_app.core.edits.history import with_sidecar_records
from gallery_app.core.edits.ondisk import ChangedOnDisk, fingerprint
from gallery_app.core.edits.save import save_corrections
from gallery_app.core.edits.targets import sidecar_for
from gallery_app.core.edits.xmpkeys import exiv2_module
from gallery_app.core.loader import load_gallery
from gallery_app.core.metadata import xmp as xmp_reader
from gallery_app.core.models import Entry, Gallery
from gallery_app.core.store.catalog import Catalog
from tests.imaging import exif_block, iptc_block, make_jpeg, xmp_packet

EXIFTOOL = shutil.which("exiftool")


def _folder(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "photos"
    folder.mkdir()
    photo = make_jpeg(
        folder / "tikrit.jpg",
        exif=exif_block(description="Old caption", date_original="2015:03:31 10:00:00"),
    )
    return folder, photo


def _edit(gallery: Gallery, changes: dict[str, str], note: str = "") -> tuple[Gallery, list]:  # type: ignore[type-arg]
    entry: Entry = gallery.entries[0]
    records = []
    for name, value in changes.items():
        record = make_correction(entry, name, value, note=note)
        entry = apply_correction(entry, record)
        records.append(record)
    return replace(gallery, entries=(entry, *gallery.entries[1:])), records


def _read_back_exiftool(sidecar: Path) -> dict[str, str]:
    assert EXIFTOOL is not None
    out = subprocess.run(
        [
            EXIFTOOL,
            "-use",
            "MWG",
            "-j",
            "-Description",
            "-Credit",
            "-DateTimeOriginal",
            str(sidecar),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(json.loads(out)[0])


def test_caption_credit_and_date_are_read_back_after_a_restart(tmp_path: Path) -> None:
    folder, photo = _folder(tmp_path)
    before = photo.read_bytes()
    catalog = Catalog()
    gallery = load_gallery(folder, catalog=catalog)  # fills the catalog, as the app does
    edited, records = _edit(
        gallery,
        {"caption": "Rockets <over> Tikrit & more", "credit": "AP", "date": "2015-03-29T10:00"},
        note="checked against the AP archive",
    )
    result = save_corrections(edited, {edited.entries[0].id: records})
    sidecar = folder / "tikrit.jpg.xmp"
    assert result.written == (sidecar,)
    assert photo.read_bytes() == before  # the image file is not touched
    if EXIFTOOL:
        got = _read_back_exiftool(sidecar)
        assert got["Description"] == "Rockets <over> Tikrit & more"
        assert got["Credit"] == "AP"
        assert str(got["DateTimeOriginal"]).startswith("2015:03:29 10:00")
    own = xmp_reader.parse_packet(sidecar.read_bytes())
    assert own["XMP dc:description"] == "Rockets <over> Tikrit & more"
    ex = exiv2_module()
    image = ex.ImageFactory.open(str(sidecar))
    image.readMetadata()
    assert str(image.xmpData()["Xmp.photoshop.Credit"].toString()) == "AP"
    # a restart: the photo is unchanged, so only the sidecar's time tells the catalog to read again
    again = with_sidecar_records(load_gallery(folder, catalog=catalog)).entries[0]
    catalog.close()
    assert again.caption == "Rockets <over> Tikrit & more"
    assert again.credit == "AP"
    assert again.taken is not None and again.taken.iso().startswith("2015-03-29T10:00")
    assert [c.field for c in again.corrections] == ["caption", "credit", "date"]
    assert again.corrections[0].old == "Old caption"
    assert again.corrections[0].note == "checked against the AP archive"


def test_an_existing_photo_xmp_is_updated_not_doubled(tmp_path: Path) -> None:
    folder, photo = _folder(tmp_path)
    stem_sidecar = folder / "tikrit.xmp"
    stem_sidecar.write_bytes(xmp_packet(city="Baghdad", extra=""))
    assert sidecar_for(photo) == stem_sidecar
    edited, records = _edit(load_gallery(folder), {"credit": "AP"})
    save_corrections(edited, {edited.entries[0].id: records})
    assert not (folder / "tikrit.jpg.xmp").exists()
    values = xmp_reader.parse_packet(stem_sidecar.read_bytes())
    assert values["XMP photoshop:Credit"] == "AP"
    assert values["XMP photoshop:City"] == "Baghdad"  # other properties kept


def test_a_sidecar_changed_by_another_program_is_not_overwritten(tmp_path: Path) -> None:
    folder, _photo = _folder(tmp_path)
    sidecar = folder / "tikrit.jpg.xmp"
    sidecar.write_bytes(xmp_packet(city="Baghdad"))
    seen = fingerprint(sidecar)
    sidecar.write_bytes(xmp_packet(city="Mosul"))
    edited, records = _edit(load_gallery(folder), {"credit": "AP"})
    with pytest.raises(ChangedOnDisk):
        save_corrections(edited, {edited.entries[0].id: records}, expected={sidecar: seen})
    assert b"Mosul" in sidecar.read_bytes() and b"Credit" not in sidecar.read_bytes()


def test_a_sidecar_with_entities_is_refused(tmp_path: Path) -> None:
    folder, _photo = _folder(tmp_path)
    sidecar = folder / "tikrit.jpg.xmp"
    hostile = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/">&a;</x:xmpmeta>'
    )
    sidecar.write_bytes(hostile)
    gallery = load_gallery(folder)
    edited, records = _edit(gallery, {"credit": "AP"})
    with pytest.raises(Exception, match="not valid XMP"):
        save_corrections(edited, {edited.entries[0].id: records})
    assert sidecar.read_bytes() == hostile


def test_keywords_are_read_and_a_correction_keeps_the_list(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    make_jpeg(folder / "k.jpg", iptc=iptc_block({(2, 25): ["Iraq", "Tikrit"]}))
    gallery = load_gallery(folder)
    assert gallery.entries[0].keywords == ("Iraq", "Tikrit")
    edited, records = _edit(gallery, {"keywords": "Iraq; Tikrit; rockets"})
    save_corrections(edited, {edited.entries[0].id: records})
    assert records[0].old == "Iraq; Tikrit"
    assert load_gallery(folder).entries[0].keywords == ("Iraq", "Tikrit", "rockets")
