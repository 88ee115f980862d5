# SPDX-License-Identifier: GPL-3.0-or-later
"""Save pending corrections where the gallery lives: its manifest or the photos' sidecars.

A gallery read from a manifest keeps its corrections in the manifest
(``manifest_store``; the bundled one in the user's own copy).  A folder of
photos keeps them in one XMP sidecar per photo (``sidecar``).  With ``embed``
the photo files are written as well (``embed``), each only after the sidecar
or manifest is safe.  An article text cannot hold corrections: importing it as
a manifest comes first.

Before anything is written every file about to be changed is compared with the
fingerprint taken when it was opened (``expected``); if another program changed
one, nothing is written and ``ChangedOnDisk`` names it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from gallery_app.core.edits.fields import EditError
from gallery_app.core.edits.manifest_store import save_to_manifest
from gallery_app.core.edits.ondisk import ChangedOnDisk, fingerprint
from gallery_app.core.edits.sidecar import write_sidecar
from gallery_app.core.edits.targets import files_to_write, is_manifest
from gallery_app.core.models import Correction, Entry, Gallery

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SaveResult:
    """What a save wrote, and what it could not (one sentence each)."""

    written: tuple[Path, ...]
    embedded: tuple[Path, ...] = ()
    problems: tuple[str, ...] = ()


def save_corrections(
    gallery: Gallery,
    pending: Mapping[str, Sequence[Correction]],
    *,
    embed: bool = False,
    expected: Mapping[Path, str] | None = None,
) -> SaveResult:
    """Write ``pending`` (entry id -> new records); ``gallery`` holds the corrected entries."""
    records = {k: tuple(v) for k, v in pending.items() if v}
    return _save(gallery, records, embed=embed, expected=expected)


def _save(
    gallery: Gallery,
    pending: dict[str, tuple[Correction, ...]],
    *,
    embed: bool,
    expected: Mapping[Path, str] | None,
) -> SaveResult:
    if not pending:
        return SaveResult(())
    by_id = {e.id: e for e in gallery.entries}
    missing = [i for i in pending if i not in by_id]
    if missing:
        raise EditError(f"The gallery has no entry “{missing[0][:60]}”.")
    if gallery.source is None or not (gallery.source.is_dir() or is_manifest(gallery)):
        raise EditError(
            "This gallery was read from an article text, which cannot hold corrections; "
            "import it as a gallery manifest first (gallery-cli import-article)."
        )
    _check_unchanged(files_to_write(gallery, list(pending)), expected)
    if is_manifest(gallery):
        assert gallery.source is not None
        written: tuple[Path, ...] = (save_to_manifest(gallery.source, pending),)
    else:
        written = tuple(_write_sidecars(by_id, pending))
    if not embed:
        return SaveResult(written)
    return _embed_all(by_id, pending, written)


def _check_unchanged(files: list[Path], expected: Mapping[Path, str] | None) -> None:
    if expected is None:
        return
    changed = [f for f in files if f in expected and fingerprint(f) != expected[f]]
    if changed:
        names = ", ".join(f.name for f in changed[:3])
        raise ChangedOnDisk(
            f"{names} changed on disk since you opened it (another program wrote it); "
            "your corrections were not saved over it."
        )


def _write_sidecars(
    by_id: Mapping[str, Entry], pending: Mapping[str, tuple[Correction, ...]]
) -> list[Path]:
    written = []
    for entry_id, records in pending.items():
        entry = by_id[entry_id]
        if entry.image is None:
            raise EditError(f"The entry “{entry_id[:60]}” has no photo file to keep a sidecar.")
        fields = {r.field for r in records}
        written.append(write_sidecar(entry.image, entry, fields, records))
    return written


def _embed_all(
    by_id: Mapping[str, Entry],
    pending: Mapping[str, tuple[Correction, ...]],
    written: tuple[Path, ...],
) -> SaveResult:
    # deferred: Pillow and the metadata readers (the read-back check) load only for embedding
    from gallery_app.core.edits import embed as embedding

    embedded: list[Path] = []
    problems: list[str] = []
    for entry_id, records in pending.items():
        entry = by_id[entry_id]
        if entry.image is None or not entry.image.is_file():
            problems.append(f"The entry “{entry_id[:60]}” has no photo file to write into.")
            continue
        try:
            embedding.embed(entry.image, entry, {r.field for r in records}, records)
        except EditError as exc:
            problems.append(str(exc))
        else:
            embedded.append(entry.image)
    return SaveResult(written, tuple(embedded), tuple(problems))
