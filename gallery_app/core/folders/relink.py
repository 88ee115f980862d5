# SPDX-License-Identifier: GPL-3.0-or-later
"""Find moved photos again: match a gallery's missing files against a folder.

Two passes, surest first, each file used at most once:

1. by name — an entry whose file is missing takes the one file under the
   folder with the same name (case-insensitive); when several share it, the
   one whose caption or date agrees wins, and if none does the entry is left
   for the next pass rather than guessed;
2. by embedded caption and date — entries still unmatched (and placeholder
   entries without a file) take a file whose embedded caption is the same text
   (case and spacing aside) and, when both are dated, was taken the same day.

The folder is read through ``scan_folder`` (so the catalog makes a second
attempt instant).  The caller decides what to do with the result — the app
stores it as the user's links.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from gallery_app.core.folders.scan import scan_folder
from gallery_app.core.models import Entry, Gallery, ImageStatus
from gallery_app.core.store.catalog import Catalog

_MIN_PREFIX = 40  # a caption cut short still matches if this much of it agrees


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _is_missing(entry: Entry) -> bool:
    if entry.image is None:
        return False
    if entry.info is not None:
        return entry.info.status is ImageStatus.MISSING
    return not entry.image.exists()


def _same_caption(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= _MIN_PREFIX and long.startswith(short)


def _same_day(a: Entry, b: Entry) -> bool | None:
    """True/False when both are dated, None when either is not."""
    if a.taken is None or b.taken is None:
        return None
    return a.taken.day == b.taken.day


def _agrees(entry: Entry, found: Entry) -> bool:
    """Same caption and no contradicting date; without captions, the same day."""
    day = _same_day(entry, found)
    if day is False:
        return False
    if _norm(entry.caption) and _norm(found.caption):
        return _same_caption(entry.caption, found.caption)
    return day is True


def relink_missing(
    gallery: Gallery, folder: Path, catalog: Catalog | None = None
) -> dict[str, Path]:
    """Entry id → file under ``folder`` for entries whose photo is missing (or was never linked).

    Raises DatelineError (one sentence) only when ``folder`` cannot be listed.
    """
    found = [e for e in scan_folder(folder, catalog).entries if e.image is not None]
    used: set[Path] = set()
    result: dict[str, Path] = {}

    by_name: dict[str, list[Entry]] = defaultdict(list)
    for candidate in found:
        assert candidate.image is not None
        by_name[candidate.image.name.casefold()].append(candidate)

    for entry in gallery.entries:
        if not _is_missing(entry):
            continue
        assert entry.image is not None
        same_name = by_name.get(entry.image.name.casefold(), [])
        if len(same_name) > 1:
            same_name = [c for c in same_name if _agrees(entry, c)]
        if len(same_name) == 1 and same_name[0].image not in used:
            image = same_name[0].image
            assert image is not None
            result[entry.id] = image
            used.add(image)

    for entry in gallery.entries:
        if entry.id in result or not (_is_missing(entry) or entry.image is None):
            continue
        if not entry.caption.strip():
            continue
        matches = [
            c
            for c in found
            if c.image not in used
            and _same_caption(entry.caption, c.caption)
            and _same_day(entry, c) is not False
        ]
        if len(matches) == 1:
            image = matches[0].image
            assert image is not None
            result[entry.id] = image
            used.add(image)
    return result
