# SPDX-License-Identifier: GPL-3.0-or-later
"""Save corrections into a gallery manifest: appended to its record, atomically.

The manifest is read again at save time and the new records are appended to
the entries' ``corrections`` (the fields keep their original values, so the
original caption is never overwritten); a version 1 manifest is migrated to
version 2 on the way.  The result is checked by the manifest reader before it
replaces the file.  The bundled gallery is read-only: its corrections go into
the user's own copy in the data folder (``paths.bundled_copy_path``), which
from then on is what "the bundled gallery" opens.

A manifest changed on disk by another program since it was opened (its
fingerprint differs) is not overwritten blindly: ``ChangedOnDisk`` says so,
and the caller may save again with ``expected=None`` to append to the new text.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from gallery_app.core import paths
from gallery_app.core.edits.fields import EditError
from gallery_app.core.edits.ondisk import ChangedOnDisk
from gallery_app.core.gallery.manifest import migrate, parse_manifest
from gallery_app.core.gallery.records import correction_to_json
from gallery_app.core.models import Correction
from gallery_app.core.store.atomic import write_text_atomic

log = logging.getLogger(__name__)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def is_bundled(path: Path) -> bool:
    """Whether ``path`` is the shipped manifest (which Dateline never writes)."""
    return _resolved(path) == _resolved(paths.bundled_gallery_path())


def readable_manifest(path: Path) -> Path:
    """What to open for ``path``: the user's own copy in place of the shipped gallery."""
    if is_bundled(path):
        copy = paths.bundled_copy_path()
        if copy.is_file():
            return copy
    return path


def destination(source: Path) -> Path:
    """Where corrections to the gallery read from ``source`` are saved."""
    return paths.bundled_copy_path() if is_bundled(source) else source


def save_to_manifest(
    source: Path,
    pending: Mapping[str, Sequence[Correction]],
    *,
    expected: str | None = None,
) -> Path:
    """Append ``pending`` (entry id -> new records) to the manifest read from ``source``.

    Returns the path written.  Raises ChangedOnDisk when ``expected`` is given
    and the file no longer has that fingerprint; EditError for an entry id the
    manifest does not have or a file that cannot be written.
    """
    target = destination(source)
    read_from = target if target.is_file() else source
    try:
        raw = read_from.read_bytes()
    except OSError as exc:
        raise EditError(f"{read_from.name}: cannot be read ({exc.strerror or exc}).") from None
    if expected is not None and hashlib.sha256(raw).hexdigest() != expected:
        raise ChangedOnDisk(
            f"{read_from.name} was changed by another program since it was opened; "
            "your corrections were not saved over it."
        )
    data = _with_records(migrate(json.loads(raw.decode("utf-8-sig")), read_from.name), pending)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    parse_manifest(text.encode("utf-8"), name=target.name, base_dir=target.parent)
    try:
        write_text_atomic(target, text)
    except OSError as exc:
        log.warning("cannot write %s: %s", target, exc)
        raise EditError(f"{target.name} could not be written: {exc.strerror or exc}.") from None
    return target


def _with_records(
    data: dict[str, Any], pending: Mapping[str, Sequence[Correction]]
) -> dict[str, Any]:
    by_id = {item["id"]: item for item in data["entries"]}
    unknown = [entry_id for entry_id in pending if entry_id not in by_id]
    if unknown:
        raise EditError(f"The gallery has no entry “{unknown[0][:60]}”.")
    for entry_id, records in pending.items():
        item = by_id[entry_id]
        item["corrections"] = [
            *item.get("corrections", ()),
            *(correction_to_json(r) for r in records),
        ]
    return data
