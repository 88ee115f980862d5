# SPDX-License-Identifier: GPL-3.0-or-later
"""A photo with nothing else to say is found, and named, by its file name."""

from __future__ import annotations

from pathlib import Path

from gallery_app.core.gallery.labels import caption_with_credit, heading_text, short_label
from gallery_app.core.gallery.query import matches_text
from gallery_app.core.models import Entry


def test_search_matches_file_names() -> None:
    entry = Entry(id="1", position=0, image=Path("/photos/wallpaper_aurora.jpg"))
    assert matches_text(entry, "aurora")
    assert not matches_text(entry, "sunset")


def test_a_card_without_caption_shows_the_file_name() -> None:
    entry = Entry(id="1", position=0, image=Path("/photos/IMG_0042.HEIC"))
    assert heading_text(entry) == "IMG_0042.HEIC"
    assert short_label(entry).endswith("IMG_0042.HEIC")
    captioned = Entry(id="2", position=1, image=Path("/p/a.jpg"), caption="Kyiv at dawn")
    assert heading_text(captioned) == "Kyiv at dawn"


def test_caption_with_credit_for_the_clipboard() -> None:
    entry = Entry(id="1", position=0, caption="Smoke over  Kharkiv", credit="Ana Lopez/Reuters")
    assert caption_with_credit(entry) == "Smoke over Kharkiv (Ana Lopez/Reuters)"
    named = Entry(id="2", position=1, caption="Tikrit. (AP Photo/K. M.)", credit="AP Photo/K. M.")
    assert caption_with_credit(named) == "Tikrit. (AP Photo/K. M.)"
    assert caption_with_credit(Entry(id="3", position=2)) == ""
