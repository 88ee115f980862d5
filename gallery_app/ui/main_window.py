# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window: lays out the widgets of the grid, photo and story parts and
routes their signals to each other.  It holds no business logic.

Layout: a central stack with the grid page (filter bar, grid, thumbnail-size
slider, timeline strip under a splitter) and the photo page (photo view and
filmstrip beside the caption panel); the article pane is a dock; a toolbar, the
menus and a status bar ("5 of 11 photos shown") frame them.

Flow: ``GalleryLoader.loaded`` → :meth:`show_gallery` hands the gallery to the
model, filter bar, timeline and article pane; every part filters through the
one shared ``FilterState``; the proxy's ``count_changed`` feeds the status bar.
``gallery_shown`` tells the screenshot mode that a gallery is on screen.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSlider,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gallery_app import APP_NAME
from gallery_app.core.links import LinkStore, gallery_key
from gallery_app.core.models import Entry, Gallery
from gallery_app.qt.filter_proxy import GalleryFilterProxy
from gallery_app.qt.filter_state import FilterState
from gallery_app.qt.gallery_loading import GalleryLoader
from gallery_app.qt.photo_model import PhotoModel
from gallery_app.qt.settings import Settings
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui import dialogs
from gallery_app.ui.article_pane import ArticlePane
from gallery_app.ui.caption_panel import CaptionPanel
from gallery_app.ui.filmstrip import Filmstrip
from gallery_app.ui.filter_bar import FilterBar
from gallery_app.ui.grid import MAX_THUMBNAIL, MIN_THUMBNAIL, GridView
from gallery_app.ui.photo_view import PhotoView
from gallery_app.ui.slideshow_window import SlideshowWindow
from gallery_app.ui.timeline_view import TimelineView

log = logging.getLogger(__name__)

GRID_PAGE, PHOTO_PAGE = 0, 1


class MainWindow(QMainWindow):
    """Composes the parts; every collaborator comes in through the constructor."""

    gallery_shown = Signal(object)  # Gallery, once every part has it
    current_changed = Signal(object)  # Entry on the photo page (or None)

    def __init__(
        self,
        settings: Settings,
        filter_state: FilterState,
        loader: GalleryLoader,
        image_loader: ImageLoader,
        links: LinkStore,
        slideshow: SlideshowController,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._filter = filter_state
        self._loader = loader
        self._links = links
        self._slideshow = slideshow
        self._gallery: Gallery | None = None
        self._current: Entry | None = None
        self.interval_override: int | None = None  # --interval: this run only, not saved
        self.parts: Parts = build_parts(self, filter_state, image_loader, slideshow)
        self.setObjectName("MainWindow")
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.setAcceptDrops(True)
        self._build_pages()
        self._build_actions()
        self._build_menus_and_toolbar()
        self._connect()
        self._restore_state()

    # -- building -----------------------------------------------------------
    def _build_pages(self) -> None:
        p = self.parts
        grid_top = QWidget(self)
        column = QVBoxLayout(grid_top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(p.filter_bar)
        column.addWidget(p.grid, 1)
        self.grid_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.grid_splitter.setObjectName("grid_splitter")
        self.grid_splitter.addWidget(grid_top)
        self.grid_splitter.addWidget(p.timeline)
        self.grid_splitter.setStretchFactor(0, 1)
        self.grid_splitter.setStretchFactor(1, 0)
        self.grid_splitter.setSizes([520, 150])

        photo_left = QWidget(self)
        left = QVBoxLayout(photo_left)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(p.photo_view, 1)
        left.addWidget(p.filmstrip)
        self.photo_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.photo_splitter.setObjectName("photo_splitter")
        self.photo_splitter.addWidget(photo_left)
        self.photo_splitter.addWidget(p.caption_panel)
        self.photo_splitter.setStretchFactor(0, 1)
        self.photo_splitter.setSizes([800, 340])

        self.stack = QStackedWidget(self)
        self.stack.setAccessibleName("Pages")
        self.stack.addWidget(self.grid_splitter)
        self.stack.addWidget(self.photo_splitter)
        self.setCentralWidget(self.stack)

        p.article_pane.setObjectName("article_dock")
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, p.article_pane)
        p.article_pane.hide()

        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setAccessibleName("Photos shown")
        self.statusBar().addPermanentWidget(self.count_label)

        self.size_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.size_slider.setRange(MIN_THUMBNAIL, MAX_THUMBNAIL)
        self.size_slider.setSingleStep(16)
        self.size_slider.setPageStep(64)
        self.size_slider.setMaximumWidth(160)
        self.size_slider.setAccessibleName("Thumbnail size")
        self.size_slider.setToolTip("Thumbnail size (Ctrl+wheel over the grid)")

    def _action(self, text: str, keys: list[str] | None = None, slot: object = None) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.open_action = a("&Open…", ["Ctrl+O"], self._on_open)
        self.quit_action = a("&Quit", ["Ctrl+Q"], self.close)
        self.grid_action = a("Back to &grid", ["Esc"], self.show_grid)
        self.next_action = a("&Next photo", ["Right", "Space"], lambda: self.step(1))
        self.prev_action = a("&Previous photo", ["Left", "Backspace"], lambda: self.step(-1))
        self.first_action = a("&First photo", ["Home"], lambda: self.go_to_end(first=True))
        self.last_action = a("&Last photo", ["End"], lambda: self.go_to_end(first=False))
        self.slideshow_action = a("&Slideshow", ["F5"], self.start_slideshow)
        self.fullscreen_action = a("&Full screen", ["F11", "F"], self.toggle_fullscreen)
        self.fullscreen_action.setCheckable(True)
        self.info_action = a("Caption &panel", ["I"], self._on_toggle_info)
        self.info_action.setCheckable(True)
        self.search_action = a("&Search", ["Ctrl+F"], self._on_search)
        self.article_action = self.parts.article_pane.toggleViewAction()
        self.article_action.setText("&Article")
        self.help_action = a("&Keyboard shortcuts", ["F1"], self._on_help)
        self.about_action = a("&About Dateline", None, lambda: dialogs.show_about(self))
        self._photo_actions = [
            self.grid_action,
            self.next_action,
            self.prev_action,
            self.first_action,
            self.last_action,
        ]
        self._set_photo_actions_enabled(False)

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu("Open &recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = bar.addMenu("&View")
        for action in (self.grid_action, self.info_action, self.article_action):
            view_menu.addAction(action)
        view_menu.addAction(self.search_action)
        view_menu.addSeparator()
        view_menu.addAction(self.slideshow_action)
        view_menu.addAction(self.fullscreen_action)
        go_menu = bar.addMenu("&Go")
        for action in (self.next_action, self.prev_action, self.first_action, self.last_action):
            go_menu.addAction(action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.about_action)

        tools = self.addToolBar("Main")
        tools.setObjectName("main_toolbar")
        tools.setAccessibleName("Main toolbar")
        tools.setMovable(False)
        for action in (self.open_action, self.grid_action, self.prev_action, self.next_action):
            tools.addAction(action)
        tools.addAction(self.slideshow_action)
        tools.addAction(self.article_action)
        tools.addSeparator()
        tools.addWidget(self.size_slider)

    def _connect(self) -> None:
        p = self.parts
        self._loader.started.connect(self._on_load_started)
        self._loader.loaded.connect(self.show_gallery)
        self._loader.failed.connect(self._on_load_failed)
        p.proxy.count_changed.connect(self._on_count_changed)
        p.grid.activated_entry.connect(self.open_entry)
        p.grid.link_file_requested.connect(self._on_link_file)
        p.grid.current_entry_changed.connect(p.timeline.set_current)
        p.grid.thumbnail_size_changed.connect(self._on_grid_resized_thumbnails)
        p.caption_panel.read_in_article.connect(self.read_in_article)
        p.caption_panel.link_file_requested.connect(self._on_link_file)
        p.filmstrip.entry_chosen.connect(self.open_entry)
        p.photo_view.link_file_requested.connect(self._on_link_file)
        p.slideshow_window.closed.connect(self._on_slideshow_closed)
        p.article_pane.entry_activated.connect(self.open_entry)
        self._filter.changed.connect(self._on_filter_changed)
        self.size_slider.valueChanged.connect(self._on_thumbnail_size)
        self.stack.currentChanged.connect(self._on_page_changed)

    # -- state ----------------------------------------------------------------
    def _restore_state(self) -> None:
        self.resize(1180, 760)
        if not self._settings.geometry.isEmpty():
            self.restoreGeometry(self._settings.geometry)
        if not self._settings.window_state.isEmpty():
            self.restoreState(self._settings.window_state)
        for splitter, name in ((self.grid_splitter, "grid"), (self.photo_splitter, "photo")):
            sizes = self._settings.splitter_sizes(name)
            if len(sizes) == splitter.count() and any(sizes):
                splitter.setSizes(sizes)
        self.size_slider.setValue(self._settings.thumbnail_size)
        self.parts.grid.set_thumbnail_size(self._settings.thumbnail_size)
        self.info_action.setChecked(self._settings.info_panel_visible)
        self.parts.caption_panel.setVisible(self._settings.info_panel_visible)

    def save_state(self) -> None:
        s = self._settings
        s.geometry = self.saveGeometry()
        s.window_state = self.saveState()
        s.set_splitter_sizes("grid", self.grid_splitter.sizes())
        s.set_splitter_sizes("photo", self.photo_splitter.sizes())
        s.thumbnail_size = self.size_slider.value()
        s.info_panel_visible = self.info_action.isChecked()
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.parts.slideshow_window.isVisible():
            self.parts.slideshow_window.close()
        super().closeEvent(event)

    # -- galleries --------------------------------------------------------------
    @property
    def gallery(self) -> Gallery | None:
        return self._gallery

    def open_path(self, path: Path | None) -> None:
        """Load ``path`` (None: the bundled gallery) in the background."""
        self._loader.load(path)

    def show_gallery(self, gallery: Gallery) -> None:
        self._gallery = gallery
        self._current = None
        p = self.parts
        p.model.set_gallery(gallery)
        p.filter_bar.set_entries(list(gallery.entries))
        p.timeline.set_entries(list(gallery.entries))
        p.article_pane.set_gallery(gallery)
        self.setWindowTitle(f"{gallery.title} — {APP_NAME}")
        if gallery.source is not None:
            self._settings.last_gallery = gallery.source
            self._settings.add_recent_gallery(gallery.source)
        self._on_count_changed(len(p.proxy.visible_entries()), len(gallery.entries))
        self.show_grid()
        if gallery.entries:
            p.grid.setCurrentIndex(p.proxy.index(0, 0))
            p.timeline.set_current(p.grid.current_entry())
        self.statusBar().showMessage(f"Opened {gallery.title}", 4000)
        self.gallery_shown.emit(gallery)

    def _on_load_started(self, path: Path | None) -> None:
        name = path.name if path is not None else "the bundled gallery"
        self.statusBar().showMessage(f"Opening {name}…")

    def _on_load_failed(self, sentence: str) -> None:
        self.statusBar().showMessage(sentence, 10000)
        if self.isVisible():
            dialogs.show_error(self, "Could not open", sentence)

    def _on_open(self) -> None:
        path = dialogs.choose_gallery(self, self._settings.last_gallery)
        if path is not None:
            self.open_path(path)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self._settings.recent_galleries
        for path in recent:
            action = self.recent_menu.addAction(path.name or str(path))
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not recent:
            self.recent_menu.addAction("No recent galleries").setEnabled(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    # -- navigation -------------------------------------------------------------
    @property
    def current_entry(self) -> Entry | None:
        return self._current

    def visible_entries(self) -> list[Entry]:
        visible: list[Entry] = self.parts.proxy.visible_entries()
        return visible

    def show_grid(self) -> None:
        self.stack.setCurrentIndex(GRID_PAGE)
        if self._current is not None:
            self.select_in_grid(self._current)
        self.parts.grid.setFocus()

    def open_entry(self, entry: Entry) -> None:
        """Show ``entry`` on the photo page, with its caption and filmstrip place."""
        visible = self.visible_entries()
        ids = [e.id for e in visible]
        index = ids.index(entry.id) if entry.id in ids else 0
        self._current = entry
        p = self.parts
        p.photo_view.show_entry(entry)
        p.caption_panel.show_entry(entry, index, len(visible))
        p.filmstrip.set_current(entry)
        p.timeline.set_current(entry)
        self.select_in_grid(entry)
        self.stack.setCurrentIndex(PHOTO_PAGE)
        p.photo_view.setFocus()
        self.current_changed.emit(entry)

    def step(self, delta: int) -> None:
        visible = self.visible_entries()
        if not visible or self._current is None:
            return
        ids = [e.id for e in visible]
        index = ids.index(self._current.id) if self._current.id in ids else -1
        index = max(0, min(len(visible) - 1, index + delta))
        self.open_entry(visible[index])

    def go_to_end(self, *, first: bool) -> None:
        visible = self.visible_entries()
        if visible:
            self.open_entry(visible[0] if first else visible[-1])

    def _selected_entry(self) -> Entry | None:
        if self.stack.currentIndex() == PHOTO_PAGE:
            return self._current
        return self._grid_current_entry()

    def select_in_grid(self, entry: Entry) -> None:
        self.parts.grid.select_entry(entry.id)

    def _grid_current_entry(self) -> Entry | None:
        entry: Entry | None = self.parts.grid.current_entry()
        return entry

    def _on_page_changed(self, index: int) -> None:
        self._set_photo_actions_enabled(index == PHOTO_PAGE)

    def _set_photo_actions_enabled(self, enabled: bool) -> None:
        # On the grid page the list view moves with the arrows itself.
        for action in self._photo_actions:
            action.setEnabled(enabled)

    def _on_filter_changed(self, _flt: object) -> None:
        if self.stack.currentIndex() == PHOTO_PAGE and self._current is not None:
            visible = self.visible_entries()
            if visible and self._current.id not in {e.id for e in visible}:
                self.open_entry(visible[0])
            elif visible:
                self.open_entry(self._current)  # "4 of 11" follows the filter

    def _on_count_changed(self, shown: int, total: int) -> None:
        noun = "photo" if total == 1 else "photos"
        self.count_label.setText(f"{shown} of {total} {noun} shown")

    def _on_thumbnail_size(self, px: int) -> None:
        self.parts.grid.set_thumbnail_size(px)

    def _on_grid_resized_thumbnails(self, px: int) -> None:
        self.size_slider.blockSignals(True)  # Ctrl+wheel on the grid moves the slider
        self.size_slider.setValue(px)
        self.size_slider.blockSignals(False)

    # -- the other parts --------------------------------------------------------
    def start_slideshow(self, *, fullscreen: bool = True) -> None:
        visible = self.visible_entries()
        if not visible:
            self.statusBar().showMessage("No photos to show: the filter hides them all.", 5000)
            return
        s = self._settings
        show = self._slideshow
        show.set_interval(self.interval_override or s.slideshow_interval)
        show.set_loop(s.slideshow_loop)
        show.set_shuffle(s.slideshow_shuffle)
        show.set_reading_time(s.slideshow_reading_time)
        show.start(visible, self._selected_entry())
        # The slideshow window owns the keys now; the window's own arrows must not fire.
        self._set_photo_actions_enabled(False)
        self.slideshow_action.setEnabled(False)
        window = self.parts.slideshow_window
        window.set_crossfade(s.slideshow_crossfade)
        window.set_overlay_visible(s.slideshow_captions)
        window.present(fullscreen=fullscreen)

    def _on_slideshow_closed(self, entry: object) -> None:
        if self.interval_override is None:
            self._settings.slideshow_interval = self._slideshow.interval
        self._settings.slideshow_captions = self.parts.slideshow_window.overlay_visible()
        self._slideshow.stop()
        self.slideshow_action.setEnabled(True)
        self._set_photo_actions_enabled(self.stack.currentIndex() == PHOTO_PAGE)
        self.activateWindow()
        if isinstance(entry, Entry):
            self.open_entry(entry)

    def read_in_article(self, entry: Entry) -> None:
        pane = self.parts.article_pane
        if not pane.isVisible():
            width = max(420, self.width() // 3)
            self.resizeDocks([pane], [width], Qt.Orientation.Horizontal)
        self.parts.article_pane.show()
        self.parts.article_pane.raise_()
        self.parts.article_pane.show_passage(entry)

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.fullscreen_action.setChecked(self.isFullScreen())

    def _on_toggle_info(self) -> None:
        self.parts.caption_panel.setVisible(self.info_action.isChecked())

    def _on_search(self) -> None:
        self.show_grid()
        self.parts.filter_bar.focus_search()

    def _on_help(self) -> None:
        dialogs.show_shortcuts(self, [a for a in self.actions() if not a.shortcut().isEmpty()])

    def _on_link_file(self, entry: Entry) -> None:
        if self._gallery is None:
            return
        path = dialogs.choose_photo_file(self)
        if path is None:
            return
        self._links.set(gallery_key(self._gallery), entry.id, path)
        self._gallery = self._links.apply(self._gallery)
        linked = next(e for e in self._gallery.entries if e.id == entry.id)
        self.parts.model.replace_entry(linked)
        if self._current is not None and self._current.id == entry.id:
            self.open_entry(linked)
        self.statusBar().showMessage(f"Linked {path.name} to photo {entry.position}.", 5000)

    def sizeHint(self) -> QSize:
        return QSize(1180, 760)


@dataclass
class Parts:
    """The widgets and models the window lays out, made by :func:`build_parts`."""

    model: Any
    proxy: Any
    grid: Any
    filter_bar: Any
    timeline: Any
    photo_view: Any
    filmstrip: Any
    caption_panel: Any
    article_pane: Any
    slideshow_window: Any


def build_parts(
    window: QWidget,
    filter_state: FilterState,
    image_loader: ImageLoader,
    slideshow: SlideshowController,
) -> Parts:
    model = PhotoModel(image_loader, window)
    proxy = GalleryFilterProxy(filter_state, model, window)
    grid = GridView(proxy, window)
    return Parts(
        model=model,
        proxy=proxy,
        grid=grid,
        filter_bar=FilterBar(filter_state, window),
        timeline=TimelineView(filter_state, window),
        photo_view=PhotoView(image_loader, window),
        filmstrip=Filmstrip(proxy, window),
        caption_panel=CaptionPanel(window),
        article_pane=ArticlePane(window),
        slideshow_window=SlideshowWindow(slideshow, window),
    )
