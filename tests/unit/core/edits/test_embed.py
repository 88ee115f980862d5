# SPDX-License-Identifier: GPL-3.0-or-later
"""Writing into the photo file: only when asked, image data unchanged, IPTC digest true."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from gallery_app.core.edits import iptc_digest
from gallery_app.core.edits.apply import apply_correction, make_correction
from gallery_app.core.edits.save import save_corrections
from gallery_app.core.edits.verify import jpeg_scan
from gallery_app.core.loader import load_folder
from gallery_app.core.metadata.reader import read_metadata
from tests.imaging import exif_block, iptc_block, make_jpeg, make_png

EXIFTOOL = shutil.which("exiftool")


def _save(folder: Path, changes: dict[str, str], *, embed: bool):  # type: ignore[no-untyped-def]
    gallery = load_folder(folder, catalog=None)
    entry = gallery.entries[0]
    records = []
    for name, value in changes.items():
        record = make_correction(entry, name, value)
        entry = apply_correction(entry, record)
        records.append(record)
    edited = replace(gallery, entries=(entry,))
    return save_corrections(edited, {entry.id: records}, embed=embed)


def test_embedding_is_off_by_default(tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "a.jpg", exif=exif_block(description="Old"))
    before = photo.read_bytes()
    _save(tmp_path, {"caption": "New"}, embed=False)
    assert photo.read_bytes() == before


def test_embedding_keeps_the_image_data_and_updates_the_iptc_digest(tmp_path: Path) -> None:
    photo = make_jpeg(
        tmp_path / "a.jpg",
        exif=exif_block(description="Old", date_original="2015:03:31 10:00:00"),
        iptc=iptc_block({(2, 120): "Old"}),
    )
    before = photo.read_bytes()
    result = _save(
        tmp_path,
        {"caption": "Neue Überschrift", "credit": "AP", "date": "2015-03-29T10:00+03:00"},
        embed=True,
    )
    assert result.embedded == (photo,) and not result.problems
    after = photo.read_bytes()
    assert jpeg_scan(after) == jpeg_scan(before)
    stored, current = iptc_digest.current_digest(after)
    assert stored is not None and stored == current
    meta = read_metadata(photo)
    assert meta.caption == "Neue Überschrift" and meta.credit == "AP"
    assert meta.taken is not None and meta.taken.iso() == "2015-03-29T10:00:00+03:00"
    assert not list(tmp_path.glob(".*.tmp"))
    if EXIFTOOL:
        out = subprocess.run(
            [EXIFTOOL, "-use", "MWG", "-j", "-Description", "-IPTC:Caption-Abstract",
             "-IPTCDigest", "-CurrentIPTCDigest", str(photo)],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        got = json.loads(out)[0]
        assert got["Description"] == "Neue Überschrift"
        assert got["Caption-Abstract"] == "Neue Überschrift"
        assert got["IPTCDigest"] == got["CurrentIPTCDigest"]


def test_embedding_a_png_keeps_its_pixels(tmp_path: Path) -> None:
    photo = make_png(tmp_path / "a.png")
    result = _save(tmp_path, {"creator": "Khalid Mohammed"}, embed=True)
    assert result.embedded == (photo,)
    assert read_metadata(photo).creator == "Khalid Mohammed"


def test_a_failed_embed_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = make_jpeg(tmp_path / "a.jpg", exif=exif_block(description="Old"))
    before = photo.read_bytes()
    monkeypatch.setattr("gallery_app.core.edits.embed.check_written", _refuse)
    result = _save(tmp_path, {"caption": "New"}, embed=True)
    assert result.embedded == () and "left as it was" in result.problems[0]
    assert photo.read_bytes() == before
    assert (tmp_path / "a.jpg.xmp").is_file()  # the sidecar still holds the correction


def _refuse(*_args: object) -> None:
    from gallery_app.core.edits.fields import EditError

    raise EditError("a.jpg: the caption read back differs, so the file was left as it was.")
