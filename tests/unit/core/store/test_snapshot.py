# SPDX-License-Identifier: GPL-3.0-or-later
"""A folder seen before comes back exactly as it was last sorted; a bad snapshot is ignored."""

from __future__ import annotations

import datetime as dt
import stat
from dataclasses import replace
from pathlib import Path

from gallery_app.core.models import (
    Correction,
    Entry,
    FileMetadata,
    Gallery,
    ImageInfo,
    ImageStatus,
    Location,
    Precision,
    SourceConflict,
    TakenAt,
)
from gallery_app.core.store import snapshot


def _gallery(folder: Path, count: int = 600) -> Gallery:
    start = dt.datetime(2015, 3, 30, 9, 0)
    entries = tuple(
        Entry(
            id=f"d{n // 100}/p{n}.jpg",
            position=n + 1,
            image=folder / f"d{n // 100}" / f"p{n}.jpg",
            caption=f"Photo {n}",
            taken=TakenAt(
                start + dt.timedelta(minutes=n), Precision.SECOND, "EXIF DateTimeOriginal"
            )
            if n % 9
            else None,
            location=Location(city="Erbil", lat=36.19, lon=44.01, source="XMP") if n % 2 else None,
            warnings=("odd",) if n == 5 else (),
            info=ImageInfo(ImageStatus.OK, 640, 480, 6),
        )
        for n in range(count)
    )
    folder.mkdir(parents=True, exist_ok=True)
    return Gallery(title=folder.name, entries=entries, id=str(folder.resolve()), source=folder)


def test_a_saved_folder_comes_back_as_it_was(tmp_path: Path) -> None:
    gallery = _gallery(tmp_path / "shoot")
    snapshot.save_snapshot(gallery)
    back = snapshot.load_snapshot(tmp_path / "shoot")
    assert back == gallery
    stored = snapshot.snapshot_path(gallery.id)
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600  # the user's own listing


def test_what_the_file_said_and_the_corrections_come_back_as_they_were(tmp_path: Path) -> None:
    """The photo page, the details tab and the checks read these of a folder opened from
    its snapshot: they came back as plain dicts, and the photo page failed on them."""
    gallery = _gallery(tmp_path / "shoot")
    said = FileMetadata(
        caption="Photo 3",
        title=None,
        creator="Ann",
        credit=None,
        copyright=None,
        taken=gallery.entries[3].taken,
        location=Location(city="Erbil", source="XMP"),
        info=ImageInfo(ImageStatus.OK, 640, 480, 6),
        sources={"caption": "EXIF ImageDescription", "city": "XMP photoshop:City"},
        keywords=("Kurdistan",),
        conflicts=(SourceConflict("caption", "EXIF", "Photo 3", "XMP", "Photo three"),),
    )
    fixed = Correction("caption", "Photo 3", "Photo three", "2026-01-02T03:04:05Z", "typo")
    entries = list(gallery.entries)
    entries[3] = replace(
        entries[3],
        file=said,
        corrections=(fixed,),
        field_sources=(("caption", "EXIF ImageDescription"),),
    )
    gallery = replace(gallery, entries=tuple(entries))
    snapshot.save_snapshot(gallery)
    back = snapshot.load_snapshot(tmp_path / "shoot")
    assert back is not None
    entry = back.entries[3]
    assert entry.file == said and entry.file.sources["city"] == "XMP photoshop:City"
    assert entry.corrections == (fixed,)
    assert entry.field_sources == (("caption", "EXIF ImageDescription"),)
    assert back == gallery


def test_small_cancelled_or_damaged_snapshots_are_not_used(tmp_path: Path) -> None:
    small = _gallery(tmp_path / "small", count=20)
    snapshot.save_snapshot(small)
    assert snapshot.load_snapshot(tmp_path / "small") is None
    cancelled = _gallery(tmp_path / "cut")
    snapshot.save_snapshot(Gallery(**{**vars(cancelled), "warnings": ("Scan cancelled",)}))
    assert snapshot.load_snapshot(tmp_path / "cut") is None
    gallery = _gallery(tmp_path / "shoot")
    snapshot.save_snapshot(gallery)
    snapshot.snapshot_path(gallery.id).write_bytes(b'{"v": 1, "entries": [')
    assert snapshot.load_snapshot(tmp_path / "shoot") is None
