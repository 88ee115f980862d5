# SPDX-License-Identifier: GPL-3.0-or-later
"""Pins come from cached pictures; a frame that meets many new counts still writes them all."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from pytestqt.qtbot import QtBot

from gallery_app.ui.map import pin_style
from gallery_app.ui.map.pin_style import PinStyle
from gallery_app.ui.map.sprites import SpriteCache

COLOURS = (QColor(40, 110, 200), QColor(200, 95, 10), QColor(255, 255, 255), QColor(0, 0, 0))
PINS = [(40.0 + 60 * k, 40.0, 9.0 + k, k % 2 == 0, 2 + 37 * k) for k in range(8)]


def _draw(budget_ms: float, monkeypatch: pytest.MonkeyPatch) -> tuple[QImage, PinStyle]:
    monkeypatch.setattr(pin_style, "BUDGET_MS", budget_ms)
    image = QImage(520, 80, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    p = QPainter(image)
    font = QFont(p.font())
    font.setBold(True)
    style = PinStyle(SpriteCache(), COLOURS, font, 1.0)
    for x, y, r, gps, n in PINS:
        pix, half_w, half_h = style.sprite(x, y, r, gps, n)
        p.drawPixmap(round(x - half_w), round(y - half_h), pix)
    style.paint_counts(p)
    p.end()
    return image, style


def _dark(image: QImage) -> int:
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).lightness() < 60
    )


def test_counts_past_the_budget_are_written_from_digits_and_look_the_same(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole, style = _draw(1000.0, monkeypatch)
    assert len(style.ready) == len(PINS)  # each pin's picture made and kept
    digits, lean = _draw(0.0, monkeypatch)
    assert not lean.ready  # no budget: only plain discs and cached digits
    assert _dark(digits) > 0.8 * _dark(whole)  # every count still written (black on white)
    differing = sum(
        1
        for y in range(0, whole.height(), 2)
        for x in range(0, whole.width(), 2)
        if abs(whole.pixelColor(x, y).lightness() - digits.pixelColor(x, y).lightness()) > 80
    )
    assert differing < 0.02 * whole.width() * whole.height() / 4


def test_pictures_are_kept_across_frames_while_the_style_holds(qtbot: QtBot) -> None:
    cache = SpriteCache()
    font = QFont()
    first = PinStyle(cache, COLOURS, font, 1.0)
    made = first.sprite(10, 10, 12.0, True, 250)
    again = PinStyle(cache, COLOURS, font, 1.0)
    assert again.ready[(12.0, True, 250)] is made
    dark = PinStyle(cache, (*COLOURS[:2], QColor(30, 30, 30), QColor(230, 230, 230)), font, 1.0)
    assert (12.0, True, 250) not in dark.ready  # a new palette draws its own
