# SPDX-License-Identifier: GPL-3.0-or-later
"""Open a TimelineJS or IIIF file as a gallery (what File → Open and ``list`` do with one)."""

from __future__ import annotations

import json
from pathlib import Path

from gallery_app.core.errors import DatelineError
from gallery_app.core.exports.iiif import is_iiif, read_iiif
from gallery_app.core.exports.timelinejs import is_timelinejs, read_timelinejs
from gallery_app.core.models import Gallery

MAX_BYTES = 64 * 1024 * 1024


def read_foreign(path: Path) -> Gallery | None:
    """The gallery in a TimelineJS or IIIF Presentation 3 file; None when it is neither."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    try:
        if is_iiif(data):
            return read_iiif(data, path)
        if is_timelinejs(data):
            return read_timelinejs(data, path)
    except (TypeError, ValueError, AttributeError, KeyError) as error:
        raise DatelineError(f"{path.name}: this export could not be read back ({error}).") from None
    return None
