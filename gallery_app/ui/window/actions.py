# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window's actions, menus, toolbar and thumbnail-size slider.

Every command a user can give the window is a QAction made here, with its
shortcuts (the keys users know from other viewers: → / ← and Space /
BackSpace, Home / End, F5, F11 or f, i, Ctrl+O, Ctrl+F, F1), so menus, the
toolbar and Help → Keyboard shortcuts all show the same list.  Toolbar buttons
take an icon from the desktop's icon theme when it has one and always keep
their text, so they read the same with or without icons.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QSlider,
    QToolBar,
    QWidget,
)

from gallery_app.ui.common.plain_text import plain_tooltip
from gallery_app.ui.grid.view import MAX_THUMBNAIL, MIN_THUMBNAIL
from gallery_app.ui.window import dialogs

if TYPE_CHECKING:
    from gallery_app.ui.window.main_window import MainWindow

# Freedesktop icon names; a theme without them leaves the button text-only.
_ICONS = {
    "open": "document-open",
    "open-folder": "folder-open",
    "grid": "view-grid",
    "previous": "go-previous",
    "next": "go-next",
    "slideshow": "media-playback-start",
    "article": "text-x-generic",
    "fullscreen": "view-fullscreen",
    "quit": "application-exit",
    "help": "help-contents",
    "about": "help-about",
    "search": "edit-find",
}


def _themed(action: QAction, key: str) -> None:
    icon = QIcon.fromTheme(_ICONS[key])
    if not icon.isNull():
        action.setIcon(icon)


def _action(
    window: MainWindow,
    text: str,
    keys: list[str] | None = None,
    slot: Callable[[], object] | None = None,
    icon: str | None = None,
) -> QAction:
    action = QAction(text, window)
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys])
        # The toolbar tooltip names the first key, as users look there to learn it.
        shown = QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({shown})")
    if slot is not None:
        action.triggered.connect(slot)
    if icon is not None:
        _themed(action, icon)
    window.addAction(action)
    return action


def build_actions(window: MainWindow) -> None:
    """Make every action of ``window`` (stored as its ``*_action`` attributes)."""
    w = window
    w.open_action = _action(w, "&Open File…", ["Ctrl+O"], w.on_open, "open")
    w.open_folder_action = _action(
        w, "Open &Folder…", ["Ctrl+Shift+O"], w.on_open_folder, "open-folder"
    )
    w.quit_action = _action(w, "&Quit", ["Ctrl+Q"], w.close, "quit")
    w.grid_action = _action(w, "Back to &grid", ["Esc"], w.on_escape, "grid")
    w.next_action = _action(w, "&Next photo", ["Right", "Space"], lambda: w.step(1), "next")
    w.prev_action = _action(
        w, "&Previous photo", ["Left", "Backspace"], lambda: w.step(-1), "previous"
    )
    w.first_action = _action(w, "&First photo", ["Home"], lambda: w.go_to_end(first=True))
    w.last_action = _action(w, "&Last photo", ["End"], lambda: w.go_to_end(first=False))
    w.slideshow_action = _action(w, "&Slideshow", ["F5"], w.start_slideshow, "slideshow")
    w.fullscreen_action = _action(w, "&Full screen", ["F11", "F"], w.toggle_fullscreen)
    _themed(w.fullscreen_action, "fullscreen")
    w.fullscreen_action.setCheckable(True)
    w.fullscreen_action.setToolTip("Full screen (F11 or F; Esc leaves)")
    w.info_action = _action(w, "Caption &panel", ["I"], w.on_toggle_info)
    w.info_action.setCheckable(True)
    w.search_action = _action(w, "&Search", ["Ctrl+F"], w.on_search, "search")
    w.article_action = w.parts.article_pane.toggleViewAction()
    w.article_action.setText("&Article")
    w.article_action.setToolTip("Show or hide the article the gallery came from")
    _themed(w.article_action, "article")
    w.help_action = _action(w, "&Keyboard shortcuts", ["F1"], w.on_help, "help")
    w.about_action = _action(w, "&About Dateline", None, lambda: dialogs.show_about(w), "about")


def build_size_slider(window: MainWindow) -> QWidget:
    """The labelled thumbnail-size slider for the toolbar (``window.size_slider``)."""
    box = QWidget(window)
    box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
    row = QHBoxLayout(box)
    row.setContentsMargins(8, 0, 4, 0)
    row.setSpacing(6)
    label = QLabel("Thumbnail si&ze", box)
    slider = QSlider(Qt.Orientation.Horizontal, box)
    slider.setRange(MIN_THUMBNAIL, MAX_THUMBNAIL)
    slider.setSingleStep(16)
    slider.setPageStep(64)
    slider.setFixedWidth(140)
    slider.setAccessibleName("Thumbnail size")
    slider.setToolTip("Thumbnail size (Ctrl+wheel over the grid)")
    label.setBuddy(slider)
    label.setToolTip(slider.toolTip())
    row.addWidget(label)
    row.addWidget(slider)
    window.size_slider = slider
    return box


def recent_labels(recent: list[Path], title_of: Callable[[Path], str | None]) -> list[str]:
    """Menu labels for recent galleries: the title when known, else the folder's name.

    A manifest is always called ``gallery.json``, so its folder names it; two
    labels that would read the same get their parent folder added.
    """
    base = []
    for path in recent:
        title = title_of(path)
        if title:
            base.append(title)
        elif path.suffix.lower() == ".json" and path.parent.name:
            base.append(path.parent.name)
        else:
            base.append(path.name or str(path))
    labels = []
    for path, label in zip(recent, base, strict=True):
        if base.count(label) > 1:
            folder = path.parent if path.suffix else path
            extra = folder.name if folder.name != label else folder.parent.name
            label = f"{label} — {extra or folder}"
        labels.append(label.replace("&", "&&"))  # an "&" is not a menu accelerator
    return labels


def _fill_recent_menu(
    window: MainWindow, recent: list[Path], title_of: Callable[[Path], str | None]
) -> None:
    menu = window.recent_menu
    menu.clear()
    for path, label in zip(recent, recent_labels(recent, title_of), strict=True):
        action = menu.addAction(label)
        action.setToolTip(plain_tooltip(str(path)))
        action.setStatusTip(str(path))
        action.triggered.connect(lambda _=False, p=path: window.open_path(p))
    if not recent:
        menu.addAction("No recent galleries").setEnabled(False)


def build_menus_and_toolbar(
    window: MainWindow,
    *,
    recent_galleries: Callable[[], list[Path]],
    recent_title: Callable[[Path], str | None] = lambda _path: None,
    slideshow_menu: QMenu | None = None,
) -> None:
    """The menu bar and the toolbar; File → Open recent is filled as it opens."""
    w = window
    bar = w.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(w.open_action)
    file_menu.addAction(w.open_folder_action)
    w.recent_menu = QMenu("Open &recent", w)
    w.recent_menu.setToolTipsVisible(True)  # the full path of each
    w.recent_menu.aboutToShow.connect(
        lambda: _fill_recent_menu(w, recent_galleries(), recent_title)
    )
    file_menu.addMenu(w.recent_menu)
    file_menu.addSeparator()
    file_menu.addAction(w.quit_action)
    view_menu = bar.addMenu("&View")
    for action in (w.grid_action, w.info_action, w.article_action, w.search_action):
        view_menu.addAction(action)
    view_menu.addSeparator()
    view_menu.addAction(w.slideshow_action)
    if slideshow_menu is not None:
        view_menu.addMenu(slideshow_menu)
    view_menu.addAction(w.fullscreen_action)
    go_menu = bar.addMenu("&Go")
    for action in (w.next_action, w.prev_action, w.first_action, w.last_action):
        go_menu.addAction(action)
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(w.help_action)
    help_menu.addAction(w.about_action)

    tools = QToolBar("Main", w)
    w.addToolBar(tools)
    tools.setObjectName("main_toolbar")
    tools.setAccessibleName("Main toolbar")
    tools.setMovable(False)
    # Text always shows; an icon joins it where the desktop's theme has one.
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in (w.open_action, w.grid_action, w.prev_action, w.next_action):
        tools.addAction(action)
    tools.addAction(w.slideshow_action)
    tools.addAction(w.article_action)
    tools.addSeparator()
    tools.addWidget(w.size_slider_box)
    for action in tools.actions():
        button = tools.widgetForAction(action)
        if button is not None and not button.accessibleName():
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
