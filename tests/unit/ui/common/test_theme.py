# SPDX-License-Identifier: GPL-3.0-or-later
"""The forced palettes: dark really is dark, text stays readable on it."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from gallery_app.ui.common.theme import dark_palette, light_palette

R = QPalette.ColorRole


def _contrast(a, b) -> float:
    def lum(c) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_dark_palette_is_dark_with_readable_text(qapp) -> None:
    pal = dark_palette()
    assert pal.color(R.Window).lightnessF() < 0.25
    for text, back in ((R.Text, R.Base), (R.WindowText, R.Window), (R.ButtonText, R.Button)):
        assert _contrast(pal.color(text), pal.color(back)) >= 7.0
    assert _contrast(pal.color(R.HighlightedText), pal.color(R.Highlight)) >= 3.5
    assert _contrast(pal.color(R.Link), pal.color(R.Window)) >= 4.5


def test_light_palette_is_light(qapp) -> None:
    assert light_palette().color(R.Window).lightnessF() > 0.8
