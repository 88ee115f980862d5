# SPDX-License-Identifier: GPL-3.0-or-later
"""gallery-cli thumbnails: fills the cache, reports progress, one sentence on bad input."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from gallery_app.cli import thumbnails as thumbs_cli
from gallery_app.core.errors import DatelineError
from gallery_app.core.store import thumbcache
from tests.unit.photo_files import make_jpeg


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    thumbs_cli.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["thumbnails", *argv])


def test_folder_is_thumbnailed_then_found_cached(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pics").mkdir()
    photos = [make_jpeg(tmp_path / "pics" / f"{i}.jpg") for i in range(3)]
    (tmp_path / "pics" / "broken.jpg").write_bytes(b"\xff\xd8 nope")
    assert thumbs_cli.run(parse(str(tmp_path / "pics"), "--size", "normal", "--jobs", "2")) == 0
    err = capsys.readouterr().err
    assert "4 photos: 3 thumbnails made, 0 already cached, 1 unreadable" in err
    assert all(thumbcache.lookup(p, "normal") for p in photos)
    assert thumbs_cli.run(parse(str(tmp_path / "pics"), "--size", "normal")) == 0
    assert "0 thumbnails made, 3 already cached, 1 unreadable" in capsys.readouterr().err


def test_single_file(tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "one.jpg")
    assert thumbs_cli.run(parse(str(photo))) == 0
    assert thumbcache.lookup(photo, "large") is not None


@pytest.mark.parametrize(
    ("argv", "message"),
    [(("missing",), "no such file or folder"), ((".", "--jobs", "0"), "--jobs must be 1")],
)
def test_bad_input_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DatelineError, match=message):
        thumbs_cli.run(parse(*argv))


def test_through_gallery_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from gallery_app.cli.main import main

    photo = make_jpeg(tmp_path / "p.jpg")
    assert main(["thumbnails", str(photo), "--size", "x-large"]) == 0
    assert thumbcache.lookup(photo, "x-large") is not None
    assert main(["thumbnails", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("gallery-cli:") and "Traceback" not in "".join(err)
    assert main(["thumbnails", str(photo), "--size", "huge"]) == 2
