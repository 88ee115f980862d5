# SPDX-License-Identifier: GPL-3.0-or-later
"""``load_gallery(folder)`` goes through the catalog, so a folder seen before is not read again."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from gallery_app.core import paths
from gallery_app.core.folders import scan as folder_scan
from gallery_app.core.loader import load_gallery
from gallery_app.core.store.catalog import Catalog
from tests.unit.photo_files import make_tagged_jpeg


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "photos"
    make_tagged_jpeg(folder / "b.jpg", taken=dt.datetime(2020, 5, 2, 10), caption="second")
    make_tagged_jpeg(folder / "a.jpg", caption="undated")
    make_tagged_jpeg(folder / "sub" / "c.jpg", taken=dt.datetime(2019, 1, 1), caption="first")
    return folder


def test_folder_sorted_by_date_with_undated_last(tmp_path: Path) -> None:
    gallery = load_gallery(_folder(tmp_path), catalog=None)
    assert [e.caption for e in gallery.entries] == ["first", "second", "undated"]
    assert [e.position for e in gallery.entries] == [1, 2, 3]
    assert gallery.title == "photos"


def test_second_load_comes_from_the_catalog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    catalog = Catalog()  # the user's, in the (redirected) cache folder, as the CLI opens it
    first = load_gallery(folder, catalog=catalog)

    def must_not_read(path: Path) -> object:
        raise AssertionError(f"{path} was read again")

    monkeypatch.setattr(folder_scan, "read_metadata", must_not_read)
    second = load_gallery(folder, catalog=catalog)
    assert second.entries == first.entries


def test_without_a_catalog_the_core_touches_no_user_state(tmp_path: Path) -> None:
    load_gallery(_folder(tmp_path))
    assert not list(paths.cache_dir().glob("catalog*"))


def test_an_injected_catalog_is_used_and_left_open(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    catalog = Catalog(tmp_path / "own.sqlite")
    load_gallery(folder, catalog=catalog)
    assert len(catalog.rows_under(folder)) == 3


def test_a_photo_opens_its_folder(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    gallery = load_gallery(folder / "b.jpg", catalog=None)
    assert len(gallery.entries) == 3


def test_a_name_that_is_not_utf8_is_listed_and_simply_not_cataloged(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    odd = Path(os.fsdecode(bytes(folder / "sub") + b"/caf\xe9.jpg"))
    make_tagged_jpeg(odd, caption="latin-1 name")
    catalog = Catalog(tmp_path / "own.sqlite")
    for _ in range(2):
        gallery = load_gallery(folder, catalog=catalog)
        assert "latin-1 name" in [e.caption for e in gallery.entries]
    assert len(catalog.rows_under(folder)) == 3
