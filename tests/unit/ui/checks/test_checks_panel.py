# SPDX-License-Identifier: GPL-3.0-or-later
"""The Checks panel and the grid badge as a user meets them: findings listed, ways to photos."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QRect, Qt, QThreadPool
from PySide6.QtGui import QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from gallery_app.core.checks.findings import Finding, Kind, Severity, Witness
from gallery_app.core.checks.run import check_entry
from gallery_app.core.loader import load_gallery
from gallery_app.core.models import Entry, FileMetadata, ImageInfo, ImageStatus, SourceConflict
from gallery_app.qt.checks import FindingsBook
from gallery_app.qt.models.photos import FindingsRole, PhotoModel
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.checks.panel import EMPTY_TEXT, ChecksPanel
from gallery_app.ui.grid.delegate import GridDelegate
from gallery_app.ui.photo.caption_panel import CaptionPanel


def _finding(entry: str, position: int, kind: Kind, message: str) -> Finding:
    return Finding(
        kind,
        Severity.WARNING if kind is not Kind.SOURCES else Severity.NOTICE,
        entry,
        position,
        message,
        Witness("caption", "caption text", "<b>2015-03-30</b>"),
        Witness("file", "EXIF DateTimeOriginal", "2008-05-30"),
    )


def _panel(qtbot: QtBot) -> ChecksPanel:
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    gallery = load_gallery(None, read_files=False)
    by_id = {e.id: e for e in gallery.entries}
    panel.set_findings(
        [
            _finding("02", 2, Kind.SOURCES, "The city in XMP differs from IPTC in the same file."),
            _finding("02", 2, Kind.DATE, "The caption dates this photo 30 March 2015, but…"),
            _finding("06", 6, Kind.WEEKDAY, "The caption says Sunday, but…"),
        ],
        by_id.get,
        len(gallery.entries),
    )
    return panel


def test_findings_are_grouped_by_photo_and_ordered_by_kind(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    model = panel.model
    assert model.rowCount() == 2
    photo = model.item(0)
    assert photo.text().startswith("2. ") and photo.text().endswith("(2)")
    assert [photo.child(i).text().split(":")[0] for i in range(photo.rowCount())] == [
        "⚠ Date",
        "ℹ File sources",
    ]
    spoken = photo.child(1).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Notice. File sources:")
    assert panel.summary.text() == "2 warnings and 1 notice about 2 of 11 photos"
    tip = photo.child(0).toolTip()
    assert "&lt;b&gt;" in tip and "<b>" not in tip  # file text shown literally


def test_clicking_or_pressing_enter_on_a_finding_asks_for_its_photo(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.show()
    child = panel.model.index(0, 0, panel.model.index(1, 0))
    with qtbot.wait_signal(panel.entry_activated) as blocker:
        panel.tree.clicked.emit(child)
    assert blocker.args == ["06"]
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(panel.model.index(0, 0))
    with qtbot.wait_signal(panel.entry_activated) as blocker:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert blocker.args == ["02"]
    assert panel.tree.accessibleName() and panel.accessibleName()


def test_no_findings_says_so(qtbot: QtBot) -> None:
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.set_findings([], lambda _id: None, 3)
    assert panel.summary.text() == EMPTY_TEXT
    assert panel.model.rowCount() == 0


def test_the_book_checks_the_model_and_serves_findings_role(qtbot: QtBot) -> None:
    pool = QThreadPool()
    book = FindingsBook(pool, check=check_entry)
    model = PhotoModel(ImageLoader(pool))
    model.use_findings(book)
    gallery = load_gallery(None, read_files=False)
    with qtbot.wait_signal(book.changed, timeout=60_000):
        model.set_gallery(gallery)
    assert [(f.position, f.kind) for f in book.findings()] == [(6, Kind.WEEKDAY)]
    assert model.data(model.index(5), FindingsRole)[0].kind is Kind.WEEKDAY
    assert model.data(model.index(0), FindingsRole) == ()
    assert book.worst("06") is Severity.WARNING
    fixed = replace(gallery.entries[5], caption="Iraqi forces on Tuesday, March 31, 2015.")
    with qtbot.wait_signal(book.changed, timeout=60_000):
        model.replace_entry(fixed)
    assert book.findings() == ()
    pool.waitForDone(5000)


def test_a_card_with_findings_wears_a_badge(qtbot: QtBot) -> None:
    pool = QThreadPool()
    book = FindingsBook(pool, check=check_entry)
    model = PhotoModel(ImageLoader(pool))
    model.use_findings(book)
    with qtbot.wait_signal(book.changed, timeout=60_000):
        model.set_gallery(load_gallery(None, read_files=False))
    delegate = GridDelegate(thumbnail_size=128)

    def render(row: int) -> QImage:
        option = QStyleOptionViewItem()
        option.palette = QPalette()
        option.rect = QRect(0, 0, 160, 220)
        image = QImage(160, 220, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        delegate.paint(painter, option, model.index(row))
        painter.end()
        return image

    plain, badged = render(0), render(5)
    corner = [(x, y) for x in range(110, 150) for y in range(8, 26)]
    amber = sum(
        1 for x, y in corner if badged.pixelColor(x, y).red() > 180 > badged.pixelColor(x, y).blue()
    )
    assert amber > 20
    assert sum(1 for x, y in corner if plain.pixelColor(x, y) != badged.pixelColor(x, y)) > 20
    pool.waitForDone(5000)


def test_file_details_say_where_the_sources_disagree(qtbot: QtBot) -> None:
    panel = CaptionPanel()
    qtbot.addWidget(panel)
    meta = FileMetadata(
        caption="Caption in XMP",
        title=None,
        creator=None,
        credit=None,
        copyright=None,
        taken=None,
        location=None,
        info=ImageInfo(ImageStatus.OK),
        sources={"caption": "XMP dc:description"},
        conflicts=(
            SourceConflict(
                "caption", "XMP dc:description", "Caption in XMP", "IPTC Caption-Abstract", "x"
            ),
        ),
    )
    entry = replace(load_gallery(None, read_files=False).entries[0], file=meta, image=Path("a.jpg"))
    panel.show_entry(entry, 0, 1)
    assert panel.file_sources.text() == (
        "From the file:\ncaption: XMP dc:description; IPTC Caption-Abstract differs"
    )
    assert panel.file_sources.textFormat() is Qt.TextFormat.PlainText
    panel.show_entry(load_gallery(None, read_files=False).entries[0], 0, 1)
    assert panel.file_sources.isHidden()


def test_no_check_runs_while_a_scan_is_adding_rows(qtbot: QtBot) -> None:
    pool = QThreadPool()
    checked: list[str] = []

    def check(entry: Entry) -> tuple[Finding, ...]:
        checked.append(entry.id)
        return check_entry(entry)

    scanning = {"now": True, "asked": 0}

    def busy() -> bool:
        scanning["asked"] += 1
        return bool(scanning["now"])

    book = FindingsBook(pool, check=check, busy=busy)
    model = PhotoModel(ImageLoader(pool))
    model.use_findings(book)
    model.set_gallery(load_gallery(None, read_files=False))
    qtbot.wait_until(lambda: scanning["asked"] >= 2, timeout=10_000)  # a run was due twice
    assert checked == []
    assert not book.is_settled()
    scanning["now"] = False
    with qtbot.wait_signal(book.changed, timeout=60_000):
        pass
    assert [(f.position, f.kind) for f in book.findings()] == [(6, Kind.WEEKDAY)]
