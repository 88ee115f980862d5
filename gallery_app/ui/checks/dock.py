# SPDX-License-Identifier: GPL-3.0-or-later
"""The Checks panel as a dock of the main window, with its View menu action and key.

``install_checks_dock`` is the one call the main window makes: the dock
starts hidden at the right; View → Checks (Ctrl+Shift+K) shows and hides it;
the panel follows the findings book and asks the window to show a photo when
a finding is activated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QMainWindow

from gallery_app.core.models import Entry
from gallery_app.qt.checks import FindingsBook
from gallery_app.ui.checks.panel import ChecksPanel

CHECKS_KEY = "Ctrl+Shift+K"


class ChecksDock(NamedTuple):
    dock: QDockWidget
    panel: ChecksPanel
    action: QAction  # View → Checks: shows and hides the dock


def install_checks_dock(
    window: QMainWindow,
    book: FindingsBook,
    entries: Callable[[], tuple[Entry, ...]],
    show_entry: Callable[[str], object],
) -> ChecksDock:
    """Add the dock to ``window``; its ``action`` belongs in the View menu."""
    panel = ChecksPanel()
    dock = QDockWidget("Checks", window)
    dock.setObjectName("checksDock")  # saveState/restoreState keep where the user put it
    dock.setAccessibleName("Checks")
    dock.setWidget(panel)
    dock.setAllowedAreas(
        Qt.DockWidgetArea.RightDockWidgetArea
        | Qt.DockWidgetArea.LeftDockWidgetArea
        | Qt.DockWidgetArea.BottomDockWidgetArea
    )
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    for button in dock.findChildren(QAbstractButton):  # the title bar's own: named for readers
        what = "Close" if "close" in button.objectName() else "Float or dock"
        button.setAccessibleName(f"{what} the Checks panel")

    def refresh() -> None:
        shown = entries()
        by_id = {e.id: e for e in shown} if book.findings() else {}
        panel.set_findings(book.findings(), by_id.get, len(shown))

    book.changed.connect(refresh)
    panel.entry_activated.connect(show_entry)
    action = dock.toggleViewAction()
    action.setText("&Checks")
    action.setShortcut(QKeySequence(CHECKS_KEY))
    shown_key = QKeySequence(CHECKS_KEY).toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"Checks: where captions and files disagree ({shown_key})")
    window.addAction(action)
    return ChecksDock(dock, panel, action)
