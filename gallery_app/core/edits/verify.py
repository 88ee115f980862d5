# SPDX-License-Identifier: GPL-3.0-or-later
"""Read a written photo back before it replaces the original.

The new file must say the new values (read by the project's own reader, the
one every view uses) and hold the same image: the entropy-coded data of a JPEG
byte for byte, the decoded pixels of any other format.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from gallery_app.core.edits.fields import FIELDS, EditError
from gallery_app.core.metadata.reader import read_metadata
from gallery_app.core.models import Entry

# fields the reader gives back as whole text values, by the reader's own names
_READ_BACK = {
    "caption": "caption",
    "headline": "title",
    "creator": "creator",
    "credit": "credit",
    "copyright": "copyright",
}


def jpeg_scan(data: bytes) -> bytes:
    """Everything from a JPEG's first start-of-scan marker on (the image data)."""
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        if data[pos + 1] == 0xDA:
            return data[pos:]
        pos += 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
    return data[pos:]


def same_image(original: Path, written: Path) -> bool:
    if original.suffix.lower() in {".jpg", ".jpeg", ".jpe"}:
        return jpeg_scan(original.read_bytes()) == jpeg_scan(written.read_bytes())
    with Image.open(original) as a, Image.open(written) as b:
        return a.size == b.size and a.mode == b.mode and a.tobytes() == b.tobytes()


def check_written(original: Path, written: Path, entry: Entry, fields: set[str]) -> None:
    """Raise EditError unless ``written`` says the new values and has the same image."""
    if not same_image(original, written):
        raise EditError(f"{original.name}: writing changed the image data, so it was not kept.")
    meta = read_metadata(written)
    for name in fields & set(_READ_BACK):
        expected = FIELDS[name].get(entry)
        got = getattr(meta, _READ_BACK[name])
        if expected is not None and got != expected:
            raise EditError(
                f"{original.name}: the {FIELDS[name].label.lower()} read back differs from "
                "what was written, so the file was left as it was."
            )
    date_differs = meta.taken is None or meta.taken.day != entry.taken.day if entry.taken else False
    if "date" in fields and date_differs:
        raise EditError(
            f"{original.name}: the date read back differs from what was written, "
            "so the file was left as it was."
        )
