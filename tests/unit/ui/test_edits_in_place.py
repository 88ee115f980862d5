# SPDX-License-Identifier: GPL-3.0-or-later
"""A photo or sidecar rewritten in place (same file, no rename: the directory hears
nothing) still updates its card in the open window, with no input from the user."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gallery_app.app import Composition
from gallery_app.qt.loading import folder_watch
from gallery_app.qt.models.photos import EntryRole
from tests.imaging import xmp_packet
from tests.unit.photo_files import make_tagged_jpeg

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

DAY = dt.datetime(2022, 3, 5, 12)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "card"
    make_tagged_jpeg(root / "a.jpg", taken=DAY, caption="as shot")
    make_tagged_jpeg(root / "b.jpg", taken=DAY + dt.timedelta(hours=1), caption="second photo")
    (root / "b.xmp").write_bytes(xmp_packet(description="from the sidecar"))
    return root


def _card_captions(app: Composition) -> list[str]:
    """What the grid's cards say, as the grid reads it from its model."""
    grid = app.window.parts.grid
    model = grid.model()
    return [model.index(row, 0).data(EntryRole).caption for row in range(model.rowCount())]


def _rewrite_in_place(path: Path, data: bytes) -> None:
    inode = path.stat().st_ino
    with path.open("r+b") as fh:  # the same file: no new directory entry, no rename
        fh.write(data)
        fh.truncate()
    assert path.stat().st_ino == inode


@pytest.fixture
def app(make_app: Callable[..., Composition], folder: Path, qtbot: QtBot) -> Composition:
    app = make_app(show=True)
    with qtbot.wait_signal(app.loader.scan_finished, timeout=15000):
        app.window.open_path(folder)
    assert _card_captions(app) == ["as shot", "from the sidecar"]
    watched = app.scanner._folder_watch.watched
    qtbot.wait_until(lambda: str(folder / "b.xmp") in watched()[1], timeout=10000)
    assert str(folder / "a.jpg") in watched()[1]
    return app


def test_a_photo_edited_in_place_updates_its_card(app: Composition, folder: Path, qtbot: QtBot):
    edited = folder.parent / "edited.jpg"
    make_tagged_jpeg(edited, taken=DAY, caption="caption corrected in place")
    with qtbot.wait_signal(app.loader.updated, timeout=15000):
        _rewrite_in_place(folder / "a.jpg", edited.read_bytes())
    qtbot.wait_until(lambda: _card_captions(app)[0] == "caption corrected in place")


def test_a_sidecar_edited_in_place_updates_its_card(app: Composition, folder: Path, qtbot: QtBot):
    with qtbot.wait_signal(app.loader.updated, timeout=15000):
        _rewrite_in_place(folder / "b.xmp", xmp_packet(description="sidecar edited in place"))
    qtbot.wait_until(lambda: _card_captions(app)[1] == "sidecar edited in place")


def test_the_files_watched_are_bounded_and_sidecars_follow_their_photo(tmp_path: Path):
    for name in ("1.jpg", "2.jpg", "2.JPG.xmp", "2.xmp", "3.jpg"):
        (tmp_path / name).write_bytes(b"x")
    photos = [str(tmp_path / n) for n in ("1.jpg", "2.jpg", "3.jpg")]
    assert folder_watch.files_to_watch(photos) == [
        photos[0],
        photos[1],
        str(tmp_path / "2.xmp"),
        photos[2],
    ]
    assert folder_watch.files_to_watch(photos, limit=2) == photos[:2]


def test_a_watch_closed_before_its_sidecars_are_found_is_quiet(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
):
    import threading

    import shiboken6
    from PySide6.QtCore import QThreadPool

    from gallery_app.core.models import Entry, Gallery

    # The worker finds the sidecars only once the test listens for its report: without
    # this gate a fast worker reported before ``wait_signal`` connected (a flaky timeout).
    gate = threading.Event()
    real = folder_watch.files_to_watch

    def gated(photos: list[str], limit: int = folder_watch.MAX_WATCHED_FILES) -> list[str]:
        gate.wait(10)
        return real(photos, limit)

    monkeypatch.setattr(folder_watch, "files_to_watch", gated)
    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"x")
    pool = QThreadPool()
    watch = folder_watch.FolderWatch(pool)
    watch.watch(tmp_path, Gallery(title="t", entries=(Entry(id="a", position=1, image=photo),)))
    relay = watch._relay
    assert relay is not None
    with qtbot.wait_signal(relay.done, timeout=10000):
        shiboken6.delete(watch)  # the window closed; the worker still reports
        gate.set()
    pool.waitForDone()
