# SPDX-License-Identifier: GPL-3.0-or-later
"""PhotoView fits, zooms and pans; placeholder cards are ready at once; filmstrip follows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QThreadPool

from gallery_app.qt.models.filter_proxy import GalleryFilterProxy
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.photos import PhotoModel
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.photo.filmstrip import Filmstrip
from gallery_app.ui.photo.view import PhotoView
from tests.unit.photo_samples import photo_gallery, wire_gallery


@pytest.fixture
def view(qtbot):
    pool = QThreadPool()
    photo = PhotoView(ImageLoader(pool))
    qtbot.addWidget(photo)
    photo.resize(600, 400)
    photo.show()
    qtbot.waitExposed(photo)
    yield photo
    pool.waitForDone()


def test_photo_is_fitted_then_zoomed_and_panned(view, qtbot, tmp_path) -> None:
    entry = photo_gallery(tmp_path).entries[0]  # 1200 x 800
    with qtbot.wait_signal(view.ready, timeout=10_000):
        view.show_entry(entry)
    assert view.has_photo() and view.is_fit()
    ratio = view.devicePixelRatioF()
    assert view.zoom_percent() == pytest.approx(50 * ratio)  # 600 / 1200
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom_percent() == pytest.approx(62.5 * ratio)
    assert not view.is_fit()
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_percent() == pytest.approx(100)
    before = QPointF(view._centre)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=view.rect().center())
    qtbot.mouseMove(view, view.rect().center() + QPoint(-100, -50))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton)
    assert view._centre.x() > before.x() and view._centre.y() > before.y()
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.is_fit()
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom_percent() < 50 * ratio


def test_placeholder_card_is_ready_at_once_with_a_link_action(view, qtbot) -> None:
    entry = wire_gallery().entries[0]
    with qtbot.wait_signal(view.ready, timeout=1000):
        view.show_entry(entry)
    assert not view.has_photo()
    button = view._link_button
    assert button.isVisible() and button.accessibleName()
    with qtbot.wait_signal(view.link_file_requested) as linked:
        button.click()
    assert linked.args[0] is entry
    view.zoom_in()  # nothing to zoom: no error


@pytest.mark.qt_log_ignore("JPEG datastream contains no image")
def test_unreadable_file_shows_the_card(view, qtbot, tmp_path) -> None:
    entry = photo_gallery(tmp_path).entries[2]
    with qtbot.wait_signal(view.ready, timeout=10_000):
        view.show_entry(entry)
    assert not view.has_photo()
    assert view._failed


def test_stale_photo_is_dropped(view, qtbot, tmp_path) -> None:
    entries = photo_gallery(tmp_path).entries
    view.show_entry(entries[0])
    with qtbot.wait_signal(view.ready, timeout=10_000):
        view.show_entry(entries[1])  # 600 x 900
    assert view.entry() is entries[1]
    assert view._natural.height() == 900


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_filmstrip_follows_and_chooses(qtbot) -> None:
    model = PhotoModel(ImageLoader(QThreadPool()))
    proxy = GalleryFilterProxy(FilterState(), model)
    strip = Filmstrip(proxy)
    qtbot.addWidget(strip)
    strip.resize(500, strip.height())
    model.set_gallery(wire_gallery())
    strip.show()
    qtbot.waitExposed(strip)
    assert strip.accessibleName() == "Filmstrip"
    with qtbot.assert_not_emitted(strip.entry_chosen):
        strip.set_current(proxy.entry(8))
    assert strip.currentIndex().row() == 8
    point = strip.visualRect(proxy.index(8, 0)).center()
    with qtbot.wait_signal(strip.entry_chosen) as chosen:
        qtbot.mouseClick(strip.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert chosen.args[0].id == "e09"


def test_size_unknown_to_the_metadata_comes_from_the_worker(view, qtbot, tmp_path) -> None:
    """No header read on the GUI thread: the decodes tell the photo's real size."""
    from dataclasses import replace

    from gallery_app.core.models import ImageInfo, ImageStatus

    entry = replace(photo_gallery(tmp_path).entries[0], info=ImageInfo(ImageStatus.OK))
    with qtbot.wait_signal(view.ready, timeout=10_000):
        view.show_entry(entry)
    assert view.is_fit() and view.has_photo()
    qtbot.wait_until(lambda: view._natural.width() == 1200, timeout=10_000)
    assert view._natural.height() == 800
    view.zoom_actual()
    assert view.zoom_percent() == pytest.approx(100)
    assert view._photo_rect().width() == pytest.approx(1200 / view.devicePixelRatioF())


def test_a_photo_shown_while_the_view_was_small_is_sharp_once_it_grows(
    view, qtbot, tmp_path
) -> None:
    entry = photo_gallery(tmp_path).entries[0]  # 1200 x 800
    view.resize(160, 120)  # as a view is before its window is laid out
    with qtbot.wait_signal(view.ready, timeout=10_000):
        view.show_entry(entry)
    assert view._pixmap is not None and view._pixmap.width() <= 200
    view.resize(900, 600)
    qtbot.wait_until(lambda: view.is_settled() and view._pixmap.width() >= 880, timeout=10_000)
    assert view._pixmap.width() <= 1200  # the window's size, not a needless full decode


def _small_photo(tmp_path, size=(150, 100)):
    from PIL import Image

    from gallery_app.core.models import Entry, ImageInfo, ImageStatus

    path = tmp_path / "small.png"
    Image.new("RGB", size, (200, 30, 30)).save(path)
    return Entry(id="small", position=1, image=path, info=ImageInfo(ImageStatus.OK, *size))


def test_fit_enlarges_a_small_photo_to_the_window_and_says_how_much(view, qtbot, tmp_path):
    with qtbot.wait_signal(view.ready, timeout=10_000):
        view.show_entry(_small_photo(tmp_path))  # 150 x 100 in a 600 x 400 view
    ratio = view.devicePixelRatioF()
    assert view.is_fit()
    assert view.zoom_percent() == pytest.approx(400 * ratio)
    assert view._photo_rect().width() == pytest.approx(600)  # the whole width, not 150 px
    badge = view.zoom_badge
    assert badge.isVisible() and badge.accessibleName() == "Zoom"
    assert badge.text() == f"Fit {400 * ratio:.0f} %"
    shot = view.grab().toImage()
    edge = shot.pixelColor(round(20 * ratio), round(200 * ratio))  # far outside 150 px
    assert edge.red() > 150 and edge.green() < 80  # the photo's red, enlarged

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_1)  # pixel for pixel
    assert view.zoom_percent() == pytest.approx(100)
    assert not view.is_fit()
    assert badge.text() == "100 %"
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert badge.text() == "125 %"
    qtbot.keyClick(view, Qt.Key.Key_0)  # fit again
    assert view.is_fit() and badge.text().startswith("Fit ")


def test_the_badge_hides_on_a_placeholder_card(view, qtbot, tmp_path) -> None:
    with qtbot.wait_signal(view.ready, timeout=10_000):
        view.show_entry(_small_photo(tmp_path))
    assert view.zoom_badge.isVisible()
    with qtbot.wait_signal(view.ready, timeout=1000):
        view.show_entry(wire_gallery().entries[0])
    assert not view.zoom_badge.isVisible()
