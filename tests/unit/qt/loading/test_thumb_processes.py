# SPDX-License-Identifier: GPL-3.0-or-later
"""ThumbnailProcesses: started on a backlog, a dead worker retried once, then the placeholder."""

from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

from gallery_app.core.store.thumbjob import MadeThumb, Pixels
from gallery_app.qt.loading.thumb_processes import ThumbnailProcesses

GOOD = MadeThumb(Pixels("RGB", 1, 1, b"\x00\x00\x00"))


class FakePool:
    """Answers at once: ``plan`` says, per call of the work, what its future holds."""

    workers = 2

    def __init__(self, plan: list[object]) -> None:
        self.plan = plan
        self.calls: list[str] = []
        self.closed = 0

    def submit(self, work: Any, *args: object) -> Future[object]:
        self.calls.append(work.__name__)
        future: Future[object] = Future()
        outcome = 1234 if work.__name__ == "warm" else self.plan.pop(0)
        if isinstance(outcome, BaseException):
            future.set_exception(outcome)
        else:
            future.set_result(outcome)
        return future

    def close(self) -> None:
        self.closed += 1


def made_by(pool: FakePool) -> tuple[ThumbnailProcesses, list[MadeThumb]]:
    processes = ThumbnailProcesses(pool, start_backlog=4)  # type: ignore[arg-type]
    got: list[MadeThumb] = []
    processes.submit(Path("/photos/a.jpg"), "large", got.append)
    return processes, got


def test_started_only_once_thumbnails_pile_up() -> None:
    pool = FakePool([])
    processes = ThumbnailProcesses(pool, start_backlog=4)  # type: ignore[arg-type]
    assert not processes.accept(3) and pool.calls == []  # a few photos: the threads do them
    assert not processes.accept(4)  # started now; this job still goes to a thread
    assert pool.calls == ["warm", "warm"]
    assert processes.ready() and processes.accept(1)


def test_a_dead_worker_is_replaced_and_the_photo_tried_again() -> None:
    pool = FakePool([BrokenProcessPool("killed"), GOOD])
    processes, got = made_by(pool)
    assert got == [GOOD] and pool.closed == 1 and processes.made == 1


def test_a_photo_that_kills_two_workers_gets_the_placeholder(
    caplog: pytest.LogCaptureFixture,
) -> None:
    pool = FakePool([BrokenProcessPool("killed"), BrokenProcessPool("killed again")])
    _processes, got = made_by(pool)
    assert got == [MadeThumb(None, failed=True)]
    assert "a.jpg" in caplog.text


def test_processes_that_cannot_start_leave_the_work_to_threads() -> None:
    class NoProcesses(FakePool):
        def submit(self, work: Any, *args: object) -> Future[object]:
            raise OSError("no semaphores here")

    processes = ThumbnailProcesses(NoProcesses([]), start_backlog=1)  # type: ignore[arg-type]
    assert not processes.accept(5)
    assert not processes.accept(5) and not processes.ready()
