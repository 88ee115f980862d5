# SPDX-License-Identifier: GPL-3.0-or-later
"""The throttle folds a burst of requests into one call, after the delay, never at once."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from gallery_app.qt.pools import ThreadPools, make_pool
from gallery_app.qt.throttle import Throttle


def test_a_burst_makes_one_call_after_the_delay(qtbot: QtBot) -> None:
    calls: list[int] = []
    throttle = Throttle(lambda: calls.append(1), 20)
    for _ in range(5):
        throttle.schedule()
    assert calls == []  # never at once: the burst is still coming
    assert throttle.pending()
    qtbot.wait_until(lambda: calls == [1])
    assert not throttle.pending()
    throttle.schedule()  # a new burst, a new call
    qtbot.wait_until(lambda: calls == [1, 1])


def test_a_steady_stream_gets_calls_from_a_throttle_and_none_from_a_debounce(
    qtbot: QtBot,
) -> None:
    throttle_calls: list[int] = []
    debounce_calls: list[int] = []
    throttle = Throttle(lambda: throttle_calls.append(1), 20)
    debounce = Throttle(lambda: debounce_calls.append(1), 1000, restart=True)

    def stream() -> bool:  # asked again and again while qtbot waits
        throttle.schedule()
        debounce.schedule()
        return len(throttle_calls) >= 3

    qtbot.wait_until(stream)
    assert debounce_calls == []  # every request moved its call on
    qtbot.wait_until(lambda: debounce_calls == [1])  # the stream stopped: one call


def test_flush_calls_now_and_cancel_drops_the_call(qtbot: QtBot) -> None:
    calls: list[str] = []
    throttle = Throttle(lambda: calls.append("call"), 10_000)
    throttle.flush()
    assert calls == []  # nothing was pending
    throttle.schedule()
    throttle.flush()
    assert calls == ["call"]
    assert not throttle.pending()
    throttle.schedule()
    throttle.cancel()
    assert not throttle.pending()
    assert calls == ["call"]


def test_the_app_pools_are_separate_and_the_scan_pool_has_one_thread() -> None:
    pools = ThreadPools.create()
    assert len({id(pools.work), id(pools.thumbnails), id(pools.scan)}) == 3
    assert pools.scan.maxThreadCount() == 1
    assert pools.work.maxThreadCount() >= 2
    assert make_pool(0).maxThreadCount() == 1
    pools.clear()
    pools.wait_for_done(1000)
