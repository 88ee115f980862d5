# SPDX-License-Identifier: GPL-3.0-or-later
"""Text a camera or editor wrote by itself is not shown as a caption, and each says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from gallery_app.core.metadata.junk import junk_reason
from gallery_app.core.metadata.reader import read_metadata
from tests.imaging import exif_block, make_jpeg, xmp_packet


@pytest.mark.parametrize(
    "text",
    [
        "x-default",
        "GC-X1E Image",
        "GCM_TAG",
        "Exif JPEG",
        "Created with GIMP",
        "<Digimax i50 MP3, Samsung #1 MP3>",
        "R: 139 G: 255 B: 189 Min: 0 Max: 255",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "OLYMPUS DIGITAL CAMERA",
        "(c) 2004 Jakub Steiner\n\nCreated with The GIMP",  # a MATE wallpaper's PNG comment
        "© 2015 Jane Doe",
        "   ",
    ],
)
def test_junk_is_recognised_with_a_reason(text: str) -> None:
    reason = junk_reason(text)
    assert reason and len(reason) > 4


@pytest.mark.parametrize(
    "text",
    [
        "Satellite image of the Nile delta",
        "Firefighters at the scene in Kharkiv, 3 May 2022",
        "Made by hand in Oaxaca",
        "Copyright law protesters gather outside parliament in London",
        "(c) 2004 Jakub Steiner. Sunset over the lake at dusk.",
    ],
)
def test_real_captions_pass(text: str) -> None:
    assert junk_reason(text) is None


def test_file_falls_back_to_the_next_source(tmp_path: Path) -> None:
    exif = exif_block(description="Market day in Hue")
    path = make_jpeg(tmp_path / "a.jpg", exif=exif, xmp=xmp_packet(description="x-default"))
    assert read_metadata(path).caption == "Market day in Hue"


def test_no_text_field_keeps_a_broken_writers_placeholder(tmp_path: Path) -> None:
    """Ten KDE wallpapers carry XMP dc:rights "x-default" and dc:creator "."."""
    from gallery_app.core.metadata.junk import is_placeholder

    assert is_placeholder("x-default") and is_placeholder(" . ") and is_placeholder("")
    assert not is_placeholder("AP") and not is_placeholder("© 2015 Jane Doe")
    photo = make_jpeg(
        tmp_path / "wallpaper.jpg",
        xmp=xmp_packet(rights="x-default", creator="."),
    )
    meta = read_metadata(photo)
    assert meta.copyright is None and meta.creator is None
