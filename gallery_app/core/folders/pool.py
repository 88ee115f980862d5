# SPDX-License-Identifier: GPL-3.0-or-later
"""Read photo files in worker processes, one per core, and stream back catalog rows.

Reading metadata is CPU work in C and Python; in a thread it shares the GIL
with the window.  A ``ReaderPool`` runs ``read_rows`` in separate processes
(spawned, so no Qt state is forked): each takes a chunk of paths, reads every
file with one ``SidecarIndex`` for the chunk, and returns ``(path, row)``
pairs where ``row`` is the catalog's JSON (``encode_metadata``) — the form
the catalog stores as is and the scan decodes once.

A worker that dies (a native reader crashing on a hostile file) breaks the
pool: the chunks it held are read again one file per task in a fresh pool,
and a file that kills that one too becomes an entry saying it could not be
read.  Nothing here raises for a bad file.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from gallery_app.core.metadata.values import FileMetadata, unreadable_sentence
from gallery_app.core.store.rows import encode_metadata

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from gallery_app.core.metadata.xmp import SidecarIndex

log = logging.getLogger(__name__)

CHUNK = 48  # files per task: large enough to amortise the hand-over, small enough to stream
# Below this many files to read, starting processes costs more than it saves.
MIN_FILES = 192


def default_workers() -> int:
    """One worker per core this process may run on (at least one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def read_rows(paths: list[str]) -> list[tuple[str, str]]:
    """In a worker: read each file and return ``(path, catalog row JSON)``."""
    # deferred: the readers (Pillow, libexiv2) load in the workers, not with the window
    from gallery_app.core.metadata.xmp import SidecarIndex

    sidecars = SidecarIndex()
    out = []
    for path in paths:
        meta = read_one(Path(path), sidecars)
        try:
            out.append((path, encode_metadata(meta)))
        except ValueError:  # text that is not valid Unicode: say so rather than lose the file
            bad = FileMetadata.unreadable(unreadable_sentence(Path(path).name, "odd text"))
            out.append((path, encode_metadata(bad)))
    return out


def read_one(file: Path, sidecars: SidecarIndex | None = None) -> FileMetadata:
    """``read_metadata`` that turns an unexpected error into an unreadable entry, logged."""
    from gallery_app.core.metadata.reader import read_metadata  # deferred, as above

    try:
        return read_metadata(file, sidecars)
    except Exception as exc:  # one odd file must not end the scan of ten thousand
        log.exception("reading metadata of %s failed", file)
        return FileMetadata.unreadable(unreadable_sentence(file.name, exc.__class__.__name__))


class ReaderPool:
    """Worker processes that read photo files; started on first use, kept until ``close``."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or default_workers()
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # deferred: multiprocessing costs ~30 ms to import, and the window opens first
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("spawn")
            self._executor = ProcessPoolExecutor(self.workers, mp_context=context)
        return self._executor

    def close(self) -> None:
        """Stop the workers (pending chunks are dropped)."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def read(
        self, files: list[Path], should_stop: Callable[[], bool] | None = None
    ) -> Iterator[tuple[Path, str]]:
        """``(file, catalog row)`` for each of ``files``, chunk by chunk in order.

        ``should_stop()`` is polled between chunks; when it says stop, the
        chunks not yet read are cancelled and the iteration ends.
        """
        from concurrent.futures.process import BrokenProcessPool  # deferred, as in _pool

        chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
        pending = deque((chunk, self._submit(chunk)) for chunk in chunks)
        while pending:
            chunk, future = pending.popleft()
            if should_stop is not None and should_stop():
                for _chunk, waiting in pending:
                    waiting.cancel()
                future.cancel()
                return
            try:
                rows = future.result()
            except BrokenProcessPool:
                log.warning("a reader process died; reading %d files one by one", len(chunk))
                self.close()
                rows = [row for file in chunk for row in self._alone(file)]
                pending = deque((c, self._submit(c)) for c, _lost in pending)
            for path, row in rows:
                yield Path(path), row

    def _submit(self, chunk: list[Path]) -> Future[list[tuple[str, str]]]:
        return self._pool().submit(read_rows, [str(f) for f in chunk])

    def _alone(self, file: Path) -> list[tuple[str, str]]:
        from concurrent.futures.process import BrokenProcessPool  # deferred, as in _pool

        try:
            return self._submit([file]).result()
        except BrokenProcessPool:
            log.warning("reading %s stopped the reader process", file)
            self.close()
            meta = FileMetadata.unreadable(
                unreadable_sentence(file.name, "the metadata reader stopped on it")
            )
            return [(str(file), encode_metadata(meta))]
