# SPDX-License-Identifier: GPL-3.0-or-later
"""Text plumbing shared by the caption parsers: cleaning and sentence ends.

Captions arrive from HTML pages, IPTC fields and manifests, so they may hold
markup, control characters or megabytes of junk.  ``clean`` makes them plain
and bounded before any pattern runs; ``sentence_spans`` splits where a reader
would, not at every abbreviation ("Oct.", "Calif.", "Sen.", "U.S.").
"""

from __future__ import annotations

import html
import re
import unicodedata

# A wire caption is a few hundred characters; past this it is not a caption.
MAX_CHARS = 8000
_TAIL_CHARS = 1000  # the credit sits at the very end, so keep the tail too

_TAG_RE = re.compile(r"<[^<>]{0,400}>")
_SPACE_RE = re.compile(r"\s+")
_END_RE = re.compile(r"[.!?](?=[\"”’')]?\s+[\"“(]?[A-Z0-9])")
_WORD_BEFORE_RE = re.compile(r"(\S{1,12})$")

# Words that end with a period without ending the sentence.
_ABBREVIATION_WORDS = """
    jan feb mar apr aug sept sep oct nov dec mon tue tues wed thu thur thurs fri sat sun
    mr mrs ms dr sen rep gov gen lt col sgt capt maj cmdr adm pvt cpl rev st sr jr prof pres
    no vs mt ft ave blvd rd co corp inc ltd dept est approx
    ala ariz ark calif cal colo conn del fla ga ill ind kan kans ky la md mass mich minn miss
    mo mont neb nebr nev okla ore pa penn tenn tex vt va wash wis wisc wyo"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())


def clean(text: object) -> str:
    """Plain, single-spaced, bounded text from whatever the caller had."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if not isinstance(text, str):
        return ""
    if len(text) > MAX_CHARS + _TAIL_CHARS:
        text = text[:MAX_CHARS] + " … " + text[-_TAIL_CHARS:]
    text = _TAG_RE.sub(" ", text)
    text = html.unescape(text)
    text = "".join(
        c if c.isprintable() or c.isspace() else " "
        for c in unicodedata.normalize("NFC", text)
        if unicodedata.category(c) != "Cs"
    )
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return _SPACE_RE.sub(" ", text).strip()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, the final period included."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END_RE.finditer(text):
        end = match.end()
        if match.group(0) == "." and _is_abbreviation(text[start : match.start()]):
            continue
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _is_abbreviation(before: str) -> bool:
    word_match = _WORD_BEFORE_RE.search(before)
    if word_match is None:
        return False
    word = word_match.group(1).lstrip("(\"'“")
    if len(word) == 1 and word.isupper():
        return True  # an initial: "George W. Bush"
    if "." in word:
        return True  # "U.S", "N.Y", "D.C"
    return word.lower() in _ABBREVIATIONS
