# SPDX-License-Identifier: GPL-3.0-or-later
"""The Checks panel as a dock of the main window, with its View menu action and key.

``install_checks_dock`` is the one call ``app.compose`` makes: the dock starts
hidden at the right; View → Checks (Ctrl+Shift+K) shows and hides it; the
panel follows the findings book and opens a finding's photo when the finding
is clicked or Enter is pressed on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QMainWindow, QMenu, QMenuBar

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
    open_entry: Callable[[Entry], object],
    view_anchor: QAction | None = None,
) -> ChecksDock:
    """Add the dock to ``window``, its action to the menu holding ``view_anchor`` (View).

    ``entries`` gives the gallery's entries; ``open_entry`` shows one on the
    photo page (``MainWindow.open_entry``).
    """
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

    def show(entry_id: str) -> None:
        entry = next((e for e in entries() if e.id == entry_id), None)  # one click: one pass
        if entry is not None:
            open_entry(entry)

    book.changed.connect(refresh)
    panel.entry_activated.connect(show)
    action = dock.toggleViewAction()
    action.setText("&Checks")
    action.setShortcut(QKeySequence(CHECKS_KEY))
    shown_key = QKeySequence(CHECKS_KEY).toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"Checks: where captions and files disagree ({shown_key})")
    window.addAction(action)
    _add_after(window.menuBar(), view_anchor, action)
    return ChecksDock(dock, panel, action)


def _add_after(bar: QMenuBar, anchor: QAction | None, action: QAction) -> None:
    """Right after ``anchor`` in the menu that holds it (else nowhere: the key still works)."""
    for top in bar.actions():
        menu = top.menu()
        if anchor is None or not isinstance(menu, QMenu) or anchor not in menu.actions():
            continue
        items = menu.actions()
        following = items[items.index(anchor) + 1 :]
        if following:
            menu.insertAction(following[0], action)
        else:
            menu.addAction(action)
        return
