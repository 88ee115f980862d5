# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening a folder of one's own photos in the composed app: progressive, catalogued,
thumbnailed into the shared cache, cancellable, watched, and relinkable."""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gallery_app.app import Composition, compose
from gallery_app.core.folders import scan as folder_scan
from gallery_app.core.gallery.manifest import save_manifest
from gallery_app.core.models import Entry, Gallery, ImageStatus
from gallery_app.core.store import thumbcache
from gallery_app.qt.loading import scanner as scanner_module
from gallery_app.ui.window.relink_action import RelinkAction
from tests.unit.photo_files import make_tagged_jpeg

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

DAYS = [5, None, 2, 9, None, 1, 7]  # reading order (by file name) is not date order


@pytest.fixture
def app(make_app: Callable[..., Composition]) -> Composition:
    return make_app(show=True)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "card"
    for i, day in enumerate(DAYS):
        taken = dt.datetime(2022, 3, day, 12) if day else None
        make_tagged_jpeg(root / f"img_{i}.jpg", taken=taken, caption=f"day {day}")
    return root


def _captions(parts: Composition) -> list[str]:
    return [e.caption for e in parts.window.parts.model.entries()]


def _is_sorted(entries: tuple[Entry, ...]) -> bool:
    keys = [(e.taken is None, e.taken.value if e.taken else None) for e in entries]
    dated = [k[1] for k in keys if not k[0]]
    undated_after = all(k[0] for k in keys[len(dated) :])
    return dated == sorted(dated) and undated_after  # type: ignore[type-var]


def test_a_folder_fills_the_grid_batch_by_batch_in_date_order(
    app: Composition, folder: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_batches = functools.partial(folder_scan.scan_folder, batch_size=2, batch_interval=60)
    monkeypatch.setattr(scanner_module, "scan_folder", small_batches)
    monkeypatch.setattr(scanner_module, "SLICE_SIZE", 2)  # each batch in its own turn,
    monkeypatch.setattr(scanner_module, "SLICE_RANGE", (2, 2))  # however cheap the inserts
    seen: list[int] = []
    model = app.window.parts.model
    app.loader.entries_added.connect(lambda _batch: seen.append(model.rowCount()))
    app.loader.entries_added.connect(lambda _batch: _check_sorted(model.entries()))
    with qtbot.wait_signal(app.loader.scan_finished, timeout=10000):
        app.window.open_path(folder)
    assert seen == [2, 4, 6, 7]  # visible as they were read, not at the end
    assert _captions(app) == [
        "day 1", "day 2", "day 5", "day 7", "day 9", "day None", "day None"
    ]  # fmt: skip
    assert app.window.windowTitle().startswith("card")
    assert app.window.count_label.text() == "7 of 7 photos shown"
    assert app.window.gallery is not None and len(app.window.gallery.entries) == 7
    # The grid's thumbnails land in the freedesktop cache that file managers share.
    files = [e.image for e in model.entries() if e.image is not None]
    qtbot.wait_until(lambda: all(thumbcache.lookup(f, "large") for f in files), timeout=10000)
    for file in files:
        texts = thumbcache.read_png_text(thumbcache.thumbnail_path(file, "large"))
        assert texts["Thumb::URI"] == file.resolve().as_uri()
        assert texts["Thumb::MTime"] == str(int(file.stat().st_mtime))


def _check_sorted(entries: tuple[Entry, ...]) -> None:
    assert _is_sorted(entries), [e.caption for e in entries]


def test_a_folder_seen_before_comes_from_the_catalog(
    app: Composition, folder: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    with qtbot.wait_signal(app.loader.scan_finished, timeout=10000):
        app.window.open_path(folder)
    first = _captions(app)

    def must_not_read(path: Path) -> object:
        raise AssertionError(f"{path} was read again")

    monkeypatch.setattr(folder_scan, "read_metadata", must_not_read)
    with qtbot.wait_signal(app.loader.scan_finished, timeout=10000) as finished:
        app.window.open_path(folder)
    assert _captions(app) == first
    assert finished.args[0].startswith("Read 7 photos")


def test_cancelling_leaves_a_usable_partial_gallery(
    app: Composition, folder: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = 0
    real_read = folder_scan.read_metadata
    cancelled = threading.Event()

    def read_then_cancel(path: Path, *rest: object) -> object:
        nonlocal reads
        reads += 1
        if reads == 3:
            app.loader.cancel_scan()  # as the Cancel button would
            cancelled.set()
        return real_read(path, *rest)

    monkeypatch.setattr(folder_scan, "read_metadata", read_then_cancel)
    with qtbot.wait_signal(app.loader.scan_finished, timeout=10000) as finished:
        app.window.open_path(folder)
    assert cancelled.is_set()
    assert "cancelled after 3 of 7" in finished.args[0]
    model = app.window.parts.model
    assert model.rowCount() == 3
    assert _is_sorted(model.entries())
    app.window.open_entry(model.entries()[0])  # the partial gallery works like any other
    assert app.window.current_entry == model.entries()[0]
    assert not app.loader.busy


def test_a_change_in_the_open_folder_keeps_the_selection(
    app: Composition, folder: Path, qtbot: QtBot
) -> None:
    with qtbot.wait_signal(app.loader.scan_finished, timeout=10000):
        app.window.open_path(folder)
    grid = app.window.parts.grid
    chosen = app.window.parts.model.entries()[3]
    assert grid.select_entry(chosen.id)
    with qtbot.wait_signal(app.loader.updated, timeout=10000):
        make_tagged_jpeg(folder / "new.jpg", taken=dt.datetime(2022, 3, 1, 6), caption="earliest")
    assert _captions(app)[0] == "earliest"
    current = grid.current_entry()
    assert current is not None and current.id == chosen.id


def test_relinking_finds_moved_photos_and_survives_a_restart(
    folder: Path, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    gallery_dir = tmp_path / "story"
    gallery_dir.mkdir()
    moved = tmp_path / "moved"
    moved.mkdir()
    photo = make_tagged_jpeg(gallery_dir / "img_2.jpg", caption="Crowds in the square")
    entries = (
        Entry(id="a", position=1, image=photo, caption="Crowds in the square"),
        Entry(id="b", position=2, image=None, caption="No photo for this one"),
    )
    save_manifest(Gallery(title="Story", entries=entries, id="story"), gallery_dir / "gallery.json")
    photo.rename(moved / "img_2.jpg")  # the photo moved away

    first = compose()
    qtbot.addWidget(first.window)
    with qtbot.wait_signal(first.window.gallery_shown, timeout=10000):
        first.window.open_path(gallery_dir)
    assert first.window.gallery.entries[0].image_status is ImageStatus.MISSING
    action = next(a for a in first.window.findChildren(RelinkAction))
    assert action.isEnabled()
    assert action in _file_menu_actions(first)
    action.choose_folder = lambda _window: moved  # type: ignore[method-assign]
    relinker = action._relinker
    with qtbot.wait_signal(relinker.relinked, timeout=10000):
        action.trigger()
    linked = first.window.parts.model.entries()[0]
    assert linked.image == (moved / "img_2.jpg").resolve()
    assert linked.image_status is ImageStatus.OK
    assert first.window.statusBar().currentMessage() == "Linked 1 photo."
    first.shut_down()

    again = compose()  # a restart: fresh objects, same user data folder
    qtbot.addWidget(again.window)
    with qtbot.wait_signal(again.window.gallery_shown, timeout=10000):
        again.window.open_path(gallery_dir)
    assert again.window.gallery.entries[0].image == (moved / "img_2.jpg").resolve()
    assert not (gallery_dir / "links.json").exists()  # the gallery's own folder untouched
    again.shut_down()


def _file_menu_actions(parts: Composition) -> list[object]:
    for top in parts.window.menuBar().actions():
        menu = top.menu()
        if menu is not None and parts.window.commands.open_file in menu.actions():
            return list(menu.actions())
    return []


def test_open_folder_action_opens_the_chosen_folder(
    app: Composition, folder: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gallery_app.ui.window import dialogs

    monkeypatch.setattr(dialogs, "choose_folder", lambda parent, start=None: folder)
    window = app.window
    assert window.commands.open_folder.shortcut().toString() == "Ctrl+Shift+O"
    assert window.commands.open_folder in _file_menu_actions(app)
    window.commands.open_folder.trigger()
    qtbot.wait_until(lambda: len(_captions(app)) == len(DAYS), timeout=10_000)
    assert window.windowTitle() == "card — Dateline"
