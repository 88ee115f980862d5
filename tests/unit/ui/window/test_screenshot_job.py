# SPDX-License-Identifier: GPL-3.0-or-later
"""--screenshot in-process: it says so when it cannot show what was asked for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from gallery_app.app import Composition, Options, start
from gallery_app.core.gallery.manifest import save_manifest
from gallery_app.ui.window.screenshot import ScreenshotJob
from tests.unit.ui.shell_fixtures import make_gallery

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def app(make_app: Callable[..., Composition]) -> Composition:
    return make_app(None, progressive=False)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    (tmp_path / "story").mkdir()
    save_manifest(make_gallery(), tmp_path / "story" / "gallery.json")
    return tmp_path / "story" / "gallery.json"


def _shoot(
    app: Composition, qtbot: QtBot, out: Path, options: Options, size: QSize | None = None
) -> list[int]:
    codes: list[int] = []
    ScreenshotJob(
        app.window,
        app.loader,
        app.slideshow,
        out,
        view=options.view,
        select=options.select,
        size=size or QSize(*options.size),
        exit_app=codes.append,
    )
    start(app, options)
    qtbot.wait_until(lambda: bool(codes), timeout=20_000)
    return codes


def test_a_photo_number_past_the_end_is_named_on_stderr(
    app: Composition, qtbot: QtBot, story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "s.png"
    codes = _shoot(app, qtbot, out, Options(path=story, screenshot=out, view="photo", select=99))
    assert codes == [0]
    err = capsys.readouterr().err
    assert "There is no photo 99" in err and "photo 11" in err
    assert app.window.current_entry.id == "e11"


def test_a_photo_view_with_every_photo_filtered_out_says_the_grid_is_shown(
    app: Composition, qtbot: QtBot, story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "s.png"
    options = Options(
        path=story,
        screenshot=out,
        view="photo",
        date_from=dt.date(2020, 1, 1),
        date_to=dt.date(2020, 1, 1),
    )
    assert _shoot(app, qtbot, out, options) == [0]
    assert "the grid is shown instead" in capsys.readouterr().err
