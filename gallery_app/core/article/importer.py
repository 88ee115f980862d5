# SPDX-License-Identifier: GPL-3.0-or-later
"""Import a news article saved as plain text: the article and its gallery.

Flow: ``read_article_file`` decodes the bytes defensively → ``parse_article``
(``article_text``, with the line rules of ``article_lines``) splits headline,
standfirst, lead credit, paragraphs and gallery items → ``import_article``
makes one ``Entry`` per item, with the date, place and credit that
``captions.parse_caption`` reads from the caption, and a ``ContextLink`` to
the paragraphs the caption speaks about (``article_links``).

Every failure is an ``ArticleError`` whose text is one sentence; odd but
usable input becomes warnings on the gallery or the entry.
"""

from __future__ import annotations

import codecs
import logging
from dataclasses import replace
from pathlib import Path

from gallery_app.core.article.links import ParagraphIndex, relate
from gallery_app.core.article.text import (
    ArticleItem,
    NotAnArticleError,
    ParsedArticle,
    parse_article,
)
from gallery_app.core.captions.parse import parse_caption
from gallery_app.core.errors import ArticleError
from gallery_app.core.models import Article, ContextLink, Entry, Gallery

__all__ = [
    "MAX_ARTICLE_BYTES",
    "ArticleItem",
    "ParsedArticle",
    "decode_article_bytes",
    "import_article",
    "parse_article",
    "read_article_file",
    "relate",
]

log = logging.getLogger(__name__)

#: A saved article is a few hundred KB at most; anything far larger is not one.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024

# Longest BOM first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def _bomless_utf16(data: bytes) -> str | None:
    """The codec of UTF-16 text without a BOM, judged by its zero bytes, else None.

    Latin-script UTF-16 has a zero in nearly every other byte; binary data
    with zeros (images, archives) does not show that pattern.
    """
    half = len(data) // 2
    if half < 4:
        return None
    even_zeros, odd_zeros = data[0::2].count(0), data[1::2].count(0)
    if odd_zeros >= 0.9 * half and even_zeros <= 0.02 * half:
        return "utf-16-le"
    if even_zeros >= 0.9 * half and odd_zeros <= 0.02 * half:
        return "utf-16-be"
    return None


def decode_article_bytes(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Text of a saved article and warnings about its encoding.

    Order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; else UTF-8 if
    the bytes are valid UTF-8; else UTF-16 recognised by its zero bytes; else
    Windows-1252, the usual encoding of old Western text files, with Latin-1
    (which decodes any byte) last.  Raises ``NotAnArticleError`` for bytes
    with zeros that are no UTF-16, i.e. binary data.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return body.decode(codec), ()
            except UnicodeDecodeError:
                text = body.decode(codec, errors="replace")
                return text, (f"The {label} text has bytes that are not {label}; they show as �.",)
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), ()
        except UnicodeDecodeError:
            pass
        try:
            text = data.decode("cp1252")
            return text, ("The text is not UTF-8; it was read as Windows-1252.",)
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            return text, ("The text is not UTF-8; it was read as Latin-1.",)
    utf16 = _bomless_utf16(data)
    if utf16 is None:
        raise NotAnArticleError("it holds binary data")
    text = data[: len(data) // 2 * 2].decode(utf16, errors="replace")
    return text, ("The text is UTF-16 without a byte-order mark; it was read as such.",)


def read_article_file(path: Path) -> Gallery:
    """Import the article saved at ``path``; ``ArticleError`` names the file."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ArticleError(f"Cannot read the article file {path}: {reason}.") from error
    if len(data) > MAX_ARTICLE_BYTES:
        limit = MAX_ARTICLE_BYTES // (1024 * 1024)
        raise ArticleError(f"{path} is larger than {limit} MB, too large to be an article.")
    try:
        text, decode_warnings = decode_article_bytes(data)
        parsed = parse_article(text)
    except NotAnArticleError as error:
        raise ArticleError(f"{path} is not an article: {error.reason}.") from error
    return _build_gallery(parsed, gallery_id=path.stem, source=path, warnings=decode_warnings)


def import_article(text: str, *, gallery_id: str = "") -> Gallery:
    """A gallery from an article's text: one entry per gallery photo.

    An article without a gallery still imports, with no entries and a warning.
    """
    return _build_gallery(parse_article(text), gallery_id=gallery_id, source=None, warnings=())


def _build_gallery(
    parsed: ParsedArticle,
    *,
    gallery_id: str,
    source: Path | None,
    warnings: tuple[str, ...],
) -> Gallery:
    article = parsed.article
    all_warnings = [*warnings, *parsed.warnings]
    index = ParagraphIndex(article.paragraphs)
    width = len(str(len(parsed.items)))
    entries = tuple(_entry(item, article, index, width) for item in parsed.items)
    return Gallery(
        title=article.gallery_title or article.headline,
        entries=entries,
        article=article,
        id=gallery_id,
        source=source,
        warnings=tuple(all_warnings),
    )


def _entry(
    item: ArticleItem,
    article: Article,
    index: ParagraphIndex,
    width: int,
) -> Entry:
    paragraphs, reason = index.relate(item.caption)
    if not paragraphs:
        reason = f"{reason}, so {_position_context(article.gallery_index)}"
    entry = Entry(
        id=f"{item.position:0{width}d}",
        position=item.position,
        caption=item.caption,
        credit=item.credit_line,
        context=ContextLink(article.gallery_index, paragraphs, reason),
    )
    if not item.caption:
        return entry
    try:
        fields = parse_caption(item.caption)
    except Exception:  # a caption must never cost the whole import
        log.exception("caption reader failed on photo %d", item.position)
        return replace(entry, warnings=("The caption could not be read for date and place.",))
    parsed_entry: Entry = replace(
        entry,
        taken=fields.taken,
        location=fields.location,
        creator=fields.creator,
        credit=item.credit_line or fields.credit,
        file_photo=bool(fields.file_photo),
        warnings=tuple(fields.warnings),
    )
    return parsed_entry


def _position_context(gallery_index: int | None) -> str:
    if not gallery_index:
        return "the gallery illustrates the article as a whole (it opens the article)"
    return f"the gallery illustrates the article as a whole (it follows paragraph {gallery_index})"
