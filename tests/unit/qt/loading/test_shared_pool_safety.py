# SPDX-License-Identifier: GPL-3.0-or-later
"""Work that shares the app's thread pool is not dropped or raced by its neighbours.

Gallery loads, relinks and image decodes share one pool: clearing the image
decoder's queue must not cancel a gallery load waiting behind it, and the
user's photo links (written on the GUI thread) are only read there too.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, QThreadPool

from gallery_app.core.models import Entry, Gallery
from gallery_app.core.store.links import LinkStore
from gallery_app.qt.loading.gallery import GalleryLoader
from gallery_app.qt.workers import ImageLoader, run_task


@pytest.fixture
def pool() -> QThreadPool:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)  # one worker: everything else waits in the queue
    yield pool
    pool.waitForDone(5000)


def test_clearing_the_image_queue_keeps_other_work_on_the_pool(
    qtbot, pool: QThreadPool, tmp_path: Path
) -> None:
    gate = threading.Event()
    relays = [run_task(pool, lambda: gate.wait(10), lambda _r: None)]  # holds the only thread
    done: list[str] = []
    relays.append(run_task(pool, lambda: "gallery", done.append))  # a load, queued
    images = ImageLoader(pool)
    decoded: list[str] = []
    images.image_ready.connect(lambda key, _image: decoded.append(key))
    images.request("stale", tmp_path / "nothing.jpg", QSize(64, 64))

    images.clear()  # the view changed
    images.request("fresh", tmp_path / "nothing.jpg", QSize(64, 64))
    with qtbot.wait_signal(images.image_ready, timeout=5000):
        gate.set()
    qtbot.wait_until(lambda: done == ["gallery"], timeout=5000)
    # One worker runs the queue in order: "stale", had it run, would have come first.
    assert decoded == ["fresh"]


def test_links_are_laid_over_a_loaded_gallery_on_the_gui_thread(
    qtbot, pool: QThreadPool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readers: list[threading.Thread] = []
    real_apply = LinkStore.apply

    def recording_apply(self: LinkStore, gallery: Gallery) -> Gallery:
        readers.append(threading.current_thread())
        return real_apply(self, gallery)

    monkeypatch.setattr(LinkStore, "apply", recording_apply)
    links = LinkStore()
    gallery = Gallery("G", id="g", entries=(Entry("e1", 1),))
    links.set("g", "e1", tmp_path / "photo.jpg")
    loader = GalleryLoader(pool, lambda _path: gallery, links)
    with qtbot.wait_signal(loader.loaded) as loaded:
        loader.load(None)
    assert readers and all(t is threading.main_thread() for t in readers)
    assert loaded.args[0].entries[0].image == (tmp_path / "photo.jpg").resolve()
