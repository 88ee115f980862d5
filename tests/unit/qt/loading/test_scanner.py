# SPDX-License-Identifier: GPL-3.0-or-later
"""FolderScanner: background scans in batches, cancel, failures, watching for changes."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from gallery_app.core.models import Entry, Gallery
from gallery_app.core.store.catalog import Catalog
from gallery_app.qt.loading.scanner import FolderScanner
from tests.unit.photo_files import make_tagged_jpeg

DAY = dt.datetime(2015, 3, 30, 9, 0)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "photos"
    for i in range(12):
        make_tagged_jpeg(root / f"{i:02d}.jpg", taken=DAY - dt.timedelta(hours=i), caption=f"#{i}")
    make_tagged_jpeg(root / "zz-undated.jpg", caption="undated")
    return root


@pytest.fixture
def scanner(qtbot: QtBot) -> Iterator[FolderScanner]:
    pool = QThreadPool()
    catalog = Catalog()
    scan = FolderScanner(catalog, pool, rescan_delay_ms=50)
    yield scan
    scan.stop()
    pool.waitForDone()
    catalog.close()


def test_entries_arrive_in_batches_then_the_sorted_gallery(
    scanner: FolderScanner, folder: Path, qtbot: QtBot
) -> None:
    batches: list[list[Entry]] = []
    progress: list[tuple[int, int, float]] = []
    scanner.entries_added.connect(batches.append)
    scanner.progress.connect(lambda d, t, r: progress.append((d, t, r)))
    with qtbot.wait_signal(scanner.finished, timeout=10_000) as blocker:
        scanner.start(folder)
        assert scanner.is_running()
    gallery: Gallery = blocker.args[0]
    assert not scanner.is_running()
    assert len(gallery.entries) == 13
    assert [e.caption for e in gallery.entries][:2] == ["#11", "#10"]
    assert gallery.entries[-1].taken is None
    assert 1 <= len(batches) < 13, "batched, never one signal per file"
    assert sum(len(b) for b in batches) == 13
    assert progress[0][:2] == (0, 13) and progress[-1][:2] == (13, 13)
    assert progress[-1][2] > 0


def test_a_new_start_drops_the_old_scan(
    scanner: FolderScanner, folder: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    other = tmp_path / "other"
    make_tagged_jpeg(other / "only.jpg", taken=DAY, caption="other folder")
    finished: list[Gallery] = []
    scanner.finished.connect(finished.append)
    scanner.start(folder)
    scanner.start(other)
    qtbot.wait_until(lambda: bool(finished), timeout=10_000)
    scanner.stop()  # nothing further may arrive
    assert [e.caption for g in finished for e in g.entries] == ["other folder"]


def test_cancel_finishes_with_what_was_read(folder: Path, qtbot: QtBot) -> None:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    gate = threading.Event()
    pool.start(gate.wait)  # holds the only thread so the scan cannot begin before cancel()
    scanner = FolderScanner(None, pool)
    with qtbot.wait_signal(scanner.finished, timeout=10_000) as blocker:
        scanner.start(folder)
        scanner.cancel()
        gate.set()
    pool.waitForDone()
    gallery: Gallery = blocker.args[0]
    assert gallery.entries == ()
    assert "cancelled" in gallery.warnings[0]


def test_missing_folder_fails_with_a_sentence(
    scanner: FolderScanner, tmp_path: Path, qtbot: QtBot
) -> None:
    with qtbot.wait_signal(scanner.failed, timeout=10_000) as blocker:
        scanner.start(tmp_path / "nowhere")
    assert "no such folder" in blocker.args[0]
    assert not scanner.is_running()


def test_a_new_photo_in_the_open_folder_triggers_a_quiet_rescan(
    scanner: FolderScanner, folder: Path, qtbot: QtBot
) -> None:
    with qtbot.wait_signal(scanner.finished, timeout=10_000):
        scanner.start(folder)
    batches: list[list[Entry]] = []
    scanner.entries_added.connect(batches.append)
    with qtbot.wait_signal(scanner.rescanned, timeout=10_000) as blocker:
        make_tagged_jpeg(folder / "new.jpg", taken=DAY - dt.timedelta(days=3), caption="new")
    gallery: Gallery = blocker.args[0]
    assert gallery.entries[0].caption == "new"
    assert len(gallery.entries) == 14
    assert batches == []


def _snapshot_scanner(
    monkeypatch: pytest.MonkeyPatch, folder: Path
) -> tuple[FolderScanner, QThreadPool, threading.Event]:
    """A scanner whose folder has a snapshot, and whose check records that it began."""
    from gallery_app.qt.loading import scanner as module

    shown = Gallery("photos", (Entry(id="a.jpg", position=1),), id=str(folder), source=folder)
    monkeypatch.setattr(module, "load_snapshot", lambda _folder: shown)
    monkeypatch.setattr(module, "CHECK_HOLD_S", 60.0)
    began = threading.Event()
    real_scan = module.scan_folder

    def scan(*args: object, **kwargs: object) -> Gallery:
        began.set()
        return real_scan(*args, **kwargs)

    monkeypatch.setattr(module, "scan_folder", scan)
    pool = QThreadPool()
    return FolderScanner(None, pool, hold_check=True), pool, began


def test_a_snapshots_check_waits_until_the_first_screen_is_up(
    folder: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    scanner, pool, began = _snapshot_scanner(monkeypatch, folder)
    with qtbot.wait_signal(scanner.snapshot, timeout=10_000):
        scanner.start(folder)
    assert not began.is_set()  # the snapshot is on screen; the disk is not read yet
    with qtbot.wait_signal(scanner.finished, timeout=20_000) as blocker:
        scanner.screen_ready()
    assert began.is_set()
    assert len(blocker.args[0].entries) == 13  # then checked and corrected as before
    scanner.stop()
    pool.waitForDone()


def test_cancelling_while_the_check_waits_keeps_the_snapshot_and_reads_nothing(
    folder: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    scanner, pool, began = _snapshot_scanner(monkeypatch, folder)
    with qtbot.wait_signal(scanner.snapshot, timeout=10_000):
        scanner.start(folder)
    with qtbot.wait_signal(scanner.finished, timeout=10_000) as blocker:
        scanner.cancel()
    gallery: Gallery = blocker.args[0]
    assert not began.is_set()
    assert gallery.warnings and [e.id for e in gallery.entries] == ["a.jpg"]
    pool.waitForDone()
