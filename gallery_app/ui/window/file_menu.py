# SPDX-License-Identifier: GPL-3.0-or-later
"""Actions that join the File menu after it is built (Relink…, Export…)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget


def add_to_file_menu(bar: QMenuBar, open_action: QAction, action: QAction, parent: QWidget) -> None:
    """Below Open recent in the File menu (the menu holding the Open action)."""
    for top in bar.actions():
        menu = top.menu()
        if not isinstance(menu, QMenu) or open_action not in menu.actions():
            continue
        items = menu.actions()
        before = next((a for a in items if a.isSeparator()), None)
        if before is not None:
            menu.insertAction(before, action)
        else:
            menu.addAction(action)
        return
    parent.addAction(action)
