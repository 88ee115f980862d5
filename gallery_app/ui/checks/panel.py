# SPDX-License-Identifier: GPL-3.0-or-later
"""The list of findings, grouped by photo and ordered by kind, each leading to its photo.

Top-level rows are photos ("6. Tue 31 Mar 2015 — In this Sunday…", with
their count); their children are the findings, kind first ("⚠ Weekday: The
caption says Sunday, but…"; ⚠ a warning, ℹ a notice).  Clicking a row, or
Enter on it, emits ``entry_activated(entry_id)``.  All text is plain: messages quote file
metadata, which is never rich text.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gallery_app.core.checks.findings import Finding, Kind, Severity
from gallery_app.core.gallery.labels import excerpt, format_date
from gallery_app.core.models import Entry

_AnyIndex = QModelIndex | QPersistentModelIndex
EntryIdRole = Qt.ItemDataRole.UserRole + 1
KIND_WORDS: dict[Kind, str] = {
    Kind.WEEKDAY: "Weekday",
    Kind.DATE: "Date",
    Kind.PLACE: "Place",
    Kind.CREDIT: "Credit",
    Kind.CREATOR: "Photographer",
    Kind.FILE_PHOTO: "File photo",
    Kind.SOURCES: "File sources",
    Kind.METADATA: "File metadata",
}
EMPTY_TEXT = "No findings: every caption agrees with its file and the gallery's data."


def findings_summary(findings: Sequence[Finding]) -> str:
    """Words for a photo whose entry is gone: "2 findings: date, place"."""
    kinds = ", ".join(dict.fromkeys(f.kind.value for f in findings))
    noun = "finding" if len(findings) == 1 else "findings"
    return f"{len(findings)} {noun}: {kinds}"


def summary_text(findings: Sequence[Finding], photos: int) -> str:
    if not findings:
        return EMPTY_TEXT
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    notices = len(findings) - warnings
    parts = [f"{warnings} warning" + ("" if warnings == 1 else "s")] if warnings else []
    if notices:
        parts.append(f"{notices} notice" + ("" if notices == 1 else "s"))
    about = len({f.entry for f in findings})
    return f"{' and '.join(parts)} about {about} of {photos} photos"


def photo_text(entry: Entry | None, entry_id: str, position: int, found: Sequence[Finding]) -> str:
    if entry is None:
        return f"{position}. {entry_id} — {findings_summary(found)}"
    words = excerpt(entry.title or entry.caption or "No caption", 70)
    return f"{position}. {format_date(entry.taken, short=True)} — {words} ({len(found)})"


def _sides_tooltip(finding: Finding) -> str:
    """Both witnesses, escaped inside ``<qt>`` so file text shows literally (never markup)."""
    sides = (finding.claim, finding.against)
    return "<qt>" + "<br>".join(html.escape(f"{w.source}: {w.value}") for w in sides) + "</qt>"


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped to the view's width (QTreeView alone elides)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: _AnyIndex) -> QSize:
        base = super().sizeHint(option, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self._view.viewport().width() - self._view.indentation() * (depth + 1) - 12
        text = str(index.data() or "")
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        flags = int(Qt.TextFlag.TextWordWrap)
        rect = QFontMetrics(font).boundingRect(QRect(0, 0, max(40, width), 100_000), flags, text)
        return QSize(base.width(), max(base.height(), rect.height() + 6))


class _WrappingTree(QTreeView):
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # the rows' heights follow the new width


class ChecksPanel(QWidget):
    """Every finding of the gallery; activating one asks for its photo."""

    entry_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checksPanel")
        self.setAccessibleName("Checks panel")
        self.summary = QLabel(EMPTY_TEXT)
        self.summary.setObjectName("checksSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Checks summary")
        self.model = QStandardItemModel(self)
        self.tree = _WrappingTree()
        self.tree.setObjectName("checksTree")
        self.tree.setAccessibleName("Findings by photo")
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(_WrappingDelegate(self.tree))
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        # One column as wide as the view: long sentences wrap instead of running off.
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A scroll bar that came and went would change the width the rows were wrapped to.
        self.tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.tree.clicked.connect(self._on_activated)
        self.tree.activated.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.setMinimumWidth(220)

    def set_findings(
        self,
        findings: Sequence[Finding],
        entry_of: Callable[[str], Entry | None],
        photos: int,
    ) -> None:
        """Show ``findings`` (in gallery order); ``entry_of`` names their photos."""
        self.summary.setText(summary_text(findings, photos))
        self.model.clear()
        groups: dict[str, list[Finding]] = {}
        for finding in findings:
            groups.setdefault(finding.entry, []).append(finding)
        order = list(Kind)
        bold = QFont(self.tree.font())
        bold.setWeight(QFont.Weight.DemiBold)
        for entry_id, found in groups.items():
            found.sort(key=lambda f: order.index(f.kind))
            photo = QStandardItem(
                photo_text(entry_of(entry_id), entry_id, found[0].position, found)
            )
            photo.setData(entry_id, EntryIdRole)
            photo.setFont(bold)
            photo.setEditable(False)
            for finding in found:
                warning = finding.severity is Severity.WARNING
                text = f"{KIND_WORDS[finding.kind]}: {finding.message}"
                row = QStandardItem(("⚠ " if warning else "ℹ ") + text)
                severity = "Warning" if warning else "Notice"
                row.setData(f"{severity}. {text}", Qt.ItemDataRole.AccessibleTextRole)
                row.setData(entry_id, EntryIdRole)
                row.setToolTip(_sides_tooltip(finding))
                row.setEditable(False)
                photo.appendRow(row)
            self.model.appendRow(photo)
        self.tree.expandAll()

    def _on_activated(self, index: QModelIndex) -> None:
        entry_id = index.data(EntryIdRole)
        if isinstance(entry_id, str):
            self.entry_activated.emit(entry_id)
