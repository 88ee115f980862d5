# SPDX-License-Identifier: GPL-3.0-or-later
"""The edit panel beside the photo: correct one photo's fields, or many at once.

Flow: ``show_entries`` loads the fields from the session's (corrected)
entries, each with where its value comes from; typing marks a field "edited";
Apply (Ctrl+Return) turns the edited fields into corrections through
``EditSession.edit`` — one undo step, for every selected photo in a batch —
and the field stays marked "unsaved" until Save (Ctrl+S) writes them.  A date
conflict shows a "Resolve…" button.  The template (credit, copyright,
creator) is kept in the settings.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gallery_app.core.edits.apply import field_source
from gallery_app.core.edits.conflicts import RESOLVED_PREFIX, date_conflict
from gallery_app.core.edits.fields import FIELD_NAMES, FIELDS, EditError
from gallery_app.core.edits.ondisk import ChangedOnDisk
from gallery_app.core.gallery.labels import short_label
from gallery_app.core.models import Entry
from gallery_app.qt.edits.session import EditSession

if TYPE_CHECKING:  # the writers load on the first save
    from gallery_app.core.edits.save import SaveResult
from gallery_app.qt.settings import TEMPLATE_FIELDS, Settings
from gallery_app.ui.edit import prompts
from gallery_app.ui.edit.field_row import FieldRow, small_label
from gallery_app.ui.edit.panel_parts import date_hint, record_text, set_status
from gallery_app.ui.edit.resolve_dialog import ResolveDialog

log = logging.getLogger(__name__)

_PLACE = ("sublocation", "city", "region", "country", "country_code", "lat", "lon")


def _button(text: str, name: str, slot: object) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.clicked.connect(slot)
    return button


class EditPanel(QWidget):
    """Fields of the shown photo (or the selected photos) and what to do with them."""

    def __init__(
        self, session: EditSession, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("edit_panel")
        self.setAccessibleName("Edit panel")
        self._session = session
        self._settings = settings
        self._ids: list[str] = []
        self.rows = {name: FieldRow(name, multiline=name == "caption") for name in FIELD_NAMES}
        self.header = small_label("edit_header")
        self.conflict = small_label("edit_conflict")
        self.resolve_button = _button("&Resolve…", "resolve_button", self._on_resolve)
        self.date_hint = small_label("date_hint")
        self.record = small_label("edit_record")
        self.record.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = small_label("edit_status")
        self.note = QLineEdit()
        self.note.setObjectName("edit_note")
        self.note.setAccessibleName("Note for these corrections")
        self.note.setPlaceholderText("Why (kept with each correction)")
        self.embed = QCheckBox("Also write into the photo files")
        self.embed.setAccessibleName("Also write into the photo files")
        self.embed.setChecked(settings.embed_on_save)
        self.embed.toggled.connect(self._on_embed_toggled)
        self.apply_button = _button("&Apply", "apply_button", self.apply_changes)
        self.save_button = _button("&Save", "save_button", self.save)
        self.fill_button = _button("Fill &coordinates", "fill_coordinates", self._fill_place)
        self.template_save = _button("Save as template", "template_save", self._save_template)
        self.template_apply = _button("Apply &template", "template_apply", self._apply_template)
        self._layout()
        self.rows["date"].changed.connect(self._update_date_hint)
        for row in self.rows.values():
            row.changed.connect(self._update_buttons)
        session.gallery_changed.connect(self._on_gallery_changed)
        session.dirty_changed.connect(self._update_buttons)
        session.saved.connect(self._on_saved)
        session.save_failed.connect(self._on_save_failed)
        session.saving_changed.connect(self._on_saving_changed)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.apply_changes)
        self.show_entries([])

    def _layout(self) -> None:
        form = QWidget()
        grid = QVBoxLayout(form)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.addWidget(self.header)
        grid.addWidget(self.conflict)
        grid.addWidget(self.resolve_button)
        for name in ("caption", "headline", "date"):
            grid.addWidget(self.rows[name])
        grid.addWidget(self.date_hint)
        place = QGridLayout()
        for index, name in enumerate(_PLACE):
            place.addWidget(self.rows[name], index // 2, index % 2)
        place.addWidget(self.fill_button, len(_PLACE) // 2, 1)
        grid.addLayout(place)
        for name in ("creator", "credit", "copyright", "keywords"):
            grid.addWidget(self.rows[name])
        templates = QHBoxLayout()
        templates.addWidget(self.template_apply)
        templates.addWidget(self.template_save)
        grid.addLayout(templates)
        grid.addWidget(QLabel("History"))
        grid.addWidget(self.record)
        grid.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.embed)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    # -- what is shown ------------------------------------------------------------
    def entries(self) -> list[Entry]:
        found = (self._session.entry(i) for i in self._ids)
        return [e for e in found if e is not None]

    def show_entries(self, entry_ids: list[str]) -> None:
        """Edit these entries (one: its fields; several: a batch; none: nothing)."""
        self._ids = list(entry_ids)
        self._reload()

    def _reload(self) -> None:
        entries = self.entries()
        for row in self.rows.values():
            row.setEnabled(bool(entries))
        if not entries:
            self.header.setText("Select a photo to correct its caption, date, place or credit.")
            for row in self.rows.values():
                row.load(None, "")
        elif len(entries) == 1:
            self._load_one(entries[0])
        else:
            self._load_many(entries)
        self._update_conflict(entries)
        self._update_date_hint()
        self._update_buttons()

    def _load_one(self, entry: Entry) -> None:
        self.header.setText(f"Photo {entry.position}: {short_label(entry, 80)}")
        pending = self._session.pending_fields(entry.id)
        for name, row in self.rows.items():
            spec = FIELDS[name]
            row.load(spec.get(entry), field_source(entry, name), unsaved=name in pending)
        # deferred: the sidecar reader (exiv2) loads when a photo is first edited, not at start-up
        from gallery_app.core.edits.history import with_sidecar_record

        shown = with_sidecar_record(entry)
        self.record.setText(record_text(shown.corrections))

    def _load_many(self, entries: list[Entry]) -> None:
        self.header.setText(
            f"{len(entries)} photos selected: a field you change is set on every one of them."
        )
        pending = set().union(*(self._session.pending_fields(e.id) for e in entries))
        for name, row in self.rows.items():
            values = {FIELDS[name].get(e) for e in entries}
            various = len(values) > 1
            value = None if various else next(iter(values))
            row.load(value, "several sources" if various else "", various=various,
                     unsaved=name in pending)  # fmt: skip
        self.record.setText(f"{sum(len(e.corrections) for e in entries)} corrections recorded.")

    def _update_conflict(self, entries: list[Entry]) -> None:
        single = entries[0] if len(entries) == 1 else None
        conflict = date_conflict(single) if single is not None else None
        resolved = next(
            (w for w in (single.warnings if single else ()) if w.startswith(RESOLVED_PREFIX)), None
        )
        self.resolve_button.setVisible(conflict is not None)
        text = conflict.warning if conflict is not None else (resolved or "")
        self.conflict.setText(text)
        self.conflict.setVisible(bool(text))

    def _update_date_hint(self) -> None:
        row = self.rows["date"]
        if not row.isEnabled() or (row.text() == "" and not row.is_edited()):
            self.date_hint.setText("")
            return
        text, bad = date_hint(row.text())
        set_status(self.date_hint, text, error=bad)

    def _update_buttons(self, *_args: object) -> None:
        edited = any(row.is_edited() for row in self.rows.values())
        self.apply_button.setEnabled(edited and bool(self._ids))
        self.save_button.setEnabled(self._session.is_dirty() and self._session.can_save())

    def _on_gallery_changed(self, _gallery: object) -> None:
        self._reload()

    # -- actions --------------------------------------------------------------------
    def apply_changes(self) -> int:
        """Turn the edited fields into corrections (one undo step); the count made."""
        changes = {name: row.value() for name, row in self.rows.items() if row.is_edited()}
        if not changes or not self._ids:
            return 0
        try:
            count = self._session.edit(self._ids, changes, self.note.text())
        except EditError as exc:
            set_status(self.status, str(exc), error=True)
            return 0
        self.note.clear()
        set_status(self.status, f"{count} correction{'s' if count != 1 else ''} not saved yet.")
        return count

    def save(self, *, blocking: bool = False) -> bool:
        """Write the pending corrections (in the background unless ``blocking``, as when the
        window closes); asks before adding to a file changed on disk."""
        self.apply_changes()
        embed = self.embed.isChecked()
        if not blocking and self._session.can_save_in_background():
            started = self._session.save_in_background(embed=embed)
            if started:
                set_status(self.status, "Saving…")
            return started
        try:
            result = self._session.save(embed=embed)
        except ChangedOnDisk as exc:
            if not prompts.ask_changed_on_disk(self.window(), str(exc)):
                set_status(self.status, "Not saved: the file changed on disk.", error=True)
                return False
            result = self._session.save(embed=embed, force=True)
        except EditError as exc:
            set_status(self.status, str(exc), error=True)
            return False
        self._on_saved(result)
        return True

    def _on_saved(self, result: SaveResult) -> None:
        names = ", ".join(p.name for p in result.written[:3])
        text = f"Saved to {names}." if names else "Nothing to save."
        if result.embedded:
            text += f" Written into {len(result.embedded)} photo file(s) as well."
        set_status(self.status, " ".join([text, *result.problems]), error=bool(result.problems))

    def _on_save_failed(self, error: EditError) -> None:
        if isinstance(error, ChangedOnDisk) and prompts.ask_changed_on_disk(
            self.window(), str(error)
        ):
            self._session.save_in_background(embed=self.embed.isChecked(), force=True)
            return
        set_status(self.status, str(error), error=True)

    def _on_saving_changed(self, saving: bool) -> None:
        self.setEnabled(not saving)

    def _on_resolve(self) -> None:
        entries = self.entries()
        conflict = date_conflict(entries[0]) if len(entries) == 1 else None
        if conflict is None:
            return
        dialog = ResolveDialog(conflict, self.window())
        if dialog.exec() != ResolveDialog.DialogCode.Accepted:
            return
        self._session.resolve(entries[0].id, dialog.reading(), dialog.note_text())
        set_status(self.status, "Date resolved; not saved yet.")

    def _fill_place(self) -> None:
        from gallery_app.core.captions.gazetteer import lookup_place  # deferred: GeoNames tables

        get = {name: self.rows[name].value() for name in ("city", "region", "country")}
        place = lookup_place(get["city"] or "", get["region"], get["country"])
        if place is None:
            set_status(self.status, "The gazetteer knows no such city here.", error=True)
            return
        found = {
            "lat": f"{place.lat:.5f}",
            "lon": f"{place.lon:.5f}",
            "country_code": place.country_code,
            "country": place.country,
        }
        for name, value in found.items():
            if name in ("lat", "lon") or not self.rows[name].value():
                self.rows[name].type_text(value)
        set_status(self.status, f"Coordinates of {place.name}, {place.country} from GeoNames.")

    def _save_template(self) -> None:
        values = {name: self.rows[name].text().strip() for name in TEMPLATE_FIELDS}
        self._settings.set_edit_template(values)
        set_status(self.status, "Template saved: " + ", ".join(v for v in values.values() if v))

    def _apply_template(self) -> None:
        for name, value in self._settings.edit_template().items():
            if value:
                self.rows[name].type_text(value)
        self._update_buttons()

    def _on_embed_toggled(self, checked: bool) -> None:
        self._settings.embed_on_save = checked
