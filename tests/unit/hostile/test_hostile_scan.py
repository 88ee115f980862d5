# SPDX-License-Identifier: GPL-3.0-or-later
"""Folders that fight back: files removed or replaced mid-scan, link loops, odd names.

Both ways of reading a folder are driven: ``load_gallery`` (the loader the CLI
and the bundled path use) and ``scan_folder`` with a catalog (what the app's
folder scanner runs on its worker).
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gallery_app.core.folders import scan as folder_scan
from gallery_app.core.folders.scan import scan_folder
from gallery_app.core.loader import load_gallery
from gallery_app.core.metadata import reader as metadata_module
from gallery_app.core.models import Entry, Gallery, ImageStatus
from gallery_app.core.store.catalog import Catalog
from tests.imaging import exif_block, make_jpeg
from tests.unit.hostile import corpus

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:PIL.TiffImagePlugin")

Mischief = Callable[[Path], None]


def _remove(path: Path) -> None:
    path.unlink()


def _replace_by_text(path: Path) -> None:
    path.write_text("<html>not a photo any more</html>", encoding="utf-8")


def _replace_by_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


MISCHIEF: dict[str, tuple[Mischief, str, ImageStatus]] = {
    "removed_while_scanned": (_remove, "could not be read", ImageStatus.MISSING),
    "replaced_by_text_while_scanned": (
        _replace_by_text,
        "not a recognisable image",
        ImageStatus.UNREADABLE,
    ),
    "replaced_by_folder_while_scanned": (
        _replace_by_folder,
        "could not be read",
        ImageStatus.UNREADABLE,
    ),
}
assert set(MISCHIEF) == set(corpus.RACE_KINDS)


def _folder(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "scan"
    corpus.make_good_photos(folder)
    victim = make_jpeg(folder / "victim.jpg", exif=exif_block(description="Soon gone"))
    return folder, victim


def _good_captions(gallery: Gallery) -> set[str]:
    return {e.caption for e in gallery.entries if e.id.startswith("good-")}


def _by_id(gallery: Gallery, ident: str) -> Entry | None:
    return next((e for e in gallery.entries if e.id == ident), None)


@pytest.mark.parametrize("kind", corpus.RACE_KINDS)
def test_loader_survives_a_file_changed_between_listing_and_reading(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, victim = _folder(tmp_path)
    act, warning, status = MISCHIEF[kind]
    real = folder_scan.iter_image_files

    def listing_then_mischief(root: Path) -> Iterator[Path]:
        files = list(real(root))
        act(victim)
        return iter(files)

    monkeypatch.setattr(folder_scan, "iter_image_files", listing_then_mischief)
    gallery = load_gallery(folder)
    assert _good_captions(gallery) == {"Good photo 0", "Good photo 1"}
    entry = _by_id(gallery, "victim.jpg")
    if status is ImageStatus.MISSING:
        assert entry is None  # gone before it was looked at: not listed at all
        return
    assert entry is not None
    assert entry.image_status is status
    assert any(warning in w and "victim.jpg" in w for w in entry.warnings), entry.warnings


@pytest.mark.parametrize("kind", corpus.RACE_KINDS)
def test_catalog_scan_survives_a_file_changed_between_stat_and_read(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    folder, _victim = _folder(tmp_path)
    act, warning, status = MISCHIEF[kind]
    real = folder_scan.read_metadata

    def mischief_then_read(path: Path, *rest: object) -> metadata_module.FileMetadata:
        if path.name == "victim.jpg":
            act(path)
        return real(path, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(folder_scan, "read_metadata", mischief_then_read)
    catalog = Catalog(tmp_path / "catalog.sqlite")
    try:
        gallery = scan_folder(folder, catalog)
    finally:
        catalog.close()
    assert _good_captions(gallery) == {"Good photo 0", "Good photo 1"}
    entry = _by_id(gallery, "victim.jpg")
    assert entry is not None and entry.image_status is status
    assert any(warning in w for w in entry.warnings), entry.warnings
    assert not [r for r in caplog.records if r.exc_info]


def test_catalog_scan_skips_a_file_gone_before_it_is_looked_at(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, victim = _folder(tmp_path)
    real = folder_scan.iter_image_files

    def listing_then_removal(root: Path) -> Iterator[Path]:
        files = list(real(root))
        victim.unlink()
        return iter(files)

    monkeypatch.setattr(folder_scan, "iter_image_files", listing_then_removal)
    gallery = scan_folder(folder, None)
    assert _good_captions(gallery) == {"Good photo 0", "Good photo 1"}
    assert _by_id(gallery, "victim.jpg") is None


def test_a_folder_removed_while_it_is_listed_is_a_sentence(tmp_path: Path) -> None:
    folder, _ = _folder(tmp_path)
    shutil.rmtree(folder)
    from gallery_app.core.errors import DatelineError

    with pytest.raises(DatelineError) as caught:
        scan_folder(folder, None)
    assert "no such folder" in str(caught.value)


def test_link_loops_end_and_each_photo_is_listed_once(tmp_path: Path) -> None:
    case = corpus.build("symlink_loop", tmp_path)
    gallery = load_gallery(tmp_path / "symlink_loop")
    captions = sorted(e.caption for e in gallery.entries)
    assert captions == sorted(["Good photo 0", "Good photo 1", corpus.READABLE])
    assert case.path.exists()


def test_a_photo_40_folders_deep_is_found(tmp_path: Path) -> None:
    case = corpus.build("folder_40_deep", tmp_path)
    gallery = scan_folder(tmp_path / "folder_40_deep", None)
    deep = [e for e in gallery.entries if e.image == case.path]
    assert len(deep) == 1 and deep[0].caption == corpus.READABLE
    assert deep[0].id.count("/") == 40


def test_arabic_names_keep_their_text(tmp_path: Path) -> None:
    case = corpus.build("arabic_name", tmp_path)
    gallery = load_gallery(tmp_path / "arabic_name")
    entry = _by_id(gallery, case.path.name)
    assert entry is not None
    assert entry.caption == "جسر في بغداد"
    assert entry.warnings == ()


def test_a_name_that_is_not_utf8_loads_beside_the_others(tmp_path: Path) -> None:
    case = corpus.build("non_utf8_name", tmp_path)
    gallery = scan_folder(tmp_path / "non_utf8_name", None)
    assert _good_captions(gallery) == {"Good photo 0", "Good photo 1"}
    odd = [e for e in gallery.entries if e.image == case.path]
    assert len(odd) == 1 and odd[0].caption == corpus.READABLE
    assert os.path.exists(odd[0].image)  # the real bytes of the name are kept to open it
    for warning in odd[0].warnings:
        warning.encode("utf-8")


def test_catalog_scan_of_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    corpus.build("non_utf8_name", tmp_path)
    catalog = Catalog(tmp_path / "catalog.sqlite")
    try:
        gallery = scan_folder(tmp_path / "non_utf8_name", catalog)
    finally:
        catalog.close()
    assert _good_captions(gallery) == {"Good photo 0", "Good photo 1"}


def test_unreadable_folder_inside_is_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder, _ = _folder(tmp_path)
    locked = folder / "locked"
    locked.mkdir()
    make_jpeg(locked / "hidden.jpg")
    locked.chmod(0)
    try:
        caplog.set_level(logging.INFO)
        gallery = load_gallery(folder)
    finally:
        locked.chmod(0o755)
    assert _good_captions(gallery) == {"Good photo 0", "Good photo 1"}
