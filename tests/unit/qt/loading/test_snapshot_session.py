# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening from a snapshot: shown at once, corrected by the scan, kept if the check is stopped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from pytestqt.qtbot import QtBot

from gallery_app.core.models import Entry, Gallery
from gallery_app.qt.loading.folder_session import CHECK_CANCELLED, FolderGalleryLoader


class _FakeScanner(QObject):
    """The FolderScanner's signals, driven by the test instead of a worker."""

    entries_added = Signal(object)
    snapshot = Signal(object)
    progress = Signal(int, int, float)
    finished = Signal(object)
    failed = Signal(str)
    rescanned = Signal(object)

    def start(self, folder: Path) -> None:
        self.started_with = folder

    def stop(self) -> None:
        pass

    def cancel(self) -> None:
        pass


def _gallery(folder: Path, count: int, warnings: tuple[str, ...] = ()) -> Gallery:
    entries = tuple(Entry(id=f"p{n}.jpg", position=n + 1) for n in range(count))
    return Gallery(folder.name, entries, id=str(folder.resolve()), source=folder, warnings=warnings)


def _loader(qtbot: QtBot) -> tuple[FolderGalleryLoader, _FakeScanner]:
    scanner = _FakeScanner()
    pool = QThreadPool()
    loader = FolderGalleryLoader(pool, lambda _p: None, scanner)  # type: ignore[arg-type]
    return loader, scanner


def test_the_snapshot_shows_then_the_scan_corrects_it(qtbot: QtBot, tmp_path: Path) -> None:
    loader, scanner = _loader(qtbot)
    shown: list[int] = []
    loader.updated.connect(lambda g: shown.append(len(g.entries)))
    loader.load(tmp_path)
    scanner.snapshot.emit(_gallery(tmp_path, 600))
    scanner.finished.emit(_gallery(tmp_path, 599))
    assert shown == [600, 599]


def test_a_cancelled_check_keeps_the_folder_as_last_seen(qtbot: QtBot, tmp_path: Path) -> None:
    loader, scanner = _loader(qtbot)
    shown: list[int] = []
    sentences: list[str] = []
    loader.updated.connect(lambda g: shown.append(len(g.entries)))
    loader.scan_finished.connect(sentences.append)
    loader.load(tmp_path)
    scanner.snapshot.emit(_gallery(tmp_path, 600))
    scanner.finished.emit(_gallery(tmp_path, 120, ("Scan cancelled after 120 of 600 files.",)))
    assert shown == [600]  # not cut down to the 120 checked
    assert sentences == [CHECK_CANCELLED]
    assert not loader.scanning


def test_the_loader_vouches_only_for_the_folder_galleries_it_sorted(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The window skips re-sorting 10,000 entries only for these; an edited copy is sorted."""
    loader, scanner = _loader(qtbot)
    seen: list[Gallery] = []
    loader.updated.connect(seen.append)
    loader.load(tmp_path)
    snapshot, scanned = _gallery(tmp_path, 600), _gallery(tmp_path, 601)
    scanner.snapshot.emit(snapshot)
    scanner.finished.emit(scanned)
    assert [len(g.entries) for g in seen] == [600, 601]
    assert loader.in_time_order(seen[-1])
    assert not loader.in_time_order(_gallery(tmp_path, 601))  # equal, but not the one sent
