# SPDX-License-Identifier: GPL-3.0-or-later
"""The status bar's scan progress: hidden for short scans, count and rate for long ones."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from gallery_app.ui.window.scan_progress import ScanProgress


@pytest.fixture
def progress(qtbot: QtBot) -> Iterator[ScanProgress]:
    window = QMainWindow()
    qtbot.addWidget(window)
    widget = ScanProgress(window.statusBar())
    window.statusBar().addPermanentWidget(widget)
    window.show()
    yield widget  # the window stays referenced until the test ends


def test_a_short_scan_never_shows_it(progress: ScanProgress) -> None:
    progress.scan_started()
    progress.set_progress(54, 54, 9000.0)
    progress.scan_finished()
    assert not progress.isVisible()
    assert not progress._reveal.isActive()  # nothing left that could show it later


def test_a_long_scan_shows_count_rate_and_cancel(progress: ScanProgress, qtbot: QtBot) -> None:
    progress.scan_started()
    qtbot.wait_until(progress.isVisible, timeout=3000)
    progress.set_progress(1234, 10000, 2150.4)
    assert progress.label.text() == "Reading photos… 1,234 of 10,000 · 2,150/s"
    assert (progress.bar.value(), progress.bar.maximum()) == (1234, 10000)
    with qtbot.wait_signal(progress.cancel_requested):
        progress.cancel_button.click()
    progress.scan_finished()
    assert not progress.isVisible()
