# SPDX-License-Identifier: GPL-3.0-or-later
"""The photo model's item roles and what a cell can show for its picture.

Kept apart so the model (``photos``) and its thumbnail fetcher
(``thumbnail_fetch``) share them without importing each other; views import
them from ``photos``, which re-exports them.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt

EntryRole = Qt.ItemDataRole.UserRole + 1
ThumbnailRole = Qt.ItemDataRole.UserRole + 2
ThumbnailStateRole = Qt.ItemDataRole.UserRole + 3
FindingsRole = Qt.ItemDataRole.UserRole + 4  # tuple[Finding, ...] of core.checks, for badges


class ThumbnailState(StrEnum):
    """What a cell can show for its picture."""

    NO_FILE = "no-file"  # the entry has no image file: paint the placeholder card
    LOADING = "loading"  # a decode is queued or running (or not yet asked for)
    READY = "ready"
    FAILED = "failed"  # the file is there but could not be decoded: the card again
