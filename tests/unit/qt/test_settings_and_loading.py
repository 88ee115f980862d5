# SPDX-License-Identifier: GPL-3.0-or-later
"""Settings persist with sane defaults; galleries load off the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QByteArray, QThreadPool

from gallery_app.core.errors import DatelineError
from gallery_app.core.models import Entry, Gallery
from gallery_app.core.store.links import LinkStore
from gallery_app.qt.loading.gallery import GalleryLoader
from gallery_app.qt.settings import Settings


def test_settings_round_trip_and_clamp(tmp_path: Path, dateline_home: Path) -> None:
    s = Settings()
    assert s.thumbnail_size == 192 and s.slideshow_interval == 5 and s.slideshow_loop
    s.thumbnail_size = 9999
    s.slideshow_interval = 0
    s.slideshow_shuffle = True
    s.geometry = QByteArray(b"abc")
    s.set_splitter_sizes("grid", [300, 120])
    s.add_recent_gallery(tmp_path / "a")
    s.add_recent_gallery(tmp_path / "b")
    s.add_recent_gallery(tmp_path / "a")
    s.last_gallery = tmp_path / "a"
    s.sync()

    again = Settings()
    assert again.path.is_relative_to(dateline_home)
    assert again.thumbnail_size == 512
    assert again.slideshow_interval == 1
    assert again.slideshow_shuffle is True
    assert bytes(again.geometry.data()) == b"abc"
    assert again.splitter_sizes("grid") == [300, 120]
    assert again.recent_galleries == [tmp_path / "a", tmp_path / "b"]
    assert again.last_gallery == tmp_path / "a"


def test_damaged_setting_falls_back_to_default() -> None:
    s = Settings()
    s.path.write_text("[view]\nthumbnail_size=huge\n[slideshow]\nloop=false\n", encoding="utf-8")
    again = Settings()
    assert again.thumbnail_size == 192
    assert again.slideshow_loop is False


def test_loader_runs_off_the_gui_thread_and_applies_links(qtbot, tmp_path: Path) -> None:
    threads: list[threading.Thread] = []

    def load(path: Path | None) -> Gallery:
        threads.append(threading.current_thread())
        return Gallery("G", id="g", entries=(Entry("e1", 1),))

    links = LinkStore()
    links.set("g", "e1", tmp_path / "photo.jpg")
    loader = GalleryLoader(QThreadPool.globalInstance(), load, links)
    with qtbot.wait_signal(loader.loaded) as blocker:
        loader.load(None)
    assert threads[0] is not threading.main_thread()
    assert blocker.args[0].entries[0].image == (tmp_path / "photo.jpg").resolve()
    assert not loader.busy


def test_loader_reports_a_sentence_on_failure(qtbot) -> None:
    def load(path: Path | None) -> Gallery:
        raise DatelineError("The file “x.json” is not a gallery manifest.")

    loader = GalleryLoader(QThreadPool.globalInstance(), load)
    with qtbot.wait_signal(loader.failed) as blocker:
        loader.load(Path("x.json"))
    assert blocker.args == ["The file “x.json” is not a gallery manifest."]


def test_only_the_newest_load_counts(qtbot) -> None:
    gate = threading.Event()

    def load(path: Path | None) -> Gallery:
        if path == Path("slow"):
            gate.wait(5)
        return Gallery(str(path))

    loader = GalleryLoader(QThreadPool.globalInstance(), load)
    got: list[str] = []
    loader.loaded.connect(lambda g: got.append(g.title))
    loader.load(Path("slow"))
    with qtbot.wait_signal(loader.loaded):
        loader.load(Path("fast"))
    gate.set()
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait_until(lambda: not QThreadPool.globalInstance().activeThreadCount())
    assert got == ["fast"]
