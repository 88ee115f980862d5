# SPDX-License-Identifier: GPL-3.0-or-later
"""Ready entries: kept while the file, its sidecar and the day allow; built in the workers."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from gallery_app.core.folders.pool import ReaderPool
from gallery_app.core.gallery.ordering import SortOrder
from gallery_app.core.listing import build as build_module
from gallery_app.core.listing import folder as folder_module
from gallery_app.core.listing.folder import list_folder
from gallery_app.core.listing.output import listing_json
from gallery_app.core.store.catalog import Catalog
from tests.imaging import xmp_packet
from tests.unit.photo_files import make_tagged_jpeg

TODAY = dt.date(2026, 12, 3)


def _warnings(catalog: Catalog, folder: Path, today: dt.date) -> list[str]:
    listing = list_folder(folder, catalog, today=today)
    doc = json.loads(listing_json(listing, folder.name, SortOrder.DATE, False))
    return [w for entry in doc["entries"] for w in entry["warnings"]]


def test_a_date_in_the_future_is_judged_again_on_the_day_it_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "clock"
    make_tagged_jpeg(folder / "ahead.jpg", taken=dt.datetime(2026, 12, 20, 9, 0), caption="x")
    make_tagged_jpeg(folder / "past.jpg", taken=dt.datetime(2015, 3, 29, 9, 0), caption="y")
    catalog = Catalog(tmp_path / "catalog.sqlite")
    built: list[str] = []
    real = build_module.build

    def counted(file: Path, *args: object) -> object:
        built.append(file.name)
        return real(file, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "build", counted)
    try:
        assert any("in the future" in w for w in _warnings(catalog, folder, TODAY))
        assert any("in the future" in w for w in _warnings(catalog, folder, dt.date(2026, 12, 18)))
        assert sorted(built) == ["ahead.jpg", "past.jpg"]  # the second day: nothing rebuilt
        assert not any(
            "in the future" in w for w in _warnings(catalog, folder, dt.date(2027, 1, 1))
        )
        assert sorted(built) == ["ahead.jpg", "ahead.jpg", "past.jpg"]  # only the one ahead
    finally:
        catalog.close()


def test_many_files_are_built_in_the_reader_processes_and_come_back_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "many"
    for n in range(12):
        make_tagged_jpeg(
            folder / f"{n:02d}.jpg", taken=dt.datetime(2015, 3, 1 + n % 3, 12, n), caption=f"#{n}"
        )
    monkeypatch.setattr(folder_module, "MIN_FILES", 4)
    monkeypatch.setattr(folder_module, "default_workers", lambda: 2)
    pooled_catalog = Catalog(tmp_path / "pooled.sqlite")
    here_catalog = Catalog(tmp_path / "here.sqlite")
    try:
        pooled = list_folder(folder, pooled_catalog, today=TODAY)
        monkeypatch.setattr(folder_module, "MIN_FILES", 1000)
        here = list_folder(folder, here_catalog, today=TODAY)
        assert pooled == here
        assert len(pooled_catalog.rows_under(folder)) == 12  # the metadata rows are stored too
    finally:
        pooled_catalog.close()
        here_catalog.close()


def test_forked_reader_processes_build_what_this_process_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command line forks its readers (no Qt there): same entries, same catalog rows."""
    folder = tmp_path / "forked"
    for n in range(12):
        make_tagged_jpeg(
            folder / f"{n:02d}.jpg", taken=dt.datetime(2015, 3, 2, 9, n), caption=f"{n}"
        )
    monkeypatch.setattr(folder_module, "MIN_FILES", 4)
    forked_catalog = Catalog(tmp_path / "forked.sqlite")
    here_catalog = Catalog(tmp_path / "here.sqlite")
    workers = ReaderPool(workers=2, start="fork")
    try:
        forked = list_folder(folder, forked_catalog, today=TODAY, pool=workers)
        monkeypatch.setattr(folder_module, "MIN_FILES", 1000)
        here = list_folder(folder, here_catalog, today=TODAY)
        assert forked == here
        assert forked_catalog.rows_under(folder) == here_catalog.rows_under(folder)
    finally:
        workers.close()
        forked_catalog.close()
        here_catalog.close()


def _captions(catalog: Catalog, folder: Path) -> list[str]:
    listing = list_folder(folder, catalog, today=TODAY)
    doc = json.loads(listing_json(listing, folder.name, SortOrder.DATE, False))
    return [str(entry.get("caption") or "") for entry in doc["entries"]]


def test_a_warm_listing_sees_a_sidecar_restored_with_an_older_time(tmp_path: Path) -> None:
    """The ready entries are keyed by the sidecar's own name, size and mtime, as the catalog
    rows are: a sidecar older than its photo, or edited with its time kept, still counts."""
    folder = tmp_path / "trip"
    photo = make_tagged_jpeg(folder / "a.jpg", taken=dt.datetime(2015, 3, 30, 9), caption="Own")
    catalog = Catalog(tmp_path / "catalog.sqlite")
    try:
        assert _captions(catalog, folder) == ["Own"]
        old = photo.stat().st_mtime_ns - 86_400 * 10**9
        sidecar = folder / "a.jpg.xmp"
        sidecar.write_bytes(xmp_packet(description="Restored from the backup"))
        os.utime(sidecar, ns=(old, old))
        assert _captions(catalog, folder) == ["Restored from the backup"]
        sidecar.write_bytes(xmp_packet(description="Corrected, and the time kept"))
        os.utime(sidecar, ns=(old, old))
        assert _captions(catalog, folder) == ["Corrected, and the time kept"]
        sidecar.unlink()
        assert _captions(catalog, folder) == ["Own"]
    finally:
        catalog.close()
