# SPDX-License-Identifier: GPL-3.0-or-later
"""The last sorted listing of a folder, kept so that the folder opens at once next time.

When a scan of a folder finishes, its gallery (entries in their sorted order,
each with its metadata and warnings) is written to ``snapshots/`` in
``paths.cache_dir()`` as orjson, atomically and private to the user (0600).
The next time the folder is opened the snapshot is shown while the scan
checks it against the disk; the scan's gallery then corrects it in place.
A snapshot is a cache: one of another version, of another folder, or
damaged is ignored (logged), never an error the user sees.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from gallery_app.core import paths
from gallery_app.core.models import ContextLink, Correction, Entry, Gallery
from gallery_app.core.store.atomic import write_bytes_atomic
from gallery_app.core.store.rows import (
    READER_VERSION,
    Codec,
    codec_for,
    metadata_doc,
    metadata_from_doc,
)

log = logging.getLogger(__name__)

# Bump when the layout changes; READER_VERSION is stored beside it.
# 2: an entry's ``file`` comes back as FileMetadata, its field sources as pairs.
# 3: an entry's corrections come back as Correction (they came back as dicts).
VERSION = 3
DUMP_SLICE = 200  # entries per orjson call: each holds the interpreter lock ~1 ms
MIN_ENTRIES = 500  # smaller folders scan from the catalog in well under a frame's worth
_CODECS: dict[str, Codec] = {
    name: codec_for(hint)
    for name, hint in typing.get_type_hints(Entry).items()
    if hint is not ContextLink | None
}
_CODECS["file"] = (metadata_doc, metadata_from_doc)  # a FileMetadata, not a plain dict
_CODECS["field_sources"] = (list, lambda v: tuple(tuple(pair) for pair in v))  # hashable
_CODECS["corrections"] = (
    lambda cs: [vars(c) for c in cs],
    lambda docs: tuple(Correction(**d) for d in docs),
)


def snapshot_path(folder_id: str) -> Path:
    """Where the snapshot of the folder with gallery id ``folder_id`` lives."""
    digest = hashlib.sha256(folder_id.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return paths.cache_dir() / "snapshots" / f"{digest}.json"


def _encode(entry: Entry) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    for name, (encode, _decode) in _CODECS.items():
        value = getattr(entry, name)
        doc[name] = None if value is None else encode(value)
    return doc


def _decoder() -> Callable[[dict[str, Any]], Entry]:
    codecs = list(_CODECS.items())

    def decode(doc: dict[str, Any]) -> Entry:
        values: dict[str, Any] = {
            name: None if doc[name] is None else dec(doc[name]) for name, (_e, dec) in codecs
        }
        return Entry(**values)

    return decode


def worth_keeping(gallery: Gallery) -> bool:
    """Whether ``gallery`` is a finished folder listing big enough to be kept."""
    if len(gallery.entries) < MIN_ENTRIES or gallery.warnings or gallery.source is None:
        return False
    # folders have no article context; anything else is not a folder's listing
    return all(e.context is None for e in gallery.entries)


def save_snapshot(gallery: Gallery) -> None:
    """Store ``gallery`` (a finished folder scan) for the next opening; quiet on failure."""
    if worth_keeping(gallery):
        write_snapshot(gallery)


def write_snapshot(gallery: Gallery) -> None:
    """Store ``gallery``, which the caller found ``worth_keeping``; quiet on failure."""
    head = {
        "v": VERSION,
        "reader": READER_VERSION,
        "id": gallery.id,
        "title": gallery.title,
        "source": str(gallery.source),
    }
    try:
        data = _dumps(head, gallery.entries)
        write_bytes_atomic(snapshot_path(gallery.id), data, mode=0o600)
    except (OSError, TypeError, orjson.JSONEncodeError) as error:
        log.info("snapshot of %s not stored: %s", gallery.source, error)


def _dumps(head: dict[str, Any], entries: tuple[Entry, ...]) -> bytes:
    """``head`` with ``"entries"`` added, as JSON, encoded ``DUMP_SLICE`` entries per call.

    This runs on the scan's thread, in the window's process: one ``orjson.dumps``
    of 10,000 entries holds Python's interpreter lock for tens of milliseconds,
    and the window waits for it as long.
    """
    parts = [orjson.dumps(head)[:-1], b',"entries":[']
    for start in range(0, len(entries), DUMP_SLICE):
        if start:
            parts.append(b",")
        chunk = [_encode(e) for e in entries[start : start + DUMP_SLICE]]
        parts.append(orjson.dumps(chunk)[1:-1])
    parts.append(b"]}")
    return b"".join(parts)


def load_snapshot(folder: Path) -> Gallery | None:
    """The folder's last stored gallery, or ``None`` (none, stale or damaged: logged).

    The cycle collector is paused while it runs: the half-million objects of a
    10,000-photo snapshot (no cycles among them) set off collections that walked
    them again and again, nearly doubling the time before the folder is shown.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(folder)
    finally:
        if collecting:
            gc.enable()


def _load(folder: Path) -> Gallery | None:
    folder_id = str(folder.resolve())
    path = snapshot_path(folder_id)
    try:
        doc = orjson.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, orjson.JSONDecodeError) as error:
        log.info("snapshot %s ignored: %s", path.name, error)
        return None
    try:
        if (doc.get("v"), doc.get("reader"), doc.get("id")) != (VERSION, READER_VERSION, folder_id):
            return None
        decode = _decoder()
        entries = tuple(decode(e) for e in doc["entries"])
        return Gallery(title=doc["title"], entries=entries, id=folder_id, source=folder.absolute())
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        log.info("snapshot %s ignored: %s", path.name, error)
        return None
