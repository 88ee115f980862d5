# SPDX-License-Identifier: GPL-3.0-or-later
"""The widgets and models the main window lays out, and the two pages they make.

Kept apart from the window so the list of parts (and who gets which
collaborator) reads at a glance; the window only arranges and connects them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gallery_app.qt.models.filter_proxy import GalleryFilterProxy
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.photos import PhotoModel
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.article.pane import ArticlePane
from gallery_app.ui.grid.view import GridView
from gallery_app.ui.photo.caption_panel import CaptionPanel
from gallery_app.ui.photo.details_panel import FileDetailsPanel
from gallery_app.ui.photo.filmstrip import Filmstrip
from gallery_app.ui.photo.view import PhotoView
from gallery_app.ui.slideshow.window import SlideshowWindow
from gallery_app.ui.timeline.view import TimelineView
from gallery_app.ui.window.file_types_status import FileTypesStatus, install_file_types_status
from gallery_app.ui.window.filter_bar import FilterBar


@dataclass
class Parts:
    """The widgets and models the window lays out, made by :func:`build_parts`."""

    model: PhotoModel
    proxy: GalleryFilterProxy
    grid: GridView
    filter_bar: FilterBar
    timeline: TimelineView
    photo_view: PhotoView
    filmstrip: Filmstrip
    caption_panel: CaptionPanel
    details_panel: FileDetailsPanel
    side_tabs: QTabWidget
    article_pane: ArticlePane
    slideshow_window: SlideshowWindow
    file_types_status: FileTypesStatus  # in the status bar, after the "5 of 11 shown" count


def build_parts(
    window: QMainWindow,
    filter_state: FilterState,
    image_loader: ImageLoader,
    slideshow: SlideshowController,
) -> Parts:
    model = PhotoModel(image_loader, window)
    proxy = GalleryFilterProxy(filter_state, model, window)
    grid = GridView(proxy, window)
    caption_panel = CaptionPanel(window)
    details_panel = FileDetailsPanel(window)
    return Parts(
        model=model,
        proxy=proxy,
        grid=grid,
        filter_bar=FilterBar(filter_state, window),
        timeline=TimelineView(filter_state, window),
        photo_view=PhotoView(image_loader, window),
        filmstrip=Filmstrip(proxy, window),
        caption_panel=caption_panel,
        details_panel=details_panel,
        side_tabs=build_side_tabs(window, caption_panel, details_panel),
        article_pane=ArticlePane(window),
        slideshow_window=SlideshowWindow(slideshow, window),
        file_types_status=install_file_types_status(window.statusBar(), filter_state),
    )


def build_side_tabs(
    window: QWidget, caption: CaptionPanel, details: FileDetailsPanel
) -> QTabWidget:
    """The caption panel and the file details, as two tabs beside the photo."""
    tabs = QTabWidget(window)
    tabs.setObjectName("side_tabs")
    tabs.setAccessibleName("Caption and file details")
    tabs.setDocumentMode(True)
    tabs.addTab(caption, "&Caption")
    tabs.addTab(details, "File &details")
    tabs.setMinimumWidth(caption.minimumWidth())
    return tabs


CAPTION_SHARE = 0.4  # the caption panel never takes more of a narrow photo page


class _CaptionShare(QObject):
    """Keeps the caption panel to at most 40 % of the photo page as it narrows.

    The panel does not stretch, so a window made narrower (or a dock opened
    beside it) took all the width from the photo, down to a thumbnail; now the
    photo keeps at least 60 %.  The panel's own minimum still holds.
    """

    def __init__(self, splitter: QSplitter) -> None:
        super().__init__(splitter)
        self._splitter = splitter
        splitter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._splitter and event.type() == QEvent.Type.Resize:
            sizes = self._splitter.sizes()
            total = sum(sizes)
            panel = self._splitter.widget(1)
            if len(sizes) == 2 and total > 0 and panel is not None:
                cap = max(panel.minimumWidth(), int(total * CAPTION_SHARE))
                if sizes[1] > cap:
                    self._splitter.setSizes([total - cap, cap])
        return False


def build_notice(parent: QWidget) -> QLabel:
    """The banner over an empty grid that says why it is empty (plain text, hidden by default)."""
    notice = QLabel(parent)
    notice.setObjectName("grid_notice")
    notice.setTextFormat(Qt.TextFormat.PlainText)  # a warning may quote a file name
    notice.setWordWrap(True)
    notice.setAccessibleName("Why no photos are shown")
    notice.setContentsMargins(12, 8, 12, 8)
    notice.setBackgroundRole(QPalette.ColorRole.AlternateBase)
    notice.setAutoFillBackground(True)
    notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    notice.hide()
    return notice


def build_pages(
    window: QWidget, parts: Parts
) -> tuple[QSplitter, QSplitter, QStackedWidget, QLabel]:
    """The grid page (filter bar, notice and grid over the timeline) and the photo
    page (photo and filmstrip beside the caption panel), in a stack: grid first."""
    grid_top = QWidget(window)
    column = QVBoxLayout(grid_top)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(parts.filter_bar)
    notice = build_notice(grid_top)
    column.addWidget(notice)
    column.addWidget(parts.grid, 1)
    grid_splitter = QSplitter(Qt.Orientation.Vertical, window)
    grid_splitter.setObjectName("grid_splitter")
    grid_splitter.addWidget(grid_top)
    grid_splitter.addWidget(parts.timeline)
    grid_splitter.setStretchFactor(0, 1)
    grid_splitter.setStretchFactor(1, 0)
    grid_splitter.setSizes([520, 150])

    photo_left = QWidget(window)
    left = QVBoxLayout(photo_left)
    left.setContentsMargins(0, 0, 0, 0)
    left.setSpacing(0)
    left.addWidget(parts.photo_view, 1)
    left.addWidget(parts.filmstrip)
    photo_splitter = QSplitter(Qt.Orientation.Horizontal, window)
    photo_splitter.setObjectName("photo_splitter")
    photo_splitter.addWidget(photo_left)
    photo_splitter.addWidget(parts.side_tabs)
    photo_splitter.setStretchFactor(0, 1)
    photo_splitter.setSizes([800, 340])
    _CaptionShare(photo_splitter)

    # Tab follows reading order: the filter bar, the grid, then the timeline;
    # on the photo page the photo, the filmstrip, then the caption's links.
    QWidget.setTabOrder(parts.filter_bar.search_edit, parts.grid)
    QWidget.setTabOrder(parts.grid, parts.timeline)
    QWidget.setTabOrder(parts.photo_view, parts.filmstrip)
    QWidget.setTabOrder(parts.filmstrip, parts.caption_panel.map_link)

    stack = QStackedWidget(window)
    stack.setAccessibleName("Pages")
    stack.addWidget(grid_splitter)
    stack.addWidget(photo_splitter)
    return grid_splitter, photo_splitter, stack, notice
