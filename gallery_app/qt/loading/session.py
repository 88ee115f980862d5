# SPDX-License-Identifier: GPL-3.0-or-later
"""Which gallery is on screen, and what the user asked for when opening it.

Every way of opening — the command line, Ctrl+O, drag and drop, Open recent,
a path handed over by a second launch — becomes an :class:`OpenRequest`
passed to :meth:`GallerySession.open`.  The loader does the reading; when its
gallery arrives the window asks :meth:`GallerySession.arrive` what to do:

- a *different* gallery (not a rescan or update of the one shown) starts with
  a clear filter — a date range or search made for the old gallery would hide
  the new one's photos — and then the request's own ``--from``/``--to``;
  ``generation`` counts these changes, so work started for an older gallery
  (a relink, a slideshow) can tell that its gallery has gone;
- a request that named a photo (``gallery-app photo.jpg``, "Open with", a
  dropped photo) keeps that photo *pending* until its entry is there — a
  folder scan delivers it in a later batch — and :meth:`take_photo` hands it
  over once, so the window selects and opens it as a viewer does;
- a request for a slideshow stays pending until the gallery is complete.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject

from gallery_app.core.models import Entry, Gallery
from gallery_app.core.store.links import gallery_key
from gallery_app.qt.loading.gallery import GalleryLoader
from gallery_app.qt.models.filter_state import FilterState

log = logging.getLogger(__name__)

_FOLDER_OR_DOCUMENT = (".json", ".txt", ".text", ".md")


@dataclass(frozen=True)
class OpenRequest:
    """What to open, and what to do once it is open."""

    path: Path | None = None  # None: the bundled gallery
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    slideshow: bool = False

    @property
    def photo(self) -> Path | None:
        """The photo asked for, when ``path`` names one (its folder opens around it)."""
        path = self.path
        if path is None or path.suffix.lower() in _FOLDER_OR_DOCUMENT:
            return None
        try:
            return path.resolve() if path.is_file() else None
        except OSError:
            return None


@dataclass(frozen=True)
class Arrival:
    """What :meth:`GallerySession.arrive` found out about a gallery that was loaded."""

    fresh: bool  # a different gallery from the one shown before
    generation: int
    date_from: dt.date | None = None  # the request's own range, applied after the reset
    date_to: dt.date | None = None

    @property
    def has_dates(self) -> bool:
        return self.date_from is not None or self.date_to is not None


def _identity(gallery: Gallery) -> str:
    return gallery_key(gallery)


class GallerySession(QObject):
    """Tracks the gallery shown and the pending parts of the last request."""

    def __init__(
        self, loader: GalleryLoader, filter_state: FilterState, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._filter = filter_state
        self._shown: str | None = None
        self._generation = 0
        self._request: OpenRequest | None = None  # waiting for its gallery to arrive
        self._photo: Path | None = None
        self._slideshow = False
        loader.failed.connect(self._on_failed)

    @property
    def generation(self) -> int:
        """Goes up each time a different gallery is shown."""
        return self._generation

    def open(self, request: OpenRequest) -> None:
        """Load ``request.path``; the rest of the request applies when it arrives."""
        self._request = request
        self._photo = None
        self._slideshow = False
        self._loader.load(request.path)

    def arrive(self, gallery: Gallery) -> Arrival:
        """A gallery was loaded: is it a different one, and what did its request ask for?"""
        identity = _identity(gallery)
        fresh = identity != self._shown
        self._shown = identity
        if fresh:
            self._generation += 1
        request, self._request = self._request, None
        if request is None:
            return Arrival(fresh=fresh, generation=self._generation)
        self._photo = request.photo
        self._slideshow = request.slideshow
        return Arrival(fresh, self._generation, request.date_from, request.date_to)

    def apply_filter(self, arrival: Arrival) -> None:
        """A different gallery starts unfiltered; a request's dates apply on top.

        Call once the model holds the new gallery, so the filter never runs
        over the old one's rows.  A rescan or update of the same gallery keeps
        the user's filter.
        """
        if arrival.fresh or arrival.has_dates:
            self._filter.clear()
        if arrival.has_dates:
            self._filter.set_date_range(arrival.date_from, arrival.date_to)

    @property
    def wants_photo(self) -> bool:
        """Whether a photo asked for by name is still to be found among the entries."""
        return self._photo is not None

    def take_photo(self, entries: Iterable[Entry]) -> Entry | None:
        """The entry of the photo asked for, once, when it is among ``entries``."""
        if self._photo is None:
            return None
        for entry in entries:
            if entry.image is not None and _same_file(entry.image, self._photo):
                self._photo = None
                return entry
        return None

    def drop_photo(self) -> None:
        """The gallery is complete and the photo was not in it: stop waiting."""
        if self._photo is not None:
            log.info("the photo asked for, %s, is not in the gallery", self._photo)
        self._photo = None

    def take_slideshow(self) -> bool:
        """True once when the request asked for a slideshow."""
        wanted, self._slideshow = self._slideshow, False
        return wanted

    def _on_failed(self, _sentence: str) -> None:
        self._request = None
        self._photo = None
        self._slideshow = False


def gallery_notice(gallery: Gallery | None, *, shown: int, scanning: bool) -> str:
    """Why the grid is empty, in one sentence for the banner over it; "" when it is not.

    The gallery's own warnings come first (an article without a photo
    gallery, a cancelled scan); a folder still being read says nothing yet.
    """
    if gallery is None or shown:
        return ""
    if gallery.entries:
        return (
            "No photo matches the date range, search or file types. "
            "“All dates”, an empty search field and “All files” show them all again."
        )
    if scanning:
        return ""
    if gallery.warnings:
        return " ".join(gallery.warnings)
    source = gallery.source
    if source is not None and source.is_dir() and not (source / "gallery.json").is_file():
        return "No photos in this folder (or in the folders under it)."
    return "This gallery has no photos."


def _same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` is the file ``b`` (resolved); cheap for the thousands that are not."""
    if a == b:
        return True
    if a.name != b.name:
        return False
    try:
        return a.resolve() == b
    except OSError:
        return False
