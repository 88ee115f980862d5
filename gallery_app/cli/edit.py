# SPDX-License-Identifier: GPL-3.0-or-later
"""``gallery-cli edit`` and ``gallery-cli history``: corrections without a window.

``edit`` loads a gallery as ``list`` does (no PATH: the bundled one), makes one
correction per ``--set FIELD=VALUE`` on the entry ``--entry ID`` (each with the
``--note``), saves them where the gallery lives (its manifest, the user's copy
of the bundled gallery, or the photo's XMP sidecar) and, with ``--embed``, into
the photo file too.  ``--resolve`` settles a caption's date conflict by naming
the reading: ``weekday``, ``date`` or ``uncertain``.  ``history`` prints the
record of corrections, as a table or as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from gallery_app.core.edits.apply import apply_correction, make_correction
from gallery_app.core.edits.conflicts import date_conflict
from gallery_app.core.edits.fields import FIELD_NAMES, EditError
from gallery_app.core.gallery.records import correction_to_json
from gallery_app.core.inert import for_terminal
from gallery_app.core.models import Correction, Entry, Gallery
from gallery_app.core.store.notices import StorageNotices


def add_parsers(sub: Any) -> None:
    """Add ``edit`` and ``history`` to ``gallery-cli``'s sub-parsers."""
    edit = sub.add_parser(
        "edit",
        help="correct an entry's caption, date, place or credit, keeping the record",
        description="Correct fields of one entry and save the corrections with their record "
        "(old value, new value, when, note): into the gallery manifest (the bundled gallery: "
        "your own copy in the data folder), or for a folder of photos into the photo's XMP "
        f"sidecar. Fields: {', '.join(FIELD_NAMES)}. Dates are ISO 8601 of any precision "
        "(2015-03-29, 2015-03-29T14:05+03:00); an empty VALUE clears the field.",
    )
    edit.add_argument("path", nargs="?", type=Path, metavar="PATH")
    edit.add_argument("--entry", required=True, metavar="ID", help="the entry's id (see list)")
    edit.add_argument("--set", dest="changes", action="append", default=[], metavar="FIELD=VALUE")
    edit.add_argument("--note", default="", metavar="TEXT", help="why (kept with each change)")
    edit.add_argument(
        "--resolve",
        choices=("weekday", "date", "uncertain"),
        help="settle the caption's date conflict: trust the weekday, the date, or keep "
        "the date as uncertain",
    )
    edit.add_argument(
        "--embed",
        action="store_true",
        help="also write into the photo file (EXIF, IPTC and XMP; image data untouched)",
    )
    history = sub.add_parser(
        "history",
        help="show the record of corrections of a gallery or one entry",
        description="Print every saved correction: entry, field, old and new value, when, note.",
    )
    history.add_argument("path", nargs="?", type=Path, metavar="PATH")
    history.add_argument("--entry", metavar="ID", help="only this entry")
    history.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _find(gallery: Gallery, entry_id: str) -> Entry:
    for entry in gallery.entries:
        if entry.id == entry_id:
            return entry
    raise EditError(
        f"The gallery has no entry “{for_terminal(entry_id)[:60]}” (see gallery-cli list)."
    )


def _corrections(entry: Entry, args: argparse.Namespace) -> list[Correction]:
    records: list[Correction] = []
    if args.resolve:
        conflict = date_conflict(entry)
        if conflict is None:
            raise EditError(f"Entry “{entry.id}” has no date conflict to resolve.")
        reading = next(r for r in conflict.readings if r.key == args.resolve)
        records.append(
            make_correction(entry, "date", reading.date, note=args.note, reading=reading.short)
        )
        entry = apply_correction(entry, records[-1])
    for change in args.changes:
        name, sep, value = change.partition("=")
        if not sep:
            raise EditError(f"--set {change[:40]}: write FIELD=VALUE, for example credit=AP.")
        records.append(make_correction(entry, name.strip(), value, note=args.note))
        entry = apply_correction(entry, records[-1])
    if not records:
        raise EditError("Nothing to change: give --set FIELD=VALUE or --resolve.")
    return records


def load_with_record(path: Path | None, notices: StorageNotices | None = None) -> Gallery:
    """The gallery at ``path`` as ``list`` shows it: through the user's catalog, with the
    record of corrections of a folder's photos read from their sidecars."""
    # deferred: `gallery-cli --help` must not load the readers (nor exiv2)
    from gallery_app.core.edits.history import with_sidecar_records
    from gallery_app.core.loader import load_gallery
    from gallery_app.core.store.catalog import Catalog

    catalog = Catalog(notices=notices)  # a folder seen before is read from the user's catalog
    try:
        gallery = load_gallery(path, catalog=catalog)
    finally:
        catalog.close()
    return with_sidecar_records(gallery)


def run_edit(args: argparse.Namespace) -> int:
    from gallery_app.core.edits.save import save_corrections  # deferred with the readers

    gallery = load_with_record(args.path)
    entry = _find(gallery, args.entry)
    records = _corrections(entry, args)
    fixed = entry
    for record in records:
        fixed = apply_correction(fixed, record)
    gallery = replace(
        gallery, entries=tuple(fixed if e.id == entry.id else e for e in gallery.entries)
    )
    result = save_corrections(gallery, {entry.id: records}, embed=args.embed)
    where = ", ".join(for_terminal(str(p)) for p in result.written)
    print(f"Saved {len(records)} correction(s) of entry {entry.id} to {where}.", file=sys.stderr)
    for path in result.embedded:
        print(f"Wrote them into {for_terminal(str(path))} as well.", file=sys.stderr)
    for problem in result.problems:
        print(f"  ! {for_terminal(problem)}", file=sys.stderr)
    return 2 if result.problems else 0


def run_history(args: argparse.Namespace) -> int:
    gallery = load_with_record(args.path)
    entries = [_find(gallery, args.entry)] if args.entry else list(gallery.entries)
    rows = [{"entry": e.id, **correction_to_json(c)} for e in entries for c in e.corrections]
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not rows:
        print("No corrections saved.")
    for row in rows:
        print(f"{row['at']}  entry {for_terminal(row['entry'])}  {for_terminal(row['field'])}")
        print(f"    was: {for_terminal(str(row['old']))}")
        print(f"    now: {for_terminal(str(row['new']))}")
        if row.get("reading"):
            print(f"    reading: {for_terminal(row['reading'])}")
        if row["note"]:
            print(f"    note: {for_terminal(row['note'])}")
    return 0
