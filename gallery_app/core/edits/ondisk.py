# SPDX-License-Identifier: GPL-3.0-or-later
"""Noticing a file another program changed while Dateline had it open.

A fingerprint (a digest of the bytes) is taken when a manifest is opened or a
photo's sidecar is first edited, and compared just before saving.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from gallery_app.core.edits.fields import EditError


class ChangedOnDisk(EditError):
    """A file changed by another program since it was opened."""


def fingerprint(path: Path) -> str:
    """A digest of the file's bytes ("" when it does not exist or cannot be read)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""
