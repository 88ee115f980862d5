# SPDX-License-Identifier: GPL-3.0-or-later
"""What the user sees, as JSON, for the end-to-end tests (only with ``DATELINE_E2E_STATE``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from gallery_app.core.store.atomic import write_text_atomic

if TYPE_CHECKING:
    from gallery_app.qt.slideshow import SlideshowController
    from gallery_app.ui.window.main_window import MainWindow


def install_state_report(window: MainWindow, slideshow: SlideshowController, path: Path) -> QTimer:
    """Test hook (only with ``DATELINE_E2E_STATE``): write what the user sees as JSON.

    The end-to-end tests drive the real app with X key events and read this
    file to check what is on screen, so the app needs no other test seams.
    """

    def report() -> None:
        current = window.current_entry
        grid_entry = window.parts.grid.current_entry()
        timeline = window.parts.timeline
        bars = []
        for i in range(timeline.bar_count()):
            rect = timeline.bar_rect(i)
            top_left = timeline.mapToGlobal(rect.topLeft())
            bars.append([top_left.x(), top_left.y(), rect.width(), rect.height()])
        show = window.parts.slideshow_window
        shown = show.current_entry() if show.isVisible() else None
        data = {
            "title": window.windowTitle(),
            "page": "photo" if window.stack.currentIndex() == 1 else "grid",
            "current": current.id if current else None,
            "grid_current": grid_entry.id if grid_entry else None,
            "count": window.count_label.text(),
            "slideshow": show.isVisible(),
            "slideshow_entry": shown.id if shown else None,
            "paused": slideshow.is_paused(),
            "bars": bars,
        }
        write_text_atomic(path, json.dumps(data))

    timer = QTimer(window)
    timer.setInterval(50)
    timer.timeout.connect(report)
    timer.start()
    return timer
