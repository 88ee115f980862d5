# SPDX-License-Identifier: GPL-3.0-or-later
"""A small gallery for the export tests: photos on disk, a missing one, odd text, a doubt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image

from gallery_app.core.models import (
    Article,
    Entry,
    Gallery,
    ImageInfo,
    ImageStatus,
    Location,
    Precision,
    TakenAt,
)

HOSTILE = 'Crowds <script>alert("x")</script> & "quotes" =SUM(A1) in Tikrit'


def make_gallery(folder: Path) -> Gallery:
    folder.mkdir(parents=True, exist_ok=True)
    photo = folder / "IMG 0001.jpg"
    Image.new("RGB", (640, 480), (120, 30, 40)).save(photo)
    tikrit = Location(
        name="Tikrit, Iraq", city="Tikrit", country="Iraq", country_code="IQ",
        lat=34.61581, lon=43.67861, source="caption",
    )  # fmt: skip
    entries = (
        Entry(
            id="01", position=1, image=photo, caption="Iraqi forces near Tikrit, Iraq.",
            taken=TakenAt(dt.datetime(2015, 3, 30), Precision.DAY, "caption"),
            location=tikrit, creator="Khalid Mohammed", credit="AP", file_photo=True,
            info=ImageInfo(ImageStatus.OK, 640, 480, 1),
        ),
        Entry(
            id="02", position=2, caption="In this Sunday, March 31, 2015 photo, a convoy moves.",
            taken=TakenAt(dt.datetime(2015, 3, 31), Precision.DAY, "caption", uncertain=True),
            warnings=("The caption says Sunday, but March 31, 2015 was a Tuesday.",),
        ),
        Entry(
            id="03", position=3, caption=HOSTILE,
            taken=TakenAt(dt.datetime(2015, 4, 3, 14, 5), Precision.MINUTE, "EXIF", 180),
            location=Location(city="Baghdad", country="Iraq", lat=33.34, lon=44.4),
            credit="Reuters/Stringer",
        ),
        Entry(id="04", position=4, caption="An undated photo of a palace."),
        Entry(
            id="05", position=5, caption="March 2015, somewhere.",
            taken=TakenAt(dt.datetime(2015, 3, 1), Precision.MONTH, "caption"),
        ),
    )  # fmt: skip
    article = Article(
        headline="Iraqi FM Wants More Airstrikes", standfirst="He says <b>Iraq</b> is winning.",
        url="https://example.org/story", gallery_title="Fighting In Iraq", gallery_index=3,
    )  # fmt: skip
    return Gallery(title="Fighting In Iraq", entries=entries, article=article, id="fii")


def claims(entry: Entry) -> tuple[object, ...]:
    """What a round trip must keep: text, date with precision and doubt, place, credit."""
    taken = entry.taken
    loc = entry.location
    return (
        entry.id,
        entry.position,
        entry.caption,
        None if taken is None else (taken.value, taken.precision, taken.uncertain),
        None if loc is None else (loc.label(), loc.city, loc.country, loc.lat, loc.lon),
        entry.creator,
        entry.credit,
        entry.file_photo,
        entry.warnings,
    )
