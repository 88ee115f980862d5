# SPDX-License-Identifier: GPL-3.0-or-later
"""XMP sidecars for photos in a folder: the corrected fields and their record.

Naming: Dateline reads ``photo.jpg.xmp`` and ``photo.xmp`` (either case; the
former first, see ``metadata.xmp.sidecar_paths``).  It writes into the sidecar
that already exists, so it never makes a second one that disagrees; when there
is none it creates ``photo.jpg.xmp``: the full name cannot be shared by
``photo.jpg`` and ``photo.cr2`` (a RAW+JPEG pair would otherwise fight over one
``photo.xmp``), and it is what darktable and digiKam write by default; exiftool
reads either when named.

Writing: the existing sidecar is first checked with the project's defusedxml
reader (no entities, no external references reach the library), then read by
exiv2, changed property by property (other tools' properties stay as they
were), serialised by exiv2 and written atomically.  A sidecar changed on disk
since the user began editing (its fingerprint differs) raises ChangedOnDisk.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from gallery_app.core.edits.fields import EditError
from gallery_app.core.edits.ondisk import ChangedOnDisk, fingerprint
from gallery_app.core.edits.targets import sidecar_for
from gallery_app.core.edits.xmpkeys import append_record, exiv2_module, read_record, set_fields
from gallery_app.core.metadata import xmp as xmp_reader
from gallery_app.core.models import Correction, Entry
from gallery_app.core.store.atomic import write_bytes_atomic

log = logging.getLogger(__name__)


def _load(path: Path) -> Any:
    """The exiv2 XmpData of the sidecar at ``path`` (empty when there is none)."""
    ex = exiv2_module()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return ex.XmpData()
    except OSError as exc:
        raise EditError(
            f"The sidecar {path.name} cannot be read ({exc.strerror or exc})."
        ) from None
    try:
        xmp_reader.parse_packet(raw)  # refuses entities and external references first
        image = ex.ImageFactory.open(raw)
        image.readMetadata()
    except (xmp_reader.XmpError, ex.Exiv2Error) as exc:
        raise EditError(
            f"The sidecar {path.name} is not valid XMP ({exc}); it was left as it is."
        ) from None
    return image.xmpData()


def write_sidecar(
    image: Path,
    entry: Entry,
    fields: set[str],
    records: tuple[Correction, ...],
    *,
    expected: str | None = None,
) -> Path:
    """Write ``entry``'s current ``fields`` and append ``records``; returns the sidecar path."""
    ex = exiv2_module()
    path = sidecar_for(image)
    if expected is not None and fingerprint(path) != expected:
        raise ChangedOnDisk(
            f"The sidecar {path.name} was changed by another program since you began "
            "editing; your corrections were not saved over it."
        )
    xmp = _load(path)
    set_fields(xmp, entry, fields)
    append_record(xmp, records)
    result = ex.XmpParser.encode(xmp, 0, 0)
    if result[0] != 0:
        raise EditError(f"The sidecar {path.name} could not be made (exiv2 code {result[0]}).")
    try:
        write_bytes_atomic(path, result[1].encode("utf-8"))
    except OSError as exc:
        log.warning("cannot write %s: %s", path, exc)
        raise EditError(f"{path.name} could not be written: {exc.strerror or exc}.") from None
    return path


def read_sidecar_record(image: Path) -> tuple[Correction, ...]:
    """The record of corrections in ``image``'s sidecar (none when it has none or is broken)."""
    path = xmp_reader.find_sidecar(image)
    if path is None:
        return ()
    try:
        return read_record(_load(path))
    except EditError as exc:
        log.info("no record read from %s: %s", path, exc)
        return ()
