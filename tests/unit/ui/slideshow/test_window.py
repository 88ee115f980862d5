# SPDX-License-Identifier: GPL-3.0-or-later
"""The full-screen slideshow window: keys, overlay, cross-fade, Esc back to the photo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QThreadPool

from gallery_app.core.models import Entry, ImageInfo, ImageStatus
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.slideshow.window import SlideshowWindow
from tests.unit.ui.story_gallery import iraq_gallery

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def show(qtbot):
    controller = SlideshowController()
    window = SlideshowWindow(controller)
    window.set_crossfade(False)
    qtbot.addWidget(window)
    window.resize(960, 600)
    entries = list(iraq_gallery().entries)
    controller.start(entries, entries[2])
    window.present(fullscreen=False)
    qtbot.wait_exposed(window)
    yield controller, window, entries
    controller.stop()


def test_opens_at_the_chosen_photo_with_its_caption_data(show):
    _controller, window, entries = show
    assert window.current_entry() is entries[2]
    assert window.accessibleDescription() == (
        "3 of 11. Monday 30 March 2015. Tikrit, Iraq. ASSOCIATED PRESS"
    )
    assert window.overlay_visible()


def test_keys_move_pause_and_change_the_interval(show, qtbot):
    controller, window, entries = show
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.current_entry() is entries[3]
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.current_entry() is entries[2]
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert window.current_entry() is entries[-1]
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert window.current_entry() is entries[0]
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert controller.is_paused()
    assert window.note() == "Paused"
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not controller.is_paused()
    qtbot.keyClicks(window, "+")
    assert controller.interval == 6
    assert window.note() == "Interval 6 s"
    qtbot.wait_until(lambda: window.note() == "", timeout=5000)  # the note goes away


def test_i_and_c_toggle_the_caption_overlay(show, qtbot):
    _controller, window, _entries = show
    qtbot.keyClicks(window, "i")
    assert not window.overlay_visible()
    window.grab()  # the full card, captions first, paints
    qtbot.keyClicks(window, "c")
    assert window.overlay_visible()


def test_escape_leaves_at_the_photo_being_shown(show, qtbot):
    controller, window, entries = show
    qtbot.keyClick(window, Qt.Key.Key_Right)
    with qtbot.wait_signal(window.closed) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert blocker.args == [entries[3]]
    assert not controller.is_running()
    assert not window.isVisible()


def test_timer_moves_the_window_on(show):
    controller, window, entries = show
    controller.timer.timeout.emit()
    assert window.current_entry() is entries[3]
    assert window.accessibleDescription().startswith("4 of 11.")


def test_crossfade_blends_then_settles(show, qtbot):
    controller, window, _entries = show
    window.set_crossfade(True)
    controller.next()
    assert window.is_fading()
    qtbot.wait_until(lambda: not window.is_fading(), timeout=3000)
    window.set_crossfade(False)
    controller.next()
    assert not window.is_fading()


def test_end_of_a_show_without_loop_says_so(show, qtbot):
    controller, window, _entries = show
    controller.set_loop(False)
    controller.end()
    with qtbot.wait_signal(controller.finished):
        controller.timer.timeout.emit()
    assert window.note().startswith("End of slideshow")
    assert window.isVisible()  # the last photo stays until Esc


def _photo(tmp_path: Path, name: str) -> Entry:
    path = tmp_path / f"{name}.png"
    Image.new("RGB", (400, 300), "green").save(path)
    return Entry(
        id=name,
        position=1,
        image=path,
        caption="A photo.",
        credit="Test Credit",
        info=ImageInfo(ImageStatus.OK, 400, 300),
    )


def test_real_image_is_decoded_off_thread_then_shown(qtbot, tmp_path):
    pool = QThreadPool()
    controller = SlideshowController(ImageLoader(pool))
    window = SlideshowWindow(controller)
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.present(fullscreen=False)
    entry = _photo(tmp_path, "green")
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a jpeg")
    bad = Entry(id="bad", position=2, image=broken, caption="Broken file.")
    with qtbot.wait_signal(window.ready, timeout=5000):
        controller.start([entry, bad])
    frame = window.grab().toImage()
    assert frame.pixelColor(400, 150).green() > 100  # the photo, not a black frame
    with qtbot.wait_signal(window.ready, timeout=5000):
        controller.next()
    window.grab()  # "Photo could not be read" card
    controller.stop()
    pool.waitForDone()


def test_markup_in_captions_is_not_interpreted(qtbot):
    controller = SlideshowController()
    window = SlideshowWindow(controller)
    qtbot.addWidget(window)
    entry = Entry(
        id="x",
        position=1,
        caption="<b>bold</b> <a href='http://x'>link</a>",
        credit="<i>Credit</i>",
    )
    controller.start([entry])
    assert window.accessibleDescription().endswith("<i>Credit</i>")
    window.resize(640, 480)
    window.grab()
    controller.stop()


def test_the_window_can_be_used_for_a_second_show(show, qtbot):
    controller, window, entries = show
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    controller.start(entries, entries[0])
    window.show()
    qtbot.wait_exposed(window)
    with qtbot.wait_signal(window.closed) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert blocker.args == [entries[0]]
    assert not window.isVisible()


def test_card_tells_the_caption_once_with_the_overlay_on_or_off(show, qtbot):
    """Captions first: the card carries the caption; the band does not repeat it."""
    _controller, window, entries = show
    head, caption, credit = window._overlay_texts(entries[2])
    assert head.startswith("3 of 11 · Monday 30 March 2015") and credit == "ASSOCIATED PRESS"
    assert caption == "", "the card already shows the caption"
    with_band = window.grab().toImage()
    qtbot.keyClick(window, Qt.Key.Key_I)
    without_band = window.grab().toImage()
    assert with_band != without_band
    # The card is dark in any theme: the show is black, a light card would glare.
    middle = without_band.pixelColor(window.width() // 2, window.height() // 2)
    assert middle.lightnessF() < 0.3


def test_the_band_names_a_photo_without_a_caption(show, tmp_path):
    """A wallpaper has no caption: the band says which picture it is."""
    from dataclasses import replace

    _controller, window, entries = show
    photo = tmp_path / "Kite" / "contents" / "images" / "1920x1080.jpg"
    entry = replace(entries[2], caption="", title=None, image=photo)
    window._shows_card = lambda: False  # as when the photo itself is on screen
    _head, caption, _credit = window._overlay_texts(entry)
    assert "Kite · 1920x1080.jpg" in caption


def test_a_video_in_the_show_is_a_video_card_not_a_failure(qtbot, tmp_path, monkeypatch):
    from gallery_app.ui.slideshow import window as window_module

    headlines: list[str | None] = []
    real_paint = window_module.paint_placeholder_card

    def spy(painter, area, entry, palette, *, compact, status=None):
        headlines.append(status)
        return real_paint(painter, area, entry, palette, compact=compact, status=status)

    monkeypatch.setattr(window_module, "paint_placeholder_card", spy)
    pool = QThreadPool()
    controller = SlideshowController(ImageLoader(pool))
    window = SlideshowWindow(controller)
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.present(fullscreen=False)
    clip = tmp_path / "harbour.mp4"
    clip.write_bytes(b"\x00\x00\x00\x14ftypisom\x00\x00\x02\x00isom")
    info = ImageInfo(ImageStatus.UNREADABLE, 640, 360, None, 42)
    video = Entry(id="clip", position=1, image=clip, info=info)
    with qtbot.wait_signal(window.ready, timeout=5000):
        controller.start([video])
    window.grab()
    assert headlines and headlines[-1] == "Video · 0:42"
    controller.stop()
    pool.waitForDone()
