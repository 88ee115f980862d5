# SPDX-License-Identifier: GPL-3.0-or-later
"""The catalog remembers what was read, forgets changed files and survives damage."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
from pathlib import Path

import pytest

from gallery_app.core.metadata.values import FileMetadata
from gallery_app.core.models import ImageInfo, ImageStatus, Location, Precision, TakenAt
from gallery_app.core.store import catalog as catalog_mod
from gallery_app.core.store.catalog import Catalog
from gallery_app.core.store.rows import READER_VERSION, decode_metadata, encode_metadata


def sample(caption: str = "Iraqi soldiers «advance» near Tikrit") -> FileMetadata:
    return FileMetadata(
        caption=caption,
        title=None,
        creator="Jane Doe",
        credit="AP",
        copyright=None,
        taken=TakenAt(
            dt.datetime(2015, 3, 31, 14, 5, 9), Precision.SECOND, "EXIF DateTimeOriginal", 180
        ),
        location=Location(city="Tikrit", country="Iraq", lat=34.6, lon=43.68, source="XMP"),
        info=ImageInfo(ImageStatus.OK, 4000, 3000, 6),
        sources={"caption": "XMP dc:description"},
        warnings=("The weekday does not match the date.",),
    )


def test_json_round_trip_keeps_every_field() -> None:
    meta = sample()
    assert decode_metadata(encode_metadata(meta)) == meta
    undated = FileMetadata(
        None, None, None, None, None, None, None, ImageInfo(ImageStatus.UNREADABLE)
    )
    assert decode_metadata(encode_metadata(undated)) == undated


def test_rows_of_another_version_or_garbage_are_misses() -> None:
    assert decode_metadata('{"v": 999}') is None
    assert decode_metadata("not json") is None
    assert decode_metadata('{"v": 1, "caption": 3}') is None


def test_hit_only_while_size_and_mtime_match(tmp_path: Path, dateline_home: Path) -> None:
    cat = Catalog()
    assert cat.path.parent == dateline_home / "cache"
    photo = tmp_path / "a.jpg"
    cat.put(photo, 100, 123_456_789, sample())
    assert cat.get(photo, 100, 123_456_789) == sample()
    assert cat.get(photo, 101, 123_456_789) is None
    assert cat.get(photo, 100, 123_456_790) is None
    # The sidecar's stamp is part of the row's freshness.
    cat.put(photo, 100, 123_456_789, sample(), sidecar="a.xmp:10:5")
    assert cat.get(photo, 100, 123_456_789, "a.xmp:10:5") == sample()
    assert cat.get(photo, 100, 123_456_789, "a.xmp:11:5") is None
    assert cat.get(photo, 100, 123_456_789) is None  # the sidecar was deleted
    cat.put(photo, 100, 123_456_789, sample())
    # Reopening finds the row again.
    cat.close()
    assert Catalog().get(photo, 100, 123_456_789) == sample()


def test_rows_under_a_folder_only(tmp_path: Path) -> None:
    cat = Catalog()
    inside = tmp_path / "trip" / "day1" / "a.jpg"
    cat.put_many(
        [
            (inside, 1, 1, "", sample()),
            (
                tmp_path / "trip0" / "b.jpg",
                1,
                1,
                "",
                sample(),
            ),  # a sibling whose name shares the prefix
            (tmp_path / "other.jpg", 1, 1, "", sample()),
        ]
    )
    assert list(cat.rows_under(tmp_path / "trip")) == [str(inside)]
    cat.forget([str(inside)])
    assert cat.rows_under(tmp_path / "trip") == {}
    assert len(cat) == 2


def test_corrupt_database_is_set_aside_and_rebuilt(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    dateline_home: Path,
) -> None:
    db = dateline_home / "cache" / "catalog.sqlite"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not a database at all" * 100)
    with caplog.at_level(logging.WARNING):
        cat = Catalog()
    assert cat.enabled
    assert "set aside" in caplog.text
    aside = [p.name for p in db.parent.iterdir() if ".broken-" in p.name]
    assert aside, "the damaged file is kept for inspection"
    cat.put(tmp_path / "a.jpg", 1, 2, sample())
    assert cat.get(tmp_path / "a.jpg", 1, 2) == sample()


def test_schema_bump_sets_the_old_database_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Catalog().put(tmp_path / "a.jpg", 1, 2, sample())
    monkeypatch.setattr(catalog_mod, "SCHEMA_VERSION", catalog_mod.SCHEMA_VERSION + 1)
    cat = Catalog()
    assert cat.enabled and len(cat) == 0


def test_unusable_location_keeps_the_catalog_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cat = Catalog(blocker / "sub" / "catalog.sqlite")  # a parent that is a file
    assert cat.memory_only
    cat.put(tmp_path / "a.jpg", 1, 2, sample())
    assert cat.get(tmp_path / "a.jpg", 1, 2) == sample()  # for this session
    assert blocker.read_text() == "x"


def test_wal_mode_and_one_connection_per_thread(tmp_path: Path) -> None:
    cat = Catalog()
    photo = tmp_path / "a.jpg"
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            for i in range(20):
                cat.put(tmp_path / f"{n}-{i}.jpg", i, i, sample(f"caption {n}"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(cat) == 80
    cat.put(photo, 1, 1, sample())
    cat.close()
    with sqlite3.connect(cat.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_rows_from_an_older_reader_are_read_again(tmp_path: Path) -> None:
    """A catalog filled before a reader fix (HEIC sizes, say) must not serve the old values."""
    cat = Catalog()
    photo = tmp_path / "phone.heic"
    photo.write_bytes(b"x")
    meta = sample()
    old_row = encode_metadata(meta).replace(f'"v":{READER_VERSION}', f'"v":{READER_VERSION - 1}')
    assert old_row != encode_metadata(meta)
    stat = photo.stat()
    with sqlite3.connect(cat.path) as conn:
        conn.execute(
            "INSERT INTO files VALUES (?, ?, ?, ?, ?)",
            (str(photo.absolute()), stat.st_size, stat.st_mtime_ns, "", old_row),
        )
    assert cat.get(photo, stat.st_size, stat.st_mtime_ns) is None
    cat.put(photo, stat.st_size, stat.st_mtime_ns, meta)
    assert cat.get(photo, stat.st_size, stat.st_mtime_ns) == meta
