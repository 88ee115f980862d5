# SPDX-License-Identifier: GPL-3.0-or-later
"""Read a photo's caption, credits, date and place from its own metadata.

Flow: ``imagefile.read_embedded`` opens the file once (headers only) and
returns decoded EXIF, IPTC and XMP text; a ``.xmp`` sidecar, when present, is
laid over the embedded XMP (the sidecar is what an editor last wrote).  All of
it becomes one flat map "source label -> text", and each field of
``FileMetadata`` is resolved by the declarative tables of
``metadata_sources`` through ``metadata_resolve.SourceResolver``: the order of
the labels sets the precedence, the first non-empty value wins and its label
is recorded in ``sources``.  Nothing here raises for a bad file; every problem
becomes a sentence in ``warnings``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from gallery_app.core import textdecode
from gallery_app.core.metadata import junk, xmp
from gallery_app.core.metadata.embedded import Embedded
from gallery_app.core.metadata.imagefile import read_embedded
from gallery_app.core.metadata.resolve import SourceResolver
from gallery_app.core.metadata.sources import (
    CAPTION_SOURCES,
    IPTC_DIGEST_CURRENT,
    IPTC_DIGEST_STORED,
    KEYWORD_JOINER,
    KEYWORD_SOURCES,
    MAX_TEXT_CHARS,
    TEXT_FIELDS,
)
from gallery_app.core.metadata.values import FileMetadata, unreadable_sentence
from gallery_app.core.models import ImageInfo, ImageStatus

__all__ = ["MAX_TEXT_CHARS", "FileMetadata", "read_metadata"]


def _flatten(embedded: Embedded) -> dict[str, str]:
    values: dict[str, str] = {}
    values.update((f"EXIF {k}", v) for k, v in embedded.exif.text.items())
    values.update((f"IPTC {k}", v) for k, v in embedded.iptc.text.items())
    if embedded.iptc.stored_digest:
        values[IPTC_DIGEST_STORED] = embedded.iptc.stored_digest
    if embedded.iptc.block_digest and embedded.iptc.text:
        values[IPTC_DIGEST_CURRENT] = embedded.iptc.block_digest
    values.update((f"PNG {k}", v) for k, v in embedded.png_text.items())
    values.update(embedded.container)
    values.update(embedded.xmp)
    return values


def source_values(path: Path) -> dict[str, str]:
    """The flat map "source label -> text" of a file with its sidecar laid over it.

    The file details panel shows it beside the decision the resolver made.
    """
    warnings: list[str] = []
    try:
        with path.open("rb") as fh:
            values = _flatten(read_embedded(fh, path))
    except OSError:
        values = {}
    values.update(_read_sidecar(path, warnings, None))
    return values


def _read_sidecar(
    path: Path, warnings: list[str], sidecars: xmp.SidecarIndex | None
) -> dict[str, str]:
    sidecar = xmp.find_sidecar(path) if sidecars is None else sidecars.find(path)
    if sidecar is None:
        return {}
    try:
        return xmp.parse_packet(sidecar.read_bytes())
    except OSError as error:
        warnings.append(f"The sidecar {sidecar.name} could not be read: {error.strerror or error}.")
    except xmp.XmpError as error:
        warnings.append(f"The sidecar {sidecar.name} was ignored: {error}.")
    return {}


def _missing(path: Path, error: OSError) -> FileMetadata:
    status = ImageStatus.MISSING if isinstance(error, FileNotFoundError) else ImageStatus.UNREADABLE
    return FileMetadata.unreadable(
        unreadable_sentence(path.name, error.strerror or str(error)), status
    )


def read_metadata(path: Path, sidecars: xmp.SidecarIndex | None = None) -> FileMetadata:
    """Read one photo's metadata; never raises for a bad, odd or vanished file.

    ``sidecars``, when given, finds the ``.xmp`` sidecar from one listing per
    folder (a folder scan passes one for all its files).

    Every warning is made printable: a file name that is not valid UTF-8 shows
    its odd bytes as U+FFFD, and says so once.
    """
    meta = _read_metadata(path, sidecars)
    shown = textdecode.printable(path.name)
    if shown == path.name:
        return meta
    note = (
        f"The name of {shown} is not valid UTF-8 text; the bytes that do not decode are shown as �."
    )
    warnings = (note, *(textdecode.printable(w) for w in meta.warnings))
    return replace(meta, warnings=warnings)


def _read_metadata(path: Path, sidecars: xmp.SidecarIndex | None) -> FileMetadata:
    try:
        with path.open("rb") as fh:
            embedded = read_embedded(fh, path)
    except OSError as error:
        return _missing(path, error)
    warnings = list(embedded.warnings)
    values = _flatten(embedded)
    sidecar = _read_sidecar(path, warnings, sidecars)
    values.update(sidecar)
    if "EXIF UserComment" not in values:
        stronger = [values.get(label) for label in CAPTION_SOURCES[:4]]
        if not any(v and not junk.is_junk(v) for v in stronger):
            comment = embedded.user_comment()
            if comment:
                values["EXIF UserComment"] = comment
    resolver = SourceResolver(path, values, set(sidecar))
    texts = {name: resolver.text(name, labels) for name, labels in TEXT_FIELDS.items()}
    keywords = resolver.text("keywords", KEYWORD_SOURCES) or ""
    taken = resolver.taken()
    location = resolver.location(embedded)
    info = ImageInfo(
        embedded.status,
        embedded.width,
        embedded.height,
        resolver.orientation(embedded.exif.orientation),
        embedded.duration,
    )
    return FileMetadata(
        **texts,
        taken=taken,
        location=location,
        info=info,
        sources=dict(resolver.sources),
        warnings=tuple(warnings + resolver.warnings),
        conflicts=tuple(resolver.conflicts),
        keywords=tuple(k for k in (w.strip() for w in keywords.split(KEYWORD_JOINER)) if k),
    )
