# SPDX-License-Identifier: GPL-3.0-or-later
"""Gallery manifests (``gallery.json``): load, validate, save.

The format is versioned and described by the JSON Schema in
``resources/schema/gallery-2.schema.json``; field names follow IPTC and
schema.org.  Version 2 adds keywords and the record of corrections (the
fields keep their original values; ``core.edits`` applies the corrections);
a version 1 manifest is migrated on reading (``migrate``) and written back as
version 2.  Loading checks the text before the structure: size, encoding,
JSON syntax (with line and column), nesting, then the schema (naming the field),
then the meaning (dates, duplicate ids).  Every failure is one ManifestError
sentence that names the file.  An image path that leaves the gallery's folder
is refused for that entry only, with a warning on the entry.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import json
import logging
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any, cast

from gallery_app.core import paths
from gallery_app.core.errors import ManifestError
from gallery_app.core.gallery.records import correction_from_json, correction_to_json
from gallery_app.core.gallery.strict_json import (
    DuplicateKeyError,
    duplicate_key_line,
    unique_pairs,
)
from gallery_app.core.isodate import parse_iso
from gallery_app.core.models import Article, ContextLink, Entry, Gallery, Location
from gallery_app.core.store.atomic import write_text_atomic

log = logging.getLogger(__name__)

MANIFEST_VERSION = 2
READABLE_VERSIONS = (1, 2)
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_NESTING = 64

_LOCATION_FIELDS = {
    "name": "name",
    "sublocation": "sublocation",
    "city": "city",
    "provinceState": "region",
    "countryName": "country",
    "countryCode": "country_code",
    "latitude": "lat",
    "longitude": "lon",
    "source": "source",
}


@functools.cache
def _schema_bytes() -> bytes:
    res = (
        importlib.resources.files("gallery_app.resources")
        / "schema"
        / f"gallery-{MANIFEST_VERSION}.schema.json"
    )
    return res.read_bytes()


@functools.cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the current manifest version."""
    return cast(dict[str, Any], json.loads(_schema_bytes().decode("utf-8")))


@functools.cache
def _validator() -> Any:
    """The compiled schema validator, made once per process (jsonschema loads on first use)."""
    import jsonschema

    return jsonschema.Draft202012Validator(schema())


def _validity_marker(raw: bytes) -> Path:
    """Where a manifest whose exact bytes passed the schema is remembered.

    The name is a digest of the schema and the manifest together, so an edit
    to either means a fresh check.  Only success is remembered: a manifest with
    an error is checked (and its sentence made) every time.
    """
    digest = hashlib.sha256(_schema_bytes() + b"\0" + raw).hexdigest()
    return paths.cache_dir() / "valid-manifests" / digest


def load_manifest(path: Path) -> Gallery:
    """Read ``path`` and return its gallery; raise ManifestError on any problem."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_MANIFEST_BYTES:
            raise ManifestError(
                f"{name}: the file is {size / 1e6:.0f} MB; a gallery manifest may be at most "
                f"{MAX_MANIFEST_BYTES // (1024 * 1024)} MB."
            )
        raw = path.read_bytes()
    except ManifestError:
        raise
    except OSError as exc:
        raise ManifestError(f"{name}: cannot be read ({exc.strerror or exc}).") from None
    return parse_manifest(raw, name=name, base_dir=path.parent.resolve(), source=path)


def parse_manifest(
    raw: bytes, *, name: str = "gallery.json", base_dir: Path, source: Path | None = None
) -> Gallery:
    data = _decode_json(raw, name)
    _check_nesting(data, name)
    marker = _validity_marker(raw)
    data = migrate(data, name)
    if not marker.is_file():  # the same bytes passed before: the schema check is skipped
        _validate(data, name)
        try:  # an empty file: creating it is atomic already, no fsync wanted here
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError as exc:  # a read-only cache only costs the check next time
            log.debug("cannot remember a valid manifest: %s", exc)
    return _to_gallery(data, name, base_dir, source)


def _decode_json(raw: bytes, name: str) -> Any:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        raise ManifestError(f"{name}: the file is empty; a gallery manifest is a JSON object.")
    if b"\x00" in raw[:4096]:
        raise ManifestError(f"{name}: this is a binary file, not a JSON gallery manifest.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ManifestError(
            f"{name}: not UTF-8 text (bad byte at offset {exc.start}); "
            "a gallery manifest must be UTF-8 JSON."
        ) from None
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=unique_pairs)
    except DuplicateKeyError as exc:
        found = duplicate_key_line(text)
        where = f", line {found[1]}" if found else ""
        raise ManifestError(
            f"{name}{where}: the key “{found[0] if found else exc.key}” appears twice in one "
            "object; each field may be given once."
        ) from None
    except json.JSONDecodeError as exc:
        raise ManifestError(
            f"{name}, line {exc.lineno}, column {exc.colno}: invalid JSON ({exc.msg})."
        ) from None
    except ValueError as exc:
        raise ManifestError(f"{name}: invalid JSON ({exc}).") from None
    except RecursionError:
        raise ManifestError(f"{name}: the JSON is nested too deeply.") from None


def _reject_constant(token: str) -> Any:
    raise ValueError(f"{token} is not a JSON number")


def _check_nesting(data: Any, name: str) -> None:
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_NESTING:
            raise ManifestError(f"{name}: the JSON is nested more than {MAX_NESTING} levels deep.")
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)


def _field_path(parts: Any) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the top level"


def migrate(data: Any, name: str) -> Any:
    """``data`` as a version 2 manifest: version 1 gains nothing but its new number.

    Version 2 only adds optional keys (``keywords``, ``corrections``), so a
    version 1 manifest is a valid version 2 one once renumbered; anything that
    is not an object with a readable version is refused with a sentence.
    """
    if not isinstance(data, dict):
        kind = type(data).__name__.replace("dict", "object").replace("list", "array")
        raise ManifestError(f"{name}: a gallery manifest is a JSON object, not {kind}.")
    version = data.get("version")
    if "version" not in data:
        raise ManifestError(f"{name}: the field “version” is missing (this Dateline reads 1 or 2).")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        raise ManifestError(
            f"{name}: manifest version {json.dumps(version)[:40]} is not supported "
            f"(this Dateline reads versions 1 and {MANIFEST_VERSION})."
        )
    if version == 1:
        data = {**data, "version": MANIFEST_VERSION}
    return data


def _validate(data: Any, name: str) -> None:
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(data))
    if error is None:
        return
    where = _field_path(error.absolute_path)
    if error.validator == "required":
        message = error.message.replace("is a required property", "is missing")
    elif error.validator == "additionalProperties":
        message = error.message.replace("Additional properties are not allowed", "unknown field")
    elif error.validator in ("type", "oneOf"):
        wanted = error.schema.get("type") if isinstance(error.schema, Mapping) else None
        message = f"has the wrong type (expected {wanted or 'another type'})"
    elif error.validator == "maxLength":
        message = "is too long"
    elif error.validator == "maxItems":
        message = "has too many items"
    elif error.validator == "pattern" and where.endswith("dateCreated"):
        message = f"{json.dumps(error.instance)[:60]} is not an ISO 8601 date such as 2015-03-30"
    else:
        message = error.message[:200]
    raise ManifestError(f"{name}: field {where}: {message}.")


def _opt(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _to_gallery(data: dict[str, Any], name: str, base_dir: Path, source: Path | None) -> Gallery:
    seen: set[str] = set()
    entries: list[Entry] = []
    for index, item in enumerate(data["entries"]):
        entry_id = item["id"]
        if entry_id in seen:
            raise ManifestError(f"{name}: field entries[{index}].id: “{entry_id}” is used twice.")
        seen.add(entry_id)
        entries.append(_to_entry(item, index, name, base_dir))
    article = _to_article(data.get("article"))
    if article is not None:
        entries = [
            replace(e, context=replace(e.context, gallery_index=article.gallery_index))
            if e.context is not None
            else e
            for e in entries
        ]
    return Gallery(
        title=data["title"],
        entries=tuple(sorted(entries, key=lambda e: e.position)),
        article=article,
        id=data.get("id") or (source.parent.name if source else ""),
        source=source,
    )


def _to_article(item: dict[str, Any] | None) -> Article | None:
    if item is None:
        return None
    return Article(
        headline=item["headline"],
        standfirst=item.get("standfirst") or "",
        lead_credit=_opt(item.get("leadImageCredit")),
        paragraphs=tuple(item.get("paragraphs", ())),
        url=_opt(item.get("url")),
        gallery_title=_opt(item.get("galleryTitle")),
        gallery_index=item.get("galleryIndex"),
    )


def _to_entry(item: dict[str, Any], index: int, name: str, base_dir: Path) -> Entry:
    warnings = list(item.get("warnings", ()))
    taken = None
    if item.get("dateCreated"):
        try:
            taken = parse_iso(
                item["dateCreated"],
                item.get("dateSource") or "manifest",
                uncertain=bool(item.get("dateUncertain", False)),
            )
        except ValueError as exc:
            raise ManifestError(f"{name}: field entries[{index}].dateCreated: {exc}") from None
    image, image_warning = resolve_image(item.get("image"), base_dir)
    if image_warning:
        warnings.append(image_warning)
    loc = item.get("contentLocation")
    location = None
    if loc:
        location = Location(**{_LOCATION_FIELDS[k]: v for k, v in loc.items()})
    ctx = item.get("context")
    return Entry(
        id=item["id"],
        position=item.get("position", index + 1),
        image=image,
        caption=item["caption"],
        title=_opt(item.get("headline")),
        taken=taken,
        location=location,
        creator=_opt(item.get("creator")),
        credit=_opt(item.get("creditText")),
        copyright=_opt(item.get("copyrightNotice")),
        file_photo=bool(item.get("isFilePhoto", False)),
        context=ContextLink(None, tuple(ctx.get("paragraphs", ())), ctx.get("reason") or "")
        if ctx
        else None,
        warnings=tuple(warnings),
        keywords=tuple(k for k in item.get("keywords", ()) if k.strip()),
        corrections=tuple(correction_from_json(c) for c in item.get("corrections", ())),
    )


def resolve_image(value: str | None, base_dir: Path) -> tuple[Path | None, str | None]:
    """Resolve a manifest image path; refuse one that leaves ``base_dir``."""
    if not value:
        return None, None
    posix = PurePosixPath(value.replace("\\", "/"))
    refused = f"The image path “{value}” leaves the gallery's folder, so it was not opened."
    if posix.is_absolute() or ":" in posix.parts[0]:
        return None, refused
    candidate = (base_dir / Path(*posix.parts)).resolve()
    if not candidate.is_relative_to(base_dir.resolve()):
        return None, refused
    return candidate, None


def gallery_to_json(gallery: Gallery, base_dir: Path) -> dict[str, Any]:
    """The manifest form of ``gallery``, image paths relative to ``base_dir``."""
    data: dict[str, Any] = {"version": MANIFEST_VERSION, "id": gallery.id, "title": gallery.title}
    art = gallery.article
    if art is not None:
        data["article"] = {
            "headline": art.headline,
            "standfirst": art.standfirst,
            "leadImageCredit": art.lead_credit,
            "paragraphs": list(art.paragraphs),
            "url": art.url,
            "galleryTitle": art.gallery_title,
            "galleryIndex": art.gallery_index,
        }
    data["entries"] = [_entry_to_json(e, base_dir) for e in gallery.entries]
    return data


def _entry_to_json(entry: Entry, base_dir: Path) -> dict[str, Any]:
    item: dict[str, Any] = {"id": entry.id, "position": entry.position}
    image = None
    if entry.image is not None:
        try:
            image = entry.image.resolve().relative_to(base_dir.resolve()).as_posix()
        except ValueError:
            image = None  # outside the gallery's folder: a user link, kept elsewhere
    item["image"] = image
    item["caption"] = entry.caption
    item["headline"] = entry.title
    if entry.taken is not None:
        item["dateCreated"] = entry.taken.iso()
        item["dateSource"] = entry.taken.source
        item["dateUncertain"] = entry.taken.uncertain
    if entry.location is not None:
        loc = entry.location
        item["contentLocation"] = {k: getattr(loc, attr) for k, attr in _LOCATION_FIELDS.items()}
    item["creator"] = entry.creator
    item["creditText"] = entry.credit
    item["copyrightNotice"] = entry.copyright
    item["isFilePhoto"] = entry.file_photo
    if entry.context is not None:
        item["context"] = {
            "paragraphs": list(entry.context.paragraphs),
            "reason": entry.context.reason,
        }
    item["warnings"] = list(entry.warnings)
    if entry.keywords:
        item["keywords"] = list(entry.keywords)
    if entry.corrections:
        item["corrections"] = [correction_to_json(c) for c in entry.corrections]
    return item


def dump_manifest(gallery: Gallery, base_dir: Path) -> str:
    return json.dumps(gallery_to_json(gallery, base_dir), ensure_ascii=False, indent=2) + "\n"


def save_manifest(gallery: Gallery, path: Path) -> None:
    """Write ``gallery`` to ``path`` atomically (old or new file, never a mix)."""
    write_text_atomic(path, dump_manifest(gallery, path.parent))
