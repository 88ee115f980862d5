# SPDX-License-Identifier: GPL-3.0-or-later
"""One undoable user action: the entries before and after, and the records it added."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from gallery_app.core.models import Correction, Entry

# (entry before, entry after, the records the action added to it)
Change = tuple[Entry, Entry, tuple[Correction, ...]]


class EditCommand(QUndoCommand):
    """Applies (redo) or takes back (undo) one edit of one or more entries."""

    def __init__(
        self,
        text: str,
        changes: list[Change],
        apply: Callable[[list[tuple[Entry, tuple[Correction, ...]]], bool], None],
    ) -> None:
        super().__init__(text)
        self._changes = changes
        self._apply = apply

    def redo(self) -> None:
        self._apply([(after, records) for _, after, records in self._changes], True)

    def undo(self) -> None:
        self._apply([(before, records) for before, _, records in self._changes], False)
