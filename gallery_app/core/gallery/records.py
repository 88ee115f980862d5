# SPDX-License-Identifier: GPL-3.0-or-later
"""Correction records in their manifest (version 2) form, and back.

The same JSON shape is used by the journal of unsaved corrections and by
``gallery-cli list --json`` / ``history --json`` (``field``, ``old``, ``new``,
``at``, ``note``, and ``reading`` when a conflict was resolved).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gallery_app.core.models import Correction


def correction_from_json(item: Mapping[str, Any]) -> Correction:
    """A correction record as the schema describes it (already validated)."""
    return Correction(
        field=item["field"],
        old=item.get("old"),
        new=item.get("new"),
        at=item["at"],
        note=item.get("note") or "",
        reading=item.get("reading"),
    )


def correction_to_json(correction: Correction) -> dict[str, Any]:
    item: dict[str, Any] = {
        "field": correction.field,
        "old": correction.old,
        "new": correction.new,
        "at": correction.at,
        "note": correction.note,
    }
    if correction.reading is not None:
        item["reading"] = correction.reading
    return item
