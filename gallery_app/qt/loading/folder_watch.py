# SPDX-License-Identifier: GPL-3.0-or-later
"""Watch an open folder for changes: files added, removed, renamed — and edited in place.

``QFileSystemWatcher`` on a directory hears a file appear, vanish or be
renamed over, but not a file rewritten in place (an editor that saves
``photo.jpg`` or ``photo.xmp`` into the same inode changes its size and mtime
and says nothing to the directory).  So besides the folder's directories
(at most ``MAX_WATCHED_DIRS``) the photos themselves are watched, in gallery
order (the top of the grid first), with their ``.xmp`` sidecars, up to
``MAX_WATCHED_FILES`` in all — inotify watches are a shared, limited resource.
Which sidecars exist is found on the scan pool (one listing per folder, never
a disk access on the GUI thread); ``changed`` fires for any change, and the
scanner folds changes into one quiet rescan.  A file replaced by a rename
drops out of the watch; the next ``watch`` after the rescan adds it again.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import QFileSystemWatcher, QObject, QThreadPool, Signal

from gallery_app.core.models import Entry, Gallery
from gallery_app.qt.workers import run_task

log = logging.getLogger(__name__)

MAX_WATCHED_DIRS = 2000
MAX_WATCHED_FILES = 1000


def files_to_watch(photos: list[str], limit: int = MAX_WATCHED_FILES) -> list[str]:
    """``photos`` (in order) each followed by its existing sidecars, at most ``limit`` paths.

    Runs on a worker: one directory listing per folder.
    """
    # deferred: the XMP module brings defusedxml, which the first frame does not need
    from gallery_app.core.metadata.xmp import sidecar_paths

    listings: dict[str, frozenset[str]] = {}
    found: list[str] = []
    for photo in photos:
        if len(found) >= limit:
            break
        folder = os.path.dirname(photo)
        names = listings.get(folder)
        if names is None:
            try:
                names = frozenset(n for n in os.listdir(folder) if n[-4:].lower() == ".xmp")
            except OSError:
                names = frozenset()
            listings[folder] = names
        found.append(photo)
        name = os.path.basename(photo)
        for side in sidecar_paths(Path(photo)):
            if side.name in names and side.name != name:
                found.append(str(side))
    return found[:limit]


def paths_to_watch(folder: Path, entries: Sequence[Entry]) -> tuple[list[str], list[str]]:
    """The directories (sorted) and files (``files_to_watch``) to watch for ``entries``.

    Runs on a worker.
    """
    dirs = {str(folder)}
    photos: list[str] = []
    for entry in entries:
        if entry.image is None:
            continue
        path = str(entry.image)  # string work: pathlib is slow at 10,000
        if len(dirs) < MAX_WATCHED_DIRS:
            dirs.add(os.path.dirname(path))
        if len(photos) < MAX_WATCHED_FILES:
            photos.append(path)
    return sorted(dirs), files_to_watch(photos)


class FolderWatch(QObject):
    """The directories and files of one open folder; ``changed`` on any change."""

    changed = Signal()

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self.changed)
        self._watcher.fileChanged.connect(self.changed)
        self._generation = 0
        self._relay: QObject | None = None  # referenced until it fires

    def watch(self, folder: Path, gallery: Gallery) -> None:
        """Watch ``folder``'s directories and photos, once the pool has listed them.

        Walking 10,000 entries for their folders took tens of milliseconds of
        the GUI thread at the end of each scan; the pool does it with the sidecars.
        """
        self._add([str(folder)] if str(folder) not in self._watcher.directories() else [])
        self._generation += 1
        generation = self._generation
        entries = gallery.entries

        def done(found: tuple[list[str], list[str]]) -> None:
            if not shiboken6.isValid(self._watcher):
                return  # the window closed while the sidecars were looked for
            self._relay = None
            if generation == self._generation:
                dirs, files = found
                watched = set(self._watcher.directories()) | set(self._watcher.files())
                self._add([d for d in dirs if d not in watched])
                self._add([f for f in files if f not in watched])

        def failed(message: str) -> None:
            if shiboken6.isValid(self._watcher):
                self._relay = None
            log.warning("the photos of %s are not watched: %s", folder, message)

        self._relay = run_task(self._pool, lambda: paths_to_watch(folder, entries), done, failed)

    def clear(self) -> None:
        """Stop watching (another folder opens, or none)."""
        self._generation += 1
        watched = self._watcher.directories() + self._watcher.files()
        if watched:
            self._watcher.removePaths(watched)

    def watched(self) -> tuple[list[str], list[str]]:
        """(directories, files) being watched."""
        return self._watcher.directories(), self._watcher.files()

    def _add(self, paths: list[str]) -> None:
        if paths:
            refused = self._watcher.addPaths(paths)
            if refused:
                log.info("%d paths cannot be watched (gone, or the system's limit)", len(refused))
