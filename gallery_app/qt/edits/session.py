# SPDX-License-Identifier: GPL-3.0-or-later
"""``EditSession``: the corrections made since the last save, undoable and journalled."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QUndoStack

from gallery_app.core.edits.apply import apply_correction, make_correction
from gallery_app.core.edits.conflicts import Reading
from gallery_app.core.edits.fields import FIELDS, EditError
from gallery_app.core.edits.journal import Journal, clear_journal, write_journal
from gallery_app.core.edits.manifest_store import is_bundled
from gallery_app.core.edits.ondisk import fingerprint
from gallery_app.core.edits.targets import files_to_write, is_manifest
from gallery_app.core.models import Correction, Entry, Gallery
from gallery_app.core.paths import bundled_copy_path
from gallery_app.qt.edits.commands import Change, EditCommand
from gallery_app.qt.workers import run_task

if TYPE_CHECKING:  # the writers (exiv2, Pillow) load on the first save, not at start-up
    from gallery_app.core.edits.save import SaveResult

log = logging.getLogger(__name__)


def same_source(a: Path | None, b: Path | None) -> bool:
    """Whether two sources are one gallery (the bundled one and the user's copy count as one)."""
    if a is None or b is None:
        return False
    mine = {bundled_copy_path().resolve()}
    bundled_a = is_bundled(a) or a.resolve() in mine
    bundled_b = is_bundled(b) or b.resolve() in mine
    return (bundled_a and bundled_b) or a.resolve() == b.resolve()


class EditSession(QObject):
    """Pending corrections of the gallery on screen."""

    gallery_changed = Signal(object)  # Gallery: the corrected gallery to show
    dirty_changed = Signal(bool)
    saving_changed = Signal(bool)  # a background save started (True) or ended (False)
    saved = Signal(object)  # SaveResult of a background save
    save_failed = Signal(object)  # EditError (ChangedOnDisk included) of a background save

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool  # background saves run here; without one, saving blocks
        self._saving = False
        self.undo_stack = QUndoStack(self)
        self._gallery: Gallery | None = None
        self._pending: dict[str, list[Correction]] = {}
        self._expected: dict[Path, str] = {}
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    # -- state ---------------------------------------------------------------
    def gallery(self) -> Gallery | None:
        return self._gallery

    def entry(self, entry_id: str) -> Entry | None:
        if self._gallery is None:
            return None
        return next((e for e in self._gallery.entries if e.id == entry_id), None)

    def pending(self) -> Mapping[str, Sequence[Correction]]:
        return {k: tuple(v) for k, v in self._pending.items() if v}

    def pending_count(self) -> int:
        return sum(len(v) for v in self._pending.values())

    def pending_fields(self, entry_id: str) -> set[str]:
        return {c.field for c in self._pending.get(entry_id, ())}

    def is_dirty(self) -> bool:
        return self.pending_count() > 0

    def can_save(self) -> bool:
        g = self._gallery
        return g is not None and g.source is not None and (g.source.is_dir() or is_manifest(g))

    def set_gallery(self, gallery: Gallery | None) -> None:
        """Show ``gallery``; a newer version of the same gallery keeps the pending corrections."""
        if gallery is self._gallery:
            return
        previous = self._gallery
        if (
            gallery is not None
            and previous is not None
            and self._pending
            and same_source(gallery.source, previous.source)
        ):
            self._gallery = self._with_pending(gallery)
            return
        self._gallery = gallery
        self._pending = {}
        self._expected = {}
        self.undo_stack.clear()
        if gallery is not None and is_manifest(gallery) and gallery.source is not None:
            self._expected[gallery.source] = fingerprint(gallery.source)

    def _with_pending(self, gallery: Gallery) -> Gallery:
        entries = []
        for entry in gallery.entries:
            for record in self._pending.get(entry.id, ()):
                entry = apply_correction(entry, record)
            entries.append(entry)
        return replace(gallery, entries=tuple(entries))

    # -- editing ---------------------------------------------------------------
    def edit(
        self, entry_ids: Sequence[str], changes: Mapping[str, str | None], note: str = ""
    ) -> int:
        """Change ``changes`` (field -> new text) on every entry of ``entry_ids``: one undo step.

        Values are checked first (EditError with a sentence, nothing changed);
        fields whose value is already the new one are left alone.  Returns the
        number of corrections made.
        """
        planned: list[Change] = []
        for entry_id in entry_ids:
            entry = self.entry(entry_id)
            if entry is None:
                continue
            after, records = entry, []
            for name, value in changes.items():
                record = make_correction(after, name, value, note=note)
                if record.new == record.old:
                    continue
                after = apply_correction(after, record)
                records.append(record)
            if records:
                planned.append((entry, after, tuple(records)))
        return self._push(planned, self._describe(changes, len(planned)))

    def resolve(self, entry_id: str, reading: Reading, note: str) -> int:
        entry = self.entry(entry_id)
        if entry is None:
            return 0
        record = make_correction(entry, "date", reading.date, note=note, reading=reading.short)
        change: Change = (entry, apply_correction(entry, record), (record,))
        return self._push([change], f"Resolve the date of entry {entry_id}")

    def restore(self, journal: Journal) -> int:
        """Apply the corrections a journal kept (one undo step)."""
        planned: list[Change] = []
        for entry_id, records in journal.pending.items():
            entry = self.entry(entry_id)
            if entry is None:
                log.info("journal entry %s is not in the gallery; skipped", entry_id)
                continue
            after, kept = entry, []
            for record in records:
                try:
                    after = apply_correction(after, record)
                except (EditError, ValueError) as exc:  # a journal edited by hand
                    log.warning("journal correction of %s skipped: %s", entry_id, exc)
                    continue
                kept.append(record)
            if kept:
                planned.append((entry, after, tuple(kept)))
        return self._push(planned, "Restore unsaved corrections")

    @staticmethod
    def _describe(changes: Mapping[str, str | None], count: int) -> str:
        names = ", ".join(FIELDS[n].label.lower() for n in changes if n in FIELDS)
        return f"Edit {names}" + (f" of {count} photos" if count > 1 else "")

    def _push(self, planned: list[Change], text: str) -> int:
        if self._saving:
            raise EditError("The corrections are being saved; edit again in a moment.")
        if not planned or self._gallery is None:
            return 0
        self._remember_sidecars([before for before, _, _ in planned])
        self.undo_stack.push(EditCommand(text, planned, self._apply))
        return sum(len(records) for _, _, records in planned)

    def _remember_sidecars(self, entries: list[Entry]) -> None:
        if self._gallery is None or is_manifest(self._gallery):
            return
        for path in files_to_write(self._gallery, [e.id for e in entries]):
            self._expected.setdefault(path, fingerprint(path))

    def _apply(self, states: list[tuple[Entry, tuple[Correction, ...]]], forward: bool) -> None:
        if self._gallery is None:
            return
        by_id = {entry.id: entry for entry, _ in states}
        for entry, records in states:
            pending = self._pending.setdefault(entry.id, [])
            if forward:
                pending.extend(records)
            else:
                del pending[len(pending) - len(records) :]
        self._gallery = replace(
            self._gallery, entries=tuple(by_id.get(e.id, e) for e in self._gallery.entries)
        )
        self._write_journal()
        self.dirty_changed.emit(self.is_dirty())
        self.gallery_changed.emit(self._gallery)

    def _write_journal(self) -> None:
        g = self._gallery
        if g is None or g.source is None:
            return
        try:
            write_journal(str(g.source), g.title, self.pending())
        except OSError:
            log.exception("the journal of unsaved corrections could not be written")

    def _on_clean_changed(self, _clean: bool) -> None:
        self.dirty_changed.emit(self.is_dirty())

    # -- saving ---------------------------------------------------------------------
    def is_saving(self) -> bool:
        return self._saving

    def can_save_in_background(self) -> bool:
        return self._pool is not None

    def save(self, *, embed: bool = False, force: bool = False) -> SaveResult:
        """Write the pending corrections now (closing the window; tests); raises EditError /
        ChangedOnDisk with a sentence."""
        from gallery_app.core.edits.save import SaveResult, save_corrections  # deferred, see above

        g = self._gallery
        if g is None or not self.is_dirty():
            return SaveResult(())
        expected = None if force else dict(self._expected)
        result = save_corrections(g, self.pending(), embed=embed, expected=expected)
        self._finish_save(result)
        return result

    def save_in_background(self, *, embed: bool = False, force: bool = False) -> bool:
        """Write the pending corrections on the pool (a batch of forty photos is seconds of
        exiv2 work, not for the GUI thread); ``saved`` or ``save_failed`` follows.  Editing
        waits meanwhile (``saving_changed``).  False when there is nothing to save."""
        from gallery_app.core.edits.save import save_corrections  # deferred, see above

        g = self._gallery
        if g is None or self._pool is None or self._saving or not self.is_dirty():
            return False
        pending = self.pending()
        expected = None if force else dict(self._expected)

        def work() -> object:
            try:
                return save_corrections(g, pending, embed=embed, expected=expected)
            except EditError as exc:  # handed back as a value: the GUI thread decides
                return exc

        self._set_saving(True)
        run_task(self._pool, work, self._on_saved, self._on_save_error, parent=self)
        return True

    def _on_saved(self, outcome: object) -> None:
        self._set_saving(False)
        if isinstance(outcome, EditError):
            self.save_failed.emit(outcome)
            return
        self._finish_save(cast("SaveResult", outcome))
        self.saved.emit(outcome)

    def _on_save_error(self, sentence: str) -> None:
        log.error("saving corrections failed: %s", sentence)
        self._set_saving(False)
        self.save_failed.emit(EditError(f"The corrections could not be saved: {sentence}"))

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.saving_changed.emit(saving)

    def _finish_save(self, result: SaveResult) -> None:
        g = self._gallery
        if g is None:
            return
        if is_manifest(g) and result.written:
            g = replace(g, source=result.written[0])
            self._gallery = g
        self._pending = {}
        self._expected = {path: fingerprint(path) for path in (*self._expected, *result.written)}
        self.undo_stack.clear()
        clear_journal()
        self.dirty_changed.emit(False)
        self.gallery_changed.emit(g)

    def discard(self) -> None:
        """Forget the pending corrections (the user chose not to save them)."""
        while self.undo_stack.canUndo():
            self.undo_stack.undo()
        self.undo_stack.clear()
        self._pending = {}
        clear_journal()
        self.dirty_changed.emit(False)
