# SPDX-License-Identifier: GPL-3.0-or-later
"""GUI-thread cost of the filter's file-type switch, the calendar marks and the folder watch.

Usage: QT_QPA_PLATFORM=offscreen python bench/filter_and_watch.py [--photos 10000]

CPU time (``resource.getrusage``, not wall time: the machine may be busy) of:
the file-type switch re-filtering N generated entries (a tenth RAW, a tenth
video); the filter bar taking the entries (day presets and calendar marks)
and the calendar marks alone; finding the files to watch (on a worker in the
app) and adding their watches for 2,000 files in 20 folders.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import tempfile
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from gallery_app.core.gallery.file_types import CHOICES
from gallery_app.core.models import Entry, Gallery, ImageInfo, ImageStatus, Precision, TakenAt
from gallery_app.qt.loading.folder_watch import FolderWatch, files_to_watch
from gallery_app.qt.models.filter_proxy import GalleryFilterProxy
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.photos import PhotoModel
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.window.filter_bar import FilterBar

EXTENSIONS = [".jpg"] * 7 + [".nef", ".mp4", ".heic"]


def cpu_ms() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return (usage.ru_utime + usage.ru_stime) * 1000


def entries(count: int) -> tuple[Entry, ...]:
    start = dt.datetime(1995, 1, 1)
    made = []
    for i in range(count):
        ext = EXTENSIONS[i % len(EXTENSIONS)]
        status = ImageStatus.UNREADABLE if ext == ".mp4" else ImageStatus.OK
        taken = TakenAt(start + dt.timedelta(days=i * 0.8), Precision.SECOND, "EXIF")
        made.append(
            Entry(
                id=f"p{i}",
                position=i + 1,
                image=Path(f"/x/{i:05d}{ext}"),
                caption=f"caption {i}",
                info=ImageInfo(status),
                taken=taken,
            )
        )
    return tuple(made)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=10_000)
    args = parser.parse_args()
    _app = QApplication([])  # held for the whole run
    made = entries(args.photos)
    state = FilterState()
    model = PhotoModel(ImageLoader(QThreadPool()))
    proxy = GalleryFilterProxy(state, model)
    model.set_gallery(Gallery(title="bench", entries=made))
    for label, hidden, _note in (*CHOICES[1:], CHOICES[0]):
        before = cpu_ms()
        state.set_hidden_types(hidden)
        print(f"Files: {label:15} {cpu_ms() - before:7.1f} ms  ({proxy.rowCount():,} shown)")
    bar = FilterBar(FilterState())
    days = len({e.taken.day for e in made if e.taken is not None})
    before = cpu_ms()
    bar.set_entries(made)
    print(f"filter bar takes {len(made):,} entries over {days:,} days: {cpu_ms() - before:.1f} ms")
    bar._marks.set_days([])
    before = cpu_ms()
    bar._marks.set_days(bar._days)
    print(f"calendar marks alone (both calendars): {cpu_ms() - before:.1f} ms")
    root = Path(tempfile.mkdtemp())
    photos = []
    for folder in range(20):
        (root / f"d{folder}").mkdir()
        for i in range(100):
            photo = root / f"d{folder}" / f"{i}.jpg"
            photo.write_bytes(b"x")
            photos.append(photo)
            if i % 10 == 0:
                (root / f"d{folder}" / f"{i}.xmp").write_bytes(b"x")
    before = cpu_ms()
    found = files_to_watch([str(p) for p in photos])
    print(f"files to watch (worker), 2,000 photos: {cpu_ms() - before:.1f} ms, {len(found)} paths")
    pool = QThreadPool()
    watch = FolderWatch(pool)
    gallery = Gallery(
        title="w", entries=tuple(Entry(id=str(p), position=1, image=p) for p in photos)
    )
    before = cpu_ms()
    watch.watch(root, gallery)
    print(f"FolderWatch.watch on the GUI thread: {cpu_ms() - before:.1f} ms")
    pool.waitForDone()
    fresh = FolderWatch(pool)  # nothing watched yet: the cost of adding them all
    before = cpu_ms()
    fresh._add(found)
    print(f"adding {len(found)} file watches: {cpu_ms() - before:.1f} ms")


if __name__ == "__main__":
    main()
