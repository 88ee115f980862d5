# SPDX-License-Identifier: GPL-3.0-or-later
"""Read a news article saved as plain text: headline, lead, body and gallery.

Data flow, each step one pass over the lines so the cost stays linear:

1. ``article_lines`` normalises and classifies every line once: blank, gallery
   counter ``(01 of 11)``, image marker, site boilerplate (the declarative
   ``BOILERPLATE_RULES``), article URL, or text;
2. one forward pass reads headline → lead (standfirst, lead image credit) →
   body paragraphs, and wherever a counter line appears, the gallery: a title
   line, then items of counter, marker and caption.

Odd layouts (a missing photo number, a gallery without title, no gallery at
all) become warnings; only text that is no article at all raises.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass

from gallery_app.core.article.lines import (
    Line,
    LineKind,
    classify_lines,
    http_url,
    not_article_reason,
    split_credit,
)
from gallery_app.core.errors import ArticleError
from gallery_app.core.models import Article

log = logging.getLogger(__name__)

#: A standfirst line is a short sentence or two; a longer line is body text.
STANDFIRST_MAX_CHARS = 240
#: The lead image credit ("Anadolu Agency via Getty Images") is a short line.
CREDIT_MAX_CHARS = 120
#: A gallery title ("Fighting In Iraq") is a short line without a full stop.
TITLE_MAX_CHARS = 100
#: Lines of one block are joined into one paragraph only when every line but
#: the last is at most this long, i.e. the text was hard-wrapped.
WRAP_MAX_CHARS = 100
#: More warnings than this say nothing new; the rest are counted.
MAX_WARNINGS = 20


class NotAnArticleError(ArticleError):
    """The text is not an article at all; ``reason`` is a lower-case clause."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"This text is not an article: {reason}.")
        self.reason = reason


@dataclass(frozen=True)
class ArticleItem:
    """One gallery photo as the article lists it (position counts from 1)."""

    position: int
    caption: str
    credit_line: str | None


@dataclass(frozen=True)
class ParsedArticle:
    """An article's text, its gallery items in order, and what looked odd."""

    article: Article
    items: tuple[ArticleItem, ...]
    warnings: tuple[str, ...]


def _join_block(block: list[str]) -> list[str]:
    """One paragraph for a hard-wrapped block, else one paragraph per line."""
    if len(block) > 1 and all(len(line) <= WRAP_MAX_CHARS for line in block[:-1]):
        return [" ".join(block)]
    return list(block)


def _looks_like_title(text: str) -> bool:
    return len(text) <= TITLE_MAX_CHARS and not text.endswith((".", ",", ";"))


class _Reader:
    """One forward pass over classified lines; see the module docstring."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.warnings: list[str] = []
        self.paragraphs: list[str] = []
        self.items: list[ArticleItem] = []
        self.counters: list[tuple[int, int]] = []
        self.gallery_title: str | None = None
        self.gallery_index: int | None = None
        # next_content[i]: first line at or after i that is not blank.
        n = len(lines)
        self.next_content = [n] * (n + 1)
        for i in range(n - 1, -1, -1):
            blank = lines[i].kind is LineKind.BLANK
            self.next_content[i] = self.next_content[i + 1] if blank else i

    def _kind_at(self, i: int) -> LineKind | None:
        return self.lines[i].kind if i < len(self.lines) else None

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def read_headline(self) -> tuple[str, int]:
        for i, line in enumerate(self.lines):
            if line.kind is LineKind.TEXT:
                return line.text, i + 1
            if line.kind is LineKind.COUNTER:
                break
        return "", 0

    def read_lead(self, i: int) -> tuple[str, str | None, int]:
        """Standfirst and lead image credit after the headline; returns the body start."""
        stand: list[str] = []
        j = i
        while j < len(self.lines):
            line = self.lines[j]
            if line.kind is LineKind.MARKER:
                return self._read_lead_image(" ".join(stand), j)
            if line.kind is LineKind.COUNTER or (
                line.kind is LineKind.TEXT
                and (len(line.text) > STANDFIRST_MAX_CHARS or len(stand) >= 3)
            ):
                break
            if line.kind is LineKind.TEXT:
                if self._kind_at(self.next_content[j + 1]) is LineKind.COUNTER:
                    break  # that line is the gallery title
                stand.append(line.text)
            j += 1
        # No lead image: a single short line, set apart by a blank line and
        # shorter than the paragraph after it (a standfirst sums up), is the standfirst.
        first = self.next_content[i]
        if first < len(self.lines) and self.lines[first].kind is LineKind.TEXT:
            after = self.next_content[first + 1]
            text = self.lines[first].text
            if (
                len(text) <= STANDFIRST_MAX_CHARS
                and after > first + 1
                and self._kind_at(after) is LineKind.TEXT
                and len(text) < len(self.lines[after].text)
            ):
                return text, None, first + 1
        return "", None, i

    def _read_lead_image(self, standfirst: str, j: int) -> tuple[str, str | None, int]:
        while j < len(self.lines) and self.lines[j].kind is LineKind.MARKER:
            j += 1
        if j < len(self.lines) and self.lines[j].kind is LineKind.TEXT:
            text = self.lines[j].text
            # A lead photo caption "... (credit:X)" is no body text either.
            credit = split_credit(text)[1]
            if credit is not None:
                return standfirst, credit, j + 1
            if len(text) <= CREDIT_MAX_CHARS and self._kind_at(j + 1) is not LineKind.TEXT:
                return standfirst, text, j + 1
        return standfirst, None, j

    def read_body(self, i: int) -> None:
        block: list[str] = []

        def flush() -> None:
            self.paragraphs.extend(_join_block(block))
            block.clear()

        n = len(self.lines)
        while i < n:
            line = self.lines[i]
            if line.kind is LineKind.TEXT:
                after = self.next_content[i + 1]
                if self._kind_at(after) is LineKind.COUNTER and _looks_like_title(line.text):
                    flush()
                    i = self.read_gallery(after, line.text)
                    continue
                follows_marker = i > 0 and self.lines[i - 1].kind is LineKind.MARKER
                if follows_marker and not block and len(line.text) <= CREDIT_MAX_CHARS:
                    log.debug("dropped an inline image credit: %r", line.text)
                else:
                    block.append(line.text)
            elif line.kind is LineKind.COUNTER:
                flush()
                i = self.read_gallery(i, None)
                continue
            else:
                flush()
            i += 1
        flush()

    def read_gallery(self, i: int, title: str | None) -> int:
        """Read counter items from line ``i``; return the first line after the gallery."""
        if self.gallery_index is None:
            self.gallery_index = len(self.paragraphs)
            self.gallery_title = title
            if title is None:
                self.warn("The gallery has no title line before its first photo.")
        else:
            named = f" '{title}'" if title else ""
            self.warn(
                f"A second gallery{named} after paragraph {len(self.paragraphs)} "
                "was joined to the first."
            )
        n = len(self.lines)
        while i < n and self.lines[i].kind is LineKind.COUNTER:
            counter = self.lines[i]
            self.counters.append((counter.number, counter.total))
            i += 1
            while i < n and self.lines[i].kind in (LineKind.BLANK, LineKind.MARKER):
                i += 1
            caption_lines: list[str] = []
            while i < n and self.lines[i].kind is LineKind.TEXT:
                caption_lines.append(self.lines[i].text)
                i += 1
            position = len(self.items) + 1
            caption, credit = split_credit(" ".join(caption_lines))
            if not caption:
                self.warn(f"Photo {position} ({counter.text}) has no caption.")
            self.items.append(ArticleItem(position, caption, credit))
            k = i
            while k < n and self.lines[k].kind in (LineKind.BLANK, LineKind.MARKER):
                k += 1
            if k < n and self.lines[k].kind is LineKind.COUNTER:
                i = k
        return i

    def check_counters(self) -> None:
        """Warn when the "(n of N)" counters disagree with the items found."""
        if not self.counters:
            return
        totals = Counter(total for _, total in self.counters)
        if len(totals) > 1:
            listed = ", ".join(str(t) for t in sorted(totals))
            self.warn(f"The gallery's counters disagree on the number of photos ({listed}).")
        declared = totals.most_common(1)[0][0]
        if declared != len(self.items):
            self.warn(f"The gallery says it has {declared} photos but holds {len(self.items)}.")
        numbers = Counter(number for number, _ in self.counters)
        missing = [k for k in range(1, declared + 1) if k not in numbers][:10]
        if missing:
            self.warn(f"Photo number(s) {_listing(missing)} are missing from the gallery.")
        repeated = sorted(k for k, count in numbers.items() if count > 1)[:10]
        if repeated:
            self.warn(f"Photo number(s) {_listing(repeated)} appear more than once.")
        stray = sorted(k for k in numbers if not 1 <= k <= declared)[:10]
        if stray:
            self.warn(f"Photo number(s) {_listing(stray)} lie outside 1 to {declared}.")


def _listing(numbers: list[int]) -> str:
    return ", ".join(str(k) for k in numbers)


def _find_url(lines: list[Line]) -> tuple[str | None, list[str]]:
    urls = list(dict.fromkeys(line.text for line in lines if line.kind is LineKind.URL))
    if not urls:
        return None, []
    warnings = []
    if len(urls) > 1:
        warnings.append(f"The text names {len(urls)} different URLs; the first is used.")
    return http_url(urls[0]), warnings


def parse_article(text: str) -> ParsedArticle:
    """Split a plain-text article into its parts; see the module docstring.

    Raises ``NotAnArticleError`` (an ``ArticleError``) for empty or binary text
    and for text that holds nothing but site boilerplate.
    """
    reason = not_article_reason(text)
    if reason is not None:
        raise NotAnArticleError(reason)
    lines = classify_lines(text.splitlines())
    if not any(line.kind in (LineKind.TEXT, LineKind.COUNTER) for line in lines):
        raise NotAnArticleError("it holds nothing but site boilerplate")
    reader = _Reader(lines)
    headline, i = reader.read_headline()
    standfirst, lead_credit, i = reader.read_lead(i) if headline else ("", None, 0)
    reader.read_body(i)
    reader.check_counters()
    url, url_warnings = _find_url(lines)
    if reader.gallery_index is None:
        reader.warn("The article has no photo gallery (no '(1 of N)' counters).")
    if not headline:
        headline = reader.gallery_title or "Untitled article"
        reader.warn("The text starts with the gallery, so it has no headline.")
    if not reader.paragraphs:
        reader.warn("The article has no body paragraphs.")
    warnings = [*url_warnings, *reader.warnings]
    if len(warnings) > MAX_WARNINGS:
        extra = len(warnings) - MAX_WARNINGS + 1
        warnings = [*warnings[: MAX_WARNINGS - 1], f"... and {extra} more warnings."]
    article = Article(
        headline=headline,
        standfirst=standfirst,
        lead_credit=lead_credit,
        paragraphs=tuple(reader.paragraphs),
        url=url,
        gallery_title=reader.gallery_title,
        gallery_index=reader.gallery_index,
    )
    return ParsedArticle(article, tuple(reader.items), tuple(warnings))
