# SPDX-License-Identifier: GPL-3.0-or-later
"""A short headline for a timeline card, taken from the caption.

The card already shows the date, the place and the credit, so the headline
drops them from the caption: the credit in parentheses, the "In this Monday,
March 30, 2015 file photo," frame, a trailing date, and everything after the
first comma (AP's dateline: "in Tikrit, 80 miles north of Baghdad, Iraq").
"""

from __future__ import annotations

import re

from gallery_app.core.captions.dates import FULL_DATE_RE
from gallery_app.core.models import Entry

_PAREN = re.compile(r"\([^()]*\)")
_FILE_FRAME = re.compile(
    r"^\s*(?:in\s+)?this\s+[^,]{0,60}?(?:,[^,]{0,40}?){0,2}\bfile\s+(?:photo|image|picture)"
    r"(?:\s+shows)?,?\s*",
    re.IGNORECASE,
)
MAX_CHARS = 110
_MIN_FIRST_CLAUSE = 24


def headline(entry: Entry, max_chars: int = MAX_CHARS) -> str:
    """The entry's title, else the gist of its caption, else its file name."""
    if entry.title and entry.title.strip():
        return _cut(entry.title.strip(), max_chars)
    text = _FILE_FRAME.sub("", _PAREN.sub(" ", entry.caption))
    text = FULL_DATE_RE.sub("", text)
    text = " ".join(text.split()).strip(" ,.;:")
    comma = text.find(",", _MIN_FIRST_CLAUSE)
    if comma > 0:
        text = text[:comma]
    text = text.strip(" ,.;:")
    if not text:
        return entry.image.name if entry.image is not None else f"Photo {entry.position}"
    return _cut(text[:1].upper() + text[1:], max_chars)


def _cut(text: str, max_chars: int) -> str:
    if len(text) <= max_chars:
        return text
    return text[: max_chars - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
