# SPDX-License-Identifier: GPL-3.0-or-later
"""The composition root: the QApplication, one error hook, and the wiring.

``run(options)`` is called by ``__main__`` once the command line is parsed.
It sets the names QSettings and the desktop use, routes Qt's messages and any
uncaught exception to the log file (the user sees one sentence), builds the
core, qt and ui objects, hands each its collaborators, opens the gallery and
runs the event loop.  Nothing here happens at import.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QThreadPool
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from gallery_app import APP_ID, APP_NAME, __version__
from gallery_app.core import paths
from gallery_app.core.folders.pool import ReaderPool
from gallery_app.core.loader import load_gallery
from gallery_app.core.store.catalog import Catalog
from gallery_app.core.store.links import LinkStore
from gallery_app.core.store.notices import Notice, StorageNotices
from gallery_app.crash_reporting import (  # noqa: F401  (re-exported for tests and callers)
    CrashReporter,
    crash_dialog,
    install_log_routes,
)
from gallery_app.desktop.integration import window_icon_paths
from gallery_app.e2e_state import install_state_report
from gallery_app.qt.checks import FindingsBook
from gallery_app.qt.collector import GuiThreadCollector
from gallery_app.qt.exporter import Exporter
from gallery_app.qt.loading.folder_session import FolderGalleryLoader
from gallery_app.qt.loading.gallery import GalleryLoader
from gallery_app.qt.loading.relinker import Relinker
from gallery_app.qt.loading.scanner import FolderScanner
from gallery_app.qt.loading.session import OpenRequest
from gallery_app.qt.loading.thumb_processes import ThumbnailProcesses
from gallery_app.qt.loading.thumbnails import ThumbnailProvider
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.pools import ThreadPools
from gallery_app.qt.settings import Settings
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.checks.dock import install_checks_dock
from gallery_app.ui.common.screen_fit import show_full_screen
from gallery_app.ui.common.theme import apply_palette
from gallery_app.ui.edit.controller import EditingController, install_editing
from gallery_app.ui.window.details_action import FileDetailsAction
from gallery_app.ui.window.export_action import ExportAction
from gallery_app.ui.window.file_menu import add_to_file_menu
from gallery_app.ui.window.first_screen import hold_for_first_screen
from gallery_app.ui.window.lazy_map import LazyMap
from gallery_app.ui.window.main_window import MainWindow
from gallery_app.ui.window.relink_action import RelinkAction
from gallery_app.ui.window.scan_progress import install_scan_progress
from gallery_app.ui.window.screenshot import ScreenshotJob
from gallery_app.ui.window.storage_notice import install_storage_notice

if TYPE_CHECKING:  # imported in run(): a screenshot needs no single-instance server
    from gallery_app.qt.single_instance import Handover, SingleInstance

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    """What the command line asked for, already checked by ``__main__``."""

    path: Path | None = None
    slideshow: bool = False
    fullscreen: bool = False
    interval: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    screenshot: Path | None = None
    view: str = "grid"
    select: int = 1
    size: tuple[int, int] = (1280, 800)
    palette: str = "system"  # or "light" / "dark": see gallery_app.ui.common.theme


def _window_icon() -> QIcon:
    icon = QIcon()
    try:
        for file in window_icon_paths():
            if file.is_file():
                icon.addFile(str(file))
    except (OSError, ValueError):
        log.info("no bundled window icon")
    return icon


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(_window_icon())
    return app


@dataclass
class Composition:
    """Every long-lived object the app is made of, for ``run`` and the tests."""

    pools: ThreadPools
    settings: Settings
    filter_state: FilterState
    links: LinkStore
    loader: GalleryLoader
    image_loader: ImageLoader
    slideshow: SlideshowController
    window: MainWindow
    catalog: Catalog
    scanner: FolderScanner
    thumbnails: ThumbnailProvider
    editing: EditingController
    notices: StorageNotices = field(default_factory=StorageNotices)
    findings: FindingsBook | None = None

    def shut_down(self) -> None:
        """Stop background work before the objects go (scans, reader processes, thumbnails,
        checks)."""
        if self.findings is not None:
            self.findings.stop()
        self.scanner.stop()
        self.scanner.close_readers()
        self.thumbnails.close()  # its worker processes too
        self.pools.clear()
        self.thumbnails.wait_for_done(3000)
        self.pools.wait_for_done(3000)
        self.catalog.close()


def compose(
    *, progressive: bool = True, notices: StorageNotices | None = None, ask: bool = True
) -> Composition:
    """Build core + qt + ui objects and hand each its collaborators.

    ``progressive=False`` (screenshots): a folder's gallery arrives complete
    instead of batch by batch.  ``notices`` hears what cannot be kept on disk
    (the status bar shows it).  ``ask=False`` (screenshots): editing asks no
    question (unsaved corrections, restoring the journal).
    """
    notices = notices if notices is not None else StorageNotices()
    pools = ThreadPools.create()
    pool = pools.work
    settings = Settings(notices=notices)
    filter_state = FilterState(settings=settings)  # it keeps the Files choice there
    links = LinkStore(notices=notices)
    catalog = Catalog(notices=notices)
    readers = ReaderPool(niceness=10)  # processes, started when needed; the window comes first
    scanner = FolderScanner(catalog, pools.scan, readers=readers, hold_check=True)
    # The full phase of each thumbnail in processes of its own once thumbnails pile up.
    makers = ThumbnailProcesses.create()
    thumbnails = ThumbnailProvider(pools.thumbnails, notices=notices, processes=makers)
    load = functools.partial(load_gallery, catalog=catalog)  # the catalog is thread-safe
    loader = FolderGalleryLoader(pool, load, scanner, links, progressive=progressive)
    image_loader = ImageLoader(pool)
    slideshow = SlideshowController(image_loader)
    window = MainWindow(settings, filter_state, loader, image_loader, links, slideshow)
    window.parts.model.use_thumbnail_provider(thumbnails)
    window.story.use_pool(pool)  # the story timeline lays big folders out off the GUI thread
    loader.entries_added.connect(window.parts.model.merge_entries)
    loader.updated.connect(window.update_gallery)
    install_scan_progress(window.statusBar(), loader)
    install_storage_notice(window.statusBar(), notices)
    RelinkAction(window, Relinker(pool, links, catalog, window), window)
    findings = FindingsBook(pool, parent=window, busy=lambda: loader.scanning)  # panel, badges
    hold_for_first_screen(window, loader, findings, scanner, release=progressive)  # not screenshots
    editing = _install_docks_and_actions(window, settings, findings, loader, pool, ask=ask)
    LazyMap(window, settings, filter_state, pools.map)  # the map is built when first shown
    return Composition(
        pools,
        settings,
        filter_state,
        links,
        loader,
        image_loader,
        slideshow,
        window,
        catalog,
        scanner,
        thumbnails,
        editing,
        notices,
        findings=findings,
    )


def _install_docks_and_actions(
    window: MainWindow,
    settings: Settings,
    findings: FindingsBook,
    loader: FolderGalleryLoader,
    pool: QThreadPool,
    *,
    ask: bool,
) -> EditingController:
    """The checks and edit docks, export, file details: each handed what it needs."""
    model = window.parts.model
    model.use_findings(findings)
    install_checks_dock(window, findings, model.entries, window.open_entry, window.commands.search)
    export = ExportAction(window, window, Exporter(pool, window))
    add_to_file_menu(window.menuBar(), window.commands.open_file, export, window)
    editing = install_editing(
        window, window, window.parts.grid, settings, loader.updated, pool, ask=ask
    )
    window.parts.details_panel.use_pool(pool)
    FileDetailsAction(window, window)
    return editing


def _say_on_stderr(notice: Notice) -> None:
    print(f"Dateline: {notice.sentence()}", file=sys.stderr)


def _start_path(options: Options, settings: Settings) -> Path | None:
    """The command line's path; else (not for screenshots) the last gallery; else bundled."""
    if options.path is not None or options.screenshot is not None:
        return options.path
    last = settings.last_gallery
    return last if last is not None and last.exists() else None


def instance_key() -> str:
    """The single-instance key: one instance per display (or Wayland socket) and data folder.

    A launch on another seat or display, or with another HOME or
    ``DATELINE_HOME`` (``make run`` beside a running app, the tests), starts
    its own window instead of being handed to one the user cannot see.  The
    user is added by ``single_instance.server_name``.
    """
    session = "\0".join((display_name(), os.fsencode(str(paths.data_dir().absolute())).hex()))
    return f"{APP_ID}-{hashlib.sha256(session.encode()).hexdigest()[:16]}"


def display_name() -> str:
    """Which screen this process shows on: the Wayland socket, else the X display."""
    wayland = os.environ.get("WAYLAND_DISPLAY", "")
    if wayland:
        runtime = os.environ.get("XDG_RUNTIME_DIR", "")
        return "wayland:" + (wayland if wayland.startswith("/") else f"{runtime}/{wayland}")
    return "x11:" + os.environ.get("DISPLAY", "")


def on_handover(parts: Composition, handover: Handover) -> None:
    """A later launch handed over its paths and flags: open, filter, show; raise the window.

    With a path, it opens like any request (its dates and slideshow apply to
    that gallery); without one (``gallery-app --slideshow`` again), the flags
    apply to the gallery on screen.
    """
    window = parts.window
    if handover.paths:
        window.open_request(
            OpenRequest(
                Path(handover.paths[0]),
                handover.date_from,
                handover.date_to,
                handover.slideshow,
            )
        )
    else:
        if handover.date_from or handover.date_to:
            parts.filter_state.set_date_range(handover.date_from, handover.date_to)
        if handover.slideshow and not window.slideshows.is_showing():
            window.start_slideshow()
    if handover.fullscreen:
        show_full_screen(window)
    elif window.isMinimized():
        window.showNormal()
    else:
        window.show()
    window.raise_()
    window.activateWindow()


def first_request(options: Options, settings: Settings) -> OpenRequest:
    """What the command line opens, with the dates and slideshow it asked for.

    ``--from``/``--to`` and ``--slideshow`` belong to this first gallery only:
    a gallery opened later starts unfiltered and without a show.
    """
    return OpenRequest(
        path=_start_path(options, settings),
        date_from=options.date_from,
        date_to=options.date_to,
        slideshow=options.slideshow and options.screenshot is None,
    )


def apply_options(parts: Composition, options: Options) -> None:
    """The options that last the whole run (the interval); the rest ride on the first request."""
    if options.interval is not None:
        parts.window.interval_override = options.interval


def start(parts: Composition, options: Options) -> None:
    """Apply ``options``, show the window (full screen if asked) and open the first gallery."""
    apply_options(parts, options)
    window = parts.window
    if options.screenshot is None:
        if options.fullscreen:
            show_full_screen(window)  # sized to the screen even without a window manager
        else:
            window.show()
    window.open_request(first_request(options, parts.settings))


E2E_STATE_ENV = "DATELINE_E2E_STATE"


def run(options: Options, argv: list[str] | None = None) -> int:
    """Start the app; returns the exit code."""
    notices = StorageNotices()
    notices.subscribe(_say_on_stderr)
    install_log_routes(notices)
    app = make_application(argv if argv is not None else sys.argv[:1])
    reporter = CrashReporter(show_dialogs=options.screenshot is None, parent=app)
    reporter.install()
    collector = GuiThreadCollector(app)  # cycles collected on the GUI thread only
    apply_palette(app, options.palette)
    instance: SingleInstance | None = None
    if options.screenshot is None:
        # Deferred for start-up: a screenshot needs no single-instance server.
        from gallery_app.qt.single_instance import SingleInstance

        instance = SingleInstance(instance_key())
        forwarded = instance.try_forward(
            [str(options.path)] if options.path else [],
            slideshow=options.slideshow,
            fullscreen=options.fullscreen,
            date_from=options.date_from,
            date_to=options.date_to,
        )
        if forwarded:
            log.info("handed over to the running Dateline")
            return 0
        if not instance.listen():
            instance = None
    parts = compose(
        progressive=options.screenshot is None, notices=notices, ask=options.screenshot is None
    )
    if instance is not None:
        instance.handed_over.connect(lambda handover: on_handover(parts, handover))
    if os.environ.get(E2E_STATE_ENV):
        install_state_report(parts.window, parts.slideshow, Path(os.environ[E2E_STATE_ENV]))
    if options.screenshot is not None:
        if options.view == "edit":  # the photo page with the edit panel beside it
            parts.editing.dock.show()
        ScreenshotJob(
            parts.window,
            parts.loader,
            parts.slideshow,
            options.screenshot,
            view="photo" if options.view == "edit" else options.view,
            select=options.select,
            size=QSize(*options.size),
        )
    start(parts, options)
    code = app.exec()
    if instance is not None:
        instance.close()
    parts.shut_down()
    collector.stop()
    log.info("exit with code %d", code)
    return code
