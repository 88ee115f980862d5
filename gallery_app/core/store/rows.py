# SPDX-License-Identifier: GPL-3.0-or-later
"""Catalog rows: a photo's ``FileMetadata`` as compact, versioned JSON, and back.

Every field of FileMetadata is stored under its own name, by its type: a new
field needs no edit here unless it has a new value type (then one codec).
Rows are tagged with ``READER_VERSION``; a row of another version is a miss.
The reader processes of a folder scan encode here, the catalog decodes here.
"""

from __future__ import annotations

import datetime as dt
import logging
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import orjson

from gallery_app.core.metadata.values import FileMetadata, SourceConflict
from gallery_app.core.models import ImageInfo, ImageStatus, Location, Precision, TakenAt

log = logging.getLogger(__name__)

# Bump when the readers report something else for the same file: rows of another
# version are misses and the file is read again, without rebuilding the database.
# 2: HEIC/HEIF width, height and orientation are the stored ones (core.heif_geometry).
# 3: keywords (XMP dc:subject, IPTC Keywords).
# 4: JPEG and WebP are read by libexiv2 (core.metadata.native).
# 5: MWG reconciliation, and the sources that disagree inside a file (``conflicts``).
# 6: JPEG 2000, JPEG XL, camera RAWs (full-size picture) and videos (MOV, MP4, AVI) read.
# 7: ASF/WMV, Matroska and MPEG-TS videos, RAF, X3F, RW2 (crop) and IIQ sizes; video durations.
READER_VERSION = 7


def _encode_taken(t: TakenAt) -> list[Any]:
    return [t.value.isoformat(), t.precision.value, t.source, t.utc_offset, t.uncertain]


def _decode_taken(v: list[Any]) -> TakenAt:
    return TakenAt(
        value=dt.datetime.fromisoformat(v[0]),
        precision=Precision(v[1]),
        source=v[2],
        utc_offset=v[3],
        uncertain=bool(v[4]),
    )


def _encode_location(loc: Location) -> dict[str, Any]:
    return {k: v for k, v in vars(loc).items() if v is not None}


def _encode_info(info: ImageInfo) -> list[Any]:
    return [info.status.value, info.width, info.height, info.orientation, info.duration]


def _decode_info(v: list[Any]) -> ImageInfo:
    status, width, height, orientation, duration = v
    return ImageInfo(ImageStatus(status), width, height, orientation, duration)


Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]
_CODECS: dict[object, Codec] = {
    Path: (str, Path),
    TakenAt: (_encode_taken, _decode_taken),
    Location: (_encode_location, lambda d: Location(**d)),
    ImageInfo: (_encode_info, _decode_info),
}
_PLAIN: Codec = (lambda v: v, lambda v: v)


def codec_for(hint: object) -> Codec:
    """How a field of this type goes to JSON and back (``X | None`` as X, None kept)."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if isinstance(hint, types.UnionType) and len(args) == 1:
        hint = args[0]
    origin = typing.get_origin(hint)
    if hint in _CODECS:
        return _CODECS[hint]
    if origin is tuple:
        return (list, tuple)
    if origin is not None and issubclass(origin, Mapping):
        return (dict, lambda d: {str(k): str(v) for k, v in d.items()})
    return _PLAIN


def _encode_conflicts(conflicts: tuple[SourceConflict, ...]) -> list[list[str]]:
    return [[c.name, c.kept, c.kept_value, c.other, c.other_value] for c in conflicts]


def _decode_conflicts(v: list[list[Any]]) -> tuple[SourceConflict, ...]:
    return tuple(SourceConflict(*map(str, c)) for c in v)


_FIELD_CODECS: dict[str, Codec] = {
    name: codec_for(hint) for name, hint in typing.get_type_hints(FileMetadata).items()
}
_FIELD_CODECS["conflicts"] = (_encode_conflicts, _decode_conflicts)


def metadata_doc(meta: FileMetadata) -> dict[str, Any]:
    """FileMetadata as a JSON-ready dict tagged with the reader version."""
    doc: dict[str, Any] = {"v": READER_VERSION}
    for name, (encode, _decode) in _FIELD_CODECS.items():
        value = getattr(meta, name)
        doc[name] = None if value is None else encode(value)
    return doc


def metadata_from_doc(doc: Any) -> FileMetadata:
    """The FileMetadata of a ``metadata_doc``; ValueError when it is of another version."""
    if not isinstance(doc, dict) or doc.get("v") != READER_VERSION:
        raise ValueError("metadata of another reader version")
    values: dict[str, Any] = {
        name: None if doc[name] is None else decode(doc[name])
        for name, (_encode, decode) in _FIELD_CODECS.items()
    }
    return FileMetadata(**values)


def encode_metadata(meta: FileMetadata) -> str:
    """FileMetadata as compact JSON tagged with the reader version."""
    doc = metadata_doc(meta)
    try:
        return orjson.dumps(doc).decode("utf-8")
    except orjson.JSONEncodeError:  # a lone surrogate in some text: not storable as is
        log.info("metadata not stored in the catalog", exc_info=True)
        raise ValueError("metadata with text that is not valid Unicode") from None


def decode_metadata(text: str) -> FileMetadata | None:
    """The FileMetadata in ``text``, or None when it is of another version or malformed."""
    try:
        doc = orjson.loads(text)
        if not isinstance(doc, dict) or doc.get("v") != READER_VERSION:
            return None
        return metadata_from_doc(doc)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        log.info("catalog row ignored: %s", exc)
        return None
