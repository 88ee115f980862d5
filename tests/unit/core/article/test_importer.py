# SPDX-License-Identifier: GPL-3.0-or-later
"""Article import: what a reader of the imported article and gallery would notice."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from gallery_app.core.article import importer as article_module
from gallery_app.core.article.importer import (
    import_article,
    parse_article,
    relate,
)
from gallery_app.core.article.lines import BOILERPLATE_RULES
from gallery_app.core.errors import ArticleError
from tests.unit.core.article.article_texts import (
    NO_GALLERY,
    TRIMMED,
)
from tests.unit.core.article.article_texts import gallery_text as _gallery
from tests.unit.core.article.article_texts import item_text as _item
from tests.unit.core.article.article_texts import no_fields as _no_fields

# --- the article text -------------------------------------------------------


def test_headline_standfirst_and_lead_credit_are_split_from_the_body() -> None:
    article = parse_article(TRIMMED).article
    assert article.headline.startswith("Iraqi FM Wants More Airstrikes")
    assert article.standfirst == (
        "He says Iraq and the coalition are winning the war against ISIS and should ramp it up."
    )
    assert article.lead_credit == "Anadolu Agency via Getty Images"
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0].startswith("Iraqi Foreign Minister Ibrahim al-Jaafari")
    assert all("Getty" not in p for p in article.paragraphs)


def test_paragraphs_are_whitespace_normalised_and_in_order() -> None:
    paragraphs = parse_article(TRIMMED).article.paragraphs
    assert paragraphs[1] == (
        '"The Iraqi military has been winning," he said. "The Iraqi military and '
        'international coalition played a decisive role."'
    )
    assert paragraphs[3].startswith("Touching on the refugees")


def test_site_boilerplate_is_not_article_text() -> None:
    parsed = parse_article(TRIMMED)
    text = "\n".join(parsed.article.paragraphs)
    for junk in ("Open Image Modal", "Coverage Needs You", "Support HuffPost", "news free"):
        assert junk not in text
    assert "As Americans head to the polls" not in text
    assert "|" not in parsed.article.paragraphs
    assert all(item.caption and "Open Image Modal" not in item.caption for item in parsed.items)


def test_boilerplate_rules_are_declared_with_a_reason() -> None:
    assert {rule.name for rule in BOILERPLATE_RULES} >= {"image marker", "support button"}
    assert all(
        rule.why and rule.action in {"marker", "drop", "appeal"} for rule in BOILERPLATE_RULES
    )


def test_lead_photo_caption_gives_its_credit_and_is_not_body_text() -> None:
    text = (
        "Headline\n\nA short standfirst.\n|\nOpen Image Modal\n"
        "Protesters march in Cairo on Friday. (credit:Reuters)\n\nThe body of the story.\n"
    )
    article = parse_article(text).article
    assert article.lead_credit == "Reuters"
    assert article.paragraphs == ("The body of the story.",)


def test_support_lines_are_dropped_but_a_title_that_starts_with_support_is_kept() -> None:
    text = _gallery(_item("(1 of 1)", "A rally."), after="Support HuffPost\n\nSupport us.")
    text = text.replace("The Gallery", "Support Rally")
    parsed = parse_article(text)
    assert parsed.article.gallery_title == "Support Rally"
    assert parsed.article.paragraphs == ("First paragraph here.",)


def test_windows_line_endings_and_hard_wrapped_paragraphs() -> None:
    text = (
        "Headline\r\n\r\nA paragraph that was wrapped\r\nat a fixed width by the\r\n"
        "program that saved it.\r\n\r\nSecond paragraph.\r\n"
    )
    article = parse_article(text).article
    assert "A paragraph that was wrapped at a fixed width by the program that saved it." in (
        (*article.paragraphs, article.standfirst)
    )
    assert article.paragraphs[-1] == "Second paragraph."


def test_article_url_is_taken_only_from_http_links() -> None:
    base = "Headline\n\nBody text of the story.\n\nMore body text.\n"
    assert parse_article(base).article.url is None
    assert parse_article(TRIMMED).article.url is None
    with_source = base + "\nSource: https://www.example.com/entry/iraq-fm_n_1\n"
    parsed = parse_article(with_source)
    assert parsed.article.url == "https://www.example.com/entry/iraq-fm_n_1"
    assert all("example.com" not in p for p in parsed.article.paragraphs)
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "ftp://example.com/a", "https://"):
        assert parse_article(base + f"\nSource: {bad}\n").article.url is None


# --- the gallery block ------------------------------------------------------


def test_gallery_title_index_and_items() -> None:
    parsed = parse_article(TRIMMED)
    assert parsed.article.gallery_title == "Fighting In Iraq"
    assert parsed.article.gallery_index == 4
    assert [item.position for item in parsed.items] == [1, 2, 3]
    first = parsed.items[0]
    assert first.credit_line == "ASSOCIATED PRESS"
    assert first.caption.endswith("(AP Photo/Khalid Mohammed, File)")
    assert "credit:" not in first.caption
    assert parsed.warnings == ()


def test_gallery_in_the_middle_counts_only_the_paragraphs_before_it() -> None:
    text = _gallery(
        "\n".join(_item(f"({k} of 2)", f"Caption {k}.") for k in (1, 2)),
        before="One.\n\nTwo.",
        after="Three, after the gallery.",
    )
    article = parse_article(text).article
    assert article.gallery_index == 2
    assert article.paragraphs[-1] == "Three, after the gallery."
    assert "The Gallery" not in article.paragraphs


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["(1 of 3)", "(2 of 3)"], "says it has 3 photos but holds 2"),
        (["(1 of 3)", "(3 of 3)"], "3 photos but holds 2"),
        (["(1 of 3)", "(2 of 3)", "(4 of 3)"], "outside 1 to 3"),
        (["(1 of 2)", "(1 of 2)"], "more than once"),
        (["(1 of 2)", "(2 of 3)"], "disagree"),
    ],
)
def test_counter_mismatches_are_warnings(items: list[str], expected: str) -> None:
    parsed = parse_article(_gallery("\n".join(_item(c, f"Caption {c}.") for c in items)))
    assert len(parsed.items) == len(items)
    assert any(expected in warning for warning in parsed.warnings)


def test_missing_photo_number_is_named() -> None:
    parsed = parse_article(
        _gallery("\n".join(_item(c, "A caption.") for c in ("(1 of 3)", "(3 of 3)")))
    )
    assert any("2" in w and "missing" in w for w in parsed.warnings)


def test_a_photo_without_caption_is_kept_with_a_warning() -> None:
    text = _gallery("(1 of 2)\nOpen Image Modal\n(2 of 2)\nOpen Image Modal\nSecond. (credit:AP)")
    parsed = parse_article(text)
    assert [item.caption for item in parsed.items] == ["", "Second."]
    assert any("no caption" in w for w in parsed.warnings)


def test_article_without_gallery_imports_with_a_warning() -> None:
    gallery = import_article(NO_GALLERY, gallery_id="bridge")
    assert gallery.entries == ()
    assert gallery.title == "Council Approves New Bridge"
    assert gallery.id == "bridge"
    assert gallery.article is not None
    assert gallery.article.standfirst == "The vote ends a decade of debate."
    assert len(gallery.article.paragraphs) == 2
    assert gallery.article.gallery_index is None
    assert any("no photo gallery" in w for w in gallery.warnings)


@pytest.mark.parametrize("text", ["", "   \n\n\t", "\x00\x01\x02binary\x00" * 10, "\x07" * 50])
def test_text_that_is_no_article_gives_a_sentence(text: str) -> None:
    with pytest.raises(ArticleError, match=r"not an article: it (is empty|holds binary)"):
        parse_article(text)


def test_boilerplate_only_is_no_article() -> None:
    with pytest.raises(ArticleError, match="boilerplate"):
        parse_article("Open Image Modal\n|\nSupport HuffPost\n")


# --- links from photos back to the article ----------------------------------


def test_relate_names_shared_words_and_the_paragraph() -> None:
    paragraphs = [
        "The Islamic State holds Mosul, officials in Baghdad said.",
        "Rain fell over Paris on Tuesday.",
        "Markets were calm.",
    ]
    indices, reason = relate("Islamic State fighters parade through Mosul.", paragraphs)
    assert indices == (0,)
    assert "'Mosul'" in reason  # the specific place, not the side of the war
    assert "Islamic State" not in reason
    assert "paragraph 1" in reason


def test_relate_returns_nothing_when_nothing_is_shared() -> None:
    indices, reason = relate("A cat sleeps on a windowsill.", ["The council voted.", "Taxes rose."])
    assert indices == ()
    assert "no place, person, unit or date" in reason


def test_relate_ignores_stop_words_and_caption_credits() -> None:
    paragraphs = ["This is what they said about the file.", "Khalid Mohammed wrote a book."]
    indices, _ = relate("This is the file photo. (AP Photo/Khalid Mohammed, File)", paragraphs)
    assert indices == ()


def test_relate_gives_at_most_three_paragraphs_best_first() -> None:
    paragraphs = [f"Tikrit militia fighter number {k} spoke." for k in range(5)]
    paragraphs.append("Shiite militiamen celebrate in Tikrit at Saddam Hussein's palace.")
    indices, _ = relate(
        "Shiite militiamen celebrate at Saddam Hussein's palace in Tikrit", paragraphs
    )
    assert indices[0] == 5
    assert len(indices) <= 3


def test_entries_link_to_paragraphs_or_to_the_gallery_position(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(article_module, "parse_caption", _no_fields)
    gallery = import_article(TRIMMED)
    first, second = gallery.entries[0].context, gallery.entries[1].context
    assert first is not None and second is not None
    assert first.gallery_index == 4
    # "Iraqi", "Iraq" and "Islamic State" say which war, not which paragraph.
    assert first.paragraphs == () and second.paragraphs == ()
    assert "illustrates the article as a whole (it follows paragraph 4)" in second.reason


# --- entries ----------------------------------------------------------------


def test_entries_have_padded_ids_positions_captions_and_credit_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(article_module, "parse_caption", _no_fields)
    items = "\n".join(_item(f"({k:02d} of 10)", f"Caption {k}.") for k in range(1, 11))
    gallery = import_article(_gallery(items), gallery_id="g1")
    assert [e.id for e in gallery.entries] == [f"{k:02d}" for k in range(1, 11)]
    assert [e.position for e in gallery.entries] == list(range(1, 11))
    assert gallery.entries[0].caption == "Caption 1."
    assert gallery.entries[0].credit == "AP"
    assert gallery.title == "The Gallery"


def test_credit_line_wins_and_parser_credit_fills_in(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_parse(text: str) -> SimpleNamespace:
        credit = "Reuters"
        taken = dt.date(2015, 4, 3)
        return SimpleNamespace(
            taken=taken,
            location=None,
            creator="Jo",
            credit=credit,
            file_photo=True,
            warnings=("w",),
        )

    monkeypatch.setattr(article_module, "parse_caption", fake_parse)
    items = (
        _item("(1 of 2)", "Caption 1.")
        + "\n"
        + _item("(2 of 2)", "Caption 2.").replace(" (credit:AP)", "")
    )
    entries = import_article(_gallery(items)).entries
    assert [e.credit for e in entries] == ["AP", "Reuters"]
    assert entries[0].creator == "Jo" and entries[0].file_photo and entries[0].warnings == ("w",)


def test_a_failing_caption_reader_costs_one_caption_not_the_import(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(text: str) -> SimpleNamespace:
        raise ValueError("boom")

    monkeypatch.setattr(article_module, "parse_caption", broken)
    gallery = import_article(_gallery(_item("(1 of 1)", "Caption.")))
    assert gallery.entries[0].caption == "Caption."
    assert gallery.entries[0].warnings == ("The caption could not be read for date and place.",)
