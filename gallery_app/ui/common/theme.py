# SPDX-License-Identifier: GPL-3.0-or-later
"""The app's colour scheme: the system's, or a forced light or dark palette.

``--palette light|dark`` exists so screenshots (and users whose desktop gives
Qt no dark palette) get a predictable look.  Both come from Qt's Fusion style:
light is Fusion's own standard palette, dark is a palette built here with the
same roles, so every widget that derives its colours from ``QPalette`` (all of
ours do) follows.  Where Qt can tell the platform (Qt 6.8+), the colour scheme
hint is set too, so native dialogs and the title bar agree.  ``system`` leaves
everything to the platform theme.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

log = logging.getLogger(__name__)

PALETTES = ("system", "light", "dark")

_R = QPalette.ColorRole
_G = QPalette.ColorGroup

# Role -> (active/inactive colour, disabled colour); one place to tune the dark look.
_DARK: dict[QPalette.ColorRole, tuple[str, str]] = {
    _R.Window: ("#2b2d31", "#2b2d31"),
    _R.WindowText: ("#e4e6ea", "#7c8088"),
    _R.Base: ("#1e1f22", "#25272b"),
    _R.AlternateBase: ("#27292d", "#27292d"),
    _R.ToolTipBase: ("#3a3d43", "#3a3d43"),
    _R.ToolTipText: ("#f0f1f3", "#9a9ea6"),
    _R.PlaceholderText: ("#8e939b", "#6a6e75"),
    _R.Text: ("#e4e6ea", "#7c8088"),
    _R.Button: ("#35383d", "#2f3135"),
    _R.ButtonText: ("#e4e6ea", "#7c8088"),
    _R.BrightText: ("#ff7b72", "#ff7b72"),
    _R.Light: ("#4a4d53", "#4a4d53"),
    _R.Midlight: ("#3d4046", "#3d4046"),
    _R.Mid: ("#5a5e66", "#44474d"),
    _R.Dark: ("#18191c", "#18191c"),
    _R.Shadow: ("#000000", "#000000"),
    _R.Highlight: ("#3b82c4", "#3f4349"),
    _R.HighlightedText: ("#ffffff", "#9a9ea6"),
    _R.Link: ("#75b6f0", "#5d7d99"),
    _R.LinkVisited: ("#b69cf0", "#7d6f99"),
    _R.Accent: ("#3b82c4", "#3f4349"),
}


def dark_palette() -> QPalette:
    """A dark palette with every role Fusion paints with."""
    palette = QPalette()
    for role, (normal, disabled) in _DARK.items():
        for group in (_G.Active, _G.Inactive):
            palette.setColor(group, role, QColor(normal))
        palette.setColor(_G.Disabled, role, QColor(disabled))
    return palette


def light_palette() -> QPalette:
    """Fusion's own light palette."""
    style = QStyleFactory.create("Fusion")
    palette = style.standardPalette() if style is not None else QPalette()
    # Fusion's default highlight is fine; give the accent role the same colour.
    for group in (_G.Active, _G.Inactive):
        palette.setColor(group, _R.Accent, palette.color(group, _R.Highlight))
    return palette


def apply_palette(app: QApplication, choice: str) -> None:
    """Use the system palette (``system``) or force ``light`` / ``dark``."""
    if choice not in PALETTES:
        raise ValueError(f"palette must be one of {', '.join(PALETTES)}")
    if choice == "system":
        return
    scheme = Qt.ColorScheme.Dark if choice == "dark" else Qt.ColorScheme.Light
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+; a no-op on platforms without themes
        hints.setColorScheme(scheme)
    app.setStyle("Fusion")  # the one style whose colours come wholly from the palette
    app.setPalette(dark_palette() if choice == "dark" else light_palette())
    log.info("palette forced to %s", choice)
