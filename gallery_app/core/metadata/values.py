# SPDX-License-Identifier: GPL-3.0-or-later
"""What a photo file says about itself: the value the metadata readers return.

The class lives in ``core.models`` (an ``Entry`` keeps its file's metadata
apart from its caption's claims); this name stays so that storage
(``core.store.catalog``) and the entry builder (``core.gallery.entries``) can
name it without loading the readers.
"""

from __future__ import annotations

from gallery_app.core.models import FileMetadata, SourceConflict

__all__ = ["FileMetadata", "SourceConflict"]
