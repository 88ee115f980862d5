# SPDX-License-Identifier: GPL-3.0-or-later
"""relink_missing: moved photos are found by name, then by caption and date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gallery_app.core.errors import DatelineError
from gallery_app.core.folders.relink import relink_missing
from gallery_app.core.models import Entry, Gallery, ImageInfo, ImageStatus, Precision, TakenAt
from tests.unit.photo_files import make_tagged_jpeg

DAY = dt.datetime(2015, 3, 31, 10, 0)


def entry(
    ident: str, image: Path | None, caption: str = "", day: dt.datetime | None = None
) -> Entry:
    status = ImageStatus.NONE if image is None else ImageStatus.MISSING
    return Entry(
        id=ident,
        position=1,
        image=image,
        caption=caption,
        taken=TakenAt(day, Precision.DAY, "caption") if day else None,
        info=ImageInfo(status),
    )


def test_matched_by_name_then_by_caption_and_date(tmp_path: Path) -> None:
    new = tmp_path / "new"
    by_name = make_tagged_jpeg(new / "2015" / "AP_1234.JPG", taken=DAY, caption="Whatever")
    by_caption = make_tagged_jpeg(
        new / "renamed.jpg", taken=DAY, caption="Iraqi  soldiers advance near Tikrit."
    )
    make_tagged_jpeg(
        new / "wrong-day.jpg",
        taken=DAY + dt.timedelta(days=3),
        caption="Shiite militia fighters hold a position.",
    )
    placeholder = make_tagged_jpeg(new / "p.jpg", caption="A photo the article lacked.")
    gallery = Gallery(
        "t",
        (
            entry("a", tmp_path / "old" / "ap_1234.jpg"),
            entry("b", tmp_path / "old" / "gone.jpg", "iraqi soldiers advance near tikrit.", DAY),
            entry("c", tmp_path / "old" / "x.jpg", "Shiite militia fighters hold a position.", DAY),
            entry("d", None, "A photo the article lacked."),
            Entry("e", 2, image=by_name, caption="present", info=ImageInfo(ImageStatus.OK)),
        ),
    )
    links = relink_missing(gallery, new)
    assert links == {"a": by_name, "b": by_caption, "d": placeholder}


def test_ambiguous_name_is_not_guessed(tmp_path: Path) -> None:
    new = tmp_path / "new"
    make_tagged_jpeg(new / "one" / "IMG_1.jpg", caption="first")
    make_tagged_jpeg(new / "two" / "IMG_1.jpg", caption="second")
    gallery = Gallery("t", (entry("a", tmp_path / "IMG_1.jpg"),))
    assert relink_missing(gallery, new) == {}
    gallery = Gallery("t", (entry("a", tmp_path / "IMG_1.jpg", "Second"),))
    assert relink_missing(gallery, new) == {"a": new / "two" / "IMG_1.jpg"}


def test_each_file_is_used_once(tmp_path: Path) -> None:
    new = tmp_path / "new"
    only = make_tagged_jpeg(new / "same.jpg", caption="Twin caption")
    gallery = Gallery(
        "t", (entry("a", tmp_path / "same.jpg"), entry("b", tmp_path / "b.jpg", "Twin caption"))
    )
    assert relink_missing(gallery, new) == {"a": only}


def test_bad_folder(tmp_path: Path) -> None:
    with pytest.raises(DatelineError):
        relink_missing(Gallery("t"), tmp_path / "nowhere")
