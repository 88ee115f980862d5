# SPDX-License-Identifier: GPL-3.0-or-later
"""The file details tab beside the caption panel: the file, the camera, every tag.

Data flow: the window's ``current_changed`` -> ``show_entry`` -> (only while the
tab is shown) ``core.metadata.details.read_details`` on a worker -> the
``FileDetails`` value back on the GUI thread, kept only if it is still for the
current photo -> plain-text labels and a tree of every EXIF / IPTC / XMP tag
(collapsed by group; raw value beside the interpreted one) and the precedence
decision of each text field.  Nothing from a file is rich text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gallery_app.core.gallery.labels import duration_text
from gallery_app.core.models import Entry
from gallery_app.qt.workers import run_task
from gallery_app.ui.photo.caption_panel import plain_label

if TYPE_CHECKING:
    from gallery_app.core.metadata.details import FileDetails


def human_size(size: int | None) -> str:
    """ "2.4 MB (2,431,112 bytes)"; decimal units, as file managers show them."""
    if size is None:
        return ""
    for unit, factor in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= factor:
            return f"{size / factor:.1f} {unit} ({size:,} bytes)"
    return f"{size:,} bytes"


def fact_rows(details: FileDetails) -> list[tuple[str, str]]:
    """The labelled facts at the top of the panel, in reading order."""
    pixels = (
        f"{details.width:,} × {details.height:,} pixels" if details.width and details.height else ""
    )
    rows = [
        ("Name", details.path.name),
        ("Folder", str(details.path.parent)),
        ("Size", human_size(details.size_bytes)),
        ("Pixels", pixels),
        ("Length", duration_text(details.duration)),
        ("Format", details.format),
        *details.summary,
    ]
    return [(label, value) for label, value in rows if value]


TAGS_HEADING = "All tags (EXIF, IPTC, XMP; open a group to see them)"
NO_TAGS = "This file holds no EXIF, IPTC or XMP tags."


class FileDetailsPanel(QWidget):
    """Everything about the current photo's file, read off the GUI thread."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileDetailsPanel")
        self.setAccessibleName("File details")
        self._pool: QThreadPool | None = None
        self._path: Path | None = None
        self._loaded: Path | None = None  # asked for
        self._shown: Path | None = None  # on screen
        self._build()
        self._show_message("No photo selected")

    def use_pool(self, pool: QThreadPool) -> None:
        self._pool = pool

    def is_settled(self) -> bool:
        """True when what is shown is the current photo's details (or there is nothing to read)."""
        return self._path is None or self._shown == self._path

    def _build(self) -> None:
        self._form_host = QWidget()
        self._form = QFormLayout(self._form_host)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.decisions = plain_label("precedence_decisions")
        self.problem = plain_label("details_problem")
        self.tags = QTreeWidget()
        self.tags.setObjectName("all_tags")
        self.tags.setAccessibleName("Every tag, grouped by EXIF, IPTC and XMP")
        self.tags.setHeaderLabels(["Tag", "Value", "Raw value"])
        self.tags.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tags.header().setStretchLastSection(True)
        self.tags.setColumnWidth(0, 150)
        self.tags.setColumnWidth(1, 120)
        self.tags.setMinimumHeight(220)
        self.tags.setUniformRowHeights(True)
        self.tags_heading = heading = QLabel(TAGS_HEADING)
        heading.setAccessibleName("All tags")
        heading.setWordWrap(True)
        heading.setBuddy(self.tags)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self._form_host)
        column.addWidget(self.problem)
        column.addWidget(self.decisions)
        column.addWidget(heading)
        column.addWidget(self.tags, 1)
        # Takes the room the tag list leaves when a file has none, so the facts above
        # stay together at the top instead of being spread down the panel.
        column.addStretch(0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # -- public API -----------------------------------------------------------
    def show_entry(self, entry: Entry | None) -> None:
        """Remember the current photo; read its file now if the tab is shown."""
        self._path = entry.image if entry is not None else None
        if self._path is None:
            self._loaded = None
            self._show_message("This entry has no photo file." if entry else "No photo selected")
        elif self.isVisible():
            self._request()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._path is not None and self._loaded != self._path:
            self._request()

    # -- loading ----------------------------------------------------------------
    def _request(self) -> None:
        path = self._path
        if path is None or self._pool is None:
            return
        self._loaded = path
        self._show_message(f"Reading {path.name}…")
        # Deferred: it brings every metadata reader (exiv2, exifread, XMP), which the
        # first frame does not need; the tab asks only once it is shown.
        from gallery_app.core.metadata.details import read_details

        run_task(self._pool, lambda: read_details(path), self._on_details, parent=self)

    def _on_details(self, details: object) -> None:
        from gallery_app.core.metadata.details import FileDetails  # loaded by _request

        if isinstance(details, FileDetails) and details.path == self._path:
            self.show_details(details)

    # -- showing ----------------------------------------------------------------
    def _clear_form(self) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)

    def _show_message(self, text: str) -> None:
        self._shown = None
        self._clear_form()
        message = plain_label("details_message", selectable=False)
        message.setText(text)
        self._form.addRow(message)
        self.decisions.hide()
        self.problem.hide()
        self.tags.clear()
        self.tags.hide()
        self.tags_heading.hide()

    def show_details(self, details: FileDetails) -> None:
        self._shown = details.path
        self._clear_form()
        for label, value in fact_rows(details):
            field = plain_label(label.lower().replace(" ", "_"))
            field.setText(value)
            name = QLabel(label)
            name.setBuddy(field)
            self._form.addRow(name, field)
        self.problem.setText(details.problem or "")
        self.problem.setVisible(bool(details.problem))
        text = "\n".join(f"• {line}" for line in details.decisions)
        self.decisions.setText(f"Which source each field came from:\n{text}" if text else "")
        self.decisions.setVisible(bool(text))
        self._fill_tags(details)

    def _fill_tags(self, details: FileDetails) -> None:
        self.tags.clear()
        self.tags.setVisible(bool(details.tags))
        self.tags_heading.setText(TAGS_HEADING if details.tags else NO_TAGS)
        self.tags_heading.setVisible(not details.problem or bool(details.tags))
        groups: dict[str, QTreeWidgetItem] = {}
        for tag in details.tags:
            group = groups.get(tag.group)
            if group is None:
                group = QTreeWidgetItem(self.tags, [tag.group])
                groups[tag.group] = group
            QTreeWidgetItem(group, [tag.key.split(".", 1)[-1], tag.shown, tag.raw])
        for group in groups.values():
            group.setText(1, f"{group.childCount()} tags")
        if groups:
            next(iter(groups.values())).setExpanded(True)  # the first open, the rest a click away
