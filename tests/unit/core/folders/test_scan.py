# SPDX-License-Identifier: GPL-3.0-or-later
"""scan_folder: sorted galleries, batches, the catalog, cancelling."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path

import pytest

from gallery_app.core.errors import DatelineError
from gallery_app.core.folders import scan as folder_scan
from gallery_app.core.folders.scan import scan_folder
from gallery_app.core.gallery.entries import entry_from_file
from gallery_app.core.models import Entry
from gallery_app.core.store.catalog import Catalog
from tests.imaging import xmp_packet
from tests.unit.photo_files import make_tagged_jpeg

DAY = dt.datetime(2015, 3, 30, 9, 0)


@pytest.fixture
def trip(tmp_path: Path) -> Path:
    folder = tmp_path / "trip"
    make_tagged_jpeg(folder / "c.jpg", taken=DAY + dt.timedelta(days=2), caption="Third day")
    make_tagged_jpeg(folder / "a.jpg", taken=DAY + dt.timedelta(days=1), caption="Second day")
    make_tagged_jpeg(folder / "sub" / "b.jpg", taken=DAY, caption="First day")
    make_tagged_jpeg(folder / "undated.jpg", caption="No date at all")
    make_tagged_jpeg(folder / "twin-2.jpg", taken=DAY, caption="Same second, later path")
    return folder


def captions(entries: tuple[Entry, ...] | list[Entry]) -> list[str]:
    return [e.caption for e in entries]


def test_sorted_by_date_taken_undated_last_path_breaks_ties(trip: Path) -> None:
    gallery = scan_folder(trip)
    assert captions(gallery.entries) == [
        "First day",
        "Same second, later path",
        "Second day",
        "Third day",
        "No date at all",
    ]
    assert [e.position for e in gallery.entries] == [1, 2, 3, 4, 5]
    assert gallery.entries[-1].taken is None
    assert gallery.title == "trip" and gallery.source == trip.absolute()
    assert gallery.entries[0].id == "sub/b.jpg"


def test_entries_match_what_the_metadata_reader_builds(trip: Path) -> None:
    gallery = scan_folder(trip, Catalog())
    for entry in gallery.entries:
        assert entry.image is not None
        expected = entry_from_file(entry.image, entry.position, root=trip.absolute())
        assert entry == expected


def test_batches_and_progress(trip: Path) -> None:
    batches: list[list[Entry]] = []
    progress: list[tuple[int, int]] = []
    gallery = scan_folder(
        trip,
        on_batch=batches.append,
        on_progress=lambda d, t: progress.append((d, t)),
        batch_size=2,
        batch_interval=3600,
    )
    assert [len(b) for b in batches] == [2, 2, 1]
    assert sorted(captions([e for b in batches for e in b])) == sorted(captions(gallery.entries))
    assert progress[0] == (0, 5) and progress[-1] == (5, 5)


def test_catalog_makes_the_second_scan_read_nothing(
    trip: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = Catalog()
    first = scan_folder(trip, catalog)
    reads: list[Path] = []
    real_read = folder_scan.read_metadata
    monkeypatch.setattr(
        folder_scan, "read_metadata", lambda p, *rest: reads.append(p) or real_read(p, *rest)
    )
    assert scan_folder(trip, catalog) == first
    assert reads == []
    # A changed file is read again, and only that one.
    changed = trip / "a.jpg"
    make_tagged_jpeg(changed, taken=DAY + dt.timedelta(days=5), caption="Edited later")
    os.utime(changed, ns=(0, changed.stat().st_mtime_ns + 1_000_000_000))
    third = scan_folder(trip, catalog)
    assert reads == [changed.absolute()]
    assert captions(third.entries)[3] == "Edited later"


def test_deleted_files_leave_the_catalog(trip: Path) -> None:
    catalog = Catalog()
    scan_folder(trip, catalog)
    (trip / "c.jpg").unlink()
    gallery = scan_folder(trip, catalog)
    assert len(gallery.entries) == 4
    assert len(catalog.rows_under(trip)) == 4


def test_cancel_returns_what_was_read_with_a_warning(trip: Path) -> None:
    calls = iter(range(100))
    gallery = scan_folder(trip, should_stop=lambda: next(calls) >= 2)
    assert len(gallery.entries) == 2
    assert gallery.warnings == ("Scan cancelled after 2 of 5 files.",)


def test_unreadable_file_is_an_entry_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 truncated")
    gallery = scan_folder(folder)
    assert len(gallery.entries) == 1
    assert gallery.entries[0].taken is None


def test_bad_folder_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(DatelineError, match="no such folder"):
        scan_folder(tmp_path / "nowhere")
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(DatelineError, match="not a folder"):
        scan_folder(tmp_path / "file.txt")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert scan_folder(empty).entries == ()


def test_a_sidecar_written_edited_or_deleted_after_the_first_scan_is_seen(trip: Path) -> None:
    catalog = Catalog()
    scan_folder(trip, catalog)
    photo = trip / "a.jpg"
    sidecar = trip / "a.xmp"
    sidecar.write_bytes(xmp_packet(description="Written by the editor"))
    assert "Written by the editor" in captions(scan_folder(trip, catalog).entries)
    sidecar.write_bytes(xmp_packet(description="Edited in place, same second"))
    assert "Edited in place, same second" in captions(scan_folder(trip, catalog).entries)
    sidecar.unlink()
    after = captions(scan_folder(trip, catalog).entries)
    assert not any("editor" in c or "in place" in c for c in after)
    assert photo.exists()


def test_a_sidecar_older_than_its_photo_counts_by_its_own_size_and_time(trip: Path) -> None:
    """A sidecar restored from a backup (older than the photo) or edited by a tool that
    keeps its time: the catalog must not keep serving what the photo said alone."""
    catalog = Catalog()
    photo = trip / "a.jpg"
    scan_folder(trip, catalog)
    old = photo.stat().st_mtime_ns - 86_400 * 10**9  # a day before the photo
    sidecar = trip / "a.jpg.xmp"
    sidecar.write_bytes(xmp_packet(description="Restored from the backup"))
    os.utime(sidecar, ns=(old, old))
    assert "Restored from the backup" in captions(scan_folder(trip, catalog).entries)
    sidecar.write_bytes(xmp_packet(description="Corrected, and the time kept"))
    os.utime(sidecar, ns=(old, old))
    assert "Corrected, and the time kept" in captions(scan_folder(trip, catalog).entries)
    sidecar.unlink()
    after = captions(scan_folder(trip, catalog).entries)
    assert not any("backup" in c or "Corrected" in c for c in after)


def test_numbering_an_entry_is_replace_with_its_position(trip: Path) -> None:
    entry = scan_folder(trip).entries[2]
    numbered = folder_scan._numbered(entry, 99)
    assert numbered == replace(entry, position=99)
    assert entry.position == 3 and numbered is not entry  # the original is left alone
    assert hash(numbered) == hash(replace(entry, position=99))
