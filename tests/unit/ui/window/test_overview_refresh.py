# SPDX-License-Identifier: GPL-3.0-or-later
"""The timeline and the date filter fill in while a long scan is still reading,
and settle on the whole folder once it ends — without rebuilding in the same
stall as the grid."""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from gallery_app.app import Composition
from gallery_app.core.folders import scan as folder_scan
from gallery_app.qt.loading import scanner as scanner_module
from tests.unit.photo_files import make_tagged_jpeg

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

DAYS = [3, 1, 4, 1, 5, 9, 2, 6]


@pytest.fixture
def app(make_app: Callable[..., Composition]) -> Composition:
    return make_app(show=True)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "card"
    for i, day in enumerate(DAYS):
        make_tagged_jpeg(root / f"img_{i}.jpg", taken=dt.datetime(2022, 3, day, 12))
    return root


def _day_presets(app: Composition) -> int:
    return app.window.parts.filter_bar.preset_combo.count() - 1  # minus "All dates"


def test_timeline_and_date_filter_fill_in_during_a_scan(
    app: Composition, folder: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    batches = {"n": 0}

    def paused_scan(*args: Any, **kwargs: Any) -> Any:
        on_batch = kwargs["on_batch"]

        def hold_after_two(batch: list[Any]) -> None:
            on_batch(batch)
            batches["n"] += 1
            if batches["n"] == 2:
                release.wait(10)

        kwargs["on_batch"] = hold_after_two
        return folder_scan.scan_folder(*args, **kwargs, batch_size=2, batch_interval=60)

    monkeypatch.setattr(scanner_module, "scan_folder", paused_scan)
    timeline = app.window.parts.timeline
    try:
        app.window.open_path(folder)
        # Four photos read, the scan still running: the overview already shows them.
        qtbot.wait_until(lambda: app.window.parts.model.rowCount() == 4, timeout=5000)
        qtbot.wait_until(lambda: timeline.timeline().total == 4, timeout=5000)
        qtbot.wait_until(lambda: _day_presets(app) == 3, timeout=5000)  # days 3, 1, 4
        assert app.loader.scanning
    finally:
        release.set()
    with qtbot.wait_signal(app.loader.scan_finished, timeout=10000):
        pass
    qtbot.wait_until(lambda: _day_presets(app) == len(set(DAYS)), timeout=5000)
    qtbot.wait_until(lambda: timeline.timeline().total == len(DAYS), timeout=5000)


def test_a_finished_scan_keeps_the_overview_of_the_whole_folder(
    app: Composition, folder: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = functools.partial(folder_scan.scan_folder, batch_size=3, batch_interval=60)
    monkeypatch.setattr(scanner_module, "scan_folder", small)
    with qtbot.wait_signal(app.loader.scan_finished, timeout=10000):
        app.window.open_path(folder)
    qtbot.wait_until(lambda: _day_presets(app) == len(set(DAYS)), timeout=5000)
    qtbot.wait_until(lambda: not app.window.overview.pending(), timeout=5000)
    assert app.window.parts.timeline.timeline().total == len(DAYS)
    assert app.window.count_label.text() == f"{len(DAYS)} of {len(DAYS)} photos shown"
