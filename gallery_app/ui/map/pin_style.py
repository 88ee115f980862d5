# SPDX-License-Identifier: GPL-3.0-or-later
"""The sprite each pin is drawn with, found in one dict look-up, made within a budget.

A pin or cluster is one cached picture: its disc and, for a cluster, its
count (``sprites.pin``).  The pictures are kept across frames while the
colours, the font and the pixel ratio hold, keyed by (radius, from the file,
count), so panning blits pictures it has.  Zooming to a new level shows many
counts never drawn before, and drawing one costs 0.1–0.3 ms; so a frame makes
new pictures for at most ``BUDGET_MS`` and draws the rest as their plain
disc with the count set from cached digits (the same look, a few blits
more): their pictures are made by the next frames.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPixmap

from gallery_app.ui.map import sprites

BUDGET_MS = 2.0  # new pin pictures made in one frame

Sprite = tuple[QPixmap, float, float]  # the picture, and its centre from its top left


class PinStyle:
    """Pin sprites for one frame; :meth:`paint_counts` writes the counts left to digits."""

    def __init__(
        self,
        cache: sprites.SpriteCache,
        colours: tuple[QColor, QColor, QColor, QColor],
        font: QFont,
        dpr: float,
    ) -> None:
        self._cache, self._font, self._dpr = cache, font, dpr
        self._gps, self._caption, self._base, self._text = colours
        self._font_key = font.key()
        style = (*(c.rgba() for c in colours), self._font_key, dpr)
        self.ready: dict[tuple[float, bool, int], Sprite] = cache.memo("pins", style)
        self._plain: dict[tuple[float, bool], Sprite] = cache.memo("plain pins", style)
        self._digits: dict[tuple[str, bool], Sprite] = cache.memo("digits", style)
        self._spent = 0.0
        self._counts: list[tuple[float, float, int, bool]] = []  # written after the pins

    def sprite(self, x: float, y: float, radius: float, gps: bool, count: int) -> Sprite:
        """The sprite of a pin at (x, y); past the budget, its plain disc (count written later)."""
        key = (radius, gps, count)
        found = self.ready.get(key)
        if found is not None:
            return found
        if count > 1 and self._spent * 1000 >= BUDGET_MS:
            self._counts.append((x, y, count, gps))
            return self._disc(radius, gps)
        start = time.perf_counter()
        count_pen = self._base if gps else self._text
        pix = sprites.pin(
            self._cache,
            radius,
            self._gps if gps else self._caption,
            self._base,
            solid=gps,
            count=(count, self._font, self._font_key, count_pen),
            dpr=self._dpr,
        )
        found = self.ready[key] = self._sized(pix)
        self._spent += time.perf_counter() - start
        return found

    def paint_counts(self, p: QPainter) -> None:
        """The counts of the pins drawn plain, from cached digits, centred as in a sprite."""
        for x, y, count, gps in self._counts:
            glyphs = [self._digit(ch, gps) for ch in f"{count:,}"]
            left = x - sum(g[1] for g in glyphs)  # g[1] is half a glyph's advance
            for pix, half_w, half_h in glyphs:
                p.drawPixmap(QPointF(left, y - half_h), pix)
                left += 2 * half_w
        self._counts.clear()

    def _disc(self, radius: float, gps: bool) -> Sprite:
        found = self._plain.get((radius, gps))
        if found is None:
            fill = self._gps if gps else self._caption
            pix = sprites.pin(self._cache, radius, fill, self._base, solid=gps, dpr=self._dpr)
            found = self._plain[(radius, gps)] = self._sized(pix)
        return found

    def _digit(self, ch: str, gps: bool) -> Sprite:
        found = self._digits.get((ch, gps))
        if found is None:
            fm = QFontMetricsF(self._font)
            size = (fm.horizontalAdvance(ch), fm.height())
            pen = self._base if gps else self._text
            pix = sprites.glyph(self._cache, ch, self._font, self._font_key, pen, size, self._dpr)
            found = self._digits[(ch, gps)] = (pix, size[0] / 2, size[1] / 2)
        return found

    def _sized(self, pix: QPixmap) -> Sprite:
        return (pix, pix.width() / self._dpr / 2, pix.height() / self._dpr / 2)
