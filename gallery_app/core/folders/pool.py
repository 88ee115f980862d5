# SPDX-License-Identifier: GPL-3.0-or-later
"""Read photo files in worker processes, one per core, and stream back catalog rows.

Reading metadata is CPU work in C and Python; in a thread it shares the GIL
with the window.  A ``ReaderPool`` runs ``read_rows`` in separate processes
(spawned, so no Qt state is forked; the command line, which has no Qt, forks
them with its readers already imported): each takes a chunk of paths, reads every
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
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from gallery_app.core.metadata.values import FileMetadata, unreadable_sentence
from gallery_app.core.store.rows import encode_metadata

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from gallery_app.core.metadata.xmp import SidecarIndex

log = logging.getLogger(__name__)

T = TypeVar("T")
I = TypeVar("I")  # noqa: E741 (an item of work)

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

    def __init__(
        self, workers: int | None = None, *, niceness: int = 0, start: str = "spawn"
    ) -> None:
        self.workers = workers or default_workers()
        # > 0: the workers yield the CPU to everything else (the window's own process);
        # on an idle machine they run as fast as ever.
        self.niceness = niceness
        # "spawn": a fresh interpreter per worker (no Qt state copied; the window's pools).
        # "fork": a copy of this process, its imports included, started in a millisecond;
        # only for a process without Qt or threads of its own (the command line).
        self.start = start
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # deferred: multiprocessing costs ~30 ms to import, and the window opens first
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context(self.start)
            self._executor = ProcessPoolExecutor(
                self.workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(self.niceness,),
            )
        return self._executor

    def close(self) -> None:
        """Stop the workers (pending chunks are dropped)."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def submit(self, work: Callable[..., T], *args: object) -> Future[T]:
        """``work(*args)`` in a worker (the pool starts on first use); its future.

        A worker that dies breaks the pool: every future still open then
        raises ``BrokenProcessPool``, and the caller ``close()``-s the pool so
        the next ``submit`` starts a fresh one.
        """
        return self._pool().submit(work, *args)

    def pids(self) -> list[int]:
        """The worker processes' ids, none before the first use (benchmarks read their CPU)."""
        processes = getattr(self._executor, "_processes", None) or {}
        return list(processes)

    def offer(self, work: Callable[..., object], *args: object) -> Future[object] | None:
        """Start ``work(*args)`` (a module-level function) in a worker; no need to wait.

        Its failure is logged.  None when the pool cannot take work (it broke,
        or it is closing): then the caller does the work itself.
        """
        from concurrent.futures.process import BrokenProcessPool  # deferred, as in _pool

        try:
            future = self.submit(work, *args)
        except (BrokenProcessPool, RuntimeError) as exc:
            log.info("the reader processes cannot take %s: %s", work.__name__, exc)
            return None
        future.add_done_callback(_log_failure)
        return future

    def read(
        self, files: list[Path], should_stop: Callable[[], bool] | None = None
    ) -> Iterator[tuple[Path, str]]:
        """``(file, catalog row)`` for each of ``files``, chunk by chunk in order.

        ``should_stop()`` is polled between chunks; when it says stop, the
        chunks not yet read are cancelled and the iteration ends.
        """
        paths = [str(f) for f in files]
        rows = self.run(read_rows, paths, (), _lost_row, should_stop)
        # in order, one per file: the caller's Path objects, not 10,000 new ones (pathlib
        # parsing was a fifth of this thread's Python, in the window's process)
        for file, (_path, row) in zip(files, rows, strict=False):  # shorter when stopped
            yield file, row

    def run(
        self,
        work: Callable[..., list[T]],
        items: Sequence[I],
        args: tuple[object, ...],
        lost: Callable[[I], T],
        should_stop: Callable[[], bool] | None = None,
    ) -> Iterator[T]:
        """``work(chunk, *args)`` over ``items`` in chunks, in the workers; results in order.

        ``work`` is a module-level function (it is pickled by name) returning one
        result per item.  When a worker dies, the chunk is done again item by
        item in a fresh pool; an item that kills that one too gives ``lost(item)``.
        """
        from concurrent.futures.process import BrokenProcessPool  # deferred, as in _pool

        chunks = [list(items[i : i + CHUNK]) for i in range(0, len(items), CHUNK)]
        pending = deque((chunk, self._submit(work, chunk, args)) for chunk in chunks)
        while pending:
            chunk, future = pending.popleft()
            if should_stop is not None and should_stop():
                for _chunk, waiting in pending:
                    waiting.cancel()
                future.cancel()
                return
            try:
                results = future.result()
            except BrokenProcessPool:
                log.warning("a reader process died; reading %d files one by one", len(chunk))
                self.close()
                results = [r for item in chunk for r in self._alone(work, item, args, lost)]
                pending = deque((c, self._submit(work, c, args)) for c, _ in pending)
            yield from results

    def _submit(
        self, work: Callable[..., list[T]], chunk: list[I], args: tuple[object, ...]
    ) -> Future[list[T]]:
        return self._pool().submit(work, chunk, *args)

    def _alone(
        self,
        work: Callable[..., list[T]],
        item: I,
        args: tuple[object, ...],
        lost: Callable[[I], T],
    ) -> list[T]:
        from concurrent.futures.process import BrokenProcessPool  # deferred, as in _pool

        try:
            return self._submit(work, [item], args).result()
        except BrokenProcessPool:
            log.warning("reading %s stopped the reader process", item)
            self.close()
            return [lost(item)]


def _start_worker(niceness: int) -> None:
    """In a new worker process: no library warnings on the terminal, and the given priority.

    Pillow warns (``UserWarning``) about damaged tags in files it still reads; in
    a worker those went straight to the user's terminal.  The reader says
    itself what it cannot read, so they are dropped here.
    """
    logging.captureWarnings(True)
    noted = logging.getLogger("py.warnings")
    noted.addHandler(logging.NullHandler())
    noted.propagate = False
    if niceness <= 0:
        return
    try:
        os.nice(niceness)
    except OSError as exc:  # not allowed here: read at the usual priority
        log.info("Reader process keeps its priority: %s", exc)


def _log_failure(future: Future[object]) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.warning("work in a reader process failed: %s", future.exception())


def _lost_row(path: str) -> tuple[str, str]:
    """The catalog row of a file that stopped the reader process."""
    name = Path(path).name
    meta = FileMetadata.unreadable(unreadable_sentence(name, "the metadata reader stopped on it"))
    return (path, encode_metadata(meta))
