# SPDX-License-Identifier: GPL-3.0-or-later
"""Load a gallery off the GUI thread, so opening a big folder never freezes the window.

Flow: ``GalleryLoader.load(path)`` emits ``started(path)``, runs the injected
``load`` function (``core.loader.load_gallery`` in the app) on the pool, and
back on the GUI thread lays the user's photo links over the result and emits
``loaded(gallery)`` or ``failed(sentence)``.  The links are read on the GUI
thread only, where they are also written, so no lock is needed.  Only the
newest request counts: when the user opens B while A is still loading, A's
result is dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from gallery_app.core.errors import DatelineError
from gallery_app.core.models import Gallery
from gallery_app.core.store.links import LinkStore
from gallery_app.qt.workers import run_task

log = logging.getLogger(__name__)

LoadFunction = Callable[[Path | None], Gallery]


class _Outcome:
    """What a load produced: a gallery or a sentence for the user."""

    def __init__(self, gallery: Gallery | None = None, error: str | None = None) -> None:
        self.gallery = gallery
        self.error = error


class GalleryLoader(QObject):
    """Runs gallery loads on a pool; the newest request wins."""

    started = Signal(object)  # Path | None
    loaded = Signal(object)  # Gallery
    failed = Signal(str)  # a sentence fit to show

    def __init__(
        self,
        pool: QThreadPool,
        load: LoadFunction,
        links: LinkStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self._load = load
        self._links = links
        self._generation = 0
        self._busy = False
        self._relays: dict[int, object] = {}
        self._finished: set[int] = set()

    @property
    def busy(self) -> bool:
        return self._busy

    def load(self, path: Path | None) -> None:
        """Start loading ``path`` (None: the bundled gallery)."""
        for done in self._finished:
            self._relays.pop(done, None)
        self._finished.clear()
        self._generation += 1
        generation = self._generation
        self._busy = True
        self.started.emit(path)
        # Keep the relay referenced until it fires; a parented relay crashed
        # PySide6 6.11 when the loader was deleted after the relay's deleteLater.
        relay = run_task(
            self._pool,
            lambda: self._work(path),
            lambda outcome: self._on_done(generation, outcome),
            lambda message: self._on_done(generation, _Outcome(error=message)),
        )
        self._relays[generation] = relay

    def cancel(self) -> None:
        """Drop the load under way: its result will not be emitted."""
        self._generation += 1
        self._busy = False

    def _work(self, path: Path | None) -> _Outcome:
        try:
            return _Outcome(gallery=self._load(path))
        except DatelineError as exc:
            return _Outcome(error=str(exc))
        except OSError as exc:
            name = path.name if path is not None else "the bundled gallery"
            return _Outcome(error=f"Could not open {name}: {exc.strerror or exc}.")
        except Exception:
            log.exception("loading %s failed", path)
            name = path.name if path is not None else "the bundled gallery"
            return _Outcome(error=f"Could not open {name}; the log file has the details.")

    def _on_done(self, generation: int, outcome: _Outcome) -> None:
        self._finished.add(generation)  # dropped on the next load, not mid-emit
        if generation != self._generation:
            return  # a newer request has taken over
        self._busy = False
        if outcome.gallery is not None:
            gallery = outcome.gallery
            if self._links is not None:
                gallery = self._links.apply(gallery)  # GUI thread: where links are written
            self.loaded.emit(gallery)
        else:
            self.failed.emit(outcome.error or "The gallery could not be opened.")
