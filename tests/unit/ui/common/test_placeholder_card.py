# SPDX-License-Identifier: GPL-3.0-or-later
"""The placeholder card: painted inside its rectangle, in both palettes, at any size."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPalette

from gallery_app.core.models import ImageInfo, ImageStatus
from gallery_app.ui.common.painting import wrapped_lines
from gallery_app.ui.common.placeholder_card import (
    FILE_MISSING,
    NOT_INCLUDED,
    UNREADABLE,
    paint_placeholder_card,
    status_text,
)
from tests.unit.photo_samples import MARKUP_CAPTION, wire_gallery


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, name in (
        (roles.Window, "#2b2d30"),
        (roles.WindowText, "#e6e6e6"),
        (roles.Base, "#1f2023"),
        (roles.Text, "#e6e6e6"),
        (roles.Highlight, "#3d7fd9"),
    ):
        palette.setColor(role, QColor(name))
    return palette


def light_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, name in (
        (roles.Window, "#efefef"),
        (roles.WindowText, "#111111"),
        (roles.Base, "#ffffff"),
        (roles.Text, "#111111"),
        (roles.Highlight, "#308cc6"),
    ):
        palette.setColor(role, QColor(name))
    return palette


def render(entry, palette: QPalette, w: int, h: int, compact: bool) -> tuple[QImage, QRectF]:
    image = QImage(w + 40, h + 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ff00ff"))  # a colour no card uses
    painter = QPainter(image)
    card = paint_placeholder_card(painter, QRectF(20, 20, w, h), entry, palette, compact=compact)
    painter.end()
    return image, card


@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
@pytest.mark.parametrize(
    ("w", "h", "compact"),
    [(48, 48, True), (128, 128, True), (256, 256, True), (420, 360, False), (1280, 720, False)],
)
def test_card_stays_inside_its_rectangle(qtbot, palette, w, h, compact) -> None:
    entry = wire_gallery().entries[5]
    image, card = render(entry, palette, w, h, compact)
    assert QRectF(20, 20, w, h).contains(card)
    magenta = QColor("#ff00ff").rgb()
    # nothing painted outside the rectangle it was given
    for x, y in ((5, 5), (w + 35, h + 35), (10, h // 2 + 20), (w + 30, h // 2 + 20)):
        assert image.pixel(x, y) == magenta
    # the card is tinted paper matching the palette, not the background it was painted on
    centre = QColor(image.pixel(int(card.center().x()), int(card.top() + card.height() * 0.9)))
    base = palette.color(QPalette.ColorRole.Base)
    assert abs(centre.lightnessF() - base.lightnessF()) < 0.2


def test_dark_palette_gives_a_dark_card(qtbot) -> None:
    entry = wire_gallery().entries[0]
    light, _ = render(entry, light_palette(), 200, 200, True)
    dark, _ = render(entry, dark_palette(), 200, 200, True)
    assert QColor(light.pixel(28, 40)).lightnessF() > 0.8
    assert QColor(dark.pixel(28, 40)).lightnessF() < 0.3


def test_markup_in_a_caption_is_painted_as_its_characters(qtbot) -> None:
    """Empty tags render as nothing in rich text; painted literally, they show."""
    base = wire_gallery().entries[0]
    plain = "Soldiers rest in Tikrit"
    without, _ = render(replace(base, caption=plain), light_palette(), 800, 500, False)
    for tags in ("<b></b>", "<span></span>"):
        with_tags, _ = render(replace(base, caption=tags + plain), light_palette(), 800, 500, False)
        assert with_tags != without, tags
    long, _ = render(replace(base, caption=MARKUP_CAPTION * 20), light_palette(), 800, 500, False)
    magenta = QColor("#ff00ff").rgb()
    corners = [(0, 0), (long.width() - 1, 0), (0, long.height() - 1)]
    corners.append((long.width() - 1, long.height() - 1))
    assert all(long.pixel(x, y) == magenta for x, y in corners)  # nothing painted outside


def test_headline_says_why_there_is_no_photo(tmp_path: Path) -> None:
    entry = wire_gallery().entries[0]
    assert status_text(entry) == NOT_INCLUDED
    missing = replace(entry, image=tmp_path / "gone.jpg")
    assert status_text(missing) == FILE_MISSING
    broken = replace(missing, info=ImageInfo(ImageStatus.UNREADABLE))
    assert status_text(broken) == UNREADABLE
    assert status_text(entry, failed=True) == UNREADABLE


def test_a_video_card_says_video_and_its_length_not_a_failure(tmp_path: Path) -> None:
    entry = replace(wire_gallery().entries[0], image=tmp_path / "harbour.mp4")
    timed = replace(entry, info=ImageInfo(ImageStatus.UNREADABLE, 1920, 1080, None, 42.4))
    assert status_text(timed) == "Video · 0:42"
    assert status_text(timed, failed=True) == "Video · 0:42"  # the photo view cannot decode it
    untimed = replace(entry, info=ImageInfo(ImageStatus.UNREADABLE))
    assert status_text(untimed) == "Video"


def test_wrapped_lines_fit_and_elide(qtbot) -> None:
    font = QFont()
    text = "word " * 200
    lines = wrapped_lines(text, font, 150, 3)
    assert len(lines) == 3
    assert lines[-1].endswith("…")
    metrics = QFontMetricsF(font)
    assert all(metrics.horizontalAdvance(line) <= 150.5 for line in lines)
    assert wrapped_lines("short", font, 150, 3) == ["short"]
