# SPDX-License-Identifier: GPL-3.0-or-later
"""Background work waits for a gallery's first screen: painted, its thumbnails in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QThreadPool, Signal
from pytestqt.qtbot import QtBot

from gallery_app.core.checks.findings import Kind
from gallery_app.core.checks.run import check_entry
from gallery_app.core.loader import load_gallery
from gallery_app.qt.checks import FindingsBook
from gallery_app.qt.models.photos import PhotoModel
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.window.first_screen import FirstScreen, hold_for_first_screen


class _Window(QObject):
    """The window's and loader's signals in one object (``parts.model`` is itself)."""

    gallery_shown = Signal(object)
    updated = Signal(object)
    thumbnails_idle = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.parts = self
        self.model = self


class _Scanner:
    def __init__(self) -> None:
        self.ready = 0
        self.held_until_asked = False

    def hold_until_asked(self) -> None:
        self.held_until_asked = True

    def screen_ready(self) -> None:
        self.ready += 1


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    pool = QThreadPool()
    yield pool
    pool.waitForDone(10_000)


def test_it_settles_once_the_shown_gallerys_thumbnails_are_in(qtbot: QtBot) -> None:
    window = _Window()
    first = FirstScreen([window.gallery_shown, window.updated], window.thumbnails_idle, window)
    settled: list[bool] = []
    first.settled.connect(lambda: settled.append(True))
    window.thumbnails_idle.emit()  # before any gallery: nothing to say
    assert settled == []
    window.gallery_shown.emit(None)
    assert first.is_waiting()
    window.thumbnails_idle.emit()
    window.thumbnails_idle.emit()  # later thumbnails (a scroll) say nothing more
    assert settled == [True] and not first.is_waiting()
    window.updated.emit(None)  # a newer version of the gallery: its screen is waited for again
    with qtbot.wait_signal(first.settled, timeout=5_000):
        window.thumbnails_idle.emit()


def test_with_nothing_to_fetch_it_settles_after_the_longest_wait(qtbot: QtBot) -> None:
    window = _Window()
    first = FirstScreen([window.gallery_shown], window.thumbnails_idle, window, max_wait_ms=20)
    with qtbot.wait_signal(first.settled, timeout=5_000):
        window.gallery_shown.emit(None)


def test_the_checks_run_once_the_first_screen_is_up(qtbot: QtBot, pool: QThreadPool) -> None:
    window = _Window()
    book = FindingsBook(pool, check=check_entry)
    model = PhotoModel(ImageLoader(pool))
    model.use_findings(book)
    scanner = _Scanner()
    hold_for_first_screen(window, window, book, scanner)
    model.set_gallery(load_gallery(None, read_files=False))
    window.gallery_shown.emit(None)
    qtbot.wait_until(lambda: not book._timer.isActive(), timeout=5_000)  # the run came due
    assert not book.is_settled() and book.findings() == ()  # held: nothing checked yet
    with qtbot.wait_signal(book.changed, timeout=60_000):
        window.thumbnails_idle.emit()
    assert [(f.position, f.kind) for f in book.findings()] == [(6, Kind.WEEKDAY)]
    assert scanner.ready == 1 and book.is_settled()


def test_a_screenshot_holds_them_until_asked(qtbot: QtBot, pool: QThreadPool) -> None:
    window = _Window()
    book = FindingsBook(pool, check=check_entry)
    model = PhotoModel(ImageLoader(pool))
    model.use_findings(book)
    scanner = _Scanner()
    hold_for_first_screen(window, window, book, scanner, release=False)
    model.set_gallery(load_gallery(None, read_files=False))
    window.gallery_shown.emit(None)
    window.thumbnails_idle.emit()
    qtbot.wait_until(lambda: not book._timer.isActive(), timeout=5_000)
    assert scanner.ready == 0 and scanner.held_until_asked and not book.is_settled()
    with qtbot.wait_signal(book.changed, timeout=60_000):
        book.release()  # --view checks asks for them
    assert book.is_settled() and book.findings()
