# SPDX-License-Identifier: GPL-3.0-or-later
"""Classify the lines of a plain-text article, once each, before it is read.

A line is blank, a gallery counter ``(01 of 11)``, an image marker, site
boilerplate, the article's URL, or text.  Boilerplate is the declarative table
``BOILERPLATE_RULES``: each rule says what it drops and why, so any dropped
line can be explained.  A line that is only an http(s) URL, bare or labelled
("Source:", "Canonical URL:", "Read more at"), names the article's URL; no
other scheme is ever taken.  ``article_text`` then reads the classified lines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from typing import Literal
from urllib.parse import urlsplit

#: Boilerplate lines are short; longer lines are never tested against the rules.
RULE_MAX_CHARS = 200


@dataclass(frozen=True)
class BoilerplateRule:
    """One kind of site furniture that is not article text.

    ``pattern`` must match the whole whitespace-normalised line.  ``action``:
    ``marker`` lines are dropped but tell where an image sat (lead image,
    gallery photo); ``drop`` lines are dropped alone; ``appeal`` opens a
    fund-raising box that is dropped up to and including the next line of a
    rule with ``ends_appeal`` (or to the end of the text).
    """

    name: str
    pattern: re.Pattern[str]
    action: Literal["marker", "drop", "appeal"]
    why: str
    ends_appeal: bool = False


def _rule(
    name: str,
    pattern: str,
    action: Literal["marker", "drop", "appeal"],
    why: str,
    *,
    flags: int = re.IGNORECASE,
    ends_appeal: bool = False,
) -> BoilerplateRule:
    return BoilerplateRule(name, re.compile(pattern, flags), action, why, ends_appeal)


BOILERPLATE_RULES: tuple[BoilerplateRule, ...] = (
    _rule("image marker", r"open image modal", "marker", "label of the photo-enlarging button"),
    _rule("lone bar", r"\|", "marker", "separator the page puts before the lead image"),
    _rule(
        "coverage appeal",
        r"(?:our\s+)?(?:\d{4}\s+)?coverage needs you[.!]?",
        "appeal",
        "fund-raising box under the article; it runs to its 'Support ...' button",
    ),
    _rule(
        "support button",
        # "us", "our journalism", "the Guardian" or a CamelCase brand ("HuffPost"),
        # so that a title such as "Support Rally" stays text.
        r"Support\s+(?:us|our\s+(?:journalism|work|newsroom)|the\s+[A-Z]\w*|[A-Z][a-z]*[A-Z]\w*)"
        r"\s*[.!]?",
        "drop",
        "a 'Support HuffPost' button, as under the appeal",
        flags=0,
        ends_appeal=True,
    ),
    _rule(
        "keep news free",
        r".{0,80}\bto keep (?:our|the) (?:news|journalism) free\b.{0,40}",
        "drop",
        "the appeal's 'to keep our news free' line",
    ),
    _rule(
        "advertisement",
        r"advertisement|(?:story|article) continues below(?: advertisement)?",
        "drop",
        "advertising placeholder",
    ),
)


class LineKind(Enum):
    BLANK = "blank"
    TEXT = "text"
    COUNTER = "counter"
    MARKER = "marker"
    DROP = "drop"
    URL = "url"


@dataclass(frozen=True, slots=True)
class Line:
    kind: LineKind
    text: str
    number: int = 0
    total: int = 0


_COUNTER = re.compile(r"\(\s*(\d{1,4})\s*of\s*(\d{1,4})\s*\)", re.IGNORECASE)
_CREDIT_TAIL = re.compile(r"\s*\(\s*credit\s*:\s*([^()]*?)\s*\)\s*$", re.IGNORECASE)
_URL_LINE = re.compile(
    r"(?:(?:source|canonical(?:\s+url)?|url|link|original(?:ly published at)?"
    r"|read (?:more|it) at)\s*:?\s*)?<?(\S+?)>?",
    re.IGNORECASE,
)
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
#: More than this share of control characters means binary data, not text.
_MAX_CONTROL_SHARE = 0.01


def normalise_space(text: str) -> str:
    """NFC, zero-width characters removed, whitespace runs as one space."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH).split())


def http_url(candidate: str) -> str | None:
    """``candidate`` as an http(s) URL with a host, else None (no other scheme)."""
    url = candidate.rstrip(".,;:!?)]}\"'")
    if len(url) > 2048 or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return None
    return url


def split_credit(caption: str) -> tuple[str, str | None]:
    """Split "text (credit:ASSOCIATED PRESS)" into the text and the credit."""
    match = _CREDIT_TAIL.search(caption)
    if match is None:
        return caption, None
    return caption[: match.start()].rstrip(), (match.group(1).strip() or None)


def not_article_reason(text: str) -> str | None:
    """Why ``text`` cannot be an article (empty, binary), or None if it may be."""
    if not text.strip():
        return "it is empty"
    controls = sum(1 for _ in _BINARY_CONTROL.finditer(text))
    if "\x00" in text or controls > _MAX_CONTROL_SHARE * len(text):
        return "it holds binary data"
    return None


def _match_rule(text: str) -> BoilerplateRule | None:
    if len(text) > RULE_MAX_CHARS:
        return None
    for rule in BOILERPLATE_RULES:
        if rule.pattern.fullmatch(text):
            return rule
    return None


def classify_lines(raw_lines: list[str]) -> list[Line]:
    """Give every line its kind, dropping the appeal box as a whole."""
    lines: list[Line] = []
    in_appeal = False
    for raw in raw_lines:
        text = normalise_space(raw)
        if not text:
            lines.append(Line(LineKind.BLANK, ""))
            continue
        counter = _COUNTER.fullmatch(text)
        if counter is not None:
            # A gallery never belongs to the appeal, so a counter closes it.
            in_appeal = False
            lines.append(Line(LineKind.COUNTER, text, int(counter[1]), int(counter[2])))
            continue
        rule = _match_rule(text)
        if in_appeal:
            lines.append(Line(LineKind.DROP, text))
            in_appeal = not (rule is not None and rule.ends_appeal)
        elif rule is not None:
            in_appeal = rule.action == "appeal"
            kind = LineKind.MARKER if rule.action == "marker" else LineKind.DROP
            lines.append(Line(kind, text))
        else:
            url = _URL_LINE.fullmatch(text) if len(text) <= 2100 else None
            if url is not None and http_url(url[1]) is not None:
                lines.append(Line(LineKind.URL, url[1]))
            else:
                lines.append(Line(LineKind.TEXT, text))
    return lines
