# SPDX-License-Identifier: GPL-3.0-or-later
"""Time order by default, and the orders View → Sort by and ``--sort`` offer."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from gallery_app.core.gallery.ordering import SortOrder, sorted_entries
from gallery_app.core.loader import load_gallery
from gallery_app.core.models import Entry, Precision, TakenAt


def _taken(day: int) -> TakenAt:
    return TakenAt(dt.datetime(2015, 3, day), Precision.DAY, "caption")


def test_the_bundled_gallery_lists_in_time_order_with_position_as_tie_break() -> None:
    gallery = load_gallery(None)
    assert [e.position for e in sorted_entries(gallery.entries)] == [
        1, 2, 3, 5, 8, 6, 4, 7, 9, 10, 11,
    ]  # fmt: skip
    by_position = sorted_entries(gallery.entries, SortOrder.POSITION)
    assert [e.position for e in by_position] == list(range(1, 12))


def test_undated_photos_stay_last_in_both_directions() -> None:
    entries = [
        Entry("a", 1, taken=_taken(2)),
        Entry("b", 2),
        Entry("c", 3, taken=_taken(1)),
    ]
    assert [e.id for e in sorted_entries(entries)] == ["c", "a", "b"]
    assert [e.id for e in sorted_entries(entries, descending=True)] == ["a", "c", "b"]


def test_file_name_size_and_date_orders(tmp_path: Path) -> None:
    files = []
    for name, size, mtime in (("b.jpg", 30, 300), ("A.jpg", 10, 200), ("c.jpg", 20, 100)):
        path = tmp_path / name
        path.write_bytes(b"x" * size)
        os.utime(path, (mtime, mtime))
        files.append(path)
    entries = [Entry(p.stem, i, image=p) for i, p in enumerate(files, start=1)]
    names = lambda order, rev=False: [  # noqa: E731
        e.image.name for e in sorted_entries(entries, order, rev) if e.image
    ]
    assert names(SortOrder.NAME) == ["A.jpg", "b.jpg", "c.jpg"]
    assert names(SortOrder.SIZE) == ["A.jpg", "c.jpg", "b.jpg"]
    assert names(SortOrder.MTIME) == ["c.jpg", "A.jpg", "b.jpg"]
    assert names(SortOrder.MTIME, True) == ["b.jpg", "A.jpg", "c.jpg"]
