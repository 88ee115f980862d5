# SPDX-License-Identifier: GPL-3.0-or-later
"""Text that sits in a caption field but is no caption, each rule with its reason.

Cameras, phones and editors fill ImageDescription and friends by themselves:
"OLYMPUS DIGITAL CAMERA", "Created with GIMP", the literal "x-default" of a
broken XMP writer.  Shown as a caption, such text hides the file name and
misleads a reader.  ``junk_reason`` says why a value is not a caption, or
None; the precedence table then moves on to the next source.  The raw value
is not thrown away: the file details list every tag as it was read.

The declared list holds exact texts (compared without case or spacing); the
shape rules catch families of them.  Add to either with a reason.
``is_placeholder`` is the narrower test for every other text field (title,
creator, credit, copyright): only what no field can mean — the "x-default"
key, bare punctuation.
"""

from __future__ import annotations

import functools
import re

from gallery_app.core import textdecode

# Exact texts (upper-cased, spaces folded) -> why they are not a caption.
DECLARED: dict[str, str] = {
    "X-DEFAULT": "the language tag of an XMP text, written as its value by a broken XMP writer",
    "EXIF JPEG": "a default description some cameras write",
    "EXIF_JPEG_PICTURE": "a default description some cameras write",
    "GCM_TAG": "a placeholder a camera's firmware writes",
    "CREATED WITH GIMP": "the GIMP image editor's default comment",
    "IMAGE": "a generic word, not a description",
    "PICTURE": "a generic word, not a description",
    "PHOTO": "a generic word, not a description",
    "UNTITLED": "a generic word, not a description",
    "NO TITLE": "a generic word, not a description",
    "DIGITAL CAMERA": "a camera's default description",
    "KODAK DIGITAL STILL CAMERA IMAGE": "a camera's default description",
    "HDR": "a phone's processing note",
    "MM": "the byte order mark of an EXIF block, read through a damaged tag offset",
    "II": "the byte order mark of an EXIF block, read through a damaged tag offset",
}

# (pattern on the upper-cased text, reason); the first that matches gives the reason.
SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^<[^<>]{1,80}>$"), "a model name in angle brackets, written by camera firmware"),
    (
        re.compile(r"^(?=[^ ]*\d)[A-Z][A-Z0-9._-]{1,20} IMAGE$"),
        "a camera's model name followed by 'Image'",
    ),
    (
        re.compile(r"^(CREATED|MADE|EDITED|PROCESSED) WITH [A-Z0-9 .()-]{1,30}$"),
        "a note of the software that saved the file",
    ),
    (
        re.compile(r"^R:? ?\d{1,3}[ ,;]+G:? ?\d{1,3}[ ,;]+B:? ?\d{1,3}\b"),
        "pixel statistics written by a scanner or converter",
    ),
    (
        re.compile(
            r"^(?:(?:\(C\)|©)\s*(?:\d{4}\s+)?|COPYRIGHT\s*(?:\(C\)|©)?\s*\d{4}\s+)[^.!?]{1,60}?"
            r"(?:\s+(?:CREATED|MADE|EDITED|PROCESSED) WITH [A-Z0-9 .()-]{1,30})?$"
        ),
        "a copyright notice (and the editor's note), not a description",
    ),
    (re.compile(r"^[0-9A-F]{32,128}$"), "a hash or identifier, not words"),
    (re.compile(r"^[\W_]+$"), "punctuation only"),
    (re.compile(r"^0[0\W_]*$"), "zeros only: an empty field a writer filled with '0'"),
)


@functools.lru_cache(maxsize=4096)  # a folder repeats its camera's texts file after file
def junk_reason(text: str) -> str | None:
    """Why ``text`` is not a caption, or None when it may well be one."""
    norm = " ".join(text.upper().split())
    if not norm:
        return "empty"
    if norm in DECLARED:
        return DECLARED[norm]
    for pattern, reason in SHAPES:
        if pattern.match(norm):
            return reason
    if textdecode.is_boilerplate(text):
        return "a camera's default text (its name, folder or file counter)"
    return None


def is_junk(text: str) -> bool:
    return junk_reason(text) is not None


_PUNCTUATION_ONLY = re.compile(r"[\W_]*")


@functools.lru_cache(maxsize=4096)  # the same credit and copyright in every file
def is_placeholder(text: str) -> bool:
    """Text no field can mean: a broken XMP writer's "x-default", or punctuation only."""
    norm = " ".join(text.upper().split())
    return norm == "X-DEFAULT" or _PUNCTUATION_ONLY.fullmatch(norm) is not None
