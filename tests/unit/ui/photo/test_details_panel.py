# SPDX-License-Identifier: GPL-3.0-or-later
"""The file details tab: the file, the camera, every tag and the precedence decision."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from gallery_app.core.metadata.details import read_details
from gallery_app.core.models import Entry
from gallery_app.ui.photo.details_panel import FileDetailsPanel, human_size
from tests.imaging import exif_block, iptc_block, make_jpeg, xmp_packet


def _photo(tmp_path: Path) -> Path:
    exif = exif_block(description="x-default", artist="Ana Lopez")
    return make_jpeg(
        tmp_path / "market.jpg",
        size=(64, 48),
        exif=exif,
        iptc=iptc_block({"caption": "Market day (IPTC)"}),
        xmp=xmp_packet(description="Market day in Hue"),
    )


def test_details_name_every_source_and_the_decision(tmp_path: Path) -> None:
    details = read_details(_photo(tmp_path))
    assert (details.width, details.height) == (64, 48)
    groups = {tag.group for tag in details.tags}
    assert {"EXIF", "IPTC", "XMP"} <= groups
    caption = next(line for line in details.decisions if line.startswith("caption:"))
    assert caption.startswith("caption: XMP dc:description")
    assert "IPTC Caption-Abstract differs" in caption
    assert "EXIF ImageDescription 'x-default' skipped" in caption
    raw = [t.raw for t in details.tags if t.key == "Exif.Image.ImageDescription"]
    assert raw == ["x-default"]  # junk is kept for the details, not shown as the caption


def test_panel_reads_off_the_gui_thread_and_shows_plain_text(qtbot: QtBot, tmp_path: Path) -> None:
    panel = FileDetailsPanel()
    qtbot.addWidget(panel)
    pool = QThreadPool()
    panel.use_pool(pool)
    panel.show()
    panel.show_entry(Entry(id="1", position=0, image=_photo(tmp_path)))
    qtbot.wait_until(panel.is_settled)
    texts = [label.text() for label in panel.findChildren(QLabel)]
    assert "market.jpg" in texts
    assert "64 × 48 pixels" in texts
    assert panel.tags.topLevelItemCount() == 3
    assert all(
        label.textFormat().name == "PlainText"
        for label in panel.findChildren(QLabel)
        if label.objectName()
    )
    pool.waitForDone()


def test_human_size() -> None:
    assert human_size(2_431_112) == "2.4 MB (2,431,112 bytes)"
    assert human_size(512) == "512 bytes"


def test_a_video_without_tags_shows_its_length_and_no_gap(qtbot: QtBot, tmp_path: Path) -> None:
    from gallery_app.core.metadata.details import FileDetails
    from gallery_app.ui.photo.details_panel import NO_TAGS

    host = QWidget()  # a tall window, as the panel sits beside the photo
    qtbot.addWidget(host)
    host.setGeometry(0, 0, 360, 900)
    panel = FileDetailsPanel(host)
    panel.setGeometry(0, 0, 360, 900)
    host.show()
    video = tmp_path / "harbour.wmv"
    details = FileDetails(video, 12_379, "ASF/WMV video", 160, 120, (), (), (), None, 94.1)
    panel.show_details(details)
    labels = panel._form_host.findChildren(QLabel)
    qtbot.wait_until(lambda: panel.tags_heading.isVisible() and all(x.isVisible() for x in labels))
    texts = [label.text() for label in labels]
    assert "1:34" in texts and "160 × 120 pixels" in texts
    assert panel.tags_heading.text() == NO_TAGS
    assert not panel.tags.isVisible()
    form, note = panel._form_host, panel.tags_heading
    # The facts and the note keep their own height, one under the other, at the top of a
    # tall panel; the room left over stays below them, not spread between them.
    assert form.height() <= form.sizeHint().height() + 20
    assert note.height() <= 2 * note.sizeHint().height()
    assert note.geometry().top() - form.geometry().bottom() < 40
