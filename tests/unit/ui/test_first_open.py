# SPDX-License-Identifier: GPL-3.0-or-later
"""First open of a folder with an empty cache: every visible tile is painted with no input,
the first photo is selected and the timeline marker follows it."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gallery_app.app import Composition
from gallery_app.core.folders import scan as folder_scan
from gallery_app.qt.loading import scanner as scanner_module
from gallery_app.qt.models.photos import ThumbnailState, ThumbnailStateRole
from gallery_app.ui.grid.prefetch import visible_rows
from tests.unit.photo_files import make_tagged_jpeg

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "wallpapers"
    for i in range(60):
        taken = dt.datetime(2007 + i % 14, 1 + i % 12, 1 + i % 27, 12)
        make_tagged_jpeg(root / f"wall_{i:03}.jpg", taken=taken, caption="")
    return root


def _visible_states(app: Composition) -> list[object]:
    grid = app.window.parts.grid
    model = grid.model()
    return [model.index(row, 0).data(ThumbnailStateRole) for row in visible_rows(grid, 0.0)]


def test_every_visible_tile_is_painted_without_input(
    make_app: Callable[..., Composition],
    folder: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small_batches = functools.partial(folder_scan.scan_folder, batch_size=7, batch_interval=60)
    monkeypatch.setattr(scanner_module, "scan_folder", small_batches)
    app = make_app(show=True)
    with qtbot.wait_signal(app.loader.scan_finished, timeout=20000):
        app.window.open_path(folder)

    def all_painted() -> bool:
        states = _visible_states(app)
        return bool(states) and all(s == ThumbnailState.READY for s in states)

    qtbot.wait_until(all_painted, timeout=20000)  # no scroll, no hover: nothing but time
    grid = app.window.parts.grid
    first = grid.model().index(0, 0)
    assert grid.currentIndex() == first
    entry = app.window.nav.grid_current_entry()
    assert entry is not None and entry.taken is not None
    timeline = app.window.parts.timeline
    assert timeline.current_index() == timeline.timeline().index_of(entry.taken.value)
