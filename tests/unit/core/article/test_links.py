# SPDX-License-Identifier: GPL-3.0-or-later
"""A caption links to a paragraph only on specific shared evidence above the threshold."""

from __future__ import annotations

from gallery_app.core.article.links import NO_EVIDENCE, relate
from gallery_app.core.loader import load_gallery

ARTICLE = [
    "Iraqi Foreign Minister Ibrahim al-Jaafari wants more strikes against the Islamic State.",
    "The Iraqi military and the coalition are winning, he said.",
    "Russian planes flew over Iraq and Iran to Syria.",
    "In Tikrit, fighters loyal to the government raised the flag over the palace.",
]


def test_sharing_only_the_war_links_nothing() -> None:
    caption = "Iraqi security forces fire at Islamic State positions in Iraq. (AP Photo/K. M.)"
    assert relate(caption, ARTICLE) == ((), NO_EVIDENCE)


def test_a_shared_place_links_its_paragraph() -> None:
    indices, reason = relate("Iraqi forces celebrate in Tikrit, Iraq.", ARTICLE)
    assert indices == (3,)
    assert "'Tikrit'" in reason and "paragraph 4" in reason


def test_a_shared_date_is_evidence() -> None:
    paragraphs = ["Talks resumed.", "On March 30 the army entered the city.", "Prices rose."]
    indices, _ = relate("Soldiers rest, Monday, March 30, 2015.", paragraphs)
    assert indices == (1,)


def test_a_name_in_every_paragraph_stays_below_the_threshold() -> None:
    paragraphs = [f"Mosul was quiet on day {n}." for n in range(8)]
    assert relate("A market in Mosul.", paragraphs)[0] == ()


def test_the_bundled_gallery_illustrates_its_article_as_a_whole() -> None:
    gallery = load_gallery(None)
    for entry in gallery.entries:
        assert entry.context is not None and entry.context.paragraphs == ()
        assert "illustrates the article as a whole" in entry.context.reason
