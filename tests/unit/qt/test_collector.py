# SPDX-License-Identifier: GPL-3.0-or-later
"""Cycles are collected on the GUI thread only, while the window runs."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from gallery_app.qt.collector import GuiThreadCollector, generation_due


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_the_oldest_generation_past_its_threshold_is_due() -> None:
    thresholds = (700, 10, 10)
    assert generation_due((100, 50, 50), thresholds) is None  # nothing new since the last pass
    assert generation_due((701, 3, 3), thresholds) == 0
    assert generation_due((701, 11, 3), thresholds) == 1
    assert generation_due((701, 11, 11), thresholds) == 2


def test_garbage_made_on_a_worker_is_freed_by_the_gui_thread(qtbot: object) -> None:
    parent = QObject()
    collector = GuiThreadCollector(parent, interval_ms=10)
    try:
        assert not gc.isenabled()
        refs: list[weakref.ref[_Node]] = []
        collected_in: list[str] = []

        def make_garbage() -> None:
            for _ in range(5000):  # enough to pass generation 0's threshold many times over
                node = _Node()
                refs.append(
                    weakref.ref(
                        node, lambda _r: collected_in.append(threading.current_thread().name)
                    )
                )
                del node

        worker = threading.Thread(target=make_garbage, name="worker")
        worker.start()
        worker.join()
        assert all(ref() is not None for ref in refs)  # nothing collected on the worker
        qtbot.waitUntil(lambda: all(ref() is None for ref in refs), timeout=10_000)  # type: ignore[attr-defined]
        assert set(collected_in) == {threading.main_thread().name}
    finally:
        collector.stop()
        parent.deleteLater()
    assert gc.isenabled()
