# SPDX-License-Identifier: GPL-3.0-or-later
"""The slideshow as a timer over a deck of entries, with no window.

Data flow: the window (or a test) calls :meth:`SlideshowController.start` with
the entries the current filter shows and the photo to begin with.  The
controller lays them out as a *deck* (gallery order, or a shuffled deck in
which every photo appears once per cycle), and a single-shot QTimer moves
through it.  Each move emits ``current_changed(position, entry)``; the window
only draws what it is told.  The next image is decoded ahead through the
shared :class:`~gallery_app.qt.workers.ImageLoader`, so the GUI thread never
waits on a decoder; ``image_ready(entry, image)`` says when a picture is there.

Keeping the timing here, away from widgets, is what lets the tests drive the
whole slideshow by firing the timer's ``timeout`` themselves.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Sequence

from PySide6.QtCore import QObject, QSize, QTimer, Signal
from PySide6.QtGui import QImage

from gallery_app.core.models import Entry, ImageStatus
from gallery_app.qt.workers import ImageLoader

log = logging.getLogger(__name__)

MIN_INTERVAL_S = 1
MAX_INTERVAL_S = 120
DEFAULT_INTERVAL_S = 5

# Reading time: about 200 words a minute for a caption read on a screen, plus a
# moment to look at the picture itself before reading starts.
READING_WORDS_PER_SECOND = 200 / 60
READING_LEAD_IN_S = 2.0
_KEY_PREFIX = "slideshow:"


def reading_seconds(entry: Entry) -> float:
    """How long a reader needs for the caption (and title) of ``entry``."""
    words = len(entry.caption.split()) + len((entry.title or "").split())
    if words == 0:
        return 0.0
    return READING_LEAD_IN_S + words / READING_WORDS_PER_SECOND


def clamp_interval(seconds: int) -> int:
    return max(MIN_INTERVAL_S, min(MAX_INTERVAL_S, int(seconds)))


def decodes(entry: Entry) -> bool:
    """True when ``entry``'s file is decoded for the show (a video or broken file is not)."""
    status = entry.info.status if entry.info is not None else ImageStatus.OK
    return entry.image is not None and status is ImageStatus.OK


class SlideshowController(QObject):
    """Order, timing and preloading of a slideshow.

    Positions are 0-based places in the deck (the playing order), so an
    overlay shows ``position + 1`` "of" :meth:`count`.
    """

    current_changed = Signal(int, object)  # position in the deck, Entry
    finished = Signal()  # the last photo's dwell ran out and loop is off
    paused_changed = Signal(bool)
    interval_changed = Signal(int)  # seconds
    running_changed = Signal(bool)
    image_ready = Signal(object, QImage)  # Entry, decoded image (null = unreadable)

    def __init__(
        self,
        loader: ImageLoader | None = None,
        parent: QObject | None = None,
        *,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._rng = rng or random.Random()  # noqa: S311 - shuffling photos, not secrets
        self._entries: list[Entry] = []
        self._deck: list[Entry] = []
        self._pos = -1
        self._interval_s = DEFAULT_INTERVAL_S
        self._loop = True
        self._shuffle = False
        self._reading_time = False
        self._paused = False
        self._running = False
        self._target = QSize(1920, 1080)
        self._images: dict[str, QImage] = {}
        self._pending: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timeout)
        if loader is not None:
            loader.image_ready.connect(self._on_image_ready)

    # -- settings -------------------------------------------------------------

    @property
    def interval(self) -> int:
        """Seconds each photo stays, 1 to 120."""
        return self._interval_s

    def set_interval(self, seconds: int) -> None:
        """Change the dwell; while running, the current photo's dwell restarts."""
        value = clamp_interval(seconds)
        if value == self._interval_s:
            return
        self._interval_s = value
        self.interval_changed.emit(value)
        self._restart_timer()

    def faster(self) -> None:
        self.set_interval(self._interval_s - 1)

    def slower(self) -> None:
        self.set_interval(self._interval_s + 1)

    @property
    def loop(self) -> bool:
        return self._loop

    def set_loop(self, loop: bool) -> None:
        self._loop = bool(loop)

    @property
    def shuffle(self) -> bool:
        return self._shuffle

    def set_shuffle(self, shuffle: bool) -> None:
        """Turning shuffle on or off re-deals the deck around the current photo."""
        shuffle = bool(shuffle)
        if shuffle == self._shuffle:
            return
        self._shuffle = shuffle
        current = self.current()
        if current is not None:
            self._deck, self._pos = self._deal(first=current)
            self.current_changed.emit(self._pos, current)
            self._preload()

    @property
    def reading_time(self) -> bool:
        """When on, a long caption keeps its photo up long enough to be read."""
        return self._reading_time

    def set_reading_time(self, on: bool) -> None:
        self._reading_time = bool(on)
        self._restart_timer()

    def set_target_size(self, size: QSize) -> None:
        """The size images are decoded at (the screen); drops cached images if it changes."""
        if size.isValid() and size != self._target:
            self._target = QSize(size)
            self._images.clear()
            self._pending.clear()
            self._preload()

    # -- state ----------------------------------------------------------------

    def is_running(self) -> bool:
        return self._running

    def is_paused(self) -> bool:
        return self._paused

    def count(self) -> int:
        return len(self._deck)

    def position(self) -> int:
        return self._pos

    def current(self) -> Entry | None:
        if 0 <= self._pos < len(self._deck):
            return self._deck[self._pos]
        return None

    def deck(self) -> tuple[Entry, ...]:
        return tuple(self._deck)

    def dwell_ms(self, entry: Entry | None = None) -> int:
        """How long ``entry`` (default: the current one) stays on screen."""
        seconds = float(self._interval_s)
        entry = entry or self.current()
        if self._reading_time and entry is not None:
            seconds = max(seconds, min(float(MAX_INTERVAL_S), reading_seconds(entry)))
        return round(seconds * 1000)

    def image_for(self, entry: Entry) -> QImage | None:
        """The decoded image of ``entry`` if it is ready, else None."""
        return self._images.get(self._key(entry))

    # -- control --------------------------------------------------------------

    def start(self, entries: Sequence[Entry], start_at: Entry | None = None) -> None:
        """Begin with ``start_at`` (default: the first entry) and run."""
        self._entries = list(entries)
        self._images.clear()
        self._pending.clear()
        if not self._entries:
            log.info("slideshow asked to start with no photos")
            self.stop()
            self.finished.emit()
            return
        first = self._entries[self._entries.index(start_at)] if start_at in self._entries else None
        self._deck, pos = self._deal(first=first)
        self._paused = False
        self._set_running(True)
        self._go(pos)

    def stop(self) -> Entry | None:
        """Stop the timer; returns the photo that was showing."""
        self.timer.stop()
        self._set_running(False)
        # The loader's pool is shared with the grid, so its queue is left alone;
        # results that still arrive are simply ignored.
        self._pending.clear()
        return self.current()

    def pause(self) -> None:
        if self._running and not self._paused:
            self._paused = True
            self.timer.stop()
            self.paused_changed.emit(True)

    def resume(self) -> None:
        if self._running and self._paused:
            self._paused = False
            self.paused_changed.emit(False)
            self._restart_timer()

    def toggle_pause(self) -> None:
        if self._paused:
            self.resume()
        else:
            self.pause()

    def next(self) -> None:
        """Forward by hand; wraps into a new cycle only when loop is on."""
        if not self._deck:
            return
        if self._pos + 1 < len(self._deck):
            self._go(self._pos + 1)
        elif self._loop:
            self._new_cycle()

    def previous(self) -> None:
        if not self._deck:
            return
        if self._pos > 0:
            self._go(self._pos - 1)
        elif self._loop:
            self._go(len(self._deck) - 1)

    def home(self) -> None:
        if self._deck:
            self._go(0)

    def end(self) -> None:
        if self._deck:
            self._go(len(self._deck) - 1)

    # -- internals ------------------------------------------------------------

    def _set_running(self, running: bool) -> None:
        if running != self._running:
            self._running = running
            self.running_changed.emit(running)

    def _deal(self, first: Entry | None) -> tuple[list[Entry], int]:
        """The playing order for one cycle and where ``first`` sits in it.

        In gallery order the deck is the gallery itself, so "4 of 11" means the
        same here as in the caption panel; a shuffled deck puts ``first`` on top.
        """
        if not self._shuffle:
            deck = list(self._entries)
            return deck, (deck.index(first) if first is not None else 0)
        rest = [e for e in self._entries if e is not first]
        self._rng.shuffle(rest)
        return ([first] if first is not None else []) + rest, 0

    def _new_cycle(self) -> None:
        """Deal the next cycle; a shuffled deck never repeats a photo across the seam."""
        last = self.current()
        if self._shuffle:
            deck = list(self._entries)
            self._rng.shuffle(deck)
            if len(deck) > 1 and deck[0] is last:
                swap = self._rng.randrange(1, len(deck))
                deck[0], deck[swap] = deck[swap], deck[0]
            self._deck = deck
        else:
            self._deck = list(self._entries)
        self._go(0)

    def _go(self, pos: int) -> None:
        self._pos = pos
        entry = self._deck[pos]
        self.current_changed.emit(pos, entry)
        self._preload()
        self._restart_timer()

    def _restart_timer(self) -> None:
        if self._running and not self._paused and self._deck:
            self.timer.start(self.dwell_ms())

    def _on_timeout(self) -> None:
        if not self._running or self._paused or not self._deck:
            return
        if self._pos + 1 < len(self._deck):
            self._go(self._pos + 1)
        elif self._loop:
            self._new_cycle()
        else:
            self.timer.stop()
            self._set_running(False)
            self.finished.emit()

    # -- preloading -----------------------------------------------------------

    def _key(self, entry: Entry) -> str:
        return f"{_KEY_PREFIX}{entry.id}@{self._target.width()}x{self._target.height()}"

    def _upcoming(self) -> list[Entry]:
        """The current photo, then the next one (across the seam when looping)."""
        current = self.current()
        if current is None:
            return []
        wanted = [current]
        if self._pos + 1 < len(self._deck):
            wanted.append(self._deck[self._pos + 1])
        elif self._loop and not self._shuffle and len(self._deck) > 1:
            wanted.append(self._entries[0])
        if self._pos > 0:
            wanted.append(self._deck[self._pos - 1])  # keep it for ← without a wait
        return wanted

    def _preload(self) -> None:
        wanted = self._upcoming()
        keys = {self._key(e) for e in wanted}
        for key in list(self._images):
            if key not in keys:
                del self._images[key]
        if self._loader is None:
            return
        for entry in wanted:
            key = self._key(entry)
            if entry.image is None or not decodes(entry):
                continue  # the window paints the placeholder card instead
            if key in self._images or key in self._pending:
                continue
            self._pending.add(key)
            self._loader.request(key, entry.image, self._target)

    def _on_image_ready(self, key: str, image: QImage) -> None:
        if key not in self._pending:
            return  # someone else's image, or one we no longer want
        self._pending.discard(key)
        for entry in self._upcoming():
            if self._key(entry) == key:
                self._images[key] = image
                self.image_ready.emit(entry, image)
                return
