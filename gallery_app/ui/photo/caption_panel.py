# SPDX-License-Identifier: GPL-3.0-or-later
"""The caption panel beside the photo: position, caption, date, place, credit.

The caption is shown whole (wrapped, selectable, in a scroll area so nothing is
ever clipped); the date says how precise it is and where it came from;
warnings are shown in words; the place carries its coordinates and an "Open
map" link that opens OpenStreetMap only when clicked.  The file details say
which source each field came from and where the file's EXIF, IPTC and XMP
disagree ("caption: XMP dc:description; IPTC Caption-Abstract differs").  The credit sits in a
footer outside the scroll area so it stays visible however long the caption.
Every text from a file goes through a plain-text QLabel.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gallery_app.core.gallery.labels import (
    coordinates_text,
    credit_text,
    describe_precision,
    file_name,
    file_sources_lines,
    format_date,
    place_text,
)
from gallery_app.core.inert import isolate
from gallery_app.core.models import Entry, ImageStatus
from gallery_app.ui.common.painting import muted_text

OSM_URL = "https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=12/{lat:.5f}/{lon:.5f}"


def map_url(entry: Entry | None) -> QUrl | None:
    """The OpenStreetMap address for the entry's coordinates, or None."""
    loc = entry.location if entry is not None else None
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    if not (-90 <= loc.lat <= 90 and -180 <= loc.lon <= 180):
        return None
    return QUrl(OSM_URL.format(lat=loc.lat, lon=loc.lon))


def plain_label(name: str, *, selectable: bool = True, wrap: bool = True) -> QLabel:
    """A QLabel that never interprets markup and wraps instead of widening the panel."""
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setAccessibleName(name.replace("_", " "))
    if selectable:
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
    return label


def _no_caption(entry: Entry) -> str:
    """What the panel says of a photo without a caption: so, and its name."""
    name = file_name(entry)
    return f"No caption ({name})." if name else "No caption."


class LinkButton(QPushButton):
    """A flat button that looks like a link but is focusable and keyboard-operable."""

    def __init__(self, text: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(accessible_name)
        font = QFont(self.font())
        font.setUnderline(True)
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("QPushButton { text-align: left; padding: 2px 0px; }")
        self.setForegroundRole(QPalette.ColorRole.Link)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.ButtonText, palette.color(QPalette.ColorRole.Link))
        self.setPalette(palette)


class CaptionPanel(QWidget):
    """Everything known about the current photo, as plain text."""

    read_in_article = Signal(object)  # Entry
    link_file_requested = Signal(object)  # Entry

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        open_url: Callable[[QUrl], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("captionPanel")
        self.setAccessibleName("Caption panel")
        self._open_url = open_url or QDesktopServices.openUrl
        self._entry: Entry | None = None

        self.position = plain_label("position", selectable=False)
        self.title = plain_label("title")
        self.caption = plain_label("caption")
        self.file_photo = plain_label("file_photo", selectable=False)
        self.date = plain_label("date")
        self.date_detail = plain_label("date_detail")
        self.warnings = plain_label("warnings")
        self.place = plain_label("place")
        self.coordinates = plain_label("coordinates")
        self.creator = plain_label("creator")
        self.copyright = plain_label("copyright")
        self.credit = plain_label("credit")
        self.file_sources = plain_label("file_sources")
        self.map_link = LinkButton("Open map", "Open the place in OpenStreetMap")
        self.map_link.setToolTip("Opens OpenStreetMap in your web browser")
        self.article_link = LinkButton(
            "Read in article", "Read this photo's passage in the article"
        )
        self.link_file = QPushButton("Link a photo file…")
        self.link_file.setAccessibleName("Link a photo file to this entry")

        self._style_labels()
        self._build_layout()
        self.map_link.clicked.connect(self._on_map_clicked)
        self.article_link.clicked.connect(self._on_article_clicked)
        self.link_file.clicked.connect(self._on_link_file_clicked)
        self.show_entry(None, 0, 0)

    # -- public API -----------------------------------------------------------
    def entry(self) -> Entry | None:
        return self._entry

    def show_entry(
        self, entry: Entry | None, index: int, count: int, total: int | None = None
    ) -> None:
        """Show ``entry``, the ``index``-th (0-based) of ``count`` photos shown.

        With ``total`` (the gallery's size), "4 of 11" is the gallery's own
        numbering, whatever the sort order; a filter adds "(2 of 5 shown)".
        """
        self._entry = entry
        if entry is None:
            self.position.setText("No photo selected" if count else "No photos shown")
            for label in self._entry_labels():
                label.clear()
                label.hide()
            for button in (self.map_link, self.article_link, self.link_file):
                button.hide()
            return
        if total is None:
            self.position.setText(f"{index + 1} of {count}")
        else:
            shown = f" ({index + 1} of {count} shown)" if count < total else ""
            self.position.setText(f"{entry.position} of {total}{shown}")
        self._set(self.title, entry.title or "")
        self._set(self.caption, entry.caption or _no_caption(entry))
        self._set(
            self.file_photo, "File photo (taken earlier than the story)" if entry.file_photo else ""
        )
        self._set(self.date, format_date(entry.taken))
        self._set(self.date_detail, describe_precision(entry.taken))
        self._set(self.warnings, "\n".join(f"⚠ {w}" for w in entry.warnings))
        self._set(self.place, place_text(entry.location))
        self._set(self.coordinates, coordinates_text(entry.location))
        self.map_link.setVisible(map_url(entry) is not None)
        self._set(self.creator, f"Photographer: {entry.creator}" if entry.creator else "")
        self._set(self.copyright, entry.copyright or "")
        credit = credit_text(entry)
        self._set(self.credit, f"Credit: {credit}" if credit else "No credit given")
        lines = file_sources_lines(entry.file)
        self._set(self.file_sources, "\n".join(["From the file:", *lines]) if lines else "")
        self.article_link.setVisible(entry.context is not None)
        no_file = entry.image is None or entry.image_status is not ImageStatus.OK
        self.link_file.setText("Link a photo file…" if no_file else "Link a different photo file…")
        self.link_file.setVisible(True)

    # -- layout ---------------------------------------------------------------
    def _entry_labels(self) -> list[QLabel]:
        return [
            self.title,
            self.caption,
            self.file_photo,
            self.date,
            self.date_detail,
            self.warnings,
            self.place,
            self.coordinates,
            self.creator,
            self.copyright,
            self.credit,
            self.file_sources,
        ]

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        # Each line is one field (a warning, "Photographer: …"): isolated, it cannot
        # reorder the next (core.inert).
        label.setText("\n".join(isolate(line) for line in text.split("\n")))
        label.setVisible(bool(text))

    def _style_labels(self) -> None:
        base = self.font()
        bold = QFont(base)
        bold.setWeight(QFont.Weight.DemiBold)
        for label in (self.position, self.title, self.date, self.place):
            label.setFont(bold)
        big = QFont(base)
        if base.pointSizeF() > 0:
            big.setPointSizeF(base.pointSizeF() * 1.1)
        self.caption.setFont(big)
        muted = muted_text(self.palette())
        quiet = (self.date_detail, self.coordinates, self.copyright, self.file_photo)
        for label in (*quiet, self.file_sources):
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, muted)
            label.setPalette(palette)

    def _build_layout(self) -> None:
        body = QWidget()
        body.setObjectName("captionBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(12, 8, 12, 12)
        column.setSpacing(4)
        column.addWidget(self.title)
        column.addWidget(self.caption)
        column.addWidget(self.file_photo)
        column.addSpacing(10)
        column.addWidget(self.date)
        column.addWidget(self.date_detail)
        column.addWidget(self.warnings)
        column.addSpacing(10)
        column.addWidget(self.place)
        column.addWidget(self.coordinates)
        column.addWidget(self.map_link)
        column.addSpacing(10)
        column.addWidget(self.creator)
        column.addWidget(self.copyright)
        column.addSpacing(10)
        column.addWidget(self.file_sources)
        column.addWidget(self.article_link)
        column.addWidget(self.link_file, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setObjectName("captionScroll")
        scroll.setAccessibleName("Caption details")
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        header = QHBoxLayout()
        header.setContentsMargins(12, 10, 12, 4)
        header.addWidget(self.position)

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        footer = QVBoxLayout()
        footer.setContentsMargins(12, 4, 12, 10)
        footer.addWidget(rule)
        footer.addWidget(self.credit)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(header)
        outer.addWidget(scroll, 1)
        outer.addLayout(footer)
        self.setMinimumWidth(180)  # a 400 px window still fits photo, panel and article

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._style_labels()  # the desktop switched between light and dark

    # -- slots ----------------------------------------------------------------
    def _on_map_clicked(self) -> None:
        url = map_url(self._entry)
        if url is not None:
            self._open_url(url)

    def _on_article_clicked(self) -> None:
        if self._entry is not None:
            self.read_in_article.emit(self._entry)

    def _on_link_file_clicked(self) -> None:
        if self._entry is not None:
            self.link_file_requested.emit(self._entry)
