# SPDX-License-Identifier: GPL-3.0-or-later
"""Dates as people read them: as far as they are known, short where room is short."""

from __future__ import annotations

import datetime as dt

import pytest

from gallery_app.core.gallery.labels import duration_text, format_date
from gallery_app.core.models import Precision, TakenAt

WHEN = dt.datetime(2019, 5, 12, 19, 6, 51)


@pytest.mark.parametrize(
    ("precision", "offset", "long", "short"),
    [
        (Precision.YEAR, None, "2019", "2019"),
        (Precision.MONTH, None, "May 2019", "May 2019"),
        (Precision.DAY, None, "Sunday 12 May 2019", "Sun 12 May 2019"),
        (Precision.MINUTE, None, "Sunday 12 May 2019, 19:06", "Sun 12 May 2019, 19:06"),
        (Precision.SECOND, 120, "Sunday 12 May 2019, 19:06:51 (UTC+2)", "Sun 12 May 2019, 19:06"),
        (
            Precision.SECOND,
            -330,
            "Sunday 12 May 2019, 19:06:51 (UTC−5:30)",
            "Sun 12 May 2019, 19:06",
        ),
    ],
)
def test_dates_show_what_is_known(
    precision: Precision, offset: int | None, long: str, short: str
) -> None:
    taken = TakenAt(WHEN, precision, "test", offset)
    assert format_date(taken) == long
    assert format_date(taken, short=True) == short


def test_undated_is_said_plainly() -> None:
    assert format_date(None) != "" and "1970" not in format_date(None)


def test_a_name_that_says_nothing_is_led_by_its_folder() -> None:
    from pathlib import Path

    from gallery_app.core.gallery.labels import file_name, heading_text
    from gallery_app.core.gallery.query import matches_text
    from gallery_app.core.models import Entry

    def entry(path: str) -> Entry:
        return Entry(id=path, position=1, image=Path(path))

    packaged = entry("/usr/share/wallpapers/BytheWater/contents/images/1920x1080.jpg")
    assert heading_text(packaged) == "BytheWater · 1920x1080.jpg"
    assert file_name(entry("/w/Kite/contents/screenshot.jpg")) == "Kite · screenshot.jpg"
    assert file_name(entry("/photos/2024/IMG_0001.JPG")) == "IMG_0001.JPG"  # says enough
    assert file_name(entry("/photos/Holiday/2560x1600.png")) == "Holiday · 2560x1600.png"
    assert matches_text(packaged, "bythewater")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (None, ""),
        (0.0, ""),
        (float("nan"), ""),
        (0.4, "0:00"),
        (42.5, "0:42"),
        (725, "12:05"),
        (3723, "1:02:03"),
    ],
)
def test_a_video_length_reads_as_a_player_shows_it(seconds: float | None, text: str) -> None:
    assert duration_text(seconds) == text
