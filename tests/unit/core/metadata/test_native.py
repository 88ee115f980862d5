# SPDX-License-Identifier: GPL-3.0-or-later
"""The native reader (libexiv2) gives the same labels as the Python readers, and falls back."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from gallery_app.core.metadata import native, xmp
from gallery_app.core.metadata.imagefile import read_embedded
from gallery_app.core.metadata.reader import read_metadata
from gallery_app.core.models import ImageStatus
from tests.imaging import exif_block, iptc_block, make_jpeg, write_sidecar, xmp_packet


def _embedded(path: Path) -> native.NativeRead:
    with path.open("rb") as fh:
        return native.read_native(fh, path, "jpeg", None)


def test_one_native_parse_gives_every_block_under_the_usual_labels(tmp_path: Path) -> None:
    photo = make_jpeg(
        tmp_path / "a.jpg",
        size=(40, 30),
        exif=exif_block(description="EXIF words", date_original="2015:04:03 10:00:00"),
        iptc=iptc_block({"caption": "IPTC words", "city": "Erbil"}),
        xmp=xmp_packet(description="XMP words", sublocation="Citadel", creator=["A", "B"]),
    )
    found = _embedded(photo)
    assert (found.width, found.height) == (40, 30)
    assert found.exif.reader == "exiv2"
    assert found.exif.text["ImageDescription"] == "EXIF words"
    assert found.iptc.text["City"] == "Erbil"
    # libexiv2 calls Iptc4xmpCore "iptc"; the label stays the one the tables use.
    assert found.xmp["XMP Iptc4xmpCore:Location"] == "Citadel"
    assert found.xmp["XMP dc:creator"] == "A; B"
    meta = read_metadata(photo)
    assert meta.caption == "EXIF words"  # MWG: a non-blank EXIF description wins
    assert meta.sources["caption"] == "EXIF ImageDescription"
    assert meta.taken is not None and meta.taken.value.year == 2015


def test_a_header_without_a_frame_falls_back_to_pillow_and_says_why(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    caplog.set_level(logging.INFO, logger="gallery_app.core.metadata.imagefile")
    with broken.open("rb") as fh:
        embedded = read_embedded(fh, broken)
    assert embedded.status is ImageStatus.UNREADABLE
    assert embedded.warnings and "broken.jpg" in embedded.warnings[0]
    assert any("read by the Python readers" in r.getMessage() for r in caplog.records)


def test_xmp_libexiv2_refuses_goes_to_defusedxml_for_the_sentence(tmp_path: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaa">]>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/" dc:format="&a;"/></rdf:RDF></x:xmpmeta>'
    )
    photo = make_jpeg(tmp_path / "a.jpg", exif=exif_block(description="kept"), xmp=bomb)
    meta = read_metadata(photo)
    assert meta.caption == "kept"
    assert any("XMP metadata inside a.jpg was ignored" in w for w in meta.warnings)


def test_sidecars_are_found_with_one_listing_per_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photos = [make_jpeg(tmp_path / f"p{i}.jpg") for i in range(5)]
    write_sidecar(photos[3], xmp_packet(description="from sidecar"), name="p3.jpg.xmp")
    listings: list[str] = []
    real_listdir = os.listdir
    monkeypatch.setattr(os, "listdir", lambda p: listings.append(p) or real_listdir(p))
    index = xmp.SidecarIndex()
    metas = [read_metadata(p, index) for p in photos]
    assert listings == [str(tmp_path)]
    assert metas[3].caption == "from sidecar"
    assert metas[3].sources["caption"] == "XMP dc:description (sidecar)"
    assert all(m.caption is None for i, m in enumerate(metas) if i != 3)
