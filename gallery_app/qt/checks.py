# SPDX-License-Identifier: GPL-3.0-or-later
"""The findings of the gallery on screen, kept current off the GUI thread.

Flow: ``FindingsBook.watch(model)`` listens to the photo model; a reset, new
rows or a changed entry (a photo linked) restart a short single-shot timer,
so a folder scan that adds rows in hundreds of batches costs one check run
at the end, not one per batch.  When it fires, the model's entries (a tuple:
no copy) are compared with the last run's: only new or changed entries go to
a child process (``core.checks.child``: a thread would share the interpreter
lock with the window while the GeoNames data loads), compared and pickled a
slice per turn of the event loop, whose findings come back
on its stdout; unchanged entries keep theirs.  The result comes back on the GUI thread,
keyed by a generation: a run overtaken by a newer one only lends its work to
the next, a run of the gallery before stops early and is dropped; then
``changed`` is emitted.  ``stop`` (the app closing) ends runs at their next entry.

The photo model serves each entry's findings as ``FindingsRole`` (grid
badges); the Checks panel lists them all.
"""

from __future__ import annotations

import io
import logging
import pickle
import sys
import weakref
from collections.abc import Callable, Mapping
from threading import Event
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QProcess,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from shiboken6 import Shiboken

from gallery_app.core.checks.findings import Finding, Severity
from gallery_app.core.models import Entry

log = logging.getLogger(__name__)

CheckEntry = Callable[[Entry], tuple[Finding, ...]]
_Done = dict[str, tuple[Entry, tuple[Finding, ...]]]
DELAY_MS = 250
FEED_SLICE = 60  # entries compared and pickled per turn of the event loop (~40 us each)


def _same(before: Entry, entry: Entry) -> bool:
    return before is entry or before == entry  # the same object is the cheap, usual case


def _check_with_files(entry: Entry) -> tuple[Finding, ...]:
    # deferred: the checks and the metadata readers are not needed before the first
    # frame (the app runs them in a child process; this is the in-process fallback)
    from gallery_app.core.checks.run import check_entry
    from gallery_app.core.metadata.reader import read_metadata

    return check_entry(entry, read=read_metadata)


def _run(
    entries: tuple[Entry, ...],
    before: Mapping[str, Any],
    check: CheckEntry,
    stops: tuple[Event, ...],
) -> _Done | None:
    """Check ``entries``; an entry equal to the one checked before keeps its findings.

    Returns None as soon as one of ``stops`` is set (another gallery, the app closing).
    """
    done: _Done = {}
    for entry in entries:
        if any(stop.is_set() for stop in stops):
            return None
        old = before.get(entry.id)
        done[entry.id] = (entry, old[1] if old and old[0] == entry else check(entry))
    return done


class _CheckRun(QRunnable):
    """One check run on the pool; it holds the book only weakly.

    The result goes back through the book's own queued signal, so nothing of
    the window outlives it in this task: a run that ends after the window has
    gone (the app closing while a first run loads the gazetteer) finds no book
    and drops its result, and no Qt object is released on a worker thread.
    """

    def __init__(
        self, book: FindingsBook, generation: int, entries: tuple[Entry, ...], before: _Done
    ) -> None:
        super().__init__()
        self._book = weakref.ref(book)
        self._generation = generation
        self._work = (entries, before, book.check_function, book.stop_events)

    def run(self) -> None:
        try:
            done = _run(*self._work)
        except Exception:  # a worker must never take the app down
            log.exception("the checks failed")
            done = None
        book = self._book()
        if book is not None and Shiboken.isValid(book):
            book.run_finished.emit(self._generation, done)  # None: stopped or failed


class FindingsBook(QObject):
    """Every finding of the gallery on screen, by entry id."""

    changed = Signal()
    run_finished = Signal(int, object)  # from the pool: generation, {id: (entry, findings)}

    def __init__(
        self,
        pool: QThreadPool,
        check: CheckEntry | None = None,
        parent: QObject | None = None,
        *,
        busy: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self._check = check or _check_with_files
        # The app's own checks run in a child process (see core.checks.child); an injected
        # check function (tests) or a frozen bundle without ``-m`` runs on the pool.
        self._in_process = check is None and not getattr(sys, "frozen", False)
        self._process: QProcess | None = None
        self._done: _Done = {}
        self._findings: tuple[Finding, ...] = ()
        self._generation = 0
        self._running = 0
        self._closing = Event()  # set when the app closes: runs end at the next entry
        self._gallery_gone = Event()  # set, and replaced, when the model shows another gallery
        self._source: Callable[[], tuple[Entry, ...]] = tuple
        self._entry_role = -1
        self._reset_at = 0  # the generation of the last reset: older runs are another gallery
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._start)
        self.run_finished.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._feed = QTimer(self)  # feeds a child process a slice per turn
        self._feed.setInterval(0)
        self._feed.timeout.connect(self._feed_slice)
        self._feed_state: tuple[int, tuple[Entry, ...], _Done, list[bytes]] = (0, (), {}, [])
        self._feed_at = 0
        self._held = False  # hold(): runs wait for release() (the window's first screen)
        self._due = False  # a run came due while held
        # No run starts while ``busy()`` (a folder scan adding rows): a run compares and
        # pickles every entry, a slice per turn; started in each pause of a long scan,
        # that was the same work over and over.  One run follows the scan.
        self._busy: Callable[[], bool] = busy or (lambda: False)
        self._results = QTimer(self)  # reads a child's answer a slice per turn
        self._results.setInterval(0)
        self._results.timeout.connect(self._take_results)
        self._answer: tuple[int, tuple[Entry, ...], _Done, io.BytesIO, dict[str, Any]] | None = None

    # -- input ----------------------------------------------------------------
    def watch(
        self,
        model: QAbstractItemModel,
        entries: Callable[[], tuple[Entry, ...]],
        entry_role: int,
    ) -> None:
        """Follow ``model``; ``entries`` gives its current entries (a tuple).

        A ``dataChanged`` counts only when it names no roles or ``entry_role``:
        thumbnails arriving and badges repainting change no entry.
        """
        self._source = entries
        self._entry_role = entry_role
        model.modelReset.connect(self._on_reset)
        model.rowsInserted.connect(self.schedule)
        model.rowsRemoved.connect(self.schedule)
        model.dataChanged.connect(self._on_data_changed)

    def schedule(self, *_args: object) -> None:
        """Check again soon (restarting the wait: a burst of changes is one run)."""
        self._timer.start()

    def _on_reset(self) -> None:
        self._gallery_gone.set()  # runs over the old gallery stop at their next entry
        self._gallery_gone = Event()
        self._generation += 1  # results of the old gallery are dropped
        self._reset_at = self._generation
        self._done = {}
        if self._findings:
            self._findings = ()
            self.changed.emit()
        self.schedule()

    def _on_data_changed(self, _first: QModelIndex, _last: QModelIndex, roles: Any = ()) -> None:
        if not roles or self._entry_role in roles:
            self.schedule()

    @property
    def check_function(self) -> CheckEntry:
        return self._check

    @property
    def stop_events(self) -> tuple[Event, ...]:
        return (self._closing, self._gallery_gone)

    def hold(self) -> None:
        """Start no run until :meth:`release` (the app: until the first screen is up)."""
        self._held = True

    def release(self) -> None:
        """Runs may start again; one that came due meanwhile starts now."""
        self._held = False
        if self._due:
            self._due = False
            self._start()

    def stop(self) -> None:
        """The app is closing: runs under way end at their next entry, none starts."""
        self._closing.set()
        self._timer.stop()
        self._results.stop()
        self._stop_feed()
        self._kill_process()

    def _start(self) -> None:
        if self._closing.is_set():
            return
        if self._held:
            self._due = True
            return
        if self._busy():
            self._timer.start()  # asked again in DELAY_MS: O(1)
            return
        self._generation += 1
        self._running += 1
        entries, before = self._source(), dict(self._done)
        if self._in_process:
            self._start_process(self._generation, entries, before)
        else:
            self._pool.start(_CheckRun(self, self._generation, entries, before))

    # -- the child process ------------------------------------------------------
    def _start_process(self, generation: int, entries: tuple[Entry, ...], before: _Done) -> None:
        """Compare and pickle ``entries`` a slice per turn, then hand the new ones to a child.

        At 10,000 entries comparing and pickling take a few hundred milliseconds:
        in one turn of the GUI thread that was a visible freeze after each scan.
        """
        self._stop_feed()
        self._feed_state = (generation, entries, before, [])
        self._feed_at = 0
        self._feed.start()

    def _feed_slice(self) -> None:
        generation, entries, before, pickles = self._feed_state
        if generation != self._generation or self._closing.is_set():
            self._stop_feed()  # overtaken by a newer run, or closing
            return
        chunk = entries[self._feed_at : self._feed_at + FEED_SLICE]
        self._feed_at += FEED_SLICE
        todo = [e for e in chunk if not (e.id in before and _same(before[e.id][0], e))]
        if todo:
            pickles.append(pickle.dumps(todo, protocol=pickle.HIGHEST_PROTOCOL))
        if self._feed_at < len(entries):
            return
        self._feed.stop()
        if not pickles:  # nothing new: no process at all
            self._on_done(generation, {e.id: before[e.id] for e in entries})
        else:
            self._launch(generation, entries, before, pickles)

    def _stop_feed(self) -> None:
        if self._feed.isActive():  # a run still being fed ends here
            self._feed.stop()
            self._running -= 1

    def _launch(
        self, generation: int, entries: tuple[Entry, ...], before: _Done, pickles: list[bytes]
    ) -> None:
        self._kill_process()  # a newer run replaces an unfinished one
        process = QProcess(self)
        process.setProgram(sys.executable)
        process.setArguments(["-m", "gallery_app.core.checks.child"])
        process.finished.connect(
            lambda code, status: self._on_process_finished(
                process, generation, entries, before, code, status
            )
        )
        self._process = process
        process.start()
        for data in pickles:
            process.write(data)
        process.closeWriteChannel()

    def _kill_process(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.state() != QProcess.ProcessState.NotRunning:
            process.kill()
            process.waitForFinished(1000)

    def _on_process_finished(
        self,
        process: QProcess,
        generation: int,
        entries: tuple[Entry, ...],
        before: _Done,
        code: int,
        status: QProcess.ExitStatus,
    ) -> None:
        process.deleteLater()
        if process is not self._process:  # killed: a newer run or the app closing took over
            self._running -= 1
            return
        self._process = None
        if status == QProcess.ExitStatus.NormalExit and code == 0:
            answer = io.BytesIO(bytes(process.readAllStandardOutput().data()))
            self._answer = (generation, entries, before, answer, {})
            self._results.start()  # unpickled a slice per turn: 10,000 findings are not light
            return
        err = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
        log.warning("the checks stopped (exit %s): %s", code, err[-2000:])
        self._on_done(generation, None)

    def _take_results(self) -> None:
        """One pickled slice of the child's answer; the whole answer once it is read."""
        if self._answer is None:
            self._results.stop()
            return
        generation, entries, before, answer, found = self._answer
        done: _Done | None = None
        try:
            if answer.tell() < len(answer.getbuffer()):
                found.update(pickle.load(answer))  # noqa: S301 - our own child process
                return
            done = {e.id: before[e.id] if e.id not in found else (e, found[e.id]) for e in entries}
        except (pickle.UnpicklingError, EOFError, TypeError, KeyError) as exc:
            log.warning("the checks sent back something unreadable: %s", exc)
        self._results.stop()
        self._answer = None
        self._on_done(generation, done)

    def _on_done(self, generation: int, done: _Done | None) -> None:
        self._running -= 1
        if done is None or generation < self._reset_at:
            return  # another gallery's
        if generation != self._generation:
            # overtaken by a newer run of this gallery: keep its work for the next one
            self._done = {**done, **self._done}
            return
        self._done = done
        self._findings = tuple(f for _entry, found in done.values() for f in found)
        self.changed.emit()

    # -- output ---------------------------------------------------------------
    def is_settled(self) -> bool:
        """No run waiting or under way: the findings are those of what the model holds."""
        return not self._timer.isActive() and not self._running and not self._due

    def findings(self) -> tuple[Finding, ...]:
        return self._findings

    def for_entry(self, entry_id: str) -> tuple[Finding, ...]:
        done = self._done.get(entry_id)
        return done[1] if done else ()

    def worst(self, entry_id: str) -> Severity | None:
        found = self.for_entry(entry_id)
        if not found:
            return None
        return min((f.severity for f in found), key=list(Severity).index)
