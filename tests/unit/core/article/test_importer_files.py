# SPDX-License-Identifier: GPL-3.0-or-later
"""Article import from files, hostile and huge input, and the seed article end to end."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gallery_app.core.article import importer as article_module
from gallery_app.core.article.importer import (
    ArticleItem,
    import_article,
    parse_article,
    read_article_file,
)
from gallery_app.core.errors import ArticleError
from tests.unit.core.article.article_texts import (
    NO_GALLERY,
    SEED,
    TRIMMED,
)
from tests.unit.core.article.article_texts import gallery_text as _gallery
from tests.unit.core.article.article_texts import item_text as _item
from tests.unit.core.article.article_texts import no_fields as _no_fields

# --- files ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-8", b""),
    ],
)
def test_read_file_in_unicode_encodings(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(bom + TRIMMED.encode(encoding))
    gallery = read_article_file(path)
    assert gallery.article is not None
    assert gallery.article.headline.startswith("Iraqi FM Wants")
    assert "Russia’s" in gallery.article.headline
    assert len(gallery.entries) == 3
    assert gallery.source == path and gallery.id == "story"
    assert not any("encod" in w or "read as" in w for w in gallery.warnings)


def test_read_file_in_windows_1252_warns(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(NO_GALLERY.replace("debate", "débat’s").encode("cp1252"))
    gallery = read_article_file(path)
    assert gallery.article is not None and "débat’s" in gallery.article.standfirst
    assert any("Windows-1252" in w for w in gallery.warnings)


def test_read_file_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(NO_GALLERY.encode("utf-16-le"))
    gallery = read_article_file(path)
    assert gallery.title == "Council Approves New Bridge"


def test_binary_file_is_refused_with_its_name(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "photo.txt"
    Image.new("RGB", (32, 32), "red").save(path, format="PNG")
    with pytest.raises(ArticleError, match=r"photo\.txt is not an article: it holds binary data"):
        read_article_file(path)


def test_too_large_file_is_refused_with_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(article_module, "MAX_ARTICLE_BYTES", 1024)
    path = tmp_path / "huge.txt"
    path.write_text(NO_GALLERY * 100, encoding="utf-8")
    with pytest.raises(ArticleError, match=r"huge\.txt is larger than"):
        read_article_file(path)


@pytest.mark.parametrize("name", ["missing.txt", "."])
def test_unreadable_path_gives_a_sentence(tmp_path: Path, name: str) -> None:
    with pytest.raises(ArticleError, match="Cannot read the article file"):
        read_article_file(tmp_path / name)


# --- robustness -------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=list("ab (1of2)|\n\x00:/Open Image Modal")) | st.text())
def test_any_text_gives_an_article_or_one_sentence(text: str) -> None:
    try:
        parsed = parse_article(text)
    except ArticleError as error:
        assert str(error).endswith(".") and "\n" not in str(error)
    else:
        assert parsed.article.headline
        assert all(isinstance(item, ArticleItem) for item in parsed.items)


def test_large_and_hostile_input_stays_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    # ~7 MB: 20,000 paragraphs, 300 captions of 30,000 characters full of
    # parentheses and slashes, and a 1 MB line; quadratic work would take hours.
    monkeypatch.setattr(article_module, "parse_caption", _no_fields)
    caption = "Iraqi forces in Tikrit (" + "/" * 20_000 + " " + "x(" * 5_000
    items = "\n".join(_item(f"({k} of 300)", f"{caption} {k}") for k in range(1, 301))
    body = "\n\n".join(f"Paragraph {k} about Iraqi forces and Tikrit." for k in range(20_000))
    text = _gallery(items, before=body, after="x" * 1_000_000)
    start = time.thread_time()  # CPU, so a busy machine cannot fail it
    gallery = import_article(text)
    assert time.thread_time() - start < 30
    assert len(gallery.entries) == 300
    assert gallery.entries[0].credit == "AP"


# --- the seed article, when the shared seeds are present ---------------------


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not present")
def test_seed_article_end_to_end() -> None:
    pytest.importorskip("gallery_app.core.captions.parse")
    gallery = read_article_file(SEED)
    assert gallery.title == "Fighting In Iraq"
    assert gallery.article is not None
    assert gallery.article.lead_credit == "Anadolu Agency via Getty Images"
    assert gallery.article.gallery_index == len(gallery.article.paragraphs) == 12
    assert gallery.article.url is None
    entries = gallery.entries
    assert [e.id for e in entries] == [f"{k:02d}" for k in range(1, 12)]
    days = [e.taken.value.date() for e in entries if e.taken is not None]
    assert len(days) == 11
    assert min(days) == dt.date(2015, 3, 30) and max(days) == dt.date(2015, 4, 3)
    assert {e.creator for e in entries} == {"Khalid Mohammed"}
    assert [e.file_photo for e in entries] == [True] * 8 + [False] * 3
    assert all(e.credit for e in entries)
