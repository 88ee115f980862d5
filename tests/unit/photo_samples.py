# SPDX-License-Identifier: GPL-3.0-or-later
"""Galleries built in code for the photo-widget tests (grid, photo view, captions).

``wire_gallery()`` is shaped like the bundled one: 11 AP-style entries without
image files, dated March 30 – April 3, 2015, one with a weekday warning.
``photo_gallery(tmp_path)`` adds real JPEG files made with Pillow, one of them
broken, so the thumbnail path can be exercised without the shared corpus.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from PIL import Image

from gallery_app.core.models import (
    ContextLink,
    Entry,
    Gallery,
    ImageInfo,
    ImageStatus,
    Location,
    Precision,
    TakenAt,
)

CREDIT = "AP Photo/Khalid Mohammed"
TIKRIT = Location(name="Tikrit, Iraq", city="Tikrit", country="Iraq", lat=34.6071, lon=43.6782)
ROAD = Location(name="Baghdad–Tikrit road, Iraq", country="Iraq")

# (day, caption)
_ROWS: tuple[tuple[tuple[int, int] | None, str], ...] = (
    ((3, 30), "Iraqi security forces launch a rocket against Islamic State positions in Tikrit."),
    ((3, 30), "An injured Iraqi officer waits for treatment on the front line in Tikrit."),
    ((3, 30), "A member of the Iraqi security forces runs to plant the national flag."),
    ((4, 2), "Iraqi security forces deploy in Tikrit, a day after taking control of the city."),
    ((3, 30), "Iraqi security forces take up positions during clashes in Tikrit."),
    ((3, 31), "Iraqi security forces launch rockets against Islamic State positions."),
    ((4, 3), "An Iraqi soldier plays his guitar atop his armored vehicle on the main road."),
    ((3, 30), "An Iraqi officer shouts orders as they attack Islamic State extremists."),
    ((4, 3), "Iraqi security forces chant slogans after opening the main gate of their base."),
    ((4, 3), "Iraqi security forces celebrate as they drive on the main road to Tikrit."),
    (None, "Shiite militiamen celebrate at one of Saddam Hussein's palaces in Tikrit."),
)

LONG_CAPTION = (
    "In this Sunday, March 31, 2015 file photo, Iraqi security forces launch rockets against "
    "Islamic State extremist positions in Tikrit, 80 miles north of Baghdad, Iraq, while "
    "civilians who stayed behind shelter in the basements of the old town; the offensive, "
    "which began in early March with some 30,000 troops and militiamen, stalled for weeks "
    "before coalition airstrikes began. (AP Photo/Khalid Mohammed, File)"
)
MARKUP_CAPTION = 'Caption with <b>bold</b> and <a href="https://example.org/">a link</a> & more'


def make_entry(number: int, caption: str, day: tuple[int, int] | None) -> Entry:
    taken = (
        TakenAt(dt.datetime(2015, day[0], day[1]), Precision.DAY, "caption")
        if day is not None
        else None
    )
    return Entry(
        id=f"e{number:02d}",
        position=number,
        caption=caption,
        taken=taken,
        location=ROAD if number in (7, 10) else TIKRIT,
        creator="Khalid Mohammed",
        credit=CREDIT,
        file_photo=number <= 8,
        context=ContextLink(gallery_index=3, paragraphs=(1,), reason="same subject"),
    )


def wire_gallery() -> Gallery:
    entries = [make_entry(i + 1, caption, day) for i, (day, caption) in enumerate(_ROWS)]
    # Entry 6: the caption says "Sunday, March 31", but that day was a Tuesday.
    six = entries[5]
    assert six.taken is not None
    entries[5] = replace(
        six,
        caption=LONG_CAPTION,
        taken=replace(six.taken, uncertain=True),
        warnings=("The caption says Sunday, but March 31, 2015 was a Tuesday.",),
    )
    return Gallery(title="Fighting In Iraq", entries=tuple(entries), id="fighting-in-iraq")


def write_jpeg(path: Path, size: tuple[int, int], colour: tuple[int, int, int]) -> Path:
    image = Image.new("RGB", size, colour)
    # A darker square in the top-left corner shows which way up the picture is.
    image.paste(
        (colour[0] // 3, colour[1] // 3, colour[2] // 3), (0, 0, size[0] // 4, size[1] // 4)
    )
    image.save(path, "JPEG", quality=85)
    return path


def photo_gallery(folder: Path) -> Gallery:
    """Four entries: two JPEGs, one broken file, one with no file at all."""
    base = wire_gallery().entries
    first = write_jpeg(folder / "first.jpg", (1200, 800), (200, 120, 40))
    second = write_jpeg(folder / "second.jpg", (600, 900), (40, 120, 200))
    broken = folder / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 this is not really a JPEG")
    entries = (
        replace(base[0], image=first, info=ImageInfo(ImageStatus.OK, 1200, 800)),
        replace(base[1], image=second, info=ImageInfo(ImageStatus.OK, 600, 900)),
        replace(base[2], image=broken, info=ImageInfo(ImageStatus.OK)),
        base[3],
    )
    return Gallery(title="Photos", entries=entries, id="photos")
