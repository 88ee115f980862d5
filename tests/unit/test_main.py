# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line: clear sentences for mistakes, and --screenshot for every view."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from gallery_app.__main__ import VIEWS, build_parser, main
from gallery_app.core.gallery.manifest import save_manifest
from tests.unit.ui.shell_fixtures import make_gallery

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(DATELINE_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(ROOT)
    return env


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--from", "2015-13-01"], "is not a date of the form YYYY-MM-DD"),
        (["--interval", "0"], "from 1 to 120 seconds"),
        (["--interval", "five"], "not a whole number"),
        (["--size", "big"], "not a size like 1280x800"),
        (["--view", "globe"], "invalid choice"),
        (["--select", "0"], "numbered from 1"),
        (["--from", "2015-04-03", "--to", "2015-03-30"], "--from must not be later than --to"),
        (["--screenshot", "out.jpg"], "ending in .png"),
    ],
)
def test_mistakes_get_a_sentence_and_exit_2(args, says, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2
    assert says in capsys.readouterr().err


def test_options_are_parsed() -> None:
    args = build_parser().parse_args(
        ["g.json", "--slideshow", "--interval", "7", "--from", "2015-03-30", "--size", "800x600"]
    )
    assert args.path == Path("g.json") and args.slideshow and args.interval == 7
    assert str(args.date_from) == "2015-03-30" and args.size == (800, 600)


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert "Dateline" in capsys.readouterr().out


@pytest.fixture(scope="module")
def gallery_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("gallery")
    save_manifest(make_gallery(folder), folder / "gallery.json")
    return folder


@pytest.mark.parametrize("view", VIEWS)
def test_screenshot_of_every_view(view: str, gallery_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / f"{view}.png"
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "gallery_app",
            "--screenshot",
            str(out),
            "--view",
            view,
            "--select",
            "2",
            "--size",
            "1024x700",
            str(gallery_dir),
        ],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < 30
    with Image.open(out) as image:
        assert image.size[0] >= 1024 or view == "slideshow"
        assert len(image.convert("L").getcolors(65536) or ()) > 8, "the picture is not blank"


def test_screenshot_of_a_broken_gallery_says_why(tmp_path: Path) -> None:
    bad = tmp_path / "gallery.json"
    bad.write_text("{ not json", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "gallery_app", "--screenshot", str(tmp_path / "o.png"), str(bad)],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "gallery.json" in done.stderr
    assert not (tmp_path / "o.png").exists()


def test_screenshot_of_the_bundled_gallery(tmp_path: Path) -> None:
    from gallery_app.core.loader import bundled_gallery_path

    if not bundled_gallery_path().is_file():
        pytest.skip("the bundled gallery has not landed yet")
    out = tmp_path / "bundled.png"
    done = subprocess.run(
        [sys.executable, "-m", "gallery_app", "--screenshot", str(out)],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 1000


def test_palette_is_an_option_with_system_as_default(capsys) -> None:
    assert build_parser().parse_args([]).palette == "system"
    assert build_parser().parse_args(["--palette", "dark"]).palette == "dark"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    assert "--palette" in capsys.readouterr().out


def test_dark_screenshot_is_dark_and_light_is_light(gallery_dir: Path, tmp_path: Path) -> None:
    means = {}
    for palette in ("light", "dark"):
        out = tmp_path / f"grid-{palette}.png"
        done = subprocess.run(
            [
                *(sys.executable, "-m", "gallery_app", "--screenshot", str(out)),
                *("--size", "800x600", "--palette", palette, str(gallery_dir)),
            ],
            env=_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        with Image.open(out) as image:
            grey = image.convert("L")
            means[palette] = sum(grey.histogram()[i] * i for i in range(256)) / (
                grey.width * grey.height
            )
    assert means["dark"] < 90 < 160 < means["light"], means


def test_help_states_the_interval_default_the_app_uses(capsys) -> None:
    """The app starts a slideshow at the last interval the user chose (saved
    when a show ends), so --help must not promise a fixed 5 seconds."""
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "(default 5)" not in out
    assert "the last interval used" in out
    assert "Fighting In Iraq”)" not in out  # no stray parenthesis


def test_a_relative_path_is_made_absolute_before_the_app_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path is saved as the last gallery and in Open recent; a relative one
    would point nowhere once Dateline starts from another folder (a launcher)."""
    import gallery_app.app

    (tmp_path / "photos").mkdir()
    monkeypatch.chdir(tmp_path)
    seen = []
    monkeypatch.setattr(gallery_app.app, "run", lambda options, argv: seen.append(options) or 0)
    assert main(["photos"]) == 0
    assert seen[0].path == tmp_path / "photos"
    assert seen[0].path.is_absolute()
