# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening one gallery after another in the composed app, as a user does.

What was asked for on the command line (dates, a slideshow) belongs to the
first gallery only; a different gallery starts unfiltered; a photo that was
opened by name is the one shown, even when the folder scan delivers it late;
a slideshow of the old gallery does not come back with a stranger's photo.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gallery_app.app import Composition, Options, start
from gallery_app.core.folders import scan as folder_scan
from gallery_app.core.gallery.manifest import save_manifest
from gallery_app.qt.loading import scanner as scanner_module
from gallery_app.qt.loading.session import OpenRequest
from gallery_app.ui.window.main_window import GRID_PAGE, PHOTO_PAGE
from tests.unit.photo_files import make_tagged_jpeg
from tests.unit.ui.shell_fixtures import make_gallery

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def app(make_app: Callable[..., Composition]) -> Composition:
    return make_app()


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """The 11-entry Iraq gallery (March 30 – April 3, 2015) as a manifest."""
    folder = tmp_path / "story"
    folder.mkdir()
    save_manifest(make_gallery(), folder / "gallery.json")
    return folder / "gallery.json"


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    """Three photos of June 2023, a folder the Iraq filter would hide entirely."""
    folder = tmp_path / "june"
    for i in range(3):
        make_tagged_jpeg(
            folder / f"p{i}.jpg", taken=dt.datetime(2023, 6, i + 1, 10), caption=f"June {i + 1}"
        )
    return folder


def _open(app: Composition, qtbot: QtBot, path: Path | None) -> None:
    """Open ``path`` and wait until the whole gallery is on screen (a folder: scanned)."""
    loader = app.loader
    with qtbot.wait_signal(app.window.gallery_shown, timeout=10_000):
        app.window.open_path(path)
    qtbot.wait_until(lambda: not loader.busy, timeout=10_000)


def test_a_different_gallery_starts_unfiltered(
    app: Composition, qtbot: QtBot, story: Path, photos: Path
) -> None:
    app.window.show()
    _open(app, qtbot, story)
    app.filter_state.set_date_range(dt.date(2015, 4, 3), dt.date(2015, 4, 3))
    app.filter_state.set_text("Tikrit")
    assert app.window.count_label.text() == "4 of 11 photos shown"

    _open(app, qtbot, photos)
    assert app.filter_state.value.is_empty
    assert app.window.count_label.text() == "3 of 3 photos shown"
    assert app.window.parts.filter_bar.search_edit.text() == ""


def test_an_update_of_the_same_gallery_keeps_the_filter(
    app: Composition, qtbot: QtBot, photos: Path
) -> None:
    app.window.show()
    _open(app, qtbot, photos)
    app.filter_state.set_date_range(dt.date(2023, 6, 2), dt.date(2023, 6, 3))
    assert app.window.count_label.text() == "2 of 3 photos shown"
    with qtbot.wait_signal(app.loader.updated, timeout=10_000):  # the watched folder changes
        make_tagged_jpeg(photos / "p9.jpg", taken=dt.datetime(2023, 6, 3, 12), caption="late")
    assert app.window.count_label.text() == "3 of 4 photos shown"
    assert app.filter_state.value.date_from == dt.date(2023, 6, 2)


def test_from_and_to_apply_to_the_first_gallery_only(
    app: Composition, qtbot: QtBot, story: Path, photos: Path
) -> None:
    options = Options(path=story, date_from=dt.date(2015, 3, 30), date_to=dt.date(2015, 3, 30))
    with qtbot.wait_signal(app.window.gallery_shown, timeout=10_000):
        start(app, options)
    assert app.window.isVisible() and not app.window.isFullScreen()
    assert app.window.count_label.text() == "5 of 11 photos shown"
    _open(app, qtbot, photos)
    assert app.window.count_label.text() == "3 of 3 photos shown"


def test_slideshow_option_starts_one_show_only(
    app: Composition, qtbot: QtBot, story: Path, photos: Path
) -> None:
    show = app.window.parts.slideshow_window
    with qtbot.wait_signal(show.ready, timeout=10_000):
        start(app, Options(path=story, slideshow=True))
    assert show.isVisible()
    assert show.current_entry() is not None and show.current_entry().id == "e1"
    qtbot.keyClick(show, "\x1b")  # Esc
    show.leave()
    qtbot.wait_until(lambda: not show.isVisible())

    _open(app, qtbot, photos)
    assert not show.isVisible()
    assert not app.slideshow.is_running()


def test_fullscreen_option_opens_the_window_full_screen(
    app: Composition, qtbot: QtBot, story: Path
) -> None:
    with qtbot.wait_signal(app.window.gallery_shown, timeout=10_000):
        start(app, Options(path=story, fullscreen=True))
    qtbot.wait_until(app.window.isFullScreen)


def test_a_slideshow_of_a_folder_starts_once_the_scan_is_done(
    app: Composition, qtbot: QtBot, photos: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder arrives batch by batch; the show waits for all of its photos."""
    small = functools.partial(folder_scan.scan_folder, batch_size=1, batch_interval=60)
    monkeypatch.setattr(scanner_module, "scan_folder", small)
    show = app.window.parts.slideshow_window
    with qtbot.wait_signal(show.ready, timeout=10_000):
        start(app, Options(path=photos, slideshow=True))
    assert app.slideshow.count() == 3


@pytest.mark.parametrize("batch_size", [1, 1000])
def test_opening_a_photo_shows_that_photo(
    app: Composition,
    qtbot: QtBot,
    photos: Path,
    monkeypatch: pytest.MonkeyPatch,
    batch_size: int,
) -> None:
    """As in any viewer: the photo opened (by name, "Open with", a drop, a second
    launch) is the one shown, in its folder — not the folder's first photo; also
    when the scan delivers it in a later batch."""
    small = functools.partial(folder_scan.scan_folder, batch_size=batch_size, batch_interval=60)
    monkeypatch.setattr(scanner_module, "scan_folder", small)
    app.window.show()
    _open(app, qtbot, photos / "p1.jpg")
    window = app.window
    qtbot.wait_until(lambda: window.current_entry is not None, timeout=10_000)
    assert window.stack.currentIndex() == PHOTO_PAGE
    assert window.current_entry.caption == "June 2"
    assert window.parts.grid.current_entry().caption == "June 2"
    assert window.parts.caption_panel.position.text().startswith("2 of 3")
    assert window.count_label.text() == "3 of 3 photos shown"


def test_a_folder_opens_at_its_first_photo_on_the_grid(
    app: Composition, qtbot: QtBot, photos: Path
) -> None:
    app.window.show()
    _open(app, qtbot, photos)
    assert app.window.stack.currentIndex() == GRID_PAGE
    assert app.window.parts.grid.current_entry().caption == "June 1"


def test_a_photo_hidden_by_the_filter_is_still_shown_when_asked_for(
    app: Composition, qtbot: QtBot, photos: Path
) -> None:
    app.window.show()
    _open(app, qtbot, photos)
    app.filter_state.set_date_range(dt.date(2023, 6, 1), dt.date(2023, 6, 1))
    with qtbot.wait_signal(app.window.current_changed, timeout=10_000):
        app.window.open_request(OpenRequest(photos / "p2.jpg"))
    assert app.window.current_entry.caption == "June 3"
    assert app.window.count_label.text() == "3 of 3 photos shown"


def test_leaving_a_slideshow_after_the_gallery_changed_stays_in_the_new_one(
    app: Composition, qtbot: QtBot, story: Path, photos: Path
) -> None:
    """A second launch hands over a folder during a show: the show ends, and the
    window shows the new gallery rather than an old entry labelled "1 of 3"."""
    app.window.show()
    _open(app, qtbot, story)
    show = app.window.parts.slideshow_window
    with qtbot.wait_signal(show.ready, timeout=10_000):
        app.window.start_slideshow(fullscreen=False)
    _open(app, qtbot, photos)
    assert not show.isVisible()
    assert app.window.stack.currentIndex() == GRID_PAGE
    assert app.window.current_entry is None
    assert app.window.parts.grid.current_entry().caption == "June 1"
    assert app.window.commands.slideshow.isEnabled()


def test_a_slow_relink_does_not_replace_the_gallery_opened_meanwhile(
    app: Composition, qtbot: QtBot, story: Path, photos: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Relink started on gallery A, folder B opened before it finished: B stays."""
    import threading

    from gallery_app.qt.loading import relinker as relinker_module
    from gallery_app.ui.window.relink_action import RelinkAction

    gate = threading.Event()
    real = relinker_module._relink_missing

    def slow(gallery, folder, catalog):  # type: ignore[no-untyped-def]
        gate.wait(10)
        return real(gallery, folder, catalog)

    monkeypatch.setattr(relinker_module, "_relink_missing", slow)
    story_dir = story.parent
    save_manifest(make_gallery(story_dir), story)  # e1 is story/one.jpg ...
    found = story_dir.parent / "found"
    found.mkdir()
    (story_dir / "one.jpg").rename(found / "one.jpg")  # ... which moved away
    app.window.show()
    _open(app, qtbot, story)
    action = next(iter(app.window.findChildren(RelinkAction)))
    action.choose_folder = lambda _window: found  # type: ignore[method-assign]
    action.trigger()
    _open(app, qtbot, photos)
    with qtbot.wait_signal(action._relinker.relinked, timeout=10_000) as relinked:
        gate.set()
    assert relinked.args[1] == 1  # the photo was found and its link kept for gallery A
    assert app.window.windowTitle() == "june — Dateline"
    assert [e.caption for e in app.window.parts.model.entries()] == ["June 1", "June 2", "June 3"]
    assert app.window.count_label.text() == "3 of 3 photos shown"

    _open(app, qtbot, story)  # and A, opened again, has its photo
    assert app.window.gallery.entries[0].image == (found / "one.jpg").resolve()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_second_launch_with_slideshow_starts_one_in_the_running_window(
    app: Composition, qtbot: QtBot, story: Path, photos: Path
) -> None:
    """The desktop entry's "Slideshow" action while Dateline runs."""
    from gallery_app.app import on_handover
    from gallery_app.qt.single_instance import Handover

    app.window.show()
    _open(app, qtbot, story)
    show = app.window.parts.slideshow_window
    with qtbot.wait_signal(show.ready, timeout=10_000):
        on_handover(app, Handover(paths=[str(photos / "p1.jpg")], slideshow=True))
    assert app.window.windowTitle() == "june — Dateline"
    assert show.current_entry().caption == "June 2"  # from the photo handed over
    assert app.slideshow.count() == 3
    show.leave()
    qtbot.wait_until(lambda: not show.isVisible())

    on_handover(app, Handover(date_from=dt.date(2023, 6, 3)))  # flags alone: this gallery
    assert app.window.count_label.text() == "1 of 3 photos shown"
