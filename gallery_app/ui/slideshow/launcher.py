# SPDX-License-Identifier: GPL-3.0-or-later
"""Starting and leaving the slideshow from the main window, and its options.

Flow: ``start()`` reads every slideshow setting (interval, loop, shuffle,
reading time, cross-fade, captions) from :class:`Settings`, hands the
controller the photos the filter shows, and presents the full-screen window.
A change made while the show runs (the keys l, s, r, x, i/c, + / −) is saved
at once, and the checkable actions of View → Slideshow options follow it;
the same actions change the settings while no show runs.  ``closed(entry)``
brings the window back at the photo that was on screen — unless a different
gallery has been opened meanwhile (a second launch handed one over), whose
photos the old entry is not one of.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from gallery_app.core.models import Entry, Gallery
from gallery_app.qt.loading.session import GallerySession
from gallery_app.qt.settings import Settings
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.ui.slideshow.window import SlideshowWindow


class SlideshowHost(Protocol):
    """What the launcher needs of the main window."""

    interval_override: int | None  # --interval: this run only, not saved
    session: GallerySession

    @property
    def gallery(self) -> Gallery | None: ...
    def slideshow_closed(self) -> None: ...
    def open_entry(self, entry: Entry) -> None: ...


class SlideshowLauncher(QObject):
    """The main window's side of the slideshow: start, options, persistence, return."""

    def __init__(
        self,
        window: SlideshowHost,
        settings: Settings,
        controller: SlideshowController,
        show: SlideshowWindow,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._settings = settings
        self._controller = controller
        self._show = show
        self._generation = -1  # the gallery generation the running show belongs to
        self.menu = QMenu("Slideshow &options", parent)
        self.menu.setToolTipsVisible(True)
        self.loop_action = self._option("&Loop", "L", "Start again after the last photo")
        self.shuffle_action = self._option(
            "S&huffle", "S", "Each photo once per round, in a shuffled order"
        )
        self.reading_action = self._option(
            "&Reading time", "R", "Longer captions stay on screen longer"
        )
        self.crossfade_action = self._option("&Cross-fade", "X", "Blend one photo into the next")
        self._sync_actions()
        show.closed.connect(self._on_closed)
        show.options_changed.connect(self._on_options_changed)

    def _option(self, text: str, key: str, tip: str) -> QAction:
        """A checkable action; its key works inside the slideshow (shown, not bound here)."""
        action = QAction(text, self.menu)
        action.setCheckable(True)
        shown = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} (key {shown} during the slideshow)")
        action.setStatusTip(action.toolTip())
        action.toggled.connect(self._on_action_toggled)
        self.menu.addAction(action)
        return action

    # -- settings <-> actions -------------------------------------------------
    def _sync_actions(self) -> None:
        s = self._settings
        pairs = (
            (self.loop_action, s.slideshow_loop),
            (self.shuffle_action, s.slideshow_shuffle),
            (self.reading_action, s.slideshow_reading_time),
            (self.crossfade_action, s.slideshow_crossfade),
        )
        for action, on in pairs:
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)

    def _on_action_toggled(self, _on: bool) -> None:
        s = self._settings
        s.slideshow_loop = self.loop_action.isChecked()
        s.slideshow_shuffle = self.shuffle_action.isChecked()
        s.slideshow_reading_time = self.reading_action.isChecked()
        s.slideshow_crossfade = self.crossfade_action.isChecked()
        s.sync()
        if self._controller.is_running():  # a running show follows the menu too
            self._apply_options()

    def _apply_options(self) -> None:
        s = self._settings
        self._controller.set_loop(s.slideshow_loop)
        self._controller.set_shuffle(s.slideshow_shuffle)
        self._controller.set_reading_time(s.slideshow_reading_time)
        self._show.set_crossfade(s.slideshow_crossfade)

    def _save_running_options(self) -> None:
        """What the keys changed during the show becomes the saved setting."""
        s = self._settings
        ctl = self._controller
        s.slideshow_loop = ctl.loop
        s.slideshow_shuffle = ctl.shuffle
        s.slideshow_reading_time = ctl.reading_time
        s.slideshow_crossfade = self._show.crossfade()
        s.slideshow_captions = self._show.overlay_visible()
        if self._window.interval_override is None:
            s.slideshow_interval = ctl.interval
        s.sync()
        self._sync_actions()

    def _on_options_changed(self) -> None:
        if self._controller.is_running():
            self._save_running_options()

    # -- start and return -----------------------------------------------------
    def start(self, entries: list[Entry], first: Entry | None, *, fullscreen: bool) -> None:
        s = self._settings
        self._controller.set_interval(self._window.interval_override or s.slideshow_interval)
        self._apply_options()
        self._controller.start(entries, first)
        self._generation = self._window.session.generation
        self._show.set_overlay_visible(s.slideshow_captions)
        self._show.present(fullscreen=fullscreen)

    def is_showing(self) -> bool:
        return self._show.isVisible()

    def stop(self) -> None:
        """Leave a running show (its gallery is going away)."""
        if self._show.isVisible():
            self._show.leave()

    def _on_closed(self, entry: object) -> None:
        self._save_running_options()
        self._controller.stop()
        window = self._window
        window.slideshow_closed()
        current = window.gallery
        same_gallery = self._generation == window.session.generation
        if isinstance(entry, Entry) and same_gallery and current is not None:
            newer = next((e for e in current.entries if e.id == entry.id), None)
            if newer is not None:
                window.open_entry(newer)
