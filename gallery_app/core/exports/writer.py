# SPDX-License-Identifier: GPL-3.0-or-later
"""Run one export: pick the entries, place the photos, write the document atomically.

The CLI and the app's File → Export… call ``export_gallery`` with the entries
the current filter shows.  ``on_progress(done, total)`` is called once per
photo placed; ``cancelled()`` is asked between photos, and a cancelled export
removes the photos it had copied and writes no document.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from gallery_app.core.errors import DatelineError
from gallery_app.core.exports.formats import FORMATS
from gallery_app.core.exports.iiif import to_iiif
from gallery_app.core.exports.media import MediaRef, has_photo, place_media
from gallery_app.core.exports.spreadsheet import to_csv
from gallery_app.core.exports.timelinejs import to_timelinejs
from gallery_app.core.exports.webpage import to_html
from gallery_app.core.models import Entry, Gallery
from gallery_app.core.store.atomic import write_text_atomic

MEDIA_FORMATS = {"timelinejs", "iiif", "html"}


class ExportCancelled(DatelineError):
    """The user cancelled the export; nothing was written."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    entries: int
    photos: int
    notes: tuple[str, ...] = ()


def _media_folder(fmt: str, out: Path) -> tuple[Path, str]:
    if fmt == "html":
        return out / "photos", "photos/"
    return out.parent / f"{out.stem}-media", f"{out.stem}-media/"


def place_all(
    fmt: str,
    entries: Sequence[Entry],
    out: Path,
    media_base: str | None,
    on_progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> dict[str, MediaRef]:
    folder, prefix = _media_folder(fmt, out)
    existed = folder.exists()
    placed: dict[str, MediaRef] = {}
    for done, entry in enumerate(entries, start=1):
        if cancelled():
            if not existed:
                shutil.rmtree(folder, ignore_errors=True)
            raise ExportCancelled("The export was cancelled; nothing was written.")
        if media_base and fmt != "html" and has_photo(entry) and entry.image is not None:
            url = media_base.rstrip("/") + "/" + entry.image.name
            placed[entry.id] = MediaRef(url, url, None, None)
        else:
            ref = place_media(entry, folder, prefix=prefix, base_url=None, web_size=fmt == "html")
            if ref is not None:
                placed[entry.id] = ref
        on_progress(done, len(entries))
    return placed


def _document(
    fmt: str,
    gallery: Gallery,
    entries: Sequence[Entry],
    media: dict[str, MediaRef],
    out: Path,
    media_base: str | None,
) -> tuple[str, tuple[str, ...]]:
    if fmt == "timelinejs":
        doc, undated = to_timelinejs(gallery, entries, media)
        notes = (f"{undated} undated photos are not on the timeline.",) if undated else ()
        return json.dumps(doc, ensure_ascii=False, indent=1), notes
    if fmt == "iiif":
        if media_base is None:  # relative files need absolute ids: the folder's file URI
            media = {
                k: MediaRef(
                    (out.parent / v.url).absolute().as_uri(),
                    (out.parent / v.thumbnail).absolute().as_uri() if v.thumbnail else None,
                    v.width,
                    v.height,
                )
                for k, v in media.items()
            }
        base = media_base or out.parent.absolute().as_uri()
        return json.dumps(to_iiif(gallery, entries, media, base), ensure_ascii=False, indent=1), ()
    if fmt == "csv":
        return to_csv(entries), ()
    if fmt == "html":
        return to_html(gallery, entries, media), ()
    raise DatelineError(f"Unknown export format “{fmt}” (use one of {', '.join(FORMATS)}).")


def export_gallery(
    gallery: Gallery,
    entries: Sequence[Entry],
    fmt: str,
    out: Path,
    *,
    media_base: str | None = None,
    on_progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ExportResult:
    """Write ``entries`` of ``gallery`` as ``fmt`` to ``out`` (a folder for ``html``)."""
    if fmt == "pdf":
        raise DatelineError("The contact sheet is drawn by Qt: use the app or gallery-cli.")
    try:
        if fmt == "html":
            out.mkdir(parents=True, exist_ok=True)
        media: dict[str, MediaRef] = {}
        if fmt in MEDIA_FORMATS:
            media = place_all(fmt, entries, out, media_base, on_progress, cancelled)
        text, notes = _document(fmt, gallery, entries, media, out, media_base)
        target = out / "index.html" if fmt == "html" else out
        write_text_atomic(target, text)
    except OSError as error:
        raise DatelineError(f"{out}: cannot be written ({error.strerror or error}).") from None
    return ExportResult(target, len(entries), len(media), notes)
