# SPDX-License-Identifier: GPL-3.0-or-later
"""The window's own sentences that quote a file: its title and status messages.

A gallery's title or a file's name comes from the user's files: each is shown
isolated (``core.inert``), so a direction control in it cannot reorder the
words around it, and a file name's extension is always shown as it is.
"""

from __future__ import annotations

from pathlib import Path

from gallery_app import APP_NAME
from gallery_app.core.inert import file_name, isolate
from gallery_app.core.models import Gallery


def window_title(gallery: Gallery) -> str:
    return f"{isolate(gallery.title)} — {APP_NAME}"


def opened(gallery: Gallery) -> str:
    message = f"Opened {isolate(gallery.title)}"
    return f"{message}. {gallery.warnings[0]}" if gallery.warnings else message


def opening(path: Path | None) -> str:
    return f"Opening {file_name(path.name) if path is not None else 'the bundled gallery'}…"


def linked(path: Path, position: int) -> str:
    return f"Linked {file_name(path.name)} to photo {position}."
