# SPDX-License-Identifier: GPL-3.0-or-later
"""Full screen that fills the screen even where no window manager does it.

``showFullScreen()`` only asks the window manager; on a bare X server (a kiosk,
a projector PC, Xvfb) nobody answers and the window keeps the default size Qt
gave it (640×480, or 100×30 before any layout).  So the window is first set to
its screen's geometry, then asked to go full screen: with a window manager
nothing changes, without one the slideshow still covers the screen.  Leaving
full screen falls back to two thirds of the screen when the window has no
sensible normal size of its own.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


def target_screen(widget: QWidget) -> QScreen | None:
    """The screen of the window ``widget`` was opened from, else the primary screen."""
    parent = widget.parentWidget()
    screen = (parent.window() if parent is not None else widget).screen()
    return screen or QGuiApplication.primaryScreen()


def show_full_screen(widget: QWidget) -> None:
    screen = target_screen(widget)
    if screen is not None:
        widget.setGeometry(screen.geometry())
    widget.showFullScreen()


def show_normal(widget: QWidget) -> None:
    widget.showNormal()
    screen = target_screen(widget)
    if screen is None:
        return
    area = screen.availableGeometry()
    if widget.width() < area.width() // 3 or widget.height() < area.height() // 3:
        widget.resize(area.width() * 2 // 3, area.height() * 2 // 3)
        widget.move(area.center() - widget.rect().center())
