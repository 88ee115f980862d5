# SPDX-License-Identifier: GPL-3.0-or-later
"""The file-type switch of the filter bar: one choice hides videos and files that
cannot be shown (and RAWs, if asked) in the grid, photo navigation, slideshow,
timeline and map alike, says so in the status bar, and is there next session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gallery_app.app import Composition
from gallery_app.core.gallery.file_types import FileType
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.map_marks import _passes
from gallery_app.qt.settings import Settings
from tests.unit.photo_files import make_tagged_jpeg

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

DAY = dt.datetime(2022, 3, 5, 12)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "card"
    make_tagged_jpeg(root / "a_photo.jpg", taken=DAY, caption="a photo")
    make_tagged_jpeg(root / "b_photo.jpg", taken=DAY, caption="another photo")
    Image.new("RGB", (60, 40), "blue").save(root / "c_raw.dng", format="TIFF")
    (root / "d_clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom")
    (root / "e_broken.jpg").write_bytes(b"not a picture at all" * 4)
    return root


def _grid_names(app: Composition) -> list[str]:
    return sorted(e.image.name for e in app.window.visible_entries() if e.image is not None)


def test_the_switch_hides_videos_and_unreadable_files_everywhere(
    make_app: Callable[..., Composition], folder: Path, qtbot: QtBot
) -> None:
    app = make_app((1180, 760), show=True)
    window = app.window
    with qtbot.wait_signal(app.loader.scan_finished, timeout=15000):
        window.open_path(folder)
    assert len(_grid_names(app)) == 5
    timeline = window.parts.timeline
    qtbot.wait_until(lambda: timeline.bar_count() == 2)  # March 5, and the undated
    assert timeline.search_counts() is None  # nothing hidden: plain bars
    bar = window.parts.filter_bar
    status = window.parts.file_types_status
    assert status.isHidden()

    combo = bar.types_combo
    assert combo.accessibleName() == "File types"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # keyboard: "Photos and RAW"
    assert combo.currentText() == "Photos and RAW"
    assert _grid_names(app) == ["a_photo.jpg", "b_photo.jpg", "c_raw.dng"]
    assert window.count_label.text() == "3 of 5 photos shown"
    assert status.isVisible()
    assert "Videos" in status.label.text()
    # The timeline counts only what is shown; photo navigation steps over the rest.
    assert timeline.search_counts() == [2]  # the two photos of March 5 (the RAW is undated)
    window.nav.go_to_end(first=False)
    assert window.current_entry is not None
    assert window.current_entry.image is not None
    assert window.current_entry.image.name == "c_raw.dng"
    # The map's marks follow the same filter.
    entries = {e.image.name: e for e in window.parts.model.entries() if e.image is not None}
    assert not _passes(entries["d_clip.mp4"], app.filter_state.value)
    assert _passes(entries["a_photo.jpg"], app.filter_state.value)

    qtbot.keyClick(combo, Qt.Key.Key_Down)  # "Photos only"
    assert _grid_names(app) == ["a_photo.jpg", "b_photo.jpg"]
    assert "RAW" in status.label.text()

    qtbot.mouseClick(status.show_all_button, Qt.MouseButton.LeftButton)
    assert len(_grid_names(app)) == 5
    assert combo.currentText() == "All files"
    assert status.isHidden()


def test_another_gallery_keeps_the_choice(
    make_app: Callable[..., Composition], folder: Path, qtbot: QtBot
) -> None:
    app = make_app()
    app.filter_state.set_hidden_types(frozenset({FileType.VIDEO, FileType.OTHER}))
    app.filter_state.set_text("photo")
    with qtbot.wait_signal(app.loader.scan_finished, timeout=15000):
        app.window.open_path(folder)
    assert app.filter_state.value.text == ""  # a search is for one gallery
    assert app.filter_state.value.hidden_types == {FileType.VIDEO, FileType.OTHER}
    assert app.window.parts.filter_bar.types_combo.currentText() == "Photos and RAW"


def test_the_choice_is_kept_for_the_next_session(tmp_path: Path) -> None:
    path = tmp_path / "dateline.ini"
    settings = Settings(path)
    state = FilterState(settings=settings)
    assert state.value.hidden_types == frozenset()
    state.set_hidden_types(frozenset({FileType.RAW, FileType.VIDEO, FileType.OTHER}))
    state.clear()  # a different gallery: dates and search go, the choice stays
    settings.sync()

    again = FilterState(settings=Settings(path))
    assert again.value.hidden_types == {FileType.RAW, FileType.VIDEO, FileType.OTHER}
