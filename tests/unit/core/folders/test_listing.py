# SPDX-License-Identifier: GPL-3.0-or-later
"""Listing a folder of photos: recursive, each file once, by content, sorted."""

from __future__ import annotations

import os
from pathlib import Path

from gallery_app.core.folders.listing import iter_image_files
from tests.imaging import make_jpeg, make_png, write_sidecar, xmp_packet


def test_lists_photos_recursively_sorted_without_sidecars_or_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    make_jpeg(tmp_path / "b" / "two.jpg")
    one = make_jpeg(tmp_path / "A.JPG")
    write_sidecar(one, xmp_packet(description="x"))
    make_jpeg(tmp_path / ".cache" / "thumb.jpg")
    make_jpeg(tmp_path / "._A.JPG")
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    png = make_png(tmp_path / "x.png")
    png.rename(tmp_path / "no_extension")
    names = [p.relative_to(tmp_path).as_posix() for p in iter_image_files(tmp_path)]
    assert names == ["A.JPG", "b/two.jpg", "no_extension"]


def test_symlink_loops_and_duplicate_links_are_listed_once(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    make_jpeg(tmp_path / "d" / "p.jpg")
    os.symlink(tmp_path, tmp_path / "d" / "loop")
    os.symlink(tmp_path / "d" / "p.jpg", tmp_path / "link.jpg")
    os.symlink(tmp_path / "missing.jpg", tmp_path / "dangling.jpg")
    assert len(list(iter_image_files(tmp_path))) == 1


def test_missing_folder_lists_nothing(tmp_path: Path) -> None:
    assert list(iter_image_files(tmp_path / "nope")) == []


def test_raw_files_and_videos_are_listed_so_their_card_can_say_what_they_are(
    tmp_path: Path,
) -> None:
    (tmp_path / "fuji.raf").write_bytes(b"FUJIFILMCCD-RAW " + bytes(64))
    (tmp_path / "clip.mov").write_bytes(b"\x00\x00\x00\x14ftypqt  " + bytes(64))
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    names = [p.name for p in iter_image_files(tmp_path)]
    assert names == ["clip.mov", "fuji.raf"]
