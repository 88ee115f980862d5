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
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSlider,
    QToolBar,
    QWidget,
)

from gallery_app.core.inert import file_name
from gallery_app.ui.common.plain_text import plain_tooltip
from gallery_app.ui.grid.view import MAX_THUMBNAIL, MIN_THUMBNAIL
from gallery_app.ui.window import dialogs

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


class WindowCommands(Protocol):
    """What the window's actions call on the window."""

    def on_open(self) -> None: ...
    def on_open_folder(self) -> None: ...
    def on_escape(self) -> None: ...
    def start_slideshow(self, *, fullscreen: bool = True) -> None: ...
    def toggle_fullscreen(self) -> None: ...
    def on_toggle_info(self) -> None: ...
    def on_search(self) -> None: ...
    def on_help(self) -> None: ...


class PhotoMoves(Protocol):
    """What Go → Next / Previous / First / Last call (the window's navigation)."""

    def step(self, delta: int) -> None: ...
    def go_to_end(self, *, first: bool) -> None: ...


@dataclass(frozen=True)
class WindowActions:
    """Every command of the main window, as the QActions menus, toolbar and keys share."""

    open_file: QAction
    open_folder: QAction
    quit: QAction
    grid: QAction
    next: QAction
    prev: QAction
    first: QAction
    last: QAction
    slideshow: QAction
    fullscreen: QAction
    info: QAction
    search: QAction
    article: QAction
    help: QAction
    about: QAction

    @property
    def photo_moves(self) -> tuple[QAction, ...]:
        """The moves that only the photo page has (the grid moves with the arrows itself)."""
        return (self.grid, self.next, self.prev, self.first, self.last)

    @property
    def slideshow_keys(self) -> tuple[QAction, ...]:
        """The window's keys a running slideshow takes over (i, f, F5)."""
        return (self.slideshow, self.info, self.fullscreen)

    def set_photo_moves_enabled(self, enabled: bool, *, escape: bool) -> None:
        """Enable the photo page's moves; ``escape`` keeps Esc for leaving full screen."""
        for action in self.photo_moves:
            action.setEnabled(enabled)
        self.grid.setEnabled(enabled or escape)


def _themed(action: QAction, key: str) -> None:
    icon = QIcon.fromTheme(_ICONS[key])
    if not icon.isNull():
        action.setIcon(icon)


def _action(
    window: QWidget,
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


def build_actions(
    window: QWidget, commands: WindowCommands, moves: PhotoMoves, article: QAction
) -> WindowActions:
    """Make every action of ``window``; ``article`` is the article dock's toggle.

    Made in the order Help → Keyboard shortcuts lists them.
    """
    w, c = window, commands
    open_file = _action(w, "&Open File…", ["Ctrl+O"], c.on_open, "open")
    open_folder = _action(w, "Open &Folder…", ["Ctrl+Shift+O"], c.on_open_folder, "open-folder")
    quit_ = _action(w, "&Quit", ["Ctrl+Q"], w.close, "quit")
    grid = _action(w, "Back to &grid", ["Esc"], c.on_escape, "grid")
    next_ = _action(w, "&Next photo", ["Right", "Space"], lambda: moves.step(1), "next")
    prev = _action(w, "&Previous photo", ["Left", "Backspace"], lambda: moves.step(-1), "previous")
    first = _action(w, "&First photo", ["Home"], lambda: moves.go_to_end(first=True))
    last = _action(w, "&Last photo", ["End"], lambda: moves.go_to_end(first=False))
    slideshow = _action(w, "&Slideshow", ["F5"], c.start_slideshow, "slideshow")
    fullscreen = _action(w, "&Full screen", ["F11", "F"], c.toggle_fullscreen)
    _themed(fullscreen, "fullscreen")
    fullscreen.setCheckable(True)
    fullscreen.setToolTip("Full screen (F11 or F; Esc leaves)")
    info = _action(w, "Caption &panel", ["I"], c.on_toggle_info)
    info.setCheckable(True)
    search = _action(w, "&Search", ["Ctrl+F"], c.on_search, "search")
    article.setText("&Article")
    article.setToolTip("Show or hide the article the gallery came from")
    _themed(article, "article")
    return WindowActions(
        open_file=open_file,
        open_folder=open_folder,
        quit=quit_,
        grid=grid,
        next=next_,
        prev=prev,
        first=first,
        last=last,
        slideshow=slideshow,
        fullscreen=fullscreen,
        info=info,
        search=search,
        article=article,
        help=_action(w, "&Keyboard shortcuts", ["F1"], c.on_help, "help"),
        about=_action(w, "&About Dateline", None, lambda: dialogs.show_about(w), "about"),
    )


def build_size_slider(parent: QWidget) -> tuple[QWidget, QSlider]:
    """The labelled thumbnail-size slider for the toolbar: its box, and the slider."""
    box = QWidget(parent)
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
    return box, slider


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
        # No direction controls, an extension as it is; an "&" is not a menu accelerator.
        labels.append(file_name(label).replace("&", "&&"))
    return labels


def _fill_recent_menu(
    menu: QMenu,
    recent: list[Path],
    title_of: Callable[[Path], str | None],
    open_path: Callable[[Path], None],
) -> None:
    menu.clear()
    for path, label in zip(recent, recent_labels(recent, title_of), strict=True):
        action = menu.addAction(label)
        action.setToolTip(plain_tooltip(str(path)))
        action.setStatusTip(str(path))
        action.triggered.connect(lambda _=False, p=path: open_path(p))
    if not recent:
        menu.addAction("No recent galleries").setEnabled(False)


def build_menus_and_toolbar(
    window: QMainWindow,
    actions: WindowActions,
    size_slider_box: QWidget,
    *,
    open_path: Callable[[Path], None],
    recent_galleries: Callable[[], list[Path]],
    recent_title: Callable[[Path], str | None] = lambda _path: None,
    slideshow_menu: QMenu | None = None,
) -> QMenu:
    """The menu bar and the toolbar; returns File → Open recent, filled as it opens."""
    a = actions
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(a.open_file)
    file_menu.addAction(a.open_folder)
    recent_menu = QMenu("Open &recent", window)
    recent_menu.setToolTipsVisible(True)  # the full path of each
    recent_menu.aboutToShow.connect(
        lambda: _fill_recent_menu(recent_menu, recent_galleries(), recent_title, open_path)
    )
    file_menu.addMenu(recent_menu)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    view_menu = bar.addMenu("&View")
    for action in (a.grid, a.info, a.article, a.search):
        view_menu.addAction(action)
    view_menu.addSeparator()
    view_menu.addAction(a.slideshow)
    if slideshow_menu is not None:
        view_menu.addMenu(slideshow_menu)
    view_menu.addAction(a.fullscreen)
    go_menu = bar.addMenu("&Go")
    for action in (a.next, a.prev, a.first, a.last):
        go_menu.addAction(action)
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(a.help)
    help_menu.addAction(a.about)
    _build_toolbar(window, a, size_slider_box)
    return recent_menu


def _build_toolbar(window: QMainWindow, a: WindowActions, size_slider_box: QWidget) -> None:
    tools = QToolBar("Main", window)
    window.addToolBar(tools)
    tools.setObjectName("main_toolbar")
    tools.setAccessibleName("Main toolbar")
    tools.setMovable(False)
    # Text always shows; an icon joins it where the desktop's theme has one.
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in (a.open_file, a.grid, a.prev, a.next, a.slideshow, a.article):
        tools.addAction(action)
    tools.addSeparator()
    tools.addWidget(size_slider_box)
    for action in tools.actions():
        button = tools.widgetForAction(action)
        if button is not None and not button.accessibleName():
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
