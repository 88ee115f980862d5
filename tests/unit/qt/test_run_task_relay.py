# SPDX-License-Identifier: GPL-3.0-or-later
"""run_task's relay is Qt's, deleted on the GUI thread after the worker's last signal.

A relay owned by Python was deleted on the worker thread whenever the
worker's runnable held its last reference (the caller had already dropped
its own in the result's slot): a use after free that crashed the map about
one test run in four.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThreadPool
from pytestqt.qtbot import QtBot

from gallery_app.qt.workers import run_task


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    yield pool
    pool.waitForDone()


def test_the_relay_belongs_to_qt_and_goes_once_the_result_is_delivered(
    qtbot: QtBot, pool: QThreadPool
) -> None:
    got: list[int] = []
    relay = run_task(pool, lambda: 42, got.append)
    assert not shiboken6.ownedByPython(relay)  # never deleted by a worker's last reference
    qtbot.wait_until(lambda: got == [42])
    qtbot.wait_until(lambda: not shiboken6.isValid(relay))  # deleted, on the GUI thread


def test_many_tasks_whose_callers_forget_their_relays_at_once(
    qtbot: QtBot, pool: QThreadPool
) -> None:
    """The pattern that crashed: the caller drops its relay in the result's slot."""
    relays: dict[int, QObject] = {}
    done: list[int] = []

    def finish(k: int) -> None:
        relays.pop(k, None)
        done.append(k)

    for k in range(300):
        relays[k] = run_task(pool, lambda k=k: k, finish)
    qtbot.wait_until(lambda: len(done) == 300, timeout=30_000)
    assert sorted(done) == list(range(300)) and not relays


def test_errors_arrive_and_a_deleted_parent_gets_nothing(qtbot: QtBot, pool: QThreadPool) -> None:
    errors: list[str] = []

    def boom() -> None:
        raise ValueError("no such place")

    run_task(pool, boom, lambda _r: None, errors.append)
    qtbot.wait_until(lambda: errors == ["no such place"])

    owner = QObject()
    got: list[int] = []
    relay = run_task(pool, lambda: 1, got.append, parent=owner)
    shiboken6.delete(owner)  # the page that asked closed before the answer came
    qtbot.wait_until(lambda: not shiboken6.isValid(relay))
    assert got == []
