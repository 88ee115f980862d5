# SPDX-License-Identifier: GPL-3.0-or-later
"""Build a photo's ``Ready`` entry from its metadata, as ``gallery-cli list`` makes it.

Entry (``gallery.entries``), the record of corrections in its sidecar, the
checks' findings as sentences among its warnings, the JSON object of
``gallery.export`` — minus the id and the position, which depend on the
folder listed and on the other photos.  Runs in the reader processes.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import orjson

from gallery_app.core.checks.run import check_entry, findings_last_day, with_messages
from gallery_app.core.edits.history import with_sidecar_record
from gallery_app.core.gallery.entries import entry_from_metadata
from gallery_app.core.gallery.export import entry_to_dict
from gallery_app.core.listing.ready import Ready
from gallery_app.core.metadata.reader import read_metadata
from gallery_app.core.metadata.values import FileMetadata
from gallery_app.core.metadata.xmp import SidecarIndex
from gallery_app.core.textdecode import printable


def build(
    file: Path,
    meta: FileMetadata,
    root: Path,
    today: dt.date,
    sidecars: SidecarIndex | None = None,
) -> Ready:
    """``file``'s entry as ``gallery-cli list --json`` prints it (see the module docstring)."""
    entry = entry_from_metadata(file, 0, meta, root=root)
    entry = with_sidecar_record(entry, (sidecars or SidecarIndex()).find)
    findings = check_entry(entry, read=read_metadata, today=today)
    entry = with_messages(entry, (f.message for f in findings))
    doc = entry_to_dict(entry)
    del doc["id"], doc["position"]
    last = findings_last_day(entry, today)
    taken = entry.taken.value.replace(tzinfo=None).isoformat() if entry.taken else None
    return Ready(taken, today.isoformat(), last.isoformat() if last else None, encode(doc))


def encode(doc: object) -> str:
    """Compact JSON as the CLI writes it: orjson, or the json module for text orjson
    refuses (a lone surrogate), shown as U+FFFD as the whole document would be."""
    try:
        return orjson.dumps(doc).decode()
    except orjson.JSONEncodeError:
        return printable(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
