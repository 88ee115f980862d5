# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window: lays out the widgets of the grid, photo and story parts and
routes their signals to each other.  It holds no business logic.

Layout: a stack of pages — grid (filter bar, grid, timeline strip), photo (photo,
filmstrip, caption panel), story timeline (``StoryHookup``, built when first
shown); the article pane a dock.

Flow: every way of opening ends in :meth:`open_request`, which the
:class:`GallerySession` turns into a load; ``GalleryLoader.loaded`` →
:meth:`show_gallery` hands the gallery to the model, filter bar, timeline and
article pane, lets the session reset the filter for a different gallery, and
selects the photo that was asked for (when it is there).  Every part filters
through the one shared ``FilterState``; the proxy's ``count_changed`` feeds
the status bar.  ``gallery_shown`` tells the screenshot mode that a gallery is
on screen.  The slideshow's start, options and return live in
:class:`SlideshowLauncher`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from gallery_app import APP_NAME
from gallery_app.core.models import Entry, Gallery
from gallery_app.core.store.links import LinkStore, gallery_key
from gallery_app.qt.loading.gallery import GalleryLoader
from gallery_app.qt.loading.session import GallerySession, OpenRequest, gallery_notice
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.settings import Settings
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.slideshow.launcher import SlideshowLauncher
from gallery_app.ui.window import dialogs, wording
from gallery_app.ui.window.actions import (
    WindowActions,
    build_actions,
    build_menus_and_toolbar,
    build_size_slider,
)
from gallery_app.ui.window.navigation import GRID_PAGE, PHOTO_PAGE, PhotoNavigation
from gallery_app.ui.window.overview_refresh import OverviewRefresher
from gallery_app.ui.window.parts import Parts, build_pages, build_parts
from gallery_app.ui.window.state import restore_window_state, save_window_state
from gallery_app.ui.window.story_hookup import StoryHookup

log = logging.getLogger(__name__)

__all__ = ["GRID_PAGE", "PHOTO_PAGE", "MainWindow"]


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
        self._article_stale = False  # the article pane waits until it is shown
        self.interval_override: int | None = None  # --interval: this run only, not saved
        self.session = GallerySession(loader, filter_state, self)
        self.parts: Parts = build_parts(self, filter_state, image_loader, slideshow)
        self.slideshows = SlideshowLauncher(
            self, settings, slideshow, self.parts.slideshow_window, self
        )
        self.setObjectName("MainWindow")
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.setAcceptDrops(True)
        self._build_pages()
        self.nav = PhotoNavigation(self.parts, self.stack, self.count_label, self)
        self.overview = OverviewRefresher(
            self.parts.model,
            self.parts.filter_bar,
            self.parts.timeline,
            self.nav.grid_current_entry,
            self,
        )
        self.size_slider_box, self.size_slider = build_size_slider(self)
        self.commands: WindowActions = build_actions(
            self, self, self.nav, self.parts.article_pane.toggleViewAction()
        )
        self._set_photo_actions_enabled(False)
        self.recent_menu = build_menus_and_toolbar(
            self,
            self.commands,
            self.size_slider_box,
            open_path=self.open_path,
            recent_galleries=lambda: self._settings.recent_galleries,
            recent_title=self._settings.recent_title,
            slideshow_menu=self.slideshows.menu,
        )
        self.story = StoryHookup(self, settings, filter_state, self)  # the story page, Sort by
        self._connect()
        restore_window_state(self, self._settings)

    # -- building -----------------------------------------------------------
    def _build_pages(self) -> None:
        self.grid_splitter, self.photo_splitter, self.stack, self.notice = build_pages(
            self, self.parts
        )
        self.setCentralWidget(self.stack)
        p = self.parts
        p.article_pane.setObjectName("article_dock")
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, p.article_pane)
        p.article_pane.hide()

        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setAccessibleName("Photos shown")
        self.statusBar().insertPermanentWidget(0, self.count_label)  # before the filter's notes

    def _connect(self) -> None:
        p = self.parts
        self._loader.started.connect(self._on_load_started)
        self._loader.loaded.connect(self.show_gallery)
        self._loader.failed.connect(self._on_load_failed)
        p.proxy.count_changed.connect(self.nav.on_count_changed)
        p.model.rowsInserted.connect(self._on_rows_inserted)  # a scan's batches
        p.grid.activated_entry.connect(self.open_entry)
        p.grid.link_file_requested.connect(self._on_link_file)
        p.grid.current_entry_changed.connect(p.timeline.set_current)
        p.grid.thumbnail_size_changed.connect(self._on_grid_resized_thumbnails)
        p.caption_panel.read_in_article.connect(self.read_in_article)
        p.caption_panel.link_file_requested.connect(self._on_link_file)
        p.filmstrip.entry_chosen.connect(self.open_entry)
        p.photo_view.link_file_requested.connect(self._on_link_file)
        p.article_pane.entry_activated.connect(self.open_entry)
        p.article_pane.visibilityChanged.connect(self._refresh_article)
        self.commands.article.toggled.connect(self._refresh_article)
        self._filter.changed.connect(self.nav.on_filter_changed)
        self.nav.current_changed.connect(self.current_changed)
        p.proxy.count_changed.connect(self._update_notice)
        self.size_slider.valueChanged.connect(p.grid.set_thumbnail_size)
        self.stack.currentChanged.connect(self._on_page_changed)

    # -- navigation (the moves live in self.nav) -------------------------------
    @property
    def current_entry(self) -> Entry | None:
        return self.nav.current

    def visible_entries(self) -> list[Entry]:
        return self.nav.visible_entries()

    def open_entry(self, entry: Entry) -> None:
        self.nav.open_entry(entry)

    def show_grid(self) -> None:
        self.nav.show_grid()

    def on_escape(self) -> None:
        """Esc: leave full screen first, then go back to the grid."""
        if self.isFullScreen():
            self.toggle_fullscreen()
        else:
            self.show_grid()

    def _on_page_changed(self, index: int) -> None:
        self._set_photo_actions_enabled(index == PHOTO_PAGE)

    def _set_photo_actions_enabled(self, enabled: bool) -> None:
        # Esc also leaves full screen, on either page (not while a show has the keys).
        escape = self.isFullScreen() and not self.slideshows.is_showing()
        self.commands.set_photo_moves_enabled(enabled, escape=escape)

    # -- state ----------------------------------------------------------------
    def save_state(self) -> None:
        save_window_state(self, self._settings)

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
        self.open_request(OpenRequest(path))

    def open_request(self, request: OpenRequest) -> None:
        """Open what ``request`` names; its photo, dates and slideshow apply on arrival."""
        self.session.open(request)

    def _scanning(self) -> bool:
        return bool(getattr(self._loader, "scanning", False))

    def show_gallery(self, gallery: Gallery) -> None:
        arrival = self.session.arrive(gallery)
        if arrival.fresh:
            self.slideshows.stop()  # its photos belong to the gallery that is going
        self._gallery = gallery
        self.nav.current = None
        p = self.parts
        self.stack.setCurrentIndex(GRID_PAGE)
        p.model.set_gallery(gallery, in_time_order=self._in_time_order(gallery))
        self.session.apply_filter(arrival)
        self.overview.refresh_now()
        self._article_stale = True
        self._refresh_article()
        self.setWindowTitle(wording.window_title(gallery))
        if gallery.source is not None:
            self._settings.last_gallery = gallery.source
            self._settings.add_recent_gallery(gallery.source, gallery.title)
        self.nav.on_count_changed(p.proxy.rowCount(), len(gallery.entries))
        self.show_grid()
        if gallery.entries:
            p.grid.setCurrentIndex(p.proxy.index(0, 0))
            p.timeline.set_current(p.grid.current_entry())
        self.statusBar().showMessage(wording.opened(gallery), 10000 if gallery.warnings else 4000)
        self._update_notice()
        self._follow_request(gallery.entries)
        self.gallery_shown.emit(gallery)
        self._maybe_start_requested_slideshow()

    def _follow_request(self, entries: tuple[Entry, ...] | list[Entry]) -> None:
        """Select and open the photo the user asked for, once it is among ``entries``."""
        entry = self.session.take_photo(entries)
        if entry is None:
            if not self._scanning():
                self.session.drop_photo()
            return
        if self.parts.proxy.row_of(entry.id) < 0:
            self._filter.clear_all()  # the photo asked for must show, whatever the filter
        self.nav.select_in_grid(entry)
        self.open_entry(entry)

    def _maybe_start_requested_slideshow(self) -> None:
        if self._gallery is not None and not self._scanning() and self.session.take_slideshow():
            self.start_slideshow()

    def _on_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        # Per run of a scan slice: O(1) (the notice follows the proxy's count_changed).
        self.overview.schedule()
        if self.session.wants_photo:
            model = self.parts.model
            rows = (model.entry(row) for row in range(first, last + 1))
            self._follow_request([e for e in rows if e is not None])

    def _update_notice(self, *_args: object) -> None:
        text = gallery_notice(
            self._gallery,
            shown=self.parts.proxy.rowCount() if self._gallery is not None else 0,
            scanning=self._scanning(),
        )
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _refresh_article(self, *_args: object) -> None:
        """Lay out the article once the pane is (to be) shown: a hidden dock's
        dozens of paragraph widgets need not delay the first paint."""
        pane = self.parts.article_pane
        if self._article_stale and not pane.isHidden():
            self._article_stale = False
            pane.set_gallery(self._gallery)

    def _in_time_order(self, gallery: Gallery) -> bool:  # a folder's: sorted on a worker
        return bool(getattr(self._loader, "in_time_order", lambda _g: False)(gallery))

    def update_gallery(self, gallery: Gallery) -> None:
        """A newer version of the gallery on screen (scan finished, folder changed,
        photos relinked): rows change in place, the selection and page stay."""
        self._gallery = gallery
        p = self.parts
        p.model.update_gallery(gallery, in_time_order=self._in_time_order(gallery))
        self.overview.schedule()  # filter bar and timeline follow, throttled
        current = self.nav.current
        if current is not None:
            newer = next((e for e in gallery.entries if e.id == current.id), None)
            if newer is not None and newer != current and self.stack.currentIndex() == PHOTO_PAGE:
                self.open_entry(newer)
            else:
                self.nav.current = newer
        self._update_notice()
        self._follow_request(gallery.entries)
        self._maybe_start_requested_slideshow()

    def _on_load_started(self, path: Path | None) -> None:
        self.statusBar().showMessage(wording.opening(path))

    def _on_load_failed(self, sentence: str) -> None:
        self.statusBar().showMessage(sentence, 10000)
        if self.isVisible():
            dialogs.show_error(self, "Could not open", sentence)

    def on_open(self) -> None:
        path = dialogs.choose_gallery(self, self._settings.last_gallery)
        if path is not None:
            self.open_path(path)

    def on_open_folder(self) -> None:
        path = dialogs.choose_folder(self, self._settings.last_gallery)
        if path is not None:
            self.open_path(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.WindowStateChange:
            self.commands.fullscreen.setChecked(self.isFullScreen())
            self._set_photo_actions_enabled(self.stack.currentIndex() == PHOTO_PAGE)
        super().changeEvent(event)

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
        self.slideshows.start(visible, self.nav.selected_entry(), fullscreen=fullscreen)
        # The slideshow window owns the keys now (i, f, arrows): the window's own
        # must not fire, even where the window manager leaves this window active.
        self._set_photo_actions_enabled(False)
        for action in self.commands.slideshow_keys:
            action.setEnabled(False)

    def slideshow_closed(self) -> None:
        """The show has ended: the window's own keys work again."""
        for action in self.commands.slideshow_keys:
            action.setEnabled(True)
        self._set_photo_actions_enabled(self.stack.currentIndex() == PHOTO_PAGE)
        self.activateWindow()

    def read_in_article(self, entry: Entry) -> None:
        pane = self.parts.article_pane
        was_hidden = not pane.isVisible()
        pane.show()
        self._refresh_article()
        if was_hidden:  # after show(): a hidden dock ignores resizeDocks
            width = max(300, min(420, self.width() // 3))  # a laptop keeps room for the photo
            self.resizeDocks([pane], [width], Qt.Orientation.Horizontal)
        self.parts.article_pane.raise_()
        self.parts.article_pane.show_passage(entry)

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.commands.fullscreen.setChecked(self.isFullScreen())
        self._set_photo_actions_enabled(self.stack.currentIndex() == PHOTO_PAGE)

    def on_toggle_info(self) -> None:
        self.parts.side_tabs.setVisible(self.commands.info.isChecked())

    def on_search(self) -> None:
        self.show_grid()
        self.parts.filter_bar.focus_search()

    def on_help(self) -> None:
        dialogs.show_shortcuts(self, [a for a in self.actions() if not a.shortcut().isEmpty()])

    def _on_link_file(self, entry: Entry) -> None:
        path = dialogs.choose_photo_file(self) if self._gallery is not None else None
        if path is None or self._gallery is None:
            return
        self._links.set(gallery_key(self._gallery), entry.id, path)
        self.update_gallery(self._links.apply(self._gallery))  # the row and photo page follow
        self.statusBar().showMessage(wording.linked(path, entry.position), 5000)

    def sizeHint(self) -> QSize:
        return QSize(1180, 760)
