# SPDX-License-Identifier: GPL-3.0-or-later
"""The status bar's sentence about what is not being kept on disk, and why.

``core.store.notices.StorageNotices`` hears of each kind once (thumbnails,
catalog, settings, links, log) from whichever thread met the full, read-only or
missing folder; a queued signal brings the sentence here, where it stays in the
status bar for as long as the app runs, so a later status message does not
hide it: the notices in short (one sentence per reason, elided to fit), each
full sentence with its folder in the tooltip and the accessible description.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from gallery_app.core.store.notices import Notice, StorageNotices, summary
from gallery_app.ui.common.plain_text import plain_tooltip

MAX_WIDTH = 520  # px: the status bar keeps room for messages and the photo count


class StorageNoticeLabel(QLabel):
    """Shows the storage notices; hidden while there are none."""

    arrived = Signal(object)  # a Notice, emitted on any thread, delivered on the GUI thread

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName("What is not being saved")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMaximumWidth(MAX_WIDTH)
        self.notices: list[Notice] = []
        self.arrived.connect(self._on_arrived)
        self.hide()

    def listen(self, notices: StorageNotices) -> None:
        notices.subscribe(self._on_notice)

    def _on_notice(self, notice: Notice) -> None:
        self.arrived.emit(notice)

    def _on_arrived(self, notice: Notice) -> None:
        if notice in self.notices:
            return
        self.notices.append(notice)
        full = self.full_text()
        self.setToolTip(plain_tooltip(full))
        self.setAccessibleDescription(full)
        self._elide()
        self.show()

    def full_text(self) -> str:
        """Every notice's sentence, with the file or folder it is about."""
        return " ".join(notice.sentence() for notice in self.notices)

    def _elide(self) -> None:
        text = summary(self.notices)
        width = max(40, min(MAX_WIDTH, self.width() if self.isVisible() else MAX_WIDTH))
        self.setText(self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.notices:
            self._elide()


def install_storage_notice(status_bar: QStatusBar, notices: StorageNotices) -> StorageNoticeLabel:
    """Put a StorageNoticeLabel in ``status_bar`` and let it hear ``notices``."""
    label = StorageNoticeLabel(status_bar)
    status_bar.addPermanentWidget(label, 1)
    label.listen(notices)
    return label
