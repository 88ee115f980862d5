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
from dataclasses import dataclass

# A wire caption is a few hundred characters; past this it is not a caption.
MAX_CHARS = 8000
_TAIL_CHARS = 1000  # the credit sits at the very end, so keep the tail too

_TAG_RE = re.compile(r"<[^<>]{0,400}>")
_SPACE_RE = re.compile(r"\s+")
_BLANKS_RE = re.compile(r"[ \t\f\v\u00a0]+")
_LINE_BREAK_RE = re.compile(r"\s*\n\s*")
_AGENCY_RE = re.compile(r"\b(?:AP|Press|Reuters|REUTERS|AFP|Getty)\b")
_CREDIT_LIKE_RE = re.compile(r"[,/|©]|\b(?i:via)\b|^\S+(?:\s+\S+)?$|\bPhoto\b")
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


@dataclass(frozen=True)
class StripRule:
    """Text an agency or a page adds to a caption that is not the caption."""

    name: str
    pattern: re.Pattern[str]
    reason: str


STRIP_RULES: tuple[StripRule, ...] = (
    StripRule(
        "epa-number",
        re.compile(r"^\s*epa\d{5,}\s+", re.IGNORECASE),
        'EPA starts each caption with its picture number ("epa04567890 A man..."): an archive '
        "key, not words for the reader",
    ),
    StripRule(
        "virin",
        re.compile(r"^\s*\d{6}-[A-Z]-[A-Z0-9]{4,6}-\d{3}\s+"),
        'US military pictures start with their record number ("040621-N-6536T-062")',
    ),
    StripRule(
        "attention-editors",
        re.compile(r"\s*\bATTENTION\s+EDITORS?\b.*$", re.DOTALL),
        "Reuters' note to editors (third-party supply, usage limits) closes the caption",
    ),
    StripRule(
        "usage-notes",
        re.compile(
            r"\s*\b(?:EDITORIAL\s+USE\s+ONLY|NO\s+RESALES|NO\s+ARCHIVES|MANDATORY\s+CREDIT|"
            r"THIS\s+IMAGE\s+HAS\s+BEEN\s+SUPPLIED|THIS\s+PICTURE\s+WAS\s+PROVIDED|"
            r"NO\s+THIRD\s+PARTY\s+SALES|NOT\s+FOR\s+SALE|NO\s+MARKETING|HANDOUT\s+EDITORIAL)"
            r"\b[^a-z]*$",
            re.DOTALL,
        ),
        "usage restrictions in capitals at the end are instructions to editors",
    ),
    StripRule(
        "mandatory-credit",
        re.compile(r"\s*\bMandatory\s+credit:?\s*$", re.IGNORECASE),
        '"Mandatory credit" left without its supplier once the credit is read',
    ),
    StripRule(
        "search-notes",
        re.compile(r'\s*\b(?:SEARCH\s+"[^"]{1,80}"|TPX\s+IMAGES\s+OF\s+THE\s+DAY)[^a-z]*$'),
        'Reuters\' archive hints ("SEARCH "POY" FOR ALL IMAGES", "TPX IMAGES OF THE DAY")',
    ),
    StripRule(
        "editor-initials",
        re.compile(r"\s*\[\s*Editor:\s*[A-Z]{1,6}\s*\]\s*$"),
        'a web desk\'s initials ("[ Editor: WPY ]")',
    ),
    StripRule(
        "release-tag",
        re.compile(r"\s*\((?:RELEASED?|Released)\)\s*$"),
        'US military "(RELEASE)": cleared for publication, not caption text',
    ),
)


def strip_notes(text: str) -> str:
    """The caption without the agency's numbers and notes to editors."""
    for rule in STRIP_RULES:
        text = rule.pattern.sub("", text)
    return text.strip()


def split_credit_line(text: str) -> tuple[str, str | None]:
    """A credit that a page set on a line of its own after the caption.

    Newspapers print "NAME, Associated Press" or "NAME/AP" under the caption,
    often after a blank line and indented; the line is short and has no
    sentence in it.  Returns the caption and that line (or ``None``).
    """
    lines = [line.strip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) < 2:
        return text, None
    last = lines[-1]
    words = last.split()
    sentence_like = not 1 <= len(words) <= 8 or len(last) > 80 or last.endswith((".", "?", "!"))
    if sentence_like and not _AGENCY_RE.search(last):
        return text, None
    if not _CREDIT_LIKE_RE.search(last):
        return text, None
    return "\n".join(lines[:-1]), last


def clean(text: object) -> str:
    """Plain, single-spaced, bounded text from whatever the caller had."""
    return _SPACE_RE.sub(" ", clean_lines(text)).strip()


def clean_lines(text: object) -> str:
    """Like ``clean`` but keeps line breaks (a detached credit sits on its own line)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if not isinstance(text, str):
        return ""
    if len(text) > MAX_CHARS + _TAIL_CHARS:
        text = text[:MAX_CHARS] + " … " + text[-_TAIL_CHARS:]
    if "<" in text:
        text = _TAG_RE.sub(" ", text)
    text = unicodedata.normalize("NFC", html.unescape(text))
    if not text.isprintable():  # controls, surrogates, line breaks: character by character
        text = "".join(
            c if c.isprintable() or c.isspace() else " "
            for c in text
            if unicodedata.category(c) != "Cs"
        )
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = _BLANKS_RE.sub(" ", text)
    return _LINE_BREAK_RE.sub("\n", text.replace("\r", "\n")).strip()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, the final period included."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END_RE.finditer(text):
        end = match.end()
        before = text[max(start, match.start() - 16) : match.start()]  # linear, not O(n^2)
        if match.group(0) == "." and _is_abbreviation(before):
            continue
        if _inside_quotes(text, start, match.start()):
            continue  # “Gabrielle Chanel. Fashion Manifesto”: a title, not a sentence end
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _inside_quotes(text: str, start: int, end: int) -> bool:
    if end - start > 600:
        return False  # a runaway quote must not swallow the caption
    part = text[start:end]
    return part.count("“") > part.count("”")


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
