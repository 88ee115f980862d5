# SPDX-License-Identifier: GPL-3.0-or-later
"""The article dock: the story a gallery came from, as plain text.

Headline, standfirst and paragraphs are QLabels in plain-text mode (an article
is text from a file, never markup).  A marked band shows where the gallery sat
in the article; under each paragraph, buttons name the photos related to it
(from each entry's ``context.paragraphs``) and open them.  "Read in article"
calls :meth:`ArticlePane.show_passage`, which highlights the photo's related
paragraphs and scrolls the first into view.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QPoint, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QFont, QPalette, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gallery_app.core.inert import isolate
from gallery_app.core.models import Article, Entry, Gallery
from gallery_app.ui.common.flow_layout import FlowLayout
from gallery_app.ui.common.plain_text import plain_tooltip

log = logging.getLogger(__name__)


def _plain_label(text: str, *, name: str, selectable: bool = True) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(isolate(text))
    label.setWordWrap(True)
    label.setAccessibleName(name)
    if selectable:
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
    return label


def is_web_url(url: str | None) -> bool:
    """Only http(s) addresses get an "Open original" button (no file:, no javascript:)."""
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _blend(a: QColor, b: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


class _Paragraph(QFrame):
    """One paragraph, its related-photo buttons, and a highlight that follows the palette."""

    def __init__(self, index: int, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.highlighted = False
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        self.label = _plain_label(text, name=f"Paragraph {index + 1}")
        layout.addWidget(self.label)
        self.photo_row = FlowLayout(spacing=2)  # wraps: nine photos must not widen the pane
        layout.addLayout(self.photo_row)
        self.photo_buttons: list[QToolButton] = []

    def set_highlighted(self, on: bool) -> None:
        self.highlighted = on
        self.setAutoFillBackground(on)
        if on:
            pal = self.palette()
            parent = self.parentWidget()
            window = parent.palette() if parent is not None else pal
            base = window.color(QPalette.ColorRole.Base)
            accent = window.color(QPalette.ColorRole.Highlight)
            pal.setColor(QPalette.ColorRole.Window, _blend(base, accent, 0.22))
            self.setPalette(pal)
            self.setFrameShape(QFrame.Shape.StyledPanel)
        else:
            self.setPalette(QPalette())
            self.setFrameShape(QFrame.Shape.NoFrame)


class ArticlePane(QDockWidget):
    """Dock with the article text; ``show_passage(entry)`` jumps to the photo's passage."""

    entry_activated = Signal(object)  # an Entry whose button under a paragraph was pressed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Article", parent)
        self.setObjectName("article_dock")
        self.setAccessibleName("Article")
        self._gallery: Gallery | None = None
        self._paragraphs: list[_Paragraph] = []
        self._highlighted: tuple[int, ...] = ()
        self._url: str | None = None

        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Text wraps and photo buttons flow, so the page is never wider than the dock.
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setAccessibleName("Article text")
        self.scroll_area = self._scroll

        self.open_button = QPushButton("Open original")
        self.open_button.setAccessibleName("Open the original article in the browser")
        self.open_button.clicked.connect(self._open_original)
        # The notice stays above the text, so it is seen wherever the text scrolls to.
        # A tinted banner with a rule under it, so the text scrolling beneath
        # never looks as if the notice covered it.
        self.notice = _plain_label("", name="Article notice", selectable=False)
        self.notice.setVisible(False)
        self.notice.setMargin(8)
        self.notice.setAutoFillBackground(True)
        self.notice.setFrameShape(QFrame.Shape.NoFrame)
        self._style_notice()
        frame = QWidget()
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(0, 0, 0, 0)
        frame_layout.setSpacing(0)
        frame_layout.addWidget(self.notice)
        frame_layout.addWidget(self._scroll, 1)
        self.setWidget(frame)
        self.gallery_marker: QLabel | None = None
        self.headline: QLabel | None = None
        self.set_gallery(None)

    # -- public API -----------------------------------------------------------

    def set_gallery(self, gallery: Gallery | None) -> None:
        """Lay out the article of ``gallery`` (or say that there is none)."""
        self._gallery = gallery
        self._paragraphs = []
        self._highlighted = ()
        content = QWidget()
        content.setAccessibleName("Article content")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        # The button outlives each rebuild; take it back from the old page.
        self.open_button.setParent(None)
        self._set_notice("")
        self.gallery_marker = None
        self.headline = None
        article = gallery.article if gallery is not None else None
        if gallery is None or article is None:
            text = "This gallery has no article." if gallery is not None else "No gallery open."
            layout.addWidget(_plain_label(text, name="No article", selectable=False))
            self._url = None
        else:
            self._build(layout, gallery, article)
        layout.addStretch(1)
        old = self._scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self._scroll.setWidget(content)

    def show_passage(self, entry: Entry) -> None:
        """Highlight the paragraphs related to ``entry`` and scroll to the first."""
        wanted = entry.context.paragraphs if entry.context is not None else ()
        valid = tuple(i for i in wanted if 0 <= i < len(self._paragraphs))
        for paragraph in self._paragraphs:
            paragraph.set_highlighted(paragraph.index in valid)
        self._highlighted = valid
        label = f"Photo {entry.position}"
        reason = entry.context.reason if entry.context is not None else ""
        if valid:
            numbers = ", ".join(str(i + 1) for i in valid)
            noun = "paragraph" if len(valid) == 1 else "paragraphs"
            why = f" ({reason})" if reason else ""
            self._set_notice(f"{label}: related {noun} {numbers} highlighted{why}.")
            target: QWidget | None = self._paragraphs[valid[0]]
        elif self.gallery_marker is not None:
            why = reason or "no passage is linked to this photo"
            self._set_notice(f"{label}: {why}; the gallery's place is marked.")
            target = self.gallery_marker
        else:
            self._set_notice("This gallery has no article.")
            target = None
        if target is not None:
            # After the layout has settled, or the geometry used to scroll is stale.
            QTimer.singleShot(0, lambda t=target: self._scroll_to(t))

    def highlighted_paragraphs(self) -> tuple[int, ...]:
        return self._highlighted

    def paragraph_widgets(self) -> list[QFrame]:
        return list(self._paragraphs)

    # -- building -------------------------------------------------------------

    def _build(self, layout: QVBoxLayout, gallery: Gallery, article: Article) -> None:
        self.headline = _plain_label(article.headline, name="Headline")
        font = QFont(self.headline.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.headline.setFont(font)
        layout.addWidget(self.headline)
        if article.standfirst:
            standfirst = _plain_label(article.standfirst, name="Standfirst")
            italic = QFont(standfirst.font())
            italic.setItalic(True)
            italic.setPointSizeF(italic.pointSizeF() * 1.1)
            standfirst.setFont(italic)
            layout.addWidget(standfirst)
        if article.lead_credit:
            credit = _plain_label(f"Lead image: {article.lead_credit}", name="Lead image credit")
            credit.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            layout.addWidget(credit)
        self._url = article.url if is_web_url(article.url) else None
        self.open_button.setVisible(self._url is not None)
        if self._url is not None:
            self.open_button.setToolTip(plain_tooltip(self._url))  # an address may hold <b>
            row = QHBoxLayout()
            row.addWidget(self.open_button)
            row.addStretch(1)
            layout.addLayout(row)

        related: dict[int, list[Entry]] = defaultdict(list)
        for entry in gallery.entries:
            if entry.context is not None:
                for index in entry.context.paragraphs:
                    related[index].append(entry)
        marker_at = self._gallery_position(gallery, article)
        for index, text in enumerate(article.paragraphs):
            if index == marker_at:
                layout.addWidget(self._make_marker(gallery))
            paragraph = _Paragraph(index, text)
            for entry in related.get(index, []):
                paragraph.photo_buttons.append(self._photo_button(paragraph, entry))
            if paragraph.photo_buttons:
                caption = _plain_label("Photos:", name="Related photos", selectable=False)
                caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
                caption.setWordWrap(False)
                caption.setAlignment(Qt.AlignmentFlag.AlignVCenter)
                caption.setFixedHeight(paragraph.photo_buttons[0].sizeHint().height())
                paragraph.photo_row.insertWidget(0, caption)
            self._paragraphs.append(paragraph)
            layout.addWidget(paragraph)
        if marker_at >= len(article.paragraphs):
            layout.addWidget(self._make_marker(gallery))

    @staticmethod
    def _gallery_position(gallery: Gallery, article: Article) -> int:
        """Before which paragraph the gallery sat (len(paragraphs): after the last)."""
        index = article.gallery_index
        if index is None:
            for entry in gallery.entries:
                if entry.context is not None and entry.context.gallery_index is not None:
                    index = entry.context.gallery_index
                    break
        if index is None:
            return len(article.paragraphs)
        return max(0, min(index, len(article.paragraphs)))

    def _make_marker(self, gallery: Gallery) -> QLabel:
        count = len(gallery.entries)
        noun = "photo" if count == 1 else "photos"
        title = gallery.title or (gallery.article.gallery_title if gallery.article else "") or ""
        marker = _plain_label(
            f"▣  The gallery “{isolate(title)}” ({count} {noun}) sits here in the article.",
            name="Gallery position",
            selectable=False,
        )
        marker.setFrameShape(QFrame.Shape.StyledPanel)
        marker.setMargin(8)
        marker.setForegroundRole(QPalette.ColorRole.Link)
        bold = QFont(marker.font())
        bold.setBold(True)
        marker.setFont(bold)
        self.gallery_marker = marker
        return marker

    def _photo_button(self, paragraph: _Paragraph, entry: Entry) -> QToolButton:
        button = QToolButton()
        button.setText(str(entry.position))
        button.setAutoRaise(True)
        button.setAccessibleName(f"Open photo {entry.position}")
        button.setToolTip(f"Open photo {entry.position}")
        button.clicked.connect(lambda _checked=False, e=entry: self.entry_activated.emit(e))
        paragraph.photo_row.addWidget(button)
        return button

    # -- actions --------------------------------------------------------------

    def _style_notice(self) -> None:
        pal = self.notice.palette()
        base = self.palette().color(QPalette.ColorRole.Window)
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        pal.setColor(QPalette.ColorRole.Window, _blend(base, accent, 0.16))
        pal.setColor(
            QPalette.ColorRole.WindowText, self.palette().color(QPalette.ColorRole.WindowText)
        )
        self.notice.setPalette(pal)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._style_notice()  # the desktop switched between light and dark

    def _set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _scroll_to(self, widget: QWidget) -> None:
        """Bring ``widget`` to the top of the view (a reader starts at its first line)."""
        content = self._scroll.widget()
        if content is None or not content.isAncestorOf(widget):
            return  # the gallery changed before the queued scroll ran
        top = widget.mapTo(content, QPoint(0, 0)).y()
        # Stop inside the gap above the passage: no half-cut line of the one before.
        layout = content.layout()
        gap = layout.spacing() if layout is not None else 0
        self._scroll.verticalScrollBar().setValue(max(0, top - max(0, gap // 2)))

    def _open_original(self) -> None:
        if self._url is not None:
            QDesktopServices.openUrl(QUrl(self._url))
