# SPDX-License-Identifier: GPL-3.0-or-later
"""A laptop at 1024x600 or a half-screen window of 800 px: nothing is cut off.

The filter bar wraps instead of holding the window at ~985 px; --screenshot
writes the size asked for; the article's paragraphs wrap to the dock; the
caption panel leaves the photo most of a narrow page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QScrollArea
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


def test_the_window_can_be_as_narrow_as_a_half_screen(app: Composition) -> None:
    assert app.window.minimumSizeHint().width() <= 400
    bar = app.window.parts.filter_bar
    assert bar.minimumSizeHint().width() <= 400


def test_the_filter_bar_wraps_and_keeps_every_control_inside(
    app: Composition, qtbot: QtBot, story: Path
) -> None:
    window = app.window
    with qtbot.wait_signal(window.gallery_shown, timeout=10_000):
        start(app, Options(path=story))
    window.resize(800, 600)
    bar = window.parts.filter_bar
    qtbot.wait_until(lambda: bar.width() <= 800)
    controls = (bar.from_edit, bar.to_edit, bar.preset_combo, bar.all_dates_button)
    controls += (bar.undated_check, bar.search_edit)
    qtbot.wait_until(lambda: all(c.isVisible() for c in controls))
    for control in controls:
        top_left = control.mapTo(bar, control.rect().topLeft())
        assert top_left.x() >= 0 and top_left.y() >= 0, control.accessibleName()
        assert top_left.x() + control.width() <= bar.width(), control.accessibleName()
        assert top_left.y() + control.height() <= bar.height(), control.accessibleName()
    assert bar.search_edit.width() >= 220  # the search field takes the rest of its row


def _shoot(app: Composition, qtbot: QtBot, out: Path, options: Options) -> list[int]:
    codes: list[int] = []
    ScreenshotJob(
        app.window,
        app.loader,
        app.slideshow,
        out,
        view=options.view,
        select=options.select,
        size=QSize(*options.size),
        exit_app=codes.append,
    )
    start(app, options)
    qtbot.wait_until(lambda: bool(codes), timeout=20_000)
    return codes


@pytest.mark.parametrize("size", [(800, 600), (1024, 600), (400, 300)])
@pytest.mark.parametrize("view", ["grid", "photo", "article"])
def test_a_screenshot_has_the_size_asked_for(
    app: Composition, qtbot: QtBot, story: Path, tmp_path: Path, size: tuple[int, int], view: str
) -> None:
    out = tmp_path / "s.png"
    options = Options(path=story, screenshot=out, view=view, select=4, size=size)
    assert _shoot(app, qtbot, out, options) == [0]
    with Image.open(out) as image:
        assert image.size == size


@pytest.mark.parametrize("width", [800, 900, 1100])
def test_article_paragraphs_wrap_to_the_dock(
    app: Composition, qtbot: QtBot, story: Path, width: int
) -> None:
    window = app.window
    with qtbot.wait_signal(window.gallery_shown, timeout=10_000):
        start(app, Options(path=story))
    window.resize(width, 600)
    window.read_in_article(window.gallery.entries[3])
    pane = window.parts.article_pane
    scroll = pane.findChild(QScrollArea)
    assert scroll is not None
    viewport = scroll.viewport()
    qtbot.wait_until(lambda: pane.isVisible() and viewport.width() > 0)
    page = scroll.widget()
    labels = [w for w in page.findChildren(QLabel) if w.isVisible() and w.text()]
    assert labels
    for label in labels:
        right = label.mapTo(viewport, label.rect().topRight()).x()
        assert right <= viewport.width(), (label.text()[:40], right, viewport.width())
    assert scroll.horizontalScrollBar().maximum() == 0
    # The photo keeps most of the narrowed photo page.
    sizes = window.photo_splitter.sizes()
    assert sizes[1] <= max(window.parts.caption_panel.minimumWidth(), 0.41 * sum(sizes))
