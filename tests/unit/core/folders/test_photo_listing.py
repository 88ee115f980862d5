# SPDX-License-Identifier: GPL-3.0-or-later
"""One listing of a folder's photos for the app, gallery-cli list and gallery-cli thumbnails.

The same files everywhere (sidecars, hidden files and second links left
out), and a folder that cannot be read is a sentence, not an empty gallery.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

from gallery_app.cli import thumbnails as thumbs_cli
from gallery_app.core.errors import DatelineError
from gallery_app.core.folders.scan import list_image_files, scan_folder
from tests.unit.photo_files import make_jpeg


def thumbnails(path: Path) -> int:
    parser = argparse.ArgumentParser()
    thumbs_cli.add_parser(parser.add_subparsers(dest="command"))
    return thumbs_cli.run(parser.parse_args(["thumbnails", str(path), "--size", "normal"]))


def test_thumbnails_and_list_see_the_same_photos(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "card"
    (folder / "day").mkdir(parents=True)
    a = make_jpeg(folder / "a.jpg")
    make_jpeg(folder / "day" / "b.jpg")
    (folder / "a.xmp").write_text("<x:xmpmeta xmlns:x='adobe:ns:meta/'/>", encoding="utf-8")
    make_jpeg(folder / ".hidden.jpg")
    (folder / "again.jpg").symlink_to(a)
    listed = list_image_files(folder)
    assert [p.relative_to(folder).as_posix() for p in listed] == ["a.jpg", "day/b.jpg"]
    assert len(scan_folder(folder).entries) == 2
    assert thumbnails(folder) == 0
    assert "2 photos: 2 thumbnails made" in capsys.readouterr().err
    assert list_image_files(a, accept_file=True) == [a]
    with pytest.raises(DatelineError, match="not a folder"):
        list_image_files(a)


def test_a_folder_that_cannot_be_read_is_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    make_jpeg(locked / "a.jpg")
    real_scandir = os.scandir

    def refuse(path: object = ".") -> object:
        if os.fspath(path) == os.fspath(locked):  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", os.fspath(locked))  # type: ignore[arg-type]
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refuse)
    with pytest.raises(DatelineError, match="cannot be listed \\(Permission denied\\)"):
        scan_folder(locked)
    with pytest.raises(DatelineError, match="cannot be listed"):
        thumbnails(locked)
