# SPDX-License-Identifier: GPL-3.0-or-later
"""The slideshow controller, driven without a window: order, timing, shuffle, preload."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSize, QThreadPool

from gallery_app.core.models import Entry, ImageInfo, ImageStatus, Precision, TakenAt
from gallery_app.qt.slideshow import (
    DEFAULT_INTERVAL_S,
    MAX_INTERVAL_S,
    SlideshowController,
    reading_seconds,
)
from gallery_app.qt.workers import ImageLoader


def make_entries(n: int = 11) -> list[Entry]:
    day = dt.datetime(2015, 3, 30)
    return [
        Entry(
            id=f"e{i}",
            position=i,
            caption=f"Photo number {i} in Tikrit.",
            taken=TakenAt(day, Precision.DAY, "caption"),
        )
        for i in range(1, n + 1)
    ]


def tick(ctl: SlideshowController) -> None:
    """What the timer does when a photo's dwell runs out."""
    assert ctl.timer.isActive()
    ctl.timer.timeout.emit()


@pytest.fixture
def ctl(qtbot) -> SlideshowController:
    controller = SlideshowController(rng=random.Random(7))
    yield controller
    controller.stop()


def test_starts_at_the_chosen_photo_and_counts_in_gallery_order(ctl, qtbot):
    entries = make_entries()
    with qtbot.wait_signal(ctl.current_changed) as blocker:
        ctl.start(entries, entries[3])
    assert blocker.args == [3, entries[3]]
    assert ctl.count() == 11
    assert ctl.timer.interval() == DEFAULT_INTERVAL_S * 1000
    tick(ctl)
    assert ctl.current() is entries[4]


def test_timer_advances_for_real(ctl, qtbot):
    entries = make_entries(3)
    ctl.set_interval(1)
    ctl.start(entries)
    with qtbot.wait_signal(ctl.current_changed, timeout=3000) as blocker:
        pass
    assert blocker.args == [1, entries[1]]


def test_without_loop_it_stops_after_the_last_photo(ctl, qtbot):
    entries = make_entries(3)
    ctl.set_loop(False)
    ctl.start(entries, entries[1])
    tick(ctl)
    assert ctl.current() is entries[2]
    with qtbot.wait_signal(ctl.finished):
        tick(ctl)
    assert not ctl.is_running()
    assert ctl.current() is entries[2]  # the last photo stays on screen
    ctl.next()
    assert ctl.current() is entries[2]


def test_with_loop_it_wraps_both_ways(ctl):
    entries = make_entries(3)
    ctl.start(entries, entries[2])
    tick(ctl)
    assert ctl.current() is entries[0]
    ctl.previous()
    assert ctl.current() is entries[2]


def test_pause_stops_the_clock_and_resume_restarts_the_dwell(ctl, qtbot):
    entries = make_entries(3)
    ctl.start(entries)
    with qtbot.wait_signal(ctl.paused_changed) as blocker:
        ctl.toggle_pause()
    assert blocker.args == [True]
    assert not ctl.timer.isActive()
    ctl.next()  # moving by hand while paused stays paused
    assert ctl.current() is entries[1]
    assert not ctl.timer.isActive()
    ctl.toggle_pause()
    assert ctl.timer.isActive()
    assert ctl.timer.remainingTime() > DEFAULT_INTERVAL_S * 1000 - 500


def test_home_and_end(ctl):
    entries = make_entries(5)
    ctl.start(entries, entries[2])
    ctl.end()
    assert ctl.position() == 4
    ctl.home()
    assert ctl.position() == 0


def test_interval_is_clamped_and_changes_while_running(ctl, qtbot):
    entries = make_entries(3)
    ctl.start(entries)
    with qtbot.wait_signal(ctl.interval_changed) as blocker:
        ctl.slower()
    assert blocker.args == [DEFAULT_INTERVAL_S + 1]
    assert ctl.timer.interval() == (DEFAULT_INTERVAL_S + 1) * 1000
    ctl.set_interval(0)
    assert ctl.interval == 1
    ctl.faster()
    assert ctl.interval == 1
    ctl.set_interval(1000)
    assert ctl.interval == MAX_INTERVAL_S


def test_reading_time_lengthens_the_dwell_for_long_captions_only(ctl):
    short = Entry(id="s", position=1, caption="Tikrit.")
    long = Entry(id="l", position=2, caption=" ".join(["word"] * 60))
    ctl.set_reading_time(True)
    assert ctl.dwell_ms(short) == DEFAULT_INTERVAL_S * 1000
    assert ctl.dwell_ms(long) == round(reading_seconds(long) * 1000)
    assert ctl.dwell_ms(long) > 18_000  # 60 words take a reader about 18 s
    ctl.set_reading_time(False)
    assert ctl.dwell_ms(long) == DEFAULT_INTERVAL_S * 1000


def test_shuffle_is_a_deck_each_photo_once_per_cycle_no_repeat_at_the_seam(qtbot):
    entries = make_entries(6)
    for seed in range(40):
        ctl = SlideshowController(rng=random.Random(seed))
        ctl.set_shuffle(True)
        ctl.start(entries, entries[2])
        assert ctl.current() is entries[2]
        shown = [ctl.current()]
        for _ in range(6 * 4 - 1):
            tick(ctl)
            shown.append(ctl.current())
        for cycle in range(4):
            deck = shown[cycle * 6 : cycle * 6 + 6]
            assert sorted(e.id for e in deck) == sorted(e.id for e in entries)
        assert all(a is not b for a, b in itertools.pairwise(shown))
        ctl.stop()


def test_turning_shuffle_off_keeps_the_current_photo(ctl):
    entries = make_entries(6)
    ctl.set_shuffle(True)
    ctl.start(entries, entries[4])
    tick(ctl)
    now = ctl.current()
    ctl.set_shuffle(False)
    assert ctl.current() is now
    assert ctl.position() == entries.index(now)


def test_empty_selection_finishes_at_once(ctl, qtbot):
    with qtbot.wait_signal(ctl.finished):
        ctl.start([])
    assert ctl.current() is None
    assert not ctl.is_running()


def test_stop_returns_the_photo_shown(ctl):
    entries = make_entries(4)
    ctl.start(entries, entries[1])
    tick(ctl)
    assert ctl.stop() is entries[2]
    assert not ctl.timer.isActive()


def _photo(tmp_path: Path, name: str, colour: str) -> Entry:
    path = tmp_path / f"{name}.jpg"
    Image.new("RGB", (640, 480), colour).save(path, "JPEG")
    return Entry(id=name, position=0, image=path, info=ImageInfo(ImageStatus.OK, 640, 480))


def test_next_image_is_decoded_ahead_off_the_gui_thread(qtbot, tmp_path):
    pool = QThreadPool()
    loader = ImageLoader(pool)
    ctl = SlideshowController(loader)
    ctl.set_target_size(QSize(320, 240))
    first = _photo(tmp_path, "a", "red")
    second = _photo(tmp_path, "b", "blue")
    card = Entry(id="card", position=2, caption="Photo not included.")
    ready: list[str] = []
    ctl.image_ready.connect(lambda entry, image: ready.append(entry.id))
    ctl.start([first, second, card])
    qtbot.wait_until(lambda: {"a", "b"} <= set(ready))
    image = ctl.image_for(second)
    assert image is not None and image.size() == QSize(320, 240)
    assert image.pixelColor(10, 10).blue() > 200
    tick(ctl)  # to "b": already there, nothing to wait for
    assert ctl.image_for(second) is not None
    assert ctl.image_for(card) is None  # no file: the window draws the card
    ctl.stop()
    pool.waitForDone()
