# SPDX-License-Identifier: GPL-3.0-or-later
"""A small gallery for the shell's tests: 11 entries over March 30 – April 3, 2015,
one caption holding markup, one undated entry, and photos made by Pillow on request."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image

from gallery_app.core.models import (
    Article,
    ContextLink,
    Entry,
    Gallery,
    ImageInfo,
    ImageStatus,
    Location,
    Precision,
    TakenAt,
)

DAYS = (30, 30, 30, 2, 30, 31, 3, 30, 3, 3, 3)  # March 30/31, April 2/3
MARKUP = "<b>Bold</b> soldiers <a href='https://evil.example'>click</a> in Tikrit"


def _day(d: int) -> dt.datetime:
    return dt.datetime(2015, 3 if d >= 30 else 4, d)


def make_gallery(photo_dir: Path | None = None, *, undated: bool = False) -> Gallery:
    entries = []
    for i, d in enumerate(DAYS, start=1):
        caption = MARKUP if i == 2 else f"Photo {i}: Iraqi forces in Tikrit, day {d}."
        image = None
        info = None
        if photo_dir is not None and i == 1:
            image = photo_dir / "one.jpg"
            Image.new("RGB", (320, 200), (200, 80, 40)).save(image)
            info = ImageInfo(ImageStatus.OK, 320, 200)
        entries.append(
            Entry(
                id=f"e{i}",
                position=i,
                image=image,
                info=info,
                caption=caption,
                taken=None if undated and i == 11 else TakenAt(_day(d), Precision.DAY, "caption"),
                location=Location(name="Tikrit", city="Tikrit", country="Iraq"),
                credit="AP Photo/Khalid Mohammed",
                context=ContextLink(gallery_index=2, paragraphs=(i % 3,), reason="test"),
            )
        )
    article = Article(
        headline="Iraq wants more airstrikes",
        standfirst="The minister spoke on Friday.",
        paragraphs=("First paragraph.", "Second paragraph.", "Third paragraph."),
        gallery_index=2,
    )
    return Gallery(
        title="Fighting In Iraq", entries=tuple(entries), article=article, id="test-iraq"
    )
